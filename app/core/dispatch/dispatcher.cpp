// SPDX-License-Identifier: GPL-3.0-or-later
// Dispatcher: the queue side (polling, admission, claims, the public API). The attempt side is in
// dispatcherattempt.cpp.
#include "core/dispatch/dispatcher.h"

#include "core/dispatch/retrypolicypresets.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSysInfo>

#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDispatch, "wb.dispatch")

namespace wb::core {

namespace {

QString defaultWorkerId()
{
    return u"%1:%2:%3"_s.arg(QSysInfo::machineHostName())
            .arg(QCoreApplication::applicationPid())
            .arg(QRandomGenerator::system()->generate() & 0xffff, 4, 16, QChar(u'0'));
}

// "dlv_" + 26 characters of base32 (130 random bits): unique without coordination.
QString generateKey()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    QString key = u"dlv_"_s;
    for (int i = 0; i < 26; ++i)
        key += QChar(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]));
    return key;
}

} // namespace

Result<std::unique_ptr<Dispatcher>> Dispatcher::create(const DispatcherServices &services,
                                                       DispatcherOptions options, QObject *parent)
{
    if (!services.store || !services.clock || !services.random || !services.network)
        return fail(u"dispatch.invalid_services"_s,
                    u"the dispatcher needs a store, a clock, a random source and a network "
                    u"access manager"_s);
    if (Result<void> limits = options.limits.validate(); !limits)
        return fail(limits.error());
    if (options.attemptTimeoutMs <= 0 || options.leaseMarginMs < 0 || options.batchSize <= 0
        || options.idlePollMs <= 0 || options.parkThresholdMs < 0)
        return fail(u"dispatch.invalid_options"_s,
                    u"attempt timeout, batch size and idle poll must be positive (got %1 ms, %2, "
                    u"%3 ms)"_s.arg(options.attemptTimeoutMs)
                            .arg(options.batchSize)
                            .arg(options.idlePollMs));
    if (options.workerId.isEmpty())
        options.workerId = defaultWorkerId();
    return std::unique_ptr<Dispatcher>(new Dispatcher(services, std::move(options), parent));
}

Dispatcher::Dispatcher(const DispatcherServices &services, DispatcherOptions options,
                       QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_options(std::move(options))
    , m_admission(*services.clock, m_options.limits)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &Dispatcher::poll);
    // Work added by another process (PostgreSQL LISTEN/NOTIFY): poll now rather than after the
    // idle poll interval. On SQLite nothing is announced and the idle poll finds it.
    if (m_services.store->listen(DeliveryRepository::workChannel())) {
        connect(m_services.store, &Store::notified, this, [this](const QString &channel) {
            if (channel == DeliveryRepository::workChannel())
                wake();
        });
    }
    // A person re-enabling a connection (or changing its limits) takes effect at the next poll.
    connect(m_services.store, &Store::connectionUpdated, this, [this](const Connection &connection) {
        if (connection.status != ConnectionStatus::Disabled
            && m_disabledConnections.remove(connection.id))
            schedulePoll(0);
    });
}

