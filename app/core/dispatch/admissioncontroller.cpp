// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/admissioncontroller.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

bool full(int inFlight, int limit)
{
    return limit > 0 && inFlight >= limit;
}

Admission held(HoldReason reason, QString text, qint64 retryAtMs = 0, double level = 0)
{
    Admission admission;
    admission.heldBy = reason;
    admission.reason = std::move(text);
    admission.retryAtMs = retryAtMs;
    admission.bucketLevel = level;
    return admission;
}

void decrement(QHash<qint64, int> &counts, qint64 key)
{
    auto it = counts.find(key);
    if (it != counts.end() && --it.value() <= 0)
        counts.erase(it);
}

} // namespace

QString holdReasonCode(HoldReason reason)
{
    switch (reason) {
    case HoldReason::None:
        return {};
    case HoldReason::GlobalLimit:
        return u"global_limit"_s;
    case HoldReason::TenantLimit:
        return u"tenant_limit"_s;
    case HoldReason::ConnectionLimit:
        return u"connection_limit"_s;
    case HoldReason::HostLimit:
        return u"host_limit"_s;
    case HoldReason::Paused:
        return u"paused"_s;
    case HoldReason::RateLimit:
        return u"rate_limit"_s;
    }
    return {};
}

Result<void> ConcurrencyLimits::validate() const
{
    const std::pair<const char *, int> values[] = {{"global", global},
                                                   {"perTenant", perTenant},
                                                   {"perConnection", perConnection}};
    for (const auto &[name, value] : values) {
        if (value < 0)
            return fail(u"dispatch.bad_limits"_s,
                        u"concurrency limit \"%1\" must be 0 (unlimited) or more (got %2)"_s
                                .arg(QLatin1StringView(name))
                                .arg(value));
    }
    if (perHost < 1 || perHost > kQnamConnectionsPerHost)
        return fail(
                u"dispatch.bad_limits"_s,
                u"concurrency limit \"perHost\" must be between 1 and %1, QNetworkAccessManager's "
                u"connections per host (got %2)"_s.arg(kQnamConnectionsPerHost)
                        .arg(perHost));
    return {};
}

AdmissionController::AdmissionController(const Clock &clock, ConcurrencyLimits limits)
    : m_clock(clock)
    , m_limits(limits)
{
    m_limits.global = qMax(0, m_limits.global);
    m_limits.perTenant = qMax(0, m_limits.perTenant);
    m_limits.perConnection = qMax(0, m_limits.perConnection);
    m_limits.perHost = qBound(1, m_limits.perHost, kQnamConnectionsPerHost);
}

void AdmissionController::setConnectionRate(qint64 connectionId, double ratePerSecond, double burst)
{
    const qint64 now = m_clock.nowMs();
    ConnectionState &state = m_connections[connectionId];
    if (state.bucket.isLimited() || state.bucket.pausedUntilMs() > 0)
        state.bucket.reconfigure(ratePerSecond, burst, now);
    else
        state.bucket = TokenBucket(ratePerSecond, burst, now);
}

void AdmissionController::setConnectionConcurrency(qint64 connectionId, int limit)
{
    m_connections[connectionId].concurrencyLimit = qMax(0, limit);
}

AdmissionController::Blocked AdmissionController::blocked() const
{
    const qint64 now = m_clock.nowMs();
    Blocked result;
    result.global = full(m_inFlight, m_limits.global);
    const auto noteChange = [&result](qint64 atMs) {
        result.nextChangeAtMs = result.nextChangeAtMs ? qMin(*result.nextChangeAtMs, atMs) : atMs;
    };
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        const int limit = it->concurrencyLimit > 0 ? it->concurrencyLimit : m_limits.perConnection;
        if (full(it->inFlight, limit)) {
            result.connections.append(it.key());
            continue;
        }
        const qint64 availableAt = it->bucket.availableAtMs(now);
        if (availableAt > now) {
            result.connections.append(it.key());
            noteChange(availableAt);
        }
    }
    for (auto it = m_tenantInFlight.cbegin(); it != m_tenantInFlight.cend(); ++it) {
        if (full(it.value(), m_limits.perTenant))
            result.tenants.append(it.key());
    }
    for (auto it = m_hostInFlight.cbegin(); it != m_hostInFlight.cend(); ++it) {
        if (full(it.value(), m_limits.perHost))
            result.hosts.append(it.key());
    }
    std::sort(result.connections.begin(), result.connections.end());
    std::sort(result.tenants.begin(), result.tenants.end());
    result.hosts.sort();
    return result;
}

int AdmissionController::inFlightForConnection(qint64 connectionId) const
{
    const auto it = m_connections.constFind(connectionId);
    return it == m_connections.cend() ? 0 : it->inFlight;
}

