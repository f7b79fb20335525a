// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "core/inbound/events/inboundevent.h"
#include "core/inbound/verification/verificationresult.h"
#include "core/store/connection.h"
#include "core/store/identitymapping.h"
#include "core/store/tenant.h"

#include <QJsonObject>

namespace wb::cli {

// The JSON shapes of workspace records in wirebench-cli's output. Field names are stable
// (documented in installer/wirebench-cli.1); conventions in output.h (snake_case, RFC 3339 UTC).

// {"id", "display_name", "external_reference", "notes", "created_at", "updated_at"}
QJsonObject tenantJson(const core::Tenant &tenant);

// {"id", "tenant_id", "provider", "label", "status", "token_expires_at" (null when unknown),
//  "last_checked_at" (null), "last_check_result", "base_url", "forward_target_url",
//  "retry_policy", "rate_limit": {"requests_per_second", "burst", "concurrency_limit"} (each null
//  when the provider's default applies), "created_at", "updated_at"}
QJsonObject connectionJson(const core::Connection &connection);

// {"id", "provider", "external_account_id", "tenant_id", "connection_id" (null), "note",
//  "created_at", "updated_at"}
QJsonObject identityMappingJson(const core::IdentityMapping &mapping);

// {"id", "state", "method", "url", "tenant_id", "connection_id" (null), "idempotency_key",
//  "signing", "retry_policy" (the policy's name), "attempt_count", "next_attempt_at",
//  "last_decision", "last_reason", "created_at", "updated_at", "finished_at" (null),
//  "body_bytes"}; with `withContent` also "headers": [{"name", "value"}] and "body_base64".
QJsonObject deliveryJson(const core::Delivery &delivery, bool withContent);

// {"number", "started_at", "finished_at", "status" (HTTP status or null), "error" (null, or a
//  transport error such as "timeout", "connection_refused", "worker_lost"), "error_detail",
//  "decision" (retry, rate_limited, succeeded, dead, …), "reason", "wait_ms", "retry_after" (the raw
//  header or null), "retry_after_ms" (as parsed, null), "next_attempt_at" (null), "rate_limit":
//  {"limit", "remaining", "reset_at"} (each null), "bucket_level" (null), "queue_depth",
//  "worker_id"}
QJsonObject attemptJson(const core::AttemptRecord &attempt);

// {"id", "received_at", "route" (connection, provider), "connection_id" (null), "tenant_id"
//  (null), "provider", "event_type", "provider_event_id", "handshake" (bool), "handshake_kind",
//  "verdict" (verified, failed, unsigned), "verification_reason", "verification_explanation",
//  "identity_outcome" (matched, no_mapping, field_missing, empty_value, not_resolved),
//  "identity_value", "resolution_explanation", "response_status", "forwarding_state" (none,
//  pending, queued, forwarded, failed), "forwarding_note", "forward_count", "delivery_id" (null),
//  "duplicate_count", "method", "url", "peer_address", "body_bytes"}; with `withContent` also
//  "headers": [{"name", "value"}] in the order received and "body_base64" (the exact bytes).
QJsonObject inboundEventJson(const core::InboundEvent &event, bool withContent);

// A signature verification, explained without the secret: {"verified" (bool), "verdict"
//  (verified, failed, unsigned), "reason" (verified, signature_mismatch,
//  timestamp_out_of_tolerance, missing_header, …), "scheme", "header_name", "header_value" (a
//  printable prefix), "signatures_offered", "signed_length" (null when not computed),
//  "signed_prefix", "signed_url" (null), "timestamp" (null), "skew_seconds" (null; positive when
//  the request is older than now), "tolerance_seconds" (null), "signature_matched_but_stale",
//  "matched_secret_slot" (1-based, null), "secrets_tried", "notes": [{"code", "message"}],
//  "explanation"}
QJsonObject verificationJson(const core::VerificationResult &result);

} // namespace wb::cli
