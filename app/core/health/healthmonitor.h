// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/connectionhealth.h"
#include "core/health/healthassessment.h"
#include "core/util/result.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace wb::core {

class Clock;
class ConnectionCredentials;
class ConnectionSecrets;
class ProviderCatalog;
class RegistrationClient;
class Store;
struct Connection;
struct HealthInputs;
struct LifecycleNotice;
struct ProviderProfile;
struct Registration;

struct HealthMonitorServices
{
    Store *store = nullptr;                       // required
    const ProviderCatalog *catalog = nullptr;     // required
    QNetworkAccessManager *network = nullptr;     // required for active checks
    ConnectionCredentials *credentials = nullptr; // required for active checks
    // Where a signing secret issued with a re-registration (Stripe) goes, and where app
    // credentials and OAuth client secrets are read for the registration APIs that need them
    // (GitHub App webhooks, HubSpot, Slack, Zoom: registrationauthorizer.h); without it such
    // providers are not re-registered automatically and those checks fail.
    ConnectionSecrets *secrets = nullptr;
    const Clock *clock = nullptr; // required
};

struct HealthMonitorOptions
{
    qint64 roundIntervalMs = 5 * 60'000;  // passive checks and due active checks, this often
    qint64 checkIntervalMs = 30 * 60'000; // each registration asked at most this often
    int requestTimeoutMs = 30'000;
    HealthPolicy policy;
};

// One round: which connections, whether every registration is asked now, whether the monitor
// may act (renew, re-register where allowed).
struct HealthRound
{
    std::optional<qint64> connectionId; // empty: every connection
    bool checkAll = false;              // ignore checkIntervalMs
    bool act = true;
};

// Registration health of an open workspace, for `wirebench-cli serve`, `wirebench-cli health`
// and the GUI: in rounds, it
//  1. asks the provider about each registration whose last check is older than checkIntervalMs
//     (RegistrationClient, as the provider profile declares) and records the answer;
//  2. renews registrations whose expiry is within the profile's renewal lead (Graph
//     subscriptions) or for which Graph sent a reauthorizationRequired lifecycle notification,
//     and re-registers a missing, expired or removed (Graph subscriptionRemoved) registration
//     when the engineer allowed it for that registration (at most once per checkIntervalMs after
//     a failure); a lifecycle notification newer than the last check makes the check due;
//  3. reads the connections' own events (silence, failed verifications, handshakes) and their
//     credentials, and assesses every connection (HealthAssessment).
// Rounds never overlap: a round asked for while one runs starts after it.
//
// Thread: the main thread (network, Store owner). Asynchronous; the futures finish there.
class HealthMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthMonitor)

public:
    HealthMonitor(const HealthMonitorServices &services, const HealthMonitorOptions &options = {},
                  QObject *parent = nullptr);
    ~HealthMonitor() override;

    // Runs a round at once, then every roundIntervalMs (from the end of the previous one).
    void start();
    void stop();

    // Runs one round; the future finishes with the assessed connections (those of the round),
    // ordered by connection id. Errors: the Store's (`store.*`; nothing was assessed), and
    // `health.invalid_services`.
    QFuture<Result<QList<ConnectionHealth>>> runRound(const HealthRound &round = {});

    // What the OAuth layer of this process saw (app/core/oauth: CredentialRefresher::refreshFailed
    // and ::refreshed, ValidityChecker::checked): kept in memory and used from the next round on,
    // which starts for that connection at once. An empty `reason` clears.
    void noteRefreshFailure(qint64 connectionId, const QString &reason,
                            std::optional<qint64> retryAtMs);
    void noteTokenRefused(qint64 connectionId, const QString &reason);

    // The latest assessment of every connection seen (empty before the first round).
    QList<ConnectionHealth> current() const;
    std::optional<ConnectionHealth> healthOf(qint64 connectionId) const;

Q_SIGNALS:
    // After a round, for each connection whose health differs from the previous assessment.
    void healthChanged(const wb::core::ConnectionHealth &health);
    // A connection that was assessed before is gone.
    void healthRemoved(qint64 connectionId);
    void roundFinished();
    // The monitor renewed or re-registered a registration, or failed to (for logs).
    void registrationActed(qint64 registrationId, const QString &action, const QString &detail);

private:
    struct Round;
    void startNext();
    void careFor(const std::shared_ptr<Round> &round, const ProviderProfile &profile,
                 const Connection &connection, const Registration &registration,
                 const QList<LifecycleNotice> &lifecycle);
    void finishRound(const std::shared_ptr<Round> &round);
    void failRound(const std::shared_ptr<Round> &round, const Error &error);
    void done(const std::shared_ptr<Round> &round);
    void completeCredentials(HealthInputs &inputs) const;

    HealthMonitorServices m_services;
    HealthMonitorOptions m_options;
    std::unique_ptr<RegistrationClient> m_client;

    QHash<qint64, ConnectionHealth> m_current;
    struct LiveCredential
    {
        QString refreshFailure;
        std::optional<qint64> refreshRetryAtMs;
        QString tokenRefused;
    };
    QHash<qint64, LiveCredential> m_live;
    QList<std::shared_ptr<Round>> m_queue;
    bool m_running = false;
    bool m_started = false;
    QTimer m_timer;
};

} // namespace wb::core
