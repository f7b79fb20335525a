// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
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

} // namespace wb::cli
