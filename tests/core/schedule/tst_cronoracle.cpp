// SPDX-License-Identifier: GPL-3.0-or-later
// Next firings compared with the npm package cron-parser (tests/peers/cron-oracle.mjs), the oracle:
//  - a curated corpus (steps, names, ranges, 7 as Sunday, macros, leap days, the day-of-month /
//    day-of-week OR rule, daily runs across the clock changes of America/New_York and
//    Europe/Berlin) where both must agree exactly;
//  - a generated corpus (fixed seed) of a few hundred expressions × zones × instants;
//  - the documented differences, each asserted on both sides so neither can drift silently:
//     1. daylight saving — a skipped local time: we run once at the shift (first instant after the
//        gap); cron-parser runs it as if the clock had not moved (02:30 → 03:30 EDT), keeps every
//        skipped time of the hour as its own run, and skips a whole skipped day (Pacific/Apia,
//        2011-12-30). A repeated local time: we run once, at the first occurrence; cron-parser
//        runs every minute/hour-pattern time in both passes (only a fixed hour runs once);
//     2. day fields starting with '*' ("*/2"): unrestricted for us (Vixie cron), so both day
//        fields must match; restricted for cron-parser, so either may match;
//     3. what is accepted: cron-parser also takes seconds fields, L, and steps wider than the
//        field ("*/70"); we reject them. We take @midnight, upper-case macros and lists whose
//        items overlap ("7-19,17-20", as crontab(5) does); it does not.
#include "core/schedule/croncalendar.h"

#include "support/nodepeer.h"

#include "cronexpressiongenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

qint64 ms(const char *isoUtc)
{
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODateWithMs);
    Q_ASSERT(at.isValid());
    return at.toMSecsSinceEpoch();
}

struct Case
{
    Case(QString name_, QString expression_, QString zone_, qint64 afterMs_, int count_ = 10,
         QString oracleExpression_ = {})
        : name(std::move(name_))
        , expression(std::move(expression_))
        , zone(std::move(zone_))
        , afterMs(afterMs_)
        , count(count_)
        , oracleExpression(std::move(oracleExpression_))
    {}

    QString name;
    QString expression;
    QString zone;
    qint64 afterMs = 0;
    int count = 10;
    // What cron-parser is given when it spells the same schedule differently (@midnight).
    QString oracleExpression;
};

struct OracleResult
{
    QList<qint64> firings;
    QString error;
};

