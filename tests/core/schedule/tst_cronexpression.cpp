// SPDX-License-Identifier: GPL-3.0-or-later
// CronExpression::parse: what each field selects, and where and why a bad expression is rejected.
#include "core/schedule/cronexpression.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

Q_DECLARE_METATYPE(wb::core::CronField)

namespace {

QList<int> range(int first, int last, int step = 1)
{
    QList<int> values;
    for (int value = first; value <= last; value += step)
        values.append(value);
    return values;
}

} // namespace

class TestCronExpression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldValues_data();
    void fieldValues();
    void macros_data();
    void macros();
    void dayRule_data();
    void dayRule();
    void rejects_data();
    void rejects();
    void messagePointsAtField();
    void defaultConstructedNeverMatches();
};

void TestCronExpression::fieldValues_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<CronField>("field");
    QTest::addColumn<QList<int>>("values");

    QTest::newRow("star-minute") << u"* * * * *"_s << CronField::Minute << range(0, 59);
    QTest::newRow("star-day-of-week-is-0-to-6")
            << u"* * * * *"_s << CronField::DayOfWeek << range(0, 6);
    QTest::newRow("single-value") << u"7 * * * *"_s << CronField::Minute << QList<int>{7};
    QTest::newRow("leading-zero") << u"07 * * * *"_s << CronField::Minute << QList<int>{7};
    QTest::newRow("range") << u"* 9-17 * * *"_s << CronField::Hour << range(9, 17);
    QTest::newRow("list") << u"0,15,30,45 * * * *"_s << CronField::Minute
                          << QList<int>{0, 15, 30, 45};
    QTest::newRow("list-unsorted-overlapping")
            << u"50,5,10-12,11 * * * *"_s << CronField::Minute << QList<int>{5, 10, 11, 12, 50};
    QTest::newRow("star-step") << u"*/5 * * * *"_s << CronField::Minute << range(0, 55, 5);
    QTest::newRow("range-step") << u"* * 1-30/7 * *"_s << CronField::DayOfMonth
                                << QList<int>{1, 8, 15, 22, 29};
    QTest::newRow("value-step-runs-to-max")
            << u"5/20 * * * *"_s << CronField::Minute << QList<int>{5, 25, 45};
    QTest::newRow("hour-star-step")
            << u"* */6 * * *"_s << CronField::Hour << QList<int>{0, 6, 12, 18};
    QTest::newRow("step-larger-than-range-keeps-first")
            << u"* 1-5/10 * * *"_s << CronField::Hour << QList<int>{1};
    QTest::newRow("day-of-month-star-step")
            << u"* * */10 * *"_s << CronField::DayOfMonth << QList<int>{1, 11, 21, 31};
    QTest::newRow("month-names") << u"* * * JAN,jul,Dec *"_s << CronField::Month
                                 << QList<int>{1, 7, 12};
    QTest::newRow("month-name-range-step")
            << u"* * * jan-dec/3 *"_s << CronField::Month << QList<int>{1, 4, 7, 10};
    QTest::newRow("month-mixed-name-and-number")
            << u"* * * 2-APR *"_s << CronField::Month << QList<int>{2, 3, 4};
    QTest::newRow("weekday-names") << u"* * * * MON-FRI"_s << CronField::DayOfWeek << range(1, 5);
    QTest::newRow("weekday-names-any-case")
            << u"* * * * sun,Wed,sAT"_s << CronField::DayOfWeek << QList<int>{0, 3, 6};
    QTest::newRow("seven-is-sunday") << u"* * * * 7"_s << CronField::DayOfWeek << QList<int>{0};
    QTest::newRow("range-to-seven")
            << u"* * * * 5-7"_s << CronField::DayOfWeek << QList<int>{0, 5, 6};
    QTest::newRow("zero-to-seven-step")
            << u"* * * * 0-7/3"_s << CronField::DayOfWeek << QList<int>{0, 3, 6};
    QTest::newRow("weekday-value-step-reaches-seven")
            << u"* * * * 1/2"_s << CronField::DayOfWeek << QList<int>{0, 1, 3, 5};
    QTest::newRow("name-step") << u"* * * * sun-sat/2"_s << CronField::DayOfWeek
                               << QList<int>{0, 2, 4, 6};
    QTest::newRow("tabs-and-spaces") << u"\t5   4\t* *  *  "_s << CronField::Hour << QList<int>{4};
}

