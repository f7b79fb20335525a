// SPDX-License-Identifier: GPL-3.0-or-later
// RequestFramer: the limits and framing rules the receiver applies before QtHttpServer reads a
// body, fed in one piece and byte by byte (the framer must not depend on how TCP splits bytes).
#include "core/inbound/http/requestframer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

// "head POST /hooks/1 cl=5 | complete 5" — one line per event.
QString describe(const QList<RequestFramer::Event> &events)
{
    QStringList lines;
    for (const RequestFramer::Event &event : events) {
        switch (event.kind) {
        case RequestFramer::Event::Kind::Head:
            lines << u"head %1 %2 %3%4%5"_s.arg(QString::fromLatin1(event.head.method),
                                                QString::fromLatin1(event.head.target),
                                                event.head.chunked
                                                        ? u"chunked"_s
                                                        : u"cl=%1"_s.arg(event.head.contentLength),
                                                event.head.contentEncoding
                                                                == RequestHead::Encoding::Gzip
                                                        ? u" gzip"_s
                                                        : QString(),
                                                event.head.keepAlive ? QString() : u" close"_s);
            break;
        case RequestFramer::Event::Kind::Complete:
            lines << u"complete %1"_s.arg(event.bodyBytes);
            break;
        case RequestFramer::Event::Kind::Rejected:
            lines << u"rejected %1 %2"_s.arg(event.rejection.status).arg(event.rejection.code);
            break;
        }
    }
    return lines.join(u" | "_s);
}

FramingLimits smallLimits()
{
    FramingLimits limits;
    limits.maxBodyBytes = 10;
    limits.maxHeadBytes = 200;
    limits.maxHeaderFields = 4;
    limits.maxFieldBytes = 40;
    return limits;
}

} // namespace

class TestRequestFramer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frames_data();
    void frames();
    void headersKeepOrderCaseAndBytes();
    void messagesNameTheHeader();
};

