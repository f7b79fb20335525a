// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/attempttooltip.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::models;
using wb::ui::AttemptTooltip;

namespace {
constexpr qint64 t0 = 1'700'000'000'000; // 2023-11-14T22:13:20Z

AttemptSample rateLimited()
{
    AttemptSample sample;
    sample.connectionId = u"conn-acme-jira"_s;
    sample.connectionLabel = u"Acme Corp · Jira"_s;
    sample.deliveryId = u"acme-jira-000042"_s;
    sample.attemptNumber = 3;
    sample.startedMs = t0;
    sample.finishedMs = t0 + 250;
    sample.httpStatus = 429;
    sample.decision = AttemptDecision::RateLimited;
    sample.reason = u"429, Retry-After 120 s, connection held until 22:15:20Z"_s;
    sample.waitMs = 120'000;
    sample.waitCause = WaitCause::RetryAfter;
    sample.retryAfter = "120";
    sample.rateLimitRemaining = 0;
    sample.rateLimitLimit = 150;
    sample.bucketLevel = 12.5;
    sample.queueDepth = 34;
    return sample;
}
} // namespace

class TestAttemptTooltip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durations_data();
    void durations();
    void statuses_data();
    void statuses();
    void timesSayTheirZone();
    void markerShowsEverythingAboutTheAttempt();
    void binnedMarkerSaysHowManyItHolds();
    void openSpanSaysItIsParked();
    void simulatedAttempt();
};

void TestAttemptTooltip::durations_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("milliseconds") << qint64(850) << u"850 ms"_s;
    QTest::newRow("zero") << qint64(0) << u"0 ms"_s;
    QTest::newRow("whole-seconds") << qint64(5'000) << u"5 s"_s;
    QTest::newRow("tenths-of-seconds") << qint64(12'400) << u"12.4 s"_s;
    QTest::newRow("retry-after-120s") << qint64(120'000) << u"2 min"_s;
    QTest::newRow("minutes-and-seconds") << qint64(125'000) << u"2 min 5 s"_s;
    QTest::newRow("rounds-to-the-second") << qint64(125'600) << u"2 min 6 s"_s;
    QTest::newRow("hours") << qint64(7'200'000) << u"2 h"_s;
    QTest::newRow("hours-and-minutes") << qint64(3'780'000) << u"1 h 3 min"_s;
}

void TestAttemptTooltip::durations()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(AttemptTooltip::formatDuration(ms), text);
}

void TestAttemptTooltip::statuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("text");
    QTest::newRow("http-status") << 503 << QString() << u"503"_s;
    QTest::newRow("timeout") << 0 << u"timeout"_s << u"No response (timeout)"_s;
    QTest::newRow("no-response-unknown") << 0 << QString() << u"No response"_s;
}

void TestAttemptTooltip::statuses()
{
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, text);
    QCOMPARE(AttemptTooltip::statusText(status, error), text);
}

void TestAttemptTooltip::timesSayTheirZone()
{
    QCOMPARE(AttemptTooltip::formatTime(t0 + 123, Qt::UTC), u"22:13:20.123 UTC"_s);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(t0, Qt::LocalTime);
    QCOMPARE(AttemptTooltip::formatTime(t0, Qt::LocalTime),
             local.toString(u"HH:mm:ss.zzz "_s) + local.timeZoneAbbreviation());
}

void TestAttemptTooltip::markerShowsEverythingAboutTheAttempt()
{
    const AttemptSample sample = rateLimited();
    const TimelineMarker marker{t0, t0, 0, 0, OutcomeClass::RateLimited, 0, 1};
    const QString text = AttemptTooltip::forMarker(marker, sample, Qt::UTC);
    QVERIFY(text.startsWith(u"<b>Acme Corp · Jira</b>"_s));
    const QStringList rows{
            u"<td>Delivery</td><td>acme-jira-000042, attempt 3</td>"_s,
            u"<td>Sent</td><td>22:13:20.000 UTC</td>"_s,
            u"<td>Took</td><td>250 ms</td>"_s,
            u"<td>Status</td><td>429</td>"_s,
            u"<td>Decision</td><td>rate-limited, retry</td>"_s,
            u"<td>Reason</td><td>429, Retry-After 120 s, connection held until 22:15:20Z</td>"_s,
            u"<td>Wait</td><td>2 min (Retry-After)</td>"_s,
            u"<td>Retry-After</td><td>120</td>"_s,
            u"<td>Rate limit</td><td>0 of 150 remaining</td>"_s,
            u"<td>Token bucket</td><td>12.5 tokens</td>"_s,
            u"<td>Queue depth</td><td>34</td>"_s,
    };
    for (const QString &row : rows)
        QVERIFY2(text.contains(row), qPrintable(row + u"\n in \n"_s + text));
    QVERIFY(!text.contains(u"Attempts here"_s));
}

void TestAttemptTooltip::binnedMarkerSaysHowManyItHolds()
{
    AttemptSample sample = rateLimited();
    sample.connectionLabel = u"A <b>bold</b> label"_s; // escaped, not markup
    const TimelineMarker marker{t0, t0 + 1'500, 0, 0, OutcomeClass::RateLimited, 0, 7};
    const QString text = AttemptTooltip::forMarker(marker, sample, Qt::UTC);
    QVERIFY2(text.contains(u"<td>Attempts here</td><td>7 (429 / rate-limited) from "
                           "22:13:20.000 UTC to 22:13:21.500 UTC; the first one:</td>"_s),
             qPrintable(text));
    QVERIFY(text.startsWith(u"<b>A &lt;b&gt;bold&lt;/b&gt; label</b>"_s));
}

void TestAttemptTooltip::openSpanSaysItIsParked()
{
    const AttemptSample sample = rateLimited();
    const TimelineSpan span{t0 + 250, t0 + 120'250, 0, 0, SpanKind::RetryAfter, true, 0, 1};
    const QString text = AttemptTooltip::forSpan(span, sample, Qt::UTC);
    QVERIFY(text.startsWith(u"<b>Wait: Retry-After</b>"_s));
    QVERIFY(text.contains(u"<td>Length</td><td>2 min</td>"_s));
    QVERIFY(text.contains(u"<td>Due</td><td>22:15:20.250 UTC</td>"_s));
    QVERIFY(text.contains(u"<td>After</td><td>attempt 3 of delivery acme-jira-000042 (429)</td>"_s));
    QVERIFY(text.contains(u"<td>Parked</td><td>no next attempt yet</td>"_s));
}

void TestAttemptTooltip::simulatedAttempt()
{
    WhatIfAttempt attempt;
    attempt.number = 2;
    attempt.startedMs = t0 + 5'000;
    attempt.finishedMs = t0 + 5'100;
    attempt.httpStatus = 503;
    attempt.decision = AttemptDecision::Retry;
    attempt.waitMs = 300'000;
    attempt.reason = u"503, scheduled 5 min, jitter +3 %"_s;
    const QString text = AttemptTooltip::forWhatIf(attempt, u"Svix"_s, Qt::UTC);
    QVERIFY(text.startsWith(u"<b>Simulated: Svix</b>"_s));
    QVERIFY(text.contains(u"<td>Would send</td><td>22:13:25.000 UTC</td>"_s));
    QVERIFY(text.contains(u"<td>Assumed status</td><td>503</td>"_s));
    QVERIFY(text.contains(u"<td>Wait</td><td>5 min</td>"_s));
}

QTEST_MAIN(TestAttemptTooltip)
#include "tst_attempttooltip.moc"
