// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/attemptrecordmapping.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {
// How far the recorded wait may exceed the field it came from (scheduling and clock rounding).
constexpr qint64 toleranceMs = 1000;

int clampToInt(qint64 value)
{
    return int(std::clamp<qint64>(value, 0, std::numeric_limits<int>::max()));
}

QString idText(const std::optional<qint64> &id)
{
    return id ? QString::number(*id) : QString();
}
} // namespace

WaitCause waitCauseOf(const core::AttemptRecord &record)
{
    const std::optional<AttemptDecision> decision = decisionFromCode(record.decision);
    if (!decision || !isRetryDecision(*decision) || record.waitMs <= 0)
        return WaitCause::None;
    if (record.retryAfterMs && record.waitMs <= *record.retryAfterMs + toleranceMs)
        return WaitCause::RetryAfter;
    if (record.rateLimitRemaining && *record.rateLimitRemaining <= 0 && record.rateLimitResetAtMs
        && record.endedAtMs + record.waitMs >= *record.rateLimitResetAtMs - toleranceMs) {
        return WaitCause::RateLimitPause;
    }
    return WaitCause::Backoff;
}

AttemptSample sampleFromRecord(const core::AttemptRecord &record,
                               const QHash<qint64, ConnectionLabels> &labels)
{
    AttemptSample sample;
    sample.connectionId = idText(record.connectionId);
    sample.tenantId = idText(record.tenantId);
    if (record.connectionId) {
        const auto found = labels.constFind(*record.connectionId);
        if (found != labels.cend()) {
            sample.connectionLabel = found->connection;
            sample.tenantLabel = found->tenant;
            if (sample.tenantId.isEmpty())
                sample.tenantId = found->tenantId;
        }
    } else {
        sample.connectionLabel = QCoreApplication::translate("wb::models::TimelineSource",
                                                             "(no connection)");
    }
    sample.deliveryId = QString::number(record.deliveryId);
    sample.attemptNumber = record.attemptNumber;
    sample.startedMs = record.startedAtMs;
    sample.finishedMs = qMax(record.startedAtMs, record.endedAtMs);
    sample.httpStatus = record.httpStatus.value_or(0);
    if (sample.httpStatus == 0)
        sample.transportError = record.errorKind.isEmpty() ? u"network"_s : record.errorKind;
    sample.decision = decisionFromCode(record.decision).value_or(AttemptDecision::Failed);
    sample.reason = record.reason;
    sample.waitMs = isRetryDecision(sample.decision) ? qMax<qint64>(0, record.waitMs) : 0;
    sample.waitCause = waitCauseOf(record);
    sample.retryAfter = record.retryAfter;
    sample.rateLimitRemaining = record.rateLimitRemaining ? clampToInt(*record.rateLimitRemaining)
                                                          : -1;
    sample.rateLimitLimit = record.rateLimitLimit ? clampToInt(*record.rateLimitLimit) : -1;
    sample.bucketLevel = record.bucketLevel.value_or(-1);
    sample.queueDepth = record.queueDepth;
    return sample;
}

} // namespace wb::models
