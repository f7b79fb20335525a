// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/timelinequery.h"
#include "models/timeline/timelineseries.h"

#include <optional>

namespace wb::models {

// "What would this policy do": the input for replaying one delivery's real outcomes through
// another retry policy preset, and the attempts that policy would have made. The replay itself is
// the dispatch engine's (PolicySimulator); these types are what the timeline hands it and draws.

// One real attempt's outcome, as the retry decision sees it.
struct WhatIfOutcome
{
    qint64 durationMs = 0;  // how long the attempt took (finishedMs - startedMs)
    int httpStatus = 0;     // 0 when there was no HTTP response
    QString transportError; // the attempt log's error kind ("timeout", …) when httpStatus is 0
    QByteArray retryAfter;  // the Retry-After field as received (delta-seconds or HTTP-date,
                            // RFC 9110 §10.2.3), empty when absent

    bool operator==(const WhatIfOutcome &other) const = default;
};

struct WhatIfInput
{
    QString deliveryId;
    QString connectionId;
    qint64 firstStartMs = 0;       // the real first attempt's start, UTC ms
    QList<WhatIfOutcome> outcomes; // the real outcomes, in attempt order
    // When the real outcomes run out before the simulated policy gives up, assume the endpoint
    // kept answering like the last real attempt (draws the whole schedule of a dead delivery).
    bool repeatLastOutcome = true;

    bool operator==(const WhatIfInput &other) const = default;
};

// One attempt the simulated policy would have made.
struct WhatIfAttempt
{
    int number = 1;
    qint64 startedMs = 0;  // UTC ms
    qint64 finishedMs = 0; // UTC ms
    int httpStatus = 0;
    QString transportError;
    AttemptDecision decision = AttemptDecision::Failed;
    qint64 waitMs = 0; // the wait chosen after this attempt
    WaitCause waitCause = WaitCause::None;
    QString reason; // the decision's reason (English, from the dispatch engine)
};

// The overlay's markers and spans, on the lane value the view gives (under the real attempts).
struct WhatIfSeries
{
    QList<TimelineMarker> markers;
    QList<TimelineSpan> spans;
};

// The input for `deliveryId` from its attempts in `data`: nullopt when the delivery has no
// attempts there or none of them failed (nothing to compare). Pure.
std::optional<WhatIfInput> whatIfInputFor(const TimelineData &data, const QString &deliveryId);

// Markers (one per simulated attempt, classified like real ones; sampleIndex is the index into
// `attempts`) and wait spans between them, at lane value `y` of lane `lane`. Pure.
WhatIfSeries mapWhatIf(const QList<WhatIfAttempt> &attempts, int lane, double y);

} // namespace wb::models
