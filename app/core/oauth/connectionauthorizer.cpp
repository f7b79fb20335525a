// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionauthorizer.h"

#include "core/oauth/accountlink.h"
#include "core/oauth/clientconfigjson.h"
#include "core/oauth/oauthclientrecord.h"
#include "core/oauth/storetokenstore.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/connection.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace wb::core {

ConnectionAuthorizer::ConnectionAuthorizer(const Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    Q_ASSERT(services.store && services.secrets && services.catalog && services.network
             && services.clock);
    qRegisterMetaType<Result<AuthorizationReport>>();
}

ConnectionAuthorizer::~ConnectionAuthorizer() = default;

QUrl ConnectionAuthorizer::redirectUri() const
{
    return m_flow ? m_flow->redirectUri() : QUrl();
}

void ConnectionAuthorizer::start(AuthorizationRequest request)
{
    if (m_stage != Stage::Idle) {
        qWarning("ConnectionAuthorizer::start: one authorizer runs one authorization");
        return;
    }
    m_request = std::move(request);
    setStage(Stage::Preparing);
    whenFinished(m_services.store->connection(m_request.connectionId), this,
                 [this](const Result<Connection> &connection) {
                     if (m_cancelled)
                         return;
                     if (!connection) {
                         fail(connection.error());
                         return;
                     }
                     onConnection(*connection);
                 });
}

void ConnectionAuthorizer::onConnection(const Connection &connection)
{
    if (!m_request.clientJson.isEmpty()) {
        useClient(connection.providerId, m_request.clientJson,
                  m_request.clientSource.isEmpty() ? u"the OAuth client"_s : m_request.clientSource);
        return;
    }
    const QString providerId = connection.providerId;
    const qint64 id = connection.id;
    whenFinished(loadOAuthClient(*m_services.store, id), this,
                 [this, providerId, id](const Result<std::optional<QByteArray>> &stored) {
                     if (m_cancelled)
                         return;
                     if (!stored) {
                         fail(stored.error());
                         return;
                     }
                     if (!*stored) {
                         fail(Error{u"oauth.no_client"_s,
                                    u"connection %1 has no OAuth client yet: enter the client id "
                                    u"of the app registered at the provider"_s.arg(id)});
                         return;
                     }
                     useClient(providerId, **stored,
                               u"the OAuth client stored for connection %1"_s.arg(id));
                 });
}

void ConnectionAuthorizer::useClient(const QString &providerId, const QByteArray &json,
                                     const QString &source)
{
    Result<OAuthClientConfig> config = clientConfigFromJson(json, source, *m_services.catalog);
    if (!config) {
        fail(config.error());
        return;
    }
    if (config->providerId != providerId) {
        fail(Error{u"oauth.config_invalid"_s,
                   u"connection %1 is a %2 connection, but the client configuration is for %3"_s
                           .arg(m_request.connectionId)
                           .arg(providerId, config->providerId)});
        return;
    }
    m_config = std::move(*config);
    m_request.clientJson = json;
    const SecretKey key{m_request.connectionId, SecretKind::OAuthClientSecret, SecretSlot::Primary};
    if (m_request.clientSecret) {
        const QByteArray secret = *m_request.clientSecret;
        whenFinished(m_services.secrets->put(key, secret), this,
                     [this, secret](const Result<SecretReference> &stored) {
                         if (m_cancelled)
                             return;
                         if (!stored) {
                             fail(stored.error());
                             return;
                         }
                         m_config.clientSecret = QString::fromUtf8(secret);
                         runFlow();
                     });
        return;
    }
    if (m_config.clientAuth == ClientAuthMethod::None) {
        runFlow();
        return;
    }
    whenFinished(m_services.secrets->get(key), this, [this](const Result<QByteArray> &secret) {
        if (m_cancelled)
            return;
        if (!secret) {
            Error error = secret.error();
            if (error.code == u"secrets.not_found"_s)
                error.message = u"connection %1 has no OAuth client secret stored: %2"_s
                                        .arg(m_request.connectionId)
                                        .arg(error.message);
            fail(error);
            return;
        }
        m_config.clientSecret = QString::fromUtf8(*secret);
        runFlow();
    });
}

