// SPDX-License-Identifier: GPL-3.0-or-later
// Compact builders for attempt samples in the timeline tests.
#pragma once

#include "models/timeline/attemptsample.h"
#include "models/timeline/timelineseries.h"

#include <QMetaType>

namespace wb::test {

using namespace Qt::StringLiterals;

// 2023-11-14T22:13:20Z: every test time is an offset from here.
inline constexpr qint64 t0 = 1'700'000'000'000;

struct SampleBuilder
{
    models::AttemptSample sample;

    SampleBuilder(const QString &delivery, int number, qint64 startOffsetMs, qint64 durationMs,
                  int status)
    {
        sample.connectionId = u"conn-a"_s;
        sample.connectionLabel = u"Acme Corp · Jira"_s;
        sample.tenantId = u"tenant-acme"_s;
        sample.tenantLabel = u"Acme Corp"_s;
        sample.deliveryId = delivery;
        sample.attemptNumber = number;
        sample.startedMs = t0 + startOffsetMs;
        sample.finishedMs = sample.startedMs + durationMs;
        sample.httpStatus = status;
        sample.decision = status >= 200 && status < 300 ? models::AttemptDecision::Succeeded
                                                        : models::AttemptDecision::Failed;
    }
    SampleBuilder &decide(models::AttemptDecision decision, qint64 waitMs = 0,
                          models::WaitCause cause = models::WaitCause::None)
    {
        sample.decision = decision;
        sample.waitMs = waitMs;
        sample.waitCause = cause;
        return *this;
    }
    SampleBuilder &connection(const QString &id, const QString &label)
    {
        sample.connectionId = id;
        sample.connectionLabel = label;
        return *this;
    }
    SampleBuilder &tenant(const QString &id, const QString &label)
    {
        sample.tenantId = id;
        sample.tenantLabel = label;
        return *this;
    }
    SampleBuilder &transport(const QString &error)
    {
        sample.httpStatus = 0;
        sample.transportError = error;
        return *this;
    }
    SampleBuilder &retryAfter(const QByteArray &value)
    {
        sample.retryAfter = value;
        return *this;
    }
    SampleBuilder &levels(int remaining, int limit, double bucket, int queue)
    {
        sample.rateLimitRemaining = remaining;
        sample.rateLimitLimit = limit;
        sample.bucketLevel = bucket;
        sample.queueDepth = queue;
        return *this;
    }
    operator models::AttemptSample() const { return sample; }
};

// A span as the tests state it: kind, start and length relative to t0, open or not.
struct ExpectedSpan
{
    models::SpanKind kind = models::SpanKind::Backoff;
    qint64 fromOffsetMs = 0;
    qint64 durationMs = 0;
    bool open = false;

    bool operator==(const ExpectedSpan &other) const = default;
};

inline ExpectedSpan expectedFrom(const models::TimelineSpan &span)
{
    return {span.kind, span.fromMs - t0, span.durationMs(), span.open};
}

inline char *toString(const ExpectedSpan &span)
{
    const QByteArray text = QByteArray::number(int(span.kind)) + " from +"
                            + QByteArray::number(span.fromOffsetMs) + " ms for "
                            + QByteArray::number(span.durationMs) + " ms"
                            + (span.open ? " (open)" : "");
    return qstrdup(text.constData());
}

} // namespace wb::test

Q_DECLARE_METATYPE(wb::models::AttemptSample)
Q_DECLARE_METATYPE(wb::test::ExpectedSpan)
