// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connections/durationtext.h"

#include <QCoreApplication>

namespace wb::ui {

namespace {

// lupdate reads the context from the class, so German finds these strings at run time.
class DurationText
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::DurationText)
};

QString twoDigits(qint64 value)
{
    return QString::number(value).rightJustified(2, u'0');
}

} // namespace

QString countdownText(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms) / 1000;
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return DurationText::tr("%1 d %2 h").arg(days).arg(hours % 24);
    if (hours > 0)
        return DurationText::tr("%1 h %2 min").arg(hours).arg(twoDigits(minutes % 60));
    if (minutes > 0)
        return DurationText::tr("%1 min %2 s").arg(minutes).arg(twoDigits(seconds % 60));
    return DurationText::tr("%1 s").arg(seconds);
}

QString relativeText(qint64 atMs, qint64 nowMs)
{
    return atMs >= nowMs ? DurationText::tr("in %1").arg(countdownText(atMs - nowMs))
                         : DurationText::tr("%1 ago").arg(countdownText(nowMs - atMs));
}

} // namespace wb::ui