void TestCronExpression::fieldValues()
{
    QFETCH(QString, expression);
    QFETCH(CronField, field);
    QFETCH(QList<int>, values);
    const auto parsed = CronExpression::parse(expression);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
    QVERIFY(parsed->isValid());
    QCOMPARE(parsed->values(field), values);
    for (int value : values)
        QVERIFY(parsed->contains(field, value));
    QCOMPARE(parsed->text(), expression.trimmed());
}

void TestCronExpression::macros_data()
{
    QTest::addColumn<QString>("macro");
    QTest::addColumn<QString>("fiveFields");

    QTest::newRow("yearly") << u"@yearly"_s << u"0 0 1 1 *"_s;
    QTest::newRow("annually") << u"@annually"_s << u"0 0 1 1 *"_s;
    QTest::newRow("monthly") << u"@monthly"_s << u"0 0 1 * *"_s;
    QTest::newRow("weekly") << u"@weekly"_s << u"0 0 * * 0"_s;
    QTest::newRow("daily") << u"@daily"_s << u"0 0 * * *"_s;
    QTest::newRow("midnight") << u"@midnight"_s << u"0 0 * * *"_s;
    QTest::newRow("hourly") << u"@hourly"_s << u"0 * * * *"_s;
    QTest::newRow("upper-case") << u"@DAILY"_s << u"0 0 * * *"_s;
    QTest::newRow("surrounded-by-blanks") << u"  @Hourly "_s << u"0 * * * *"_s;
}

void TestCronExpression::macros()
{
    QFETCH(QString, macro);
    QFETCH(QString, fiveFields);
    const auto parsed = CronExpression::parse(macro);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
    const auto expanded = CronExpression::parse(fiveFields);
    QVERIFY(expanded);
    QCOMPARE(parsed->text(), macro.trimmed());
    QCOMPARE(parsed->fiveFieldText(), fiveFields);
    for (CronField field : {CronField::Minute, CronField::Hour, CronField::DayOfMonth,
                            CronField::Month, CronField::DayOfWeek})
        QCOMPARE(parsed->values(field), expanded->values(field));
    QCOMPARE(parsed->isDayOfMonthRestricted(), expanded->isDayOfMonthRestricted());
    QCOMPARE(parsed->isDayOfWeekRestricted(), expanded->isDayOfWeekRestricted());
}

void TestCronExpression::dayRule_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("matches");

    // 2024-09-13 is a Friday; 2024-09-20 a Friday; 2024-09-14 a Saturday.
    QTest::newRow("or-dom-matches") << u"0 0 13 * 5"_s << QDate(2024, 9, 13) << true;
    QTest::newRow("or-dow-matches-other-day") << u"0 0 13 * 5"_s << QDate(2024, 9, 20) << true;
    QTest::newRow("or-neither") << u"0 0 13 * 5"_s << QDate(2024, 9, 14) << false;
    QTest::newRow("dom-only-dow-star") << u"0 0 13 * *"_s << QDate(2024, 9, 20) << false;
    QTest::newRow("dow-only-dom-star") << u"0 0 * * 5"_s << QDate(2024, 9, 13) << true;
    QTest::newRow("dow-only-dom-star-not-friday") << u"0 0 * * 5"_s << QDate(2024, 9, 14) << false;
    // Vixie cron: a field starting with '*' is unrestricted, so both must match (AND).
    QTest::newRow("dom-star-step-is-and-match") << u"0 0 */2 * 1"_s << QDate(2024, 1, 15) << true;
    QTest::newRow("dom-star-step-is-and-odd-not-monday")
            << u"0 0 */2 * 1"_s << QDate(2024, 1, 3) << false;
    QTest::newRow("dom-star-step-is-and-monday-even")
            << u"0 0 */2 * 1"_s << QDate(2024, 1, 8) << false;
    QTest::newRow("full-range-is-restricted-or") << u"0 0 1-31 * 1"_s << QDate(2024, 1, 2) << true;
    QTest::newRow("month-excludes") << u"0 0 13 2 5"_s << QDate(2024, 9, 13) << false;
    QTest::newRow("leap-day") << u"0 0 29 2 *"_s << QDate(2024, 2, 29) << true;
}

