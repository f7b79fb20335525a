// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionauthorizer.h"

#include "core/oauth/accountlink.h"
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

bool ConnectionAuthorizer::beginPreparing()
{
    if (m_stage != Stage::Idle) {
        qWarning("ConnectionAuthorizer::start: one authorizer runs one authorization");
        return false;
    }
    setStage(Stage::Preparing);
    return true;
}

void ConnectionAuthorizer::start(AuthorizationRequest request)
{
    if (!beginPreparing())
        return;
    m_timeoutMs = request.timeoutMs;
    ClientChoice choice;
    choice.json = request.clientJson;
    choice.source = request.clientSource;
    choice.secret = request.clientSecret;
    whenFinished(resolveConnectionClient(*m_services.store, *m_services.secrets, *m_services.catalog,
                                         request.connectionId, std::move(choice)),
                 this,
                 [this, secret = request.clientSecret](const Result<ConnectionClient> &client) {
                     if (m_cancelled)
                         return;
                     if (!client) {
                         fail(client.error());
                         return;
                     }
                     m_client = *client;
                     if (secret)
                         storeClientSecret(*secret);
                     else
                         runFlow();
                 });
}

void ConnectionAuthorizer::start(ConnectionClient client, qint64 timeoutMs)
{
    if (!beginPreparing())
        return;
    m_timeoutMs = timeoutMs;
    m_client = std::move(client);
    runFlow();
}

void ConnectionAuthorizer::storeClientSecret(const QByteArray &secret)
{
    const SecretKey key{m_client.connection.id, SecretKind::OAuthClientSecret, SecretSlot::Primary};
    whenFinished(m_services.secrets->put(key, secret), this,
                 [this](const Result<SecretReference> &stored) {
                     if (m_cancelled)
                         return;
                     if (!stored) {
                         fail(stored.error());
                         return;
                     }
                     runFlow();
                 });
}

void ConnectionAuthorizer::runFlow()
{
    m_tokens = std::make_unique<StoreTokenStore>(*m_services.store, *m_services.secrets);
    m_flow = std::make_unique<AuthorizationFlow>(m_client.connection.id, m_client.config, *m_tokens,
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
    if (Result<void> started = m_flow->start(m_timeoutMs); !started)
        fail(started.error());
}

void ConnectionAuthorizer::onAuthorized(const AuthorizationOutcome &outcome)
{
    setStage(Stage::Recording);
    AuthorizationReport report;
    report.outcome = outcome;
    report.providerId = m_client.config.providerId;
    // The client goes with the connection: later refreshes, checks and revocations need nothing
    // more.
    whenFinished(saveOAuthClient(*m_services.store, outcome.connectionId, m_client.json), this,
                 [this, report](const Result<void> &saved) {
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
