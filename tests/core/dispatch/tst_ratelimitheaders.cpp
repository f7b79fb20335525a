// SPDX-License-Identifier: GPL-3.0-or-later
// Rate-limit header fields: the X-RateLimit-* trio, provider-specific fields, the IETF drafts
// (structured fields of draft-ietf-httpapi-ratelimit-headers-11 and the separate fields of
// drafts 00–06), and the header spec's JSON form.
#include "core/dispatch/httpdate.h"
#include "core/dispatch/ratelimitheaders.h"
#include "core/dispatch/structuredfield.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

using namespace wb::core;
using namespace Qt::StringLiterals;

namespace {

const qint64 kNow = QDateTime(QDate(2025, 3, 2), QTime(14, 0, 10), Qt::UTC).toMSecsSinceEpoch();
constexpr qint64 kNone = -1; // "no value" in the data tables

QByteArray epochSeconds(qint64 ms)
{
    return QByteArray::number(ms / 1000);
}

RateLimitHeaderSpec spec(const QString &name)
{
    if (name == u"generic-without-ietf") {
        RateLimitHeaderSpec generic;
        generic.ietfFields = false;
        return generic;
    }
    auto preset = RateLimitHeaderSpec::preset(name);
    Q_ASSERT(preset);
    return *preset;
}

qint64 valueOr(const std::optional<qint64> &value)
{
    return value.value_or(kNone);
}

} // namespace

Q_DECLARE_METATYPE(HttpHeaders)

class TestRateLimitHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRateLimitFields_data();
    void readsRateLimitFields();
    void recordsOnlyRateLimitFields();
    void describesObservation();
    void parsesStructuredFieldLists_data();
    void parsesStructuredFieldLists();
    void rejectsMalformedStructuredFields_data();
    void rejectsMalformedStructuredFields();
    void presetsRoundTripThroughJson();
    void specJsonOverridesAPreset();
    void specJsonErrorsNameTheKey_data();
    void specJsonErrorsNameTheKey();
};

