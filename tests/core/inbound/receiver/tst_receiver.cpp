// SPDX-License-Identifier: GPL-3.0-or-later
// The receiver end to end on a real socket, into a real workspace: limits enforced before the
// body is read, gzip both ways, chunked bodies through QtHttpServer, bytes stored exactly,
// duplicates, tenants, failed verifications kept, handshakes recorded, keep-alive and pipelining.
#include "core/inbound/events/inboundeventrepository.h"
#include "core/inbound/flow/inboundpipeline.h"
#include "receivertestbed.h"
#include "support/futures.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::gzip;
using wb::test::hmacSignature;
using wb::test::postRequest;
using wb::test::RawHttpClient;
using wb::test::ReceiverTestBed;

namespace {

const QByteArray kGeneric = ReceiverTestBed::genericSecret;
constexpr qint64 kBodyCap = 1000;
constexpr qint64 kDecodedCap = 4000;

qint64 eventIdOf(const wb::test::HttpAnswer &answer)
{
    return QJsonDocument::fromJson(answer.body).object()[u"event_id"_s].toInteger();
}

QByteArray chunked(const QList<QByteArray> &chunks)
{
    QByteArray body;
    for (const QByteArray &chunk : chunks)
        body += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    return body + "0\r\n\r\n";
}

} // namespace

class TestReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void limits_data();
    void limits();
    void refusedBeforeTheBodyArrives();
    void gzipCoverage_data();
    void gzipCoverage();
    void chunkedBodyThroughQtHttpServer();
    void bytesSurvive_data();
    void bytesSurvive();
    void headersAndUrlAsReceived();
    void duplicates();
    void forgedCopyDoesNotShadowTheRealEvent();
    void providerUrlResolvesTenant_data();
    void providerUrlResolvesTenant();
    void failedVerificationStoredAndAnswered401();
    void handshakeRecordedAndAnsweredFast();
    void publicUrlIsTheSignedUrl();
    void metaVerifyToken_data();
    void metaVerifyToken();
    void keepAliveAndPipelining();
    void throttlesWhileTheStoreIsBusy();
    void backlogLimitAnswers503();
    void failedWriteIsNotAcknowledged();

private:
    ReceiverTestBed m_bed;
    QByteArray genericPost(qint64 connection, const QByteArray &body, const QByteArray &requestId,
                           const QList<std::pair<QByteArray, QByteArray>> &extra = {});
};

void TestReceiver::initTestCase()
{
    ReceiverSettings settings;
    settings.framing.maxBodyBytes = kBodyCap;
    settings.maxDecodedBodyBytes = kDecodedCap;
    m_bed.start(settings);
}

QByteArray TestReceiver::genericPost(qint64 connection, const QByteArray &body,
                                     const QByteArray &requestId,
                                     const QList<std::pair<QByteArray, QByteArray>> &extra)
{
    QList<std::pair<QByteArray, QByteArray>> headers{{"X-Signature", hmacSignature(kGeneric, body)},
                                                     {"X-Request-Id", requestId}};
    headers += extra;
    return postRequest("/hooks/" + QByteArray::number(connection), headers, body);
}

