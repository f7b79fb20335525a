// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/registration.h"
#include "core/health/registrationobservation.h"
#include "core/providers/registrationapi.h"
#include "core/store/connection.h"
#include "core/util/result.h"

#include <QFuture>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace wb::core {

class Clock;
class ConnectionCredentials;
class ConnectionSecrets;
class GitHubAppHookClient;
class ProviderCatalog;
class RegistrationAuthorizer;
class Store;

struct RegistrationClientServices
{
    QNetworkAccessManager *network = nullptr;     // required
    ConnectionCredentials *credentials = nullptr; // required: the connection's access token
    const Clock *clock = nullptr;                 // required
    // For the profiles whose registration API takes an app credential or an app token
    // (RegistrationApi::Credential; registrationauthorizer.h); without them those checks fail
    // with `health.invalid_services`.
    ConnectionSecrets *secrets = nullptr;
    Store *store = nullptr;
    const ProviderCatalog *catalog = nullptr;
};

// A renewal the provider accepted.
struct RenewalResult
{
    qint64 expiresAtMs = 0; // the new expiry (the provider's answer, else what was asked), UTC ms
};

// A registration the provider created again.
struct ReregistrationResult
{
    QString externalId;                // the new registration's id
    std::optional<qint64> expiresAtMs; // when it expires, if the provider says
    QByteArray issuedSecret;           // a signing secret issued with it (Stripe); a secret: never
                                       // log it
};

// Talks to a provider's API about one webhook registration, as its profile's "registration"
// section declares (core/providers/registrationapi.h): checks it, renews it ahead of expiry,
// creates it again. Every request carries the credential the profile asks for
// (RegistrationAuthorizer: the connection's access token, its app credential or an app token)
// and the profile's headers, and gives up after `timeoutMs`. A GitHub App's own webhook (a
// registration whose scope is the profile's `appWebhookScope`) is checked through
// GitHubAppHookClient with the connection's app credential as the app's private key.
//
// Thread: the main thread (QNetworkAccessManager); the futures finish there. Asynchronous: nothing
// blocks. When the client is destroyed first, pending futures finish cancelled
// ("future.cancelled" through whenFinished).
class RegistrationClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationClient)

public:
    static constexpr int defaultTimeoutMs = 30'000;

    explicit RegistrationClient(const RegistrationClientServices &services,
                                QObject *parent = nullptr);
    ~RegistrationClient() override;

    void setTimeoutMs(int timeoutMs);

    // GET the registration. Always an observation: a network failure, a missing credential or an
    // address that cannot be formed is a CheckFailed observation whose detail says why; a
    // missing app credential says how to store one.
    QFuture<RegistrationObservation> check(const Connection &connection, const RegistrationApi &api,
                                           const Registration &registration);
    // Asks for a new expiry: now + the registration's lifetime (else the profile's). Errors:
    // `health.not_supported` (the profile declares no renewal), `health.access_denied` (401/403),
    // `health.registration_missing` (the provider no longer has it: re-register instead),
    // `health.renew_refused` (another 4xx; the message carries the provider's reason),
    // `health.renew_failed` (network, timeout, 5xx), and those of RegistrationHttp::url.
    QFuture<Result<RenewalResult>> renew(const Connection &connection, const RegistrationApi &api,
                                         const Registration &registration);
    // Sends the stored creation body again ({expires_at} filled as for a renewal,
    // {signing_secret} with the connection's webhook signing secret). Errors:
    // `health.not_supported`, `health.no_registration_body`, `health.access_denied`,
    // `health.reregister_refused` (4xx), `health.reregister_failed` (network, 5xx, no id in the
    // answer). A GitHub App's webhook is part of the app's settings: `health.not_supported`.
    QFuture<Result<ReregistrationResult>> reregister(const Connection &connection,
                                                     const RegistrationApi &api,
                                                     const Registration &registration);

private:
    struct Answer
    {
        int status = 0; // 0: no HTTP answer
        QByteArray body;
        QString networkError; // when status is 0
    };
    struct Outgoing
    {
        QByteArray method;
        QUrl url;
        QByteArray body;
        QByteArray contentType;
    };
    void send(const Connection &connection, const RegistrationApi &api, const Outgoing &outgoing,
              std::function<void(const Result<Answer> &)> done);
    qint64 renewedExpiry(const RegistrationApi &api, const Registration &registration) const;

    QFuture<RegistrationObservation> checkAppWebhook(const Connection &connection,
                                                     const RegistrationApi &api,
                                                     const Registration &registration);

    RegistrationClientServices m_services;
    std::unique_ptr<RegistrationAuthorizer> m_authorizer;
    std::unique_ptr<GitHubAppHookClient> m_appHooks;
    int m_timeoutMs = defaultTimeoutMs;
};

} // namespace wb::core