void TestRateLimitHeaders::readsRateLimitFields_data()
{
    QTest::addColumn<QString>("specName");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<qint64>("remaining");
    QTest::addColumn<qint64>("resetInMs"); // resetAtMs - kNow
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<int>("shouldRetry"); // -1 none, 0 false, 1 true
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("problems");

    const QByteArray date = formatHttpDate(kNow);
    const QByteArray skewedDate = formatHttpDate(kNow - 3'600'000); // server 1 h behind

    QTest::newRow("github-exhausted")
            << u"github"_s
            << HttpHeaders{{"Date", date},
                           {"x-ratelimit-limit", "5000"},
                           {"x-ratelimit-remaining", "0"},
                           {"x-ratelimit-used", "5000"},
                           {"x-ratelimit-reset", epochSeconds(kNow + 300'000)}}
            << 5000ll << 0ll << 300'000ll << kNone << -1 << u"X-RateLimit-*"_s << QStringList();
    QTest::newRow("github-reset-measured-against-skewed-date")
            << u"github"_s
            << HttpHeaders{{"Date", skewedDate},
                           {"X-RateLimit-Remaining", "0"},
                           {"X-RateLimit-Reset", epochSeconds(kNow - 3'600'000 + 120'000)}}
            << kNone << 0ll << 120'000ll << kNone << -1 << u"X-RateLimit-*"_s << QStringList();
    QTest::newRow("github-reset-in-the-past-is-now")
            << u"github"_s
            << HttpHeaders{{"X-RateLimit-Remaining", "0"},
                           {"X-RateLimit-Reset", epochSeconds(kNow - 100'000)}}
            << kNone << 0ll << 0ll << kNone << -1 << u"X-RateLimit-*"_s << QStringList();
    QTest::newRow("generic-delta-seconds")
            << u"generic"_s
            << HttpHeaders{{"X-RateLimit-Limit", "60"},
                           {"X-RateLimit-Remaining", "12"},
                           {"X-RateLimit-Reset", "30"}}
            << 60ll << 12ll << 30'000ll << kNone << -1 << u"X-RateLimit-*"_s << QStringList();
    QTest::newRow("discord-reset-after-fraction")
            << u"discord"_s
            << HttpHeaders{{"X-RateLimit-Limit", "5"},
                           {"X-RateLimit-Remaining", "0"},
                           {"X-RateLimit-Reset-After", "1.337"}}
            << 5ll << 0ll << 1'337ll << kNone << -1 << u"X-RateLimit-*, X-RateLimit-Reset-After"_s
            << QStringList();
    QTest::newRow("discord-epoch-reset-with-fraction")
            << u"discord"_s
            << HttpHeaders{{"Date", date},
                           {"X-RateLimit-Remaining", "0"},
                           {"X-RateLimit-Reset", epochSeconds(kNow + 2000) + ".5"}}
            << kNone << 0ll << 2'500ll << kNone << -1 << u"X-RateLimit-*"_s << QStringList();
    QTest::newRow("shopify-call-limit")
            << u"shopify"_s << HttpHeaders{{"X-Shopify-Shop-Api-Call-Limit", "32/40"}} << 40ll
            << 8ll << kNone << kNone << -1 << u"X-Shopify-Shop-Api-Call-Limit"_s << QStringList();
    QTest::newRow("shopify-call-limit-full")
            << u"shopify"_s << HttpHeaders{{"X-Shopify-Shop-Api-Call-Limit", "40/40"}} << 40ll
            << 0ll << kNone << kNone << -1 << u"X-Shopify-Shop-Api-Call-Limit"_s << QStringList();
    QTest::newRow("shopify-call-limit-malformed")
            << u"shopify"_s << HttpHeaders{{"X-Shopify-Shop-Api-Call-Limit", "32 of 40"}} << kNone
            << kNone << kNone << kNone << -1 << QString()
            << QStringList{u"X-Shopify-Shop-Api-Call-Limit \"32 of 40\" is not \"used/limit\""_s};
    QTest::newRow("hubspot-interval")
            << u"hubspot"_s
            << HttpHeaders{{"X-HubSpot-RateLimit-Max", "100"},
                           {"X-HubSpot-RateLimit-Remaining", "0"},
                           {"X-HubSpot-RateLimit-Interval-Milliseconds", "10000"},
                           {"X-HubSpot-RateLimit-Daily", "250000"}}
            << 100ll << 0ll << kNone << 10'000ll << -1
            << u"X-HubSpot-RateLimit-*, X-HubSpot-RateLimit-Interval-Milliseconds"_s
            << QStringList();
    QTest::newRow("salesforce-api-usage")
            << u"salesforce"_s << HttpHeaders{{"Sforce-Limit-Info", "api-usage=18/5000"}} << 5000ll
            << 4982ll << kNone << kNone << -1 << u"Sforce-Limit-Info"_s << QStringList();
    QTest::newRow("salesforce-api-usage-with-per-app")
            << u"salesforce"_s
            << HttpHeaders{{"Sforce-Limit-Info",
                            "api-usage=5000/5000, per-app-api-usage=17/250(appName=sample-app)"}}
            << 5000ll << 0ll << kNone << kNone << -1 << u"Sforce-Limit-Info"_s << QStringList();
    QTest::newRow("stripe-should-retry-false")
            << u"stripe"_s << HttpHeaders{{"Stripe-Should-Retry", "false"}} << kNone << kNone
            << kNone << kNone << 0 << QString() << QStringList();
    QTest::newRow("stripe-should-retry-true")
            << u"stripe"_s << HttpHeaders{{"stripe-should-retry", "true"}} << kNone << kNone
            << kNone << kNone << 1 << QString() << QStringList();
    QTest::newRow("stripe-should-retry-malformed")
            << u"stripe"_s << HttpHeaders{{"Stripe-Should-Retry", "maybe"}} << kNone << kNone
            << kNone << kNone << -1 << QString()
            << QStringList{u"Stripe-Should-Retry \"maybe\" is not true or false"_s};
    QTest::newRow("ietf-draft11-ratelimit-and-policy")
            << u"ietf"_s
            << HttpHeaders{{"RateLimit", "\"default\";r=0;t=30"},
                           {"RateLimit-Policy", "\"default\";q=100;w=10"}}
            << 100ll << 0ll << 30'000ll << 10'000ll << -1
            << u"RateLimit (draft-ietf-httpapi-ratelimit-headers-11)"_s << QStringList();
    QTest::newRow("ietf-draft11-most-constrained-policy")
            << u"ietf"_s
            << HttpHeaders{{"RateLimit", "\"permin\";r=40;t=20, \"perhr\";r=3;t=1800"},
                           {"RateLimit-Policy", "\"permin\";q=50;w=60,\"perhr\";q=1000;w=3600"}}
            << 1000ll << 3ll << 1'800'000ll << 3'600'000ll << -1
            << u"RateLimit (draft-ietf-httpapi-ratelimit-headers-11)"_s << QStringList();
    QTest::newRow("ietf-draft11-fields-split-over-lines")
            << u"ietf"_s
            << HttpHeaders{{"RateLimit", "\"permin\";r=40;t=20"},
                           {"RateLimit", "\"perhr\";r=3;t=1800"}}
            << kNone << 3ll << 1'800'000ll << kNone << -1
            << u"RateLimit (draft-ietf-httpapi-ratelimit-headers-11)"_s << QStringList();
    QTest::newRow("ietf-draft11-token-policy-name")
            << u"ietf"_s << HttpHeaders{{"RateLimit", "default;r=5;t=2;pk=:cHsdsRa894==:"}} << kNone
            << 5ll << 2'000ll << kNone << -1
            << u"RateLimit (draft-ietf-httpapi-ratelimit-headers-11)"_s << QStringList();
    QTest::newRow("ietf-draft11-malformed-ignored")
            << u"ietf"_s << HttpHeaders{{"RateLimit", "\"default\";r=1;t="}} << kNone << kNone
            << kNone << kNone << -1 << QString()
            << QStringList{u"RateLimit \"\"default\";r=1;t=\" is not a structured-field list "
                           u"(structured field: expected an item at position 16)"_s};
    QTest::newRow("ietf-draft11-remaining-not-an-integer")
            << u"ietf"_s << HttpHeaders{{"RateLimit", "\"default\";r=abc"}} << kNone << kNone
            << kNone << kNone << -1 << QString()
            << QStringList{u"RateLimit \"\"default\";r=abc\" is not a service-limit item with an "
                           u"\"r\" parameter"_s};
    QTest::newRow("ietf-drafts-00-06-fields")
            << u"generic"_s
            << HttpHeaders{{"RateLimit-Limit", "100"},
                           {"RateLimit-Remaining", "0"},
                           {"RateLimit-Reset", "50"}}
            << 100ll << 0ll << 50'000ll << kNone << -1
            << u"RateLimit-* (draft-ietf-httpapi-ratelimit-headers-06)"_s << QStringList();
    QTest::newRow("ietf-drafts-00-06-limit-with-policy")
            << u"generic"_s << HttpHeaders{{"RateLimit-Limit", "10, 10;w=1"}} << 10ll << kNone
            << kNone << kNone << -1 << u"RateLimit-* (draft-ietf-httpapi-ratelimit-headers-06)"_s
            << QStringList();
    QTest::newRow("pagerduty-lowercase-fields")
            << u"pagerduty"_s
            << HttpHeaders{{"ratelimit-limit", "960"},
                           {"ratelimit-remaining", "0"},
                           {"ratelimit-reset", "15"}}
            << 960ll << 0ll << 15'000ll << kNone << -1 << u"RateLimit-*"_s << QStringList();
    QTest::newRow("x-fields-win-over-ietf")
            << u"generic"_s
            << HttpHeaders{{"X-RateLimit-Remaining", "7"}, {"RateLimit", "\"d\";r=0;t=10"}} << kNone
            << 7ll << 10'000ll << kNone << -1
            << u"X-RateLimit-*, RateLimit (draft-ietf-httpapi-ratelimit-headers-11)"_s
            << QStringList();
    QTest::newRow("ietf-ignored-when-spec-says-so")
            << u"generic-without-ietf"_s << HttpHeaders{{"RateLimit", "\"d\";r=0;t=10"}} << kNone
            << kNone << kNone << kNone << -1 << QString() << QStringList();
    QTest::newRow("remaining-not-a-number")
            << u"generic"_s << HttpHeaders{{"X-RateLimit-Remaining", "lots"}} << kNone << kNone
            << kNone << kNone << -1 << QString()
            << QStringList{u"X-RateLimit-Remaining \"lots\" is not a non-negative integer"_s};
    QTest::newRow("remaining-negative")
            << u"generic"_s << HttpHeaders{{"X-RateLimit-Remaining", "-1"}} << kNone << kNone
            << kNone << kNone << -1 << QString()
            << QStringList{u"X-RateLimit-Remaining \"-1\" is not a non-negative integer"_s};
    QTest::newRow("reset-not-a-number")
            << u"github"_s << HttpHeaders{{"X-RateLimit-Reset", "soon"}} << kNone << kNone << kNone
            << kNone << -1 << QString()
            << QStringList{u"X-RateLimit-Reset \"soon\" is not a non-negative number"_s};
    QTest::newRow("no-rate-limit-fields")
            << u"github"_s << HttpHeaders{{"Content-Type", "text/plain"}} << kNone << kNone << kNone
            << kNone << -1 << QString() << QStringList();
}

void TestRateLimitHeaders::readsRateLimitFields()
{
    QFETCH(QString, specName);
    QFETCH(HttpHeaders, headers);
    QFETCH(qint64, limit);
    QFETCH(qint64, remaining);
    QFETCH(qint64, resetInMs);
    QFETCH(qint64, windowMs);
    QFETCH(int, shouldRetry);
    QFETCH(QString, source);
    QFETCH(QStringList, problems);

    const RateLimitObservation seen = parseRateLimitHeaders(headers, spec(specName), kNow);
    QCOMPARE(valueOr(seen.limit), limit);
    QCOMPARE(valueOr(seen.remaining), remaining);
    QCOMPARE(seen.resetAtMs ? *seen.resetAtMs - kNow : kNone, resetInMs);
    QCOMPARE(valueOr(seen.windowMs), windowMs);
    QCOMPARE(seen.shouldRetry ? int(*seen.shouldRetry) : -1, shouldRetry);
    QCOMPARE(seen.source, source);
    QCOMPARE(seen.problems, problems);
    QCOMPARE(seen.exhausted(), remaining == 0);
}

void TestRateLimitHeaders::recordsOnlyRateLimitFields()
{
    const HttpHeaders headers{{"Date", formatHttpDate(kNow)},
                              {"Content-Type", "application/json"},
                              {"Set-Cookie", "session=secret"},
                              {"x-ratelimit-limit", "5000"},
                              {"x-ratelimit-remaining", "4999"},
                              {"x-ratelimit-reset", epochSeconds(kNow + 60'000)},
                              {"RateLimit", "\"default\";r=4999;t=60"}};
    const RateLimitObservation seen = parseRateLimitHeaders(headers, spec(u"github"_s), kNow);
    const HttpHeaders expected{{"X-RateLimit-Limit", "5000"},
                               {"X-RateLimit-Remaining", "4999"},
                               {"X-RateLimit-Reset", epochSeconds(kNow + 60'000)},
                               {"RateLimit", "\"default\";r=4999;t=60"}};
    QCOMPARE(seen.fields, expected);
    QCOMPARE(seen.policy, u"default"_s);
}

void TestRateLimitHeaders::describesObservation()
{
    const HttpHeaders headers{{"RateLimit", "\"burst\";r=0;t=90"},
                              {"RateLimit-Policy", "\"burst\";q=100;w=60"}};
    const RateLimitObservation seen = parseRateLimitHeaders(headers, spec(u"ietf"_s), kNow);
    QCOMPARE(seen.describe(kNow), u"limit 100, per 1 min, remaining 0, resets in 1 min 30 s, "
                                  u"policy \"burst\""_s);
    QCOMPARE(seen.describe(kNow + 60'000), u"limit 100, per 1 min, remaining 0, resets in 30 s, "
                                           u"policy \"burst\""_s);
    QCOMPARE(RateLimitObservation().describe(kNow), QString());
}

void TestRateLimitHeaders::parsesStructuredFieldLists_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<int>("members");
    QTest::addColumn<QByteArray>("firstValue");
    QTest::addColumn<QByteArray>("parameter");
    QTest::addColumn<QString>("parameterValue");

    QTest::newRow("string-item-with-integers") << "\"default\";r=50;t=30"_ba << 1 << "default"_ba
                                               << "t"_ba << u"30"_s;
    QTest::newRow("two-members-with-ows") << "\"a\";q=1 ,\t\"b\";q=2"_ba << 2 << "a"_ba
                                          << "q"_ba << u"1"_s;
    QTest::newRow("token-item") << "default;r=5"_ba << 1 << "default"_ba
                                << "r"_ba << u"5"_s;
    QTest::newRow("boolean-parameter-without-value") << "a;flag"_ba << 1 << "a"_ba
                                                     << "flag"_ba << u"true"_s;
    QTest::newRow("byte-sequence-parameter") << "\"peruser\";pk=:aGVsbG8=:"_ba << 1 << "peruser"_ba
                                             << "pk"_ba << u"hello"_s;
    QTest::newRow("string-parameter") << "\"p\";qu=\"content-bytes\""_ba << 1 << "p"_ba
                                      << "qu"_ba << u"content-bytes"_s;
    QTest::newRow("escaped-string")
            << "\"a\\\"b\\\\c\""_ba << 1 << "a\"b\\c"_ba << QByteArray() << QString();
    QTest::newRow("decimal-parameter") << "x;d=1.5"_ba << 1 << "x"_ba
                                       << "d"_ba << u"1.5"_s;
    QTest::newRow("later-parameter-wins") << "x;r=1;r=2"_ba << 1 << "x"_ba
                                          << "r"_ba << u"2"_s;
    QTest::newRow("inner-list-member")
            << "(1 2);p=?0, \"b\""_ba << 2 << QByteArray() << "p"_ba << u"false"_s;
    QTest::newRow("empty-field") << ""_ba << 0 << QByteArray() << QByteArray() << QString();
    QTest::newRow("trailing-spaces") << "a   "_ba << 1 << "a"_ba << QByteArray() << QString();
}

void TestRateLimitHeaders::parsesStructuredFieldLists()
{
    QFETCH(QByteArray, field);
    QFETCH(int, members);
    QFETCH(QByteArray, firstValue);
    QFETCH(QByteArray, parameter);
    QFETCH(QString, parameterValue);

    const auto list = sf::parseList(field);
    QVERIFY2(list.has_value(), list ? "" : qPrintable(list.error().message));
    QCOMPARE(list->size(), members);
    if (members == 0)
        return;
    const sf::Item &first = list->first();
    QCOMPARE(first.value.bytes, firstValue);
    if (parameter.isEmpty())
        return;
    const sf::BareItem *value = first.parameter(parameter);
    QVERIFY(value);
    QString shown;
    switch (value->type) {
    case sf::BareItem::Type::Integer:
        shown = QString::number(value->integer);
        break;
    case sf::BareItem::Type::Decimal:
        shown = QString::number(value->decimal);
        break;
    case sf::BareItem::Type::Boolean:
        shown = value->integer ? u"true"_s : u"false"_s;
        break;
    default:
        shown = QString::fromLatin1(value->bytes);
    }
    QCOMPARE(shown, parameterValue);
}

void TestRateLimitHeaders::rejectsMalformedStructuredFields_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("unterminated-string") << "\"default;r=1"_ba;
    QTest::newRow("trailing-comma") << "a, "_ba;
    QTest::newRow("uppercase-key") << "a;R=1"_ba;
    QTest::newRow("integer-16-digits") << "1234567890123456"_ba;
    QTest::newRow("decimal-4-fraction-digits") << "1.2345"_ba;
    QTest::newRow("missing-comma") << "a b"_ba;
    QTest::newRow("bad-escape") << "\"a\\n\""_ba;
    QTest::newRow("bad-base64") << ":a$b:"_ba;
    QTest::newRow("bad-boolean") << "?2"_ba;
    QTest::newRow("unterminated-inner-list") << "(1 2"_ba;
}

void TestRateLimitHeaders::rejectsMalformedStructuredFields()
{
    QFETCH(QByteArray, field);
    const auto list = sf::parseList(field);
    QVERIFY(!list.has_value());
    QCOMPARE(list.error().code, u"sf.malformed"_s);
}

void TestRateLimitHeaders::presetsRoundTripThroughJson()
{
    for (const QString &name : RateLimitHeaderSpec::presetNames()) {
        const RateLimitHeaderSpec preset = spec(name);
        const auto back = RateLimitHeaderSpec::fromJson(preset.toJson(), u"test"_s);
        QVERIFY2(back.has_value(), qPrintable(name));
        QCOMPARE(back->toJson(), preset.toJson());
        QVERIFY(*back == preset);
    }
}

void TestRateLimitHeaders::specJsonOverridesAPreset()
{
    // Jira Cloud sends X-RateLimit-Reset as an ISO 8601 timestamp [R, FACTS.md].
    const QJsonObject json = QJsonDocument::fromJson(
                                     R"({"name":"jira","basedOn":"generic","resetUnit":"iso8601"})")
                                     .object();
    const auto jira = RateLimitHeaderSpec::fromJson(json, u"jira.json"_s);
    QVERIFY(jira.has_value());
    QCOMPARE(jira->name, u"jira"_s);
    QCOMPARE(jira->remainingField, "X-RateLimit-Remaining"_ba);
    const HttpHeaders headers{{"X-RateLimit-Remaining", "0"},
                              {"X-RateLimit-Reset", "2025-03-02T14:05:10Z"}};
    const RateLimitObservation seen = parseRateLimitHeaders(headers, *jira, kNow);
    QCOMPARE(*seen.resetAtMs - kNow, 300'000);
}

void TestRateLimitHeaders::specJsonErrorsNameTheKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown-key")
            << R"({"remaning":"X-Left"})"_ba << u"rate_limit_spec.invalid"_s
            << u"shopify.json: rate-limit headers \"remaning\" is not a known key"_s;
    QTest::newRow("field-not-a-string") << R"({"limit":5})"_ba << u"rate_limit_spec.invalid"_s
                                        << u"shopify.json: rate-limit headers \"limit\" must be a "
                                           u"header field name (a string)"_s;
    QTest::newRow("field-with-colon")
            << R"({"limit":"X-Limit: 5"})"_ba << u"rate_limit_spec.invalid"_s
            << u"shopify.json: rate-limit headers \"limit\" \"X-Limit: 5\" "
               u"is not a header field name"_s;
    QTest::newRow("unknown-reset-unit")
            << R"({"resetUnit":"minutes"})"_ba << u"rate_limit_spec.invalid"_s
            << u"shopify.json: rate-limit headers \"resetUnit\" must be "
               u"one of delta_seconds, epoch_seconds, "
               u"delta_milliseconds, iso8601"_s;
    QTest::newRow("ietf-not-bool")
            << R"({"ietf":"yes"})"_ba << u"rate_limit_spec.invalid"_s
            << u"shopify.json: rate-limit headers \"ietf\" must be true or false"_s;
    QTest::newRow("unknown-preset")
            << R"({"basedOn":"acme"})"_ba << u"rate_limit_spec.invalid"_s
            << u"shopify.json: rate-limit headers \"basedOn\" unknown "
               u"rate-limit header preset \"acme\" (known: generic, github, "
               u"discord, shopify, hubspot, salesforce, stripe, pagerduty, "
               u"ietf)"_s;
    QTest::newRow("empty-body-marker")
            << R"({"bodyMarkers":["limit",""]})"_ba << u"rate_limit_spec.invalid"_s
            << u"shopify.json: rate-limit headers \"bodyMarkers\" must be "
               u"an array of non-empty strings"_s;
}

void TestRateLimitHeaders::specJsonErrorsNameTheKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const auto parsed = RateLimitHeaderSpec::fromJson(QJsonDocument::fromJson(json).object(),
                                                      u"shopify.json"_s);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, code);
    QCOMPARE(parsed.error().message, message);
}

QTEST_GUILESS_MAIN(TestRateLimitHeaders)
#include "tst_ratelimitheaders.moc"
