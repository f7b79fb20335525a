// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>

namespace wb::ui {

// The bytes pane of the inspector: offset, 16 bytes in hex, the same bytes as ASCII (other bytes
// as '.'), one line each, like Wireshark's. One range is highlighted (the field selected in the
// tree); a click on a byte reports its offset (the tree then selects the field holding it).
// Paints only the visible lines, so a 25 MB body costs nothing until scrolled.
class HexView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HexView)

public:
    static constexpr int bytesPerLine = 16;

    explicit HexView(QWidget *parent = nullptr);

    void setBytes(const QByteArray &bytes);
    const QByteArray &bytes() const { return m_bytes; }
    // Highlights [offset, offset + length) and scrolls it into view; length 0 clears.
    void setHighlight(qsizetype offset, qsizetype length);
    qsizetype highlightOffset() const { return m_highlightOffset; }
    qsizetype highlightLength() const { return m_highlightLength; }
    // The byte under `point` (viewport coordinates), -1 when none.
    qsizetype offsetAt(QPoint point) const;
    // Where byte `offset` is drawn in the hex column (viewport coordinates), for tests.
    QRect hexCellRect(qsizetype offset) const;

Q_SIGNALS:
    void byteClicked(qsizetype offset);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateScrollBars();
    int lineHeight() const;
    int charWidth() const;
    int lineCount() const;
    // x of the hex column's first character, of the ASCII column's.
    int hexX() const;
    int asciiX() const;

    QByteArray m_bytes;
    qsizetype m_highlightOffset = 0;
    qsizetype m_highlightLength = 0;
};

} // namespace wb::ui