void TestReceiver::limits_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("stored");

    const QByteArray target = "/hooks/" + QByteArray::number(m_bed.generic);
    const QByteArray atCap(kBodyCap, 'a');
    QTest::newRow("body-at-the-cap-accepted")
            << genericPost(m_bed.generic, atCap, "at-cap") << 200 << QString() << true;
    QTest::newRow("body-one-over-the-cap-413")
            << genericPost(m_bed.generic, atCap + 'b', "over-cap") << 413
            << u"request.body_too_large"_s << false;
    QTest::newRow("chunked-over-the-cap-413")
            << QByteArray("POST " + target
                          + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked"
                            "\r\n\r\n"
                          + chunked({QByteArray(600, 'a'), QByteArray(401, 'b')}))
            << 413 << u"request.body_too_large"_s << false;
    QTest::newRow("content-length-and-transfer-encoding-400")
            << QByteArray("POST " + target
                          + " HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n"
                            "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
            << 400 << u"request.ambiguous_length"_s << false;
    QTest::newRow("brotli-415") << genericPost(m_bed.generic, "x", "br",
                                               {{"Content-Encoding", "br"}})
                                << 415 << u"request.unsupported_content_encoding"_s << false;
    QTest::newRow("deflate-415") << genericPost(m_bed.generic, "x", "deflate",
                                                {{"Content-Encoding", "deflate"}})
                                 << 415 << u"request.unsupported_content_encoding"_s << false;
    QTest::newRow("not-gzip-400-stored") << genericPost(m_bed.gzipDecoded, "plain text", "not-gzip",
                                                        {{"Content-Encoding", "gzip"}})
                                         << 400 << u"request.bad_gzip"_s << true;
    // 200 KB of zeros compress to about 200 bytes (under the 1000-byte body cap) and inflate past
    // the decoded cap (4000): the decompression stops there.
    QTest::newRow("zip-bomb-413-stored")
            << genericPost(m_bed.gzipDecoded, gzip(QByteArray(200 * 1000, '\0')), "bomb",
                           {{"Content-Encoding", "gzip"}})
            << 413 << u"request.decoded_too_large"_s << true;
    QTest::newRow("unknown-connection-404") << postRequest("/hooks/999999", {}, "x") << 404
                                            << u"receiver.unknown_connection"_s << false;
    QTest::newRow("connection-id-not-a-number-404") << postRequest("/hooks/abc", {}, "x") << 404
                                                    << u"receiver.unknown_connection"_s << false;
    QTest::newRow("unknown-provider-404") << postRequest("/hooks/p/nosuch", {}, "x") << 404
                                          << u"receiver.unknown_provider"_s << false;
    QTest::newRow("no-route-404") << postRequest("/webhook", {}, "x") << 404
                                  << u"receiver.no_route"_s << false;
    QTest::newRow("http2-prior-knowledge-505") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
                                               << 505 << u"request.bad_version"_s << false;
}

void TestReceiver::limits()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(bool, stored);

    const qsizetype before = m_bed.events().size();
    RawHttpClient client(m_bed.port());
    QVERIFY(client.connected());
    client.send(request);
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, status);
    const QJsonObject body = QJsonDocument::fromJson(answers.first().body).object();
    if (!code.isEmpty())
        QCOMPARE(body[u"error"_s].toString(), code);
    QCOMPARE(m_bed.events().size(), before + (stored ? 1 : 0));
    if (stored && status != 200) {
        const InboundEvent event = m_bed.event(m_bed.events().constLast().id);
        QCOMPARE(event.verdict, InboundVerdict::Failed);
        QCOMPARE(event.responseStatus, status);
        QCOMPARE(event.verificationReason, code.section(u'.', 1));
    }
    if (status >= 400 && status != 401 && !stored && status != 404)
        QVERIFY2(client.waitForClose(), "a refused request closes the connection");
}

void TestReceiver::refusedBeforeTheBodyArrives()
{
    // Only the head is sent: the 413 must come without the body (QtHttpServer alone would wait
    // for the whole body and buffer it).
    RawHttpClient client(m_bed.port());
    client.send("POST /hooks/" + QByteArray::number(m_bed.generic)
                + " HTTP/1.1\r\nHost: x\r\nContent-Length: 26214400\r\n\r\n" + QByteArray(100, 'x'));
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 413);
    QCOMPARE(answers.first().header("Connection"), "close"_ba);
    // The client may go on sending: the receiver reads and drops it, then the stream ends.
    client.send(QByteArray(64 * 1024, 'y'));
    QVERIFY(client.waitForClose());

    // Same for a chunked body that grows past the cap chunk by chunk.
    RawHttpClient chunkedClient(m_bed.port());
    chunkedClient.send("POST /hooks/" + QByteArray::number(m_bed.generic)
                       + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    chunkedClient.send("200\r\n" + QByteArray(0x200, 'a') + "\r\n");
    QVERIFY(chunkedClient.read(1, 300).isEmpty()); // 512 bytes: still under the cap
    chunkedClient.send("300\r\n");
    const QList<wb::test::HttpAnswer> refused = chunkedClient.read();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().status, 413);
}

