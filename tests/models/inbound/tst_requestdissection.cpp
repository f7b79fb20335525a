// SPDX-License-Identifier: GPL-3.0-or-later
// The inspector's dissection of a stored request: the wire bytes, the field tree over them
// (request line, headers, the JSON body with numbers exactly as sent and duplicate keys marked),
// the byte ranges both ways, and the body as visible text.
#include "models/inbound/requestdissection.h"
#include "models/inbound/requesttreemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using models::DissectedField;

namespace {

core::InboundEvent eventWithBody(const QByteArray &body,
                                 const QByteArray &contentType = "application/json"_ba)
{
    core::InboundEvent event;
    event.id = 7;
    event.requestTarget = "/hooks/3?src=test"_ba;
    event.request.method = "POST"_ba;
    event.request.url = "http://127.0.0.1:8480/hooks/3?src=test"_ba;
    event.request.headers = {{"Host"_ba, "127.0.0.1:8480"_ba},
                             {"Content-Type"_ba, contentType},
                             {"Stripe-Signature"_ba, "t=1750000000,v1=5257a869e7"_ba}};
    event.request.body = body;
    event.bodySize = body.size();
    return event;
}

// The field named by a path of names from the top ("Body/JSON/data/object/id").
int fieldByPath(const models::RequestDissection &d, const QString &path)
{
    int current = -1;
    for (const QString &name : path.split(u'/')) {
        const QList<int> &children = current < 0 ? d.topLevel : d.fields.at(current).children;
        int found = -1;
        // The last field with that name (a duplicate key's winner).
        for (int child : children) {
            if (d.fields.at(child).name == name)
                found = child;
        }
        if (found < 0)
            return -1;
        current = found;
    }
    return current;
}

QByteArray bytesOf(const models::RequestDissection &d, int field)
{
    return d.bytes.mid(d.fields.at(field).offset, d.fields.at(field).length);
}

} // namespace

class TestRequestDissection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wireBytesAndHeaderRanges();
    void jsonValues_data();
    void jsonValues();
    void duplicateKeysMarkTheOverriddenMember();
    void fieldAtFindsTheDeepestField_data();
    void fieldAtFindsTheDeepestField();
    void bodiesThatAreNotOutlined_data();
    void bodiesThatAreNotOutlined();
    void visibleText_data();
    void visibleText();
    void charsetFromContentType_data();
    void charsetFromContentType();
    void treeModelLinksFieldsAndBytes();
};

void TestRequestDissection::wireBytesAndHeaderRanges()
{
    const core::InboundEvent event = eventWithBody("{\"a\":1}"_ba);
    const models::RequestDissection d = models::dissectRequest(event);
    const QByteArray expected = "POST /hooks/3?src=test HTTP/1.1\r\n"
                                "Host: 127.0.0.1:8480\r\n"
                                "Content-Type: application/json\r\n"
                                "Stripe-Signature: t=1750000000,v1=5257a869e7\r\n"
                                "\r\n"
                                "{\"a\":1}"_ba;
    QCOMPARE(d.bytes, expected);
    QCOMPARE(d.bodyOffset, expected.indexOf('{'));
    QCOMPARE(d.topLevel.size(), 3);
    QCOMPARE(bytesOf(d, fieldByPath(d, u"Request line"_s)), "POST /hooks/3?src=test HTTP/1.1"_ba);
    QCOMPARE(bytesOf(d, fieldByPath(d, u"Request line/Method"_s)), "POST"_ba);
    QCOMPARE(bytesOf(d, fieldByPath(d, u"Request line/Request target"_s)), "/hooks/3?src=test"_ba);
    const int signature = fieldByPath(d, u"Headers/Stripe-Signature"_s);
    QVERIFY(signature >= 0);
    QCOMPARE(bytesOf(d, signature), "Stripe-Signature: t=1750000000,v1=5257a869e7"_ba);
    QCOMPARE(d.fields.at(signature).value, u"t=1750000000,v1=5257a869e7"_s);
    QCOMPARE(bytesOf(d, fieldByPath(d, u"Body"_s)), "{\"a\":1}"_ba);
    QVERIFY(!d.bodyError);
}

