// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inbound/inboundactionbar.h"

#include "core/util/clock.h"
#include "core/util/futures.h"
#include "models/inbound/redelivery.h"
#include "models/inbound/requestexport.h"

#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace wb::ui {

InboundActionBar::InboundActionBar(QWidget *parent)
    : QWidget(parent)
    , m_copy(new QToolButton(this))
    , m_save(new QToolButton(this))
    , m_load(new QToolButton(this))
    , m_redeliver(new QToolButton(this))
    , m_result(new QLabel(this))
{
    setObjectName(u"inboundActionBar"_s);
    m_copy->setObjectName(u"copyAsCurlButton"_s);
    m_copy->setText(tr("Copy as curl"));
    m_copy->setPopupMode(QToolButton::MenuButtonPopup);
    m_copy->setToolTip(tr("Copy a curl command that sends this request again (signatures, "
                          "tokens and Authorization redacted)"));
    auto *copyMenu = new QMenu(m_copy);
    copyMenu->addAction(tr("Copy as curl (secrets redacted)"), this, [this] { copyAsCurl(false); });
    copyMenu->addAction(tr("Copy as curl with secrets"), this, [this] { copyAsCurl(true); });
    m_copy->setMenu(copyMenu);
    connect(m_copy, &QToolButton::clicked, this, [this] { copyAsCurl(false); });

    m_save->setObjectName(u"saveRequestButton"_s);
    m_save->setText(tr("Save request…"));
    connect(m_save, &QToolButton::clicked, this, &InboundActionBar::askForSavePath);
    m_load->setObjectName(u"loadRequestButton"_s);
    m_load->setText(tr("Load request…"));
    connect(m_load, &QToolButton::clicked, this, &InboundActionBar::askForLoadPath);

    m_redeliver->setObjectName(u"redeliverButton"_s);
    m_redeliver->setText(tr("Re-deliver"));
    // A split button as "Copy as curl" (an instant popup draws its arrow over the text); both
    // parts open the choices.
    m_redeliver->setPopupMode(QToolButton::MenuButtonPopup);
    connect(m_redeliver, &QToolButton::clicked, m_redeliver, &QToolButton::showMenu);
    auto *redeliverMenu = new QMenu(m_redeliver);
    redeliverMenu->addAction(tr("To the connection's forward target"), this,
                             &InboundActionBar::redeliverToForwardTarget);
    redeliverMenu->addAction(tr("To a URL… (byte-exact)"), this, &InboundActionBar::askForUrl);
    redeliverMenu->addAction(tr("Edit and re-deliver…"), this, &InboundActionBar::editAndRedeliver);
    m_redeliver->setMenu(redeliverMenu);

    m_result->setObjectName(u"inboundActionResult"_s);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_copy);
    layout->addWidget(m_save);
    layout->addWidget(m_load);
    layout->addWidget(m_redeliver);
    layout->addWidget(m_result, 1);
    updateEnabled();
}

void InboundActionBar::setStore(core::Store *store)
{
    m_store = store;
    updateEnabled();
}

void InboundActionBar::setClock(const core::Clock *clock)
{
    m_clock = clock;
}

void InboundActionBar::setSigningMaterialSource(SigningMaterialSource source)
{
    m_signingMaterial = std::move(source);
}

void InboundActionBar::editAndRedeliver()
{
    if (!m_hasEvent || !m_store)
        return;
    const auto open = [this](const SigningMaterial &material) {
        const core::Clock *clock = m_clock ? m_clock : core::SystemClock::instance();
        auto *dialog = new EditRedeliverDialog(
                m_event.request, material, [clock] { return clock->nowMs(); }, window());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this,
                [this, dialog] { queueEdited(dialog->prepared(), dialog->url()); });
        dialog->open();
        Q_EMIT editorOpened(dialog);
    };
    if (!m_signingMaterial || m_event.id <= 0) {
        open({});
        return;
    }
    core::whenFinished(m_signingMaterial(m_event), this,
                       [this, open](const core::Result<SigningMaterial> &material) {
                           if (!material) {
                               showResult(tr("Cannot re-sign: %1 The editor offers unsigned "
                                             "sending only.")
                                                  .arg(material.error().message),
                                          true);
                               open({});
                               return;
                           }
                           open(*material);
                       });
}

void InboundActionBar::queueEdited(const models::EditedRequest &edited, const QString &url)
{
    if (!m_store)
        return;
    const auto plan = models::planRedelivery(edited.request, QUrl(url));
    if (!plan) {
        showResult(plan.error().message, true);
        return;
    }
    const QStringList changes = edited.changes;
    core::whenFinished(models::enqueueRedelivery(*m_store, *plan), this,
                       [this, changes](const core::Result<core::Delivery> &delivery) {
                           if (!delivery) {
                               showResult(delivery.error().message, true);
                               return;
                           }
                           showResult(tr("Queued edited delivery %1 to %2. Changed: %3.")
                                              .arg(delivery->id)
                                              .arg(delivery->url.toDisplayString(),
                                                   changes.isEmpty() ? tr("nothing")
                                                                     : changes.join(u"; "_s)));
                           Q_EMIT redeliveryQueued(delivery->id);
                       });
}

void InboundActionBar::setEvent(const core::InboundEvent &event)
{
    m_event = event;
    m_hasEvent = true;
    m_result->clear();
    updateEnabled();
}

