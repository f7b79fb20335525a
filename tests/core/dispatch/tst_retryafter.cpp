// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP-date (RFC 9110 §5.6.7) and Retry-After (RFC 9110 §10.2.3) parsing.
#include "core/dispatch/httpdate.h"
#include "core/dispatch/retryafter.h"

#include <QDateTime>
#include <QTest>

#include <limits>

using namespace wb::core;
using namespace Qt::StringLiterals;

namespace {

qint64 utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toMSecsSinceEpoch();
}

// "Now" in these tests: Sunday 2025-03-02 14:00:10 UTC.
const qint64 kNow = utc(2025, 3, 2, 14, 0, 10);
constexpr qint64 kDay = 24 * 3'600'000;

} // namespace

Q_DECLARE_METATYPE(RetryAfter::Form)
Q_DECLARE_METATYPE(HttpDateForm)

class TestRetryAfter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesHttpDates_data();
    void parsesHttpDates();
    void rejectsMalformedHttpDates_data();
    void rejectsMalformedHttpDates();
    void formatsHttpDatesRoundTrip_data();
    void formatsHttpDatesRoundTrip();
    void parsesRetryAfter_data();
    void parsesRetryAfter();
    void describesRetryAfter_data();
    void describesRetryAfter();
    void formatsDurations_data();
    void formatsDurations();
};

void TestRetryAfter::parsesHttpDates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("reference");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<HttpDateForm>("form");

    // The three examples of RFC 9110 §5.6.7, one instant.
    const qint64 example = utc(1994, 11, 6, 8, 49, 37);
    QTest::newRow("imf-fixdate") << "Sun, 06 Nov 1994 08:49:37 GMT"_ba << kNow << example
                                 << HttpDateForm::ImfFixdate;
    QTest::newRow("rfc850") << "Sunday, 06-Nov-94 08:49:37 GMT"_ba << kNow << example
                            << HttpDateForm::Rfc850;
    QTest::newRow("asctime") << "Sun Nov  6 08:49:37 1994"_ba << kNow << example
                             << HttpDateForm::Asctime;
    QTest::newRow("asctime-two-digit-day") << "Thu Nov 16 08:49:37 1995"_ba << kNow
                                           << utc(1995, 11, 16, 8, 49, 37) << HttpDateForm::Asctime;
    QTest::newRow("imf-fixdate-surrounding-space")
            << "  Sun, 02 Mar 2025 14:02:10 GMT "_ba << kNow << utc(2025, 3, 2, 14, 2, 10)
            << HttpDateForm::ImfFixdate;
    QTest::newRow("leap-second") << "Sat, 31 Dec 2016 23:59:60 GMT"_ba << kNow
                                 << utc(2017, 1, 1, 0, 0, 0) << HttpDateForm::ImfFixdate;
    // RFC 850 years: within 50 years ahead of the reference stay in its century...
    QTest::newRow("rfc850-year-35-years-ahead") << "Thursday, 02-Mar-60 00:00:00 GMT"_ba << kNow
                                                << utc(2060, 3, 2, 0, 0, 0) << HttpDateForm::Rfc850;
    QTest::newRow("rfc850-year-50-years-ahead") << "Saturday, 02-Mar-75 00:00:00 GMT"_ba << kNow
                                                << utc(2075, 3, 2, 0, 0, 0) << HttpDateForm::Rfc850;
    // ...more than 50 years ahead is the past (RFC 9110 §5.6.7).
    QTest::newRow("rfc850-year-51-years-ahead-is-past")
            << "Tuesday, 02-Mar-76 00:00:00 GMT"_ba << kNow << utc(1976, 3, 2, 0, 0, 0)
            << HttpDateForm::Rfc850;
    QTest::newRow("rfc850-reference-at-end-of-century")
            << "Saturday, 01-Jan-01 00:00:00 GMT"_ba << utc(2099, 6, 1, 0, 0, 0)
            << utc(2101, 1, 1, 0, 0, 0) << HttpDateForm::Rfc850;
}