Dispatcher::~Dispatcher()
{
    for (InFlight &attempt : m_inFlight) {
        if (QNetworkReply *reply = attempt.reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void Dispatcher::start()
{
    m_running = true;
    m_stopping = false;
    schedulePoll(0);
}

void Dispatcher::stop()
{
    m_running = false;
    m_pollTimer.stop();
    m_stopping = true;
    QTimer::singleShot(0, this, &Dispatcher::emitStoppedIfIdle);
}

void Dispatcher::emitStoppedIfIdle()
{
    if (!m_stopping || !m_inFlight.isEmpty() || !m_claiming.isEmpty())
        return;
    m_stopping = false;
    emit stopped();
}

void Dispatcher::wake()
{
    schedulePoll(0);
}

void Dispatcher::schedulePoll(qint64 delayMs)
{
    if (!m_running)
        return;
    const int delay = int(qBound(qint64(0), delayMs, qint64(m_options.idlePollMs)));
    if (m_pollTimer.isActive() && m_pollTimer.remainingTime() <= delay)
        return;
    m_pollTimer.start(delay);
}

void Dispatcher::poll()
{
    if (!m_running)
        return;
    if (m_polling) {
        m_pollAgain = true;
        return;
    }
    const AdmissionController::Blocked blocked = m_admission.blocked();
    if (blocked.global)
        return; // a release polls again
    DeliveryRepository::Exclusions exclusions{blocked.connections, blocked.tenants, blocked.hosts};
    for (const qint64 connectionId : std::as_const(m_disabledConnections)) {
        if (!exclusions.connections.contains(connectionId))
            exclusions.connections.append(connectionId);
    }
    const qint64 now = m_services.clock->nowMs();
    const int batch = m_options.batchSize;
    m_polling = true;
    m_pollAgain = false;
    whenFinished(m_services.store->read([now, batch, exclusions](SqlSession &session) {
        return DeliveryRepository::due(session, now, batch, exclusions);
    }),
                 this,
                 [this, until = blocked.nextChangeAtMs](
                         const Result<DeliveryRepository::DueWork> &work) { onDue(work, until); });
}

void Dispatcher::applyConnectionLimits(const DeliveryRepository::Candidate &candidate)
{
    const qint64 connectionId = *candidate.connectionId;
    RateLimitOverrides limits;
    if (m_options.providerLimitsFor && !candidate.providerId.isEmpty())
        limits = m_options.providerLimitsFor(candidate.providerId);
    if (candidate.ratePerSecond)
        limits.requestsPerSecond = candidate.ratePerSecond;
    if (candidate.burst)
        limits.burst = candidate.burst;
    if (candidate.concurrencyLimit)
        limits.concurrencyLimit = candidate.concurrencyLimit;
    const double rate = limits.requestsPerSecond.value_or(0.0);
    const double burst = limits.burst ? double(*limits.burst) : qMax(1.0, std::ceil(rate));
    const std::pair<double, double> wanted{rate, burst};
    const auto applied = m_appliedRates.constFind(connectionId);
    if (applied == m_appliedRates.cend() || *applied != wanted) {
        m_admission.setConnectionRate(connectionId, rate, burst);
        m_appliedRates.insert(connectionId, wanted);
    }
    m_admission.setConnectionConcurrency(connectionId, limits.concurrencyLimit.value_or(0));
}

void Dispatcher::onDue(const Result<DeliveryRepository::DueWork> &work,
                       std::optional<qint64> blockedUntil)
{
    m_polling = false;
    if (!m_running)
        return;
    if (!work) {
        qCWarning(lcDispatch) << "reading the delivery queue failed:" << work.error().message;
        schedulePoll(m_options.idlePollMs);
        return;
    }
    const qint64 now = m_services.clock->nowMs();
    std::optional<qint64> wakeAt = blockedUntil;
    const auto wakeNoLaterThan = [&wakeAt](qint64 atMs) {
        wakeAt = wakeAt ? qMin(*wakeAt, atMs) : atMs;
    };
    if (work->nextDueAtMs)
        wakeNoLaterThan(*work->nextDueAtMs);

    QList<PendingClaim> claims;
    bool held = false;
    m_prefetched.clear();
    m_prefetchedDepth = work->queueDepth;
    for (const DeliveryRepository::Candidate &candidate : work->candidates) {
        if (m_inFlight.contains(candidate.id) || m_claiming.contains(candidate.id))
            continue;
        if (candidate.connectionId) {
            if (candidate.connectionStatus == nameOf(ConnectionStatus::Disabled)) {
                m_disabledConnections.insert(*candidate.connectionId);
                continue;
            }
            applyConnectionLimits(candidate);
        }
        const Admission admission = m_admission.tryAdmit(
                AdmissionRequest{candidate.tenantId.value_or(0), candidate.connectionId.value_or(0),
                                 candidate.hostKey});
        if (!admission.admitted) {
            held = true;
            m_prefetched.append(candidate);
            if (admission.retryAtMs > 0)
                wakeNoLaterThan(admission.retryAtMs);
            continue;
        }
        claims.append(PendingClaim{candidate, admission});
    }

    const bool batchWasFull = work->candidates.size() >= m_options.batchSize;
    if (!claims.isEmpty()) {
        const qint64 nextPollMs = batchWasFull ? 0
                                  : wakeAt     ? qMax<qint64>(0, *wakeAt - now)
                                               : m_options.idlePollMs;
        claim(std::move(claims), work->queueDepth, nextPollMs);
        return;
    }
    if (m_pollAgain) {
        schedulePoll(0);
        return;
    }
    schedulePoll(wakeAt ? qMax<qint64>(0, *wakeAt - now) : m_options.idlePollMs);
    if (!held && m_inFlight.isEmpty() && m_claiming.isEmpty() && work->candidates.isEmpty()
        && (!work->nextDueAtMs || *work->nextDueAtMs > now))
        emit drained();
}

std::optional<Dispatcher::PendingClaim> Dispatcher::takePrefetched()
{
    for (auto it = m_prefetched.begin(); it != m_prefetched.end();) {
        const DeliveryRepository::Candidate &candidate = *it;
        if (m_inFlight.contains(candidate.id) || m_claiming.contains(candidate.id)
            || (candidate.connectionId && m_disabledConnections.contains(*candidate.connectionId))) {
            it = m_prefetched.erase(it);
            continue;
        }
        const Admission admission = m_admission.tryAdmit(
                AdmissionRequest{candidate.tenantId.value_or(0), candidate.connectionId.value_or(0),
                                 candidate.hostKey});
        if (admission.admitted) {
            PendingClaim pending{candidate, admission};
            m_prefetched.erase(it);
            return pending;
        }
        ++it;
    }
    return std::nullopt;
}

void Dispatcher::claim(QList<PendingClaim> claims, int queueDepth, qint64 nextPollMs)
{
    QList<SharedRateLimit::Wanted> wanted;
    for (const PendingClaim &pending : claims) {
        wanted.append({pending.candidate.id, sharedRate(pending.candidate)});
        m_claiming.insert(pending.candidate.id);
    }
    const QString worker = m_options.workerId;
    const qint64 now = m_services.clock->nowMs();
    const qint64 leaseMs = qint64(m_options.attemptTimeoutMs) + m_options.leaseMarginMs;
    using Claims = QList<SharedRateLimit::RatedClaim>;
    // One statement claims the batch; claims run beside other workers' (no workspace lock).
    whenFinished(m_services.store->write(
                         [wanted, worker, now, leaseMs](SqlSession &session) -> Result<Claims> {
                             return SharedRateLimit::claim(session, wanted, worker, now, leaseMs);
                         },
                         WriteConcurrency::RowLocks),
                 this, [this, claims, queueDepth, nextPollMs](const Result<Claims> &claimed) {
                     for (const PendingClaim &pending : claims)
                         m_claiming.remove(pending.candidate.id);
                     if (!claimed) {
                         qCWarning(lcDispatch)
                                 << "claiming deliveries failed:" << claimed.error().message;
                         for (const PendingClaim &pending : claims)
                             m_admission.release(pending.admission.ticket);
                         schedulePoll(m_options.idlePollMs);
                         emitStoppedIfIdle();
                         return;
                     }
                     for (qsizetype i = 0; i < claims.size(); ++i) {
                         const SharedRateLimit::RatedClaim &one = claimed->at(i);
                         if (one.heldUntilMs > 0) {
                             heldBySharedRate(claims.at(i), one.heldUntilMs);
                             continue;
                         }
                         if (!one.claim) { // another worker took it, or it was cancelled
                             m_admission.release(claims.at(i).admission.ticket);
                             continue;
                         }
                         if (one.claim->lostAttempt)
                             emit attemptRecorded(*one.claim->lostAttempt);
                         startAttempt(one.claim->delivery, claims.at(i), queueDepth);
                     }
                     schedulePoll(nextPollMs);
                     emitStoppedIfIdle();
                 });
}

std::optional<SharedRateLimit::Rate> Dispatcher::sharedRate(
        const DeliveryRepository::Candidate &candidate) const
{
    if (!candidate.connectionId)
        return std::nullopt;
    const auto applied = m_appliedRates.constFind(*candidate.connectionId);
    if (applied == m_appliedRates.cend() || applied->first <= 0)
        return std::nullopt;
    return SharedRateLimit::Rate{*candidate.connectionId, applied->first, applied->second};
}

void Dispatcher::heldBySharedRate(const PendingClaim &pending, qint64 untilMs)
{
    m_admission.release(pending.admission.ticket);
    if (pending.candidate.connectionId)
        m_admission.holdForSharedRate(*pending.candidate.connectionId, untilMs);
    schedulePoll(untilMs - m_services.clock->nowMs());
}

QFuture<Result<Delivery>> Dispatcher::enqueue(const NewDelivery &delivery)
{
    const QString key = generateKey();
    QFuture<Result<Delivery>> future = m_services.store->write([delivery, key](SqlSession &session) {
        return DeliveryRepository::add(session, delivery, key);
    });
    whenFinished(future, this, [this](const Result<Delivery> &added) {
        if (!added)
            return;
        emit deliveryEnqueued(*added);
        schedulePoll(added->nextAttemptAtMs - m_services.clock->nowMs());
    });
    return future;
}

QFuture<Result<bool>> Dispatcher::cancel(qint64 deliveryId)
{
    return m_services.store->write(
            [deliveryId, onFinal = m_options.onFinalState](SqlSession &session) -> Result<bool> {
                Result<bool> cancelled = DeliveryRepository::cancel(session, deliveryId);
                if (!cancelled || !*cancelled || !onFinal)
                    return cancelled;
                if (Result<void> followed = onFinal(session, deliveryId, DeliveryState::Cancelled,
                                                    QStringLiteral("cancelled"));
                    !followed)
                    return fail(followed.error());
                return true;
            });
}

QFuture<Result<Delivery>> Dispatcher::replay(qint64 deliveryId)
{
    QFuture<Result<Delivery>> future = m_services.store->write([deliveryId](SqlSession &session) {
        return DeliveryRepository::replay(session, deliveryId);
    });
    whenFinished(future, this, [this](const Result<Delivery> &replayed) {
        if (!replayed)
            return;
        emit deliveryEnqueued(*replayed);
        schedulePoll(0);
    });
    return future;
}

QFuture<Result<QList<Delivery>>> Dispatcher::deliveries(std::optional<DeliveryState> state,
                                                        int limit)
{
    return m_services.store->read([state, limit](SqlSession &session) {
        return DeliveryRepository::list(session, state, limit);
    });
}

QFuture<Result<Delivery>> Dispatcher::delivery(qint64 deliveryId)
{
    return m_services.store->read([deliveryId](SqlSession &session) {
        return DeliveryRepository::get(session, deliveryId);
    });
}

QFuture<Result<QList<AttemptRecord>>> Dispatcher::attempts(qint64 deliveryId)
{
    return m_services.store->read([deliveryId](SqlSession &session) {
        return DeliveryRepository::attempts(session, deliveryId);
    });
}

QFuture<Result<QList<AttemptRecord>>> Dispatcher::attemptsInRange(std::optional<qint64> connectionId,
                                                                  qint64 fromMs, qint64 toMs,
                                                                  int limit)
{
    return m_services.store->read([connectionId, fromMs, toMs, limit](SqlSession &session) {
        return DeliveryRepository::attemptsInRange(session, connectionId, fromMs, toMs, limit);
    });
}

RateLimitHeaderSpec Dispatcher::headerSpec(const QString &providerId) const
{
    if (m_options.headerSpecFor)
        return m_options.headerSpecFor(providerId);
    if (!providerId.isEmpty() && RateLimitHeaderSpec::presetNames().contains(providerId)) {
        if (auto spec = RateLimitHeaderSpec::preset(providerId))
            return *spec;
    }
    return RateLimitHeaderSpec();
}

} // namespace wb::core
