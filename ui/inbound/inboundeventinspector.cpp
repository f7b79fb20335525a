// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inbound/inboundeventinspector.h"

#include "models/inbound/requestdissection.h"
#include "models/inbound/requesttreemodel.h"
#include "ui/inbound/hexview.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace wb::ui {

InboundEventInspector::InboundEventInspector(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QTabWidget(this))
    , m_emptyHint(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeView(this))
    , m_treeModel(new models::RequestTreeModel(this))
    , m_hex(new HexView(this))
    , m_bodyNote(new QLabel(this))
    , m_headers(new QTableWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_summary(new QTextBrowser(this))
    , m_watcher(new QFutureWatcher<models::RequestDissection>(this))
{
    setObjectName(u"inboundEventInspector"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_emptyHint->setObjectName(u"inspectorEmptyHint"_s);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setEnabled(false); // the palette's disabled text: a hint, not content
    m_emptyHint->setText(tr("Select an event above to see its request field by field and byte by "
                            "byte, its headers, and how it was verified and routed."));
    m_stack->addWidget(m_emptyHint);
    m_stack->addWidget(m_pages);
    layout->addWidget(m_stack);

    m_tree->setObjectName(u"inspectorFieldTree"_s);
    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->resizeSection(0, 260);
    m_hex->setObjectName(u"inspectorHexView"_s);
    m_bodyNote->setObjectName(u"inspectorBodyNote"_s);
    m_bodyNote->setWordWrap(true);
    m_bodyNote->setVisible(false);
    auto *requestPage = new QWidget(this);
    auto *requestLayout = new QVBoxLayout(requestPage);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(Qt::Vertical, requestPage);
    split->addWidget(m_tree);
    split->addWidget(m_hex);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    requestLayout->addWidget(m_bodyNote);
    requestLayout->addWidget(split);
    m_pages->addTab(requestPage, tr("Request"));

    m_headers->setObjectName(u"inspectorHeaderTable"_s);
    m_headers->setColumnCount(2);
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->setVisible(false);
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pages->addTab(m_headers, tr("Headers"));

    m_text->setObjectName(u"inspectorText"_s);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_pages->addTab(m_text, tr("Text"));

    m_summary->setObjectName(u"inspectorSummary"_s);
    m_summary->setOpenLinks(false);
    m_pages->addTab(m_summary, tr("Summary"));

    connect(m_watcher, &QFutureWatcher<models::RequestDissection>::finished, this,
            &InboundEventInspector::onDissected);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &InboundEventInspector::onFieldSelected);
    connect(m_hex, &HexView::byteClicked, this, &InboundEventInspector::onByteClicked);
}

InboundEventInspector::~InboundEventInspector()
{
    m_watcher->cancel();
    m_watcher->waitForFinished(); // a dissection is CPU work with no event loop: it ends soon
}

bool InboundEventInspector::isDissecting() const
{
    return m_watcher->isRunning();
}

void InboundEventInspector::clear()
{
    setEvent({}, {}, {});
}

void InboundEventInspector::setEvent(const core::InboundEvent &event, const QString &tenantLabel,
                                     const QString &connectionLabel)
{
    m_event = event;
    m_stack->setCurrentWidget(hasEvent() ? static_cast<QWidget *>(m_pages) : m_emptyHint);
    m_treeModel->setDissection({});
    m_hex->setBytes({});
    m_bodyNote->setVisible(false);

    m_headers->setRowCount(int(event.request.headers.size()));
    for (qsizetype row = 0; row < event.request.headers.size(); ++row) {
        const core::ReceivedHeader &header = event.request.headers.at(row);
        m_headers->setItem(int(row), 0, new QTableWidgetItem(QString::fromLatin1(header.name)));
        m_headers->setItem(int(row), 1,
                           new QTableWidgetItem(models::visibleText(header.value, "iso-8859-1"_ba)));
    }
    m_headers->resizeColumnToContents(0);

    const QByteArray charset = models::bodyCharset(event.request);
    m_text->setPlainText(models::visibleText(event.request.body, charset));
    m_summary->setHtml(hasEvent() ? summaryHtml(tenantLabel, connectionLabel) : QString());

    if (!hasEvent())
        return;
    m_watcher->setFuture(QtConcurrent::run([event] { return models::dissectRequest(event); }));
}

void InboundEventInspector::onDissected()
{
    if (m_watcher->isCanceled() || m_watcher->future().resultCount() == 0)
        return;
    models::RequestDissection dissection = m_watcher->result();
    m_hex->setBytes(dissection.bytes);
    QString note;
    if (dissection.bodyError) {
        note = tr("The body is not valid JSON: %1").arg(dissection.bodyError->message);
    } else if (dissection.truncated) {
        note = tr("The body has more than %1 JSON values; the tree stops there (the bytes are "
                  "all shown).")
                       .arg(models::RequestDissection::maxJsonFields);
    }
    m_bodyNote->setText(note);
    m_bodyNote->setVisible(!note.isEmpty());
    m_treeModel->setDissection(std::move(dissection));
    // Open the request line, the headers and the body's first two levels.
    m_tree->expandToDepth(2);
    Q_EMIT dissected();
}

void InboundEventInspector::onFieldSelected()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid()) {
        m_hex->setHighlight(0, 0);
        return;
    }
    m_hex->setHighlight(current.data(models::RequestTreeModel::ByteOffsetRole).toLongLong(),
                        current.data(models::RequestTreeModel::ByteLengthRole).toLongLong());
}

