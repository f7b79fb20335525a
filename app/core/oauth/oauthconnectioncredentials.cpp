// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/oauthconnectioncredentials.h"

#include "core/oauth/credentialrefresher.h"
#include "core/oauth/oauthtr.h"

using namespace Qt::StringLiterals;

namespace wb::core {

OAuthConnectionCredentials::OAuthConnectionCredentials(CredentialRefresher &refresher,
                                                       ConnectionCredentials &fallback,
                                                       QObject *parent)
    : QObject(parent)
    , m_refresher(refresher)
    , m_fallback(fallback)
{}

OAuthConnectionCredentials::~OAuthConnectionCredentials() = default;

QFuture<Result<QByteArray>> OAuthConnectionCredentials::authorization(qint64 connectionId)
{
    if (!m_refresher.isWatching(connectionId))
        return m_fallback.authorization(connectionId);
    // No context object: the continuation runs even when this object is gone first.
    return m_refresher.accessToken(connectionId)
            .then([](const Result<AccessToken> &token) -> Result<QByteArray> {
                if (!token)
                    return fail(token.error());
                return QByteArray("Bearer " + token->token.toUtf8());
            })
            .onCanceled([connectionId]() -> Result<QByteArray> {
                return fail(u"oauth.cancelled"_s,
                            OAuthTr::tr("The access token of connection %1 was not read: Wirebench "
                                        "is shutting down.")
                                    .arg(connectionId));
            });
}

QFuture<Result<QByteArray>> OAuthConnectionCredentials::webhookSigningSecret(qint64 connectionId)
{
    return m_fallback.webhookSigningSecret(connectionId);
}

} // namespace wb::core
