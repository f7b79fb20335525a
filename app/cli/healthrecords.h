// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/connectionhealth.h"
#include "core/health/registration.h"

#include <QJsonObject>
#include <QList>

namespace wb::cli {

// JSON of the health records, snake_case, times RFC 3339 UTC (output.h):
// registration: {"id", "connection_id", "external_id", "scope", "target_url", "events": [],
//   "origin", "expires_at", "renew_lifetime_minutes", "reregister_allowed", "state",
//   "state_detail", "last_delivery_status", "last_checked_at", "last_action",
//   "last_action_detail", "last_action_at", "created_at", "updated_at"} (never the body: it is
//   shown as "has_registration_body")
QJsonObject registrationJson(const core::Registration &registration);
// connection health: {"connection_id", "tenant_id", "provider_id", "label", "status", "action",
//   "reason", "assessed_at", "findings": [{"code", "severity", "action", "reason",
//   "registration_id"}], "credential_check": {"verdict" (valid | invalid | unknown),
//   "checked_at", "http_status" (0: no HTTP answer), "message"} or null (never checked)}
QJsonObject connectionHealthJson(const core::ConnectionHealth &health);
// {"connections": [...], "summary": {"healthy", "attention", "failing", "unknown"}}
QJsonObject healthReportJson(const QList<core::ConnectionHealth> &assessed);

} // namespace wb::cli
