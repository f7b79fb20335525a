// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/events/inboundevent.h"
#include "core/util/result.h"
#include "ui/inbound/editredeliverdialog.h"

#include <QFuture>
#include <QWidget>

#include <functional>

class QLabel;
class QToolButton;

namespace wb::core {
class Clock;
class Store;
} // namespace wb::core

namespace wb::ui {

// The inspector's actions on the event shown (or a request loaded from a file):
//  - Copy as curl: secrets redacted (signature, token, Authorization…), or with them on request;
//  - Save request…: the HTTP/1.1 message as received, to a file; Load request…: one back into
//    the inspector (not stored);
//  - Re-deliver: to the connection's forward target (a stored event), or to a URL typed in,
//    byte-exact (the body and method as received; the label lists the header fields left out),
//    or edited and re-signed (EditRedeliverDialog) with the label of what changed.
// Results and refusals appear in the label beside the buttons. File and URL prompts are
// window-modal and asynchronous (no nested event loop).
class InboundActionBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboundActionBar)

public:
    explicit InboundActionBar(QWidget *parent = nullptr);

    // Where "Edit and re-deliver" gets the scheme and secrets of an event's connection.
    using SigningMaterialSource
            = std::function<QFuture<core::Result<SigningMaterial>>(const core::InboundEvent &)>;

    // Not owned; null disables re-delivery.
    void setStore(core::Store *store);
    // Not owned, outlives the bar; the system clock by default.
    void setClock(const core::Clock *clock);
    // None: edited requests can only be sent unsigned.
    void setSigningMaterialSource(SigningMaterialSource source);
    // The event the actions work on (id 0: a loaded request, not in the workspace).
    void setEvent(const core::InboundEvent &event);
    void clearEvent();

    // The actions without their prompts (the buttons call these after asking).
    void copyAsCurl(bool withSecrets);
    void saveTo(const QString &path);
    void loadFrom(const QString &path);
    void redeliverToForwardTarget();
    void redeliverTo(const QString &url);
    // Opens the editor (after fetching the signing material); its result is queued on accept.
    void editAndRedeliver();
    // Queues an edited request (what the editor's accept does).
    void queueEdited(const models::EditedRequest &edited, const QString &url);

    QString resultText() const;
    QToolButton *copyButton() const { return m_copy; }
    QToolButton *redeliverButton() const { return m_redeliver; }

Q_SIGNALS:
    // The editor is open (tests drive it).
    void editorOpened(wb::ui::EditRedeliverDialog *dialog);
    // A request file was read: show it (not stored; id 0).
    void requestLoaded(const wb::core::InboundEvent &event);
    // A re-delivery was queued: `deliveryId` for the deliveries view.
    void redeliveryQueued(qint64 deliveryId);
    // An action answered (its text is resultText()).
    void resultShown();

private:
    void showResult(const QString &text, bool error = false);
    void askForSavePath();
    void askForLoadPath();
    void askForUrl();
    void updateEnabled();

    core::Store *m_store = nullptr;
    const core::Clock *m_clock = nullptr;
    SigningMaterialSource m_signingMaterial;
    core::InboundEvent m_event;
    bool m_hasEvent = false;
    QToolButton *m_copy = nullptr;
    QToolButton *m_save = nullptr;
    QToolButton *m_load = nullptr;
    QToolButton *m_redeliver = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace wb::ui
