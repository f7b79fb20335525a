// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"
#include "tenantnames.h"

#include "core/health/connectionhealth.h"
#include "core/util/result.h"

#include <QList>

#include <memory>

class QNetworkAccessManager;

namespace wb::core {
class ConnectionSecrets;
class HealthMonitor;
class ProviderCatalog;
class SecretStore;
class SecretsConnectionCredentials;
} // namespace wb::core

namespace wb::cli {

class WorkspaceSession;

// `wirebench-cli health [--connection ID] [--check | --repair] [--json]`: the registration health
// of every connection (or one): status, the reason and the action, from what `serve` (or the
// GUI) last recorded, the connections' received events and their credentials.
//   --check   asks each provider about each registration now (through its API, with the
//             connection's credentials from the workspace's secret backend);
//   --repair  as --check, and also renews registrations due for renewal and re-registers
//             missing ones whose registration allows it (what serve does on its own).
// JSON: {"connections": [connection health objects], "summary": {"healthy": n, "attention": n,
// "failing": n, "unknown": n}}; see healthJson().
// Exit 0 nothing needs attention; 1 some connection is failing or needs attention; 2 bad
// arguments (an unknown connection); 3 workspace, keychain or network failure.
class HealthCommand final : public Command
{
public:
    HealthCommand();
    ~HealthCommand() override;

    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) override;

private:
    void runRound(bool activeChecks, bool act);
    void report(const QList<core::ConnectionHealth> &assessed, const TenantNames &tenants);
    void fail(const core::Error &error, int exitCode);

    CommandContext *m_context = nullptr;
    bool m_json = false;
    std::optional<qint64> m_connectionId;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    std::shared_ptr<core::SecretStore> m_backend;
    std::unique_ptr<core::ConnectionSecrets> m_secrets;
    std::unique_ptr<core::SecretsConnectionCredentials> m_credentials;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<core::HealthMonitor> m_monitor;
};

} // namespace wb::cli