Admission AdmissionController::tryAdmit(const AdmissionRequest &request)
{
    const qint64 now = m_clock.nowMs();
    if (full(m_inFlight, m_limits.global))
        return held(HoldReason::GlobalLimit,
                    u"%1 of %2 attempts in flight"_s.arg(m_inFlight).arg(m_limits.global));
    if (request.tenantId != 0) {
        const int tenantInFlight = m_tenantInFlight.value(request.tenantId);
        if (full(tenantInFlight, m_limits.perTenant))
            return held(HoldReason::TenantLimit,
                        u"tenant %1: %2 of %3 attempts in flight"_s.arg(request.tenantId)
                                .arg(tenantInFlight)
                                .arg(m_limits.perTenant));
    }
    ConnectionState *connection = nullptr;
    if (request.connectionId != 0) {
        connection = &m_connections[request.connectionId];
        const int limit = connection->concurrencyLimit > 0 ? connection->concurrencyLimit
                                                           : m_limits.perConnection;
        if (full(connection->inFlight, limit))
            return held(HoldReason::ConnectionLimit,
                        u"connection %1: %2 of %3 attempts in flight"_s.arg(request.connectionId)
                                .arg(connection->inFlight)
                                .arg(limit));
    }
    const int hostInFlight = m_hostInFlight.value(request.hostKey);
    if (full(hostInFlight, m_limits.perHost))
        return held(HoldReason::HostLimit, u"%1: %2 of %3 connections in use"_s.arg(request.hostKey)
                                                   .arg(hostInFlight)
                                                   .arg(m_limits.perHost));
    double level = 0;
    if (connection) {
        TokenBucket &bucket = connection->bucket;
        if (bucket.isPaused(now))
            return held(HoldReason::Paused,
                        u"connection %1 paused until %2"_s.arg(request.connectionId)
                                .arg(formatInstant(bucket.pausedUntilMs(), now)),
                        bucket.pausedUntilMs(), bucket.isLimited() ? bucket.level(now) : 0);
        if (!bucket.tryTake(now))
            return held(HoldReason::RateLimit,
                        u"connection %1: token bucket empty (%2/s, burst %3)"_s
                                .arg(request.connectionId)
                                .arg(bucket.ratePerSecond())
                                .arg(bucket.burst()),
                        bucket.availableAtMs(now), bucket.level(now));
        level = bucket.isLimited() ? bucket.level(now) : 0;
        ++connection->inFlight;
    }

    ++m_inFlight;
    if (request.tenantId != 0)
        ++m_tenantInFlight[request.tenantId];
    ++m_hostInFlight[request.hostKey];
    Admission admission;
    admission.admitted = true;
    admission.ticket = m_nextTicket++;
    admission.bucketLevel = level;
    m_tickets.insert(admission.ticket, request);
    return admission;
}

void AdmissionController::release(quint64 ticket)
{
    const auto it = m_tickets.constFind(ticket);
    if (it == m_tickets.cend())
        return;
    const AdmissionRequest request = *it;
    m_tickets.erase(it);
    --m_inFlight;
    if (request.tenantId != 0)
        decrement(m_tenantInFlight, request.tenantId);
    auto host = m_hostInFlight.find(request.hostKey);
    if (host != m_hostInFlight.end() && --host.value() <= 0)
        m_hostInFlight.erase(host);
    if (request.connectionId != 0) {
        auto connection = m_connections.find(request.connectionId);
        if (connection != m_connections.end())
            connection->inFlight = qMax(0, connection->inFlight - 1);
    }
}

void AdmissionController::observe(qint64 connectionId, const Decision &decision)
{
    if (connectionId == 0)
        return;
    ConnectionState &state = m_connections[connectionId];
    const RateLimitObservation &rateLimit = decision.rateLimit;
    if (rateLimit.hasQuotaInformation()) {
        state.learned = rateLimit;
        state.learnedAtMs = decision.decidedAtMs;
    }
    if (rateLimit.exhausted() && rateLimit.resetAtMs)
        state.bucket.pauseUntil(*rateLimit.resetAtMs);
    const bool serverAskedToWait = decision.kind == DecisionKind::RateLimited
                                   || (decision.retryAfter.isValid()
                                       && decision.kind == DecisionKind::Retry);
    if (serverAskedToWait && decision.nextAttemptAtMs > 0)
        state.bucket.pauseUntil(decision.nextAttemptAtMs);
}

void AdmissionController::holdForSharedRate(qint64 connectionId, qint64 untilMs)
{
    m_connections[connectionId].bucket.pauseUntil(untilMs);
}

ConnectionThrottleState AdmissionController::connectionState(qint64 connectionId) const
{
    ConnectionThrottleState result;
    const auto it = m_connections.constFind(connectionId);
    if (it == m_connections.cend())
        return result;
    const qint64 now = m_clock.nowMs();
    result.ratePerSecond = it->bucket.ratePerSecond();
    result.burst = it->bucket.isLimited() ? it->bucket.burst() : 0;
    result.level = it->bucket.isLimited() ? it->bucket.level(now) : 0;
    result.pausedUntilMs = it->bucket.pausedUntilMs();
    result.inFlight = it->inFlight;
    result.learned = it->learned;
    result.learnedAtMs = it->learnedAtMs;
    return result;
}

QString AdmissionController::hostKey(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int port = url.port(scheme == u"https" ? 443 : 80);
    return u"%1://%2:%3"_s.arg(scheme, url.host().toLower()).arg(port);
}

} // namespace wb::core