void TestCronExpression::dayRule()
{
    QFETCH(QString, expression);
    QFETCH(QDate, date);
    QFETCH(bool, matches);
    const auto parsed = CronExpression::parse(expression);
    QVERIFY(parsed);
    QCOMPARE(parsed->matchesDay(date), matches);
}

void TestCronExpression::rejects_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("field"); // -1: the whole expression
    QTest::addColumn<QString>("fieldText");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("reason");

    const int none = -1;
    const int minute = int(CronField::Minute);
    const int hour = int(CronField::Hour);
    const int dom = int(CronField::DayOfMonth);
    const int month = int(CronField::Month);
    const int dow = int(CronField::DayOfWeek);

    QTest::newRow("empty") << u""_s << u"cron.empty"_s << none << u""_s << 1 << 1
                           << u"the expression is empty"_s;
    QTest::newRow("blank") << u"   "_s << u"cron.empty"_s << none << u""_s << 1 << 3
                           << u"the expression is empty"_s;
    QTest::newRow("too-few-fields")
            << u"0 0 * *"_s << u"cron.field_count"_s << none << u"0 0 * *"_s << 8 << 1
            << u"expected 5 fields (minute hour day-of-month month day-of-week), found 4"_s;
    QTest::newRow("seconds-field")
            << u"0 0 0 * * *"_s << u"cron.field_count"_s << none << u"0 0 0 * * *"_s << 11 << 1
            << u"expected 5 fields (minute hour day-of-month month day-of-week), found 6; "
               u"seconds and year fields are not supported"_s;
    QTest::newRow("unknown-macro")
            << u"@fortnightly"_s << u"cron.unknown_macro"_s << none << u"@fortnightly"_s << 1 << 12
            << u"unknown macro @fortnightly (use @yearly, @annually, @monthly, @weekly, @daily, "
               u"@midnight or @hourly)"_s;
    QTest::newRow("reboot-macro")
            << u"@reboot"_s << u"cron.unknown_macro"_s << none << u"@reboot"_s << 1 << 7
            << u"@reboot is not supported: a schedule has no start-up to run at"_s;
    QTest::newRow("macro-with-fields")
            << u"@daily 5"_s << u"cron.field_count"_s << none << u"@daily 5"_s << 8 << 1
            << u"@daily stands alone: remove the fields after it"_s;
    QTest::newRow("minute-out-of-range") << u"60 * * * *"_s << u"cron.out_of_range"_s << minute
                                         << u"60"_s << 1 << 2 << u"60 is out of range 0–59"_s;
    QTest::newRow("hour-out-of-range") << u"0 24 * * *"_s << u"cron.out_of_range"_s << hour
                                       << u"24"_s << 3 << 2 << u"24 is out of range 0–23"_s;
    QTest::newRow("day-of-month-32") << u"0 0 32 * *"_s << u"cron.out_of_range"_s << dom << u"32"_s
                                     << 5 << 2 << u"32 is out of range 1–31"_s;
    QTest::newRow("day-of-month-0") << u"0 0 0 * *"_s << u"cron.out_of_range"_s << dom << u"0"_s
                                    << 5 << 1 << u"0 is out of range 1–31"_s;
    QTest::newRow("day-of-month-32-in-list") << u"0 0 1,32 * *"_s << u"cron.out_of_range"_s << dom
                                             << u"1,32"_s << 7 << 2 << u"32 is out of range 1–31"_s;
    QTest::newRow("month-13") << u"0 0 1 13 *"_s << u"cron.out_of_range"_s << month << u"13"_s << 7
                              << 2 << u"13 is out of range 1–12"_s;
    QTest::newRow("day-of-week-8") << u"0 0 * * 8"_s << u"cron.out_of_range"_s << dow << u"8"_s << 9
                                   << 1 << u"8 is out of range 0–7"_s;
    QTest::newRow("range-end-out-of-range") << u"0 9-25 * * *"_s << u"cron.out_of_range"_s << hour
                                            << u"9-25"_s << 5 << 2 << u"25 is out of range 0–23"_s;
    QTest::newRow("huge-number") << u"99999999999 * * * *"_s << u"cron.out_of_range"_s << minute
                                 << u"99999999999"_s << 1 << 11
                                 << u"99999999999 is out of range 0–59"_s;
    QTest::newRow("negative-number")
            << u"-5 * * * *"_s << u"cron.invalid_value"_s << minute << u"-5"_s << 1 << 2
            << u"-5 is not a value (negative numbers do not exist here)"_s;
    QTest::newRow("not-a-number") << u"0 x * * *"_s << u"cron.invalid_value"_s << hour << u"x"_s
                                  << 3 << 1 << u"x is not a number (hour takes 0–23)"_s;
    QTest::newRow("name-in-numeric-field")
            << u"0 0 MON * *"_s << u"cron.invalid_value"_s << dom << u"MON"_s << 5 << 3
            << u"MON is not a number (day-of-month takes 1–31)"_s;
    QTest::newRow("digits-and-letters-in-month")
            << u"0 0 1 3x *"_s << u"cron.invalid_value"_s << month << u"3x"_s << 7 << 2
            << u"3x is not a number or a name (month takes 1–12 or JAN–DEC)"_s;
    QTest::newRow("unknown-month-name")
            << u"0 0 1 JANUARY *"_s << u"cron.unknown_name"_s << month << u"JANUARY"_s << 7 << 7
            << u"JANUARY is not a month name (JAN–DEC)"_s;
    QTest::newRow("weekday-name-in-month")
            << u"0 0 1 MON *"_s << u"cron.unknown_name"_s << month << u"MON"_s << 7 << 3
            << u"MON is not a month name (JAN–DEC)"_s;
    QTest::newRow("unknown-day-name")
            << u"0 0 * * MON-FRU"_s << u"cron.unknown_name"_s << dow << u"MON-FRU"_s << 13 << 3
            << u"FRU is not a day name (SUN–SAT)"_s;
    QTest::newRow("reversed-range")
            << u"30-10 * * * *"_s << u"cron.reversed_range"_s << minute << u"30-10"_s << 1 << 5
            << u"the range 30-10 runs backwards (ranges do not wrap around; write two ranges in a "
               u"list)"_s;
    QTest::newRow("reversed-day-range")
            << u"0 0 * * FRI-MON"_s << u"cron.reversed_range"_s << dow << u"FRI-MON"_s << 9 << 7
            << u"the range FRI-MON runs backwards (ranges do not wrap around; write two ranges in "
               u"a list)"_s;
    QTest::newRow("range-without-end") << u"5- * * * *"_s << u"cron.invalid_value"_s << minute
                                       << u"5-"_s << 2 << 1 << u"the range 5- has no end"_s;
    QTest::newRow("double-range") << u"1-2-3 * * * *"_s << u"cron.invalid_value"_s << minute
                                  << u"1-2-3"_s << 1 << 5 << u"1-2-3 is not a range (write a-b)"_s;
    QTest::newRow("step-zero") << u"*/0 * * * *"_s << u"cron.invalid_step"_s << minute << u"*/0"_s
                               << 3 << 1 << u"step 0 is out of range 1–59"_s;
    QTest::newRow("step-too-large") << u"*/70 * * * *"_s << u"cron.invalid_step"_s << minute
                                    << u"*/70"_s << 3 << 2 << u"step 70 is out of range 1–59"_s;
    QTest::newRow("step-missing") << u"0 */ * * *"_s << u"cron.invalid_step"_s << hour << u"*/"_s
                                  << 4 << 1 << u"missing step after /"_s;
    QTest::newRow("step-not-a-number") << u"0 0 1-30/x * *"_s << u"cron.invalid_step"_s << dom
                                       << u"1-30/x"_s << 10 << 1 << u"step x is not a number"_s;
    QTest::newRow("double-step") << u"0 0 1/2/3 * *"_s << u"cron.invalid_step"_s << dom
                                 << u"1/2/3"_s << 7 << 3 << u"step 2/3 is not a number"_s;
    QTest::newRow("step-without-value") << u"/5 * * * *"_s << u"cron.invalid_value"_s << minute
                                        << u"/5"_s << 1 << 1 << u"missing value before /"_s;
    QTest::newRow("empty-list-item") << u"1,,2 * * * *"_s << u"cron.empty_item"_s << minute
                                     << u"1,,2"_s << 3 << 1 << u"empty item in the list"_s;
    QTest::newRow("trailing-comma") << u"0 1, * * *"_s << u"cron.empty_item"_s << hour << u"1,"_s
                                    << 4 << 1 << u"empty item in the list"_s;
    QTest::newRow("leading-comma") << u"0 ,1 * * *"_s << u"cron.empty_item"_s << hour << u",1"_s
                                   << 3 << 1 << u"empty item in the list"_s;
    QTest::newRow("quartz-last-day") << u"0 0 L * *"_s << u"cron.unsupported"_s << dom << u"L"_s
                                     << 5 << 1 << u"L (last day) is not supported"_s;
    QTest::newRow("quartz-last-friday") << u"0 0 * * 5L"_s << u"cron.unsupported"_s << dow
                                        << u"5L"_s << 9 << 2 << u"L (last day) is not supported"_s;
    QTest::newRow("quartz-nearest-weekday")
            << u"0 0 15W * *"_s << u"cron.unsupported"_s << dom << u"15W"_s << 5 << 3
            << u"W (nearest weekday) is not supported"_s;
    QTest::newRow("quartz-nth-weekday")
            << u"0 0 * * 1#2"_s << u"cron.unsupported"_s << dow << u"1#2"_s << 10 << 1
            << u"# (nth weekday of the month) is not supported"_s;
    QTest::newRow("quartz-question-mark") << u"0 0 ? * 1"_s << u"cron.unsupported"_s << dom
                                          << u"?"_s << 5 << 1 << u"? is not supported; write *"_s;
    QTest::newRow("jenkins-hash") << u"H * * * *"_s << u"cron.unsupported"_s << minute << u"H"_s
                                  << 1 << 1 << u"H (hashed value) is not supported"_s;
    QTest::newRow("february-30") << u"0 0 30 2 *"_s << u"cron.never_fires"_s << dom << u"30"_s << 5
                                 << 2 << u"30 never occurs in FEB"_s;
    QTest::newRow("31-in-short-months")
            << u"0 0 31 4,6,9,11 *"_s << u"cron.never_fires"_s << dom << u"31"_s << 5 << 2
            << u"31 never occurs in APR, JUN, SEP, NOV"_s;
    QTest::newRow("never-fires-with-star-step-weekday")
            << u"0 0 30-31 feb */2"_s << u"cron.never_fires"_s << dom << u"30-31"_s << 5 << 5
            << u"30-31 never occurs in FEB"_s;
    QTest::newRow("leading-blanks-count-in-column")
            << u"  0 0 32 * *"_s << u"cron.out_of_range"_s << dom << u"32"_s << 7 << 2
            << u"32 is out of range 1–31"_s;
}

