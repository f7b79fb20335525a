// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QString>

#include <compare>

namespace wb::core {

// What identifies a run: the schedule and the instant it was scheduled for. The runs table is
// unique on this pair, so a run is recorded at most once however often the scheduler restarts and
// reconsiders the same firing (deduplication), and a run started late keeps the key of the slot it
// stands for.
struct RunKey
{
    qint64 scheduleId = 0;
    // The firing's instant (CronFiring::instantMs), UTC milliseconds since the epoch — not when
    // the run actually started.
    qint64 scheduledMs = 0;

    // "schedule 7 at 2024-03-10T07:00:00Z", for logs and messages.
    QString toString() const;

    bool operator==(const RunKey &other) const = default;
    auto operator<=>(const RunKey &other) const = default;
};

inline size_t qHash(const RunKey &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.scheduleId, key.scheduledMs);
}

} // namespace wb::core