void TestReceiver::gzipCoverage_data()
{
    QTest::addColumn<bool>("decodedProfile");
    QTest::addColumn<bool>("signCompressed");
    QTest::addColumn<QString>("verdict");

    QTest::newRow("as-received-profile-signature-over-compressed")
            << false << true << u"verified"_s;
    QTest::newRow("as-received-profile-signature-over-decompressed")
            << false << false << u"failed"_s;
    QTest::newRow("decompressed-profile-signature-over-decompressed")
            << true << false << u"verified"_s;
    QTest::newRow("decompressed-profile-signature-over-compressed") << true << true << u"failed"_s;
}

void TestReceiver::gzipCoverage()
{
    QFETCH(bool, decodedProfile);
    QFETCH(bool, signCompressed);
    QFETCH(QString, verdict);

    const QByteArray json = R"({"type":"order.paid","account":"acct-é","n":1})";
    const QByteArray compressed = gzip(json);
    const qint64 connection = decodedProfile ? m_bed.gzipDecoded : m_bed.gzipRaw;
    const QByteArray request = postRequest("/hooks/" + QByteArray::number(connection),
                                           {{"Content-Encoding", "gzip"},
                                            {"X-Signature",
                                             hmacSignature(kGeneric,
                                                           signCompressed ? compressed : json)},
                                            {"X-Request-Id", QTest::currentDataTag()}},
                                           compressed);
    RawHttpClient client(m_bed.port());
    client.send(request);
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, verdict == u"verified"_s ? 200 : 401);
    const InboundEvent event = m_bed.events().constLast();
    QCOMPARE(nameOf(event.verdict), verdict);
    // Stored as received (compressed); the fields were read from the decompressed bytes.
    QCOMPARE(event.request.body, compressed);
    QCOMPARE(event.eventType, u"order.paid"_s);
    QCOMPARE(event.identityValue, u"acct-é"_s);
}

void TestReceiver::chunkedBodyThroughQtHttpServer()
{
    // QtHttpServer 6.4 de-chunks the body (chunk extensions ignored); the gate counts the same.
    const QByteArray body = R"({"type":"chunked","data":"0123456789abcdef"})";
    const QByteArray request = "POST /hooks/" + QByteArray::number(m_bed.generic)
                               + " HTTP/1.1\r\nHost: x\r\nX-Signature: "
                               + hmacSignature(kGeneric, body)
                               + "\r\nX-Request-Id: chunked-1\r\nTransfer-Encoding: chunked\r\n\r\n"
                               + QByteArray::number(10, 16) + ";name=value\r\n" + body.left(10)
                               + "\r\n" + chunked({body.mid(10, 7), body.mid(17)});
    RawHttpClient client(m_bed.port());
    client.socket().setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // In small pieces at first, so chunk headers are likely split across reads.
    qsizetype sent = 0;
    for (; sent < 120; sent += 7)
        client.send(request.mid(sent, 7));
    client.send(request.mid(sent));
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    const InboundEvent event = m_bed.event(eventIdOf(answers.first()));
    QCOMPARE(event.request.body, body);
    QCOMPARE(event.verdict, InboundVerdict::Verified);
    QVERIFY(event.request.header("Transfer-Encoding").has_value());
}

void TestReceiver::bytesSurvive_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("latin1-bytes") << QByteArray("{\"name\":\"caf\xe9 na\xefve \xa3\"}");
    QTest::newRow("emoji") << QByteArray("{\"text\":\"ship it \xf0\x9f\x9a\x80\xf0\x9f\x8e\x89\"}");
    QTest::newRow("invalid-utf8-and-nul") << QByteArray("\xff\xfe\x00\x01\xc3(\x00end", 11);
    QTest::newRow("escaped-unicode-kept-escaped") << QByteArray(R"({"s":"\u00e9\ud83d\ude80"})");
    QTest::newRow("crlf-and-trailing-spaces") << QByteArray("line 1\r\nline 2  \r\n\r\n  ");
    QTest::newRow("empty-body") << QByteArray("");
}

