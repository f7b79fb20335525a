// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/deliveryrepository.h"

#include "core/dispatch/admissioncontroller.h"
#include "core/dispatch/ratelimitheaders.h"
#include "core/dispatch/retrypolicy.h"
#include "core/dispatch/retrypolicypresets.h"
#include "core/store/sqldialect.h"
#include "core/store/store.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

const QString deliveryColumns
        = u"id, tenant_id, connection_id, url, host_key, method, request_headers, body, "
          "idempotency_key, signing, retry_policy, state, attempt_count, next_attempt_at_ms, "
          "lease_owner, lease_expires_at_ms, attempt_started_at_ms, token_refreshed, "
          "last_decision, "
          "last_reason, created_at_ms, updated_at_ms, finished_at_ms, replay_count, "
          "attempts_before_replay, replayed_at_ms"_s;

const QString attemptColumns
        = u"id, delivery_id, attempt_number, tenant_id, connection_id, worker_id, started_at_ms, "
          "ended_at_ms, http_status, error_kind, error_detail, rate_limit_headers, "
          "rate_limit_limit, "
          "rate_limit_remaining, rate_limit_reset_at_ms, retry_after, retry_after_ms, decision, "
          "reason, wait_ms, next_attempt_at_ms, bucket_level, queue_depth"_s;

Delivery deliveryFromRow(const QSqlQuery &q)
{
    Delivery d;
    d.id = q.value(0).toLongLong();
    d.tenantId = optionalInt64(q.value(1));
    d.connectionId = optionalInt64(q.value(2));
    d.url = QUrl(q.value(3).toString(), QUrl::StrictMode);
    d.hostKey = q.value(4).toString();
    d.method = q.value(5).toString().toLatin1();
    d.headers = headersFromText(q.value(6).toString());
    d.body = q.value(7).toByteArray();
    d.idempotencyKey = q.value(8).toString();
    d.signing = deliverySigningFromName(q.value(9).toString()).value_or(DeliverySigning::None);
    d.retryPolicyJson = q.value(10).toString();
    // The CHECK constraint admits only known names.
    d.state = deliveryStateFromName(q.value(11).toString()).value_or(DeliveryState::Pending);
    d.attemptCount = q.value(12).toInt();
    d.nextAttemptAtMs = q.value(13).toLongLong();
    d.leaseOwner = q.value(14).toString();
    d.leaseExpiresAtMs = optionalInt64(q.value(15));
    d.attemptStartedAtMs = optionalInt64(q.value(16));
    d.tokenRefreshed = q.value(17).toInt() != 0;
    d.lastDecision = q.value(18).toString();
    d.lastReason = q.value(19).toString();
    d.createdAtMs = q.value(20).toLongLong();
    d.updatedAtMs = q.value(21).toLongLong();
    d.finishedAtMs = optionalInt64(q.value(22));
    d.replayCount = q.value(23).toInt();
    d.attemptsBeforeReplay = q.value(24).toInt();
    d.replayedAtMs = optionalInt64(q.value(25));
    return d;
}

AttemptRecord attemptFromRow(const QSqlQuery &q)
{
    AttemptRecord a;
    a.id = q.value(0).toLongLong();
    a.deliveryId = q.value(1).toLongLong();
    a.attemptNumber = q.value(2).toInt();
    a.tenantId = optionalInt64(q.value(3));
    a.connectionId = optionalInt64(q.value(4));
    a.workerId = q.value(5).toString();
    a.startedAtMs = q.value(6).toLongLong();
    a.endedAtMs = q.value(7).toLongLong();
    a.httpStatus = optionalInt(q.value(8));
    a.errorKind = q.value(9).toString();
    a.errorDetail = q.value(10).toString();
    a.rateLimitHeaders = headersFromText(q.value(11).toString());
    a.rateLimitLimit = optionalInt64(q.value(12));
    a.rateLimitRemaining = optionalInt64(q.value(13));
    a.rateLimitResetAtMs = optionalInt64(q.value(14));
    a.retryAfter = q.value(15).toString().toLatin1();
    a.retryAfterMs = optionalInt64(q.value(16));
    a.decision = q.value(17).toString();
    a.reason = q.value(18).toString();
    a.waitMs = q.value(19).toLongLong();
    a.nextAttemptAtMs = optionalInt64(q.value(20));
    a.bucketLevel = optionalDouble(q.value(21));
    a.queueDepth = q.value(22).toInt();
    return a;
}

