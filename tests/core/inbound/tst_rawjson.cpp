// SPDX-License-Identifier: GPL-3.0-or-later
// The raw JSON pointer reader: values exactly as written (ids above 2^53 keep their digits),
// duplicate member names (the last one wins), escapes, and errors with byte offsets.
#include "core/inbound/identity/rawjson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

class TestRawJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void find_data();
    void find();
    void bigIntegersStayExact();
    void duplicateKeysLastWins_data();
    void duplicateKeysLastWins();
    void invalidDocuments_data();
    void invalidDocuments();
    void nestingIsBounded();
    void decodeString_data();
    void decodeString();
};

void TestRawJson::find_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<int>("kind");

    using K = JsonToken::Kind;
    const QByteArray github = R"({"action":"created","installation":{"id":12345678,"node_id":"MDIz"},)"
                              R"("repository":{"owner":{"login":"octo"}}})";
    QTest::newRow("nested-number")
            << github << u"/installation/id"_s << true << QByteArray("12345678") << int(K::Number);
    QTest::newRow("nested-string") << github << u"/repository/owner/login"_s << true
                                   << QByteArray("\"octo\"") << int(K::String);
    QTest::newRow("object-value") << github << u"/installation"_s << true
                                  << QByteArray(R"({"id":12345678,"node_id":"MDIz"})")
                                  << int(K::Object);
    QTest::newRow("whole-document")
            << QByteArray(" [1, 2] ") << QString() << true << QByteArray("[1, 2]") << int(K::Array);
    QTest::newRow("absent-member")
            << github << u"/installation/account"_s << false << QByteArray() << 0;
    QTest::newRow("path-through-a-string")
            << github << u"/action/id"_s << false << QByteArray() << 0;
    const QByteArray hubspot = R"([{"eventId":1,"portalId":62515},{"eventId":2,"portalId":99}])";
    QTest::newRow("array-index-0")
            << hubspot << u"/0/portalId"_s << true << QByteArray("62515") << int(K::Number);
    QTest::newRow("array-index-1")
            << hubspot << u"/1/portalId"_s << true << QByteArray("99") << int(K::Number);
    QTest::newRow("array-index-out-of-range")
            << hubspot << u"/2/portalId"_s << false << QByteArray() << 0;
    QTest::newRow("array-index-leading-zero")
            << hubspot << u"/01/portalId"_s << false << QByteArray() << 0;
    QTest::newRow("array-index-dash") << hubspot << u"/-"_s << false << QByteArray() << 0;
    QTest::newRow("escaped-slash-and-tilde")
            << QByteArray(R"({"a/b":{"m~n":true}})") << u"/a~1b/m~0n"_s << true
            << QByteArray("true") << int(K::True);
    QTest::newRow("escaped-member-name")
            << QByteArray(R"({"team\u005fid":"T1","team_idx":"no"})") << u"/team_id"_s << true
            << QByteArray("\"T1\"") << int(K::String);
    QTest::newRow("non-ascii-member-name")
            << QByteArray("{\"caf\xc3\xa9\":{\"id\":7}}") << QString::fromUtf8("/caf\xc3\xa9/id")
            << true << QByteArray("7") << int(K::Number);
    QTest::newRow("empty-member-name") << QByteArray(R"({"":{"x":null}})") << u"//x"_s << true
                                       << QByteArray("null") << int(K::Null);
    QTest::newRow("number-forms") << QByteArray(R"({"n":-0.5e+10})") << u"/n"_s << true
                                  << QByteArray("-0.5e+10") << int(K::Number);
    QTest::newRow("whitespace-everywhere")
            << QByteArray(" \r\n{ \"a\" :\t[ 1 , { \"b\" : false } ] }\n") << u"/a/1/b"_s << true
            << QByteArray("false") << int(K::False);
    QTest::newRow("latin1-bytes-in-strings")
            << QByteArray("{\"name\":\"M\xfcller\",\"id\":\"x\"}") << u"/name"_s << true
            << QByteArray("\"M\xfcller\"") << int(K::String);
}

void TestRawJson::find()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, pointer);
    QFETCH(bool, present);
    QFETCH(QByteArray, literal);
    QFETCH(int, kind);

    const auto token = rawjson::find(document, pointer);
    QVERIFY2(token, qPrintable(token ? QString() : token.error().message));
    QCOMPARE(token->has_value(), present);
    if (present) {
        QCOMPARE(document.mid((*token)->offset, (*token)->length), literal);
        QCOMPARE(int((*token)->kind), kind);
        QCOMPARE((*token)->overriddenDuplicates, 0);
    }
}

void TestRawJson::bigIntegersStayExact()
{
    // 2^64 + 1 and 2^53 + 1: QJsonDocument stores doubles and loses both.
    const QByteArray body
            = R"({"installation":{"id":18446744073709551617},"small":9007199254740993})";
    const auto big = rawjson::find(body, u"/installation/id");
    QCOMPARE(body.mid((*big)->offset, (*big)->length), QByteArray("18446744073709551617"));
    const auto small = rawjson::find(body, u"/small");
    QCOMPARE(body.mid((*small)->offset, (*small)->length), QByteArray("9007199254740993"));
    // What the lossy path would have given.
    const QJsonObject parsed = QJsonDocument::fromJson(body).object();
    QVERIFY(QString::number(parsed[u"small"_s].toDouble(), 'f', 0) != u"9007199254740993"_s);
}

