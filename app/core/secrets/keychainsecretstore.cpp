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

KeychainSecretStore::~KeychainSecretStore()
{
    // A job still waiting for the Secret Service must not die with us: libsecret calls back into
    // it when D-Bus answers, and a deleted job crashes there. Detached, it finishes on its own and
    // deletes itself (QKeychain::Job::autoDelete, the default); our handlers went with `this`, so
    // their futures end cancelled.
    for (QKeychain::Job *job : findChildren<QKeychain::Job *>(Qt::FindDirectChildrenOnly))
        job->setParent(nullptr);
}

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

QString KeychainSecretStore::masterKeyEntryName() const
{
    return u"workspace/%1/sealed-master-key"_s.arg(m_workspaceId.toString(QUuid::WithoutBraces));
}

QString KeychainSecretStore::describeMasterKey() const
{
    return tr("sealed-secrets master key of workspace %1")
            .arg(m_workspaceId.toString(QUuid::WithoutBraces));
}

QFuture<Result<void>> KeychainSecretStore::write(const SecretKey &key, const QByteArray &value)
{
    Result<void> valid = validateSecretKey(key);
    if (valid)
        valid = validateSecretValue(key, value);
    if (!valid)
        return QtFuture::makeReadyFuture(std::move(valid));
    return writeEntry(keyName(key), describe(key), value);
}

QFuture<Result<QByteArray>> KeychainSecretStore::read(const SecretKey &key)
{
    if (Result<void> valid = validateSecretKey(key); !valid)
        return QtFuture::makeReadyFuture(Result<QByteArray>(fail(valid.error())));
    return readEntry(keyName(key), describe(key));
}

QFuture<Result<void>> KeychainSecretStore::remove(const SecretKey &key)
{
    if (Result<void> valid = validateSecretKey(key); !valid)
        return QtFuture::makeReadyFuture(std::move(valid));
    return removeEntry(keyName(key), describe(key));
}

QFuture<Result<QByteArray>> KeychainSecretStore::readMasterKey()
{
    return readEntry(masterKeyEntryName(), describeMasterKey());
}

QFuture<Result<void>> KeychainSecretStore::writeMasterKey(const QByteArray &key)
{
    return writeEntry(masterKeyEntryName(), describeMasterKey(), key);
}

QFuture<Result<void>> KeychainSecretStore::removeMasterKey()
{
    return removeEntry(masterKeyEntryName(), describeMasterKey());
}

QFuture<Result<void>> KeychainSecretStore::writeEntry(const QString &name,
                                                      const QString &description,
                                                      const QByteArray &value)
{
    auto promise = startedPromise<void>();
    QFuture<Result<void>> future = promise->future();
    QMetaObject::invokeMethod(this, [this, promise, name, description, value] {
        auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(serviceName), this);
        job->setKey(name);
        job->setBinaryData(value);
        connect(job, &QKeychain::Job::finished, this,
                [this, promise, description](QKeychain::Job *done) {
                    if (done->error() == QKeychain::NoError)
                        finish(*promise, Result<void>());
                    else
                        finish(*promise,
                               Result<void>(fail(jobError(*done, description, tr("stored")))));
                });
        job->start();
    });
    return future;
}

QFuture<Result<QByteArray>> KeychainSecretStore::readEntry(const QString &name,
                                                           const QString &description)
{
    auto promise = startedPromise<QByteArray>();
    QFuture<Result<QByteArray>> future = promise->future();
    QMetaObject::invokeMethod(this, [this, promise, name, description] {
        auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(serviceName), this);
        job->setKey(name);
        connect(job, &QKeychain::Job::finished, this,
                [this, promise, description](QKeychain::Job *done) {
                    if (done->error() == QKeychain::NoError) {
                        finish(*promise,
                               Result<QByteArray>(static_cast<QKeychain::ReadPasswordJob *>(done)
                                                          ->binaryData()));
                    } else {
                        finish(*promise,
                               Result<QByteArray>(fail(jobError(*done, description, tr("read")))));
                    }
                });
        job->start();
    });
    return future;
}

QFuture<Result<void>> KeychainSecretStore::removeEntry(const QString &name,
                                                       const QString &description)
{
    auto promise = startedPromise<void>();
    QFuture<Result<void>> future = promise->future();
    QMetaObject::invokeMethod(this, [this, promise, name, description] {
        auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(serviceName), this);
        job->setKey(name);
        connect(job, &QKeychain::Job::finished, this,
                [this, promise, description](QKeychain::Job *done) {
                    if (done->error() == QKeychain::NoError
                        || done->error() == QKeychain::EntryNotFound)
                        finish(*promise, Result<void>());
                    else
                        finish(*promise,
                               Result<void>(fail(jobError(*done, description, tr("deleted")))));
                });
        job->start();
    });
    return future;
}

Error KeychainSecretStore::jobError(const QKeychain::Job &job, const QString &description,
                                    const QString &action) const
{
    // QtKeychain's own text, for the log and the message: it names D-Bus or the keyring, never the
    // value.
    const QString detail = job.errorString();
    if (job.error() == QKeychain::EntryNotFound) {
        return Error{u"secrets.not_found"_s, tr("The keychain holds no %1.").arg(description)};
    }
    qCWarning(lcKeychain, "keychain job for the %s failed (QtKeychain error %d): %s",
              qUtf8Printable(description), int(job.error()), qUtf8Printable(detail));
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
                             .arg(reason, description, action)};
    }
    if (job.error() == QKeychain::AccessDenied || job.error() == QKeychain::AccessDeniedByUser) {
        return Error{u"secrets.access_denied"_s,
                     tr("The keychain refused access, so the %1 could not be %2: %3")
                             .arg(description, action, detail)};
    }
    return Error{u"secrets.backend_error"_s,
                 tr("The keychain failed, so the %1 could not be %2: %3")
                         .arg(description, action, detail)};
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
