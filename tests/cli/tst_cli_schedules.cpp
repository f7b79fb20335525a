// SPDX-License-Identifier: GPL-3.0-or-later
// `wirebench-cli schedules next`, through the real binary: text and JSON output (JSON against
// golden files in tests/fixtures/cli), the field-pointing error on a bad expression, exit codes.
#include "core/schedule/croncalendar.h"

#include "support/clirunner.h"
#include "support/testenv.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliSchedules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void textOutput_data();
    void textOutput();
    void jsonMatchesGoldenFile_data();
    void jsonMatchesGoldenFile();
    void jsonAgreesWithTheCore();
    void defaultsToTenFiringsAfterNow();
    void badExpressionPointsAtTheField();
    void badExpressionAsJson();
    void usageErrors_data();
    void usageErrors();
    void usageErrorAsJson();
    void listedInHelp();

private:
    using Run = wb::test::CliRun;
    Run runCli(const QStringList &arguments);

    QTemporaryDir m_home;
};

void TestCliSchedules::init()
{
    QVERIFY(m_home.isValid());
}

TestCliSchedules::Run TestCliSchedules::runCli(const QStringList &arguments)
{
    return wb::test::runCli(arguments, wb::test::cliEnvironment(m_home.path()));
}

void TestCliSchedules::textOutput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("new-york-spring-shift")
            << QStringList{u"--expr"_s,  u"30 2 * * *"_s, u"--tz"_s,    u"America/New_York"_s,
                           u"--count"_s, u"3"_s,          u"--after"_s, u"2024-03-09T12:00:00Z"_s}
            << u"2024-03-10T07:00:00Z  2024-03-10T03:00:00-04:00  (shifted: the local time was "
               u"skipped by a clock change)\n"
               u"2024-03-11T06:30:00Z  2024-03-11T02:30:00-04:00\n"
               u"2024-03-12T06:30:00Z  2024-03-12T02:30:00-04:00\n"_s;
    QTest::newRow("berlin-fall-repeated-hour")
            << QStringList{u"--expr"_s,  u"0 * * * *"_s, u"--tz"_s,    u"Europe/Berlin"_s,
                           u"--count"_s, u"2"_s,         u"--after"_s, u"2024-10-26T23:30:00Z"_s}
            << u"2024-10-27T00:00:00Z  2024-10-27T02:00:00+02:00  (first of a repeated local "
               u"time; the second does not run)\n"
               u"2024-10-27T02:00:00Z  2024-10-27T03:00:00+01:00\n"_s;
    QTest::newRow("macro-and-offset-in-after")
            << QStringList{u"--expr"_s,  u"@weekly"_s, u"--tz"_s,    u"Asia/Kolkata"_s,
                           u"--count"_s, u"2"_s,       u"--after"_s, u"2024-06-01T12:00:00+05:30"_s}
            << u"2024-06-01T18:30:00Z  2024-06-02T00:00:00+05:30\n"
               u"2024-06-08T18:30:00Z  2024-06-09T00:00:00+05:30\n"_s;
    QTest::newRow("leap-day-and-dom-dow-or")
            << QStringList{u"--expr"_s,  u"0 0 29 feb MON"_s,
                           u"--tz"_s,    u"UTC"_s,
                           u"--count"_s, u"3"_s,
                           u"--after"_s, u"2024-02-20T00:00:00Z"_s}
            << u"2024-02-26T00:00:00Z  2024-02-26T00:00:00+00:00\n"
               u"2024-02-29T00:00:00Z  2024-02-29T00:00:00+00:00\n"
               u"2025-02-03T00:00:00Z  2025-02-03T00:00:00+00:00\n"_s;
}

void TestCliSchedules::textOutput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Run run = runCli(QStringList{u"schedules"_s, u"next"_s} + arguments);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.text(), expected);
    QCOMPARE(run.err, QString());
}

void TestCliSchedules::jsonMatchesGoldenFile_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("golden");

    QTest::newRow("new-york-fall") << QStringList{u"--expr"_s,  u"*/30 * * * *"_s,
                                                  u"--tz"_s,    u"America/New_York"_s,
                                                  u"--count"_s, u"5"_s,
                                                  u"--after"_s, u"2024-11-03T04:50:00Z"_s}
                                   << u"cli/schedules-next-new-york-fall.json"_s;
    QTest::newRow("berlin-spring")
            << QStringList{u"--expr"_s,  u"30 2 * * *"_s, u"--tz"_s,    u"Europe/Berlin"_s,
                           u"--count"_s, u"3"_s,          u"--after"_s, u"2024-03-30T12:00:00Z"_s}
            << u"cli/schedules-next-berlin-spring.json"_s;
}

