// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace wb::core {

// What a rate-limit "reset" value counts.
enum class ResetUnit {
    DeltaSeconds,      // seconds from now (IETF drafts, PagerDuty `ratelimit-reset`)
    EpochSeconds,      // UTC seconds since 1970 (GitHub, Discord with a fraction)
    DeltaMilliseconds, // ms from now
    Iso8601,           // an ISO 8601 UTC timestamp (Jira Cloud [R])
};

// Which response header fields carry a provider's rate-limit state, and how to read them.
// Provider profiles fill one of these (resources/providers/*.json, key "rateLimitHeaders"); the
// presets below cover the providers in ../shared/providers/FACTS.md. An empty field name means
// "this provider does not send it". A value type; no thread affinity.
struct RateLimitHeaderSpec
{
    QString name = QStringLiteral("generic");
    // The common X-RateLimit-* trio (de-facto, GitHub-style).
    QByteArray limitField = QByteArrayLiteral("X-RateLimit-Limit");
    QByteArray remainingField = QByteArrayLiteral("X-RateLimit-Remaining");
    QByteArray resetField = QByteArrayLiteral("X-RateLimit-Reset");
    ResetUnit resetUnit = ResetUnit::DeltaSeconds;
    // Seconds (fraction allowed) until the reset, e.g. Discord `X-RateLimit-Reset-After`.
    QByteArray resetAfterField;
    // The quota's window in ms, e.g. HubSpot `X-HubSpot-RateLimit-Interval-Milliseconds`.
    QByteArray windowMsField;
    // "used/limit" in one field, e.g. Shopify `X-Shopify-Shop-Api-Call-Limit: 32/40`.
    QByteArray usedOfLimitField;
    // Salesforce `Sforce-Limit-Info: api-usage=18/5000` (comma-separated name=used/limit pairs;
    // the api-usage pair is read).
    QByteArray usageInfoField;
    // "true"/"false": whether the provider says to retry, e.g. Stripe `Stripe-Should-Retry`.
    QByteArray shouldRetryField;
    // Also read the IETF fields: `RateLimit` + `RateLimit-Policy` of
    // draft-ietf-httpapi-ratelimit-headers-11 (structured fields), and the separate
    // `RateLimit-Limit/-Remaining/-Reset` of drafts 00–06 (reset in delta seconds).
    bool ietfFields = true;
    // Accept "2.0" in Retry-After (see RetryAfterOptions::allowFractionalSeconds).
    bool retryAfterFractionalSeconds = false;
    // Case-insensitive substrings that, in the first bytes of a 403 body, mean "rate limited"
    // (GitHub "API rate limit exceeded" / "secondary rate limit", Google "rateLimitExceeded",
    // Salesforce "REQUEST_LIMIT_EXCEEDED").
    QList<QByteArray> rateLimitBodyMarkers = defaultBodyMarkers();

    static QList<QByteArray> defaultBodyMarkers();

    // Built-in specs by name: "generic", "github", "discord", "shopify", "hubspot", "salesforce",
    // "stripe", "pagerduty", "ietf". Unknown names fail with "rate_limit_spec.unknown_preset".
    static Result<RateLimitHeaderSpec> preset(const QString &name);
    static QStringList presetNames();

    // JSON (as in a provider profile): keys "name", "basedOn" (a preset to start from), "limit",
    // "remaining", "reset", "resetUnit" ("delta_seconds" | "epoch_seconds" |
    // "delta_milliseconds" | "iso8601"), "resetAfter", "windowMs", "usedOfLimit", "usageInfo",
    // "shouldRetry" (field names, "" for none), "ietf" and "retryAfterFractionalSeconds" (bool),
    // "bodyMarkers" (array of strings). Unknown keys and wrong types fail with
    // "rate_limit_spec.invalid", naming `origin` (a file or "connection 12") and the key.
    static Result<RateLimitHeaderSpec> fromJson(const QJsonObject &json, const QString &origin);
    QJsonObject toJson() const;

    bool operator==(const RateLimitHeaderSpec &other) const = default;
};

QString resetUnitName(ResetUnit unit);

} // namespace wb::core
