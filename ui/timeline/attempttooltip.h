// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/policywhatif.h"
#include "models/timeline/timelineseries.h"

#include <QCoreApplication>

namespace wb::ui {

// The hover texts of the timeline (rich text for QToolTip): an attempt's details (status,
// decision, reason, wait, rate-limit and bucket levels), a wait span's cause and length, a
// simulated attempt. Times are shown in `spec` (Qt::UTC or Qt::LocalTime) and say which.
class AttemptTooltip final
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::AttemptTooltip)

public:
    static QString forMarker(const models::TimelineMarker &marker,
                             const models::AttemptSample &sample, Qt::TimeSpec spec);
    static QString forSpan(const models::TimelineSpan &span, const models::AttemptSample &sample,
                           Qt::TimeSpec spec);
    static QString forWhatIf(const models::WhatIfAttempt &attempt, const QString &presetLabel,
                             Qt::TimeSpec spec);

    // "850 ms", "12.4 s", "2 min 5 s", "1 h 3 min".
    static QString formatDuration(qint64 ms);
    // "14:02:10.123 UTC" or "15:02:10.123 CET".
    static QString formatTime(qint64 ms, Qt::TimeSpec spec);
    // "429", "No response (timeout)".
    static QString statusText(int httpStatus, const QString &transportError);
};

} // namespace wb::ui
