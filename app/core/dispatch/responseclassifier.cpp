// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/responseclassifier.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

Classification make(ResponseClass responseClass, bool overload = false, QString detail = {})
{
    return Classification{responseClass, overload, std::move(detail)};
}

QString rateLimitSignals(const AttemptOutcome &outcome, const RateLimitObservation &rateLimit,
                         const RateLimitHeaderSpec &spec)
{
    QStringList found;
    if (rateLimit.exhausted())
        found.append(u"%1 remaining 0"_s.arg(rateLimit.source));
    const QByteArray body = outcome.bodyPrefix.toLower();
    for (const QByteArray &marker : spec.rateLimitBodyMarkers) {
        if (body.contains(marker.toLower())) {
            found.append(
                    u"rate-limit message in the body (\"%1\")"_s.arg(QString::fromUtf8(marker)));
            break;
        }
    }
    return found.join(u", "_s);
}

// A Retry-After on a 403 is a rate-limit signal too (GitHub secondary limits); the decision's
// reason shows the Retry-After itself, so it adds no text here.
bool hasRetryAfter(const RetryAfter &retryAfter)
{
    return retryAfter.form != RetryAfter::Form::Absent;
}

Classification byStatus(const AttemptOutcome &outcome, const RateLimitObservation &rateLimit,
                        const RetryAfter &retryAfter, const RateLimitHeaderSpec &spec)
{
    const int status = outcome.status;
    if (status >= 200 && status <= 299)
        return make(ResponseClass::Success);
    if (status >= 300 && status <= 399) {
        const QByteArray location = outcome.headers.value("Location");
        return make(ResponseClass::Redirect, false,
                    location.isNull() ? u"redirects are not followed"_s
                                      : u"redirects are not followed (Location: %1)"_s.arg(
                                              QString::fromLatin1(location.left(200))));
    }
    switch (status) {
    case 401:
        return make(ResponseClass::Unauthorized);
    case 410:
        return make(ResponseClass::Gone);
    case 429:
        return make(ResponseClass::RateLimited, true);
    case 403: {
        const QString signals_ = rateLimitSignals(outcome, rateLimit, spec);
        if (!signals_.isEmpty() || hasRetryAfter(retryAfter))
            return make(ResponseClass::RateLimited, true, signals_);
        return make(ResponseClass::Permanent);
    }
    case 408:
    case 425:
    case 500:
    case 502:
    case 503:
    case 504:
        return make(ResponseClass::Transient);
    case 501:
    case 505:
        return make(ResponseClass::Permanent);
    default:
        break;
    }
    if (status >= 500 && status <= 599)
        return make(ResponseClass::Transient);
    if (status >= 400 && status <= 499)
        return make(ResponseClass::Permanent);
    // 1xx as a final answer, or a number outside 100–599: a broken server, maybe briefly.
    return make(ResponseClass::Transient, false, u"not a valid final HTTP status"_s);
}

} // namespace

Classification classifyOutcome(const AttemptOutcome &outcome, const RateLimitObservation &rateLimit,
                               const RetryAfter &retryAfter, const RateLimitHeaderSpec &spec)
{
    if (outcome.isTransportError())
        return make(ResponseClass::Transient, outcome.transportError == TransportError::Timeout);

    Classification result = byStatus(outcome, rateLimit, retryAfter, spec);
    if (rateLimit.shouldRetry) {
        const QString advice = u"%1: %2"_s.arg(QString::fromLatin1(spec.shouldRetryField),
                                               *rateLimit.shouldRetry ? u"true"_s : u"false"_s);
        const bool retryable = result.responseClass == ResponseClass::Transient
                               || result.responseClass == ResponseClass::RateLimited;
        if (!*rateLimit.shouldRetry && retryable)
            return make(ResponseClass::Permanent, false, advice);
        if (*rateLimit.shouldRetry && result.responseClass == ResponseClass::Permanent)
            return make(ResponseClass::Transient, false, advice);
    }
    return result;
}

} // namespace wb::core
