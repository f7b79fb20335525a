// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/connectionrepository.h"
#include "core/store/identitymappingrepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"
#include "core/store/workspacerepository.h"

using namespace Qt::StringLiterals;

namespace wb::core {

Result<std::optional<qint64>> seedDemoWorkspace(SqlSession &session)
{
    // Claim the seeding first: a second call, or one after the user deleted the demo, stops here.
    Result<bool> claimed = WorkspaceRepository::markDemoSeeded(session);
    if (!claimed)
        return fail(claimed.error());
    if (!*claimed)
        return std::optional<qint64>();
    // A workspace that already has tenants is not a new user's: no demo, and never later either.
    Result<QSqlQuery> tenants = session.execOneRow(u"SELECT COUNT(*) FROM tenants"_s);
    if (!tenants)
        return fail(tenants.error());
    if (tenants->value(0).toLongLong() > 0)
        return std::optional<qint64>();

    Tenant tenant;
    tenant.displayName = QCoreApplication::translate("wb::core::DemoSeed", "Acme Corp (demo)");
    tenant.externalReference = u"demo-acme"_s;
    tenant.notes = QCoreApplication::translate(
            "wb::core::DemoSeed",
            "A demo tenant so there is something to look at. Its GitHub connection is not "
            "authorized; events from GitHub installation 12345678 belong to it. Delete it "
            "whenever you like: it will not come back.");
    Result<Tenant> added = TenantRepository::add(session, tenant);
    if (!added)
        return fail(added.error());

    Connection connection;
    connection.tenantId = added->id;
    connection.providerId = u"github"_s;
    // GitHub's REST API base (docs.github.com/en/rest/using-the-rest-api).
    connection.settings.baseUrl = QUrl(u"https://api.github.com"_s);
    Result<Connection> github = ConnectionRepository::add(session, connection);
    if (!github)
        return fail(github.error());

    // GitHub App webhooks carry the installation as `installation.id` (FACTS.md, GitHub (c)).
    IdentityMapping mapping;
    mapping.providerId = u"github"_s;
    mapping.externalAccountId = u"12345678"_s;
    mapping.tenantId = added->id;
    mapping.connectionId = github->id;
    mapping.note = QCoreApplication::translate("wb::core::DemoSeed",
                                               "Demo: GitHub App installation id (installation.id "
                                               "in the webhook body).");
    Result<IdentityMapping> mapped = IdentityMappingRepository::add(session, mapping);
    if (!mapped)
        return fail(mapped.error());

    session.afterCommit([id = added->id](Store &store) { Q_EMIT store.demoSeeded(id); });
    return std::optional<qint64>(added->id);
}

} // namespace wb::core
