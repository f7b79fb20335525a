// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/sqlsession.h"
#include "core/store/tenant.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>

namespace wb::core {

// Tenants in portable SQL. Functions that change data need a write session (inside a write job) and
// register the matching Store signals to be emitted after the commit; readers work on any session.
// Store wraps each in an asynchronous operation.
//
// Validation (also offered alone for forms): the display name is trimmed and must be 1–200
// characters without control characters; the external reference is trimmed, up to 200 characters.
// A failed operation changes nothing.
class TenantRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::TenantRepository)

public:
    // Error `store.invalid_tenant` naming the field and the problem.
    static Result<void> validate(const Tenant &tenant);

    // Returns the stored tenant (id and times set). Errors: `store.invalid_tenant`,
    // `store.duplicate_tenant` (the display name, ignoring ASCII letter case, or the external
    // reference is taken: the message names the tenant holding it).
    static Result<Tenant> add(SqlSession &session, const Tenant &tenant);
    // Updates display name, external reference and notes of tenant.id. Errors: as add(), and
    // `store.unknown_tenant`.
    static Result<Tenant> update(SqlSession &session, const Tenant &tenant);
    // Removes the tenant with its connections, identity mappings and secret references (each
    // reported by its own signal). Error `store.unknown_tenant`.
    static Result<void> remove(SqlSession &session, qint64 tenantId);

    // Error `store.unknown_tenant`.
    static Result<Tenant> get(SqlSession &session, qint64 tenantId);
    // Ordered by display name (ASCII case-insensitively), then id.
    static Result<QList<Tenant>> list(SqlSession &session);

    // `store.unknown_tenant` for an id with no tenant: "There is no tenant with id 7."
    static Error unknownTenant(qint64 tenantId);
};

} // namespace wb::core
