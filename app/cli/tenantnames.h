// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QHash>
#include <QString>

#include <optional>

namespace wb::core {
class SqlSession;
}

namespace wb::cli {

// Tenant names by id, for the text tables that say which tenant a row belongs to (connections,
// identity mappings, inbound events, health, schedule runs). People read names; the JSON output
// keeps the ids.
using TenantNames = QHash<qint64, QString>;

// Every tenant's display name, read in the caller's snapshot. Errors: the Store's.
core::Result<TenantNames> readTenantNames(core::SqlSession &session);

// The tenant's name; "-" without a tenant; "#ID" for a tenant that is gone.
QString tenantName(const TenantNames &names, std::optional<qint64> tenantId);

// The same for a name read with the row (a join): "-" without a tenant; "#ID" when the name is
// empty (the tenant is gone).
QString tenantLabel(const QString &name, std::optional<qint64> tenantId);

} // namespace wb::cli
