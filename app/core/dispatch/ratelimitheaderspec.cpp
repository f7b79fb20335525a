// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/ratelimitheaderspec.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

struct UnitName
{
    ResetUnit unit;
    const char *name;
};
constexpr UnitName kUnitNames[] = {
        {ResetUnit::DeltaSeconds, "delta_seconds"},
        {ResetUnit::EpochSeconds, "epoch_seconds"},
        {ResetUnit::DeltaMilliseconds, "delta_milliseconds"},
        {ResetUnit::Iso8601, "iso8601"},
};

RateLimitHeaderSpec noXFields(QString name)
{
    RateLimitHeaderSpec spec;
    spec.name = std::move(name);
    spec.limitField.clear();
    spec.remainingField.clear();
    spec.resetField.clear();
    return spec;
}

} // namespace

QList<QByteArray> RateLimitHeaderSpec::defaultBodyMarkers()
{
    return {"rate limit",   "rate-limit",        "ratelimit",
            "rate_limit",   "too many requests", "request_limit_exceeded",
            "request limit"};
}

QString resetUnitName(ResetUnit unit)
{
    for (const UnitName &entry : kUnitNames) {
        if (entry.unit == unit)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

QStringList RateLimitHeaderSpec::presetNames()
{
    return {u"generic"_s,    u"github"_s, u"discord"_s,   u"shopify"_s, u"hubspot"_s,
            u"salesforce"_s, u"stripe"_s, u"pagerduty"_s, u"ietf"_s};
}

Result<RateLimitHeaderSpec> RateLimitHeaderSpec::preset(const QString &name)
{
    RateLimitHeaderSpec spec;
    spec.name = name;
    if (name == u"generic") {
        return spec;
    }
    if (name == u"github") {
        // docs.github.com rate-limits-for-the-rest-api: x-ratelimit-reset is UTC epoch seconds;
        // 403 or 429 for both primary and secondary limits.
        spec.resetUnit = ResetUnit::EpochSeconds;
        return spec;
    }
    if (name == u"discord") {
        // discord docs topics/rate-limits.mdx: Reset is epoch seconds with a fraction,
        // Reset-After is seconds with a fraction.
        spec.resetUnit = ResetUnit::EpochSeconds;
        spec.resetAfterField = "X-RateLimit-Reset-After";
        return spec;
    }
    if (name == u"shopify") {
        // shopify.dev REST Admin rate limits: X-Shopify-Shop-Api-Call-Limit "used/bucket";
        // Retry-After with a fraction ("2.0") [R].
        spec = noXFields(name);
        spec.usedOfLimitField = "X-Shopify-Shop-Api-Call-Limit";
        spec.retryAfterFractionalSeconds = true;
        return spec;
    }
    if (name == u"hubspot") {
        // developers.hubspot.com usage guidelines: per-interval Max/Remaining and the interval.
        spec = noXFields(name);
        spec.limitField = "X-HubSpot-RateLimit-Max";
        spec.remainingField = "X-HubSpot-RateLimit-Remaining";
        spec.windowMsField = "X-HubSpot-RateLimit-Interval-Milliseconds";
        return spec;
    }
    if (name == u"salesforce") {
        // developer.salesforce.com api_rest headers_api_usage: Sforce-Limit-Info api-usage=n/m.
        spec = noXFields(name);
        spec.usageInfoField = "Sforce-Limit-Info";
        return spec;
    }
    if (name == u"stripe") {
        // Stripe publishes no X-RateLimit-* [S]; stripe-node RequestSender honours
        // Stripe-Should-Retry.
        spec = noXFields(name);
        spec.shouldRetryField = "Stripe-Should-Retry";
        return spec;
    }
    if (name == u"pagerduty") {
        // support.pagerduty.com rest-api-rate-limits: ratelimit-limit/-remaining/-reset
        // (seconds to wait), i.e. the IETF drafts' separate fields.
        spec = noXFields(name);
        spec.limitField = "RateLimit-Limit";
        spec.remainingField = "RateLimit-Remaining";
        spec.resetField = "RateLimit-Reset";
        return spec;
    }
    if (name == u"ietf") {
        spec = noXFields(name);
        return spec;
    }
    return fail(u"rate_limit_spec.unknown_preset"_s,
                u"unknown rate-limit header preset \"%1\" (known: %2)"_s.arg(name,
                                                                             presetNames().join(
                                                                                     u", "_s)));
}

Result<RateLimitHeaderSpec> RateLimitHeaderSpec::fromJson(const QJsonObject &json,
                                                          const QString &origin)
{
    const auto invalid = [&origin](const QString &key, const QString &what) {
        return fail(u"rate_limit_spec.invalid"_s,
                    u"%1: rate-limit headers \"%2\" %3"_s.arg(origin, key, what));
    };

    RateLimitHeaderSpec spec;
    if (json.contains(u"basedOn"_s)) {
        const QJsonValue base = json.value(u"basedOn"_s);
        if (!base.isString())
            return invalid(u"basedOn"_s, u"must be a string"_s);
        auto presetSpec = preset(base.toString());
        if (!presetSpec)
            return invalid(u"basedOn"_s, presetSpec.error().message);
        spec = std::move(*presetSpec);
    }

    const QStringList fieldKeys = {u"limit"_s,      u"remaining"_s,  u"reset"_s,
                                   u"resetAfter"_s, u"windowMs"_s,   u"usedOfLimit"_s,
                                   u"usageInfo"_s,  u"shouldRetry"_s};
    QByteArray *const fields[] = {&spec.limitField,     &spec.remainingField,
                                  &spec.resetField,     &spec.resetAfterField,
                                  &spec.windowMsField,  &spec.usedOfLimitField,
                                  &spec.usageInfoField, &spec.shouldRetryField};
    const QStringList otherKeys = {u"name"_s,
                                   u"basedOn"_s,
                                   u"resetUnit"_s,
                                   u"ietf"_s,
                                   u"retryAfterFractionalSeconds"_s,
                                   u"bodyMarkers"_s};

    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (const qsizetype index = fieldKeys.indexOf(key); index >= 0) {
            if (!value.isString())
                return invalid(key, u"must be a header field name (a string)"_s);
            const QByteArray name = value.toString().toLatin1();
            for (const char c : name) {
                if (c <= ' ' || c >= 0x7f || c == ':')
                    return invalid(key,
                                   u"\"%1\" is not a header field name"_s.arg(value.toString()));
            }
            *fields[index] = name;
        } else if (!otherKeys.contains(key)) {
            return invalid(key, u"is not a known key"_s);
        }
    }

    if (json.contains(u"name"_s)) {
        if (!json.value(u"name"_s).isString() || json.value(u"name"_s).toString().isEmpty())
            return invalid(u"name"_s, u"must be a non-empty string"_s);
        spec.name = json.value(u"name"_s).toString();
    }
    if (json.contains(u"resetUnit"_s)) {
        const QString unit = json.value(u"resetUnit"_s).toString();
        bool known = false;
        for (const UnitName &entry : kUnitNames) {
            if (unit == QLatin1StringView(entry.name)) {
                spec.resetUnit = entry.unit;
                known = true;
            }
        }
        if (!known)
            return invalid(u"resetUnit"_s,
                           u"must be one of delta_seconds, epoch_seconds, delta_milliseconds, "
                           u"iso8601"_s);
    }
    for (const auto &[key, target] :
         {std::pair{u"ietf"_s, &spec.ietfFields},
          std::pair{u"retryAfterFractionalSeconds"_s, &spec.retryAfterFractionalSeconds}}) {
        if (!json.contains(key))
            continue;
        if (!json.value(key).isBool())
            return invalid(key, u"must be true or false"_s);
        *target = json.value(key).toBool();
    }
    if (json.contains(u"bodyMarkers"_s)) {
        const QJsonValue markers = json.value(u"bodyMarkers"_s);
        if (!markers.isArray())
            return invalid(u"bodyMarkers"_s, u"must be an array of strings"_s);
        spec.rateLimitBodyMarkers.clear();
        for (const QJsonValue &marker : markers.toArray()) {
            if (!marker.isString() || marker.toString().isEmpty())
                return invalid(u"bodyMarkers"_s, u"must be an array of non-empty strings"_s);
            spec.rateLimitBodyMarkers.append(marker.toString().toUtf8());
        }
    }
    return spec;
}

QJsonObject RateLimitHeaderSpec::toJson() const
{
    QJsonArray markers;
    for (const QByteArray &marker : rateLimitBodyMarkers)
        markers.append(QString::fromUtf8(marker));
    return QJsonObject{
            {u"name"_s, name},
            {u"limit"_s, QString::fromLatin1(limitField)},
            {u"remaining"_s, QString::fromLatin1(remainingField)},
            {u"reset"_s, QString::fromLatin1(resetField)},
            {u"resetUnit"_s, resetUnitName(resetUnit)},
            {u"resetAfter"_s, QString::fromLatin1(resetAfterField)},
            {u"windowMs"_s, QString::fromLatin1(windowMsField)},
            {u"usedOfLimit"_s, QString::fromLatin1(usedOfLimitField)},
            {u"usageInfo"_s, QString::fromLatin1(usageInfoField)},
            {u"shouldRetry"_s, QString::fromLatin1(shouldRetryField)},
            {u"ietf"_s, ietfFields},
            {u"retryAfterFractionalSeconds"_s, retryAfterFractionalSeconds},
            {u"bodyMarkers"_s, markers},
    };
}

} // namespace wb::core
