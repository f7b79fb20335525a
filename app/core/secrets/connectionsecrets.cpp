// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/connectionsecrets.h"

#include "core/store/connectionrepository.h"
#include "core/store/secretreferencerepository.h"
#include "core/store/store.h"
#include "core/store/workspacerepository.h"
#include "core/util/futures.h"

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

Result<void> requireWorkspaceBackend(SqlSession &session, const QString &backend)
{
    Result<WorkspaceInfo> workspace = WorkspaceRepository::get(session);
    if (!workspace)
        return fail(workspace.error());
    if (workspace->secretBackend != backend) {
        return fail(u"secrets.backend_mismatch"_s,
                    ConnectionSecrets::tr("This workspace now keeps its secrets in the %1 "
                                          "backend (switched by a secrets migration), not in the "
                                          "%2 one; restart to use it.")
                            .arg(workspace->secretBackend, backend));
    }
    return {};
}

QFuture<Result<SecretReference>> ConnectionSecrets::put(const SecretKey &key,
                                                        const QByteArray &value)
{
    return putAndWrite(key, value, nullptr);
}

QFuture<Result<SecretReference>> ConnectionSecrets::putAndWrite(const SecretKey &key,
                                                                const QByteArray &value,
                                                                WriteStep alongside)
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

    SecretReference reference;
    reference.key = key;
    reference.backend = m_backend.backendName();
    reference.keyName = m_backend.keyName(key);
    // The reference (and, for the sealed backend, the value) with the caller's step, in one job.
    auto referenceJob = [backend = &m_backend, reference, value,
                         alongside](SqlSession &session) -> Result<SecretReference> {
        if (Result<void> current = requireWorkspaceBackend(session, reference.backend); !current)
            return fail(current.error());
        if (Result<Connection> connection = ConnectionRepository::get(session,
                                                                      reference.key.connectionId);
            !connection) {
            return fail(connection.error());
        }
        if (alongside) {
            if (Result<void> done = alongside(session); !done)
                return fail(done.error());
        }
        if (backend->keepsValuesInWorkspace()) {
            if (Result<void> written = backend->writeInSession(session, reference.key, value);
                !written) {
                return fail(written.error());
            }
        }
        return SecretReferenceRepository::put(session, reference);
    };

    if (m_backend.keepsValuesInWorkspace()) {
        whenFinished(m_store.write(std::move(referenceJob)), this,
                     [promise](const Result<SecretReference> &stored) { finish(promise, stored); });
        return future;
    }

    const bool undoOnFailure = !alongside;
    whenFinished(m_store.connection(key.connectionId), this,
                 [this, promise, key, value, undoOnFailure,
                  referenceJob](const Result<Connection> &connection) {
                     if (!connection) {
                         finish(promise, Result<SecretReference>(fail(connection.error())));
                         return;
                     }
                     whenFinished(m_backend.write(key, value), this,
                                  [this, promise, key, undoOnFailure,
                                   referenceJob](const Result<void> &written) {
                                      if (!written) {
                                          finish(promise,
                                                 Result<SecretReference>(fail(written.error())));
                                          return;
                                      }
                                      whenFinished(m_store.write(referenceJob), this,
                                                   [this, promise, key, undoOnFailure](
                                                           const Result<SecretReference> &stored) {
                                                       if (!stored && undoOnFailure) {
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
    const QString backendName = m_backend.backendName();
    // Why a reference does not lead to a value in this backend, or no error.
    auto checkReference =
            [key, backendName](const std::optional<SecretReference> &reference) -> Result<void> {
        if (!reference)
            return fail(u"secrets.not_found"_s, tr("No %1 is stored.").arg(describe(key)));
        if (reference->backend != backendName) {
            return fail(u"secrets.backend_mismatch"_s,
                        tr("The %1 is kept in the %2 backend, not in the %3 one.")
                                .arg(describe(key), reference->backend, backendName));
        }
        return {};
    };

    if (m_backend.keepsValuesInWorkspace()) {
        whenFinished(m_store.read([backend = &m_backend, key,
                                   checkReference](SqlSession &session) -> Result<QByteArray> {
            Result<std::optional<SecretReference>> reference
                    = SecretReferenceRepository::find(session, key);
            if (!reference)
                return fail(reference.error());
            if (Result<void> usable = checkReference(*reference); !usable)
                return fail(usable.error());
            return backend->readInSession(session, key);
        }),
                     this, [promise](const Result<QByteArray> &value) { finish(promise, value); });
        return future;
    }

    whenFinished(m_store.secretReference(key), this,
                 [this, promise, key,
                  checkReference](const Result<std::optional<SecretReference>> &reference) {
                     if (!reference) {
                         finish(promise, Result<QByteArray>(fail(reference.error())));
                         return;
                     }
                     if (Result<void> usable = checkReference(*reference); !usable) {
                         finish(promise, Result<QByteArray>(fail(usable.error())));
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
    if (m_backend.keepsValuesInWorkspace()) {
        whenFinished(m_store.write([backend = &m_backend, key](SqlSession &session) -> Result<bool> {
            Result<bool> removedValue = backend->removeInSession(session, key);
            if (!removedValue)
                return removedValue;
            return SecretReferenceRepository::remove(session, key);
        }),
                     this, [promise](const Result<bool> &existed) { finish(promise, existed); });
        return future;
    }
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
    if (m_backend.keepsValuesInWorkspace())
        return; // the rows went with the connection (ON DELETE CASCADE)
    for (SecretKind kind : allSecretKinds) {
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

} // namespace wb::core
