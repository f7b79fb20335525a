// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QString>

#include <optional>

namespace wb::core {

// The five fields of a cron expression, in the order they are written.
enum class CronField { Minute, Hour, DayOfMonth, Month, DayOfWeek };

// The field's name as users read it in crontab(5): "minute", "hour", "day-of-month", "month",
// "day-of-week". Stable English (used in error messages and CLI JSON).
QString cronFieldName(CronField field);

// Why a cron expression was rejected, pointing at the place in the text.
//
// Stable codes (tests, CLI JSON and the GUI match on them):
//   cron.empty             the expression is empty or only blanks
//   cron.field_count       not five fields (`column` points at the first extra field, or just past
//                          the end when fields are missing)
//   cron.unknown_macro     an `@` word other than @yearly, @annually, @monthly, @weekly, @daily,
//                          @midnight, @hourly (@reboot included: a schedule has no boot)
//   cron.empty_item        a list with an empty item ("1,,2", "1,")
//   cron.invalid_value     a token that is neither a number nor, in month/day-of-week, a name
//   cron.unknown_name      a word that is not a name for this field (month: JAN–DEC, day-of-week:
//                          SUN–SAT, three letters, any case)
//   cron.out_of_range      a value outside the field's range
//   cron.reversed_range    a range whose start is after its end ("30-10", "FRI-MON")
//   cron.invalid_step      a step that is missing, not a number, 0 or larger than the field allows
//   cron.unsupported       Quartz/Jenkins extensions this dialect does not have (L, W, #, ?, H)
//   cron.never_fires       a valid-looking day-of-month that no selected month has ("30 2", "31 4")
//
// Positions count UTF-16 code units of the text as given (leading blanks included), from 1.
struct CronSyntaxError
{
    QString code;
    // The field the error is in; empty for errors about the whole expression (empty, field count,
    // macro).
    std::optional<CronField> field;
    // The whole text of that field ("1,32"), or the whole expression when `field` is empty.
    QString fieldText;
    // 1-based column of the offending token in the expression, and its length (at least 1).
    int column = 0;
    int length = 0;
    // The reason alone, for people: "32 is out of range 1–31".
    QString reason;

    // "day-of-month: 32 is out of range 1–31 (field "1,32", column 9)" or, without a field,
    // "expected 5 fields … (column 13)".
    QString message() const;
    // The same as a core Error (code + message()).
    Error toError() const;

    bool operator==(const CronSyntaxError &other) const = default;
};

} // namespace wb::core
