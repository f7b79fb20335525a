// SPDX-License-Identifier: GPL-3.0-or-later
// Every reason code the verifier gives, with its explanation; timestamp tolerance in both
// directions; a stale request whose signature matches.
#include "core/inbound/verification/cryptoprimitives.h"
#include "core/inbound/verification/signaturesigner.h"
#include "core/inbound/verification/signatureverifier.h"

#include "inboundtest.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::builtInProfile;
using wb::test::hexHmac;
using wb::test::makeRequest;
using wb::test::slackRequest;
using wb::test::slackSignature;

namespace {
constexpr qint64 kNow = 1'700'000'000'000; // 2023-11-14T22:13:20Z
const QByteArray kUrl = wb::test::kInboundUrl;

} // namespace

class TestVerificationReasons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reasons_data();
    void reasons();
    void toleranceInBothDirections_data();
    void toleranceInBothDirections();
    void staleButMatchingSignatureIsTold();
};

void TestVerificationReasons::reasons_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<RawRequest>("request");
    QTest::addColumn<QList<QByteArray>>("secrets");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("explains"); // a phrase the explanation must contain

    const QByteArray secret = "8f742231b10e8888abcd99yyyzzz85a5";
    const QByteArray body = R"({"type":"event_callback","team_id":"T1DC2JH3J"})";
    const qint64 ts = kNow / 1000;
    const RawRequest good = slackRequest(secret, ts, body);

    QTest::newRow("verified") << u"slack"_s << good << QList<QByteArray>{secret} << u"verified"_s
                              << u"matches the secret in slot 1"_s;
    QTest::newRow("unsigned-profile") << u"salesforce"_s << good << QList<QByteArray>{secret}
                                      << u"unsigned"_s << u"does not sign"_s;

    RawRequest noHeader = good;
    noHeader.headers.removeLast();
    QTest::newRow("missing-header") << u"slack"_s << noHeader << QList<QByteArray>{secret}
                                    << u"missing_header"_s << u"X-Slack-Signature"_s;

    RawRequest noPrefix = good;
    noPrefix.headers.last().value = noPrefix.headers.last().value.mid(3);
    QTest::newRow("malformed-header-no-prefix")
            << u"slack"_s << noPrefix << QList<QByteArray>{secret} << u"malformed_header"_s
            << u"does not start with \"v0=\""_s;

    RawRequest notHex = good;
    notHex.headers.last().value = "v0=zz" + notHex.headers.last().value.mid(5);
    QTest::newRow("malformed-header-not-hex")
            << u"slack"_s << notHex << QList<QByteArray>{secret} << u"malformed_header"_s
            << u"could not be decoded as hex"_s;

    RawRequest noTimestamp = good;
    noTimestamp.headers.removeFirst();
    QTest::newRow("missing-timestamp") << u"slack"_s << noTimestamp << QList<QByteArray>{secret}
                                       << u"missing_timestamp"_s << u"X-Slack-Request-Timestamp"_s;

    RawRequest badTimestamp = good;
    badTimestamp.headers.first().value = "17e8";
    QTest::newRow("malformed-timestamp") << u"slack"_s << badTimestamp << QList<QByteArray>{secret}
                                         << u"malformed_timestamp"_s << u"\"17e8\""_s;

    QTest::newRow("out-of-tolerance")
            << u"slack"_s << slackRequest(secret, ts - 301, body) << QList<QByteArray>{secret}
            << u"timestamp_out_of_tolerance"_s << u"301 s old"_s;

    QTest::newRow("signature-mismatch")
            << u"slack"_s << good << QList<QByteArray>{"another-signing-secret"}
            << u"signature_mismatch"_s << u"1 secret(s) tried against 1 signature(s)"_s;

    QTest::newRow("no-secret") << u"slack"_s << good << QList<QByteArray>{{}, {}} << u"no_secret"_s
                               << u"No signing secret"_s;

    const QByteArray stdBody = R"({"type":"invoice.paid"})";
    const RawRequest stdRequest = makeRequest("POST", kUrl,
                                              {{"webhook-id", "msg_1"},
                                               {"webhook-timestamp", QByteArray::number(ts)},
                                               {"webhook-signature",
                                                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}},
                                              stdBody);
    QTest::newRow("bad-secret-not-base64")
            << u"standard-webhooks"_s << stdRequest << QList<QByteArray>{"whsec_not base64!"}
            << u"bad_secret"_s << u"not valid base64"_s;

    RawRequest noId = stdRequest;
    noId.headers.removeFirst();
    QTest::newRow("missing-id-header")
            << u"standard-webhooks"_s << noId
            << QList<QByteArray>{"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"} << u"missing_header"_s
            << u"webhook-id or svix-id"_s;

    RawRequest onlyV2 = stdRequest;
    onlyV2.headers.last().value = "v2,abc v1a,def";
    QTest::newRow("no-entry-of-this-version")
            << u"standard-webhooks"_s << onlyV2
            << QList<QByteArray>{"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"} << u"malformed_header"_s
            << u"no entry starting with \"v1,\""_s;

    const RawRequest twilio = makeRequest("POST", "https://example.com/sms",
                                          {{"X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="},
                                           {"X-Twilio-Webhooks-Signature-Settings",
                                            "key=k1,algorithm=HMAC_SHA512"}},
                                          "To=%2B1");
    QTest::newRow("unsupported-algorithm") << u"twilio"_s << twilio << QList<QByteArray>{"12345"}
                                           << u"unsupported_algorithm"_s << u"HMAC_SHA512"_s;

    const QByteArray stripeHeader = "t=" + QByteArray::number(ts) + ",v0=abc";
    QTest::newRow("stripe-without-v1")
            << u"stripe"_s
            << makeRequest("POST", kUrl, {{"Stripe-Signature", stripeHeader}}, stdBody)
            << QList<QByteArray>{"whsec_x"} << u"malformed_header"_s << u"no \"v1=\" entry"_s;
    QTest::newRow("stripe-without-t")
            << u"stripe"_s
            << makeRequest("POST", kUrl, {{"Stripe-Signature", "v1=" + QByteArray(64, 'a')}},
                           stdBody)
            << QList<QByteArray>{"whsec_x"} << u"missing_timestamp"_s << u"\"t=\""_s;

    QTest::newRow("linear-timestamp-missing-from-body")
            << u"linear"_s
            << makeRequest("POST", kUrl, {{"linear-signature", hexHmac("s", "{}")}}, "{}")
            << QList<QByteArray>{"s"} << u"missing_timestamp"_s << u"/webhookTimestamp"_s;
}

