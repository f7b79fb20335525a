// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthrun.h"

#include "connectionremoval.h"
#include "output.h"
#include "workspacesession.h"

#include "core/oauth/browserlauncher.h"
#include "core/oauth/connectionauthorizer.h"
#include "core/oauth/connectionremover.h"
#include "core/oauth/credentialrefresher.h"
#include "core/oauth/storetokenstore.h"
#include "core/oauth/tokenresponse.h"
#include "core/oauth/tokenrevoker.h"
#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretstorefactory.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/futures.h"
#include "core/util/randomsource.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

QByteArray sha256Hex(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

// An expiry (0: none) for JSON.
QJsonValue expiryJson(qint64 ms)
{
    return optionalTime(ms > 0 ? std::optional(ms) : std::nullopt);
}

} // namespace

int oauthExitCodeFor(const core::Error &error)
{
    if (core::isTransientOAuthError(error) || error.code.startsWith(u"store."_s)
        || error.code.startsWith(u"secrets."_s) || error.code == u"oauth.listen_failed"_s
        || error.code == u"oauth.lease_busy"_s) {
        return ExitRuntime;
    }
    return ExitNegative;
}

OAuthRun::OAuthRun(Options options, CommandContext &context)
    : m_options(std::move(options))
    , m_context(context)
{}

OAuthRun::~OAuthRun()
{
    // Users of the store first, the store last.
    m_authorizer.reset();
    m_remover.reset();
    m_revoker.reset();
    m_refresher.reset();
    m_tokens.reset();
    m_secrets.reset();
    m_secretStore.reset();
    m_session.reset();
    m_catalog.reset();
}

QString OAuthRun::commandName() const
{
    switch (m_options.action) {
    case Action::Authorize:
        return u"oauth authorize"_s;
    case Action::Refresh:
        return u"oauth refresh"_s;
    case Action::Revoke:
        return u"oauth revoke"_s;
    }
    return u"oauth"_s;
}

core::Result<void> OAuthRun::start()
{
    core::Result<std::unique_ptr<WorkspaceSession>> session = WorkspaceSession::open(m_context);
    if (!session)
        return core::fail(session.error());
    m_session = std::move(*session);
    m_catalog = std::make_unique<core::ProviderCatalog>(
            core::ProviderCatalog::load(core::ProviderCatalog::defaultUserFolder()));
    // The workspace's secret backend: the keychain, or a sealed store whose master key comes from
    // WIREBENCH_MASTER_KEY_FILE or the keychain (masterkeysource.h).
    whenFinished(core::openSecretStore(m_session->store()), this,
                 [this](const core::Result<core::OpenedSecretStore> &opened) {
                     if (!opened) {
                         fail(opened.error(), ExitRuntime);
                         return;
                     }
                     core::Store &store = m_session->store();
                     m_secretStore = opened->secrets;
                     m_secrets = std::make_unique<core::ConnectionSecrets>(store, *m_secretStore);
                     m_tokens = std::make_unique<core::StoreTokenStore>(store, *m_secrets);
                     whenFinished(core::resolveConnectionClient(store, *m_secrets, *m_catalog,
                                                                m_options.connectionId,
                                                                m_options.client),
                                  this, [this](const core::Result<core::ConnectionClient> &client) {
                                      onClient(client);
                                  });
                 });
    return {};
}

void OAuthRun::onClient(const core::Result<core::ConnectionClient> &client)
{
    if (!client) {
        failClient(client.error());
        return;
    }
    m_client = *client;
    switch (m_options.action) {
    case Action::Authorize:
        authorize();
        break;
    case Action::Refresh:
        refresh();
        break;
    case Action::Revoke:
        revoke();
        break;
    }
}

void OAuthRun::failClient(const core::Error &error)
{
    if (error.code == u"oauth.no_client"_s) {
        fail(core::Error{u"cli.missing_option"_s,
                         u"connection %1 has no stored OAuth client: give --client-config or "
                         u"--client-id"_s.arg(m_options.connectionId)},
             ExitUsage);
        return;
    }
    // What the command line names or gives (the connection, the client, its secret in the
    // keychain) is a usage error; the workspace or the keychain failing is not.
    const bool runtime = (error.code.startsWith(u"store."_s)
                          && error.code != u"store.unknown_connection"_s)
                         || (error.code.startsWith(u"secrets."_s)
                             && error.code != u"secrets.not_found"_s)
                         || error.code == u"future.cancelled"_s;
    fail(error, runtime ? ExitRuntime : ExitUsage);
}

