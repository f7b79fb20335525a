// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/tokenrevoker.h"

#include "core/oauth/endpointrequest.h"
#include "core/util/futures.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace wb::core {

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
                     const TokenSet &stored = **tokens;
                     const bool refresh = !stored.refreshToken.isEmpty();
                     // RFC 7009 §2.1: token and token_type_hint.
                     EndpointRequest request = buildEndpointRequest(config.revocationUrl, config,
                                                                    {{u"token"_s,
                                                                      refresh ? stored.refreshToken
                                                                              : stored.accessToken},
                                                                     {u"token_type_hint"_s,
                                                                      refresh ? u"refresh_token"_s
                                                                              : u"access_token"_s}});
                     QNetworkReply *reply = m_network.post(request.request, request.body);
                     connect(reply, &QNetworkReply::finished, this,
                             [this, connectionId, config, reply, outcome, promise]() mutable {
                                 const EndpointReply result = EndpointReply::fromNetworkReply(reply);
                                 reply->deleteLater();
                                 std::optional<Error> failure = endpointFailure(result, config,
                                                                                tr("revocation"));
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