void TestReceiver::bytesSurvive()
{
    QFETCH(QByteArray, body);
    RawHttpClient client(m_bed.port());
    client.send(genericPost(m_bed.generic, body, QByteArray("bytes-") + QTest::currentDataTag()));
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    const InboundEvent event = m_bed.event(eventIdOf(answers.first()));
    QCOMPARE(event.verdict, InboundVerdict::Verified);
    QCOMPARE(event.request.body.size(), body.size());
    QCOMPARE(event.request.body, body);
    QCOMPARE(event.bodySize, body.size());
}

void TestReceiver::headersAndUrlAsReceived()
{
    const QByteArray body = "{}";
    const QByteArray request = "POST /hooks/" + QByteArray::number(m_bed.generic)
                               + "?b=2&a=%41&a=%2f&empty= HTTP/1.1\r\n"
                                 "hOsT: 127.0.0.1:8480\r\n"
                                 "X-Request-Id: headers-1\r\n"
                                 "x-signature:   "
                               + hmacSignature(kGeneric, body) + "   \r\n"
                               + "X-Latin1: Gr\xfc\xdf Gott\r\n"
                                 "X-Repeat: one\r\n"
                                 "x-repeat: two\r\n"
                                 "Content-Length: 2\r\n\r\n"
                               + body;
    RawHttpClient client(m_bed.port());
    client.send(request);
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    const InboundEvent event = m_bed.event(eventIdOf(answers.first()));
    QCOMPARE(event.request.method, "POST"_ba);
    QCOMPARE(event.requestTarget,
             "/hooks/" + QByteArray::number(m_bed.generic) + "?b=2&a=%41&a=%2f&empty=");
    QCOMPARE(event.request.url, "http://127.0.0.1:8480/hooks/" + QByteArray::number(m_bed.generic)
                                        + "?b=2&a=%41&a=%2f&empty=");
    const QList<ReceivedHeader> expected{
            {"hOsT", "127.0.0.1:8480"},
            {"X-Request-Id", "headers-1"},
            {"x-signature", hmacSignature(kGeneric, body)},
            {"X-Latin1", "Gr\xfc\xdf Gott"},
            {"X-Repeat", "one"},
            {"x-repeat", "two"},
            {"Content-Length", "2"},
    };
    QCOMPARE(event.request.headers, expected);
    QCOMPARE(event.peerAddress, u"127.0.0.1"_s);
}

void TestReceiver::duplicates()
{
    const QByteArray body = R"({"n":"dup"})";
    RawHttpClient client(m_bed.port());
    client.send(genericPost(m_bed.generic, body, "dup-1"));
    client.send(genericPost(m_bed.generic, body, "dup-1"));       // same connection, same id
    client.send(genericPost(m_bed.globexGeneric, body, "dup-1")); // another connection
    const QList<wb::test::HttpAnswer> answers = client.read(3);
    QCOMPARE(answers.size(), 3);
    for (const auto &answer : answers)
        QCOMPARE(answer.status, 200);
    const qint64 first = eventIdOf(answers[0]);
    QCOMPARE(eventIdOf(answers[1]), first);
    QCOMPARE(QJsonDocument::fromJson(answers[1].body).object()[u"duplicate"_s].toBool(), true);
    QVERIFY(eventIdOf(answers[2]) != first);
    const InboundEvent stored = m_bed.event(first);
    QCOMPARE(stored.duplicateCount, 1);
    QVERIFY(stored.lastDuplicateAtMs.has_value());
    int rows = 0;
    for (const InboundEvent &event : m_bed.events())
        rows += event.providerEventId == u"dup-1"_s ? 1 : 0;
    QCOMPARE(rows, 2);
    QCOMPARE(m_bed.event(eventIdOf(answers[2])).tenantId, std::optional<qint64>(m_bed.globex));
}

