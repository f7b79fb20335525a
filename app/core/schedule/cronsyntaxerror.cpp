// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/cronsyntaxerror.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

QString cronFieldName(CronField field)
{
    switch (field) {
    case CronField::Minute:
        return u"minute"_s;
    case CronField::Hour:
        return u"hour"_s;
    case CronField::DayOfMonth:
        return u"day-of-month"_s;
    case CronField::Month:
        return u"month"_s;
    case CronField::DayOfWeek:
        return u"day-of-week"_s;
    }
    return {};
}

QString CronSyntaxError::message() const
{
    if (!field) {
        return QCoreApplication::translate("wb::core::CronExpression", "%1 (column %2)")
                .arg(reason)
                .arg(column);
    }
    return QCoreApplication::translate("wb::core::CronExpression",
                                       "%1: %2 (field \"%3\", column %4)")
            .arg(cronFieldName(*field), reason, fieldText)
            .arg(column);
}

Error CronSyntaxError::toError() const
{
    return Error{code, message()};
}

} // namespace wb::core
