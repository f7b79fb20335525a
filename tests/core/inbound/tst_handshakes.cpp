// SPDX-License-Identifier: GPL-3.0-or-later
// Every handshake kind answered exactly as the providers document it (example values from their
// docs where published), refused when it must be, and left alone when the request is an event.
#include "core/inbound/handshake/handshakeresponder.h"

#include "inboundtest.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::makeRequest;

namespace {
const QByteArray kSlackChallenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";
// api.slack.com/events/url_verification example.
const QByteArray kSlackBody = R"({"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":")"
                              + kSlackChallenge + R"(","type":"url_verification"})";
// Microsoft Graph's validation token as it arrives: form-encoded, '+' for spaces.
const QByteArray kGraphQuery
        = "validationToken=Validation%3a+Testing+client+application+reachability+for+subscription+"
          "Request-Id%3a+3b3f9821-ce3f-23d9-879b-00a23f3";
const QByteArray kGraphToken = "Validation: Testing client application reachability for "
                               "subscription Request-Id: 3b3f9821-ce3f-23d9-879b-00a23f3";
} // namespace

class TestHandshakes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void respond_data();
    void respond();
    void zoomAnswerIsTheHmacOfThePlainToken();
    void requiredVerificationAppliesToAnyKind();
};

void TestHandshakes::respond_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("requiresVerified");
    QTest::addColumn<RawRequest>("request");
    QTest::addColumn<HandshakeSecrets>("secrets");
    QTest::addColumn<bool>("verified");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("status");
    QTest::addColumn<QList<ReceivedHeader>>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("remembered");

    using H = HandshakeKind;
    const QByteArray hook = "http://127.0.0.1:8480/hooks/c1";
    const HandshakeSecrets none;
    const QList<ReceivedHeader> plain{{"Content-Type", "text/plain"}};
    const QList<ReceivedHeader> json{{"Content-Type", "application/json"}};

    QTest::newRow("slack-url-verification")
            << int(H::SlackUrlVerification) << true
            << makeRequest("POST", hook, {{"Content-Type", "application/json"}}, kSlackBody) << none
            << true << u"answered"_s << 200 << plain << kSlackChallenge << QByteArray();
    QTest::newRow("slack-unverified-refused")
            << int(H::SlackUrlVerification) << true << makeRequest("POST", hook, {}, kSlackBody)
            << none << false << u"signature_not_verified"_s << 401 << QList<ReceivedHeader>{}
            << QByteArray() << QByteArray();
    QTest::newRow("slack-event-is-not-a-handshake")
            << int(H::SlackUrlVerification) << true
            << makeRequest("POST", hook, {}, R"({"type":"event_callback","challenge":"x"})") << none
            << true << u"not_handshake"_s << 0 << QList<ReceivedHeader>{} << QByteArray()
            << QByteArray();
    QTest::newRow("slack-without-challenge")
            << int(H::SlackUrlVerification) << true
            << makeRequest("POST", hook, {}, R"({"type":"url_verification"})") << none << true
            << u"missing_challenge"_s << 400 << QList<ReceivedHeader>{} << QByteArray()
            << QByteArray();
    QTest::newRow("slack-form-body-is-not-a-handshake")
            << int(H::SlackUrlVerification) << true
            << makeRequest("POST", hook, {}, "type=url_verification&challenge=x") << none << true
            << u"not_handshake"_s << 0 << QList<ReceivedHeader>{} << QByteArray() << QByteArray();

    const QList<ReceivedHeader> graphPlain{{"Content-Type", "text/plain; charset=utf-8"}};
    QTest::newRow("graph-post-body-not-parsed")
            << int(H::GraphValidationToken) << false
            << makeRequest("POST", hook + '?' + kGraphQuery, {{"Content-Type", "text/plain"}},
                           "{not json")
            << none << false << u"answered"_s << 200 << graphPlain << kGraphToken << QByteArray();
    QTest::newRow("graph-get") << int(H::GraphValidationToken) << false
                               << makeRequest("GET", hook + '?' + kGraphQuery, {}, {}) << none
                               << false << u"answered"_s << 200 << graphPlain << kGraphToken
                               << QByteArray();
    QTest::newRow("graph-notification-is-not-a-handshake")
            << int(H::GraphValidationToken) << false
            << makeRequest("POST", hook, {}, R"({"value":[{"validationToken":"x"}]})") << none
            << false << u"not_handshake"_s << 0 << QList<ReceivedHeader>{} << QByteArray()
            << QByteArray();

    QTest::newRow("zoom-without-secret")
            << int(H::ZoomUrlValidation) << false
            << makeRequest(
                       "POST", hook, {},
                       R"({"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event":"endpoint.url_validation"})")
            << none << false << u"missing_secret"_s << 500 << QList<ReceivedHeader>{}
            << QByteArray() << QByteArray();
    QTest::newRow("zoom-without-plain-token")
            << int(H::ZoomUrlValidation) << false
            << makeRequest("POST", hook, {}, R"({"payload":{},"event":"endpoint.url_validation"})")
            << HandshakeSecrets{"secretValueTest", {}} << false << u"missing_challenge"_s << 400
            << QList<ReceivedHeader>{} << QByteArray() << QByteArray();
    QTest::newRow("zoom-event-is-not-a-handshake")
            << int(H::ZoomUrlValidation) << false
            << makeRequest("POST", hook, {}, R"({"event":"meeting.started","payload":{}})")
            << HandshakeSecrets{"secretValueTest", {}} << true << u"not_handshake"_s << 0
            << QList<ReceivedHeader>{} << QByteArray() << QByteArray();

    QTest::newRow("dropbox-challenge")
            << int(H::DropboxChallenge) << false
            << makeRequest("GET", hook + "?challenge=AbC%2B123+x", {}, {}) << none << false
            << u"answered"_s << 200
            << QList<ReceivedHeader>{{"Content-Type", "text/plain"},
                                     {"X-Content-Type-Options", "nosniff"}}
            << QByteArray("AbC+123 x") << QByteArray();
    QTest::newRow("dropbox-notification-post-is-not-a-handshake")
            << int(H::DropboxChallenge) << false
            << makeRequest("POST", hook + "?challenge=x", {}, R"({"delta":{"users":[1]}})") << none
            << false << u"not_handshake"_s << 0 << QList<ReceivedHeader>{} << QByteArray()
            << QByteArray();

    const QByteArray asanaSecret
            = "b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81";
    QTest::newRow("asana-hook-secret")
            << int(H::AsanaHookSecret) << false
            << makeRequest("POST", hook, {{"x-hook-secret", asanaSecret}}, {}) << none << false
            << u"answered"_s << 200 << QList<ReceivedHeader>{{"X-Hook-Secret", asanaSecret}}
            << QByteArray() << asanaSecret;
    QTest::newRow("asana-event-is-not-a-handshake")
            << int(H::AsanaHookSecret) << false
            << makeRequest("POST", hook, {{"X-Hook-Signature", "abc"}}, R"({"events":[]})") << none
            << true << u"not_handshake"_s << 0 << QList<ReceivedHeader>{} << QByteArray()
            << QByteArray();

    QTest::newRow("x-crc-without-secret")
            << int(H::XCrc) << false << makeRequest("GET", hook + "?crc_token=abc", {}, {}) << none
            << false << u"missing_secret"_s << 500 << QList<ReceivedHeader>{} << QByteArray()
            << QByteArray();

    QTest::newRow("meta-verify-token-matches")
            << int(H::MetaHubChallenge) << false
            << makeRequest("GET",
                           hook
                                   + "?hub.mode=subscribe&hub.challenge=1158201444"
                                     "&hub.verify_token=meatyhamhock",
                           {}, {})
            << HandshakeSecrets{{}, "meatyhamhock"} << false << u"answered"_s << 200 << plain
            << QByteArray("1158201444") << QByteArray();
    QTest::newRow("meta-verify-token-differs")
            << int(H::MetaHubChallenge) << false
            << makeRequest("GET",
                           hook
                                   + "?hub.mode=subscribe&hub.challenge=1158201444"
                                     "&hub.verify_token=guess",
                           {}, {})
            << HandshakeSecrets{{}, "meatyhamhock"} << false << u"verify_token_mismatch"_s << 403
            << QList<ReceivedHeader>{} << QByteArray() << QByteArray();
    QTest::newRow("meta-no-verify-token-configured")
            << int(H::MetaHubChallenge) << false
            << makeRequest("GET",
                           hook + "?hub.mode=subscribe&hub.challenge=1&hub.verify_token=", {}, {})
            << none << false << u"verify_token_mismatch"_s << 403 << QList<ReceivedHeader>{}
            << QByteArray() << QByteArray();
    QTest::newRow("meta-event-post-is-not-a-handshake")
            << int(H::MetaHubChallenge) << false
            << makeRequest("POST", hook, {}, R"({"object":"page","entry":[]})")
            << HandshakeSecrets{{}, "meatyhamhock"} << true << u"not_handshake"_s << 0
            << QList<ReceivedHeader>{} << QByteArray() << QByteArray();

    QTest::newRow("discord-ping-verified")
            << int(H::DiscordPing) << true
            << makeRequest("POST", hook, {}, R"({"application_id":"1","type":1,"version":1})")
            << none << true << u"answered"_s << 200 << json << QByteArray(R"({"type":1})")
            << QByteArray();
    QTest::newRow("discord-ping-unverified")
            << int(H::DiscordPing) << true << makeRequest("POST", hook, {}, R"({"type":1})") << none
            << false << u"signature_not_verified"_s << 401 << QList<ReceivedHeader>{}
            << QByteArray() << QByteArray();
    QTest::newRow("discord-command-is-not-a-handshake")
            << int(H::DiscordPing) << true
            << makeRequest("POST", hook, {}, R"({"type":2,"data":{"name":"ping"}})") << none << true
            << u"not_handshake"_s << 0 << QList<ReceivedHeader>{} << QByteArray() << QByteArray();
}

