// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretstore.h"

#include <QObject>
#include <QUuid>

namespace QKeychain {
class Job;
}

namespace wb::core {

// Secrets in the OS keychain through QtKeychain (Secret Service over D-Bus on Linux: gnome-keyring
// or KWallet; Keychain on macOS; Credential Manager on Windows). Never falls back to plain text
// (QtKeychain's insecureFallback stays off).
//
// Entries are stored under the service name "wirebench" with the key
// "workspace/<workspace uuid>/connection/<id>/<kind>/<slot>", so two workspaces never collide.
// Values are written as binary data (QtKeychain keeps them base64-encoded in the Secret Service).
//
// Thread: lives on the thread that creates it, which needs an event loop (QtKeychain's jobs talk to
// D-Bus asynchronously); normally the main thread. Calls from other threads are forwarded there;
// futures complete there.
//
// When a job fails, the store asks D-Bus why (Linux): no session bus, or no Secret Service / KWallet
// on it, gives `secrets.keychain_unavailable` with that reason in plain words.
//
// Destroyed with jobs in flight: those jobs still reach the keychain (a write or a delete still
// happens), and their futures end cancelled.
class KeychainSecretStore final : public QObject, public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    static constexpr char serviceName[] = "wirebench";

    explicit KeychainSecretStore(const QUuid &workspaceId, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QString backendName() const override;
    QString keyName(const SecretKey &key) const override;
    QFuture<Result<void>> write(const SecretKey &key, const QByteArray &value) override;
    QFuture<Result<QByteArray>> read(const SecretKey &key) override;
    QFuture<Result<void>> remove(const SecretKey &key) override;

    // The workspace's sealed-secrets master key, when it is kept in the keychain (see
    // masterkeysource.h): the entry "workspace/<workspace uuid>/sealed-master-key" of the same
    // service. readMasterKey() fails with `secrets.not_found` when there is none.
    QString masterKeyEntryName() const;
    QFuture<Result<QByteArray>> readMasterKey();
    QFuture<Result<void>> writeMasterKey(const QByteArray &key);
    QFuture<Result<void>> removeMasterKey();

    // Why the keychain cannot be reached, or an empty string when it can as far as D-Bus tells
    // (Linux; always empty elsewhere). Blocking D-Bus calls of a few milliseconds; used to explain
    // failed jobs.
    static QString unavailabilityReason();

private:
    QString describeMasterKey() const;
    QFuture<Result<void>> writeEntry(const QString &name, const QString &description,
                                     const QByteArray &value);
    QFuture<Result<QByteArray>> readEntry(const QString &name, const QString &description);
    QFuture<Result<void>> removeEntry(const QString &name, const QString &description);
    // `description` names the entry for people ("refresh token (primary) of connection 3").
    Error jobError(const QKeychain::Job &job, const QString &description,
                   const QString &action) const;

    QUuid m_workspaceId;
};

} // namespace wb::core
