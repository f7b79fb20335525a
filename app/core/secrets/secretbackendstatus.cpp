// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/secretbackendstatus.h"

#include "core/secrets/sealedsecretrepository.h"
#include "core/store/store.h"
#include "core/store/workspacerepository.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QFuture<Result<SecretBackendStatus>> readSecretBackendStatus(Store &store)
{
    return store.read([](SqlSession &session) -> Result<SecretBackendStatus> {
        SecretBackendStatus status;
        Result<WorkspaceInfo> workspace = WorkspaceRepository::get(session);
        if (!workspace)
            return fail(workspace.error());
        status.backend = workspace->secretBackend;
        Result<QSqlQuery> counts = session.exec(
                u"SELECT backend, COUNT(*) FROM secret_references GROUP BY backend"_s);
        if (!counts)
            return fail(counts.error());
        while (counts->next()) {
            const QString backend = counts->value(0).toString();
            if (backend == u"keychain"_s)
                status.keychainReferences = counts->value(1).toLongLong();
            else if (backend == u"sealed"_s)
                status.sealedReferences = counts->value(1).toLongLong();
        }
        Result<qint64> sealed = SealedSecretRepository::count(session);
        if (!sealed)
            return fail(sealed.error());
        status.sealedValues = *sealed;
        Result<std::optional<QString>> keyId = SealedSecretRepository::recordedKeyId(session);
        if (!keyId)
            return fail(keyId.error());
        status.sealingKeyId = *keyId;
        return status;
    });
}

} // namespace wb::core