QList<Case> curatedCorpus()
{
    const qint64 jan2024 = ms("2024-01-01T00:00:00Z");
    const qint64 midMinute = ms("2024-05-17T13:42:17.250Z");
    return {
            {u"every-minute"_s, u"* * * * *"_s, u"UTC"_s, midMinute},
            {u"every-5-minutes"_s, u"*/5 * * * *"_s, u"UTC"_s, midMinute},
            {u"exactly-on-a-firing-is-exclusive"_s, u"*/5 * * * *"_s, u"UTC"_s,
             ms("2024-05-17T13:45:00Z")},
            {u"minute-list"_s, u"0,15,30,45 * * * *"_s, u"Europe/Berlin"_s, midMinute},
            {u"range-with-step-days"_s, u"0 12 1-30/7 * *"_s, u"UTC"_s, jan2024},
            {u"value-with-step"_s, u"5/20 * * * *"_s, u"UTC"_s, midMinute},
            {u"hour-range-step-kolkata"_s, u"30 9-17/2 * * *"_s, u"Asia/Kolkata"_s, midMinute},
            {u"weekdays-by-name-berlin"_s, u"0 9 * * MON-FRI"_s, u"Europe/Berlin"_s, midMinute},
            {u"lower-case-names"_s, u"0 9 * jan,jul mon"_s, u"UTC"_s, jan2024},
            {u"sunday-as-7"_s, u"0 0 * * 7"_s, u"UTC"_s, jan2024},
            {u"range-to-7"_s, u"0 0 * * 5-7"_s, u"UTC"_s, jan2024},
            {u"weekday-names-with-step"_s, u"0 0 * * sun-sat/2"_s, u"UTC"_s, jan2024},
            {u"weekday-value-with-step"_s, u"0 0 * * 1/2"_s, u"UTC"_s, jan2024},
            {u"month-names-with-step"_s, u"0 0 1 jan-dec/3 *"_s, u"UTC"_s, jan2024},
            {u"day-31-only-long-months"_s, u"0 0 31 * *"_s, u"UTC"_s, jan2024},
            {u"leap-day"_s, u"0 0 29 2 *"_s, u"UTC"_s, ms("2023-01-01T00:00:00Z"), 4},
            {u"leap-day-skips-2100"_s, u"0 0 29 2 *"_s, u"UTC"_s, ms("2095-03-01T00:00:00Z"), 3},
            {u"leap-day-berlin"_s, u"30 6 29 2 *"_s, u"Europe/Berlin"_s, jan2024, 3},
            {u"leap-day-or-mondays"_s, u"0 0 29 2 1"_s, u"UTC"_s, jan2024},
            {u"dom-dow-or-friday-13th"_s, u"0 0 13 * 5"_s, u"UTC"_s, jan2024},
            {u"dom-dow-or-new-york"_s, u"0 8 1,15 * MON"_s, u"America/New_York"_s, jan2024},
            {u"dom-dow-or-ranges"_s, u"0 0 1-7 * 1"_s, u"UTC"_s, jan2024},
            {u"dom-full-range-is-restricted"_s, u"0 0 1-31 * 1"_s, u"UTC"_s, jan2024},
            {u"dom-only"_s, u"0 0 15 * *"_s, u"UTC"_s, jan2024},
            {u"dow-only"_s, u"0 0 * * 3"_s, u"UTC"_s, jan2024},
            {u"dom-star-step-dow-star"_s, u"0 0 */2 * *"_s, u"UTC"_s, jan2024},
            {u"yearly"_s, u"@yearly"_s, u"UTC"_s, jan2024, 3},
            {u"annually-berlin"_s, u"@annually"_s, u"Europe/Berlin"_s, jan2024, 3},
            {u"monthly"_s, u"@monthly"_s, u"America/New_York"_s, jan2024},
            {u"weekly"_s, u"@weekly"_s, u"UTC"_s, jan2024},
            {u"daily-new-york"_s, u"@daily"_s, u"America/New_York"_s, ms("2024-03-05T00:00:00Z")},
            {u"midnight-is-daily"_s, u"@midnight"_s, u"Europe/Berlin"_s, ms("2024-10-20T00:00:00Z"),
             10, u"0 0 * * *"_s},
            {u"upper-case-macro"_s, u"@HOURLY"_s, u"UTC"_s, midMinute, 10, u"@hourly"_s},
            {u"hourly"_s, u"@hourly"_s, u"Asia/Kathmandu"_s, midMinute},
            // Clock changes where the policy and cron-parser agree.
            {u"new-york-noon-across-spring"_s, u"0 12 * * *"_s, u"America/New_York"_s,
             ms("2024-03-05T00:00:00Z")},
            {u"new-york-noon-across-fall"_s, u"0 12 * * *"_s, u"America/New_York"_s,
             ms("2024-10-30T00:00:00Z")},
            {u"new-york-0300-right-after-gap"_s, u"0 3 * * *"_s, u"America/New_York"_s,
             ms("2025-03-05T00:00:00Z")},
            {u"new-york-0130-repeated-first-pass"_s, u"30 1 * * *"_s, u"America/New_York"_s,
             ms("2024-11-01T00:00:00Z")},
            {u"new-york-every-30-across-spring"_s, u"*/30 * * * *"_s, u"America/New_York"_s,
             ms("2024-03-10T06:00:00Z")},
            {u"new-york-after-the-shift"_s, u"*/15 * * * *"_s, u"America/New_York"_s,
             ms("2024-03-10T07:00:00Z")},
            {u"berlin-0230-repeated-first-pass"_s, u"30 2 * * *"_s, u"Europe/Berlin"_s,
             ms("2024-10-25T00:00:00Z")},
            {u"berlin-hourly-across-spring"_s, u"0 * * * *"_s, u"Europe/Berlin"_s,
             ms("2024-03-30T22:30:00Z")},
            {u"berlin-weekdays-across-fall-2025"_s, u"15 7 * * 1-5"_s, u"Europe/Berlin"_s,
             ms("2025-10-20T00:00:00Z")},
            {u"havana-midnight-skipped"_s, u"@daily"_s, u"America/Havana"_s,
             ms("2024-03-08T12:00:00Z"), 4},
            {u"sydney-southern-spring"_s, u"0 9 * * *"_s, u"Australia/Sydney"_s,
             ms("2024-10-01T00:00:00Z")},
    };
}

