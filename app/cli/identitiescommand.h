// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordcommand.h"

namespace wb::cli {

// `wirebench-cli identities <action>`: identity mappings, (provider, external account id) → tenant.
//   list [--provider NAME] [--tenant ID] [--json]
//                                   JSON: an array of mapping objects (records.h).
//   add --provider NAME --account EXTERNAL_ID --tenant ID [--connection ID] [--note TEXT] [--json]
//                                   prints the new mapping's id (JSON: the mapping object). A
//                                   conflict names the tenant that already holds the account.
//   remove ID [--json]              JSON: {"removed": {"identity_mapping_id": ID}}.
// Exit 0 done; 2 refused input (conflict, unknown tenant or connection, bad id); 3 workspace
// failure.
class IdentitiesCommand final : public RecordCommand
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
    void list(const QCommandLineParser &parser);
    void add(const QCommandLineParser &parser);
    void remove(qint64 mappingId);
};

} // namespace wb::cli
