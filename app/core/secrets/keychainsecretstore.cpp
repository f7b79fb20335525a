// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/keychainsecretstore.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QThread>

#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#define WB_KEYCHAIN_OVER_DBUS 1
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#endif

#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKeychain, "wb.secrets.keychain")

namespace wb::core {

namespace {

template<typename T>
void finish(QPromise<Result<T>> &promise, Result<T> result)
{
    promise.addResult(std::move(result));
    promise.finish();
}

template<typename T>
std::shared_ptr<QPromise<Result<T>>> startedPromise()
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    return promise;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QUuid &workspaceId, QObject *parent)
    : QObject(parent)
    , m_workspaceId(workspaceId)
{}

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::backendName() const
{
    return u"keychain"_s;
}

QString KeychainSecretStore::keyName(const SecretKey &key) const
{
    return u"workspace/%1/connection/%2/%3/%4"_s.arg(m_workspaceId.toString(QUuid::WithoutBraces))
            .arg(key.connectionId)
            .arg(nameOf(key.kind), nameOf(key.slot));
}

QFuture<Result<void>> KeychainSecretStore::write(const SecretKey &key, const QByteArray &value)
{
    auto promise = startedPromise<void>();
    QFuture<Result<void>> future = promise->future();
    Result<void> valid = validateSecretKey(key);
    if (valid)
        valid = validateSecretValue(key, value);
    if (!valid) {
        finish(*promise, std::move(valid));
        return future;
    }
    QMetaObject::invokeMethod(this, [this, promise, key, value] {
        auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(serviceName), this);
        job->setKey(keyName(key));
        job->setBinaryData(value);
        connect(job, &QKeychain::Job::finished, this, [this, promise, key](QKeychain::Job *done) {
            if (done->error() == QKeychain::NoError)
                finish(*promise, Result<void>());
            else
                finish(*promise, Result<void>(fail(jobError(*done, key, tr("stored")))));
        });
        job->start();
    });
    return future;
}

QFuture<Result<QByteArray>> KeychainSecretStore::read(const SecretKey &key)
{
    auto promise = startedPromise<QByteArray>();
    QFuture<Result<QByteArray>> future = promise->future();
    if (Result<void> valid = validateSecretKey(key); !valid) {
        finish(*promise, Result<QByteArray>(fail(valid.error())));
        return future;
    }
    QMetaObject::invokeMethod(this, [this, promise, key] {
        auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(serviceName), this);
        job->setKey(keyName(key));
        connect(job, &QKeychain::Job::finished, this, [this, promise, key](QKeychain::Job *done) {
            if (done->error() == QKeychain::NoError) {
                finish(*promise,
                       Result<QByteArray>(
                               static_cast<QKeychain::ReadPasswordJob *>(done)->binaryData()));
            } else {
                finish(*promise, Result<QByteArray>(fail(jobError(*done, key, tr("read")))));
            }
        });
        job->start();
    });
    return future;
}

QFuture<Result<void>> KeychainSecretStore::remove(const SecretKey &key)
{
    auto promise = startedPromise<void>();
    QFuture<Result<void>> future = promise->future();
    if (Result<void> valid = validateSecretKey(key); !valid) {
        finish(*promise, std::move(valid));
        return future;
    }
    QMetaObject::invokeMethod(this, [this, promise, key] {
        auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(serviceName), this);
        job->setKey(keyName(key));
        connect(job, &QKeychain::Job::finished, this, [this, promise, key](QKeychain::Job *done) {
            if (done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound)
                finish(*promise, Result<void>());
            else
                finish(*promise, Result<void>(fail(jobError(*done, key, tr("deleted")))));
        });
        job->start();
    });
    return future;
}

Error KeychainSecretStore::jobError(const QKeychain::Job &job, const SecretKey &key,
                                    const QString &action) const
{
    // QtKeychain's own text, for the log and the message: it names D-Bus or the keyring, never the
    // value.
    const QString detail = job.errorString();
    if (job.error() == QKeychain::EntryNotFound) {
        return Error{u"secrets.not_found"_s, tr("The keychain holds no %1.").arg(describe(key))};
    }
    qCWarning(lcKeychain, "keychain job for the %s failed (QtKeychain error %d): %s",
              qUtf8Printable(describe(key)), int(job.error()), qUtf8Printable(detail));
    QString reason = unavailabilityReason();
    if (reason.isEmpty()
        && (job.error() == QKeychain::NoBackendAvailable
            || job.error() == QKeychain::NotImplemented)) {
        reason = detail;
    }
    if (!reason.isEmpty()) {
        return Error{u"secrets.keychain_unavailable"_s,
                     tr("The system keychain is not available: %1. The %2 could not be %3. "
                        "Nothing else is affected; start a keyring (gnome-keyring or KWallet) in "
                        "this session, or use a workspace with sealed secrets.")
                             .arg(reason, describe(key), action)};
    }
    if (job.error() == QKeychain::AccessDenied || job.error() == QKeychain::AccessDeniedByUser) {
        return Error{u"secrets.access_denied"_s,
                     tr("The keychain refused access, so the %1 could not be %2: %3")
                             .arg(describe(key), action, detail)};
    }
    return Error{u"secrets.backend_error"_s,
                 tr("The keychain failed, so the %1 could not be %2: %3")
                         .arg(describe(key), action, detail)};
}

QString KeychainSecretStore::unavailabilityReason()
{
#ifdef WB_KEYCHAIN_OVER_DBUS
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
        if (address.isEmpty())
            return tr("there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
        return tr("the D-Bus session bus at %1 cannot be reached (%2)")
                .arg(address, bus.lastError().message());
    }
    // The Secret Service API (https://specifications.freedesktop.org/secret-service/) and KWallet.
    const QStringList services = {u"org.freedesktop.secrets"_s, u"org.kde.kwalletd6"_s,
                                  u"org.kde.kwalletd5"_s};
    const QDBusReply<QStringList> registered = bus.interface()->registeredServiceNames();
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    for (const QString &service : services) {
        if ((registered.isValid() && registered.value().contains(service))
            || (activatable.isValid() && activatable.value().contains(service))) {
            return {};
        }
    }
    return tr("no Secret Service (gnome-keyring or KWallet) is running on the D-Bus session bus, "
              "and none can be started there");
#else
    return {};
#endif
}

} // namespace wb::core
