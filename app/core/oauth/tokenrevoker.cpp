// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/tokenrevoker.h"

#include "core/oauth/endpointrequest.h"
#include "core/util/futures.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// The revocation request of `config.revocationRequest` for the stored `tokens` (tokenrevoker.h).
QNetworkReply *sendRevocation(QNetworkAccessManager &network, const OAuthClientConfig &config,
                              const TokenSet &tokens)
{
    switch (config.revocationRequest) {
    case RevocationRequest::BasicAuthJsonDelete: {
        // GitHub: DELETE /applications/{client_id}/grant, Basic client_id:client_secret, JSON body.
        QNetworkRequest request(config.revocationUrl);
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("Authorization",
                             basicClientAuthorization(config.clientId, config.clientSecret));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(endpointTimeoutMs);
        const QByteArray body = QJsonDocument(QJsonObject{{u"access_token"_s, tokens.accessToken}})
                                        .toJson(QJsonDocument::Compact);
        return network.sendCustomRequest(request, "DELETE", body);
    }
    case RevocationRequest::BearerPost: {
        // Slack auth.revoke: the token to revoke authenticates the call (RFC 6750 §2.1 header).
        QNetworkRequest request(config.revocationUrl);
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("Authorization", "Bearer " + tokens.accessToken.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          u"application/x-www-form-urlencoded"_s);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(endpointTimeoutMs);
        return network.post(request, QByteArray());
    }
    case RevocationRequest::Rfc7009:
        break;
    }
    const bool refresh = !tokens.refreshToken.isEmpty();
    // RFC 7009 §2.1: token and token_type_hint.
    EndpointRequest request = buildEndpointRequest(config.revocationUrl, config,
                                                   {{u"token"_s, refresh ? tokens.refreshToken
                                                                         : tokens.accessToken},
                                                    {u"token_type_hint"_s,
                                                     refresh ? u"refresh_token"_s
                                                             : u"access_token"_s}});
    return network.post(request.request, request.body);
}

// Why a revocation failed: endpointFailure() without its "will try again" (a revocation is not
// retried: the connection is going away), plus the `message` of a JSON error body (GitHub's 422
// "Validation Failed"), which names the cause where the status alone does not.
std::optional<Error> revocationFailure(const EndpointReply &reply, const OAuthClientConfig &config)
{
    const QString where = reply.url.toDisplayString(QUrl::RemoveQuery);
    if (reply.isNetworkFailure()) {
        return Error{QString::fromLatin1(oautherror::networkError),
                     TokenRevoker::tr("Cannot reach the revocation endpoint %1: %2.")
                             .arg(where, reply.networkErrorString)};
    }
    if (reply.httpStatus == 429 || reply.httpStatus >= 500) {
        return Error{QString::fromLatin1(oautherror::providerUnavailable),
                     TokenRevoker::tr("The revocation endpoint %1 is unavailable (HTTP %2).")
                             .arg(where)
                             .arg(reply.httpStatus)};
    }
    std::optional<Error> failure = endpointFailure(reply, config, TokenRevoker::tr("revocation"));
    if (!failure)
        return std::nullopt;
    const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    const QString message = body.value(u"message"_s).toString();
    if (!message.isEmpty())
        failure->message += u' ' + TokenRevoker::tr("The provider says: %1").arg(message);
    return failure;
}

} // namespace

TokenRevoker::TokenRevoker(TokenStore &store, QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_network(network)
{}

TokenRevoker::~TokenRevoker() = default;

QFuture<Result<RevocationOutcome>> TokenRevoker::revokeAndRemove(qint64 connectionId,
                                                                 const OAuthClientConfig &config)
{
    auto promise = std::make_shared<Promise>();
    promise->start();
    QFuture<Result<RevocationOutcome>> future = promise->future();

    whenFinished(m_store.readTokens(connectionId), this,
                 [this, connectionId, config,
                  promise](const Result<std::optional<TokenSet>> &tokens) {
                     if (!tokens) {
                         promise->addResult(
                                 Result<RevocationOutcome>(wb::core::fail(tokens.error())));
                         promise->finish();
                         return;
                     }
                     RevocationOutcome outcome;
                     outcome.hadCredential = tokens->has_value();
                     outcome.providerSupportsRevocation = !config.revocationUrl.isEmpty();
                     if (!*tokens || config.revocationUrl.isEmpty()) {
                         remove(connectionId, outcome, std::nullopt, promise);
                         return;
                     }
                     if (config.revocationRequest == RevocationRequest::BasicAuthJsonDelete
                         && config.clientSecret.isEmpty()) {
                         remove(connectionId, outcome,
                                Error{u"oauth.revocation_failed"_s,
                                      tr("The %1 revocation request authenticates with the client "
                                         "secret, and the connection's client has none. The "
                                         "stored tokens were removed all the same.")
                                              .arg(config.providerId)},
                                promise);
                         return;
                     }
                     QNetworkReply *reply = sendRevocation(m_network, config, **tokens);
                     connect(reply, &QNetworkReply::finished, this,
                             [this, connectionId, config, reply, outcome, promise]() mutable {
                                 const EndpointReply result = EndpointReply::fromNetworkReply(reply);
                                 reply->deleteLater();
                                 std::optional<Error> failure = revocationFailure(result, config);
                                 if (failure) {
                                     failure = Error{u"oauth.revocation_failed"_s,
                                                     tr("%1 The stored tokens were removed all the "
                                                        "same.")
                                                             .arg(failure->message)};
                                 } else {
                                     outcome.revokedAtProvider = true;
                                 }
                                 remove(connectionId, outcome, failure, promise);
                             });
                 });
    return future;
}

void TokenRevoker::remove(qint64 connectionId, RevocationOutcome outcome,
                          std::optional<Error> failure, std::shared_ptr<Promise> promise)
{
    whenFinished(m_store.removeTokens(connectionId), this,
                 [outcome, failure, promise](const Result<void> &removed) {
                     if (!removed)
                         promise->addResult(
                                 Result<RevocationOutcome>(wb::core::fail(removed.error())));
                     else if (failure)
                         promise->addResult(Result<RevocationOutcome>(wb::core::fail(*failure)));
                     else
                         promise->addResult(Result<RevocationOutcome>(outcome));
                     promise->finish();
                 });
}

} // namespace wb::core
