// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QToolButton;

namespace wb::ui {

// Permanent status-bar widgets: the open workspace, the receiver URL (with a copy button), the
// dispatcher state, the queue depth and a badge counting connections that need attention (hidden
// at zero; clicking it emits attentionClicked()).
class StatusBarWidgets final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBarWidgets)

public:
    explicit StatusBarWidgets(QWidget *parent = nullptr);

    // An empty URL shows "Receiver stopped" and `problem`, when given, as its tooltip.
    void setReceiverUrl(const QUrl &url, const QString &problem = {});
    // The public URL providers call (a tunnel or reverse proxy to the receiver); empty: none.
    // When set, it is what the label shows and Copy copies.
    void setPublicUrl(const QUrl &url);
    // Something the user must know about the receiver (it moved to another port): a warning
    // sign on the label and the text in its tooltip. Empty: none.
    void setReceiverNote(const QString &note);
    // The open workspace (its path or URL); an empty location shows "No workspace" and `problem`.
    void setWorkspace(const QString &location, const QString &problem = {});
    // The delivery engine's state in words; `problem`, when given, becomes its tooltip.
    void setDispatcherState(const QString &state, const QString &problem = {});
    // The delivery queue: deliveries waiting for an attempt and attempts being sent now.
    void setQueueCounts(qint64 pending, qint64 inFlight);
    void setAttentionCount(int count);

    QUrl receiverUrl() const { return m_url; }
    // What Copy puts on the clipboard: the public URL when set, else the receiver's.
    QUrl shownUrl() const { return m_publicUrl.isEmpty() ? m_url : m_publicUrl; }

Q_SIGNALS:
    // The attention badge was clicked: show the connections that need attention.
    void attentionClicked();

private:
    void showReceiver();

    QUrl m_url;
    QUrl m_publicUrl;
    QString m_problem;
    QString m_note;
    QLabel *m_receiver = nullptr;
    QToolButton *m_copy = nullptr;
    QLabel *m_workspace = nullptr;
    QLabel *m_dispatcher = nullptr;
    QLabel *m_queue = nullptr;
    QToolButton *m_attention = nullptr;
};

} // namespace wb::ui
