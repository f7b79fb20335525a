// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

} // namespace wb::cli
