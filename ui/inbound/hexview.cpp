// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inbound/hexview.h"

#include <QFontDatabase>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {
constexpr int offsetDigits = 8;
constexpr int margin = 6;
} // namespace

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    updateScrollBars();
}

void HexView::setBytes(const QByteArray &bytes)
{
    m_bytes = bytes;
    m_highlightOffset = 0;
    m_highlightLength = 0;
    verticalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

void HexView::setHighlight(qsizetype offset, qsizetype length)
{
    m_highlightOffset = qBound<qsizetype>(0, offset, m_bytes.size());
    m_highlightLength = qBound<qsizetype>(0, length, m_bytes.size() - m_highlightOffset);
    if (m_highlightLength > 0) {
        const int first = int(m_highlightOffset / bytesPerLine);
        const int visible = qMax(1, viewport()->height() / lineHeight());
        QScrollBar *bar = verticalScrollBar();
        if (first < bar->value() || first >= bar->value() + visible)
            bar->setValue(qMax(0, first - 2));
    }
    viewport()->update();
}

int HexView::lineHeight() const
{
    return fontMetrics().height();
}

int HexView::charWidth() const
{
    return fontMetrics().horizontalAdvance(u'0');
}

int HexView::lineCount() const
{
    return int((m_bytes.size() + bytesPerLine - 1) / bytesPerLine);
}

int HexView::hexX() const
{
    return margin + (offsetDigits + 2) * charWidth();
}

int HexView::asciiX() const
{
    // "xx " per byte, one more space after the eighth byte, then two spaces.
    return hexX() + (bytesPerLine * 3 + 1 + 1) * charWidth();
}

void HexView::updateScrollBars()
{
    const int visible = qMax(1, viewport()->height() / qMax(1, lineHeight()));
    verticalScrollBar()->setRange(0, qMax(0, lineCount() - visible));
    verticalScrollBar()->setPageStep(visible);
    const int width = asciiX() + bytesPerLine * charWidth() + margin;
    horizontalScrollBar()->setRange(0, qMax(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

QRect HexView::hexCellRect(qsizetype offset) const
{
    const int line = int(offset / bytesPerLine) - verticalScrollBar()->value();
    const int column = int(offset % bytesPerLine);
    const int x = hexX() + (column * 3 + (column >= 8 ? 1 : 0)) * charWidth()
                  - horizontalScrollBar()->value();
    return QRect(x, line * lineHeight(), 2 * charWidth(), lineHeight());
}

qsizetype HexView::offsetAt(QPoint point) const
{
    const int cw = charWidth();
    const int line = point.y() / lineHeight() + verticalScrollBar()->value();
    const int x = point.x() + horizontalScrollBar()->value();
    int column = -1;
    if (x >= hexX() && x < asciiX() - cw) {
        int slot = (x - hexX()) / cw; // character slot in the hex column
        if (slot >= 8 * 3)
            slot -= 1; // the extra space after the eighth byte
        column = slot / 3;
    } else if (x >= asciiX() && x < asciiX() + bytesPerLine * cw) {
        column = (x - asciiX()) / cw;
    }
    if (column < 0 || column >= bytesPerLine)
        return -1;
    const qsizetype offset = qsizetype(line) * bytesPerLine + column;
    return offset < m_bytes.size() ? offset : -1;
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(viewport()->rect(), pal.base());
    const int cw = charWidth();
    const int lh = lineHeight();
    const int ascent = fontMetrics().ascent();
    const int first = verticalScrollBar()->value();
    const int visible = viewport()->height() / lh + 1;
    const int dx = -horizontalScrollBar()->value();
    const qsizetype hlEnd = m_highlightOffset + m_highlightLength;
    for (int line = first; line < qMin(lineCount(), first + visible); ++line) {
        const int y = (line - first) * lh;
        const qsizetype lineStart = qsizetype(line) * bytesPerLine;
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(margin + dx, y + ascent,
                         u"%1"_s.arg(lineStart, offsetDigits, 16, QChar(u'0')));
        for (int column = 0; column < bytesPerLine; ++column) {
            const qsizetype offset = lineStart + column;
            if (offset >= m_bytes.size())
                break;
            const auto byte = static_cast<unsigned char>(m_bytes.at(offset));
            const bool highlighted = offset >= m_highlightOffset && offset < hlEnd;
            const int hx = hexX() + (column * 3 + (column >= 8 ? 1 : 0)) * cw + dx;
            const int ax = asciiX() + column * cw + dx;
            if (highlighted) {
                // One band across the pair and its following space, so a range reads as a block.
                const bool lastInRange = offset + 1 == hlEnd || column == bytesPerLine - 1;
                painter.fillRect(QRect(hx, y, (lastInRange ? 2 : 3) * cw, lh),
                                 pal.color(QPalette::Highlight));
                painter.fillRect(QRect(ax, y, cw, lh), pal.color(QPalette::Highlight));
            }
            painter.setPen(highlighted ? pal.color(QPalette::HighlightedText)
                                       : pal.color(QPalette::Text));
            painter.drawText(hx, y + ascent, u"%1"_s.arg(uint(byte), 2, 16, QChar(u'0')));
            const QChar shown = byte >= 0x20 && byte < 0x7F ? QChar(char16_t(byte)) : QChar(u'.');
            painter.drawText(ax, y + ascent, QString(shown));
        }
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const qsizetype offset = offsetAt(event->position().toPoint());
    if (offset >= 0)
        Q_EMIT byteClicked(offset);
}

void HexView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
}

} // namespace wb::ui
