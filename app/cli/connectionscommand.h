// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordcommand.h"

#include <memory>

namespace wb::cli {

class ConnectionRemoval;

// `wirebench-cli connections <action>`:
//   list [--tenant ID] [--json]     connections (of one tenant). JSON: an array of connection
//                                   objects (records.h).
//   add --tenant ID --provider NAME [--label L] [--base-url URL] [--forward-to URL]
//       [--retry-policy NAME] [--json]
//                                   adds an unauthorized connection; prints its id (JSON: the
//                                   connection object).
//   show ID [--json]                one connection with its identity mappings and which secrets
//                                   are stored (never their values). JSON: the connection object
//                                   plus "identity_mappings": [mapping objects] and
//                                   "secrets": [{"kind", "slot", "backend", "updated_at"}].
//   remove ID [--json]              revokes its tokens at the provider where the profile has a
//                                   revocation endpoint, then removes it with its secrets;
//                                   identity mappings keep their tenant (core::ConnectionRemover).
//                                   JSON: {"removed": {"connection_id": ID}, "revocation":
//                                   removalJson() of connectionremoval.h}. A failed revocation
//                                   does not stop the removal: it is reported on stderr (and in
//                                   "revocation_error") and the exit code is 1.
// Exit 0 done; 1 removed, but the tokens were not revoked; 2 refused input; 3 workspace failure.
class ConnectionsCommand final : public RecordCommand
{
public:
    ConnectionsCommand();
    ~ConnectionsCommand() override;
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
    void list(std::optional<qint64> tenantId);
    void add(const QCommandLineParser &parser);
    void show(qint64 connectionId);
    void remove(qint64 connectionId);

    std::unique_ptr<ConnectionRemoval> m_removal;
};

} // namespace wb::cli