void TestRawJson::duplicateKeysLastWins_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("literal"); // empty: absent
    QTest::addColumn<int>("overridden");

    QTest::newRow("top-level") << QByteArray(R"({"team_id":"T_FIRST","team_id":"T_LAST"})")
                               << u"/team_id"_s << QByteArray("\"T_LAST\"") << 1;
    QTest::newRow("three-times") << QByteArray(R"({"a":1,"a":2,"b":0,"a":3})") << u"/a"_s
                                 << QByteArray("3") << 2;
    QTest::newRow("intermediate-object-replaced")
            << QByteArray(R"({"installation":{"id":1},"installation":{"id":2}})")
            << u"/installation/id"_s << QByteArray("2") << 1;
    // JSON.parse keeps only the last "installation", which has no id: absent, not the stale 1.
    QTest::newRow("later-duplicate-without-the-member")
            << QByteArray(R"({"installation":{"id":1},"installation":{"account":"x"}})")
            << u"/installation/id"_s << QByteArray() << 0;
    QTest::newRow("duplicates-elsewhere-do-not-count")
            << QByteArray(R"({"x":1,"x":2,"id":"7"})") << u"/id"_s << QByteArray("\"7\"") << 0;
    QTest::newRow("escaped-duplicate") << QByteArray(R"({"id":"plain","\u0069d":"escaped"})")
                                       << u"/id"_s << QByteArray("\"escaped\"") << 1;
}

void TestRawJson::duplicateKeysLastWins()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, literal);
    QFETCH(int, overridden);

    const auto token = rawjson::find(document, pointer);
    QVERIFY(token);
    QCOMPARE(token->has_value(), !literal.isEmpty());
    if (!literal.isEmpty()) {
        QCOMPARE(document.mid((*token)->offset, (*token)->length), literal);
        QCOMPARE((*token)->overriddenDuplicates, overridden);
    }
}

void TestRawJson::invalidDocuments_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << u"at byte 0: expected a value"_s;
    QTest::newRow("trailing-comma")
            << QByteArray(R"({"a":1,})") << u"at byte 7: expected a member name"_s;
    QTest::newRow("single-quotes") << QByteArray("{'a':1}") << u"at byte 1: expected a member"_s;
    QTest::newRow("missing-colon") << QByteArray(R"({"a" 1})") << u"at byte 5: expected ':'"_s;
    QTest::newRow("unterminated-string") << QByteArray(R"({"a":"xyz)") << u"unterminated string"_s;
    QTest::newRow("control-character")
            << QByteArray("{\"a\":\"x\ty\"}") << u"control character 0x09"_s;
    QTest::newRow("bad-escape") << QByteArray(R"({"a":"\x41"})") << u"unknown escape"_s;
    QTest::newRow("short-unicode-escape")
            << QByteArray(R"({"a":"\u00G1"})") << u"four hex digits"_s;
    QTest::newRow("leading-zero") << QByteArray(R"({"a":0123})")
                                  << u"at byte 6: expected ',' or '}'"_s;
    QTest::newRow("bare-word") << QByteArray(R"({"a":yes})") << u"at byte 5: expected a value"_s;
    QTest::newRow("garbage-after-document")
            << QByteArray(R"({"a":1} {"b":2})") << u"at byte 8: unexpected bytes after the end"_s;
    QTest::newRow("lone-minus") << QByteArray("[-]") << u"expected a value"_s;
    QTest::newRow("exponent-without-digits") << QByteArray("[1e]") << u"exponent"_s;
}

void TestRawJson::invalidDocuments()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, message);
    const auto token = rawjson::find(document, u"/a");
    QVERIFY(!token);
    QCOMPARE(token.error().code, u"json.invalid"_s);
    QVERIFY2(token.error().message.contains(message), qPrintable(token.error().message));
}

void TestRawJson::nestingIsBounded()
{
    const QByteArray deep = QByteArray(300, '[') + QByteArray(300, ']');
    const auto token = rawjson::find(deep, u"/0");
    QVERIFY(!token);
    QCOMPARE(token.error().code, u"json.too_deep"_s);
    const QByteArray fine = QByteArray(200, '[') + QByteArray(200, ']');
    QVERIFY(rawjson::find(fine, u"/0"));
    QCOMPARE(rawjson::find(fine, u"a").error().code, u"json.bad_pointer"_s);
}

void TestRawJson::decodeString_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<bool>("valid");

    QTest::newRow("plain") << QByteArray("\"T1DC2JH3J\"") << QByteArray("T1DC2JH3J") << true;
    QTest::newRow("escapes") << QByteArray(R"("a\"b\\c\/d\b\f\n\r\t")")
                             << QByteArray("a\"b\\c/d\b\f\n\r\t") << true;
    QTest::newRow("bmp-escape") << QByteArray(R"("caf\u00e9")") << QByteArray("caf\xc3\xa9")
                                << true;
    QTest::newRow("surrogate-pair-emoji")
            << QByteArray(R"("\ud83d\ude80")") << QByteArray("\xf0\x9f\x9a\x80") << true;
    QTest::newRow("raw-utf8-kept")
            << QByteArray("\"\xf0\x9f\x8e\x89\"") << QByteArray("\xf0\x9f\x8e\x89") << true;
    QTest::newRow("latin1-kept") << QByteArray("\"K\xf6ln\"") << QByteArray("K\xf6ln") << true;
    QTest::newRow("lone-high-surrogate") << QByteArray(R"("\ud83d")") << QByteArray() << false;
    QTest::newRow("lone-low-surrogate") << QByteArray(R"("\ude80x")") << QByteArray() << false;
    QTest::newRow("no-quotes") << QByteArray("abc") << QByteArray() << false;
}

void TestRawJson::decodeString()
{
    QFETCH(QByteArray, literal);
    QFETCH(QByteArray, decoded);
    QFETCH(bool, valid);
    const auto result = rawjson::decodeString(literal);
    QCOMPARE(result.has_value(), valid);
    if (valid)
        QCOMPARE(*result, decoded);
}

QTEST_GUILESS_MAIN(TestRawJson)
#include "tst_rawjson.moc"
