// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/connectioncredentials.h"

#include "core/secrets/connectionsecrets.h"

using namespace Qt::StringLiterals;

namespace wb::core {

SecretsConnectionCredentials::SecretsConnectionCredentials(ConnectionSecrets &secrets,
                                                           QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{}

QFuture<Result<QByteArray>> SecretsConnectionCredentials::authorization(qint64 connectionId)
{
    // A continuation without a context object: it runs even when this object is gone before the
    // keychain answers, so the dispatcher's future always finishes with a result.
    return m_secrets.get(SecretKey{connectionId, SecretKind::AccessToken, SecretSlot::Primary})
            .then([](const Result<QByteArray> &token) -> Result<QByteArray> {
                if (token)
                    return QByteArray("Bearer " + *token);
                if (token.error().code == u"secrets.not_found")
                    return QByteArray();
                return fail(token.error());
            });
}

QFuture<Result<QByteArray>> SecretsConnectionCredentials::webhookSigningSecret(qint64 connectionId)
{
    return m_secrets.get(
            SecretKey{connectionId, SecretKind::WebhookSigningSecret, SecretSlot::Primary});
}

} // namespace wb::core