struct Divergence
{
    QString name;
    QString expression;
    QString zone;
    qint64 afterMs = 0;
    QString ours;       // UTC instants, space-separated
    QString cronParser; // what cron-parser 5.10 returns
};

QList<Divergence> divergences()
{
    return {
            {u"new-york-spring-0230"_s, u"30 2 * * *"_s, u"America/New_York"_s,
             ms("2024-03-09T12:00:00Z"),
             u"2024-03-10T07:00:00Z 2024-03-11T06:30:00Z 2024-03-12T06:30:00Z"_s,
             u"2024-03-10T07:30:00Z 2024-03-11T06:30:00Z 2024-03-12T06:30:00Z"_s},
            {u"new-york-spring-skipped-quarter-hours"_s, u"*/15 2 * * *"_s, u"America/New_York"_s,
             ms("2024-03-09T12:00:00Z"),
             u"2024-03-10T07:00:00Z 2024-03-11T06:00:00Z 2024-03-11T06:15:00Z"_s,
             u"2024-03-10T07:00:00Z 2024-03-10T07:15:00Z 2024-03-10T07:30:00Z"_s},
            {u"new-york-fall-repeated-half-hours"_s, u"*/30 * * * *"_s, u"America/New_York"_s,
             ms("2024-11-03T04:50:00Z"),
             u"2024-11-03T05:00:00Z 2024-11-03T05:30:00Z 2024-11-03T07:00:00Z "
             u"2024-11-03T07:30:00Z 2024-11-03T08:00:00Z"_s,
             u"2024-11-03T05:00:00Z 2024-11-03T05:30:00Z 2024-11-03T06:00:00Z "
             u"2024-11-03T06:30:00Z 2024-11-03T07:00:00Z"_s},
            {u"new-york-fall-from-second-pass"_s, u"*/15 * * * *"_s, u"America/New_York"_s,
             ms("2024-11-03T06:10:00Z"), u"2024-11-03T07:00:00Z 2024-11-03T07:15:00Z"_s,
             u"2024-11-03T06:15:00Z 2024-11-03T06:30:00Z"_s},
            {u"berlin-spring-0230"_s, u"30 2 * * *"_s, u"Europe/Berlin"_s,
             ms("2024-03-30T12:00:00Z"),
             u"2024-03-31T01:00:00Z 2024-04-01T00:30:00Z 2024-04-02T00:30:00Z"_s,
             u"2024-03-31T01:30:00Z 2024-04-01T00:30:00Z 2024-04-02T00:30:00Z"_s},
            {u"berlin-fall-hourly"_s, u"0 * * * *"_s, u"Europe/Berlin"_s, ms("2024-10-26T23:30:00Z"),
             u"2024-10-27T00:00:00Z 2024-10-27T02:00:00Z 2024-10-27T03:00:00Z "
             u"2024-10-27T04:00:00Z"_s,
             u"2024-10-27T00:00:00Z 2024-10-27T01:00:00Z 2024-10-27T02:00:00Z "
             u"2024-10-27T03:00:00Z"_s},
            {u"apia-skipped-day"_s, u"0 12 * * *"_s, u"Pacific/Apia"_s, ms("2011-12-28T00:00:00Z"),
             u"2011-12-28T22:00:00Z 2011-12-29T22:00:00Z 2011-12-30T10:00:00Z "
             u"2011-12-30T22:00:00Z"_s,
             u"2011-12-28T22:00:00Z 2011-12-29T22:00:00Z 2011-12-30T22:00:00Z "
             u"2011-12-31T22:00:00Z"_s},
            {u"dom-star-step-with-dow"_s, u"0 0 */2 * 1"_s, u"UTC"_s, ms("2024-01-01T00:00:00Z"),
             u"2024-01-15T00:00:00Z 2024-01-29T00:00:00Z 2024-02-05T00:00:00Z "
             u"2024-02-19T00:00:00Z"_s,
             u"2024-01-03T00:00:00Z 2024-01-05T00:00:00Z 2024-01-07T00:00:00Z "
             u"2024-01-08T00:00:00Z"_s},
            {u"dow-star-step-with-dom"_s, u"0 0 1 * */2"_s, u"UTC"_s, ms("2024-01-01T00:00:00Z"),
             u"2024-02-01T00:00:00Z 2024-06-01T00:00:00Z 2024-08-01T00:00:00Z "
             u"2024-09-01T00:00:00Z"_s,
             u"2024-01-02T00:00:00Z 2024-01-04T00:00:00Z 2024-01-06T00:00:00Z "
             u"2024-01-07T00:00:00Z"_s},
            {u"leap-day-sunday-star-step"_s, u"0 0 29 2 */7"_s, u"UTC"_s,
             ms("2089-01-01T00:00:00Z"), u"2128-02-29T00:00:00Z 2156-02-29T00:00:00Z"_s,
             u"2089-02-06T00:00:00Z 2089-02-13T00:00:00Z"_s},
    };
}