void TestReceiver::forgedCopyDoesNotShadowTheRealEvent()
{
    const QByteArray body = R"({"n":"real"})";
    RawHttpClient client(m_bed.port());
    // A forged request arrives first with the real event's id: stored as failed, answered 401.
    client.send(postRequest("/hooks/" + QByteArray::number(m_bed.generic),
                            {{"X-Signature", hmacSignature("guess", body)},
                             {"X-Request-Id", "shadow-1"}},
                            body));
    client.send(genericPost(m_bed.generic, body, "shadow-1"));
    client.send(genericPost(m_bed.generic, body, "shadow-1"));
    const QList<wb::test::HttpAnswer> answers = client.read(3);
    QCOMPARE(answers.size(), 3);
    QCOMPARE(answers[0].status, 401);
    QCOMPARE(answers[1].status, 200);
    QCOMPARE(answers[2].status, 200);
    QCOMPARE(QJsonDocument::fromJson(answers[1].body).object()[u"duplicate"_s].toBool(), false);
    QCOMPARE(QJsonDocument::fromJson(answers[2].body).object()[u"duplicate"_s].toBool(), true);
}

void TestReceiver::providerUrlResolvesTenant_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<bool>("tenantMatched");

    QTest::newRow("installation-id-mapped")
            << QByteArray(R"({"action":"opened","installation":{"id":12345678}})") << u"matched"_s
            << true;
    // Above 2^53: a double would round it to ...992; the raw-JSON reader keeps every digit.
    QTest::newRow("big-integer-id-exact")
            << QByteArray(R"({"installation":{"id":9007199254740993}})") << u"matched"_s << true;
    QTest::newRow("big-integer-neighbour-not-matched")
            << QByteArray(R"({"installation":{"id":9007199254740992}})") << u"no_mapping"_s
            << false;
    QTest::newRow("duplicate-keys-last-wins")
            << QByteArray(R"({"installation":{"id":1,"id":12345678}})") << u"matched"_s << true;
    QTest::newRow("no-installation-unmatched-but-kept")
            << QByteArray(R"({"zen":"Keep it logically awesome."})") << u"field_missing"_s << false;
}

void TestReceiver::providerUrlResolvesTenant()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, outcome);
    QFETCH(bool, tenantMatched);

    const QByteArray secret = ReceiverTestBed::githubSecret;
    RawHttpClient client(m_bed.port());
    client.send(postRequest("/hooks/p/github",
                            {{"X-GitHub-Event", "issues"},
                             {"X-GitHub-Delivery", QByteArray("gh-") + QTest::currentDataTag()},
                             {"X-Hub-Signature-256", hmacSignature(secret, body)}},
                            body));
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200); // unmatched events are accepted and kept too
    const InboundEvent event = m_bed.event(eventIdOf(answers.first()));
    QCOMPARE(event.route, InboundRoute::Provider);
    QCOMPARE(event.verdict, InboundVerdict::Verified);
    QCOMPARE(event.identityOutcome, outcome);
    QCOMPARE(event.tenantId.has_value(), tenantMatched);
    if (tenantMatched) {
        QCOMPARE(*event.tenantId, m_bed.acme);
        QCOMPARE(event.connectionId, std::optional<qint64>(m_bed.github));
    }
    QCOMPARE(event.eventType, u"issues"_s);
    QCOMPARE(event.providerEventId, u"gh-"_s + QLatin1String(QTest::currentDataTag()));
    QVERIFY2(event.resolutionExplanation.contains(u"/hooks/p/github"_s),
             qPrintable(event.resolutionExplanation));
    if (outcome == u"no_mapping"_s)
        QVERIFY2(event.resolutionExplanation.contains(u"9007199254740992"_s),
                 qPrintable(event.resolutionExplanation));
    QCOMPARE(event.forwardingState, ForwardingState::None);
}

