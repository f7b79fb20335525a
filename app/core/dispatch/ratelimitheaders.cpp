// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/ratelimitheaders.h"

#include "core/dispatch/httpdate.h"
#include "core/dispatch/retryafter.h"
#include "core/dispatch/structuredfield.h"

#include <QDateTime>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr qint64 kMaxSaneMs = qint64(10) * 365 * 24 * 3600 * 1000; // ten years

std::optional<qint64> nonNegativeInteger(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 15)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// Non-negative decimal ("1470173023.123", "30"), as a double.
std::optional<double> nonNegativeNumber(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 24)
        return std::nullopt;
    bool dot = false;
    for (const char c : text) {
        if (c == '.' && !dot) {
            dot = true;
            continue;
        }
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    if (text.startsWith('.') || text.endsWith('.'))
        return std::nullopt;
    bool ok = false;
    const double value = text.toByteArray().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

class Reader
{
public:
    Reader(const HttpHeaders &headers, qint64 receivedAtMs, RateLimitObservation &out)
        : m_headers(headers)
        , m_receivedAtMs(receivedAtMs)
        , m_out(out)
    {
        const QByteArray date = headers.value("Date");
        if (!date.isNull()) {
            if (const auto serverNow = parseHttpDate(date, receivedAtMs))
                m_serverNowMs = serverNow->msSinceEpoch;
        }
    }

    // The field's value, recorded for the attempt log; null when the spec names no field or the
    // response lacks it.
    QByteArray field(const QByteArray &name)
    {
        if (name.isEmpty())
            return {};
        const QByteArray value = m_headers.value(name);
        if (!value.isNull() && !m_out.fields.contains(name))
            m_out.fields.append(name, value);
        return value;
    }

    void problem(const QByteArray &name, const QByteArray &value, const QString &expected)
    {
        m_out.problems.append(u"%1 \"%2\" is not %3"_s.arg(QString::fromLatin1(name),
                                                           QString::fromLatin1(value.left(80)),
                                                           expected));
    }

    void noteSource(const QString &source)
    {
        if (!m_out.source.contains(source))
            m_out.source = m_out.source.isEmpty() ? source : m_out.source + u", "_s + source;
    }

    void setInteger(std::optional<qint64> &target, const QByteArray &name, const QString &source)
    {
        const QByteArray value = field(name);
        if (value.isNull())
            return;
        const auto parsed = nonNegativeInteger(value);
        if (!parsed) {
            problem(name, value, u"a non-negative integer"_s);
            return;
        }
        if (!target) {
            target = *parsed;
            noteSource(source);
        }
    }

    void setResetDelta(qint64 deltaMs, const QString &source)
    {
        if (m_out.resetAtMs)
            return;
        m_out.resetAtMs = m_receivedAtMs + qBound<qint64>(0, deltaMs, kMaxSaneMs);
        noteSource(source);
    }

    void setResetAbsolute(qint64 atMs, const QString &source)
    {
        const qint64 serverNow = m_serverNowMs.value_or(m_receivedAtMs);
        setResetDelta(atMs - serverNow, source);
    }

    void setReset(const QByteArray &name, ResetUnit unit, const QString &source)
    {
        const QByteArray value = field(name);
        if (value.isNull())
            return;
        if (unit == ResetUnit::Iso8601) {
            const QDateTime at = QDateTime::fromString(QString::fromLatin1(value),
                                                       Qt::ISODateWithMs);
            if (!at.isValid()) {
                problem(name, value, u"an ISO 8601 timestamp"_s);
                return;
            }
            setResetAbsolute(at.toMSecsSinceEpoch(), source);
            return;
        }
        const auto number = nonNegativeNumber(value);
        if (!number || *number > 1e13) {
            problem(name, value, u"a non-negative number"_s);
            return;
        }
        switch (unit) {
        case ResetUnit::DeltaSeconds:
            setResetDelta(qint64(std::ceil(*number * 1000.0)), source);
            break;
        case ResetUnit::DeltaMilliseconds:
            setResetDelta(qint64(std::ceil(*number)), source);
            break;
        case ResetUnit::EpochSeconds:
            setResetAbsolute(qint64(std::ceil(*number * 1000.0)), source);
            break;
        case ResetUnit::Iso8601:
            break;
        }
    }

    // "32/40" → remaining 8, limit 40.
    void setUsedOfLimit(const QByteArray &name, QByteArrayView value, const QString &source)
    {
        const qsizetype slash = value.indexOf('/');
        const auto used = slash > 0 ? nonNegativeInteger(value.first(slash).trimmed())
                                    : std::nullopt;
        const auto limit = slash > 0 ? nonNegativeInteger(value.sliced(slash + 1).trimmed())
                                     : std::nullopt;
        if (!used || !limit) {
            problem(name, value.toByteArray(), u"\"used/limit\""_s);
            return;
        }
        if (!m_out.limit)
            m_out.limit = *limit;
        if (!m_out.remaining)
            m_out.remaining = qMax<qint64>(0, *limit - *used);
        noteSource(source);
    }

    const HttpHeaders &headers() const { return m_headers; }
    qint64 receivedAtMs() const { return m_receivedAtMs; }

private:
    const HttpHeaders &m_headers;
    qint64 m_receivedAtMs;
    std::optional<qint64> m_serverNowMs;
    RateLimitObservation &m_out;
};

void readSpecFields(Reader &r, const RateLimitHeaderSpec &spec, RateLimitObservation &out)
{
    const QString xSource = spec.remainingField.isEmpty()
                                    ? QString()
                                    : QString::fromLatin1(spec.remainingField.left(
                                              spec.remainingField.lastIndexOf('-')))
                                              + u"-*"_s;
    r.setInteger(out.limit, spec.limitField, xSource);
    r.setInteger(out.remaining, spec.remainingField, xSource);
    r.setReset(spec.resetField, spec.resetUnit, xSource);
    r.setReset(spec.resetAfterField, ResetUnit::DeltaSeconds,
               QString::fromLatin1(spec.resetAfterField));

    if (const QByteArray window = r.field(spec.windowMsField); !window.isNull()) {
        if (const auto ms = nonNegativeInteger(window); ms && *ms > 0) {
            out.windowMs = *ms;
            r.noteSource(QString::fromLatin1(spec.windowMsField));
        } else {
            r.problem(spec.windowMsField, window, u"a positive integer"_s);
        }
    }
    if (const QByteArray used = r.field(spec.usedOfLimitField); !used.isNull())
        r.setUsedOfLimit(spec.usedOfLimitField, used, QString::fromLatin1(spec.usedOfLimitField));

    if (const QByteArray info = r.field(spec.usageInfoField); !info.isNull()) {
        bool found = false;
        for (const QByteArray &pair : info.split(',')) {
            const QByteArray trimmed = pair.trimmed();
            if (trimmed.startsWith("api-usage=")) {
                r.setUsedOfLimit(spec.usageInfoField, trimmed.mid(10),
                                 QString::fromLatin1(spec.usageInfoField));
                found = true;
            }
        }
        if (!found)
            r.problem(spec.usageInfoField, info, u"\"api-usage=used/limit\""_s);
    }
    if (const QByteArray advice = r.field(spec.shouldRetryField); !advice.isNull()) {
        if (advice.compare("true", Qt::CaseInsensitive) == 0)
            out.shouldRetry = true;
        else if (advice.compare("false", Qt::CaseInsensitive) == 0)
            out.shouldRetry = false;
        else
            r.problem(spec.shouldRetryField, advice, u"true or false"_s);
    }
}

void readIetfDraft11(Reader &r, RateLimitObservation &out)
{
    const QString source = u"RateLimit (draft-ietf-httpapi-ratelimit-headers-11)"_s;
    const QByteArray limitValue = r.field("RateLimit");
    if (limitValue.isNull())
        return;
    const auto items = sf::parseList(limitValue);
    if (!items) {
        r.problem("RateLimit", limitValue,
                  u"a structured-field list (%1)"_s.arg(items.error().message));
        return;
    }
    const sf::Item *chosen = nullptr;
    qint64 chosenR = 0;
    qint64 chosenT = -1;
    for (const sf::Item &item : *items) {
        if (item.isInnerList)
            continue;
        const sf::BareItem *remaining = item.parameter("r");
        if (!remaining || remaining->type != sf::BareItem::Type::Integer || remaining->integer < 0)
            continue;
        const sf::BareItem *reset = item.parameter("t");
        const qint64 t = reset && reset->type == sf::BareItem::Type::Integer && reset->integer >= 0
                                 ? reset->integer
                                 : -1;
        if (!chosen || remaining->integer < chosenR
            || (remaining->integer == chosenR && t > chosenT)) {
            chosen = &item;
            chosenR = remaining->integer;
            chosenT = t;
        }
    }
    if (!chosen) {
        r.problem("RateLimit", limitValue, u"a service-limit item with an \"r\" parameter"_s);
        return;
    }
    if (!out.remaining) {
        out.remaining = chosenR;
        r.noteSource(source);
    }
    if (chosenT >= 0)
        r.setResetDelta(chosenT * 1000, source);
    const QByteArray policyName = chosen->value.bytes;
    if (out.policy.isEmpty())
        out.policy = QString::fromLatin1(policyName);

    const QByteArray policyValue = r.field("RateLimit-Policy");
    if (policyValue.isNull())
        return;
    const auto policies = sf::parseList(policyValue);
    if (!policies) {
        r.problem("RateLimit-Policy", policyValue,
                  u"a structured-field list (%1)"_s.arg(policies.error().message));
        return;
    }
    const sf::Item *policy = nullptr;
    for (const sf::Item &item : *policies) {
        if (!item.isInnerList && item.value.bytes == policyName)
            policy = &item;
    }
    if (!policy && policies->size() == 1 && !policies->first().isInnerList)
        policy = &policies->first();
    if (!policy)
        return;
    if (const sf::BareItem *q = policy->parameter("q");
        q && q->type == sf::BareItem::Type::Integer && q->integer >= 0 && !out.limit)
        out.limit = q->integer;
    if (const sf::BareItem *w = policy->parameter("w");
        w && w->type == sf::BareItem::Type::Integer && w->integer > 0 && !out.windowMs)
        out.windowMs = w->integer * 1000;
}

void readIetfLegacy(Reader &r, RateLimitObservation &out)
{
    // draft-ietf-httpapi-ratelimit-headers-00..06: RateLimit-Limit may carry a policy after the
    // number ("100, 100;w=60"): the first number is the limit.
    const QString source = u"RateLimit-* (draft-ietf-httpapi-ratelimit-headers-06)"_s;
    if (const QByteArray limit = r.field("RateLimit-Limit"); !limit.isNull() && !out.limit) {
        QByteArrayView first = limit;
        if (const qsizetype end = first.indexOf(','); end >= 0)
            first = first.first(end);
        if (const qsizetype end = first.indexOf(';'); end >= 0)
            first = first.first(end);
        if (const auto value = nonNegativeInteger(first.trimmed())) {
            out.limit = *value;
            r.noteSource(source);
        } else {
            r.problem("RateLimit-Limit", limit, u"a non-negative integer"_s);
        }
    }
    r.setInteger(out.remaining, "RateLimit-Remaining", source);
    r.setReset("RateLimit-Reset", ResetUnit::DeltaSeconds, source);
}

} // namespace

