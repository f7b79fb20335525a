// SPDX-License-Identifier: GPL-3.0-or-later
// RetryPolicy's JSON form (see retrypolicy.h for the keys).
#include "core/dispatch/retrypolicy.h"
#include "core/dispatch/retrypolicypresets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

class JsonReader
{
public:
    JsonReader(const QJsonObject &json, const QString &origin)
        : m_json(json)
        , m_origin(origin)
    {}

    tl::unexpected<Error> bad(const QString &key, const QString &what) const
    {
        return fail(u"retry_policy.invalid"_s,
                    u"%1: retry policy \"%2\" %3 (got %4)"_s.arg(m_origin, key, what, shown(key)));
    }

    QString shown(const QString &key) const
    {
        const QJsonValue value = m_json.value(key);
        if (value.isString())
            return u"\"%1\""_s.arg(value.toString().left(80));
        if (value.isDouble())
            return QString::number(value.toDouble(), 'g', 17);
        if (value.isBool())
            return value.toBool() ? u"true"_s : u"false"_s;
        if (value.isNull())
            return u"null"_s;
        return value.isArray() ? u"an array"_s : u"an object"_s;
    }

    bool has(const QString &key) const { return m_json.contains(key); }

    Result<qint64> integer(const QString &key) const
    {
        const QJsonValue value = m_json.value(key);
        const double number = value.toDouble();
        if (!value.isDouble() || std::floor(number) != number
            || std::fabs(number) > kMaxExactInteger)
            return bad(key, u"must be a whole number"_s);
        return qint64(number);
    }

    Result<double> number(const QString &key) const
    {
        const QJsonValue value = m_json.value(key);
        if (!value.isDouble())
            return bad(key, u"must be a number"_s);
        return value.toDouble();
    }

    Result<QString> choice(const QString &key, const QStringList &allowed) const
    {
        const QJsonValue value = m_json.value(key);
        if (!value.isString() || !allowed.contains(value.toString()))
            return bad(key, u"must be one of %1"_s.arg(allowed.join(u", "_s)));
        return value.toString();
    }

private:
    const QJsonObject &m_json;
    const QString &m_origin;
};

const QStringList &knownKeys()
{
    static const QStringList keys = {u"name"_s,        u"basedOn"_s,         u"backoff"_s,
                                     u"baseMs"_s,      u"factor"_s,          u"capMs"_s,
                                     u"scheduleMs"_s,  u"jitter"_s,          u"jitterFraction"_s,
                                     u"jitterMaxMs"_s, u"maxAttempts"_s,     u"maxAgeMs"_s,
                                     u"retryAfter"_s,  u"retryAfterCapMs"_s, u"overloadFloorMs"_s};
    return keys;
}

} // namespace

Result<RetryPolicy> RetryPolicy::fromJson(const QByteArray &json, const QString &origin)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(u"retry_policy.not_json"_s,
                    u"%1: retry policy is not valid JSON: %2 at offset %3"_s
                            .arg(origin, error.errorString())
                            .arg(error.offset));
    if (!document.isObject())
        return fail(u"retry_policy.not_json"_s,
                    u"%1: retry policy must be a JSON object"_s.arg(origin));
    return fromJsonObject(document.object(), origin);
}

