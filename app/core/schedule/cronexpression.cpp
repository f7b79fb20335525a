// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/cronexpression.h"

namespace wb::core {

namespace {

struct FieldRange
{
    int first;
    int last;
};

FieldRange rangeOf(CronField field)
{
    switch (field) {
    case CronField::Minute:
        return {0, 59};
    case CronField::Hour:
        return {0, 23};
    case CronField::DayOfMonth:
        return {1, 31};
    case CronField::Month:
        return {1, 12};
    case CronField::DayOfWeek:
        return {0, 6};
    }
    return {0, -1};
}

} // namespace

quint64 CronExpression::bitsOf(CronField field) const
{
    switch (field) {
    case CronField::Minute:
        return m_minutes;
    case CronField::Hour:
        return m_hours;
    case CronField::DayOfMonth:
        return m_daysOfMonth;
    case CronField::Month:
        return m_months;
    case CronField::DayOfWeek:
        return m_daysOfWeek;
    }
    return 0;
}

QList<int> CronExpression::values(CronField field) const
{
    const FieldRange range = rangeOf(field);
    const quint64 bits = bitsOf(field);
    QList<int> result;
    for (int value = range.first; value <= range.last; ++value) {
        if (bits & (quint64(1) << value))
            result.append(value);
    }
    return result;
}

bool CronExpression::contains(CronField field, int value) const
{
    const FieldRange range = rangeOf(field);
    return value >= range.first && value <= range.last && (bitsOf(field) & (quint64(1) << value));
}

bool CronExpression::matchesDay(const QDate &date) const
{
    if (!(m_months & (1u << date.month())))
        return false;
    const bool dayOfMonth = m_daysOfMonth & (1u << date.day());
    const bool dayOfWeek = m_daysOfWeek & (1u << (date.dayOfWeek() % 7));
    // Vixie cron, cron.c find_jobs(): AND when either field is starred, OR when both are restricted.
    if (m_dayOfMonthStar || m_dayOfWeekStar)
        return dayOfMonth && dayOfWeek;
    return dayOfMonth || dayOfWeek;
}

} // namespace wb::core