QString utcText(qint64 instantMs)
{
    return QDateTime::fromMSecsSinceEpoch(instantMs, Qt::UTC).toString(Qt::ISODate);
}

QString utcTexts(const QList<qint64> &instants)
{
    QStringList texts;
    for (qint64 instant : instants)
        texts.append(utcText(instant));
    return texts.join(u' ');
}

QList<qint64> ourFirings(const QString &expression, const QString &zone, qint64 afterMs, int count)
{
    const auto parsed = CronExpression::parse(expression);
    if (!parsed)
        return {};
    QList<qint64> instants;
    for (const CronFiring &firing :
         CronCalendar(*parsed, QTimeZone(zone.toUtf8())).next(afterMs, count))
        instants.append(firing.instantMs);
    return instants;
}

// Runs the oracle once for all cases (starting node costs more than the computation).
QList<OracleResult> askOracle(const QList<Case> &cases, QString *error)
{
    QJsonArray array;
    for (const Case &c : cases) {
        array.append(QJsonObject{{u"expr"_s,
                                  c.oracleExpression.isEmpty() ? c.expression : c.oracleExpression},
                                 {u"tz"_s, c.zone},
                                 {u"afterMs"_s, double(c.afterMs)},
                                 {u"count"_s, c.count}});
    }
    wb::test::NodePeer peer;
    const QByteArray output = peer.run(u"cron-oracle.mjs"_s, {},
                                       QJsonDocument(QJsonObject{{u"cases"_s, array}})
                                               .toJson(QJsonDocument::Compact));
    const QJsonObject document = QJsonDocument::fromJson(output).object();
    const QJsonArray results = document.value(u"results"_s).toArray();
    if (results.size() != cases.size()) {
        *error = u"oracle answered %1 results for %2 cases: %3"_s.arg(results.size())
                         .arg(cases.size())
                         .arg(peer.errorString());
        return {};
    }
    QList<OracleResult> answers;
    for (const QJsonValue &value : results) {
        const QJsonObject result = value.toObject();
        OracleResult answer;
        answer.error = result.value(u"error"_s).toString();
        for (const QJsonValue &firing : result.value(u"firings"_s).toArray())
            answer.firings.append(qint64(firing.toDouble()));
        answers.append(answer);
    }
    return answers;
}

} // namespace

class TestCronOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agreesWithCronParser_data();
    void agreesWithCronParser();
    void generatedCorpusAgrees();
    void documentedDifferences_data();
    void documentedDifferences();
    void acceptance_data();
    void acceptance();

private:
    QHash<QString, OracleResult> m_curated;
    QHash<QString, OracleResult> m_divergent;
};

void TestCronOracle::initTestCase()
{
    QVERIFY2(wb::test::NodePeer::available(),
             "npm peers missing: cd tests/peers && npm ci --no-audit --no-fund");
    QString error;
    const QList<Case> curated = curatedCorpus();
    const QList<OracleResult> answers = askOracle(curated, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (qsizetype i = 0; i < curated.size(); ++i)
        m_curated.insert(curated.at(i).name, answers.at(i));

    QList<Case> divergent;
    for (const Divergence &d : divergences())
        divergent.append({d.name, d.expression, d.zone, d.afterMs, int(d.ours.count(u' ') + 1)});
    const QList<OracleResult> divergentAnswers = askOracle(divergent, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (qsizetype i = 0; i < divergent.size(); ++i)
        m_divergent.insert(divergent.at(i).name, divergentAnswers.at(i));
}

void TestCronOracle::agreesWithCronParser_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<qint64>("afterMs");
    QTest::addColumn<int>("count");
    for (const Case &c : curatedCorpus()) {
        QTest::newRow(qPrintable(c.name)) << c.expression << c.zone << c.afterMs << c.count;
    }
}

void TestCronOracle::agreesWithCronParser()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(qint64, afterMs);
    QFETCH(int, count);
    const OracleResult oracle = m_curated.value(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY2(oracle.error.isEmpty(), qPrintable(oracle.error));
    QCOMPARE(oracle.firings.size(), count);
    QCOMPARE(utcTexts(ourFirings(expression, zone, afterMs, count)), utcTexts(oracle.firings));
}

void TestCronOracle::generatedCorpusAgrees()
{
    struct Zone
    {
        QString id;
        bool daylightSaving;
    };
    const QList<Zone> zones{{u"UTC"_s, false},
                            {u"Asia/Kolkata"_s, false},
                            {u"Asia/Tokyo"_s, false},
                            {u"America/Sao_Paulo"_s, false},
                            {u"America/New_York"_s, true},
                            {u"Europe/Berlin"_s, true},
                            {u"Australia/Sydney"_s, true}};
    wb::test::CronExpressionGenerator generator(20241103);
    const qint64 from = ms("2024-01-01T00:00:00Z");
    const qint64 span = ms("2028-01-01T00:00:00Z") - from;
    QList<Case> cases;
    for (int i = 0; i < 400; ++i) {
        const Zone &zone = zones.at(generator.bounded(0, int(zones.size()) - 1));
        qint64 after = from + qint64(double(generator.bounded(0, 1'000'000)) / 1e6 * double(span));
        if (i % 5 == 0)
            after = after / 60'000 * 60'000; // exactly on a minute
        cases.append({u"generated-%1"_s.arg(i), generator.expression(zone.daylightSaving), zone.id,
                      after, 10});
    }
    QString error;
    const QList<OracleResult> answers = askOracle(cases, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    int compared = 0;
    int rejectedByBoth = 0;
    QStringList mismatches;
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Case &c = cases.at(i);
        const auto parsed = CronExpression::parse(c.expression);
        if (!parsed) {
            // We reject only what can never fire here (the generator writes no other error).
            if (parsed.error().code != u"cron.never_fires" || answers.at(i).error.isEmpty())
                mismatches.append(
                        u"%1: we reject (%2), cron-parser says '%3'"_s.arg(c.expression,
                                                                           parsed.error().message(),
                                                                           answers.at(i).error));
            ++rejectedByBoth;
            continue;
        }
        const QString ours = utcTexts(ourFirings(c.expression, c.zone, c.afterMs, c.count));
        const QString theirs = answers.at(i).error.isEmpty() ? utcTexts(answers.at(i).firings)
                                                             : answers.at(i).error;
        if (ours != theirs) {
            mismatches.append(u"%1 in %2 after %3:\n    ours:        %4\n    cron-parser: %5"_s
                                      .arg(c.expression, c.zone, utcText(c.afterMs), ours, theirs));
        }
        ++compared;
    }
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
    // The corpus is not degenerate: most cases produce firings to compare.
    QVERIFY2(compared >= 350, qPrintable(QString::number(compared)));
    qInfo("generated corpus: %d compared, %d rejected by both", compared, rejectedByBoth);
}

void TestCronOracle::documentedDifferences_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<qint64>("afterMs");
    QTest::addColumn<QString>("ours");
    QTest::addColumn<QString>("cronParser");
    for (const Divergence &d : divergences()) {
        QTest::newRow(qPrintable(d.name))
                << d.expression << d.zone << d.afterMs << d.ours << d.cronParser;
    }
}