void InboundActionBar::clearEvent()
{
    m_event = {};
    m_hasEvent = false;
    m_result->clear();
    updateEnabled();
}

void InboundActionBar::updateEnabled()
{
    m_copy->setEnabled(m_hasEvent);
    m_save->setEnabled(m_hasEvent);
    m_redeliver->setEnabled(m_hasEvent && m_store);
}

QString InboundActionBar::resultText() const
{
    return m_result->text();
}

void InboundActionBar::showResult(const QString &text, bool error)
{
    m_result->setText(text);
    m_result->setStyleSheet(error ? u"color: #b01e1e;"_s : QString());
    Q_EMIT resultShown();
}

void InboundActionBar::copyAsCurl(bool withSecrets)
{
    if (!m_hasEvent)
        return;
    QGuiApplication::clipboard()->setText(models::curlCommand(m_event.request, {}, withSecrets));
    showResult(withSecrets ? tr("Copied a curl command WITH the secrets: keep it private.")
                           : tr("Copied a curl command (secrets redacted)."));
}

void InboundActionBar::askForSavePath()
{
    auto *dialog = new QFileDialog(window(), tr("Save the request"), {},
                                   tr("HTTP requests (*.http);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"http"_s);
    dialog->selectFile(u"inbound-event-%1.http"_s.arg(m_event.id));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &InboundActionBar::saveTo);
    dialog->open();
}

void InboundActionBar::saveTo(const QString &path)
{
    if (!m_hasEvent)
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(models::requestFileBytes(m_event.request, m_event.requestTarget)) < 0
        || !file.commit()) {
        showResult(tr("Could not write %1: %2").arg(path, file.errorString()), true);
        return;
    }
    showResult(tr("Saved the request to %1.").arg(path));
}

void InboundActionBar::askForLoadPath()
{
    auto *dialog = new QFileDialog(window(), tr("Load a request"), {},
                                   tr("HTTP requests (*.http);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &InboundActionBar::loadFrom);
    dialog->open();
}

void InboundActionBar::loadFrom(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showResult(tr("Could not read %1: %2").arg(path, file.errorString()), true);
        return;
    }
    // Request files are what one person saved: small. Refuse anything huge before reading it.
    constexpr qint64 maxBytes = 32 * 1024 * 1024;
    if (file.size() > maxBytes) {
        showResult(tr("%1 has %2 bytes; requests up to %3 bytes can be loaded.")
                           .arg(path)
                           .arg(file.size())
                           .arg(maxBytes),
                   true);
        return;
    }
    const auto request = models::parseRequestFile(file.readAll(), QFileInfo(path).fileName());
    if (!request) {
        showResult(request.error().message, true);
        return;
    }
    core::InboundEvent event;
    event.request = *request;
    event.requestTarget = request->url.mid(
            request->url.indexOf('/', request->url.indexOf("//") + 2));
    event.bodySize = request->body.size();
    event.verificationReason = u"loaded_from_file"_s;
    event.verificationExplanation = tr("Loaded from %1: not received, not verified.").arg(path);
    setEvent(event);
    Q_EMIT requestLoaded(event);
    showResult(tr("Loaded %1 (not stored in the workspace).").arg(QFileInfo(path).fileName()));
}

void InboundActionBar::redeliverToForwardTarget()
{
    if (!m_hasEvent || !m_store)
        return;
    if (m_event.id <= 0) {
        showResult(tr("A loaded request has no connection: re-deliver it to a URL."), true);
        return;
    }
    core::whenFinished(models::requestForwardRedelivery(*m_store, m_event.id), this,
                       [this](const core::Result<core::InboundEvent> &event) {
                           if (!event) {
                               showResult(event.error().message, true);
                               return;
                           }
                           showResult(tr("Event %1 is queued for its forward target again "
                                         "(hand-over %2, same bytes).")
                                              .arg(event->id)
                                              .arg(event->forwardCount + 1));
                       });
}

void InboundActionBar::askForUrl()
{
    auto *dialog = new QInputDialog(window());
    dialog->setWindowTitle(tr("Re-deliver to a URL"));
    dialog->setLabelText(tr("Send the request's method, header fields and body bytes, as "
                            "received, to:"));
    dialog->setTextValue(u"https://"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, &InboundActionBar::redeliverTo);
    dialog->open();
}

void InboundActionBar::redeliverTo(const QString &url)
{
    if (!m_hasEvent || !m_store)
        return;
    const auto plan = models::planRedelivery(m_event.request, QUrl(url.trimmed()));
    if (!plan) {
        showResult(plan.error().message, true);
        return;
    }
    const QStringList leftOut = plan->leftOut;
    core::whenFinished(models::enqueueRedelivery(*m_store, *plan), this,
                       [this, leftOut](const core::Result<core::Delivery> &delivery) {
                           if (!delivery) {
                               showResult(delivery.error().message, true);
                               return;
                           }
                           QString text = tr("Queued delivery %1 to %2: body and method as "
                                             "received.")
                                                  .arg(delivery->id)
                                                  .arg(delivery->url.toDisplayString());
                           if (!leftOut.isEmpty())
                               text += u' ' + tr("Left out: %1.").arg(leftOut.join(u", "_s));
                           showResult(text);
                           Q_EMIT redeliveryQueued(delivery->id);
                       });
}

} // namespace wb::ui