void TestRequestFramer::frames_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("expected");

    const QByteArray host = "Host: h\r\n";
    QTest::newRow("content-length-body")
            << QByteArray("POST /hooks/1 HTTP/1.1\r\n" + host + "Content-Length: 5\r\n\r\nhello")
            << u"head POST /hooks/1 cl=5 | complete 5"_s;
    QTest::newRow("body-at-the-cap")
            << QByteArray("POST /a HTTP/1.1\r\n" + host + "Content-Length: 10\r\n\r\n0123456789")
            << u"head POST /a cl=10 | complete 10"_s;
    QTest::newRow("body-one-over-the-cap-refused-before-the-body")
            << QByteArray("POST /a HTTP/1.1\r\n" + host + "Content-Length: 11\r\n\r\n")
            << u"rejected 413 request.body_too_large"_s;
    QTest::newRow("content-length-beyond-int64") << QByteArray(
            "POST /a HTTP/1.1\r\n" + host + "Content-Length: 99999999999999999999999\r\n\r\n")
                                                 << u"rejected 413 request.body_too_large"_s;
    QTest::newRow("get-without-body") << QByteArray("GET /health HTTP/1.1\r\n" + host + "\r\n")
                                      << u"head GET /health cl=0 | complete 0"_s;
    QTest::newRow("two-requests-keep-alive")
            << QByteArray("POST /a HTTP/1.1\r\n" + host + "Content-Length: 2\r\n\r\nab"
                          + "POST /b HTTP/1.1\r\n" + host + "Content-Length: 1\r\n\r\nc")
            << u"head POST /a cl=2 | complete 2 | head POST /b cl=1 | complete 1"_s;
    QTest::newRow("connection-close")
            << QByteArray("GET / HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n")
            << u"head GET / cl=0 close | complete 0"_s;
    QTest::newRow("http10-closes-by-default")
            << QByteArray("GET / HTTP/1.0\r\n\r\n") << u"head GET / cl=0 close | complete 0"_s;
    QTest::newRow("bare-lf-line-ends")
            << QByteArray("POST /a HTTP/1.1\nHost: h\nContent-Length: 1\n\nx")
            << u"head POST /a cl=1 | complete 1"_s;
    QTest::newRow("empty-lines-before-request-line")
            << QByteArray("\r\n\r\nGET / HTTP/1.1\r\n" + host + "\r\n")
            << u"head GET / cl=0 | complete 0"_s;

    QTest::newRow("chunked") << QByteArray(
            "POST /c HTTP/1.1\r\n" + host
            + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n")
                             << u"head POST /c chunked | complete 5"_s;
    QTest::newRow("chunked-exactly-at-the-cap") << QByteArray(
            "POST /c HTTP/1.1\r\n" + host
            + "Transfer-Encoding: chunked\r\n\r\n5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n")
                                                << u"head POST /c chunked | complete 10"_s;
    QTest::newRow("chunked-passing-the-cap-refused-at-the-chunk-size")
            << QByteArray("POST /c HTTP/1.1\r\n" + host
                          + "Transfer-Encoding: chunked\r\n\r\n5\r\n01234\r\n6\r\n")
            << u"head POST /c chunked | rejected 413 request.body_too_large"_s;
    QTest::newRow("chunked-trailers-refused")
            << QByteArray("POST /c HTTP/1.1\r\n" + host
                          + "Transfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\nX-T: 1\r\n\r\n")
            << u"head POST /c chunked | rejected 400 request.chunked_trailers"_s;
    QTest::newRow("chunk-size-not-hex")
            << QByteArray("POST /c HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nzz\r\n")
            << u"head POST /c chunked | rejected 400 request.bad_chunk"_s;
    QTest::newRow("chunk-longer-than-its-size")
            << QByteArray("POST /c HTTP/1.1\r\n" + host
                          + "Transfer-Encoding: chunked\r\n\r\n1\r\nabc\r\n0\r\n\r\n")
            << u"head POST /c chunked | rejected 400 request.bad_chunk"_s;
    QTest::newRow("content-length-and-transfer-encoding")
            << QByteArray("POST /a HTTP/1.1\r\n" + host
                          + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
            << u"rejected 400 request.ambiguous_length"_s;
    QTest::newRow("transfer-encoding-gzip-chunked")
            << QByteArray("POST /a HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked\r\n\r\n")
            << u"rejected 501 request.unsupported_transfer_encoding"_s;
    QTest::newRow("two-different-content-lengths") << QByteArray(
            "POST /a HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 4\r\n\r\n")
                                                   << u"rejected 400 request.bad_content_length"_s;
    QTest::newRow("signed-content-length")
            << QByteArray("POST /a HTTP/1.1\r\n" + host + "Content-Length: +3\r\n\r\n")
            << u"rejected 400 request.bad_content_length"_s;

    QTest::newRow("gzip") << QByteArray("POST /a HTTP/1.1\r\n" + host
                                        + "Content-Encoding: GZIP\r\nContent-Length: 1\r\n\r\nx")
                          << u"head POST /a cl=1 gzip | complete 1"_s;
    QTest::newRow("x-gzip") << QByteArray("POST /a HTTP/1.1\r\n" + host
                                          + "Content-Encoding: x-gzip\r\n\r\n")
                            << u"head POST /a cl=0 gzip | complete 0"_s;
    QTest::newRow("identity-encoding")
            << QByteArray("POST /a HTTP/1.1\r\n" + host + "Content-Encoding: identity\r\n\r\n")
            << u"head POST /a cl=0 | complete 0"_s;
    QTest::newRow("brotli-unsupported")
            << QByteArray("POST /a HTTP/1.1\r\n" + host + "Content-Encoding: br\r\n\r\n")
            << u"rejected 415 request.unsupported_content_encoding"_s;
    QTest::newRow("gzip-twice-unsupported")
            << QByteArray("POST /a HTTP/1.1\r\n" + host + "Content-Encoding: gzip, gzip\r\n\r\n")
            << u"rejected 415 request.unsupported_content_encoding"_s;

    QTest::newRow("no-host-in-http11")
            << QByteArray("GET / HTTP/1.1\r\n\r\n") << u"rejected 400 request.bad_host"_s;
    QTest::newRow("two-hosts") << QByteArray("GET / HTTP/1.1\r\n" + host + host + "\r\n")
                               << u"rejected 400 request.bad_host"_s;
    QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\n" + host + "X-A: 1\r\n 2\r\n\r\n")
                              << u"rejected 400 request.obs_fold"_s;
    QTest::newRow("space-before-colon")
            << QByteArray("GET / HTTP/1.1\r\n" + host + "X-A : 1\r\n\r\n")
            << u"rejected 400 request.bad_header"_s;
    QTest::newRow("bare-cr-in-value")
            << QByteArray("GET / HTTP/1.1\r\n" + host + "X-A: 1\r2\r\n\r\n")
            << u"rejected 400 request.bad_header"_s;
    QTest::newRow("too-many-fields")
            << QByteArray("GET / HTTP/1.1\r\n" + host + "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n")
            << u"rejected 431 request.too_many_headers"_s;
    QTest::newRow("field-too-long")
            << QByteArray("GET / HTTP/1.1\r\n" + host + "A: " + QByteArray(40, 'a') + "\r\n\r\n")
            << u"rejected 431 request.header_too_large"_s;
    QTest::newRow("head-too-large")
            << QByteArray("GET / HTTP/1.1\r\n" + host + "A: " + QByteArray(30, 'a')
                          + "\r\nB: " + QByteArray(30, 'b') + "\r\nC: " + QByteArray(30, 'c')
                          + "\r\nD" + QByteArray(200, 'd'))
            << u"rejected 431 request.head_too_large"_s;
    QTest::newRow("request-line-too-long") << QByteArray("GET /" + QByteArray(300, 'a'))
                                           << u"rejected 414 request.target_too_long"_s;
    QTest::newRow("http2-preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
                                   << u"rejected 505 request.bad_version"_s;
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01 hello\r\n")
                             << u"rejected 400 request.bad_request_line"_s;
    QTest::newRow("websocket-upgrade") << QByteArray(
            "GET / HTTP/1.1\r\n" + host + "Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n")
                                       << u"rejected 400 request.upgrade"_s;
    QTest::newRow("nothing-after-a-rejection")
            << QByteArray("GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n" + host + "\r\n")
            << u"rejected 400 request.bad_host"_s;
}

void TestRequestFramer::frames()
{
    QFETCH(QByteArray, stream);
    QFETCH(QString, expected);

    RequestFramer whole(smallLimits());
    QCOMPARE(describe(whole.feed(stream)), expected);

    RequestFramer byteByByte(smallLimits());
    QList<RequestFramer::Event> events;
    for (qsizetype i = 0; i < stream.size(); ++i)
        events += byteByByte.feed(QByteArrayView(stream).sliced(i, 1));
    QCOMPARE(describe(events), expected);
}

void TestRequestFramer::headersKeepOrderCaseAndBytes()
{
    RequestFramer framer;
    const QByteArray stream = "POST /hooks/7?b=2&a=%41 HTTP/1.1\r\n"
                              "host: 127.0.0.1:8480\r\n"
                              "X-Hub-Signature-256:   sha256=ab  \r\n"
                              "x-custom: caf\xe9 \xf0\x9f\x8e\x89\r\n"
                              "X-Empty:\r\n"
                              "X-CUSTOM: second\r\n"
                              "Content-Length: 0\r\n\r\n";
    const QList<RequestFramer::Event> events = framer.feed(stream);
    QCOMPARE(events.size(), 2);
    const RequestHead &head = events.first().head;
    QCOMPARE(head.target, "/hooks/7?b=2&a=%41"_ba);
    QCOMPARE(head.headBytes, stream.size());
    const QList<ReceivedHeader> expected{
            {"host"_ba, "127.0.0.1:8480"_ba},
            {"X-Hub-Signature-256"_ba, "sha256=ab"_ba},
            {"x-custom"_ba, "caf\xe9 \xf0\x9f\x8e\x89"_ba},
            {"X-Empty"_ba, ""_ba},
            {"X-CUSTOM"_ba, "second"_ba},
            {"Content-Length"_ba, "0"_ba},
    };
    QCOMPARE(head.headers, expected);
}

void TestRequestFramer::messagesNameTheHeader()
{
    RequestFramer framer(smallLimits());
    const QList<RequestFramer::Event> events = framer.feed(
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Encoding: deflate\r\n\r\n");
    QCOMPARE(events.size(), 1);
    QVERIFY2(events.first().rejection.message.contains(u"Content-Encoding \"deflate\""_s),
             qPrintable(events.first().rejection.message));
    QVERIFY(framer.rejected());
    QVERIFY(framer.feed("GET / HTTP/1.1\r\nHost: h\r\n\r\n").isEmpty());
}

QTEST_GUILESS_MAIN(TestRequestFramer)
#include "tst_requestframer.moc"