void ConnectionAuthorizer::runFlow()
{
    if (Result<void> valid = m_config.validate(); !valid) {
        fail(valid.error());
        return;
    }
    m_tokens = std::make_unique<StoreTokenStore>(*m_services.store, *m_services.secrets);
    m_flow = std::make_unique<AuthorizationFlow>(m_request.connectionId, m_config, *m_tokens,
                                                 *m_services.network, *m_services.clock);
    connect(m_flow.get(), &AuthorizationFlow::authorizationUrlReady, this, [this](const QUrl &url) {
        setStage(Stage::WaitingForBrowser);
        Q_EMIT authorizationUrlReady(url);
    });
    connect(m_flow.get(), &AuthorizationFlow::redirectAccepted, this,
            [this] { setStage(Stage::ExchangingCode); });
    connect(m_flow.get(), &AuthorizationFlow::finished, this,
            [this](const Result<AuthorizationOutcome> &result) {
                if (!result) {
                    fail(result.error());
                    return;
                }
                onAuthorized(*result);
            });
    if (Result<void> started = m_flow->start(m_request.timeoutMs); !started)
        fail(started.error());
}

void ConnectionAuthorizer::onAuthorized(const AuthorizationOutcome &outcome)
{
    setStage(Stage::Recording);
    AuthorizationReport report;
    report.outcome = outcome;
    report.providerId = m_config.providerId;
    // The client goes with the connection: later refreshes, checks and revocations need nothing
    // more.
    whenFinished(saveOAuthClient(*m_services.store, outcome.connectionId, m_request.clientJson),
                 this, [this, report](const Result<void> &saved) {
                     if (!saved) {
                         fail(Error{saved.error().code,
                                    u"the connection is authorized, but its OAuth client could "
                                    u"not be stored: %1"_s.arg(saved.error().message)});
                         return;
                     }
                     if (report.outcome.accountId.isEmpty()) {
                         succeed(report);
                         return;
                     }
                     whenFinished(linkAuthorizedAccount(*m_services.store,
                                                        report.outcome.connectionId,
                                                        report.outcome.accountId),
                                  this, [this, report](const Result<IdentityMapping> &mapping) {
                                      if (!mapping) {
                                          fail(Error{mapping.error().code,
                                                     u"the connection is authorized, but its "
                                                     u"account could not be mapped to its "
                                                     u"tenant: %1"_s.arg(mapping.error().message)});
                                          return;
                                      }
                                      AuthorizationReport linked = report;
                                      linked.mapping = *mapping;
                                      succeed(linked);
                                  });
                 });
}

void ConnectionAuthorizer::cancel()
{
    if (m_stage == Stage::Succeeded || m_stage == Stage::Failed || m_cancelled)
        return;
    if (m_flow && (m_stage == Stage::WaitingForBrowser || m_stage == Stage::ExchangingCode)) {
        m_flow->cancel(); // finished() follows with oauth.cancelled
        return;
    }
    if (m_stage == Stage::Recording)
        return; // the tokens are stored; what is left is bookkeeping that should complete
    m_cancelled = true;
    QTimer::singleShot(0, this, [this] {
        setStage(Stage::Failed);
        Q_EMIT finished(wb::core::fail(u"oauth.cancelled"_s, u"the authorization was cancelled"_s));
    });
}

void ConnectionAuthorizer::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void ConnectionAuthorizer::fail(const Error &error)
{
    // Always from the event loop, as documented.
    QTimer::singleShot(0, this, [this, error] {
        setStage(Stage::Failed);
        Q_EMIT finished(wb::core::fail(error));
    });
}

void ConnectionAuthorizer::succeed(const AuthorizationReport &report)
{
    setStage(Stage::Succeeded);
    Q_EMIT finished(report);
}

} // namespace wb::core