void TestReceiver::failedVerificationStoredAndAnswered401()
{
    const QByteArray body = R"({"n":"tampered"})";
    QByteArray request = genericPost(m_bed.generic, body, "tampered-1");
    request[request.size() - 3] = 'X'; // one body byte changed after signing
    RawHttpClient client(m_bed.port());
    client.send(request);
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 401);
    const InboundEvent event = m_bed.events().constLast();
    QCOMPARE(event.verdict, InboundVerdict::Failed);
    QCOMPARE(event.verificationReason, u"signature_mismatch"_s);
    QCOMPARE(event.responseStatus, 401);
    QCOMPARE(event.request.body, request.right(body.size()));
    QVERIFY2(event.verificationExplanation.contains(u"X-Signature"_s),
             qPrintable(event.verificationExplanation));
    QVERIFY(!event.verificationExplanation.contains(QLatin1String(kGeneric)));
    QCOMPARE(event.forwardingState, ForwardingState::None);
}

void TestReceiver::handshakeRecordedAndAnsweredFast()
{
    // Microsoft Graph: ?validationToken= echoed URL-decoded as text/plain, body not parsed.
    QElapsedTimer clock;
    clock.start();
    RawHttpClient client(m_bed.port());
    client.send("POST /hooks/" + QByteArray::number(m_bed.graph)
                + "?validationToken=Validation%3A%20Testing%20client%20application HTTP/1.1\r\n"
                  "Host: x\r\nContent-Length: 0\r\n\r\n");
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.size(), 1);
    QVERIFY(clock.elapsed() < 3000);
    QCOMPARE(answers.first().status, 200);
    QCOMPARE(answers.first().body, "Validation: Testing client application"_ba);
    QVERIFY(answers.first().header("Content-Type").startsWith("text/plain"));
    const InboundEvent event = m_bed.events().constLast();
    QVERIFY(event.handshake);
    QCOMPARE(event.handshakeKind, u"graph_validation_token"_s);
    QCOMPARE(event.forwardingState, ForwardingState::None);
}

void TestReceiver::publicUrlIsTheSignedUrl()
{
    // Behind a tunnel that strips its path prefix: Twilio signs the URL it was given (HMAC-SHA1 of
    // the URL followed by the sorted form parameters, name then value; twilio.com/docs/usage/
    // webhooks/webhooks-security), which is not the URL the request arrives at.
    Receiver &receiver = m_bed.receiver();
    const QByteArray target = "/hooks/" + QByteArray::number(m_bed.twilio);
    QCOMPARE(receiver.registrationUrl(m_bed.twilio), receiver.connectionUrl(m_bed.twilio));
    receiver.setPublicBaseUrl(QUrl(u"https://abc.ngrok.app/wb/"_s));
    QCOMPARE(receiver.registrationUrl(m_bed.twilio).toString(),
             u"https://abc.ngrok.app/wb/hooks/%1"_s.arg(m_bed.twilio));
    const QByteArray body = "To=%2B15550001111&Body=hello";
    const QByteArray mac = QMessageAuthenticationCode::hash("https://abc.ngrok.app/wb" + target
                                                                    + "Bodyhello"
                                                                      "To+15550001111",
                                                            ReceiverTestBed::genericSecret,
                                                            QCryptographicHash::Sha1)
                                   .toBase64();
    const QByteArray request = postRequest(target,
                                           {{"Content-Type", "application/x-www-form-urlencoded"},
                                            {"X-Twilio-Signature", mac}},
                                           body);
    const auto send = [&] {
        RawHttpClient client(m_bed.port());
        client.send(request);
        return client.read().value(0).status;
    };
    QCOMPARE(send(), 200);
    QCOMPARE(m_bed.events().constLast().verdict, InboundVerdict::Verified);
    // Without the public URL the receiver checks the URL the request arrived at: no match.
    receiver.setPublicBaseUrl({});
    QCOMPARE(send(), 401);
    QCOMPARE(m_bed.events().constLast().verificationReason, u"signature_mismatch"_s);
}

