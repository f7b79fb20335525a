// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/registrationapi.h"
#include "core/store/connection.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace wb::core {

class Clock;
class ConnectionCredentials;
class ConnectionSecrets;
class ProviderCatalog;
class Store;

struct RegistrationAuthorizerServices
{
    QNetworkAccessManager *network = nullptr;     // required for client credentials
    ConnectionCredentials *credentials = nullptr; // required: the connection's access token
    // Required for app credentials and client credentials (the OAuth client's secret).
    ConnectionSecrets *secrets = nullptr;
    Store *store = nullptr;                   // required for client credentials (the stored client)
    const ProviderCatalog *catalog = nullptr; // required for client credentials
    const Clock *clock = nullptr;             // required
};

// The credential one request about a registration carries: a header, or a query parameter.
// Secrets: never log the values.
struct RegistrationAuthorization
{
    QByteArray headerName; // empty: no header
    QByteArray headerValue;
    QString queryParameter; // empty: no query parameter
    QString queryValue;
};

// Finds the credential that a profile's registration API asks for (RegistrationApi::Credential):
//  - AccessToken: the connection's Authorization value (ConnectionCredentials), in `authHeader`
//    (RegistrationHttp::credentialValue: the bare token for a header other than Authorization);
//  - AppCredential: the connection's app credential (SecretKind::AppCredential) as
//    "Bearer <credential>" in `authHeader`, or bare in `credentialQueryParameter`;
//  - ClientCredentials: an access token of the app itself from the connection's stored OAuth
//    client (resolveConnectionClient): a POST grant_type=client_credentials to its token endpoint
//    with its client authentication (RFC 6749 §4.4.2), kept until its expiry for the next request
//    of the same client.
// A `credentialQueryParameter` takes the bare credential of any kind.
//
// Errors: `health.no_app_credential` (no app credential stored: the message says how to store
// one), `health.app_token_failed` (the token endpoint refused or failed; its reason), the errors of
// the connection's credentials, of the keychain and of resolveConnectionClient
// (`oauth.no_client`, …), `health.invalid_services`.
//
// Thread: the main thread; asynchronous, the futures finish there. The services must outlive it.
class RegistrationAuthorizer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationAuthorizer)

public:
    explicit RegistrationAuthorizer(const RegistrationAuthorizerServices &services,
                                    QObject *parent = nullptr);
    ~RegistrationAuthorizer() override;

    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    QFuture<Result<RegistrationAuthorization>> authorize(const Connection &connection,
                                                         const RegistrationApi &api);
    // Forgets the kept client-credentials tokens (a check with one was refused: it may have been
    // revoked before its expiry); the next request asks for a new one.
    void forgetAppTokens() { m_appTokens.clear(); }
    // The connection's app credential as stored (a GitHub App's private key, …). Errors: as
    // authorize()'s for AppCredential.
    QFuture<Result<QByteArray>> appCredential(qint64 connectionId);

private:
    struct AppToken
    {
        QByteArray accessToken;
        qint64 expiresAtMs = 0; // 0: unknown (not kept)
    };
    QFuture<Result<QByteArray>> clientCredentialsToken(const Connection &connection);
    static RegistrationAuthorization placed(const RegistrationApi &api,
                                            const QByteArray &authorization);

    RegistrationAuthorizerServices m_services;
    int m_timeoutMs = 30'000;
    QHash<QString, AppToken> m_appTokens; // by token endpoint + client id
};

} // namespace wb::core
