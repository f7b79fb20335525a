// SPDX-License-Identifier: GPL-3.0-or-later
// Identity (and event id/type) fields read from raw requests through the shipped profiles: the
// value exactly as written and a description of where it was read.
#include "core/inbound/identity/fieldreader.h"

#include "inboundtest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::builtInProfile;
using wb::test::makeRequest;

class TestFieldReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identity_data();
    void identity();
    void nothingFoundIsExplained_data();
    void nothingFoundIsExplained();
    void duplicatesAreReported();
    void repeatedHeaderUsesTheFirst();
};

void TestFieldReader::identity_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<RawRequest>("request");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("description");

    using K = FieldValue::Kind;
    const QByteArray hook = "http://127.0.0.1:8480/hooks/p/x";
    QTest::newRow("github-installation-id-above-2^53")
            << u"github"_s
            << makeRequest("POST", hook, {},
                           R"({"action":"opened","installation":{"id":9007199254740993123}})")
            << QByteArray("9007199254740993123") << int(K::JsonNumber)
            << u"JSON pointer /installation/id in the body: number \"9007199254740993123\", bytes 40\u201358."_s;
    QTest::newRow("slack-events-api-json")
            << u"slack"_s
            << makeRequest("POST", hook, {{"Content-Type", "application/json"}},
                           R"({"token":"x","team_id":"T1DC2JH3J","event":{"type":"app_mention"}})")
            << QByteArray("T1DC2JH3J") << int(K::JsonString)
            << u"JSON pointer /team_id in the body: string \"T1DC2JH3J\", bytes 23\u201333."_s;
    QTest::newRow("slack-slash-command-form-fallback")
            << u"slack"_s
            << makeRequest("POST", hook, {{"Content-Type", "application/x-www-form-urlencoded"}},
                           "token=xyz&team_id=T1DC2JH3J&team_domain=test&text=hi+there")
            << QByteArray("T1DC2JH3J") << int(K::FormValue)
            << u"form field team_id in the body: \"T1DC2JH3J\", bytes 18\u201326."_s;
    QTest::newRow("shopify-shop-domain-header")
            << u"shopify"_s
            << makeRequest("POST", hook, {{"x-shopify-shop-domain", "acme.myshopify.com"}}, "{}")
            << QByteArray("acme.myshopify.com") << int(K::HeaderValue)
            << u"header X-Shopify-Shop-Domain: \"acme.myshopify.com\"."_s;
    QTest::newRow("shopify-events-header-fallback")
            << u"shopify"_s
            << makeRequest("POST", hook, {{"shopify-shop-domain", "beta.myshopify.com"}}, "{}")
            << QByteArray("beta.myshopify.com") << int(K::HeaderValue)
            << u"header shopify-shop-domain: \"beta.myshopify.com\"."_s;
    QTest::newRow("hubspot-array-of-events")
            << u"hubspot"_s
            << makeRequest("POST", hook, {},
                           R"([{"eventId":1,"portalId":62515},{"eventId":2,"portalId":99}])")
            << QByteArray("62515") << int(K::JsonNumber)
            << u"JSON pointer /0/portalId in the body: number \"62515\", bytes 25\u201329."_s;
    QTest::newRow("twilio-account-sid-form")
            << u"twilio"_s << makeRequest("POST", hook, {}, "AccountSid=AC%2Dabc&Body=hello")
            << QByteArray("AC-abc") << int(K::FormValue)
            << u"form field AccountSid in the body: \"AC-abc\", bytes 11\u201318."_s;
    QTest::newRow("salesforce-organization-id-xml")
            << u"salesforce"_s
            << makeRequest("POST", hook, {{"Content-Type", "text/xml; charset=utf-8"}},
                           R"(<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>00D000000000062EAA</OrganizationId>
   <ActionId>04k000000000001AAA</ActionId>
   <Notification><Id>04l000000000001AAA</Id></Notification>
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>)")
            << QByteArray("00D000000000062EAA") << int(K::XmlText)
            << u"XML element <OrganizationId> in the body: \"00D000000000062EAA\"."_s;
    QTest::newRow("zoom-account-id-emoji-neighbour")
            << u"zoom"_s
            << makeRequest(
                       "POST", hook, {},
                       "{\"event\":\"meeting.started\",\"payload\":{\"topic\":\"\xf0\x9f\x9a\x80\","
                       "\"account_id\":\"Acc\\u00e9\"}}")
            << QByteArray("Acc\xc3\xa9") << int(K::JsonString)
            << u"JSON pointer /payload/account_id in the body: string \"Acc\\xc3\\xa9\", bytes 66\u201376."_s;
    QTest::newRow("meta-entry-id")
            << u"meta"_s
            << makeRequest(
                       "POST", hook, {},
                       R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[]}]})")
            << QByteArray("102290129340398") << int(K::JsonString)
            << u"JSON pointer /entry/0/id in the body: string \"102290129340398\", bytes 53\u201369."_s;
}

