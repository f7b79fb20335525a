// SPDX-License-Identifier: GPL-3.0-or-later
// Dispatcher: the attempt side (credentials, sending, deciding, recording).
#include "core/dispatch/connectioncredentials.h"
#include "core/dispatch/dispatcher.h"
#include "core/dispatch/oneshotbody.h"
#include "core/dispatch/replyoutcome.h"
#include "core/dispatch/retrydecider.h"
#include "core/dispatch/retrypolicypresets.h"
#include "core/dispatch/standardwebhookssigner.h"
#include "core/dispatch/tokenrefresher.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcDispatch)

namespace wb::core {

namespace {

DeliveryState stateAfter(DecisionKind kind)
{
    switch (kind) {
    case DecisionKind::Succeeded:
        return DeliveryState::Succeeded;
    case DecisionKind::Retry:
    case DecisionKind::RateLimited:
    case DecisionKind::RefreshAndRetry:
        return DeliveryState::Pending;
    case DecisionKind::Dead:
        return DeliveryState::Dead;
    case DecisionKind::Failed:
    case DecisionKind::DestinationDisabled:
        return DeliveryState::Failed;
    }
    return DeliveryState::Failed;
}

} // namespace

void Dispatcher::startAttempt(const Delivery &delivery, const PendingClaim &claim, int queueDepth)
{
    InFlight attempt;
    attempt.delivery = delivery;
    attempt.admission = claim.admission;
    attempt.providerId = claim.candidate.providerId;
    attempt.queueDepth = queueDepth;
    Result<RetryPolicy> policy = RetryPolicy::fromJson(delivery.retryPolicyJson.toUtf8(),
                                                       u"delivery %1"_s.arg(delivery.id));
    if (!policy)
        qCWarning(lcDispatch) << policy.error().message << "- using the default retry policy";
    attempt.policy = policy ? *policy : retrypresets::defaultPolicy();
    const qint64 id = delivery.id;
    m_inFlight.insert(id, std::move(attempt));

    if (!delivery.connectionId || !m_services.credentials) {
        fetchSigningKey(id);
        return;
    }
    whenFinished(m_services.credentials->authorization(*delivery.connectionId), this,
                 [this, id](const Result<QByteArray> &authorization) {
                     auto it = m_inFlight.find(id);
                     if (it == m_inFlight.end())
                         return;
                     if (!authorization) {
                         decide(id, AttemptOutcome::failure(TransportError::Credentials,
                                                            authorization.error().message));
                         return;
                     }
                     it->credentials.authorization = *authorization;
                     it->tokenRefreshable = m_services.tokenRefresher && !authorization->isEmpty();
                     fetchSigningKey(id);
                 });
}

void Dispatcher::fetchSigningKey(qint64 deliveryId)
{
    const auto it = m_inFlight.constFind(deliveryId);
    if (it == m_inFlight.cend())
        return;
    if (it->delivery.signing != DeliverySigning::StandardWebhooks) {
        send(deliveryId);
        return;
    }
    if (!m_services.credentials || !it->delivery.connectionId) {
        decide(deliveryId, AttemptOutcome::failure(TransportError::Credentials,
                                                   u"no webhook signing secret is available"_s));
        return;
    }
    whenFinished(m_services.credentials->webhookSigningSecret(*it->delivery.connectionId), this,
                 [this, deliveryId](const Result<QByteArray> &secret) {
                     auto attempt = m_inFlight.find(deliveryId);
                     if (attempt == m_inFlight.end())
                         return;
                     Result<QByteArray> key = secret ? standardwebhooks::decodeSecret(*secret)
                                                     : Result<QByteArray>(fail(secret.error()));
                     if (!key) {
                         decide(deliveryId, AttemptOutcome::failure(TransportError::Credentials,
                                                                    key.error().message));
                         return;
                     }
                     attempt->credentials.signingKey = *key;
                     send(deliveryId);
                 });
}

void Dispatcher::send(qint64 deliveryId)
{
    auto it = m_inFlight.find(deliveryId);
    if (it == m_inFlight.end())
        return;
    it->startedAtMs = m_services.clock->nowMs();
    const QNetworkRequest request = buildAttemptRequest(it->delivery, it->credentials,
                                                        it->startedAtMs);
    // A one-shot body: QNAM must not re-send the delivery behind the attempt log's back.
    auto *body = new OneShotBody(it->delivery.body);
    QNetworkReply *reply = m_services.network->sendCustomRequest(request, it->delivery.method, body);
    body->setParent(reply);
    it->reply = reply;
    QTimer::singleShot(m_options.attemptTimeoutMs, reply, [this, deliveryId, reply] {
        auto attempt = m_inFlight.find(deliveryId);
        if (attempt != m_inFlight.end() && attempt->reply == reply && reply->isRunning()) {
            attempt->timedOut = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, deliveryId, reply] { onReplyFinished(deliveryId, reply); });
}

void Dispatcher::onReplyFinished(qint64 deliveryId, QNetworkReply *reply)
{
    reply->deleteLater();
    auto it = m_inFlight.find(deliveryId);
    if (it == m_inFlight.end() || it->reply != reply)
        return;
    const AttemptOutcome outcome = outcomeFromReply(reply, it->timedOut);
    it->reply = nullptr;
    decide(deliveryId, outcome);
}

void Dispatcher::decide(qint64 deliveryId, const AttemptOutcome &outcome)
{
    auto it = m_inFlight.find(deliveryId);
    if (it == m_inFlight.end())
        return;
    InFlight &attempt = *it;
    const Delivery &delivery = attempt.delivery;
    if (attempt.startedAtMs == 0)
        attempt.startedAtMs = m_services.clock->nowMs(); // never sent (credentials)

    AttemptContext context;
    context.attemptNumber = delivery.attemptInBudget();
    context.createdAtMs = delivery.budgetStartedAtMs();
    context.tokenRefreshable = attempt.tokenRefreshable;
    context.tokenRefreshed = delivery.tokenRefreshed;
    const RetryDecider decider(*m_services.clock, *m_services.random);
    const Decision decision = decider.decide(attempt.policy, headerSpec(attempt.providerId),
                                             outcome, context);

    m_admission.release(attempt.admission.ticket);
    const qint64 connectionId = delivery.connectionId.value_or(0);
    if (connectionId != 0) {
        m_admission.observe(connectionId, decision);
        parkIfLongPause(connectionId);
    }

    AttemptRecord record;
    record.deliveryId = delivery.id;
    record.attemptNumber = delivery.attemptCount;
    record.tenantId = delivery.tenantId;
    record.connectionId = delivery.connectionId;
    record.workerId = m_options.workerId;
    record.startedAtMs = attempt.startedAtMs;
    record.endedAtMs = decision.decidedAtMs;
    if (!outcome.isTransportError())
        record.httpStatus = outcome.status;
    record.errorKind = transportErrorCode(outcome.transportError);
    record.errorDetail = outcome.transportDetail;
    record.rateLimitHeaders = decision.rateLimit.fields;
    record.rateLimitLimit = decision.rateLimit.limit;
    record.rateLimitRemaining = decision.rateLimit.remaining;
    record.rateLimitResetAtMs = decision.rateLimit.resetAtMs;
    record.retryAfter = decision.retryAfter.raw;
    if (decision.retryAfter.isValid())
        record.retryAfterMs = decision.retryAfter.delayMs;
    record.decision = decisionKindCode(decision.kind);
    record.reason = decision.reason;
    record.waitMs = decision.waitMs;
    if (decision.nextAttemptAtMs > 0)
        record.nextAttemptAtMs = decision.nextAttemptAtMs;
    if (connectionId != 0 && m_admission.connectionState(connectionId).ratePerSecond > 0)
        record.bucketLevel = attempt.admission.bucketLevel;
    record.queueDepth = attempt.queueDepth;

    switch (decision.kind) {
    case DecisionKind::RefreshAndRetry:
        refreshToken(deliveryId, std::move(record));
        return;
    case DecisionKind::DestinationDisabled:
        if (connectionId != 0)
            disableConnection(connectionId);
        break;
    default:
        break;
    }
    complete(deliveryId, std::move(record), stateAfter(decision.kind), decision.nextAttemptAtMs,
             delivery.tokenRefreshed);
}

void Dispatcher::refreshToken(qint64 deliveryId, AttemptRecord attempt)
{
    const auto it = m_inFlight.constFind(deliveryId);
    if (it == m_inFlight.cend())
        return;
    const qint64 connectionId = it->delivery.connectionId.value_or(0);
    whenFinished(m_services.tokenRefresher->refresh(connectionId), this,
                 [this, deliveryId, attempt](const Result<void> &refreshed) mutable {
                     if (refreshed) {
                         complete(deliveryId, std::move(attempt), DeliveryState::Pending,
                                  m_services.clock->nowMs(), true);
                         return;
                     }
                     attempt.decision = decisionKindCode(DecisionKind::Failed);
                     attempt.reason += u", token refresh failed (%1): %2"_s
                                               .arg(refreshed.error().code,
                                                    refreshed.error().message);
                     attempt.waitMs = 0;
                     attempt.nextAttemptAtMs.reset();
                     complete(deliveryId, std::move(attempt), DeliveryState::Failed, 0, true);
                 });
}

void Dispatcher::complete(qint64 deliveryId, AttemptRecord attempt, DeliveryState state,
                          qint64 nextAttemptAtMs, bool tokenRefreshed)
{
    DeliveryRepository::Completion completion;
    completion.workerId = m_options.workerId;
    completion.attempt = attempt;
    completion.state = state;
    completion.nextAttemptAtMs = nextAttemptAtMs;
    completion.tokenRefreshed = tokenRefreshed;
    // The slot this attempt frees goes to the next due delivery in the same transaction.
    const std::optional<PendingClaim> next = m_running ? takePrefetched() : std::nullopt;
    if (next)
        m_claiming.insert(next->candidate.id);
    const QString worker = m_options.workerId;
    const qint64 now = m_services.clock->nowMs();
    const qint64 leaseMs = qint64(m_options.attemptTimeoutMs) + m_options.leaseMarginMs;
    const std::optional<qint64> nextId = next ? std::optional<qint64>(next->candidate.id)
                                              : std::nullopt;
    const std::optional<SharedRateLimit::Rate> nextRate = next ? sharedRate(next->candidate)
                                                               : std::nullopt;
    using Done = std::pair<DeliveryRepository::Completed, SharedRateLimit::RatedClaim>;
    // The outcome, and the freed slot's next claim, in one job. Each statement is conditional on
    // the lease or locks without waiting (deliveryrepository.h), so it runs as RowLocks.
    auto record = [completion, nextId, nextRate, worker, now, leaseMs,
                   onFinal = m_options.onFinalState](SqlSession &session) -> Result<Done> {
        Result<DeliveryRepository::Completed> completed = DeliveryRepository::complete(session,
                                                                                       completion);
        if (!completed)
            return fail(completed.error());
        if (onFinal && completed->deliveryUpdated && isFinal(completion.state)) {
            if (Result<void> followed = onFinal(session, completion.attempt.deliveryId,
                                                completion.state, completion.attempt.reason);
                !followed)
                return fail(followed.error());
        }
        Done done{*completed, {}};
        if (nextId) {
            Result<QList<SharedRateLimit::RatedClaim>> claimed
                    = SharedRateLimit::claim(session, {SharedRateLimit::Wanted{*nextId, nextRate}},
                                             worker, now, leaseMs);
            if (!claimed)
                return fail(claimed.error());
            done.second = std::move(claimed->first());
        }
        return done;
    };
    whenFinished(m_services.store->write(std::move(record), WriteConcurrency::RowLocks), this,
                 [this, deliveryId, attempt, state, next](const Result<Done> &done) mutable {
                     m_inFlight.remove(deliveryId);
                     if (next)
                         m_claiming.remove(next->candidate.id);
                     if (!done) {
                         // The delivery stays in_flight; its lease expires and it is retried.
                         qCWarning(lcDispatch)
                                 << "recording attempt" << attempt.attemptNumber << "of delivery"
                                 << deliveryId << "failed:" << done.error().message;
                         if (next)
                             m_admission.release(next->admission.ticket);
                     } else {
                         attempt.id = done->first.attemptId;
                         emit attemptRecorded(attempt);
                         if (done->first.deliveryUpdated && isFinal(state))
                             emit deliveryFinished(deliveryId, state, attempt.reason);
                         if (next && done->second.heldUntilMs > 0) {
                             heldBySharedRate(*next, done->second.heldUntilMs);
                         } else if (next && done->second.claim) {
                             if (done->second.claim->lostAttempt)
                                 emit attemptRecorded(*done->second.claim->lostAttempt);
                             startAttempt(done->second.claim->delivery, *next, m_prefetchedDepth);
                         } else if (next) { // another worker took it, or it was cancelled
                             m_admission.release(next->admission.ticket);
                         }
                     }
                     schedulePoll(0);
                     emitStoppedIfIdle();
                 });
}

void Dispatcher::disableConnection(qint64 connectionId)
{
    m_disabledConnections.insert(connectionId);
    Store *store = m_services.store;
    whenFinished(store->connection(connectionId), this,
                 [this, store, connectionId](const Result<Connection> &connection) {
                     if (!connection || connection->status == ConnectionStatus::Disabled)
                         return;
                     whenFinished(store->setConnectionStatus(connectionId,
                                                             ConnectionStatus::Disabled,
                                                             connection->tokenExpiresAtMs),
                                  this, [connectionId](const Result<Connection> &disabled) {
                                      if (!disabled)
                                          qCWarning(lcDispatch)
                                                  << "disabling connection" << connectionId
                                                  << "failed:" << disabled.error().message;
                                  });
                 });
}

void Dispatcher::parkIfLongPause(qint64 connectionId)
{
    const qint64 pausedUntil = m_admission.connectionState(connectionId).pausedUntilMs;
    const qint64 now = m_services.clock->nowMs();
    if (pausedUntil - now <= m_options.parkThresholdMs
        || m_parkedUntil.value(connectionId) >= pausedUntil)
        return;
    m_parkedUntil.insert(connectionId, pausedUntil);
    whenFinished(m_services.store->write([connectionId, pausedUntil](SqlSession &session) {
        return DeliveryRepository::park(session, connectionId, pausedUntil);
    }),
                 this, [connectionId](const Result<int> &parked) {
                     if (!parked)
                         qCWarning(lcDispatch) << "parking connection" << connectionId
                                               << "failed:" << parked.error().message;
                 });
}

} // namespace wb::core
