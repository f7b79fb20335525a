// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/identitymapping.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>

namespace wb::core {

// Identity mappings in portable SQL (see TenantRepository for the session and signal conventions).
//
// Validation: provider id as for connections; the external account id is 1–500 characters with no
// control characters and no surrounding whitespace (values are compared exactly, as the provider
// sends them); the tenant must exist; a connection, when given, must belong to that tenant and
// provider. A failed operation changes nothing.
class IdentityMappingRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::IdentityMappingRepository)

public:
    // Error `store.invalid_identity_mapping` naming the field and the problem.
    static Result<void> validate(const IdentityMapping &mapping);

    // Errors: `store.invalid_identity_mapping`, `store.unknown_tenant`,
    // `store.unknown_connection`, `store.connection_mismatch` (the connection belongs to another
    // tenant or provider), `store.identity_mapping_conflict` (the external account is already
    // mapped: the message names the tenant that holds it).
    static Result<IdentityMapping> add(SqlSession &session, const IdentityMapping &mapping);
    // Changes everything but id and createdAtMs of mapping.id; same errors as add(), and
    // `store.unknown_identity_mapping`.
    static Result<IdentityMapping> update(SqlSession &session, const IdentityMapping &mapping);
    // Error `store.unknown_identity_mapping`.
    static Result<void> remove(SqlSession &session, qint64 mappingId);

    static Result<IdentityMapping> get(SqlSession &session, qint64 mappingId);
    // Ordered by provider id, then external account id.
    static Result<QList<IdentityMapping>> list(SqlSession &session,
                                               const IdentityMappingFilter &filter);

    // Which tenant the value read from an event belongs to, with an explanation for people.
    // Errors only for a bad query (`store.invalid_identity_query`: no provider id) or the database;
    // "no tenant" is an answer (outcome NoMapping, FieldMissing or EmptyValue), not an error.
    static Result<IdentityResolution> resolve(SqlSession &session, const IdentityQuery &query);
};

} // namespace wb::core
