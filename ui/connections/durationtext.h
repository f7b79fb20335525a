// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace wb::ui {

// A countdown for people: "2 days 3 h", "1 h 05 min", "4 min 09 s", "35 s"; `ms` is milliseconds
// (negative values count as 0). Seconds are shown only under an hour, so the text changes at
// most once a second and stays short.
QString countdownText(qint64 ms);

// "in 4 min 09 s" for a time ahead of `nowMs`, "4 min 09 s ago" for one behind it (UTC ms).
QString relativeText(qint64 atMs, qint64 nowMs);

} // namespace wb::ui