void TestRequestDissection::jsonValues_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("bytes"); // the field's bytes: from its name for a member

    const QByteArray stripe = R"({"id":"evt_1","data":{"object":{"id":"pi_3","amount":2000,)"
                              R"("created":1750000000,"metadata":{}}},"livemode":false,)"
                              R"("request":null,"items":[1.50,-0,2e10]})"_ba;
    QTest::newRow("string-member")
            << stripe << u"Body/JSON/id"_s << u"evt_1"_s << R"("id":"evt_1")"_ba;
    QTest::newRow("nested-number")
            << stripe << u"Body/JSON/data/object/amount"_s << u"2000"_s << R"("amount":2000)"_ba;
    QTest::newRow("object-summary") << stripe << u"Body/JSON/data/object/metadata"_s
                                    << u"{0 members}"_s << R"("metadata":{})"_ba;
    QTest::newRow("false") << stripe << u"Body/JSON/livemode"_s << u"false"_s
                           << R"("livemode":false)"_ba;
    QTest::newRow("null") << stripe << u"Body/JSON/request"_s << u"null"_s
                          << R"("request":null)"_ba;
    QTest::newRow("array-summary")
            << stripe << u"Body/JSON/items"_s << u"[3 items]"_s << R"("items":[1.50,-0,2e10])"_ba;
    // Numbers exactly as sent: no double conversion (1.50 stays 1.50, -0 stays -0).
    QTest::newRow("decimal-trailing-zero")
            << stripe << u"Body/JSON/items/[0]"_s << u"1.50"_s << "1.50"_ba;
    QTest::newRow("negative-zero") << stripe << u"Body/JSON/items/[1]"_s << u"-0"_s << "-0"_ba;
    QTest::newRow("exponent") << stripe << u"Body/JSON/items/[2]"_s << u"2e10"_s << "2e10"_ba;
    // Above 2^53 (9007199254740993 is not a double): the exact digits.
    const QByteArray big = R"({"installation":{"id":9007199254740993},)"
                           R"( "snowflake" : 18446744073709551615 })"_ba;
    QTest::newRow("id-above-2^53") << big << u"Body/JSON/installation/id"_s << u"9007199254740993"_s
                                   << R"("id":9007199254740993)"_ba;
    QTest::newRow("uint64-max-with-spaces")
            << big << u"Body/JSON/snowflake"_s << u"18446744073709551615"_s
            << R"("snowflake" : 18446744073709551615)"_ba;
    const QByteArray escapes = R"({"text":"caf\u00e9 \"ok\" \ud83d\ude00","k\u0065y":1})"_ba;
    QTest::newRow("string-escapes-resolved") << escapes << u"Body/JSON/text"_s << u"café \"ok\" 😀"_s
                                             << R"("text":"caf\u00e9 \"ok\" \ud83d\ude00")"_ba;
    QTest::newRow("escaped-member-name")
            << escapes << u"Body/JSON/key"_s << u"1"_s << R"("k\u0065y":1)"_ba;
    QTest::newRow("top-level-array") << "  [true, {\"a\":[]}]\n"_ba << u"Body/JSON/[1]/a"_s
                                     << u"[0 items]"_s << R"("a":[])"_ba;
}

void TestRequestDissection::jsonValues()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QByteArray, bytes);
    const models::RequestDissection d = models::dissectRequest(eventWithBody(body));
    QVERIFY2(!d.bodyError, qPrintable(d.bodyError ? d.bodyError->message : QString()));
    const int field = fieldByPath(d, path);
    QVERIFY2(field >= 0, qPrintable(path));
    QCOMPARE(d.fields.at(field).value, value);
    QCOMPARE(bytesOf(d, field), bytes);
    QVERIFY(!d.fields.at(field).overridden);
}

