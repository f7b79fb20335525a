// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/clock.h"

namespace wb::core {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

SystemClock *SystemClock::instance()
{
    static SystemClock clock;
    return &clock;
}

} // namespace wb::core