void TestCronOracle::documentedDifferences()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(qint64, afterMs);
    QFETCH(QString, ours);
    QFETCH(QString, cronParser);
    const int count = int(ours.count(u' ') + 1);
    // Our policy.
    QCOMPARE(utcTexts(ourFirings(expression, zone, afterMs, count)), ours);
    // cron-parser's behaviour, as documented at the top of this file.
    const OracleResult oracle = m_divergent.value(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY2(oracle.error.isEmpty(), qPrintable(oracle.error));
    QCOMPARE(utcTexts(oracle.firings), cronParser);
    QVERIFY(ours != cronParser);
}

void TestCronOracle::acceptance_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("weAccept");
    QTest::addColumn<bool>("cronParserAccepts");

    QTest::newRow("day-of-month-32") << u"0 0 32 * *"_s << false << false;
    QTest::newRow("reversed-range") << u"30-10 * * * *"_s << false << false;
    QTest::newRow("reversed-day-names") << u"0 0 * * FRI-MON"_s << false << false;
    QTest::newRow("february-30") << u"0 0 30 2 *"_s << false << false;
    QTest::newRow("31-in-short-months") << u"0 0 31 4,6,9,11 *"_s << false << false;
    QTest::newRow("step-zero") << u"*/0 * * * *"_s << false << false;
    QTest::newRow("empty-list-item") << u"1,,2 * * * *"_s << false << false;
    QTest::newRow("day-of-week-8") << u"0 0 * * 8"_s << false << false;
    QTest::newRow("unknown-month") << u"0 0 1 FOO *"_s << false << false;
    // Differences (3).
    QTest::newRow("step-wider-than-field") << u"*/70 * * * *"_s << false << true;
    QTest::newRow("seconds-field") << u"0 0 0 * * *"_s << false << true;
    QTest::newRow("last-day") << u"0 0 L * *"_s << false << true;
    QTest::newRow("midnight-macro") << u"@midnight"_s << true << false;
    QTest::newRow("upper-case-macro") << u"@DAILY"_s << true << false;
    QTest::newRow("overlapping-list-items") << u"0 7-19,17-20 * * *"_s << true << false;
}

void TestCronOracle::acceptance()
{
    QFETCH(QString, expression);
    QFETCH(bool, weAccept);
    QFETCH(bool, cronParserAccepts);
    QCOMPARE(CronExpression::parse(expression).has_value(), weAccept);
    QString error;
    const QList<OracleResult> answer = askOracle({{QString(), expression, u"UTC"_s,
                                                   ms("2024-01-01T00:00:00Z"), 1}},
                                                 &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(answer.first().error.isEmpty(), cronParserAccepts);
}

QTEST_GUILESS_MAIN(TestCronOracle)
#include "tst_cronoracle.moc"