void InboundEventInspector::onByteClicked(qsizetype offset)
{
    const QModelIndex index = m_treeModel->indexAtOffset(offset);
    if (!index.isValid())
        return;
    m_tree->scrollTo(index);
    m_tree->setCurrentIndex(index);
}

QString InboundEventInspector::summaryHtml(const QString &tenantLabel,
                                           const QString &connectionLabel) const
{
    const core::InboundEvent &e = m_event;
    const auto row = [](const QString &name, const QString &value) {
        return u"<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>"_s
                .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = u"<h3>"_s + tr("Event %1").arg(e.id) + u"</h3><table>"_s;
    html += row(tr("Received"),
                QDateTime::fromMSecsSinceEpoch(e.receivedAtMs, Qt::UTC).toString(Qt::ISODateWithMs));
    html += row(tr("From"), e.peerAddress);
    html += row(tr("Provider"), e.providerId);
    html += row(tr("Route"), e.route == core::InboundRoute::Connection
                                     ? tr("connection URL")
                                     : tr("provider URL (tenant resolved from the event)"));
    html += row(tr("Answered"), QString::number(e.responseStatus));
    if (!e.eventType.isEmpty())
        html += row(tr("Event type"), e.eventType);
    if (!e.providerEventId.isEmpty())
        html += row(tr("Provider event id"), e.providerEventId);
    if (e.duplicateCount > 0)
        html += row(tr("Duplicates"),
                    tr("%1 later copies answered without a new row").arg(e.duplicateCount));
    html += u"</table><h4>"_s + tr("Verification") + u"</h4><table>"_s;
    html += row(tr("Verdict"), core::nameOf(e.verdict));
    html += row(tr("Reason"), e.verificationReason);
    html += u"</table><p>"_s + e.verificationExplanation.toHtmlEscaped() + u"</p>"_s;
    if (e.handshake) {
        html += u"<h4>"_s + tr("Handshake") + u"</h4><p>"_s
                + tr("A %1 handshake, answered %2. Handshakes are recorded, never forwarded.")
                          .arg(e.handshakeKind.toHtmlEscaped())
                          .arg(e.responseStatus)
                + u"</p>"_s;
    }
    html += u"<h4>"_s + tr("Identity") + u"</h4><table>"_s;
    html += row(tr("Outcome"), e.identityOutcome);
    if (!e.identityValue.isEmpty())
        html += row(tr("External account"), e.identityValue);
    html += row(tr("Tenant"), tenantLabel.isEmpty() ? tr("none") : tenantLabel);
    html += row(tr("Connection"), connectionLabel.isEmpty() ? tr("none") : connectionLabel);
    html += u"</table><p>"_s + e.resolutionExplanation.toHtmlEscaped() + u"</p>"_s;
    html += u"<h4>"_s + tr("Forwarding") + u"</h4><table>"_s;
    html += row(tr("State"), core::nameOf(e.forwardingState));
    if (e.deliveryId)
        html += row(tr("Delivery"), QString::number(*e.deliveryId));
    if (e.forwardCount > 0)
        html += row(tr("Hand-overs"), QString::number(e.forwardCount));
    html += u"</table><p>"_s + e.forwardingNote.toHtmlEscaped() + u"</p>"_s;
    return html;
}

} // namespace wb::ui
