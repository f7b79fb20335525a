// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/connectionremover.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTextStream>

#include <functional>
#include <memory>

namespace wb::core {
class ConnectionSecrets;
class ProviderCatalog;
class SecretStore;
} // namespace wb::core

namespace wb::cli {

class WorkspaceSession;

// `connections remove` and `tenants remove`: opens the workspace's secret
// backend and the provider catalog, then removes the connection with core::ConnectionRemover
// (its tokens revoked at the provider, its secret values deleted). A secret backend that cannot be
// opened (a sealed workspace without its master key) does not stop the removal: the report says
// the tokens were not revoked, and why.
//
// Thread: the main thread. `session` must outlive this object.
class ConnectionRemoval final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionRemoval)

public:
    using Done = std::function<void(const core::Result<core::ConnectionRemovalReport> &)>;
    using TenantDone = std::function<void(const core::Result<core::TenantRemovalReport> &)>;

    // Profiles left out of the catalog are reported on `err` as `commandName`'s (catalogloader.h).
    ConnectionRemoval(WorkspaceSession &session, QTextStream &err, const QString &commandName,
                      QObject *parent = nullptr);
    ~ConnectionRemoval() override;

    // Calls `done` once, on the main thread, unless the session finished first.
    void start(qint64 connectionId, Done done);
    // The tenant with all its connections (core::ConnectionRemover::removeTenant).
    void startTenant(qint64 tenantId, TenantDone done);

private:
    // Opens the secret backend, then calls `run` with the remover.
    void withRemover(std::function<void(core::ConnectionRemover &)> run);

    WorkspaceSession &m_session;
    QTextStream &m_err;
    QString m_commandName;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    std::shared_ptr<core::SecretStore> m_secretStore;
    std::unique_ptr<core::ConnectionSecrets> m_secrets;
    std::unique_ptr<core::ConnectionRemover> m_remover;
};

// A revocation as JSON: {"had_credential", "revoked_at_provider", "provider_supports_revocation"}.
QJsonObject revocationJson(const core::RevocationOutcome &outcome);
// The removal report as JSON: revocationJson() with "revocation_error": {"code", "message"} or
// null and "secret_warnings": [text].
QJsonObject removalJson(const core::ConnectionRemovalReport &report);
// One sentence on what happened to the tokens of a `providerId` connection ("Its tokens were
// revoked at the provider.").
QString describeRevocation(const core::RevocationOutcome &outcome, const QString &providerId);
// As above, or why they were not revoked.
QString describeRevocation(const core::ConnectionRemovalReport &report);

} // namespace wb::cli