void TestCliSchedules::jsonMatchesGoldenFile()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, golden);
    const Run run = runCli(QStringList{u"schedules"_s, u"next"_s, u"--json"_s} + arguments);
    QCOMPARE(run.exitCode, 0);
    const QByteArray expected = wb::test::readFixture(golden);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(run.out), QJsonDocument::fromJson(expected));
}

void TestCliSchedules::jsonAgreesWithTheCore()
{
    const QString expression = u"*/20 7-9 * * MON-FRI"_s;
    const QString after = u"2025-03-28T12:00:00Z"_s;
    const Run run = runCli({u"schedules"_s, u"next"_s, u"--json"_s, u"--expr"_s, expression,
                            u"--tz"_s, u"Europe/Berlin"_s, u"--count"_s, u"25"_s, u"--after"_s,
                            after});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray firings
            = QJsonDocument::fromJson(run.out).object().value(u"firings"_s).toArray();
    const auto parsed = wb::core::CronExpression::parse(expression);
    QVERIFY(parsed);
    const QList<wb::core::CronFiring> expected
            = wb::core::CronCalendar(*parsed, QTimeZone("Europe/Berlin"))
                      .next(QDateTime::fromString(after, Qt::ISODate).toMSecsSinceEpoch(), 25);
    QCOMPARE(firings.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QJsonObject firing = firings.at(i).toObject();
        QCOMPARE(QDateTime::fromString(firing[u"utc"_s].toString(), Qt::ISODateWithMs)
                         .toMSecsSinceEpoch(),
                 expected.at(i).instantMs);
        QCOMPARE(QDateTime::fromString(firing[u"local"_s].toString(), Qt::ISODateWithMs)
                         .toMSecsSinceEpoch(),
                 expected.at(i).instantMs);
        QCOMPARE(firing[u"utc_offset_ms"_s].toInteger(),
                 qint64(expected.at(i).utcOffsetSeconds) * 1000);
    }
    // Across Berlin's spring change (2025-03-30): 07:00 was +01:00 on Friday, +02:00 on Monday.
    QCOMPARE(firings.at(0)[u"utc"_s].toString(), u"2025-03-31T05:00:00.000Z"_s);
    QCOMPARE(firings.at(0)[u"local"_s].toString(), u"2025-03-31T07:00:00.000+02:00"_s);
    // Shared CLI convention: one compact JSON document on one line.
    QCOMPARE(run.text().count(u'\n'), 1);
    QVERIFY(run.text().endsWith(u'\n'));
}

void TestCliSchedules::defaultsToTenFiringsAfterNow()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Run run = runCli(
            {u"schedules"_s, u"next"_s, u"--expr"_s, u"* * * * *"_s, u"--tz"_s, u"UTC"_s});
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 10);
    const QDateTime first = QDateTime::fromString(lines.first().section(u' ', 0, 0), Qt::ISODate);
    QVERIFY2(first > before && first <= after.addSecs(60), qPrintable(lines.first()));
    const QDateTime last = QDateTime::fromString(lines.last().section(u' ', 0, 0), Qt::ISODate);
    QCOMPARE(first.secsTo(last), 9 * 60);
}

void TestCliSchedules::badExpressionPointsAtTheField()
{
    const Run run = runCli(
            {u"schedules"_s, u"next"_s, u"--expr"_s, u"0 0 1,32 * *"_s, u"--tz"_s, u"UTC"_s});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.text(), QString());
    QCOMPARE(run.err, u"wirebench-cli schedules next: invalid cron expression \"0 0 1,32 * *\": "
                      u"day-of-month: 32 is out of range 1–31 (field \"1,32\", column 7)\n"_s);
}

void TestCliSchedules::badExpressionAsJson()
{
    const Run run = runCli(
            {u"schedules"_s, u"next"_s, u"--json"_s, u"--expr"_s, u"*/5 * * * MON-FRU"_s});
    QCOMPARE(run.exitCode, 2);
    const QJsonObject error = QJsonDocument::fromJson(run.out).object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"cron.unknown_name"_s);
    QCOMPARE(error.value(u"field"_s).toString(), u"day-of-week"_s);
    QCOMPARE(error.value(u"field_text"_s).toString(), u"MON-FRU"_s);
    QCOMPARE(error.value(u"column"_s).toInt(), 15);
    QCOMPARE(error.value(u"length"_s).toInt(), 3);
    QCOMPARE(error.value(u"reason"_s).toString(), u"FRU is not a day name (SUN–SAT)"_s);
    QCOMPARE(error.value(u"message"_s).toString(),
             u"invalid cron expression \"*/5 * * * MON-FRU\": day-of-week: FRU is not a day name "
             u"(SUN–SAT) (field \"MON-FRU\", column 15)"_s);
    QCOMPARE(run.err,
             u"wirebench-cli schedules next: "_s + error.value(u"message"_s).toString() + u'\n');
}

