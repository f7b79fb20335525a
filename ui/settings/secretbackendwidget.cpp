// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/secretbackendwidget.h"

#include "core/secrets/masterkey.h"
#include "core/secrets/secretmigration.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {

const QString keychainName = u"keychain"_s;
const QString sealedName = u"sealed"_s;

QString describeBackend(const QString &backend)
{
    if (backend == keychainName)
        return SecretBackendWidget::tr("The OS keychain (keychain)");
    if (backend == sealedName)
        return SecretBackendWidget::tr("Sealed in the workspace database (sealed)");
    return backend;
}

QString describeOrigin(const core::LoadedMasterKey &key)
{
    switch (key.origin) {
    case core::MasterKeyOrigin::KeyFile:
        return SecretBackendWidget::tr("the key file %1").arg(key.location);
    case core::MasterKeyOrigin::Environment:
        return SecretBackendWidget::tr("the key file %1 (named by %2)")
                .arg(key.location, QString::fromLatin1(core::MasterKeySource::environmentVariable));
    case core::MasterKeyOrigin::Keychain:
        return SecretBackendWidget::tr("the OS keychain entry %1").arg(key.location);
    }
    return key.location;
}

} // namespace

SecretBackendWidget::SecretBackendWidget(core::Store &store, core::MasterKeySource keySource,
                                         QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_keySource(std::move(keySource))
{
    m_backend = new QLabel(this);
    m_backend->setObjectName(u"secretBackend"_s);
    m_counts = new QLabel(this);
    m_counts->setObjectName(u"secretCounts"_s);
    m_masterKey = new QLabel(this);
    m_masterKey->setObjectName(u"masterKey"_s);
    m_masterKey->setWordWrap(true);
    m_masterKey->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_migrate = new QPushButton(this);
    m_migrate->setObjectName(u"migrateSecrets"_s);
    m_migrate->setEnabled(false);
    connect(m_migrate, &QPushButton::clicked, this, &SecretBackendWidget::askToMigrate);

    m_confirmation = new QWidget(this);
    m_confirmationText = new QLabel(m_confirmation);
    m_confirmationText->setObjectName(u"migrationQuestion"_s);
    m_confirmationText->setWordWrap(true);
    m_confirm = new QPushButton(tr("Move Now"), m_confirmation);
    m_confirm->setObjectName(u"confirmMigration"_s);
    m_cancel = new QPushButton(tr("Cancel"), m_confirmation);
    m_cancel->setObjectName(u"cancelMigration"_s);
    connect(m_confirm, &QPushButton::clicked, this, &SecretBackendWidget::startMigration);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_confirmation->hide();
        m_migrate->setEnabled(true);
    });
    auto *confirmButtons = new QHBoxLayout;
    confirmButtons->addStretch();
    confirmButtons->addWidget(m_cancel);
    confirmButtons->addWidget(m_confirm);
    auto *confirmLayout = new QVBoxLayout(m_confirmation);
    confirmLayout->setContentsMargins(0, 0, 0, 0);
    confirmLayout->addWidget(m_confirmationText);
    confirmLayout->addLayout(confirmButtons);
    m_confirmation->hide();

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"migrationProgress"_s);
    m_progress->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(u"secretMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Secrets are kept in:"), m_backend);
    form->addRow(tr("Stored secrets:"), m_counts);
    form->addRow(tr("Master key:"), m_masterKey);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(m_migrate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttonRow);
    layout->addWidget(m_confirmation);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addStretch();

    refresh();
}

SecretBackendWidget::~SecretBackendWidget() = default;

QString SecretBackendWidget::targetBackend() const
{
    return m_status && m_status->backend == sealedName ? keychainName : sealedName;
}

void SecretBackendWidget::refresh()
{
    m_migrate->setEnabled(false);
    core::whenFinished(core::readSecretBackendStatus(m_store), this,
                       [this](const core::Result<core::SecretBackendStatus> &status) {
                           showStatus(status);
                       });
}

void SecretBackendWidget::showStatus(const core::Result<core::SecretBackendStatus> &status)
{
    if (!status) {
        m_status.reset();
        m_backend->setText(tr("Unknown"));
        m_counts->clear();
        m_masterKey->clear();
        m_message->setText(status.error().message);
        Q_EMIT refreshed();
        return;
    }
    m_status = *status;
    m_backend->setText(describeBackend(status->backend));
    m_counts->setText(tr("%1 in the keychain, %2 sealed")
                              .arg(status->keychainReferences)
                              .arg(status->sealedReferences));
    m_migrate->setText(status->backend == sealedName ? tr("Move Secrets to the Keychain…")
                                                     : tr("Move Secrets to the Sealed Store…"));
    core::whenFinished(core::loadMasterKey(m_store.workspaceInfo().workspaceId, m_keySource), this,
                       [this](const core::Result<core::LoadedMasterKey> &key) {
                           showMasterKey(key);
                       });
}