void TestFieldReader::identity()
{
    QFETCH(QString, profile);
    QFETCH(RawRequest, request);
    QFETCH(QByteArray, value);
    QFETCH(int, kind);
    QFETCH(QString, description);

    const FieldLookup lookup = readField(request, request.body,
                                         builtInProfile(profile).identityFields);
    QVERIFY2(lookup.found(), qPrintable(lookup.explanation()));
    QCOMPARE(lookup.value->value, value);
    QCOMPARE(int(lookup.value->kind), kind);
    QCOMPARE(lookup.value->description, description);
    if (lookup.value->offset >= 0) {
        // The byte range points at the value in the raw body.
        const QByteArray raw = request.body.mid(lookup.value->offset, lookup.value->length);
        QVERIFY2(raw.contains(value) || raw.contains("\\u00e9") || raw.contains("%2D"),
                 raw.constData());
    }
    QVERIFY(lookup.explanation().endsWith(description));
}

void TestFieldReader::nothingFoundIsExplained_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<RawRequest>("request");
    QTest::addColumn<QString>("explanation");

    QTest::newRow("github-ping-without-installation")
            << u"github"_s
            << makeRequest("POST", "/h", {}, R"({"zen":"Keep it logically awesome."})")
            << u"JSON pointer /installation/id in the body: not present."_s;
    QTest::newRow("github-installation-null")
            << u"github"_s << makeRequest("POST", "/h", {}, R"({"installation":{"id":null}})")
            << u"JSON pointer /installation/id in the body: null."_s;
    QTest::newRow("github-installation-object")
            << u"github"_s << makeRequest("POST", "/h", {}, R"({"installation":{"id":{"v":1}}})")
            << u"JSON pointer /installation/id in the body: an object, not a single value."_s;
    QTest::newRow("slack-neither-json-nor-form")
            << u"slack"_s << makeRequest("POST", "/h", {}, "{broken")
            << u"JSON pointer /team_id in the body: the body is not usable JSON (Invalid JSON at "
               "byte 1: expected a member name in double quotes). form field team_id in the body: "
               "not present."_s;
    QTest::newRow("shopify-no-headers")
            << u"shopify"_s << makeRequest("POST", "/h", {}, "{}")
            << u"header X-Shopify-Shop-Domain: not present. header shopify-shop-domain: not present."_s;
    QTest::newRow("asana-declares-no-identity") << u"asana"_s << makeRequest("POST", "/h", {}, "{}")
                                                << u"The profile names no field to read."_s;
}

void TestFieldReader::nothingFoundIsExplained()
{
    QFETCH(QString, profile);
    QFETCH(RawRequest, request);
    QFETCH(QString, explanation);
    const FieldLookup lookup = readField(request, request.body,
                                         builtInProfile(profile).identityFields);
    QVERIFY(!lookup.found());
    QCOMPARE(lookup.explanation(), explanation);
}

void TestFieldReader::duplicatesAreReported()
{
    const RawRequest request = makeRequest("POST", "/h", {},
                                           R"({"team_id":"T_FORGED","event":{},"team_id":"T_REAL"})");
    const FieldLookup lookup = readField(request, request.body,
                                         builtInProfile(u"slack"_s).identityFields);
    QVERIFY(lookup.found());
    QCOMPARE(lookup.value->value, QByteArray("T_REAL"));
    QCOMPARE(lookup.value->overriddenDuplicates, 1);
    QVERIFY2(lookup.value->description.contains(
                     u"occurs 1 more time(s) on the way; the last one wins"_s),
             qPrintable(lookup.value->description));
}

void TestFieldReader::repeatedHeaderUsesTheFirst()
{
    const RawRequest request = makeRequest("POST", "/h",
                                           {{"X-Shopify-Shop-Domain", "first.myshopify.com"},
                                            {"X-Shopify-Shop-Domain", "second.myshopify.com"}},
                                           "{}");
    const FieldLookup lookup = readField(request, request.body,
                                         builtInProfile(u"shopify"_s).identityFields);
    QCOMPARE(lookup.value->value, QByteArray("first.myshopify.com"));
    QCOMPARE(lookup.value->otherHeaderValues, 1);
    QVERIFY(lookup.value->description.contains(u"occurs 1 more time(s); the first one is used"_s));
}

QTEST_GUILESS_MAIN(TestFieldReader)
#include "tst_fieldreader.moc"