void TestRequestDissection::duplicateKeysMarkTheOverriddenMember()
{
    // RFC 8259 §4 leaves duplicates open; JSON.parse, Python and Go take the last one.
    const QByteArray body = R"({"team_id":"T_FORGED","event":{"type":"x"},"team_id":"T_REAL"})"_ba;
    const models::RequestDissection d = models::dissectRequest(eventWithBody(body));
    const int root = fieldByPath(d, u"Body/JSON"_s);
    QCOMPARE(d.fields.at(root).value, u"{3 members}"_s);
    const QList<int> &members = d.fields.at(root).children;
    QCOMPARE(members.size(), 3);
    QCOMPARE(d.fields.at(members.at(0)).name, u"team_id"_s);
    QCOMPARE(d.fields.at(members.at(0)).value, u"T_FORGED"_s);
    QVERIFY(d.fields.at(members.at(0)).overridden);
    QVERIFY(!d.fields.at(members.at(1)).overridden);
    QCOMPARE(d.fields.at(members.at(2)).value, u"T_REAL"_s);
    QVERIFY(!d.fields.at(members.at(2)).overridden);
}

void TestRequestDissection::fieldAtFindsTheDeepestField_data()
{
    QTest::addColumn<QByteArray>("marker"); // the field's bytes start with this (in the body)
    QTest::addColumn<int>("delta");         // offset from the marker's first byte
    QTest::addColumn<QString>("name");      // the field found ("" : none)

    QTest::newRow("number-digit") << "12345678901234567890"_ba << 5 << u"id"_s;
    QTest::newRow("member-name") << "\"id\""_ba << 1 << u"id"_s;
    QTest::newRow("array-item") << "\"b\"]"_ba << 0 << u"[1]"_s;
    QTest::newRow("array-comma-is-the-array") << ",\"b\"]"_ba << 0 << u"list"_s;
    QTest::newRow("outer-brace-is-the-root") << "{\"id\""_ba << 0 << u"JSON"_s;
}

void TestRequestDissection::fieldAtFindsTheDeepestField()
{
    QFETCH(QByteArray, marker);
    QFETCH(int, delta);
    QFETCH(QString, name);
    const QByteArray body = R"({"id":12345678901234567890,"list":["a","b"]})"_ba;
    const models::RequestDissection d = models::dissectRequest(eventWithBody(body));
    const qsizetype offset = d.bodyOffset + body.indexOf(marker) + delta;
    const int field = d.fieldAt(offset);
    QVERIFY(field >= 0);
    QCOMPARE(d.fields.at(field).name, name);
    // The header section's terminating CRLF belongs to no field.
    QCOMPARE(d.fieldAt(d.bodyOffset - 1), -1);
    QCOMPARE(d.fieldAt(d.bytes.size()), -1);
    QCOMPARE(d.fields.at(d.fieldAt(0)).name, u"Method"_s);
}

void TestRequestDissection::bodiesThatAreNotOutlined_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentEncoding");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("bodyValue");

    QTest::newRow("invalid-json-says-where")
            << "{\"a\":1,}"_ba << QByteArray() << u"json.invalid"_s << u"8 bytes"_s;
    QTest::newRow("form-encoded-slack-command") << "token=x&team_id=T1&command=%2Fdeploy"_ba
                                                << QByteArray() << QString() << u"36 bytes"_s;
    QTest::newRow("gzip-encoded-is-not-parsed")
            << "\x1f\x8b\x08\x00\x00\x00"_ba
            << "gzip"_ba << QString() << u"6 bytes, gzip-encoded"_s;
    QTest::newRow("empty") << QByteArray() << QByteArray() << QString() << u"0 bytes"_s;
}

void TestRequestDissection::bodiesThatAreNotOutlined()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentEncoding);
    QFETCH(QString, errorCode);
    QFETCH(QString, bodyValue);
    core::InboundEvent event = eventWithBody(body);
    if (!contentEncoding.isEmpty())
        event.request.headers.append({"Content-Encoding"_ba, contentEncoding});
    const models::RequestDissection d = models::dissectRequest(event);
    const int bodyField = fieldByPath(d, u"Body"_s);
    QCOMPARE(d.fields.at(bodyField).children.size(), 0);
    QCOMPARE(d.fields.at(bodyField).value, bodyValue);
    QCOMPARE(bytesOf(d, bodyField), body);
    QCOMPARE(d.bodyError ? d.bodyError->code : QString(), errorCode);
    if (d.bodyError)
        QVERIFY2(d.bodyError->message.contains(u"byte 7"_s), qPrintable(d.bodyError->message));
}

