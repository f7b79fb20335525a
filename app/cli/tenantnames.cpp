// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantnames.h"

#include "core/store/tenantrepository.h"

using namespace Qt::StringLiterals;

namespace wb::cli {

core::Result<TenantNames> readTenantNames(core::SqlSession &session)
{
    core::Result<QList<core::Tenant>> tenants = core::TenantRepository::list(session);
    if (!tenants)
        return core::fail(tenants.error());
    TenantNames names;
    for (const core::Tenant &tenant : *tenants)
        names.insert(tenant.id, tenant.displayName);
    return names;
}

QString tenantName(const TenantNames &names, std::optional<qint64> tenantId)
{
    return tenantLabel(tenantId ? names.value(*tenantId) : QString(), tenantId);
}

QString tenantLabel(const QString &name, std::optional<qint64> tenantId)
{
    if (!tenantId)
        return u"-"_s;
    return name.isEmpty() ? u"#%1"_s.arg(*tenantId) : name;
}

} // namespace wb::cli
