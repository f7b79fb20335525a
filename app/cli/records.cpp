// SPDX-License-Identifier: GPL-3.0-or-later
#include "records.h"

#include "output.h"

#include "core/dispatch/retrypolicy.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

template<typename T>
QJsonValue optionalNumber(const std::optional<T> &value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject tenantJson(const core::Tenant &tenant)
{
    return {
            {u"id"_s, tenant.id},
            {u"display_name"_s, tenant.displayName},
            {u"external_reference"_s, tenant.externalReference},
            {u"notes"_s, tenant.notes},
            {u"created_at"_s, rfc3339Utc(tenant.createdAtMs)},
            {u"updated_at"_s, rfc3339Utc(tenant.updatedAtMs)},
    };
}

QJsonObject connectionJson(const core::Connection &connection)
{
    const core::RateLimitOverrides &limits = connection.settings.rateLimits;
    return {
            {u"id"_s, connection.id},
            {u"tenant_id"_s, connection.tenantId},
            {u"provider"_s, connection.providerId},
            {u"label"_s, connection.label},
            {u"status"_s, core::nameOf(connection.status)},
            {u"token_expires_at"_s, optionalTime(connection.tokenExpiresAtMs)},
            {u"last_checked_at"_s, optionalTime(connection.lastCheckedAtMs)},
            {u"last_check_result"_s, connection.lastCheckResult},
            {u"base_url"_s, connection.settings.baseUrl.toString()},
            {u"forward_target_url"_s, connection.settings.forwardTargetUrl.toString()},
            {u"handshake_verify_token"_s, connection.settings.handshakeVerifyToken},
            {u"retry_policy"_s, connection.settings.retryPolicy},
            {u"rate_limit"_s,
             QJsonObject{{u"requests_per_second"_s, optionalNumber(limits.requestsPerSecond)},
                         {u"burst"_s, optionalNumber(limits.burst)},
                         {u"concurrency_limit"_s, optionalNumber(limits.concurrencyLimit)}}},
            {u"created_at"_s, rfc3339Utc(connection.createdAtMs)},
            {u"updated_at"_s, rfc3339Utc(connection.updatedAtMs)},
    };
}

QJsonObject identityMappingJson(const core::IdentityMapping &mapping)
{
    return {
            {u"id"_s, mapping.id},
            {u"provider"_s, mapping.providerId},
            {u"external_account_id"_s, mapping.externalAccountId},
            {u"tenant_id"_s, mapping.tenantId},
            {u"connection_id"_s, optionalId(mapping.connectionId)},
            {u"note"_s, mapping.note},
            {u"created_at"_s, rfc3339Utc(mapping.createdAtMs)},
            {u"updated_at"_s, rfc3339Utc(mapping.updatedAtMs)},
    };
}

QJsonObject deliveryJson(const core::Delivery &delivery, bool withContent)
{
    const auto policy = core::RetryPolicy::fromJson(delivery.retryPolicyJson.toUtf8(), {});
    QJsonObject object{
            {u"id"_s, delivery.id},
            {u"state"_s, core::nameOf(delivery.state)},
            {u"method"_s, QString::fromLatin1(delivery.method)},
            {u"url"_s, delivery.url.toString()},
            {u"tenant_id"_s, optionalId(delivery.tenantId)},
            {u"connection_id"_s, optionalId(delivery.connectionId)},
            {u"idempotency_key"_s, delivery.idempotencyKey},
            {u"signing"_s, core::nameOf(delivery.signing)},
            {u"retry_policy"_s, policy ? policy->name : QString()},
            {u"attempt_count"_s, delivery.attemptCount},
            {u"next_attempt_at"_s, rfc3339Utc(delivery.nextAttemptAtMs)},
            {u"last_decision"_s, delivery.lastDecision},
            {u"last_reason"_s, delivery.lastReason},
            {u"created_at"_s, rfc3339Utc(delivery.createdAtMs)},
            {u"updated_at"_s, rfc3339Utc(delivery.updatedAtMs)},
            {u"finished_at"_s, optionalTime(delivery.finishedAtMs)},
            {u"body_bytes"_s, delivery.body.size()},
    };
    if (withContent) {
        QJsonArray headers;
        for (const core::RawHeader &field : delivery.headers.fields()) {
            headers.append(QJsonObject{{u"name"_s, QString::fromLatin1(field.first)},
                                       {u"value"_s, QString::fromLatin1(field.second)}});
        }
        object.insert(u"headers"_s, headers);
        object.insert(u"body_base64"_s, QString::fromLatin1(delivery.body.toBase64()));
    }
    return object;
}

QJsonObject attemptJson(const core::AttemptRecord &attempt)
{
    return {
            {u"number"_s, attempt.attemptNumber},
            {u"started_at"_s, rfc3339Utc(attempt.startedAtMs)},
            {u"finished_at"_s, rfc3339Utc(attempt.endedAtMs)},
            {u"status"_s, optionalNumber(attempt.httpStatus)},
            {u"error"_s, attempt.errorKind.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                     : QJsonValue(attempt.errorKind)},
            {u"error_detail"_s, attempt.errorDetail},
            {u"decision"_s, attempt.decision},
            {u"reason"_s, attempt.reason},
            {u"wait_ms"_s, attempt.waitMs},
            {u"retry_after"_s, attempt.retryAfter.isNull()
                                       ? QJsonValue(QJsonValue::Null)
                                       : QJsonValue(QString::fromLatin1(attempt.retryAfter))},
            {u"retry_after_ms"_s, optionalNumber(attempt.retryAfterMs)},
            {u"next_attempt_at"_s, optionalTime(attempt.nextAttemptAtMs)},
            {u"rate_limit"_s,
             QJsonObject{{u"limit"_s, optionalNumber(attempt.rateLimitLimit)},
                         {u"remaining"_s, optionalNumber(attempt.rateLimitRemaining)},
                         {u"reset_at"_s, optionalTime(attempt.rateLimitResetAtMs)}}},
            {u"bucket_level"_s, optionalNumber(attempt.bucketLevel)},
            {u"queue_depth"_s, attempt.queueDepth},
            {u"worker_id"_s, attempt.workerId},
    };
}

QJsonObject verificationJson(const core::VerificationResult &result)
{
    using Verdict = core::VerificationResult::Verdict;
    const auto nullIfEmpty = [](const QByteArray &bytes) {
        return bytes.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(bytes));
    };
    QJsonArray notes;
    for (const core::VerificationResult::Note &note : result.notes)
        notes.append(QJsonObject{{u"code"_s, note.code}, {u"message"_s, note.message}});
    return {
            {u"verified"_s, result.verified()},
            {u"verdict"_s, result.verdict == Verdict::Verified   ? u"verified"_s
                           : result.verdict == Verdict::Unsigned ? u"unsigned"_s
                                                                 : u"failed"_s},
            {u"reason"_s, core::nameOf(result.reason)},
            {u"scheme"_s, result.scheme},
            {u"header_name"_s, QString::fromLatin1(result.headerName)},
            {u"header_value"_s, QString::fromLatin1(result.headerValue)},
            {u"signatures_offered"_s, result.signaturesOffered},
            {u"signed_length"_s,
             result.signedLength < 0 ? QJsonValue() : QJsonValue(result.signedLength)},
            {u"signed_prefix"_s, QString::fromLatin1(result.signedPrefix)},
            {u"signed_url"_s, nullIfEmpty(result.signedUrl)},
            {u"timestamp"_s, nullIfEmpty(result.timestamp)},
            {u"skew_seconds"_s, result.skewSeconds ? QJsonValue(*result.skewSeconds) : QJsonValue()},
            {u"tolerance_seconds"_s,
             result.toleranceSeconds ? QJsonValue(*result.toleranceSeconds) : QJsonValue()},
            {u"signature_matched_but_stale"_s, result.signatureMatchedButStale},
            {u"matched_secret_slot"_s,
             result.matchedSecretSlot < 0 ? QJsonValue() : QJsonValue(result.matchedSecretSlot + 1)},
            {u"secrets_tried"_s, result.secretsTried},
            {u"notes"_s, notes},
            {u"explanation"_s, result.explanation},
    };
}