Result<RetryPolicy> RetryPolicy::fromJsonObject(const QJsonObject &json, const QString &origin)
{
    const JsonReader in(json, origin);
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!knownKeys().contains(it.key()))
            return fail(u"retry_policy.unknown_key"_s,
                        u"%1: retry policy has an unknown key \"%2\" (known: %3)"_s
                                .arg(origin, it.key(), knownKeys().join(u", "_s)));
    }

    RetryPolicy policy;
    if (in.has(u"basedOn"_s)) {
        if (!json.value(u"basedOn"_s).isString())
            return in.bad(u"basedOn"_s, u"must be the name of a preset"_s);
        auto preset = retrypresets::byName(json.value(u"basedOn"_s).toString());
        if (!preset)
            return fail(preset.error().code, origin + u": "_s + preset.error().message);
        policy = std::move(*preset);
    }
    if (in.has(u"name"_s)) {
        if (!json.value(u"name"_s).isString())
            return in.bad(u"name"_s, u"must be a string"_s);
        policy.name = json.value(u"name"_s).toString();
    }
    if (in.has(u"backoff"_s)) {
        auto value = in.choice(u"backoff"_s, {u"exponential"_s, u"schedule"_s});
        if (!value)
            return fail(value.error());
        policy.backoff = *value == u"exponential" ? Backoff::Exponential : Backoff::Schedule;
    }
    if (in.has(u"jitter"_s)) {
        const QStringList names = {u"full"_s, u"proportional"_s, u"additive"_s, u"none"_s};
        auto value = in.choice(u"jitter"_s, names);
        if (!value)
            return fail(value.error());
        const Jitter kinds[] = {Jitter::Full, Jitter::Proportional, Jitter::Additive, Jitter::None};
        policy.jitter = kinds[names.indexOf(*value)];
    }
    if (in.has(u"retryAfter"_s)) {
        auto value = in.choice(u"retryAfter"_s, {u"lower_bound"_s, u"clamp_to_schedule"_s});
        if (!value)
            return fail(value.error());
        policy.retryAfterMode = *value == u"lower_bound" ? RetryAfterMode::LowerBound
                                                         : RetryAfterMode::ClampToSchedule;
    }
    const std::pair<QString, qint64 *> durations[] = {
            {u"baseMs"_s, &policy.baseMs},
            {u"capMs"_s, &policy.capMs},
            {u"jitterMaxMs"_s, &policy.jitterMaxMs},
            {u"maxAgeMs"_s, &policy.maxAgeMs},
            {u"retryAfterCapMs"_s, &policy.retryAfterCapMs},
            {u"overloadFloorMs"_s, &policy.overloadFloorMs},
    };
    for (const auto &[key, target] : durations) {
        if (!in.has(key))
            continue;
        auto value = in.integer(key);
        if (!value)
            return fail(value.error());
        *target = *value;
    }
    if (in.has(u"maxAttempts"_s)) {
        auto value = in.integer(u"maxAttempts"_s);
        if (!value)
            return fail(value.error());
        if (*value < 1 || *value > 1000)
            return in.bad(u"maxAttempts"_s, u"must be between 1 and 1000"_s);
        policy.maxAttempts = int(*value);
    }
    for (const auto &[key, target] : {std::pair{u"factor"_s, &policy.factor},
                                      std::pair{u"jitterFraction"_s, &policy.jitterFraction}}) {
        if (!in.has(key))
            continue;
        auto value = in.number(key);
        if (!value)
            return fail(value.error());
        *target = *value;
    }
    if (in.has(u"scheduleMs"_s)) {
        const QJsonValue value = json.value(u"scheduleMs"_s);
        if (!value.isArray())
            return in.bad(u"scheduleMs"_s, u"must be an array of waits in ms"_s);
        policy.scheduleMs.clear();
        for (const QJsonValue &entry : value.toArray()) {
            const double ms = entry.toDouble(-1);
            if (!entry.isDouble() || ms < 0 || std::floor(ms) != ms || ms > kMaxExactInteger)
                return in.bad(u"scheduleMs"_s, u"must hold whole, non-negative numbers of ms"_s);
            policy.scheduleMs.append(qint64(ms));
        }
        // A schedule given without maxAttempts means "each listed wait once".
        if (!in.has(u"maxAttempts"_s))
            policy.maxAttempts = int(qMin<qsizetype>(policy.scheduleMs.size() + 1, 1000));
    }

    if (auto valid = policy.validate(); !valid)
        return fail(valid.error().code, origin + u": "_s + valid.error().message);
    return policy;
}

QJsonObject RetryPolicy::toJsonObject() const
{
    QJsonArray schedule;
    for (const qint64 ms : scheduleMs)
        schedule.append(double(ms));
    return QJsonObject{
            {u"name"_s, name},
            {u"backoff"_s, backoffName(backoff)},
            {u"baseMs"_s, double(baseMs)},
            {u"factor"_s, factor},
            {u"capMs"_s, double(capMs)},
            {u"scheduleMs"_s, schedule},
            {u"jitter"_s, jitterName(jitter)},
            {u"jitterFraction"_s, jitterFraction},
            {u"jitterMaxMs"_s, double(jitterMaxMs)},
            {u"maxAttempts"_s, maxAttempts},
            {u"maxAgeMs"_s, double(maxAgeMs)},
            {u"retryAfter"_s, retryAfterModeName(retryAfterMode)},
            {u"retryAfterCapMs"_s, double(retryAfterCapMs)},
            {u"overloadFloorMs"_s, double(overloadFloorMs)},
    };
}

QByteArray RetryPolicy::toJson() const
{
    return QJsonDocument(toJsonObject()).toJson(QJsonDocument::Indented);
}

} // namespace wb::core