void SecretBackendWidget::showMasterKey(const core::Result<core::LoadedMasterKey> &key)
{
    const bool sealed = m_status && m_status->backend == sealedName;
    m_key.reset();
    m_keyAvailable = false;
    if (key) {
        const QString keyId = key->key->keyId();
        QString text = tr("From %1, key id %2").arg(describeOrigin(*key), keyId);
        if (m_status && m_status->sealingKeyId && *m_status->sealingKeyId != keyId) {
            // Sealing with it would make the other secrets unreadable; opening fails anyway.
            text += u' '
                    + tr("(not the workspace's key %1: the secrets cannot be opened with it)")
                              .arg(*m_status->sealingKeyId);
        } else {
            m_key = key->key;
            m_keyAvailable = true;
        }
        m_masterKey->setText(text);
    } else if (!sealed && key.error().code == u"secrets.master_key_missing"_s) {
        m_masterKey->setText(tr("None yet: moving to the sealed store creates one in the OS "
                                "keychain."));
        m_keyAvailable = true; // one will be made
    } else {
        m_masterKey->setText(key.error().message);
    }
    m_migrate->setEnabled(m_status && m_keyAvailable && !m_migration);
    Q_EMIT refreshed();
}

void SecretBackendWidget::askToMigrate()
{
    if (!m_status)
        return;
    const qint64 count = m_status->keychainReferences + m_status->sealedReferences;
    QString question;
    if (targetBackend() == sealedName) {
        question = tr("Move %n secret(s) from the OS keychain into the workspace database, "
                      "encrypted with the master key?",
                      nullptr, int(count));
        if (!m_key)
            question += u' ' + tr("A new master key is created in the OS keychain first.");
    } else {
        question = tr("Move %n secret(s) out of the workspace database into the OS keychain?",
                      nullptr, int(count));
    }
    question += u' '
                + tr("No secret is written to disk unencrypted. Stop other Wirebench processes "
                     "that use this workspace first: they must restart to use the new store.");
    m_confirmationText->setText(question);
    m_migrate->setEnabled(false);
    m_confirmation->show();
}

void SecretBackendWidget::startMigration()
{
    m_confirmation->hide();
    m_message->setText(tr("Moving secrets…"));
    m_progress->setRange(0, 0);
    m_progress->show();
    if (targetBackend() == sealedName && !m_key) {
        const std::shared_ptr<const core::MasterKey> key = core::MasterKey::generate(
                tr("a new key"));
        core::whenFinished(core::storeMasterKeyInKeychain(m_store.workspaceInfo().workspaceId, *key),
                           this, [this, key](const core::Result<void> &stored) {
                               if (!stored) {
                                   endMigration(core::fail(stored.error()));
                                   return;
                               }
                               migrateWith(key);
                           });
        return;
    }
    migrateWith(m_key);
}

void SecretBackendWidget::migrateWith(const std::shared_ptr<const core::MasterKey> &key)
{
    m_migration = std::make_unique<core::SecretMigration>(m_store, key);
    m_migration->setProgressCallback([this](const core::SecretMigrationProgress &progress) {
        m_progress->setRange(0, std::max(progress.total, 1));
        m_progress->setValue(progress.done);
    });
    core::whenFinished(m_migration->migrateTo(targetBackend()), this,
                       [this](const core::Result<core::SecretMigrationReport> &report) {
                           endMigration(report);
                       });
}

void SecretBackendWidget::endMigration(const core::Result<core::SecretMigrationReport> &report)
{
    m_progress->hide();
    if (m_migration)
        m_migration.release()->deleteLater(); // may still be on the stack of its last callback
    if (!report) {
        m_message->setText(report.error().message);
    } else {
        QStringList lines{
                tr("Moved %n secret(s) to the %1 store.", nullptr, report->moved).arg(report->to)};
        for (const QString &dropped : report->droppedReferences)
            lines << tr("The %1 had no value any more; its reference was dropped.").arg(dropped);
        lines << report->warnings;
        m_message->setText(lines.join(u'\n'));
    }
    Q_EMIT migrationFinished(bool(report), m_store.workspaceInfo().secretBackend);
    refresh();
}

} // namespace wb::ui