void TestVerificationReasons::reasons()
{
    QFETCH(QString, profile);
    QFETCH(RawRequest, request);
    QFETCH(QList<QByteArray>, secrets);
    QFETCH(QString, reason);
    QFETCH(QString, explains);

    const VerificationResult result = verifySignature(request, builtInProfile(profile), secrets,
                                                      kNow);
    QCOMPARE(nameOf(result.reason), reason);
    QCOMPARE(result.verified(), reason == u"verified"_s);
    QCOMPARE(result.verdict, reason == u"verified"_s   ? VerificationResult::Verdict::Verified
                             : reason == u"unsigned"_s ? VerificationResult::Verdict::Unsigned
                                                       : VerificationResult::Verdict::Failed);
    QVERIFY2(result.explanation.contains(explains), qPrintable(result.explanation));
    QVERIFY2(result.explanation.startsWith(u"Scheme: "_s), qPrintable(result.explanation));
}

void TestVerificationReasons::toleranceInBothDirections_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<qint64>("offsetMs"); // timestamp − now
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<qint64>("skewSeconds");

    // Slack and Standard Webhooks: 300 s, whole seconds.
    QTest::newRow("slack-300s-old") << u"slack"_s << qint64(-300'000) << true << qint64(300);
    QTest::newRow("slack-301s-old") << u"slack"_s << qint64(-301'000) << false << qint64(301);
    QTest::newRow("slack-300s-ahead") << u"slack"_s << qint64(300'000) << true << qint64(-300);
    QTest::newRow("slack-301s-ahead") << u"slack"_s << qint64(301'000) << false << qint64(-301);
    QTest::newRow("std-webhooks-301s-ahead")
            << u"standard-webhooks"_s << qint64(301'000) << false << qint64(-301);
    QTest::newRow("std-webhooks-299s-old")
            << u"standard-webhooks"_s << qint64(-299'000) << true << qint64(299);
    // HubSpot v3: milliseconds, 300 s.
    QTest::newRow("hubspot-300000ms-old")
            << u"hubspot"_s << qint64(-300'000) << true << qint64(300);
    QTest::newRow("hubspot-300001ms-old")
            << u"hubspot"_s << qint64(-300'001) << false << qint64(300);
    QTest::newRow("hubspot-300001ms-ahead")
            << u"hubspot"_s << qint64(300'001) << false << qint64(-300);
    // Linear: 60 s, from the body.
    QTest::newRow("linear-60s-ahead") << u"linear"_s << qint64(60'000) << true << qint64(-60);
    QTest::newRow("linear-61s-old") << u"linear"_s << qint64(-61'000) << false << qint64(61);
    // Discord: no tolerance documented; any age is accepted.
    QTest::newRow("discord-one-day-old")
            << u"discord"_s << qint64(-86'400'000) << true << qint64(86'400);
}

void TestVerificationReasons::toleranceInBothDirections()
{
    QFETCH(QString, profile);
    QFETCH(qint64, offsetMs);
    QFETCH(bool, accepted);
    QFETCH(qint64, skewSeconds);

    const ProviderProfile p = builtInProfile(profile);
    const SignatureScheme &s = p.signatureSchemes.front();
    QByteArray secret = "a-signing-secret-of-some-length";
    QList<QByteArray> verifyWith{secret};
    QByteArray body = R"({"id":1})";
    if (profile == u"linear"_s)
        body = R"({"id":1,"webhookTimestamp":)" + QByteArray::number(kNow + offsetMs) + '}';
    if (profile == u"standard-webhooks"_s)
        secret = verifyWith[0] = "whsec_" + QByteArray(32, 'k').toBase64();
    if (profile == u"discord"_s) {
        secret = QByteArray(32, '\x07').toHex();
        verifyWith = {crypto::ed25519PublicKey(QByteArray::fromHex(secret)).value().toHex()};
    }
    SigningRequest outgoing;
    outgoing.url = kUrl;
    outgoing.body = body;
    outgoing.messageId = "msg_42";
    outgoing.timestampMs = kNow + offsetMs;
    const auto headers = signRequest(s, {secret}, outgoing);
    QVERIFY2(headers, qPrintable(headers ? QString() : headers.error().message));
    const RawRequest request = makeRequest(
            "POST", kUrl,
            [&] {
                QList<std::pair<QByteArray, QByteArray>> list;
                for (const ReceivedHeader &h : *headers)
                    list.append({h.name, h.value});
                return list;
            }(),
            body);
    const VerificationResult result = verifySignature(request, p, verifyWith, kNow);
    QVERIFY2(result.verified() == accepted, qPrintable(result.explanation));
    if (!accepted) {
        QCOMPARE(nameOf(result.reason), u"timestamp_out_of_tolerance"_s);
        QVERIFY(result.signatureMatchedButStale);
    }
    QCOMPARE(result.skewSeconds, skewSeconds);
}

void TestVerificationReasons::staleButMatchingSignatureIsTold()
{
    const QByteArray secret = "replayed-secret-value";
    const RawRequest replay = slackRequest(secret, kNow / 1000 - 3600, "{}");
    const VerificationResult stale = verifySignature(replay, builtInProfile(u"slack"_s), {secret},
                                                     kNow);
    QCOMPARE(nameOf(stale.reason), u"timestamp_out_of_tolerance"_s);
    QVERIFY(stale.signatureMatchedButStale);
    QCOMPARE(stale.matchedSecretSlot, 0);
    QVERIFY(stale.explanation.contains(u"a replayed request, or a clock that is off"_s));
    QCOMPARE(stale.skewSeconds, 3600);

    const VerificationResult staleAndWrong = verifySignature(replay, builtInProfile(u"slack"_s),
                                                             {"other-secret"}, kNow);
    QCOMPARE(nameOf(staleAndWrong.reason), u"timestamp_out_of_tolerance"_s);
    QVERIFY(!staleAndWrong.signatureMatchedButStale);
    QVERIFY(staleAndWrong.explanation.contains(u"does not match either"_s));
}

QTEST_GUILESS_MAIN(TestVerificationReasons)
#include "tst_verificationreasons.moc"
