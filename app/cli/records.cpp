// SPDX-License-Identifier: GPL-3.0-or-later
#include "records.h"

#include "output.h"

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

QJsonValue optionalTime(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(rfc3339Utc(*ms)) : QJsonValue(QJsonValue::Null);
}

template<typename T>
QJsonValue optionalNumber(const std::optional<T> &value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalId(const std::optional<qint64> &id)
{
    return id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null);
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

} // namespace wb::cli
