// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantscommand.h"

#include "connectionremoval.h"
#include "output.h"
#include "records.h"

#include "core/store/store.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

const QCommandLineOption &externalRefOption()
{
    static const QCommandLineOption option(u"external-ref"_s,
                                           u"add: the tenant's id in your own app (unique)."_s,
                                           u"ref"_s);
    return option;
}

const QCommandLineOption &notesOption()
{
    static const QCommandLineOption option(u"notes"_s, u"add: free-text notes."_s, u"text"_s);
    return option;
}

} // namespace

QString TenantsCommand::name() const
{
    return u"tenants"_s;
}

QString TenantsCommand::summary() const
{
    return u"List, add and remove tenants (your customers)."_s;
}

void TenantsCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s, u"list | add NAME | remove ID"_s,
                                 u"<action> [argument]"_s);
    parser.addOption(externalRefOption());
    parser.addOption(notesOption());
    parser.addOption(jsonOption());
}

QStringList TenantsCommand::actions() const
{
    return {u"list"_s, u"add"_s, u"remove"_s};
}

TenantsCommand::TenantsCommand() = default;

TenantsCommand::~TenantsCommand() = default;

bool TenantsCommand::createsWorkspace(const QString &action) const
{
    return action == u"add";
}

int TenantsCommand::argumentCount(const QString &action) const
{
    return action == u"list" ? 0 : 1;
}

core::Result<void> TenantsCommand::checkArguments(const QString &action,
                                                  const QStringList &arguments,
                                                  const QCommandLineParser &parser) const
{
    if (action != u"add" && (parser.isSet(externalRefOption()) || parser.isSet(notesOption()))) {
        return core::fail(u"cli.option_not_allowed"_s,
                          u"--external-ref and --notes apply to 'add' only"_s);
    }
    if (action == u"remove") {
        if (auto id = parseId(arguments.first(), u"the tenant id"_s); !id)
            return core::fail(id.error());
    }
    return {};
}

void TenantsCommand::runAction(const QString &action, const QStringList &arguments,
                               const QCommandLineParser &parser)
{
    if (action == u"list")
        list();
    else if (action == u"add")
        add(arguments.first(), parser);
    else
        remove(*parseId(arguments.first(), {}));
}

void TenantsCommand::list()
{
    session().whenDone(store().tenantOverviews(), [this](const core::Result<
                                                          QList<core::TenantOverview>> &overviews) {
        if (!overviews)
            return fail(overviews.error());
        if (json()) {
            QJsonArray array;
            for (const core::TenantOverview &overview : *overviews) {
                QJsonObject object = tenantJson(overview.tenant);
                QJsonArray ids;
                for (const core::Connection &connection : overview.connections)
                    ids.append(connection.id);
                object.insert(u"connections"_s, ids);
                array.append(object);
            }
            writeJson(out(), array);
            return finish();
        }
        QList<QStringList> rows;
        for (const core::TenantOverview &overview : *overviews) {
            QStringList connections;
            for (const core::Connection &connection : overview.connections) {
                connections.append(
                        u"%1 %2 (%3)"_s.arg(connection.id)
                                .arg(connection.providerId, core::nameOf(connection.status)));
            }
            rows.append({QString::number(overview.tenant.id), overview.tenant.displayName,
                         overview.tenant.externalReference, connections.join(u", "_s)});
        }
        if (rows.isEmpty())
            out() << "No tenants. Add one with 'wirebench-cli tenants add NAME'.\n";
        else
            writeTable(out(), {u"id"_s, u"name"_s, u"external ref"_s, u"connections"_s}, rows);
        finish();
    });
}

void TenantsCommand::add(const QString &displayName, const QCommandLineParser &parser)
{
    core::Tenant tenant;
    tenant.displayName = displayName;
    tenant.externalReference = parser.value(externalRefOption());
    tenant.notes = parser.value(notesOption());
    session().whenDone(store().addTenant(tenant), [this](const core::Result<core::Tenant> &added) {
        if (!added)
            return fail(added.error());
        if (json())
            writeJson(out(), tenantJson(*added));
        else
            out() << "Added tenant " << added->id << " \"" << added->displayName << "\".\n";
        finish();
    });
}

void TenantsCommand::remove(qint64 tenantId)
{
    m_removal = std::make_unique<ConnectionRemoval>(session(), err(), name());
    m_removal->startTenant(tenantId, [this, tenantId](
                                             const core::Result<core::TenantRemovalReport> &done) {
        if (!done)
            return fail(done.error());
        bool unrevoked = false;
        QJsonArray connections;
        for (const core::ConnectionRemovalReport &connection : done->connections) {
            QJsonObject object = removalJson(connection);
            object.insert(u"connection_id"_s, connection.connectionId);
            connections.append(object);
            for (const QString &warning : connection.secretWarnings)
                err() << "wirebench-cli tenants remove: warning: " << warning << "\n";
            if (connection.revocationFailure) {
                unrevoked = true;
                err() << "wirebench-cli tenants remove: warning: connection "
                      << connection.connectionId << " (" << connection.providerId
                      << "): " << describeRevocation(connection) << "\n";
            }
        }
        err().flush();
        if (json()) {
            writeJson(out(), QJsonObject{{u"removed"_s, QJsonObject{{u"tenant_id"_s, tenantId}}},
                                         {u"connections"_s, connections}});
        } else {
            out() << "Removed tenant " << tenantId << " with " << done->connections.size()
                  << " connection(s).\n";
        }
        finish(unrevoked ? ExitNegative : ExitOk);
    });
}

} // namespace wb::cli