QVariantList attemptValues(const AttemptRecord &a)
{
    return {a.deliveryId,
            a.attemptNumber,
            toSqlValue(a.tenantId),
            toSqlValue(a.connectionId),
            a.workerId,
            a.startedAtMs,
            a.endedAtMs,
            toSqlValue(a.httpStatus),
            a.errorKind,
            a.errorDetail,
            headersToText(a.rateLimitHeaders),
            toSqlValue(a.rateLimitLimit),
            toSqlValue(a.rateLimitRemaining),
            toSqlValue(a.rateLimitResetAtMs),
            QString::fromLatin1(a.retryAfter),
            toSqlValue(a.retryAfterMs),
            a.decision,
            a.reason,
            a.waitMs,
            toSqlValue(a.nextAttemptAtMs),
            toSqlValue(a.bucketLevel),
            a.queueDepth};
}

const QString insertAttempt
        = u"INSERT INTO delivery_attempts (delivery_id, attempt_number, tenant_id, connection_id, "
          "worker_id, started_at_ms, ended_at_ms, http_status, error_kind, error_detail, "
          "rate_limit_headers, rate_limit_limit, rate_limit_remaining, rate_limit_reset_at_ms, "
          "retry_after, retry_after_ms, decision, reason, wait_ms, next_attempt_at_ms, "
          "bucket_level, "
          "queue_depth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (delivery_id, attempt_number) DO UPDATE SET worker_id = excluded.worker_id, "
          "started_at_ms = excluded.started_at_ms, ended_at_ms = excluded.ended_at_ms, "
          "http_status = excluded.http_status, error_kind = excluded.error_kind, "
          "error_detail = excluded.error_detail, rate_limit_headers = excluded.rate_limit_headers, "
          "rate_limit_limit = excluded.rate_limit_limit, "
          "rate_limit_remaining = excluded.rate_limit_remaining, "
          "rate_limit_reset_at_ms = excluded.rate_limit_reset_at_ms, "
          "retry_after = excluded.retry_after, retry_after_ms = excluded.retry_after_ms, "
          "decision = excluded.decision, reason = excluded.reason, wait_ms = excluded.wait_ms, "
          "next_attempt_at_ms = excluded.next_attempt_at_ms, bucket_level = excluded.bucket_level, "
          "queue_depth = excluded.queue_depth "
          "WHERE delivery_attempts.error_kind = 'worker_lost'"_s;

const QString candidateSelect
        = u"SELECT d.id, d.tenant_id, d.connection_id, d.host_key, c.provider_id, "
          "c.rate_limit_per_second, c.rate_limit_burst, c.concurrency_limit, c.status "
          "FROM deliveries d LEFT JOIN connections c ON c.id = d.connection_id "_s;

DeliveryRepository::Candidate candidateFromRow(const QSqlQuery &q, bool leaseExpired)
{
    DeliveryRepository::Candidate candidate;
    candidate.id = q.value(0).toLongLong();
    candidate.tenantId = optionalInt64(q.value(1));
    candidate.connectionId = optionalInt64(q.value(2));
    candidate.hostKey = q.value(3).toString();
    candidate.leaseExpired = leaseExpired;
    candidate.providerId = q.value(4).toString();
    candidate.ratePerSecond = optionalDouble(q.value(5));
    candidate.burst = optionalInt(q.value(6));
    candidate.concurrencyLimit = optionalInt(q.value(7));
    candidate.connectionStatus = q.value(8).toString();
    return candidate;
}