void OAuthRun::authorize()
{
    core::ConnectionAuthorizer::Services services;
    services.store = &m_session->store();
    services.secrets = m_secrets.get();
    services.catalog = m_catalog.get();
    services.network = &m_network;
    services.clock = core::SystemClock::instance();
    m_authorizer = std::make_unique<core::ConnectionAuthorizer>(services);
    m_launcher = std::make_unique<core::BrowserLauncher>(
            QSettings().value(u"oauth/browserCommand"_s).toString());
    QTextStream &urlOut = m_options.json ? m_context.err : m_context.out;
    connect(m_authorizer.get(), &core::ConnectionAuthorizer::authorizationUrlReady, this,
            [this, &urlOut](const QUrl &url) {
                urlOut << "Open this address in a browser to authorize connection "
                       << m_options.connectionId << " (" << m_client.config.providerId << "):\n"
                       << url.toString(QUrl::FullyEncoded) << "\n";
                urlOut.flush();
                if (core::Result<void> launched = m_launcher->launch(url); !launched) {
                    m_context.err << "wirebench-cli " << commandName() << ": "
                                  << launched.error().message << "\n";
                    m_context.err.flush();
                }
            });
    connect(m_launcher.get(), &core::BrowserLauncher::failedToStart, this,
            [this](const core::Error &error) {
                m_context.err << "wirebench-cli " << commandName() << ": " << error.message
                              << " Open the address yourself.\n";
                m_context.err.flush();
            });
    connect(m_launcher.get(), &core::BrowserLauncher::exited, this,
            [this](const core::BrowserExit &exit) {
                if (exit.exitCode == 0 && !exit.crashed)
                    return;
                m_context.err << "wirebench-cli " << commandName()
                              << ": the browser command ended with exit code " << exit.exitCode
                              << "; open the address yourself.\n";
                m_context.err.flush();
            });
    connect(m_authorizer.get(), &core::ConnectionAuthorizer::finished, this,
            [this](const core::Result<core::AuthorizationReport> &result) {
                if (!result) {
                    fail(result.error(), oauthExitCodeFor(result.error()));
                    return;
                }
                onAuthorized(*result);
            });
    m_authorizer->start(m_client, m_options.timeoutMs);
}

void OAuthRun::onAuthorized(const core::AuthorizationReport &report)
{
    const core::AuthorizationOutcome &outcome = report.outcome;
    const std::optional<qint64> mappingId = report.mapping ? std::optional(report.mapping->id)
                                                           : std::nullopt;
    if (m_options.json) {
        writeJson(m_context.out, QJsonObject{{u"connection_id"_s, outcome.connectionId},
                                             {u"provider"_s, report.providerId},
                                             {u"account_id"_s, outcome.accountId},
                                             {u"scope"_s, outcome.scope},
                                             {u"expires_at"_s, expiryJson(outcome.expiresAtMs)},
                                             {u"refresh_token"_s, outcome.hasRefreshToken},
                                             {u"identity_mapping_id"_s, optionalId(mappingId)}});
    } else {
        m_context.out << "Connection " << outcome.connectionId << " (" << report.providerId
                      << ") is authorized";
        if (!outcome.accountId.isEmpty())
            m_context.out << " for account " << outcome.accountId;
        if (outcome.expiresAtMs > 0)
            m_context.out << "; the access token is refreshed at "
                          << rfc3339Utc(outcome.expiresAtMs);
        if (mappingId)
            m_context.out << "; identity mapping " << *mappingId;
        m_context.out << ".\n";
        m_context.out.flush();
    }
    m_session->finish(ExitOk);
}

