// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/registrationauthorizer.h"

#include "core/dispatch/connectioncredentials.h"
#include "core/health/registrationhttp.h"
#include "core/oauth/connectionclient.h"
#include "core/oauth/endpointrequest.h"
#include "core/oauth/tokenresponse.h"
#include "core/secrets/connectionsecrets.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>

#include <memory>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
template<typename T>
std::shared_ptr<QPromise<Result<T>>> startedPromise()
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    return promise;
}

template<typename T>
void finish(const std::shared_ptr<QPromise<Result<T>>> &promise, Result<T> value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

template<typename T>
QFuture<Result<T>> ready(Result<T> value)
{
    auto promise = startedPromise<T>();
    finish(promise, std::move(value));
    return promise->future();
}

// A token is not reused in the last minute of its life.
constexpr qint64 appTokenMarginMs = 60'000;
} // namespace

RegistrationAuthorizer::RegistrationAuthorizer(const RegistrationAuthorizerServices &services,
                                               QObject *parent)
    : QObject(parent)
    , m_services(services)
{}

RegistrationAuthorizer::~RegistrationAuthorizer() = default;

RegistrationAuthorization RegistrationAuthorizer::placed(const RegistrationApi &api,
                                                         const QByteArray &authorization)
{
    RegistrationAuthorization placed;
    if (authorization.isEmpty())
        return placed;
    if (!api.credentialQueryParameter.isEmpty()) {
        placed.queryParameter = api.credentialQueryParameter;
        placed.queryValue = QString::fromUtf8(RegistrationHttp::bareToken(authorization));
        return placed;
    }
    placed.headerName = api.authHeader.toUtf8();
    placed.headerValue = RegistrationHttp::credentialValue(api, authorization);
    return placed;
}

QFuture<Result<QByteArray>> RegistrationAuthorizer::appCredential(qint64 connectionId)
{
    if (!m_services.secrets) {
        return ready<QByteArray>(fail(u"health.invalid_services"_s,
                                      tr("App credentials cannot be read here: no secret store.")));
    }
    auto promise = startedPromise<QByteArray>();
    whenFinished(m_services.secrets->get(
                         SecretKey{connectionId, SecretKind::AppCredential, SecretSlot::Primary}),
                 this, [promise, connectionId](const Result<QByteArray> &stored) {
                     if (!stored && stored.error().code == u"secrets.not_found"_s) {
                         finish(promise,
                                Result<QByteArray>(
                                        fail(u"health.no_app_credential"_s,
                                             tr("Connection %1 has no app credential, which this "
                                                "provider's registration API needs (store it with "
                                                "'wirebench-cli secrets set --connection %1 --kind "
                                                "app').")
                                                     .arg(connectionId))));
                         return;
                     }
                     finish(promise, stored);
                 });
    return promise->future();
}

QFuture<Result<RegistrationAuthorization>> RegistrationAuthorizer::authorize(
        const Connection &connection, const RegistrationApi &api)
{
    auto promise = startedPromise<RegistrationAuthorization>();
    auto deliver = [promise, api](const Result<QByteArray> &authorization) {
        if (!authorization) {
            finish(promise, Result<RegistrationAuthorization>(fail(authorization.error())));
            return;
        }
        finish(promise, Result<RegistrationAuthorization>(placed(api, *authorization)));
    };
    switch (api.credential) {
    case RegistrationApi::Credential::AccessToken:
        if (!m_services.credentials) {
            deliver(fail(u"health.invalid_services"_s, tr("No connection credentials.")));
            break;
        }
        whenFinished(m_services.credentials->authorization(connection.id), this,
                     [deliver](const Result<QByteArray> &authorization) {
                         if (!authorization) {
                             deliver(fail(authorization.error().code,
                                          tr("The connection's credentials could not be read: %1")
                                                  .arg(authorization.error().message)));
                             return;
                         }
                         deliver(authorization);
                     });
        break;
    case RegistrationApi::Credential::AppCredential:
        whenFinished(appCredential(connection.id), this,
                     [deliver](const Result<QByteArray> &credential) {
                         if (!credential) {
                             deliver(credential);
                             return;
                         }
                         deliver("Bearer "_ba + *credential);
                     });
        break;
    case RegistrationApi::Credential::ClientCredentials:
        whenFinished(clientCredentialsToken(connection), this,
                     [deliver](const Result<QByteArray> &token) {
                         if (!token) {
                             deliver(token);
                             return;
                         }
                         deliver("Bearer "_ba + *token);
                     });
        break;
    }
    return promise->future();
}

QFuture<Result<QByteArray>> RegistrationAuthorizer::clientCredentialsToken(
        const Connection &connection)
{
    if (!m_services.secrets || !m_services.store || !m_services.catalog || !m_services.network) {
        return ready<QByteArray>(fail(u"health.invalid_services"_s,
                                      tr("App tokens cannot be requested here: the OAuth client "
                                         "cannot be read.")));
    }
    auto promise = startedPromise<QByteArray>();
    whenFinished(resolveConnectionClient(*m_services.store, *m_services.secrets,
                                         *m_services.catalog, connection.id),
                 this, [this, promise](const Result<ConnectionClient> &client) {
                     if (!client) {
                         finish(promise, Result<QByteArray>(fail(client.error())));
                         return;
                     }
                     const OAuthClientConfig config = client->config;
                     const QString cacheKey = config.tokenUrl.toString() + u' ' + config.clientId;
                     const qint64 now = m_services.clock->nowMs();
                     if (const auto kept = m_appTokens.constFind(cacheKey);
                         kept != m_appTokens.cend() && kept->expiresAtMs - appTokenMarginMs > now) {
                         finish(promise, Result<QByteArray>(kept->accessToken));
                         return;
                     }
                     EndpointRequest outgoing = buildEndpointRequest(config.tokenUrl, config,
                                                                     {{u"grant_type"_s,
                                                                       u"client_credentials"_s}});
                     outgoing.request.setTransferTimeout(m_timeoutMs);
                     QNetworkReply *reply = m_services.network->post(outgoing.request,
                                                                     outgoing.body);
                     connect(reply, &QNetworkReply::finished, this,
                             [this, reply, promise, config, cacheKey] {
                                 reply->deleteLater();
                                 const EndpointReply answer = EndpointReply::fromNetworkReply(reply);
                                 const Result<TokenSet> tokens
                                         = parseTokenResponse(answer, config,
                                                              m_services.clock->nowMs(), false);
                                 if (!tokens) {
                                     finish(promise,
                                            Result<QByteArray>(
                                                    fail(u"health.app_token_failed"_s,
                                                         tr("The provider gave no app token "
                                                            "(client credentials at %1): %2")
                                                                 .arg(config.tokenUrl.toString(),
                                                                      tokens.error().message))));
                                     return;
                                 }
                                 const QByteArray token = tokens->accessToken.toUtf8();
                                 if (tokens->hasExpiry())
                                     m_appTokens.insert(cacheKey, {token, tokens->expiresAtMs});
                                 finish(promise, Result<QByteArray>(token));
                             });
                 });
    return promise->future();
}

} // namespace wb::core
