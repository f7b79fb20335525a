// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/runkey.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace wb::core {

QString RunKey::toString() const
{
    return u"schedule %1 at %2"_s.arg(scheduleId)
            .arg(QDateTime::fromMSecsSinceEpoch(scheduledMs, Qt::UTC).toString(Qt::ISODateWithMs));
}

} // namespace wb::core
