// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/cronsyntaxerror.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <tl/expected.hpp>

namespace wb::core {

// A parsed five-field cron expression: the Vixie cron dialect of crontab(5) (cronie's man page,
// https://man7.org/linux/man-pages/man5/crontab.5.html), which is what schedules are written in.
//
//   minute 0–59 · hour 0–23 · day-of-month 1–31 · month 1–12 or JAN–DEC · day-of-week 0–7 or
//   SUN–SAT (0 and 7 are Sunday)
//
// Each field is a comma-separated list of items; an item is `*`, a value, a range `a-b`, and any of
// those followed by a step `/n` ("*/15", "1-30/7"). `a/n` alone means `a-<max>/n` (as cronie and
// the npm package cron-parser read it). Names are three letters, any case, and may start or end a
// range ("MON-FRI"); "5-7" in day-of-week is Friday to Sunday. Ranges never wrap ("FRI-MON" is an
// error). Fields are separated by blanks (spaces or tabs).
//
// Macros (any case): @yearly and @annually = "0 0 1 1 *", @monthly = "0 0 1 * *",
// @weekly = "0 0 * * 0", @daily and @midnight = "0 0 * * *", @hourly = "0 * * * *".
//
// Not supported, rejected with `cron.unsupported` or `cron.field_count`: a seconds field, a year
// field, `L`, `W`, `#`, `?`, `H`, @reboot.
//
// Day rule (Vixie cron, cron.c find_jobs; crontab(5) "Note: The day of a command's execution can be
// specified in the following two fields"): when both day-of-month and day-of-week are restricted, a
// day matches if EITHER matches; otherwise both must match. As in Vixie cron's entry.c, a field is
// unrestricted when its text starts with `*` — so "*/2" is unrestricted ("0 0 */2 * MON" runs on
// odd-numbered days that are Mondays). cron-parser differs here: it treats only a bare `*` as
// unrestricted (see tests/core/schedule/tst_cronoracle.cpp, rows "dom-star-step-with-dow" and
// "dow-star-step-with-dom").
//
// An expression whose restricted day-of-month never occurs in its months ("0 0 30 2 *",
// "0 0 31 4,6,9,11 *") is rejected with `cron.never_fires`; "0 0 29 2 *" is valid (leap years).
//
// A value type; cheap to copy; safe to share between threads once built.
class CronExpression
{
public:
    // Never fires (all fields empty); isValid() is false. Use parse().
    CronExpression() = default;

    // Parses `text` (surrounding blanks are ignored). On error, says which field, where and why.
    static tl::expected<CronExpression, CronSyntaxError> parse(QStringView text);

    bool isValid() const { return m_months != 0; }

    // The expression as given, without surrounding blanks ("@daily", "*/5 9-17 * * MON-FRI").
    QString text() const { return m_text; }
    // The five fields as written, or a macro's expansion ("0 0 * * *" for "@daily").
    QString fiveFieldText() const { return m_fieldTexts.join(u' '); }
    QStringList fieldTexts() const { return m_fieldTexts; }

    // The values a field selects, ascending. Day-of-week uses 0–6 (Sunday is 0, never 7).
    QList<int> values(CronField field) const;
    bool contains(CronField field, int value) const;

    // False when the field's text starts with `*` (see the day rule above).
    bool isDayOfMonthRestricted() const { return !m_dayOfMonthStar; }
    bool isDayOfWeekRestricted() const { return !m_dayOfWeekStar; }

    // Whether the expression may fire on `date` (month, then the day rule). Calendar only: no time
    // zone is involved.
    bool matchesDay(const QDate &date) const;

    bool operator==(const CronExpression &other) const = default;

private:
    friend class CronParser;
    friend class CronSearch;

    quint64 bitsOf(CronField field) const;

    QString m_text;
    QStringList m_fieldTexts;
    quint64 m_minutes = 0;     // bit n: minute n (0–59)
    quint32 m_hours = 0;       // bit n: hour n (0–23)
    quint32 m_daysOfMonth = 0; // bit n: day n (1–31)
    quint16 m_months = 0;      // bit n: month n (1–12)
    quint8 m_daysOfWeek = 0;   // bit n: weekday n (0 = Sunday … 6 = Saturday)
    bool m_dayOfMonthStar = false;
    bool m_dayOfWeekStar = false;
};

} // namespace wb::core