void TestRequestDissection::visibleText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<QString>("text");

    QTest::newRow("utf8-multibyte") << "caf\xc3\xa9 \xe2\x82\xac"_ba
                                    << "utf-8"_ba << u"café €"_s;
    QTest::newRow("utf8-invalid-byte-visible") << "ok \xff end"_ba
                                               << "utf-8"_ba << u"ok \\xFF end"_s;
    QTest::newRow("utf8-truncated-sequence") << "a\xe2\x82"_ba
                                             << "utf-8"_ba << u"a\\xE2\\x82"_s;
    QTest::newRow("utf8-overlong-slash-rejected") << "\xc0\xaf"_ba
                                                  << "utf-8"_ba << u"\\xC0\\xAF"_s;
    QTest::newRow("utf8-surrogate-rejected") << "\xed\xa0\x80"_ba
                                             << "utf-8"_ba << u"\\xED\\xA0\\x80"_s;
    QTest::newRow("latin1-charset") << "caf\xe9"_ba
                                    << "iso-8859-1"_ba << u"café"_s;
    QTest::newRow("ascii-charset-high-byte") << "caf\xe9"_ba
                                             << "us-ascii"_ba << u"caf\\xE9"_s;
    QTest::newRow("nul-and-escape-visible-newline-kept")
            << QByteArray("a\0b\x1b\n", 5) << "utf-8"_ba << u"a\\x00b\\x1B\n"_s;
}

void TestRequestDissection::visibleText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, charset);
    QFETCH(QString, text);
    QCOMPARE(models::visibleText(bytes, charset), text);
}

void TestRequestDissection::charsetFromContentType_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("charset");
    QTest::newRow("json-without-charset") << "application/json"_ba
                                          << "utf-8"_ba;
    QTest::newRow("latin1-quoted-upper") << "text/plain; Charset=\"ISO-8859-1\""_ba
                                         << "iso-8859-1"_ba;
    QTest::newRow("form-with-charset") << "application/x-www-form-urlencoded;charset=utf-8"_ba
                                       << "utf-8"_ba;
    QTest::newRow("other-parameter-first") << "text/plain; format=flowed; charset=us-ascii"_ba
                                           << "us-ascii"_ba;
}

void TestRequestDissection::charsetFromContentType()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, charset);
    QCOMPARE(models::bodyCharset(eventWithBody({}, contentType).request), charset);
}

void TestRequestDissection::treeModelLinksFieldsAndBytes()
{
    const QByteArray body = R"({"id":9007199254740993,"tags":["x","y"]})"_ba;
    models::RequestTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDissection(models::dissectRequest(eventWithBody(body)));
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex bodyIndex = model.index(2, 0);
    QCOMPARE(bodyIndex.data().toString(), u"Body"_s);
    const QModelIndex root = model.index(0, 0, bodyIndex);
    QCOMPARE(model.rowCount(root), 2);
    const QModelIndex id = model.index(0, 0, root);
    QCOMPARE(id.siblingAtColumn(1).data().toString(), u"9007199254740993"_s);
    const qsizetype offset = id.data(models::RequestTreeModel::ByteOffsetRole).toLongLong();
    const qsizetype length = id.data(models::RequestTreeModel::ByteLengthRole).toLongLong();
    QCOMPARE(model.dissection().bytes.mid(offset, length), R"("id":9007199254740993)"_ba);
    // A byte of "y" selects the second tag; its parent chain leads back to Body.
    const qsizetype y = model.dissection().bodyOffset + body.indexOf("\"y\"") + 1;
    const QModelIndex tag = model.indexAtOffset(y);
    QCOMPARE(tag.data().toString(), u"[1]"_s);
    QCOMPARE(tag.parent().data().toString(), u"tags"_s);
    QCOMPARE(tag.parent().parent(), root);
    QCOMPARE(model.parent(root), bodyIndex);
}

QTEST_GUILESS_MAIN(TestRequestDissection)
#include "tst_requestdissection.moc"