RateLimitObservation parseRateLimitHeaders(const HttpHeaders &headers,
                                           const RateLimitHeaderSpec &spec, qint64 receivedAtMs)
{
    RateLimitObservation out;
    Reader reader(headers, receivedAtMs, out);
    readSpecFields(reader, spec, out);
    if (spec.ietfFields) {
        readIetfDraft11(reader, out);
        // A spec that names the legacy fields itself (PagerDuty) already read them.
        if (spec.remainingField.compare("RateLimit-Remaining", Qt::CaseInsensitive) != 0)
            readIetfLegacy(reader, out);
    }
    return out;
}

QString RateLimitObservation::describe(qint64 nowMs) const
{
    QStringList parts;
    if (limit)
        parts.append(u"limit %1"_s.arg(*limit));
    if (windowMs)
        parts.append(u"per %1"_s.arg(formatDuration(*windowMs)));
    if (remaining)
        parts.append(u"remaining %1"_s.arg(*remaining));
    if (resetAtMs)
        parts.append(u"resets in %1"_s.arg(formatDuration(qMax<qint64>(0, *resetAtMs - nowMs))));
    if (!policy.isEmpty())
        parts.append(u"policy \"%1\""_s.arg(policy));
    return parts.join(u", "_s);
}

QString formatInstant(qint64 ms, qint64 referenceMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const QDateTime reference = QDateTime::fromMSecsSinceEpoch(referenceMs, Qt::UTC);
    if (at.date() == reference.date())
        return at.toString(u"HH:mm:ss"_s) + u"Z"_s;
    return at.toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u"Z"_s;
}

} // namespace wb::core