void TestHandshakes::respond()
{
    QFETCH(int, kind);
    QFETCH(bool, requiresVerified);
    QFETCH(RawRequest, request);
    QFETCH(HandshakeSecrets, secrets);
    QFETCH(bool, verified);
    QFETCH(QString, reason);
    QFETCH(int, status);
    QFETCH(QList<ReceivedHeader>, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, remembered);

    const HandshakeSpec spec{HandshakeKind(kind), requiresVerified};
    const HandshakeReply reply = respondToHandshake(request, request.body, spec, secrets, verified);
    QCOMPARE(nameOf(reply.reason), reason);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.isHandshake(), reason != u"not_handshake"_s);
    QCOMPARE(reply.outcome, reason == u"answered"_s        ? HandshakeReply::Outcome::Answer
                            : reason == u"not_handshake"_s ? HandshakeReply::Outcome::NotHandshake
                                                           : HandshakeReply::Outcome::Reject);
    QCOMPARE(reply.headers, headers);
    QCOMPARE(reply.body, body);
    QCOMPARE(reply.secretToRemember, remembered);
    QVERIFY(!reply.explanation.isEmpty());
    if (!secrets.verifyToken.isEmpty())
        QVERIFY(!reply.explanation.contains(QString::fromUtf8(secrets.verifyToken)));
}

