// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordcommand.h"

namespace wb::cli {

// `wirebench-cli tenants <action>`:
//   list [--json]                     every tenant with its connections, by name. JSON: an array of
//                                     tenant objects (records.h) each with "connections": [ids].
//   add NAME [--external-ref REF] [--notes TEXT] [--json]
//                                     adds a tenant; prints its id (JSON: the tenant object).
//   remove ID [--json]                removes the tenant with its connections, identity mappings
//                                     and secrets. JSON: {"removed": {"tenant_id": ID}}.
// Exit 0 done; 2 refused input (bad id, duplicate or invalid name, unknown tenant); 3 workspace
// failure.
class TenantsCommand final : public RecordCommand
{
public:
    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;

protected:
    QStringList actions() const override;
    int argumentCount(const QString &action) const override;
    core::Result<void> checkArguments(const QString &action, const QStringList &arguments,
                                      const QCommandLineParser &parser) const override;
    void runAction(const QString &action, const QStringList &arguments,
                   const QCommandLineParser &parser) override;

private:
    void list();
    void add(const QString &displayName, const QCommandLineParser &parser);
    void remove(qint64 tenantId);
};

} // namespace wb::cli