void TestReceiver::metaVerifyToken_data()
{
    // Meta's subscription check: GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…,
    // answered with the challenge only when the token is the connection's (example values from
    // developers.facebook.com/docs/graph-api/webhooks/getting-started).
    QTest::addColumn<QByteArray>("route"); // "acme", "globex" or "provider"
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("status");
    QTest::newRow("connection-own-token") << "acme"_ba
                                          << "meatyhamhock"_ba << 200;
    QTest::newRow("connection-wrong-token") << "acme"_ba
                                            << "wrong"_ba << 403;
    QTest::newRow("connection-other-connections-token") << "acme"_ba
                                                        << "globex-token"_ba << 403;
    QTest::newRow("second-connection-own-token") << "globex"_ba
                                                 << "globex-token"_ba << 200;
    QTest::newRow("provider-url-first-token") << "provider"_ba
                                              << "meatyhamhock"_ba << 200;
    QTest::newRow("provider-url-second-token") << "provider"_ba
                                               << "globex-token"_ba << 200;
    QTest::newRow("provider-url-unknown-token") << "provider"_ba
                                                << "nobody"_ba << 403;
}

void TestReceiver::metaVerifyToken()
{
    QFETCH(QByteArray, route);
    QFETCH(QByteArray, token);
    QFETCH(int, status);
    const QByteArray path = route == "provider"
                                    ? "/hooks/p/meta"_ba
                                    : "/hooks/"_ba
                                              + QByteArray::number(route == "acme"
                                                                           ? m_bed.meta
                                                                           : m_bed.globexMeta);
    RawHttpClient client(m_bed.port());
    client.send("GET " + path + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
                + token + " HTTP/1.1\r\nHost: x\r\n\r\n");
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, status);
    const InboundEvent event = m_bed.events().constLast();
    QVERIFY(event.handshake);
    QCOMPARE(event.handshakeKind, u"meta_hub_challenge"_s);
    QCOMPARE(event.responseStatus, status);
    if (status == 200) {
        QCOMPARE(answers.first().body, "1158201444"_ba);
    } else {
        QVERIFY(answers.first().body != "1158201444"_ba);
        QVERIFY2(event.verificationExplanation.contains(u"differs from the connection's verify "
                                                        "token"_s),
                 qPrintable(event.verificationExplanation));
    }
}

void TestReceiver::keepAliveAndPipelining()
{
    RawHttpClient client(m_bed.port());
    client.send(genericPost(m_bed.generic, "{\"k\":1}", "keep-1"));
    QCOMPARE(client.read().value(0).status, 200);
    client.send(genericPost(m_bed.generic, "{\"k\":2}", "keep-2"));
    QCOMPARE(client.read().value(0).status, 200);
    // Three requests in one write: three answers, in order, on the same connection.
    client.send(genericPost(m_bed.generic, "{\"k\":3}", "keep-3")
                + genericPost(m_bed.generic, "{\"k\":4}", "keep-4")
                + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    const QList<wb::test::HttpAnswer> answers = client.read(3);
    QCOMPARE(answers.size(), 3);
    QCOMPARE(m_bed.event(eventIdOf(answers[0])).providerEventId, u"keep-3"_s);
    QCOMPARE(m_bed.event(eventIdOf(answers[1])).providerEventId, u"keep-4"_s);
    QCOMPARE(QJsonDocument::fromJson(answers[2].body).object()[u"status"_s].toString(), u"ok"_s);
    QVERIFY(client.connected());
}

void TestReceiver::throttlesWhileTheStoreIsBusy()
{
    // A local receiver allowing 2 events in processing; the writer is held by a blocking job, so
    // the first two requests stay in processing and the third is refused, not stored.
    ReceiverTestBed bed;
    ReceiverSettings settings;
    settings.maxEventsInProcessing = 2;
    bed.start(settings);
    if (QTest::currentTestFailed())
        return;
    QSemaphore release;
    QSemaphore holding;
    auto held = bed.store().write([&](SqlSession &) -> Result<bool> {
        holding.release();
        release.acquire();
        return true;
    });
    QVERIFY(holding.tryAcquire(1, 10000));
    const qsizetype before = bed.events().size();

    RawHttpClient first(bed.port());
    RawHttpClient second(bed.port());
    RawHttpClient third(bed.port());
    QSignalSpy throttled(bed.receiver().pipeline(), &InboundPipeline::requestThrottled);
    first.send(genericPost(bed.generic, "{}", "busy-1"));
    QTRY_COMPARE(bed.receiver().pipeline()->eventsInProcessing(), 1);
    second.send(genericPost(bed.generic, "{}", "busy-2"));
    QTRY_COMPARE(bed.receiver().pipeline()->eventsInProcessing(), 2);
    third.send(genericPost(bed.generic, "{}", "busy-3"));
    const QList<wb::test::HttpAnswer> refused = third.read();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().status, 503);
    QCOMPARE(refused.first().header("Retry-After"), "5"_ba);
    QCOMPARE(throttled.count(), 1);
    QVERIFY(first.read(1, 200).isEmpty()); // not acknowledged while not durable

    release.release();
    QVERIFY(wb::test::waitForFinished(held));
    QCOMPARE(first.read().value(0).status, 200);
    QCOMPARE(second.read().value(0).status, 200);
    QCOMPARE(bed.events().size(), before + 2);
}

