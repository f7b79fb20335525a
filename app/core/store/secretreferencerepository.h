// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/secretreference.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace wb::core {

// Secret references in portable SQL: (connection, kind, slot) → backend and key name. Never a
// secret value. See TenantRepository for the session and signal conventions.
class SecretReferenceRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SecretReferenceRepository)

public:
    // Inserts or replaces the reference for reference.key (updatedAtMs is now). Errors:
    // `secrets.invalid_key`, `store.invalid_secret_reference` (no backend or key name),
    // `store.unknown_connection`.
    static Result<SecretReference> put(SqlSession &session, const SecretReference &reference);
    // True when a reference existed (and was removed).
    static Result<bool> remove(SqlSession &session, const SecretKey &key);
    static Result<std::optional<SecretReference>> find(SqlSession &session, const SecretKey &key);
    // A connection's references, ordered by kind and slot.
    static Result<QList<SecretReference>> list(SqlSession &session, qint64 connectionId);
};

} // namespace wb::core