void TestCliSchedules::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errContains");

    QTest::newRow("no-action") << QStringList{}
                               << u"give an action (available: list, add, edit, remove, enable, "
                                  u"disable, run-now, runs, cancel-run, next)"_s;
    QTest::newRow("unknown-action") << QStringList{u"frobnicate"_s}
                                    << u"unknown action 'frobnicate' (available: list, add"_s;
    QTest::newRow("next-with-argument")
            << QStringList{u"next"_s, u"extra"_s, u"--expr"_s, u"@daily"_s}
            << u"expects no argument after 'next', got 1"_s;
    QTest::newRow("missing-expr") << QStringList{u"next"_s} << u"--expr is required"_s;
    QTest::newRow("field-count") << QStringList{u"next"_s, u"--expr"_s, u"0 0 * *"_s}
                                 << u"expected 5 fields"_s;
    QTest::newRow("unknown-zone") << QStringList{u"next"_s, u"--expr"_s, u"@daily"_s, u"--tz"_s,
                                                 u"Mars/Olympus"_s}
                                  << u"unknown time zone \"Mars/Olympus\""_s;
    QTest::newRow("posix-word-is-not-a-zone")
            << QStringList{u"next"_s, u"--expr"_s, u"@daily"_s, u"--tz"_s, u"CEST"_s}
            << u"unknown time zone \"CEST\""_s;
    QTest::newRow("count-zero") << QStringList{u"next"_s, u"--expr"_s, u"@daily"_s, u"--count"_s,
                                               u"0"_s}
                                << u"--count expects a whole number from 1 to 1000, got '0'"_s;
    QTest::newRow("count-too-large")
            << QStringList{u"next"_s, u"--expr"_s, u"@daily"_s, u"--count"_s, u"1001"_s}
            << u"got '1001'"_s;
    QTest::newRow("count-not-a-number")
            << QStringList{u"next"_s, u"--expr"_s, u"@daily"_s, u"--count"_s, u"ten"_s}
            << u"got 'ten'"_s;
    QTest::newRow("after-not-a-date")
            << QStringList{u"next"_s, u"--expr"_s, u"@daily"_s, u"--after"_s, u"yesterday"_s}
            << u"--after expects an RFC 3339 instant with an offset"_s;
    QTest::newRow("after-without-offset") << QStringList{u"next"_s, u"--expr"_s, u"@daily"_s,
                                                         u"--after"_s, u"2024-03-09T12:00:00"_s}
                                          << u"got '2024-03-09T12:00:00'"_s;
}

void TestCliSchedules::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errContains);
    const Run run = runCli(QStringList{u"schedules"_s} + arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.text(), QString());
    QVERIFY2(run.err.contains(errContains), qPrintable(run.err));
}

void TestCliSchedules::usageErrorAsJson()
{
    const Run run = runCli({u"schedules"_s, u"next"_s, u"--json"_s, u"--expr"_s, u"@daily"_s,
                            u"--tz"_s, u"Mars/Olympus"_s});
    QCOMPARE(run.exitCode, 2);
    const QJsonObject error = QJsonDocument::fromJson(run.out).object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"schedule.unknown_time_zone"_s);
    QCOMPARE(run.err,
             u"wirebench-cli schedules next: "_s + error.value(u"message"_s).toString() + u'\n');
}

void TestCliSchedules::listedInHelp()
{
    const Run help = runCli({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.text().contains(u"schedules"_s), qPrintable(help.text()));
    const Run commandHelp = runCli({u"schedules"_s, u"--help"_s});
    QCOMPARE(commandHelp.exitCode, 0);
    for (const QString &option : {u"--expr"_s, u"--tz"_s, u"--count"_s, u"--after"_s, u"--json"_s})
        QVERIFY2(commandHelp.text().contains(option), qPrintable(commandHelp.text()));
}

QTEST_GUILESS_MAIN(TestCliSchedules)
#include "tst_cli_schedules.moc"
