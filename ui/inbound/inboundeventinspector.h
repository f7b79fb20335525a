// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/events/inboundevent.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTreeView;

namespace wb::models {
class RequestTreeModel;
struct RequestDissection;
} // namespace wb::models

namespace wb::ui {

class HexView;

// The detail pane of the Inbound tab, for one inbound event:
//  - Request: the packet-detail tree (request line, headers, the JSON body member by member, with
//    numbers exactly as their bytes) above the bytes (hex and ASCII), linked by byte ranges like
//    Wireshark's: selecting a field highlights its bytes, clicking a byte selects its field;
//  - Headers: the header fields in order, as received;
//  - Text: the body as text in the charset its Content-Type names, undecodable bytes as \xNN;
//  - Summary: the verification verdict and its explanation, the handshake answered, the identity
//    resolution and its explanation, the forwarding state and the delivery.
// The dissection runs on a worker thread (a 25 MB body takes a while); a newer event wins.
class InboundEventInspector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboundEventInspector)

public:
    enum Page { RequestPage, HeadersPage, TextPage, SummaryPage };
    Q_ENUM(Page)

    explicit InboundEventInspector(QWidget *parent = nullptr);
    ~InboundEventInspector() override;

    // `event` with its body. `tenantLabel`/`connectionLabel` name them for people.
    void setEvent(const core::InboundEvent &event, const QString &tenantLabel,
                  const QString &connectionLabel);
    void clear();
    bool hasEvent() const { return m_event.id != 0 || !m_event.request.method.isEmpty(); }
    const core::InboundEvent &event() const { return m_event; }
    bool isDissecting() const;

    QTabWidget *pages() const { return m_pages; }
    // Shown instead of the pages while no event is shown ("Select an event…").
    QLabel *emptyHint() const { return m_emptyHint; }
    QTreeView *fieldTree() const { return m_tree; }
    HexView *hexView() const { return m_hex; }
    models::RequestTreeModel *fieldModel() const { return m_treeModel; }
    QTableWidget *headerTable() const { return m_headers; }
    QPlainTextEdit *textView() const { return m_text; }
    QTextBrowser *summary() const { return m_summary; }

Q_SIGNALS:
    // The dissection of the event set last is in the tree and the bytes view.
    void dissected();

private:
    void onDissected();
    void onFieldSelected();
    void onByteClicked(qsizetype offset);
    QString summaryHtml(const QString &tenantLabel, const QString &connectionLabel) const;

    core::InboundEvent m_event;
    QTabWidget *m_pages = nullptr;
    QLabel *m_emptyHint = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_tree = nullptr;
    models::RequestTreeModel *m_treeModel = nullptr;
    HexView *m_hex = nullptr;
    QLabel *m_bodyNote = nullptr;
    QTableWidget *m_headers = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QTextBrowser *m_summary = nullptr;
    QFutureWatcher<models::RequestDissection> *m_watcher = nullptr;
    quint64 m_token = 0;
};

} // namespace wb::ui