Error invalid(const QString &message)
{
    return Error{u"dispatch.invalid_delivery"_s, message};
}

bool isToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                           || (c >= '0' && c <= '9');
        if (!alnum && !QByteArrayView("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(u"?"_s);
    return marks.join(u", "_s);
}

Result<QString> resolvePolicy(const QString &requested, const QString &connectionPolicy,
                              const QString &origin)
{
    const QString chosen = !requested.trimmed().isEmpty()          ? requested.trimmed()
                           : !connectionPolicy.trimmed().isEmpty() ? connectionPolicy.trimmed()
                                                                   : u"default"_s;
    Result<RetryPolicy> policy = chosen.startsWith(u'{')
                                         ? RetryPolicy::fromJson(chosen.toUtf8(), origin)
                                         : retrypresets::byName(chosen);
    if (!policy)
        return fail(policy.error());
    return QString::fromUtf8(QJsonDocument(policy->toJsonObject()).toJson(QJsonDocument::Compact));
}

} // namespace

Result<void> DeliveryRepository::validate(const NewDelivery &delivery)
{
    const QUrl &url = delivery.url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.isRelative() || url.host().isEmpty()
        || (scheme != u"http" && scheme != u"https")) {
        return fail(invalid(tr("The delivery URL \"%1\" is not an absolute http or https URL with "
                               "a host.")
                                    .arg(url.toDisplayString().left(200))));
    }
    static const QList<QByteArray> methods = {"POST", "PUT", "PATCH", "DELETE"};
    if (!methods.contains(delivery.method)) {
        return fail(invalid(tr("The method \"%1\" is not one of POST, PUT, PATCH, DELETE.")
                                    .arg(QString::fromLatin1(delivery.method.left(20)))));
    }
    if (delivery.body.size() > kMaxBodyBytes) {
        return fail(invalid(tr("The body has %1 bytes; at most %2 are accepted.")
                                    .arg(delivery.body.size())
                                    .arg(kMaxBodyBytes)));
    }
    // Set by the engine on every attempt; the webhook-* fields only when it signs (a forwarded
    // Standard Webhooks event carries its sender's own, which the target may verify).
    static const QList<QByteArray> reserved = {"content-length", "host", "transfer-encoding",
                                               "connection", "idempotency-key"};
    static const QList<QByteArray> reservedWhenSigning = {"webhook-id", "webhook-timestamp",
                                                          "webhook-signature"};
    const bool signing = delivery.signing == DeliverySigning::StandardWebhooks;
    for (const auto &[name, value] : delivery.headers.fields()) {
        if (!isToken(name))
            return fail(invalid(tr("The header name \"%1\" is not an HTTP token.")
                                        .arg(QString::fromLatin1(name.left(60)))));
        if (value.contains('\r') || value.contains('\n') || value.contains('\0'))
            return fail(invalid(tr("The value of header \"%1\" contains a line break or NUL.")
                                        .arg(QString::fromLatin1(name))));
        if (reserved.contains(name.toLower())
            || (signing && reservedWhenSigning.contains(name.toLower())))
            return fail(invalid(tr("The header \"%1\" is set by the dispatcher itself.")
                                        .arg(QString::fromLatin1(name))));
    }
    const QString &key = delivery.idempotencyKey;
    bool controls = false;
    for (const QChar c : key)
        controls = controls || c.category() == QChar::Other_Control || c.unicode() > 0x7e;
    if (key.size() > 200 || controls) {
        return fail(invalid(tr("The idempotency key must be at most 200 printable ASCII "
                               "characters.")));
    }
    if (delivery.signing == DeliverySigning::StandardWebhooks && !delivery.connectionId) {
        return fail(invalid(tr("Standard Webhooks signing needs a connection (its webhook signing "
                               "secret signs the delivery).")));
    }
    return {};
}

