// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace wb::core {

// A token bucket: tokens accrue at `ratePerSecond` up to `burst`; each request takes one. It can
// also be paused until an instant (a provider said "remaining 0 until the reset", or answered
// 429): takes are refused while paused, and tokens keep accruing meanwhile.
//
// Pure and clock-driven: every call takes "now" (UTC ms) from the caller, so tests drive it with
// plain numbers. A value type with no locking: use it from one thread (the dispatcher's), or
// guard it.
class TokenBucket
{
public:
    // An unlimited bucket: every take succeeds (unless paused).
    TokenBucket() = default;
    // Starts full. ratePerSecond <= 0 means unlimited; burst is clamped to at least 1.
    TokenBucket(double ratePerSecond, double burst, qint64 nowMs);

    bool isLimited() const { return m_ratePerSecond > 0; }
    double ratePerSecond() const { return m_ratePerSecond; }
    double burst() const { return m_burst; }

    // Changes rate and burst, keeping the tokens accrued so far (cut to the new burst).
    void reconfigure(double ratePerSecond, double burst, qint64 nowMs);

    // Tokens available at `nowMs` (burst for an unlimited bucket).
    double level(qint64 nowMs) const;
    // Takes `tokens` if they are available and the bucket is not paused at `nowMs`.
    bool tryTake(qint64 nowMs, double tokens = 1.0);
    // The earliest instant >= nowMs at which tryTake(…, tokens) would succeed: after any pause,
    // and once enough tokens have accrued (rounded up to a whole ms).
    qint64 availableAtMs(qint64 nowMs, double tokens = 1.0) const;

    // Refuses takes until `untilMs` (UTC ms). Only ever extends an existing pause.
    void pauseUntil(qint64 untilMs);
    qint64 pausedUntilMs() const { return m_pausedUntilMs; }
    bool isPaused(qint64 nowMs) const { return nowMs < m_pausedUntilMs; }

private:
    void refill(qint64 nowMs);

    double m_ratePerSecond = 0;
    double m_burst = 1;
    double m_tokens = 1;
    qint64 m_updatedMs = 0;
    qint64 m_pausedUntilMs = 0;
};

} // namespace wb::core