QJsonObject inboundEventJson(const core::InboundEvent &event, bool withContent)
{
    QJsonObject object{
            {u"id"_s, event.id},
            {u"received_at"_s, rfc3339Utc(event.receivedAtMs)},
            {u"route"_s, core::nameOf(event.route)},
            {u"connection_id"_s, optionalId(event.connectionId)},
            {u"tenant_id"_s, optionalId(event.tenantId)},
            {u"provider"_s, event.providerId},
            {u"event_type"_s, event.eventType},
            {u"provider_event_id"_s, event.providerEventId},
            {u"handshake"_s, event.handshake},
            {u"handshake_kind"_s, event.handshakeKind},
            {u"verdict"_s, core::nameOf(event.verdict)},
            {u"verification_reason"_s, event.verificationReason},
            {u"verification_explanation"_s, event.verificationExplanation},
            {u"identity_outcome"_s, event.identityOutcome},
            {u"identity_value"_s, event.identityValue},
            {u"resolution_explanation"_s, event.resolutionExplanation},
            {u"response_status"_s, event.responseStatus},
            {u"forwarding_state"_s, core::nameOf(event.forwardingState)},
            {u"forwarding_note"_s, event.forwardingNote},
            {u"forward_count"_s, event.forwardCount},
            {u"delivery_id"_s, optionalId(event.deliveryId)},
            {u"duplicate_count"_s, event.duplicateCount},
            {u"method"_s, QString::fromLatin1(event.request.method)},
            {u"url"_s, QString::fromLatin1(event.request.url)},
            {u"peer_address"_s, event.peerAddress},
            {u"body_bytes"_s, event.bodySize},
    };
    if (withContent) {
        QJsonArray headers;
        for (const core::ReceivedHeader &field : event.request.headers) {
            headers.append(QJsonObject{{u"name"_s, QString::fromLatin1(field.name)},
                                       {u"value"_s, QString::fromLatin1(field.value)}});
        }
        object.insert(u"headers"_s, headers);
        object.insert(u"body_base64"_s, QString::fromLatin1(event.request.body.toBase64()));
    }
    return object;
}

} // namespace wb::cli