void TestRetryAfter::parsesHttpDates()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, reference);
    QFETCH(qint64, expected);
    QFETCH(HttpDateForm, form);
    const auto parsed = parseHttpDate(text, reference);
    QVERIFY2(parsed.has_value(), text.constData());
    QCOMPARE(parsed->msSinceEpoch, expected);
    QCOMPARE(parsed->form, form);
}

void TestRetryAfter::rejectsMalformedHttpDates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << ""_ba;
    QTest::newRow("lowercase-gmt") << "Sun, 06 Nov 1994 08:49:37 gmt"_ba;
    QTest::newRow("utc-instead-of-gmt") << "Sun, 06 Nov 1994 08:49:37 UTC"_ba;
    QTest::newRow("numeric-offset") << "Sun, 06 Nov 1994 08:49:37 +0000"_ba;
    QTest::newRow("one-digit-day-in-imf-fixdate") << "Sun, 6 Nov 1994 08:49:37 GMT"_ba;
    QTest::newRow("lowercase-month") << "Sun, 06 nov 1994 08:49:37 GMT"_ba;
    QTest::newRow("unknown-month") << "Sun, 06 Foo 1994 08:49:37 GMT"_ba;
    QTest::newRow("unknown-weekday") << "Xyz, 06 Nov 1994 08:49:37 GMT"_ba;
    QTest::newRow("february-30") << "Mon, 30 Feb 2015 08:49:37 GMT"_ba;
    QTest::newRow("hour-24") << "Sun, 06 Nov 1994 24:00:00 GMT"_ba;
    QTest::newRow("minute-60") << "Sun, 06 Nov 1994 08:60:00 GMT"_ba;
    QTest::newRow("two-digit-year-in-imf-fixdate") << "Sun, 06 Nov 94 08:49:37 GMT"_ba;
    QTest::newRow("short-weekday-in-rfc850") << "Sun, 06-Nov-94 08:49:37 GMT"_ba;
    QTest::newRow("iso-8601") << "2015-10-21T07:28:00Z"_ba;
    QTest::newRow("trailing-garbage") << "Sun, 06 Nov 1994 08:49:37 GMT x"_ba;
    QTest::newRow("asctime-without-padding") << "Sun Nov 6 08:49:37 1994"_ba;
    QTest::newRow("delay-seconds") << "120"_ba;
}

void TestRetryAfter::rejectsMalformedHttpDates()
{
    QFETCH(QByteArray, text);
    QVERIFY(!parseHttpDate(text, kNow).has_value());
}

void TestRetryAfter::formatsHttpDatesRoundTrip_data()
{
    QTest::addColumn<HttpDateForm>("form");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("imf-fixdate") << HttpDateForm::ImfFixdate << "Sun, 02 Mar 2025 14:00:10 GMT"_ba;
    QTest::newRow("rfc850") << HttpDateForm::Rfc850 << "Sunday, 02-Mar-25 14:00:10 GMT"_ba;
    QTest::newRow("asctime") << HttpDateForm::Asctime << "Sun Mar  2 14:00:10 2025"_ba;
}

void TestRetryAfter::formatsHttpDatesRoundTrip()
{
    QFETCH(HttpDateForm, form);
    QFETCH(QByteArray, expected);
    QCOMPARE(formatHttpDate(kNow + 999, form), expected);
    const auto back = parseHttpDate(expected, kNow);
    QVERIFY(back.has_value());
    QCOMPARE(back->msSinceEpoch, kNow);
    QCOMPARE(back->form, form);
}