Result<Delivery> DeliveryRepository::add(SqlSession &session, const NewDelivery &delivery,
                                         const QString &generatedKey)
{
    if (Result<void> ok = validate(delivery); !ok)
        return fail(ok.error());
    std::optional<qint64> tenantId;
    QString connectionPolicy;
    if (delivery.connectionId) {
        Result<SqlSession::KeptQuery> connection
                = session.execKept(u"SELECT tenant_id, retry_policy FROM connections WHERE id = ?"_s,
                                   {*delivery.connectionId});
        if (!connection)
            return fail(connection.error());
        if (!connection->next()) {
            return fail(u"dispatch.unknown_connection"_s,
                        tr("There is no connection with id %1.").arg(*delivery.connectionId));
        }
        tenantId = connection->value(0).toLongLong();
        connectionPolicy = connection->value(1).toString();
    }
    const QString origin = delivery.connectionId
                                   ? tr("delivery to connection %1").arg(*delivery.connectionId)
                                   : tr("delivery to %1").arg(delivery.url.host());
    Result<QString> policy = resolvePolicy(delivery.retryPolicy, connectionPolicy, origin);
    if (!policy)
        return fail(policy.error());

    const QString key = delivery.idempotencyKey.isEmpty() ? generatedKey : delivery.idempotencyKey;
    Result<SqlSession::KeptQuery> existing
            = session.execKept(u"SELECT id FROM deliveries WHERE idempotency_key = ?"_s, {key});
    if (!existing)
        return fail(existing.error());
    if (existing->next()) {
        return fail(u"dispatch.duplicate_idempotency_key"_s,
                    tr("Delivery %1 already has the idempotency key \"%2\".")
                            .arg(existing->value(0).toLongLong())
                            .arg(key));
    }

    const qint64 now = session.nowMs();
    Result<QSqlQuery> inserted = session.execOneRow(
            u"INSERT INTO deliveries (tenant_id, connection_id, url, host_key, method, "
            "request_headers, body, idempotency_key, signing, retry_policy, state, attempt_count, "
            "next_attempt_at_ms, created_at_ms, updated_at_ms) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) RETURNING "_s
                    + deliveryColumns,
            {toSqlValue(tenantId), toSqlValue(delivery.connectionId),
             delivery.url.toString(QUrl::FullyEncoded), AdmissionController::hostKey(delivery.url),
             QString::fromLatin1(delivery.method), headersToText(delivery.headers),
             delivery.body.isNull() ? QByteArray("", 0) : delivery.body, key,
             nameOf(delivery.signing), *policy, delivery.notBeforeMs.value_or(now), now, now});
    if (!inserted)
        return fail(inserted.error());
    Store::notify(session, workChannel());
    return deliveryFromRow(*inserted);
}