void TestCronExpression::rejects()
{
    QFETCH(QString, expression);
    QFETCH(QString, code);
    QFETCH(int, field);
    QFETCH(QString, fieldText);
    QFETCH(int, column);
    QFETCH(int, length);
    QFETCH(QString, reason);

    const auto parsed = CronExpression::parse(expression);
    QVERIFY2(!parsed, qPrintable(expression));
    const CronSyntaxError &error = parsed.error();
    QCOMPARE(error.code, code);
    QCOMPARE(error.field.has_value(), field >= 0);
    if (field >= 0)
        QCOMPARE(int(*error.field), field);
    QCOMPARE(error.fieldText, fieldText);
    QCOMPARE(error.column, column);
    QCOMPARE(error.length, length);
    QCOMPARE(error.reason, reason);
    // The column and length really cover the offending token.
    if (field >= 0)
        QVERIFY(fieldText.contains(expression.mid(column - 1, length)));
    QCOMPARE(error.toError().code, code);
    QCOMPARE(error.toError().message, error.message());
}

void TestCronExpression::messagePointsAtField()
{
    const auto parsed = CronExpression::parse(u"0 0 1,32 * *");
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().message(),
             u"day-of-month: 32 is out of range 1–31 (field \"1,32\", column 7)"_s);
    const auto wrongCount = CronExpression::parse(u"0 0 * *");
    QVERIFY(!wrongCount);
    QCOMPARE(wrongCount.error().message(),
             u"expected 5 fields (minute hour day-of-month month day-of-week), found 4 "
             u"(column 8)"_s);
}

void TestCronExpression::defaultConstructedNeverMatches()
{
    const CronExpression empty;
    QVERIFY(!empty.isValid());
    QVERIFY(!empty.matchesDay(QDate(2024, 1, 1)));
    QVERIFY(empty.values(CronField::Minute).isEmpty());
}

QTEST_GUILESS_MAIN(TestCronExpression)
#include "tst_cronexpression.moc"
