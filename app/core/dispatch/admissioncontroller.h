// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/ratelimitheaders.h"
#include "core/dispatch/retrydecision.h"
#include "core/dispatch/tokenbucket.h"
#include "core/util/clock.h"
#include "core/util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace wb::core {

// QNetworkAccessManager opens at most 6 HTTP/1.1 connections per host (scheme, host, port) and
// queues further requests inside itself (Qt 6.4 qhttpnetworkconnection.cpp:
// defaultHttpChannelCount = 6), where their transfer timeout is already running. The admission
// controller therefore never lets more than this many attempts to one host be in flight.
inline constexpr int kQnamConnectionsPerHost = 6;

// Concurrency limits; 0 means unlimited (perHost: QNAM's cap).
struct ConcurrencyLimits
{
    int global = 64;
    int perTenant = 16;
    int perConnection = 4;
    int perHost = kQnamConnectionsPerHost; // 1..kQnamConnectionsPerHost

    // "dispatch.bad_limits" naming the limit when one is negative or perHost is outside
    // 1..kQnamConnectionsPerHost.
    Result<void> validate() const;
};

struct AdmissionRequest
{
    qint64 tenantId = 0;     // 0: not a tenant's delivery
    qint64 connectionId = 0; // 0: an ad-hoc URL (no connection limit, no token bucket)
    QString hostKey;         // AdmissionController::hostKey(url)
};

enum class HoldReason {
    None,
    GlobalLimit,     // concurrency: all dispatch slots busy
    TenantLimit,     // concurrency: the tenant's slots busy
    ConnectionLimit, // concurrency: the connection's slots busy
    HostLimit,       // concurrency: QNAM's per-host connections busy
    Paused,          // the connection is paused (429 / Retry-After / remaining 0 until reset)
    RateLimit,       // the connection's token bucket is empty
};
// "global_limit", "tenant_limit", "connection_limit", "host_limit", "paused", "rate_limit", "".
QString holdReasonCode(HoldReason reason);

struct Admission
{
    bool admitted = false;
    quint64 ticket = 0; // admitted: give it back with release() when the attempt ends
    HoldReason heldBy = HoldReason::None;
    // Held by Paused or RateLimit: the UTC ms when asking again can succeed. Held by a
    // concurrency limit: 0 (ask again after a release).
    qint64 retryAtMs = 0;
    double bucketLevel = 0; // the connection's tokens after this decision (0 when unlimited)
    QString reason;         // "connection 7: 4 of 4 attempts in flight"
};

// What the GUI shows for a connection's throttle.
struct ConnectionThrottleState
{
    double ratePerSecond = 0; // 0: no token bucket
    double burst = 0;
    double level = 0;
    qint64 pausedUntilMs = 0;
    int inFlight = 0;
    // The last rate-limit state a response reported (limit, remaining, reset, window), and when.
    std::optional<RateLimitObservation> learned;
    qint64 learnedAtMs = 0;
};

// Decides whether an attempt may start now: concurrency limits (global, per tenant, per
// connection, per host) and the connection's token bucket. A held delivery has not made an
// attempt, so holding it uses up no retry: the caller re-queues it unchanged.
//
// Checks run in the order global, tenant, connection, host, pause, bucket; a token is taken only
// when everything else admits. Pure and clock-driven (time from the injected Clock); it keeps
// counters only, no timers: the caller asks again at retryAtMs or after a release.
//
// Thread: not thread-safe. Owned and used by the dispatcher on its thread (the main thread).
class AdmissionController
{
public:
    // `clock` must outlive the controller. Invalid limits are clamped (see validate()).
    AdmissionController(const Clock &clock, ConcurrencyLimits limits);

    const ConcurrencyLimits &limits() const { return m_limits; }

    // The token bucket of a connection (ratePerSecond <= 0: none), from its provider profile or
    // its own override. Keeps the tokens already accrued.
    void setConnectionRate(qint64 connectionId, double ratePerSecond, double burst);
    // The connection's own concurrency limit (its override); 0 = limits().perConnection.
    void setConnectionConcurrency(qint64 connectionId, int limit);

    // What tryAdmit() would refuse right now, for the queue query to skip: connections at their
    // concurrency limit, paused or with an empty bucket; tenants and hosts at their limit.
    // `nextChangeAtMs`: the earliest pause end or token arrival among them (a concurrency block
    // ends with a release instead).
    struct Blocked
    {
        QList<qint64> connections;
        QList<qint64> tenants;
        QStringList hosts;
        bool global = false;
        std::optional<qint64> nextChangeAtMs;
    };
    Blocked blocked() const;

    Admission tryAdmit(const AdmissionRequest &request);
    // Ends an admitted attempt; unknown or already released tickets are ignored.
    void release(quint64 ticket);

    // Learns from a decided attempt of `connectionId`: records the rate-limit state, and pauses
    // the connection until the reset when remaining reached 0, and until the decision's next
    // attempt when it was rate_limited or carried a valid Retry-After (RFC 9110 §10.2.3: the
    // server asked for that long).
    void observe(qint64 connectionId, const Decision &decision);

    // Holds a connection until `untilMs` (UTC ms) because its bucket shared with the other
    // workers (SharedRateLimit) was empty: shown as a pause. Only ever extends a pause.
    void holdForSharedRate(qint64 connectionId, qint64 untilMs);
    ConnectionThrottleState connectionState(qint64 connectionId) const;
    int inFlight() const { return m_inFlight; }
    int inFlightForTenant(qint64 tenantId) const { return m_tenantInFlight.value(tenantId); }
    int inFlightForConnection(qint64 connectionId) const;
    int inFlightForHost(const QString &hostKey) const { return m_hostInFlight.value(hostKey); }

    // "https://api.example.com:443": the key QNAM pools connections by (default ports filled in).
    static QString hostKey(const QUrl &url);

private:
    struct ConnectionState
    {
        TokenBucket bucket;
        int inFlight = 0;
        int concurrencyLimit = 0;
        std::optional<RateLimitObservation> learned;
        qint64 learnedAtMs = 0;
    };

    const Clock &m_clock;
    ConcurrencyLimits m_limits;
    int m_inFlight = 0;
    QHash<qint64, int> m_tenantInFlight;
    QHash<QString, int> m_hostInFlight;
    QHash<qint64, ConnectionState> m_connections;
    QHash<quint64, AdmissionRequest> m_tickets;
    quint64 m_nextTicket = 1;
};

} // namespace wb::core