void TestRetryAfter::parsesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<bool>("allowFraction");
    QTest::addColumn<RetryAfter::Form>("form");
    QTest::addColumn<qint64>("delayMs");
    QTest::addColumn<qint64>("requestedMs");
    QTest::addColumn<bool>("capped");
    QTest::addColumn<bool>("measuredAgainstDate");
    QTest::addColumn<QString>("problem");

    using F = RetryAfter::Form;
    const qint64 max = std::numeric_limits<qint64>::max();
    const QByteArray none; // a null QByteArray: no such field
    const QByteArray serverNow = formatHttpDate(kNow - 3'600'000); // server clock 1 h behind

    QTest::newRow("retry-after-absent")
            << none << none << false << F::Absent << 0ll << 0ll << false << false << QString();
    QTest::newRow("retry-after-delay-seconds")
            << "120"_ba << none << false << F::DelaySeconds << 120'000ll << 120'000ll << false
            << false << QString();
    QTest::newRow("retry-after-zero") << "0"_ba << none << false << F::DelaySeconds << 0ll << 0ll
                                      << false << false << QString();
    QTest::newRow("retry-after-surrounding-space")
            << "  30 "_ba << none << false << F::DelaySeconds << 30'000ll << 30'000ll << false
            << false << QString();
    QTest::newRow("retry-after-leading-zeros") << "0007"_ba << none << false << F::DelaySeconds
                                               << 7'000ll << 7'000ll << false << false << QString();
    QTest::newRow("retry-after-absurd-capped")
            << "999999"_ba << none << false << F::DelaySeconds << kDay << 999'999'000ll << true
            << false << QString();
    QTest::newRow("retry-after-overflow-capped")
            << "99999999999999999999999"_ba << none << false << F::DelaySeconds << kDay << max
            << true << false << QString();
    QTest::newRow("retry-after-http-date")
            << formatHttpDate(kNow + 120'000) << none << false << F::HttpDate << 120'000ll
            << 120'000ll << false << false << QString();
    QTest::newRow("retry-after-http-date-against-date-header")
            << formatHttpDate(kNow - 3'600'000 + 90'000) << serverNow << false << F::HttpDate
            << 90'000ll << 90'000ll << false << true << QString();
    QTest::newRow("retry-after-rfc850")
            << formatHttpDate(kNow + 60'000, HttpDateForm::Rfc850) << none << false << F::HttpDate
            << 60'000ll << 60'000ll << false << false << QString();
    QTest::newRow("retry-after-asctime")
            << formatHttpDate(kNow + 300'000, HttpDateForm::Asctime) << none << false << F::HttpDate
            << 300'000ll << 300'000ll << false << false << QString();
    QTest::newRow("retry-after-http-date-in-past")
            << formatHttpDate(kNow - 60'000) << none << false << F::HttpDate << 0ll << 0ll << false
            << false << QString();
    QTest::newRow("retry-after-http-date-capped")
            << formatHttpDate(kNow + 2 * kDay) << none << false << F::HttpDate << kDay << 2 * kDay
            << true << false << QString();
    QTest::newRow("retry-after-bad-date-header-uses-local-clock")
            << formatHttpDate(kNow + 45'000) << "yesterday"_ba << false << F::HttpDate << 45'000ll
            << 45'000ll << false << false << QString();
    QTest::newRow("retry-after-negative") << "-5"_ba << none << false << F::Malformed << 0ll << 0ll
                                          << false << false << u"Retry-After \"-5\" is negative"_s;
    QTest::newRow("retry-after-with-fraction")
            << "1.5"_ba << none << false << F::Malformed << 0ll << 0ll << false << false
            << u"Retry-After \"1.5\" has a fraction (delay-seconds is whole seconds)"_s;
    QTest::newRow("retry-after-fraction-allowed")
            << "2.0"_ba << none << true << F::DelaySeconds << 2'000ll << 2'000ll << false << false
            << QString();
    QTest::newRow("retry-after-fraction-rounds-up")
            << "0.0001"_ba << none << true << F::DelaySeconds << 1ll << 1ll << false << false
            << QString();
    QTest::newRow("retry-after-with-unit")
            << "120s"_ba << none << false << F::Malformed << 0ll << 0ll << false << false
            << u"Retry-After \"120s\" is neither delay-seconds nor an HTTP-date"_s;
    QTest::newRow("retry-after-plus-sign")
            << "+5"_ba << none << false << F::Malformed << 0ll << 0ll << false << false
            << u"Retry-After \"+5\" is neither delay-seconds nor an HTTP-date"_s;
    QTest::newRow("retry-after-empty") << ""_ba << none << false << F::Malformed << 0ll << 0ll
                                       << false << false << u"Retry-After is empty"_s;
    QTest::newRow("retry-after-two-fields-joined")
            << "120, 60"_ba << none << false << F::Malformed << 0ll << 0ll << false << false
            << u"Retry-After \"120, 60\" is neither delay-seconds nor an HTTP-date"_s;
    QTest::newRow("retry-after-iso-8601")
            << "2025-03-02T14:02:10Z"_ba << none << false << F::Malformed << 0ll << 0ll << false
            << false
            << u"Retry-After \"2025-03-02T14:02:10Z\" is neither delay-seconds nor an HTTP-date"_s;
}

void TestRetryAfter::parsesRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, date);
    QFETCH(bool, allowFraction);
    QFETCH(RetryAfter::Form, form);
    QFETCH(qint64, delayMs);
    QFETCH(qint64, requestedMs);
    QFETCH(bool, capped);
    QFETCH(bool, measuredAgainstDate);
    QFETCH(QString, problem);

    RetryAfterOptions options;
    options.capMs = kDay;
    options.allowFractionalSeconds = allowFraction;
    const RetryAfter parsed = parseRetryAfter(value, date, kNow, options);
    QCOMPARE(parsed.form, form);
    QCOMPARE(parsed.delayMs, delayMs);
    QCOMPARE(parsed.requestedMs, requestedMs);
    QCOMPARE(parsed.capped, capped);
    QCOMPARE(parsed.measuredAgainstDate, measuredAgainstDate);
    QCOMPARE(parsed.problem, problem);
    QCOMPARE(parsed.isValid(),
             form == RetryAfter::Form::DelaySeconds || form == RetryAfter::Form::HttpDate);
    QCOMPARE(parsed.raw, value.trimmed());
}

void TestRetryAfter::describesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("absent") << QByteArray() << QString();
    QTest::newRow("delay-seconds") << "120"_ba << u"Retry-After 120 s"_s;
    QTest::newRow("http-date") << "Sun, 02 Mar 2025 14:02:10 GMT"_ba
                               << u"Retry-After Sun, 02 Mar 2025 14:02:10 GMT (2 min)"_s;
    QTest::newRow("capped") << "999999"_ba << u"Retry-After 999999 s capped at 24 h"_s;
    QTest::newRow("malformed")
            << "soon"_ba
            << u"Retry-After \"soon\" is neither delay-seconds nor an HTTP-date (ignored)"_s;
}

void TestRetryAfter::describesRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    QCOMPARE(parseRetryAfter(value, QByteArrayView(), kNow).describe(), expected);
}

void TestRetryAfter::formatsDurations_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0ll << u"0 ms"_s;
    QTest::newRow("milliseconds") << 999ll << u"999 ms"_s;
    QTest::newRow("one-second") << 1000ll << u"1 s"_s;
    QTest::newRow("fractional-seconds") << 2500ll << u"2.5 s"_s;
    QTest::newRow("just-under-a-minute") << 59'999ll << u"59.999 s"_s;
    QTest::newRow("one-minute") << 60'000ll << u"1 min"_s;
    QTest::newRow("minutes-and-seconds") << 150'000ll << u"2 min 30 s"_s;
    QTest::newRow("one-hour") << 3'600'000ll << u"1 h"_s;
    QTest::newRow("svix-schedule-total") << 99'305'000ll << u"27 h 35 min"_s;
    QTest::newRow("negative") << -1500ll << u"-1.5 s"_s;
}

void TestRetryAfter::formatsDurations()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(formatDuration(ms), expected);
}

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
