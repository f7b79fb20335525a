// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/registrationobservation.h"

#include <QByteArray>
#include <QFuture>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace wb::core {

class Clock;

// What authenticates as a GitHub App: its application ID (or client ID) and its private key
// (PEM). A secret: never log `privateKeyPem`.
struct GitHubAppCredentials
{
    QString appId;
    QByteArray privateKeyPem;
};

// Checks the webhook of a GitHub App, which repository and organization hook checks do not see:
// the app's single webhook, configured on the app itself.
//  1. GET {api}/app/hook/config (docs.github.com/rest/apps/webhooks#get-a-webhook-configuration-
//     for-an-app): {"content_type", "insecure_ssl", "secret" (masked), "url"};
//  2. GET {api}/app/hook/deliveries?per_page=10 (…#list-deliveries-for-an-app-webhook): the
//     latest deliveries, newest first, each with "status_code" and "status".
// Both with `Authorization: Bearer <app JWT>` (GitHubAppJwt, RS256, iat 60 s in the past, exp
// 9 min ahead), `Accept: application/vnd.github+json` and `X-GitHub-Api-Version: 2022-11-28`.
//
// Thread: the main thread (QNetworkAccessManager); asynchronous. The services must outlive it.
class GitHubAppHookClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitHubAppHookClient)

public:
    static constexpr int defaultTimeoutMs = 30'000;

    GitHubAppHookClient(QNetworkAccessManager &network, const Clock &clock,
                        QObject *parent = nullptr);
    ~GitHubAppHookClient() override;

    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // Always an observation (as RegistrationClient::check): a key that does not sign, a network
    // failure or an unreadable answer is CheckFailed with the reason. `apiBase`: the REST API
    // (https://api.github.com, or a GitHub Enterprise Server's https://HOST/api/v3).
    // `expectedTargetUrl`: our receiver's address ("" to accept any).
    QFuture<RegistrationObservation> check(const QUrl &apiBase, const GitHubAppCredentials &app,
                                           const QString &expectedTargetUrl);

    // What the two answers mean (pure):
    //  - config 401/403 → AccessDenied (GitHub refused the app JWT: wrong key or app id, or a
    //    clock off by more than the token allows); 404 → Missing (no webhook on the app);
    //    another non-2xx or a body that is not an object → CheckFailed;
    //  - config 2xx: no "url" → Missing; a "url" other than `expectedTargetUrl` (when given) →
    //    Disabled (events go elsewhere); else Active;
    //  - deliveries 2xx (an array, newest first): the first item's "status_code status" becomes
    //    lastDeliveryStatus ("502 Invalid HTTP Response: 502"); an empty list leaves it empty;
    //    deliveries that could not be read only add a note to the detail.
    static RegistrationObservation readAnswers(int configStatus, const QByteArray &configBody,
                                               int deliveriesStatus,
                                               const QByteArray &deliveriesBody,
                                               const QString &expectedTargetUrl);

private:
    QNetworkReply *get(const QUrl &url, const QByteArray &jwt);

    QNetworkAccessManager &m_network;
    const Clock &m_clock;
    int m_timeoutMs = defaultTimeoutMs;
};

} // namespace wb::core
