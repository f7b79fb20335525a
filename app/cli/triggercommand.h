// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include "core/inbound/trigger/samplecatalog.h"
#include "core/util/result.h"

#include <memory>

class QNetworkAccessManager;

namespace wb::core {
class ConnectionSecrets;
class SecretStore;
struct Connection;
struct ProviderProfile;
class ProviderCatalog;
} // namespace wb::core

namespace wb::cli {

class WorkspaceSession;

// `wirebench-cli trigger --connection ID --event TYPE [--to URL] [--account ID] [--json]`: sends a
// realistic sample event of the connection's provider (core::SampleCatalog, resources/samples),
// signed with the connection's webhook secret as the provider signs, to the receiver of `serve`
// (default http://127.0.0.1:8480/hooks/<ID>) or to --to URL, so an engineer can test a handler
// without the external system. The account id in the sample is the one the identity mapping has
// for the connection's tenant and provider (or --account), so the tenant resolves.
// Prints the answer's status and body. JSON: {"url", "event", "status", "response_body",
// "account_id", "headers": [{"name", "value"}], "body_base64"}.
// Exit 0 for a 2xx answer; 1 for any other answer; 2 refused input (unknown connection or event,
// bad URL); 3 workspace, secrets or network failure (nothing listening: is serve running?).
class TriggerCommand final : public Command
{
public:
    TriggerCommand();
    ~TriggerCommand() override;

    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) override;

private:
    void onConnection(const core::Connection &connection);
    void onProfile(const core::ProviderProfile &profile);
    void onAccount(const QByteArray &accountId);
    void onSecret(const QByteArray &secret);
    void send(const QList<core::ReceivedHeader> &headers, const QByteArray &body);
    void fail(const core::Error &error, int exitCode);

    CommandContext *m_context = nullptr;
    bool m_json = false;
    qint64 m_connectionId = 0;
    QString m_event;
    QString m_target;
    QString m_account;
    core::SampleEvent m_sample;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    const core::ProviderProfile *m_profile = nullptr;
    qint64 m_tenantId = 0;
    core::RenderedSample m_rendered;
    std::unique_ptr<WorkspaceSession> m_session;
    std::shared_ptr<core::SecretStore> m_backend;
    std::unique_ptr<core::ConnectionSecrets> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace wb::cli
