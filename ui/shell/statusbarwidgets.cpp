// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/statusbarwidgets.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace wb::ui {

StatusBarWidgets::StatusBarWidgets(QWidget *parent)
    : QWidget(parent)
    , m_receiver(new QLabel(this))
    , m_copy(new QToolButton(this))
    , m_workspace(new QLabel(this))
    , m_dispatcher(new QLabel(this))
    , m_queue(new QLabel(this))
    , m_attention(new QToolButton(this))
{
    m_receiver->setObjectName(u"receiverUrl"_s);
    m_receiver->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy->setObjectName(u"copyReceiverUrl"_s);
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the receiver URL"));
    m_workspace->setObjectName(u"workspaceLabel"_s);
    m_dispatcher->setObjectName(u"dispatcherState"_s);
    m_queue->setObjectName(u"queueDepth"_s);
    m_attention->setObjectName(u"attentionBadge"_s);
    m_attention->setCursor(Qt::PointingHandCursor);
    m_attention->setToolTip(tr("Show the connections that need attention"));
    m_attention->setStyleSheet(u"QToolButton { background: #c0392b; color: white; border: none; "
                               "border-radius: 8px; padding: 1px 8px; font-weight: bold; }"
                               "QToolButton:hover { background: #a93226; }"_s);
    connect(m_attention, &QToolButton::clicked, this, &StatusBarWidgets::attentionClicked);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_attention);
    layout->addWidget(m_workspace);
    layout->addWidget(m_queue);
    layout->addWidget(m_dispatcher);
    auto *receiverBox = new QHBoxLayout;
    receiverBox->setSpacing(2);
    receiverBox->addWidget(m_receiver);
    receiverBox->addWidget(m_copy);
    layout->addLayout(receiverBox);

    connect(m_copy, &QToolButton::clicked, this, [this] {
        if (!m_url.isEmpty())
            QApplication::clipboard()->setText(shownUrl().toString());
    });

    setReceiverUrl({});
    setWorkspace({});
    setDispatcherState(tr("Dispatcher starting"));
    setQueueCounts(0, 0);
    setAttentionCount(0);
}

void StatusBarWidgets::setReceiverUrl(const QUrl &url, const QString &problem)
{
    m_url = url;
    m_problem = problem;
    showReceiver();
}

void StatusBarWidgets::setPublicUrl(const QUrl &url)
{
    m_publicUrl = url;
    showReceiver();
}

void StatusBarWidgets::setReceiverNote(const QString &note)
{
    m_note = note;
    showReceiver();
}

void StatusBarWidgets::showReceiver()
{
    if (m_url.isEmpty()) {
        m_receiver->setText(tr("Receiver stopped"));
        m_receiver->setToolTip(m_problem);
        m_copy->setEnabled(false);
        return;
    }
    const QString shown = shownUrl().toString();
    m_receiver->setText((m_note.isEmpty() ? QString() : u"⚠ "_s) + tr("Receiver: %1").arg(shown));
    QString tip = m_publicUrl.isEmpty()
                          ? tr("External systems send webhooks to %1/hooks/…").arg(shown)
                          : tr("External systems send webhooks to %1/hooks/…, which reaches "
                               "this receiver at %2.")
                                    .arg(shown, m_url.toString());
    if (!m_note.isEmpty())
        tip += u"\n\n"_s + m_note;
    m_receiver->setToolTip(tip);
    m_copy->setEnabled(true);
}

void StatusBarWidgets::setWorkspace(const QString &location, const QString &problem)
{
    if (location.isEmpty()) {
        m_workspace->setText(tr("No workspace"));
        m_workspace->setToolTip(problem);
        return;
    }
    const QUrl url(location);
    if (url.scheme() == u"postgresql" || url.scheme() == u"postgres") {
        // A shared PostgreSQL workspace: its database and server, never a password.
        m_workspace->setText(
                tr("Workspace: %1 on %2 (PostgreSQL)").arg(url.path().mid(1), url.host()));
    } else {
        m_workspace->setText(tr("Workspace: %1").arg(QFileInfo(location).fileName()));
    }
    m_workspace->setToolTip(location);
}

void StatusBarWidgets::setDispatcherState(const QString &state, const QString &problem)
{
    m_dispatcher->setText(state);
    m_dispatcher->setToolTip(problem);
}

void StatusBarWidgets::setQueueCounts(qint64 pending, qint64 inFlight)
{
    m_queue->setText(tr("Queue: %1 pending, %2 in flight").arg(pending).arg(inFlight));
    m_queue->setToolTip(tr("Deliveries waiting for their next attempt (due now, or held back by a "
                           "retry or a rate limit), and attempts being sent now."));
}

void StatusBarWidgets::setAttentionCount(int count)
{
    m_attention->setText(tr("Needs attention: %1").arg(count));
    m_attention->setVisible(count > 0);
}

} // namespace wb::ui
