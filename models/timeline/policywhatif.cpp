// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/policywhatif.h"

#include "models/timeline/timelinemapper.h"

#include <algorithm>

namespace wb::models {

std::optional<WhatIfInput> whatIfInputFor(const TimelineData &data, const QString &deliveryId)
{
    QList<const AttemptSample *> attempts;
    for (const AttemptSample &sample : data.attempts) {
        if (sample.deliveryId == deliveryId)
            attempts.append(&sample);
    }
    if (attempts.isEmpty())
        return std::nullopt;
    std::stable_sort(attempts.begin(), attempts.end(),
                     [](const AttemptSample *a, const AttemptSample *b) {
                         return a->attemptNumber < b->attemptNumber;
                     });
    const bool failed = std::any_of(attempts.cbegin(), attempts.cend(), [](const auto *sample) {
        return classifyOutcome(*sample) != OutcomeClass::Success;
    });
    if (!failed)
        return std::nullopt;
    WhatIfInput input;
    input.deliveryId = deliveryId;
    input.connectionId = attempts.constFirst()->connectionId;
    input.firstStartMs = attempts.constFirst()->startedMs;
    for (const AttemptSample *sample : attempts) {
        input.outcomes.append({qMax<qint64>(0, sample->finishedMs - sample->startedMs),
                               sample->httpStatus, sample->transportError, sample->retryAfter});
    }
    return input;
}

WhatIfSeries mapWhatIf(const QList<WhatIfAttempt> &attempts, int lane, double y)
{
    WhatIfSeries series;
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        const WhatIfAttempt &attempt = attempts.at(i);
        AttemptSample sample;
        sample.httpStatus = attempt.httpStatus;
        sample.transportError = attempt.transportError;
        sample.decision = attempt.decision;
        series.markers.append(
                {attempt.startedMs, attempt.startedMs, y, lane, classifyOutcome(sample), i, 1});
        if (!isRetryDecision(attempt.decision) || attempt.waitMs <= 0)
            continue;
        const bool hasNext = i + 1 < attempts.size();
        const qint64 waitEnd = attempt.finishedMs + attempt.waitMs;
        const qint64 end = hasNext ? qMin(waitEnd, attempts.at(i + 1).startedMs) : waitEnd;
        if (end > attempt.finishedMs) {
            series.spans.append({attempt.finishedMs, end, y, lane,
                                 TimelineMapper::spanKindFor(attempt.waitCause), !hasNext, i, 1});
        }
    }
    return series;
}

} // namespace wb::models
