// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/accountlink.h"

#include "core/oauth/oauthtr.h"
#include "core/store/connectionrepository.h"
#include "core/store/identitymappingrepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QFuture<Result<IdentityMapping>> linkAuthorizedAccount(Store &store, qint64 connectionId,
                                                       const QString &accountId)
{
    return store.write([connectionId, accountId](SqlSession &session) -> Result<IdentityMapping> {
        const Result<Connection> connection = ConnectionRepository::get(session, connectionId);
        if (!connection)
            return fail(connection.error());
        if (accountId.isEmpty()) {
            return fail(u"oauth.account_id_missing"_s,
                        OAuthTr::tr("The authorization of connection %1 (%2) named no external "
                                    "account to map to its tenant.")
                                .arg(connectionId)
                                .arg(connection->providerId));
        }
        IdentityMappingFilter filter;
        filter.providerId = connection->providerId;
        const Result<QList<IdentityMapping>> mappings = IdentityMappingRepository::list(session,
                                                                                        filter);
        if (!mappings)
            return fail(mappings.error());
        for (const IdentityMapping &existing : *mappings) {
            if (existing.externalAccountId != accountId)
                continue;
            if (existing.tenantId != connection->tenantId) {
                const Result<Tenant> holder = TenantRepository::get(session, existing.tenantId);
                return fail(u"store.identity_mapping_conflict"_s,
                            OAuthTr::tr("The %1 account '%2' is already mapped to the tenant "
                                        "'%3'; connection %4 belongs to another tenant. Remove "
                                        "that mapping first if the account moved.")
                                    .arg(connection->providerId, accountId,
                                         holder ? holder->displayName
                                                : QString::number(existing.tenantId))
                                    .arg(connectionId));
            }
            if (existing.connectionId == connectionId)
                return existing;
            IdentityMapping updated = existing;
            updated.connectionId = connectionId;
            return IdentityMappingRepository::update(session, updated);
        }
        IdentityMapping mapping;
        mapping.providerId = connection->providerId;
        mapping.externalAccountId = accountId;
        mapping.tenantId = connection->tenantId;
        mapping.connectionId = connectionId;
        mapping.note = OAuthTr::tr("Mapped when connection %1 was authorized.").arg(connectionId);
        return IdentityMappingRepository::add(session, mapping);
    });
}

} // namespace wb::core
