// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QtGlobal>

namespace wb::core {

// The source of wall-clock time for everything in the core (expiry, retries, schedules, signature
// tolerance), passed in so tests can drive time. All values are UTC.
//
// Thread: implementations must be safe to call from any thread.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since 1970-01-01T00:00:00Z.
    virtual qint64 nowMs() const = 0;
    // The same instant as a QDateTime in UTC.
    QDateTime nowUtc() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

// The real clock (QDateTime::currentMSecsSinceEpoch).
class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    // A process-wide instance for wiring in main(); never reached for from inside the core.
    static SystemClock *instance();
};

// A clock that only moves when told to. For tests.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0)
        : m_nowMs(startMs)
    {}
    qint64 nowMs() const override { return m_nowMs.loadRelaxed(); }
    void setNowMs(qint64 ms) { m_nowMs.storeRelaxed(ms); }
    void advanceMs(qint64 ms) { m_nowMs.fetchAndAddRelaxed(ms); }

private:
    QAtomicInteger<qint64> m_nowMs;
};

} // namespace wb::core