Result<Delivery> DeliveryRepository::get(SqlSession &session, qint64 deliveryId)
{
    Result<QSqlQuery> query = session.exec(u"SELECT "_s + deliveryColumns
                                                   + u" FROM deliveries WHERE id = ?"_s,
                                           {deliveryId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(u"dispatch.unknown_delivery"_s,
                    tr("There is no delivery with id %1.").arg(deliveryId));
    return deliveryFromRow(*query);
}

Result<DeliveryRepository::DueWork> DeliveryRepository::due(SqlSession &session, qint64 nowMs,
                                                            int limit, const Exclusions &exclusions)
{
    DueWork work;
    Result<SqlSession::KeptQuery> expired = session.execKept(
            candidateSelect
                    + u"WHERE d.state = 'in_flight' AND d.lease_expires_at_ms <= ? "
                      "ORDER BY d.lease_expires_at_ms, d.id LIMIT ?"_s,
            {nowMs, limit});
    if (!expired)
        return fail(expired.error());
    while (expired->next())
        work.candidates.append(candidateFromRow(*expired, true));

    QString sql = candidateSelect + u"WHERE d.state = 'pending' AND d.next_attempt_at_ms <= ?"_s;
    QVariantList values{nowMs};
    if (!exclusions.connections.isEmpty()) {
        sql += u" AND (d.connection_id IS NULL OR d.connection_id NOT IN (%1))"_s.arg(
                placeholders(exclusions.connections.size()));
        for (const qint64 id : exclusions.connections)
            values.append(id);
    }
    if (!exclusions.tenants.isEmpty()) {
        sql += u" AND (d.tenant_id IS NULL OR d.tenant_id NOT IN (%1))"_s.arg(
                placeholders(exclusions.tenants.size()));
        for (const qint64 id : exclusions.tenants)
            values.append(id);
    }
    if (!exclusions.hosts.isEmpty()) {
        sql += u" AND d.host_key NOT IN (%1)"_s.arg(placeholders(exclusions.hosts.size()));
        for (const QString &host : exclusions.hosts)
            values.append(host);
    }
    sql += u" ORDER BY d.next_attempt_at_ms, d.id LIMIT ?"_s;
    values.append(qMax(0, limit - int(work.candidates.size())));
    Result<SqlSession::KeptQuery> pending = session.execKept(sql, values);
    if (!pending)
        return fail(pending.error());
    while (pending->next())
        work.candidates.append(candidateFromRow(*pending, false));

    Result<SqlSession::KeptQuery> depth = session.execKept(
            u"SELECT COUNT(*) FROM (SELECT 1 FROM deliveries WHERE state = 'pending' "
            "AND next_attempt_at_ms <= ? LIMIT 100000) due"_s,
            {nowMs});
    if (!depth)
        return fail(depth.error());
    work.queueDepth = depth->next() ? depth->value(0).toInt() : 0;

    Result<QSqlQuery> next = session.execOneRow(
            u"SELECT (SELECT MIN(next_attempt_at_ms) FROM deliveries WHERE state = 'pending'), "
            "(SELECT MIN(lease_expires_at_ms) FROM deliveries WHERE state = 'in_flight')"_s);
    if (!next)
        return fail(next.error());
    const std::optional<qint64> nextPending = optionalInt64(next->value(0));
    const std::optional<qint64> nextLease = optionalInt64(next->value(1));
    if (nextPending && nextLease)
        work.nextDueAtMs = qMin(*nextPending, *nextLease);
    else
        work.nextDueAtMs = nextPending ? nextPending : nextLease;
    return work;
}

Result<QList<DeliveryRepository::Claim>> DeliveryRepository::claim(SqlSession &session,
                                                                   const QList<qint64> &deliveryIds,
                                                                   const QString &workerId,
                                                                   qint64 nowMs, qint64 leaseMs)
{
    if (deliveryIds.isEmpty())
        return QList<Claim>();
    QVariantList values{workerId, nowMs + leaseMs, nowMs, nowMs};
    for (const qint64 id : deliveryIds)
        values.append(id);
    values.append(nowMs);
    values.append(nowMs);
    // The rows to take, with what the lost-attempt record needs from before the update.
    const QString claimable
            = u"SELECT id AS claimed_id, state AS was_state, lease_owner AS was_owner, "
              "lease_expires_at_ms AS was_expires_at_ms, attempt_started_at_ms AS "
              "was_started_at_ms "
              "FROM deliveries WHERE id IN (%1) AND ((state = 'pending' AND next_attempt_at_ms <= "
              "?) "
              "OR (state = 'in_flight' AND lease_expires_at_ms <= ?))"_s.arg(
                      placeholders(deliveryIds.size()));
    const QString setClaimed
            = u"UPDATE deliveries SET state = 'in_flight', lease_owner = ?, lease_expires_at_ms = "
              u"?, "
              "attempt_started_at_ms = ?, attempt_count = attempt_count + 1, updated_at_ms = ? "_s;
    const QString skipLocked = session.dialect().skipLockedClause();

    struct Before
    {
        QString state;
        QString owner;
        std::optional<qint64> expiresAtMs;
        std::optional<qint64> startedAtMs;
    };
    QHash<qint64, Claim> claims;
    QHash<qint64, Before> before;
    if (!skipLocked.isEmpty()) {
        // One statement: lock what is claimable (skipping rows other workers hold), update it.
        Result<SqlSession::KeptQuery> claimed = session.execKept(
                setClaimed + u"FROM ("_s + claimable + skipLocked
                        + u") claimable WHERE deliveries.id = claimable.claimed_id RETURNING "_s
                        + deliveryColumns
                        + u", was_state, was_owner, was_expires_at_ms, was_started_at_ms"_s,
                values);
        if (!claimed)
            return fail(claimed.error());
        const int wasAt = int(deliveryColumns.count(u',')) + 1;
        while (claimed->next()) {
            const Delivery delivery = deliveryFromRow(*claimed);
            before.insert(delivery.id, Before{claimed->value(wasAt).toString(),
                                              claimed->value(wasAt + 1).toString(),
                                              optionalInt64(claimed->value(wasAt + 2)),
                                              optionalInt64(claimed->value(wasAt + 3))});
            claims.insert(delivery.id, Claim{delivery, std::nullopt});
        }
    } else {
        // SQLite: its writer holds the database from BEGIN IMMEDIATE, so read, then update. (Its
        // UPDATE … FROM cannot return the FROM table's columns.)
        Result<SqlSession::KeptQuery> found = session.execKept(claimable, values.mid(4));
        if (!found)
            return fail(found.error());
        QVariantList ids;
        while (found->next()) {
            before.insert(found->value(0).toLongLong(),
                          Before{found->value(1).toString(), found->value(2).toString(),
                                 optionalInt64(found->value(3)), optionalInt64(found->value(4))});
            ids.append(found->value(0));
        }
        found->finish();
        if (ids.isEmpty())
            return QList<Claim>();
        Result<SqlSession::KeptQuery> claimed
                = session.execKept(setClaimed
                                           + u"WHERE id IN (%1) RETURNING "_s.arg(
                                                   placeholders(ids.size()))
                                           + deliveryColumns,
                                   values.mid(0, 4) + ids);
        if (!claimed)
            return fail(claimed.error());
        while (claimed->next()) {
            const Delivery delivery = deliveryFromRow(*claimed);
            claims.insert(delivery.id, Claim{delivery, std::nullopt});
        }
    }

    QList<Claim> ordered;
    for (const qint64 id : deliveryIds) {
        const auto found = claims.find(id);
        if (found == claims.end())
            continue;
        Claim &claim = *found;
        const Before was = before.value(id);
        const int lostNumber = claim.delivery.attemptCount - 1;
        if (was.state == u"in_flight" && lostNumber > 0) {
            const qint64 expiredAt = was.expiresAtMs.value_or(nowMs);
            AttemptRecord lost;
            lost.deliveryId = id;
            lost.attemptNumber = lostNumber;
            lost.tenantId = claim.delivery.tenantId;
            lost.connectionId = claim.delivery.connectionId;
            lost.workerId = was.owner;
            lost.startedAtMs = was.startedAtMs.value_or(expiredAt);
            lost.endedAtMs = expiredAt;
            lost.errorKind = u"worker_lost"_s;
            lost.errorDetail = tr("the worker stopped before recording the attempt's outcome");
            lost.decision = u"retry"_s;
            lost.reason = u"worker %1 lost its lease at %2 during attempt %3: retried with the "
                          "same idempotency key"_s
                                  .arg(lost.workerId, formatInstant(expiredAt, nowMs))
                                  .arg(lostNumber);
            lost.nextAttemptAtMs = nowMs;
            Result<QSqlQuery> inserted = session.exec(
                    insertAttempt.left(insertAttempt.indexOf(u"ON CONFLICT"_s))
                            + u"ON CONFLICT (delivery_id, attempt_number) DO NOTHING RETURNING id"_s,
                    attemptValues(lost));
            if (!inserted)
                return fail(inserted.error());
            if (inserted->next()) {
                lost.id = inserted->value(0).toLongLong();
                claim.lostAttempt = lost;
            }
        }
        ordered.append(std::move(claim));
    }
    return ordered;
}

Result<std::optional<DeliveryRepository::Claim>> DeliveryRepository::claimOne(
        SqlSession &session, qint64 deliveryId, const QString &workerId, qint64 nowMs,
        qint64 leaseMs)
{
    Result<QList<Claim>> claimed = claim(session, {deliveryId}, workerId, nowMs, leaseMs);
    if (!claimed)
        return fail(claimed.error());
    if (claimed->isEmpty())
        return std::optional<Claim>();
    return std::optional<Claim>(claimed->takeFirst());
}

Result<DeliveryRepository::Completed> DeliveryRepository::complete(SqlSession &session,
                                                                   const Completion &completion)
{
    Completed completed;
    const qint64 now = session.nowMs();
    const bool pending = completion.state == DeliveryState::Pending;
    Result<SqlSession::KeptQuery> updated = session.execKept(
            u"UPDATE deliveries SET state = ?, next_attempt_at_ms = ?, lease_owner = '', "
            "lease_expires_at_ms = NULL, token_refreshed = ?, last_decision = ?, last_reason = ?, "
            "updated_at_ms = ?, finished_at_ms = ? "
            "WHERE id = ? AND state = 'in_flight' AND lease_owner = ?"_s,
            {nameOf(completion.state), pending ? completion.nextAttemptAtMs : now,
             completion.tokenRefreshed ? 1 : 0, completion.attempt.decision,
             completion.attempt.reason, now, pending ? QVariant(QMetaType::fromType<qint64>()) : now,
             completion.attempt.deliveryId, completion.workerId});
    if (!updated)
        return fail(updated.error());
    completed.deliveryUpdated = updated->numRowsAffected() > 0;
    updated->finish();
    Result<SqlSession::KeptQuery> logged = session.execKept(insertAttempt + u" RETURNING id"_s,
                                                            attemptValues(completion.attempt));
    if (!logged)
        return fail(logged.error());
    if (logged->next())
        completed.attemptId = logged->value(0).toLongLong();
    return completed;
}

Result<int> DeliveryRepository::park(SqlSession &session, qint64 connectionId, qint64 untilMs)
{
    Result<QSqlQuery> parked = session.exec(
            u"UPDATE deliveries SET next_attempt_at_ms = ?, updated_at_ms = ? "
            "WHERE connection_id = ? AND state = 'pending' AND next_attempt_at_ms < ?"_s,
            {untilMs, session.nowMs(), connectionId, untilMs});
    if (!parked)
        return fail(parked.error());
    return parked->numRowsAffected();
}

Result<Delivery> DeliveryRepository::replay(SqlSession &session, qint64 deliveryId)
{
    Result<Delivery> current = get(session, deliveryId);
    if (!current)
        return current;
    const DeliveryState state = current->state;
    if (state != DeliveryState::Dead && state != DeliveryState::Failed
        && state != DeliveryState::Cancelled) {
        return fail(u"dispatch.not_replayable"_s,
                    tr("Delivery %1 is %2: only dead, failed or cancelled deliveries can be "
                       "replayed.")
                            .arg(deliveryId)
                            .arg(nameOf(state)));
    }
    const qint64 now = session.nowMs();
    Result<QSqlQuery> replayed = session.execOneRow(
            u"UPDATE deliveries SET state = 'pending', next_attempt_at_ms = ?, "
            "replay_count = replay_count + 1, attempts_before_replay = attempt_count, "
            "replayed_at_ms = ?, token_refreshed = 0, last_decision = '', last_reason = ?, "
            "updated_at_ms = ?, finished_at_ms = NULL "
            "WHERE id = ? AND state IN ('dead', 'failed', 'cancelled') RETURNING "_s
                    + deliveryColumns,
            {now, now, u"replayed (was %1)"_s.arg(nameOf(state)), now, deliveryId});
    if (!replayed)
        return fail(replayed.error());
    Store::notify(session, workChannel());
    return deliveryFromRow(*replayed);
}

QString DeliveryRepository::workChannel()
{
    return u"wb_delivery_work"_s;
}

Result<bool> DeliveryRepository::cancel(SqlSession &session, qint64 deliveryId)
{
    const qint64 now = session.nowMs();
    Result<QSqlQuery> cancelled = session.exec(
            u"UPDATE deliveries SET state = 'cancelled', updated_at_ms = ?, finished_at_ms = ?, "
            "last_reason = 'cancelled' WHERE id = ? AND state = 'pending'"_s,
            {now, now, deliveryId});
    if (!cancelled)
        return fail(cancelled.error());
    return cancelled->numRowsAffected() > 0;
}

Result<QList<AttemptRecord>> DeliveryRepository::attempts(SqlSession &session, qint64 deliveryId)
{
    Result<QSqlQuery> query = session.exec(u"SELECT "_s + attemptColumns
                                                   + u" FROM delivery_attempts WHERE delivery_id "
                                                     "= ? ORDER BY attempt_number"_s,
                                           {deliveryId});
    if (!query)
        return fail(query.error());
    QList<AttemptRecord> rows;
    while (query->next())
        rows.append(attemptFromRow(*query));
    return rows;
}

Result<QList<AttemptRecord>> DeliveryRepository::attemptsInRange(SqlSession &session,
                                                                 std::optional<qint64> connectionId,
                                                                 qint64 fromMs, qint64 toMs,
                                                                 int limit)
{
    Result<QSqlQuery> query
            = connectionId
                      ? session.exec(
                              u"SELECT "_s + attemptColumns
                                      + u" FROM delivery_attempts WHERE connection_id = ? AND "
                                        "started_at_ms >= ? AND started_at_ms < ? "
                                        "ORDER BY started_at_ms, id LIMIT ?"_s,
                              {*connectionId, fromMs, toMs, limit})
                      : session.exec(
                              u"SELECT "_s + attemptColumns
                                      + u" FROM delivery_attempts WHERE started_at_ms >= ? AND "
                                        "started_at_ms < ? ORDER BY started_at_ms, id LIMIT ?"_s,
                              {fromMs, toMs, limit});
    if (!query)
        return fail(query.error());
    QList<AttemptRecord> rows;
    while (query->next())
        rows.append(attemptFromRow(*query));
    return rows;
}

Result<QList<Delivery>> DeliveryRepository::list(SqlSession &session,
                                                 std::optional<DeliveryState> state, int limit)
{
    Result<QSqlQuery> query
            = state ? session.exec(
                      u"SELECT "_s + deliveryColumns
                              + u" FROM deliveries WHERE state = ? ORDER BY id DESC LIMIT ?"_s,
                      {nameOf(*state), limit})
                    : session.exec(u"SELECT "_s + deliveryColumns
                                           + u" FROM deliveries ORDER BY id DESC LIMIT ?"_s,
                                   {limit});
    if (!query)
        return fail(query.error());
    QList<Delivery> rows;
    while (query->next())
        rows.append(deliveryFromRow(*query));
    return rows;
}

Result<DeliveryRepository::QueueCounts> DeliveryRepository::queueCounts(SqlSession &session)
{
    Result<QSqlQuery> counted = session.execOneRow(
            u"SELECT (SELECT COUNT(*) FROM deliveries WHERE state = 'pending'), "
            "(SELECT COUNT(*) FROM deliveries WHERE state = 'in_flight')"_s);
    if (!counted)
        return fail(counted.error());
    return QueueCounts{counted->value(0).toLongLong(), counted->value(1).toLongLong()};
}

} // namespace wb::core