void TestReceiver::backlogLimitAnswers503()
{
    ReceiverTestBed bed;
    ReceiverSettings settings;
    settings.maxForwardingBacklog = 2;
    settings.retryAfterSeconds = 30;
    bed.start(settings, /*forwardTarget=*/true);
    if (QTest::currentTestFailed())
        return;
    RawHttpClient client(bed.port());
    for (const QByteArray &id : {"fwd-1"_ba, "fwd-2"_ba}) {
        client.send(genericPost(bed.generic, "{}", id));
        QCOMPARE(client.read().value(0).status, 200);
    }
    QCOMPARE(bed.receiver().pipeline()->forwardingBacklog(), 2);
    // Failed verifications and unmatched events are not forwarded, so they do not add to it; the
    // backlog is full, so everything is refused now (nothing accepted that could not be kept).
    client.send(genericPost(bed.generic, "{}", "fwd-3"));
    const QList<wb::test::HttpAnswer> refused = client.read();
    QCOMPARE(refused.value(0).status, 503);
    QCOMPARE(refused.value(0).header("Retry-After"), "30"_ba);
    const QList<InboundEvent> events = bed.events();
    QCOMPARE(events.size(), 2);
    for (const InboundEvent &event : events) {
        QCOMPARE(event.forwardingState, ForwardingState::Pending);
        QVERIFY2(event.forwardingNote.contains(u"http://127.0.0.1:9/app"_s),
                 qPrintable(event.forwardingNote));
    }
    // When the dispatch engine takes them (here: marked queued by hand), the receiver accepts
    // again after its periodic refresh.
    WB_AWAIT_OK(taken, bed.store().write([](SqlSession &session) {
        return session.execute(u"UPDATE inbound_events SET forwarding_state = 'queued'"_s);
    }));
    QTRY_COMPARE_WITH_TIMEOUT(bed.receiver().pipeline()->forwardingBacklog(), 0, 10000);
    client.send(genericPost(bed.generic, "{}", "fwd-3"));
    QCOMPARE(client.read().value(0).status, 200);
}

void TestReceiver::failedWriteIsNotAcknowledged()
{
    ReceiverTestBed bed;
    bed.start();
    if (QTest::currentTestFailed())
        return;
    // Break the table the receiver writes to: every insert fails.
    WB_AWAIT_OK(broken, bed.store().write([](SqlSession &session) {
        return session.execute(u"ALTER TABLE inbound_events RENAME TO inbound_events_gone"_s);
    }));
    RawHttpClient client(bed.port());
    client.send(genericPost(bed.generic, "{}", "lost-1"));
    const QList<wb::test::HttpAnswer> answers = client.read();
    QCOMPARE(answers.value(0).status, 503);
    QVERIFY(!answers.value(0).header("Retry-After").isEmpty());
    QCOMPARE(bed.receiver().pipeline()->eventsInProcessing(), 0);
}

QTEST_GUILESS_MAIN(TestReceiver)
#include "tst_receiver.moc"