void TestHandshakes::zoomAnswerIsTheHmacOfThePlainToken()
{
    // The plainToken from Zoom's docs; the answer checked against an independent HMAC.
    const QByteArray body = R"({"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},)"
                            R"("event_ts":1654503849680,"event":"endpoint.url_validation"})";
    const HandshakeReply reply = respondToHandshake(makeRequest("POST", "/hooks/z", {}, body), body,
                                                    HandshakeSpec{HandshakeKind::ZoomUrlValidation,
                                                                  false},
                                                    HandshakeSecrets{"another-secret-token", {}},
                                                    false);
    QCOMPARE(reply.status, 200);
    const QByteArray expected = QMessageAuthenticationCode::hash("qgg8vlvZRS6UYooatFL8Aw",
                                                                 "another-secret-token",
                                                                 QCryptographicHash::Sha256)
                                        .toHex();
    QCOMPARE(reply.body,
             R"({"encryptedToken":")" + expected + R"(","plainToken":"qgg8vlvZRS6UYooatFL8Aw"})");
    QCOMPARE(reply.headers, (QList<ReceivedHeader>{{"Content-Type", "application/json"}}));
}

void TestHandshakes::requiredVerificationAppliesToAnyKind()
{
    const HandshakeReply reply = respondToHandshake(makeRequest("GET", "/h?challenge=abc", {}, {}),
                                                    {},
                                                    HandshakeSpec{HandshakeKind::DropboxChallenge,
                                                                  true},
                                                    HandshakeSecrets{}, false);
    QCOMPARE(reply.reason, HandshakeReply::Reason::SignatureNotVerified);
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.body.isEmpty());
}

QTEST_GUILESS_MAIN(TestHandshakes)
#include "tst_handshakes.moc"
