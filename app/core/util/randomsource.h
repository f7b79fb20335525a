// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMutex>
#include <QRandomGenerator>

namespace wb::core {

// Randomness for jitter and sampling, passed in so tests can fix it. Not for secrets: keys, PKCE
// verifiers and state values come from QRandomGenerator::system() or libsodium directly.
//
// Thread: implementations must be safe to call from any thread.
class RandomSource
{
public:
    virtual ~RandomSource() = default;
    // A value uniformly distributed in [0, 1).
    virtual double uniform() = 0;
};

// QRandomGenerator::global(), seeded by the system.
class SystemRandomSource final : public RandomSource
{
public:
    double uniform() override;
    static SystemRandomSource *instance();
};

// Plays back a fixed sequence (repeating it), for tests that assert exact jittered waits.
class ScriptedRandomSource final : public RandomSource
{
public:
    explicit ScriptedRandomSource(QList<double> values)
        : m_values(std::move(values))
    {}
    double uniform() override;

private:
    QMutex m_mutex;
    QList<double> m_values;
    qsizetype m_next = 0;
};

} // namespace wb::core
