// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/connectionsecrets.h"
#include "core/util/futures.h"

#include "core/secrets/keychainsecretstore.h"
#include "core/store/store.h"

#include <QLoggingCategory>
#include <QPromise>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSecrets, "wb.secrets")

namespace wb::core {

namespace {

template<typename T>
using SharedPromise = std::shared_ptr<QPromise<Result<T>>>;

template<typename T>
SharedPromise<T> startedPromise()
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    return promise;
}

template<typename T>
void finish(const SharedPromise<T> &promise, Result<T> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

constexpr SecretKind allKinds[] = {SecretKind::OAuthClientSecret, SecretKind::AccessToken,
                                   SecretKind::RefreshToken, SecretKind::WebhookSigningSecret};

} // namespace

ConnectionSecrets::ConnectionSecrets(Store &store, SecretStore &backend, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_backend(backend)
{
    connect(&m_store, &Store::connectionRemoved, this,
            [this](qint64 connectionId, qint64) { forgetConnection(connectionId); });
}

ConnectionSecrets::~ConnectionSecrets() = default;

QFuture<Result<SecretReference>> ConnectionSecrets::put(const SecretKey &key,
                                                        const QByteArray &value)
{
    auto promise = startedPromise<SecretReference>();
    QFuture<Result<SecretReference>> future = promise->future();
    Result<void> valid = validateSecretKey(key);
    if (valid)
        valid = validateSecretValue(key, value);
    if (valid && m_store.workspaceInfo().secretBackend != m_backend.backendName()) {
        valid = fail(u"secrets.backend_mismatch"_s,
                     tr("This workspace keeps its secrets in the %1 backend, not in the %2 one.")
                             .arg(m_store.workspaceInfo().secretBackend, m_backend.backendName()));
    }
    if (!valid) {
        finish(promise, Result<SecretReference>(fail(valid.error())));
        return future;
    }

    whenFinished(m_store.connection(key.connectionId), this,
                 [this, promise, key, value](const Result<Connection> &connection) {
                     if (!connection) {
                         finish(promise, Result<SecretReference>(fail(connection.error())));
                         return;
                     }
                     whenFinished(m_backend.write(key, value), this,
                                  [this, promise, key](const Result<void> &written) {
                                      if (!written) {
                                          finish(promise,
                                                 Result<SecretReference>(fail(written.error())));
                                          return;
                                      }
                                      SecretReference reference;
                                      reference.key = key;
                                      reference.backend = m_backend.backendName();
                                      reference.keyName = m_backend.keyName(key);
                                      whenFinished(m_store.putSecretReference(reference), this,
                                                   [this, promise,
                                                    key](const Result<SecretReference> &stored) {
                                                       if (!stored) {
                                                           // No reference, no value: do not leave an orphan in the backend.
                                                           m_backend.remove(key);
                                                       }
                                                       finish(promise, stored);
                                                   });
                                  });
                 });
    return future;
}

QFuture<Result<QByteArray>> ConnectionSecrets::get(const SecretKey &key)
{
    auto promise = startedPromise<QByteArray>();
    QFuture<Result<QByteArray>> future = promise->future();
    if (Result<void> valid = validateSecretKey(key); !valid) {
        finish(promise, Result<QByteArray>(fail(valid.error())));
        return future;
    }
    whenFinished(m_store.secretReference(key), this,
                 [this, promise, key](const Result<std::optional<SecretReference>> &reference) {
                     if (!reference) {
                         finish(promise, Result<QByteArray>(fail(reference.error())));
                         return;
                     }
                     if (!reference->has_value()) {
                         finish(promise, Result<QByteArray>(
                                                 fail(u"secrets.not_found"_s,
                                                      tr("No %1 is stored.").arg(describe(key)))));
                         return;
                     }
                     if ((*reference)->backend != m_backend.backendName()) {
                         finish(promise,
                                Result<QByteArray>(
                                        fail(u"secrets.backend_mismatch"_s,
                                             tr("The %1 is kept in the %2 backend, not in the %3 "
                                                "one.")
                                                     .arg(describe(key), (*reference)->backend,
                                                          m_backend.backendName()))));
                         return;
                     }
                     whenFinished(m_backend.read(key), this,
                                  [promise](const Result<QByteArray> &value) {
                                      finish(promise, value);
                                  });
                 });
    return future;
}

QFuture<Result<bool>> ConnectionSecrets::remove(const SecretKey &key)
{
    auto promise = startedPromise<bool>();
    QFuture<Result<bool>> future = promise->future();
    whenFinished(m_backend.remove(key), this, [this, promise, key](const Result<void> &removed) {
        if (!removed) {
            finish(promise, Result<bool>(fail(removed.error())));
            return;
        }
        whenFinished(m_store.removeSecretReference(key), this,
                     [promise](const Result<bool> &existed) { finish(promise, existed); });
    });
    return future;
}

QFuture<Result<void>> ConnectionSecrets::promoteSecondaryWebhookSecret(qint64 connectionId)
{
    auto promise = startedPromise<void>();
    QFuture<Result<void>> future = promise->future();
    const SecretKey secondary{connectionId, SecretKind::WebhookSigningSecret, SecretSlot::Secondary};
    const SecretKey primary{connectionId, SecretKind::WebhookSigningSecret, SecretSlot::Primary};
    whenFinished(get(secondary), this,
                 [this, promise, primary, secondary](const Result<QByteArray> &value) {
                     if (!value) {
                         finish(promise, Result<void>(fail(value.error())));
                         return;
                     }
                     whenFinished(put(primary, *value), this,
                                  [this, promise,
                                   secondary](const Result<SecretReference> &promoted) {
                                      if (!promoted) {
                                          finish(promise, Result<void>(fail(promoted.error())));
                                          return;
                                      }
                                      whenFinished(remove(secondary), this,
                                                   [promise](const Result<bool> &removed) {
                                                       finish(promise,
                                                              removed ? Result<void>()
                                                                      : Result<void>(fail(
                                                                              removed.error())));
                                                   });
                                  });
                 });
    return future;
}

void ConnectionSecrets::forgetConnection(qint64 connectionId)
{
    for (SecretKind kind : allKinds) {
        for (SecretSlot slot : {SecretSlot::Primary, SecretSlot::Secondary}) {
            const SecretKey key{connectionId, kind, slot};
            if (!validateSecretKey(key))
                continue;
            whenFinished(m_backend.remove(key), this, [key](const Result<void> &removed) {
                if (!removed) {
                    qCWarning(lcSecrets,
                              "could not delete the %s after its connection was removed: %s",
                              qUtf8Printable(describe(key)),
                              qUtf8Printable(removed.error().message));
                }
            });
        }
    }
}

Result<std::unique_ptr<SecretStore>> createSecretStore(const WorkspaceInfo &workspace)
{
    if (workspace.secretBackend == u"keychain"_s)
        return std::unique_ptr<SecretStore>(new KeychainSecretStore(workspace.workspaceId));
    return fail(u"secrets.backend_unavailable"_s,
                QCoreApplication::translate("wb::core::ConnectionSecrets",
                                            "This workspace keeps its secrets in the \"%1\" "
                                            "backend, which this version of Wirebench does not "
                                            "provide yet.")
                        .arg(workspace.secretBackend));
}

} // namespace wb::core