void OAuthRun::refresh()
{
    m_refresher = std::make_unique<core::CredentialRefresher>(*m_tokens, m_network,
                                                              *core::SystemClock::instance(),
                                                              *core::SystemRandomSource::instance());
    m_refresher->watch(m_options.connectionId, m_client.config);
    whenFinished(m_tokens->readTokens(m_options.connectionId), this,
                 [this](const core::Result<std::optional<core::TokenSet>> &stored) {
                     if (!stored) {
                         fail(stored.error(), ExitRuntime);
                         return;
                     }
                     if (!*stored) {
                         fail(core::Error{u"oauth.no_credential"_s,
                                          u"connection %1 has no stored credential; run "
                                          u"'wirebench-cli oauth authorize' first"_s.arg(
                                                  m_options.connectionId)},
                              ExitNegative);
                         return;
                     }
                     auto report = [this](const core::AccessToken &token) {
                         if (m_options.json) {
                             writeJson(m_context.out,
                                       QJsonObject{{u"connection_id"_s, m_options.connectionId},
                                                   {u"expires_at"_s, expiryJson(token.expiresAtMs)},
                                                   {u"access_token_sha256"_s,
                                                    QString::fromLatin1(sha256Hex(token.token))}});
                         } else {
                             m_context.out << "Connection " << m_options.connectionId
                                           << ": access token sha256 " << sha256Hex(token.token)
                                           << ", refreshed at "
                                           << (token.expiresAtMs > 0 ? rfc3339Utc(token.expiresAtMs)
                                                                     : u"(no expiry)"_s)
                                           << "\n";
                             m_context.out.flush();
                         }
                         m_session->finish(ExitOk);
                     };
                     const core::TokenSet &tokens = **stored;
                     QString rejected;
                     if (!m_options.rejectedTokenSha256.isEmpty()) {
                         if (sha256Hex(tokens.accessToken) != m_options.rejectedTokenSha256) {
                             // Another process refreshed already: nothing to spend.
                             report(core::AccessToken{tokens.accessToken, tokens.tokenType,
                                                      tokens.expiresAtMs});
                             return;
                         }
                         rejected = tokens.accessToken;
                     }
                     whenFinished(m_refresher->refresh(m_options.connectionId, rejected), this,
                                  [this, report](const core::Result<core::AccessToken> &token) {
                                      if (!token) {
                                          fail(token.error(), oauthExitCodeFor(token.error()));
                                          return;
                                      }
                                      report(*token);
                                  });
                 });
}

void OAuthRun::revoke()
{
    if (m_options.removeConnection) {
        revokeAndRemoveConnection();
        return;
    }
    m_revoker = std::make_unique<core::TokenRevoker>(*m_tokens, m_network);
    whenFinished(m_revoker->revokeAndRemove(m_options.connectionId, m_client.config), this,
                 [this](const core::Result<core::RevocationOutcome> &outcome) {
                     // oauth.revocation_failed: the provider refused or was unreachable; the
                     // credential is gone from the workspace all the same (tokenrevoker.h).
                     if (!outcome) {
                         fail(outcome.error(), oauthExitCodeFor(outcome.error()));
                         return;
                     }
                     if (m_options.json) {
                         QJsonObject json = revocationJson(*outcome);
                         json.insert(u"connection_id"_s, m_options.connectionId);
                         writeJson(m_context.out, json);
                     } else {
                         m_context.out << "Connection " << m_options.connectionId << ": "
                                       << describeRevocation(*outcome, m_client.config.providerId)
                                       << " It is kept in the workspace.\n";
                         m_context.out.flush();
                     }
                     m_session->finish(ExitOk);
                 });
}

void OAuthRun::revokeAndRemoveConnection()
{
    // As `connections remove` and the GUI (core::ConnectionRemover), with the client given here.
    core::ConnectionRemover::Services services;
    services.store = &m_session->store();
    services.secrets = m_secrets.get();
    services.catalog = m_catalog.get();
    services.network = &m_network;
    m_remover = std::make_unique<core::ConnectionRemover>(services);
    m_session->whenDone(m_remover->remove(m_options.connectionId, m_options.client),
                        [this](const core::Result<core::ConnectionRemovalReport> &report) {
                            if (!report) {
                                fail(report.error(), ExitRuntime);
                                return;
                            }
                            if (report->revocationFailure) {
                                // The connection was removed; the provider's refusal is still reported.
                                const core::Error &failure = *report->revocationFailure;
                                fail(core::Error{failure.code,
                                                 u"connection %1 was removed, but %2"_s
                                                         .arg(QString::number(
                                                                      m_options.connectionId),
                                                              failure.message)},
                                     oauthExitCodeFor(failure));
                                return;
                            }
                            if (m_options.json) {
                                QJsonObject json = revocationJson(report->revocation);
                                json.insert(u"connection_id"_s, m_options.connectionId);
                                json.insert(u"connection_removed"_s, true);
                                json.insert(u"warnings"_s,
                                            QJsonArray::fromStringList(report->secretWarnings));
                                writeJson(m_context.out, json);
                            } else {
                                m_context.out << "Connection " << m_options.connectionId
                                              << " was removed. " << describeRevocation(*report)
                                              << "\n";
                                for (const QString &warning : report->secretWarnings)
                                    m_context.err << "wirebench-cli " << commandName() << ": "
                                                  << warning << "\n";
                                m_context.out.flush();
                                m_context.err.flush();
                            }
                            m_session->finish(ExitOk);
                        });
}

void OAuthRun::fail(const core::Error &error, int exitCode)
{
    reportError(m_context.err, m_options.json ? &m_context.out : nullptr, commandName(), error,
                exitCode);
    m_session->finish(exitCode);
}

} // namespace wb::cli
