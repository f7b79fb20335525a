// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/tokenbucket.h"

#include <cmath>

namespace wb::core {

namespace {
// Accrual is computed in doubles; this absorbs their rounding so that e.g. 0.5 s at 2/s gives
// exactly one token.
constexpr double kEpsilon = 1e-9;
} // namespace

TokenBucket::TokenBucket(double ratePerSecond, double burst, qint64 nowMs)
    : m_ratePerSecond(ratePerSecond > 0 ? ratePerSecond : 0)
    , m_burst(qMax(1.0, burst))
    , m_tokens(m_burst)
    , m_updatedMs(nowMs)
{}

void TokenBucket::reconfigure(double ratePerSecond, double burst, qint64 nowMs)
{
    refill(nowMs);
    m_ratePerSecond = ratePerSecond > 0 ? ratePerSecond : 0;
    m_burst = qMax(1.0, burst);
    m_tokens = qMin(m_tokens, m_burst);
}

void TokenBucket::refill(qint64 nowMs)
{
    m_tokens = level(nowMs);
    m_updatedMs = qMax(m_updatedMs, nowMs);
}

double TokenBucket::level(qint64 nowMs) const
{
    if (!isLimited())
        return m_burst;
    const qint64 elapsed = qMax<qint64>(0, nowMs - m_updatedMs);
    return qMin(m_burst, m_tokens + double(elapsed) * m_ratePerSecond / 1000.0);
}

bool TokenBucket::tryTake(qint64 nowMs, double tokens)
{
    if (isPaused(nowMs))
        return false;
    if (!isLimited())
        return true;
    refill(nowMs);
    if (m_tokens + kEpsilon < tokens)
        return false;
    m_tokens = qMax(0.0, m_tokens - tokens);
    return true;
}

qint64 TokenBucket::availableAtMs(qint64 nowMs, double tokens) const
{
    const qint64 from = qMax(nowMs, m_pausedUntilMs);
    if (!isLimited())
        return from;
    const double missing = tokens - level(from);
    if (missing <= kEpsilon)
        return from;
    return from + qint64(std::ceil(missing * 1000.0 / m_ratePerSecond - kEpsilon));
}

void TokenBucket::pauseUntil(qint64 untilMs)
{
    m_pausedUntilMs = qMax(m_pausedUntilMs, untilMs);
}

} // namespace wb::core
