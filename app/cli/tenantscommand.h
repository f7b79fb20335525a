// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordcommand.h"

#include <memory>

namespace wb::cli {

class ConnectionRemoval;

// `wirebench-cli tenants <action>`:
//   list [--json]                     every tenant with its connections, by name. JSON: an array of
//                                     tenant objects (records.h) each with "connections": [ids].
//   add NAME [--external-ref REF] [--notes TEXT] [--json]
//                                     adds a tenant; prints its id (JSON: the tenant object).
//                                     The one record command that creates the workspace when it
//                                     does not exist yet (WorkspaceSession::Creation).
//   remove ID [--json]                removes the tenant with its connections (each one's tokens
//                                     revoked at the provider first, as `connections remove`
//                                     does), identity mappings and secrets. JSON: {"removed":
//                                     {"tenant_id": ID}, "connections": [removalJson() of
//                                     connectionremoval.h plus "connection_id"]}.
// Exit 0 done; 1 removed, but some connection's tokens were not revoked (stderr says which and
// why); 2 refused input (bad id, duplicate or invalid name, unknown tenant); 3 workspace failure.
class TenantsCommand final : public RecordCommand
{
public:
    TenantsCommand();
    ~TenantsCommand() override;
    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;

protected:
    QStringList actions() const override;
    int argumentCount(const QString &action) const override;
    bool createsWorkspace(const QString &action) const override;
    core::Result<void> checkArguments(const QString &action, const QStringList &arguments,
                                      const QCommandLineParser &parser) const override;
    void runAction(const QString &action, const QStringList &arguments,
                   const QCommandLineParser &parser) override;

private:
    void list();
    void add(const QString &displayName, const QCommandLineParser &parser);
    void remove(qint64 tenantId);

    std::unique_ptr<ConnectionRemoval> m_removal;
};

} // namespace wb::cli
