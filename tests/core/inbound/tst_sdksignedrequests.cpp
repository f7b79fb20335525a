// SPDX-License-Identifier: GPL-3.0-or-later
// Signatures made by the providers' official SDKs (npm, tests/peers/webhook-sdks.mjs) verified by
// our code through the shipped profiles — and our signer producing the same bytes.
#include "core/inbound/verification/signaturesigner.h"
#include "core/inbound/verification/signatureverifier.h"

#include "inboundtest.h"
#include "peerbatch.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::builtInProfile;
using wb::test::makeRequest;

namespace {
const QByteArray kHook = "http://127.0.0.1:8480/hooks/c1";

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray str(const QJsonValue &value)
{
    return value.toString().toUtf8();
}

VerificationResult verifyWith(const QString &profile, const RawRequest &request,
                              const QList<QByteArray> &secrets, qint64 nowMs,
                              const QByteArray &signedUrl = {})
{
    VerificationOptions options;
    options.signedUrl = signedUrl;
    return verifySignature(request, builtInProfile(profile), secrets, nowMs, options);
}
} // namespace

class TestSdkSignedRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sdkSignatureVerifies_data();
    void sdkSignatureVerifies();

private:
    using Check = std::function<void(const wb::test::PeerBatch &)>;
    void addCase(const char *name, Check check)
    {
        m_cases.insert(QString::fromLatin1(name), check);
    }

    wb::test::PeerBatch m_peer;
    QMap<QString, Check> m_cases;
};

void TestSdkSignedRequests::initTestCase()
{
    const QByteArray ascii = R"({"action":"opened","installation":{"id":9007199254740993123}})";
    const QByteArray emoji = "{\"text\":\"deploy \xf0\x9f\x9a\x80 caf\xc3\xa9\",\"id\":1}";
    const qint64 t = 1'718'000'000; // seconds

    // @octokit/webhooks-methods sign() → X-Hub-Signature-256.
    for (const auto &[name, body] :
         {std::pair{"octokit-ascii", ascii}, std::pair{"octokit-emoji", emoji}}) {
        const int job = m_peer.add({{u"op"_s, u"octokit.sign"_s},
                                    {u"secret"_s, u"octo-secret"_s},
                                    {u"body_b64"_s, b64(body)}});
        addCase(name, [=](const wb::test::PeerBatch &peer) {
            const QByteArray signature = str(peer.result(job));
            QVERIFY(signature.startsWith("sha256="));
            const RawRequest request = makeRequest("POST", kHook,
                                                   {{"X-Hub-Signature-256", signature}}, body);
            const auto result = verifyWith(u"github"_s, request, {"octo-secret"}, 0);
            QVERIFY2(result.verified(), qPrintable(result.explanation));
            SigningRequest ours;
            ours.body = body;
            const auto headers = signRequest(builtInProfile(u"github"_s).signatureSchemes.front(),
                                             {"octo-secret"}, ours);
            QCOMPARE(headers->front().value, signature);
        });
    }

    // stripe generateTestHeaderString → Stripe-Signature; tolerance and rotation.
    const QByteArray stripeBody = R"({"id":"evt_1","object":"event","account":"acct_123"})";
    const int stripeA = m_peer.add({{u"op"_s, u"stripe.sign"_s},
                                    {u"secret"_s, u"whsec_old"_s},
                                    {u"timestamp"_s, t},
                                    {u"body_b64"_s, b64(stripeBody)}});
    const int stripeB = m_peer.add({{u"op"_s, u"stripe.sign"_s},
                                    {u"secret"_s, u"whsec_new"_s},
                                    {u"timestamp"_s, t},
                                    {u"body_b64"_s, b64(stripeBody)}});
    addCase("stripe", [=](const wb::test::PeerBatch &peer) {
        const QByteArray header = str(peer.result(stripeA));
        QCOMPARE(header.left(13), "t=" + QByteArray::number(t) + ',');
        const RawRequest request = makeRequest("POST", kHook, {{"Stripe-Signature", header}},
                                               stripeBody);
        QVERIFY(verifyWith(u"stripe"_s, request, {"whsec_old"}, t * 1000 + 5000).verified());
        const auto late = verifyWith(u"stripe"_s, request, {"whsec_old"}, (t + 301) * 1000);
        QCOMPARE(nameOf(late.reason), u"timestamp_out_of_tolerance"_s);
        const auto early = verifyWith(u"stripe"_s, request, {"whsec_old"}, (t - 301) * 1000);
        QCOMPARE(nameOf(early.reason), u"timestamp_out_of_tolerance"_s);
    });
    addCase("stripe-rolled-secret-two-v1", [=](const wb::test::PeerBatch &peer) {
        const QByteArray newV1 = str(peer.result(stripeB)).split(',').at(1);
        const QByteArray header = str(peer.result(stripeA)) + ',' + newV1 + ",v0=ignored";
        const RawRequest request = makeRequest("POST", kHook, {{"Stripe-Signature", header}},
                                               stripeBody);
        const auto result = verifyWith(u"stripe"_s, request, {"whsec_other", "whsec_new"}, t * 1000);
        QVERIFY2(result.verified(), qPrintable(result.explanation));
        QCOMPARE(result.signaturesOffered, 2);
        QCOMPARE(result.matchedSecretSlot, 1);
        QCOMPARE(result.matchedSignatureIndex, 1);
    });

    // standardwebhooks and svix sign() → v1,<base64>; several signatures in one header.
    const QByteArray secretA = "whsec_" + QByteArray("0123456789abcdef0123456789abcdef").toBase64();
    const QByteArray secretB = "whsec_" + QByteArray("fedcba9876543210fedcba9876543210").toBase64();
    const QByteArray stdBody = R"({"type":"invoice.paid","data":{"id":18446744073709551617}})";
    const auto stdJob = [&](const char *op, const QByteArray &secret) {
        return m_peer.add({{u"op"_s, QString::fromLatin1(op)},
                           {u"secret"_s, QString::fromLatin1(secret)},
                           {u"id"_s, u"msg_2Lh9"_s},
                           {u"timestamp"_s, t},
                           {u"body_b64"_s, b64(stdBody)}});
    };
    const int swA = stdJob("standardwebhooks.sign", secretA);
    const int swB = stdJob("standardwebhooks.sign", secretB);
    const int svixA = stdJob("svix.sign", secretA);
    addCase("standardwebhooks", [=](const wb::test::PeerBatch &peer) {
        const RawRequest request = makeRequest("POST", kHook,
                                               {{"webhook-id", "msg_2Lh9"},
                                                {"webhook-timestamp", QByteArray::number(t)},
                                                {"webhook-signature", str(peer.result(swA))}},
                                               stdBody);
        const auto result = verifyWith(u"standard-webhooks"_s, request, {secretA}, t * 1000);
        QVERIFY2(result.verified(), qPrintable(result.explanation));
    });
    addCase("standardwebhooks-rotation-mixed-versions", [=](const wb::test::PeerBatch &peer) {
        const QByteArray header = "v1a,bm90LWFuLWVkMjU1MTktc2ln " + str(peer.result(swA)) + ' '
                                  + str(peer.result(swB)) + " v2,ignored";
        const RawRequest request = makeRequest("POST", kHook,
                                               {{"webhook-id", "msg_2Lh9"},
                                                {"webhook-timestamp", QByteArray::number(t)},
                                                {"webhook-signature", header}},
                                               stdBody);
        const auto result = verifyWith(u"standard-webhooks"_s, request, {{}, secretB}, t * 1000);
        QVERIFY2(result.verified(), qPrintable(result.explanation));
        QCOMPARE(result.signaturesOffered, 2);
        QCOMPARE(result.matchedSignatureIndex, 1);
        QCOMPARE(result.matchedSecretSlot, 1);
    });
    addCase("svix-headers", [=](const wb::test::PeerBatch &peer) {
        QCOMPARE(peer.result(svixA), peer.result(swA)); // the same algorithm
        const RawRequest request = makeRequest("POST", kHook,
                                               {{"svix-id", "msg_2Lh9"},
                                                {"svix-timestamp", QByteArray::number(t)},
                                                {"svix-signature", str(peer.result(svixA))}},
                                               stdBody);
        const auto result = verifyWith(u"standard-webhooks"_s, request, {secretA}, t * 1000);
        QVERIFY2(result.verified(), qPrintable(result.explanation));
        QCOMPARE(result.headerName, QByteArray("svix-signature"));
    });

    // twilio getExpectedTwilioSignature: form parameters (repeated names), JSON bodySHA256, SHA-256.
    const QByteArray twilioUrl = "https://example.ngrok.app/sms?tenant=t1&x=%27q%27";
    const QByteArray form = "AccountSid=AC42&Body=caf%C3%A9+%F0%9F%9A%80&MediaUrl=b&MediaUrl=a"
                            "&From=%2B15551234567";
    const QJsonObject params{{u"AccountSid"_s, u"AC42"_s},
                             {u"Body"_s, QString::fromUtf8("caf\xc3\xa9 \xf0\x9f\x9a\x80")},
                             {u"MediaUrl"_s, QJsonArray{u"b"_s, u"a"_s}},
                             {u"From"_s, u"+15551234567"_s}};
    const int twilioForm = m_peer.add({{u"op"_s, u"twilio.sign"_s},
                                       {u"token"_s, u"auth-token"_s},
                                       {u"url"_s, QString::fromLatin1(twilioUrl)},
                                       {u"params"_s, params}});
    const int twilioSha256 = m_peer.add({{u"op"_s, u"twilio.sign"_s},
                                         {u"token"_s, u"shared-key"_s},
                                         {u"url"_s, QString::fromLatin1(twilioUrl)},
                                         {u"params"_s, params},
                                         {u"algorithm"_s, u"HMAC_SHA256"_s}});
    const QByteArray twilioJson = R"({"AccountSid":"AC42","status":"delivered"})";
    const QByteArray jsonUrl = twilioUrl + "&bodySHA256="
                               + QCryptographicHash::hash(twilioJson, QCryptographicHash::Sha256)
                                         .toHex();
    const int twilioJsonJob = m_peer.add({{u"op"_s, u"twilio.sign"_s},
                                          {u"token"_s, u"auth-token"_s},
                                          {u"url"_s, QString::fromLatin1(jsonUrl)},
                                          {u"params"_s, QJsonObject{}}});
    addCase("twilio-form-repeated-parameters", [=](const wb::test::PeerBatch &peer) {
        const RawRequest request
                = makeRequest("POST", kHook,
                              {{"Content-Type", "application/x-www-form-urlencoded"},
                               {"X-Twilio-Signature", str(peer.result(twilioForm))}},
                              form);
        const auto result = verifyWith(u"twilio"_s, request, {"auth-token"}, 0, twilioUrl);
        QVERIFY2(result.verified(), qPrintable(result.explanation));
    });
    addCase("twilio-hmac-sha256-settings", [=](const wb::test::PeerBatch &peer) {
        const RawRequest request
                = makeRequest("POST", kHook,
                              {{"Content-Type", "application/x-www-form-urlencoded"},
                               {"X-Twilio-Signature", str(peer.result(twilioSha256))},
                               {"X-Twilio-Webhooks-Signature-Settings",
                                "key=webhooks_sharedkey_x,algorithm=HMAC_SHA256"}},
                              form);
        const auto result = verifyWith(u"twilio"_s, request, {"shared-key"}, 0, twilioUrl);
        QVERIFY2(result.verified(), qPrintable(result.explanation));
    });
    addCase("twilio-json-body-sha256", [=](const wb::test::PeerBatch &peer) {
        RawRequest request = makeRequest("POST", kHook,
                                         {{"Content-Type", "application/json"},
                                          {"X-Twilio-Signature", str(peer.result(twilioJsonJob))}},
                                         twilioJson);
        QVERIFY(verifyWith(u"twilio"_s, request, {"auth-token"}, 0, jsonUrl).verified());
        request.body.replace("delivered", "failed");
        QCOMPARE(nameOf(verifyWith(u"twilio"_s, request, {"auth-token"}, 0, jsonUrl).reason),
                 u"body_hash_mismatch"_s);
    });

    // @hubspot/api-client Signature.getSignature for v1, v2, v3.
    const QByteArray hubSecret = "client-secret-4f1a";
    const QByteArray hubBody
            = R"([{"eventId":100,"portalId":62515,"objectId":18446744073709551617}])";
    const QByteArray hubUrl = "https://hooks.example.com/hubspot?portal=62515";
    const QByteArray hubTs = "1718000000123";
    QMap<QString, int> hub;
    for (const char *version : {"v1", "v2", "v3"}) {
        hub[QString::fromLatin1(version)] = m_peer.add(
                {{u"op"_s, u"hubspot.sign"_s},
                 {u"version"_s, QString::fromLatin1(version)},
                 {u"secret"_s, QString::fromLatin1(hubSecret)},
                 {u"method"_s, u"POST"_s},
                 {u"url"_s, QString::fromLatin1(hubUrl)},
                 {u"timestamp"_s, QString::fromLatin1(hubTs)},
                 {u"body_b64"_s, b64(hubBody)}});
    }
    addCase("hubspot-v1-v2-v3", [=](const wb::test::PeerBatch &peer) {
        for (const QString &version : {u"v1"_s, u"v2"_s}) {
            const RawRequest request
                    = makeRequest("POST", kHook,
                                  {{"X-HubSpot-Signature-Version", version.toLatin1()},
                                   {"X-HubSpot-Signature", str(peer.result(hub[version]))}},
                                  hubBody);
            const auto result = verifyWith(u"hubspot"_s, request, {hubSecret}, 0, hubUrl);
            QVERIFY2(result.verified(), qPrintable(version + result.explanation));
        }
        const RawRequest v3 = makeRequest("POST", kHook,
                                          {{"X-HubSpot-Request-Timestamp", hubTs},
                                           {"X-HubSpot-Signature-v3",
                                            str(peer.result(hub[u"v3"_s]))},
                                           {"X-HubSpot-Signature-Version", "v1"},
                                           {"X-HubSpot-Signature", str(peer.result(hub[u"v1"_s]))}},
                                          hubBody);
        const auto result = verifyWith(u"hubspot"_s, v3, {hubSecret}, hubTs.toLongLong() + 2000,
                                       hubUrl);
        QVERIFY2(result.verified(), qPrintable(result.explanation));
        QCOMPARE(result.headerName, QByteArray("X-HubSpot-Signature-v3")); // v3 preferred
    });

    // Node's own HMAC over Latin-1 and invalid UTF-8 bytes (the SDKs take strings).
    const QByteArray latin1 = "{\"name\":\"Ren\xe9 M\xfcller\",\"x\":\"\xc3\x28\"}";
    const int latin1Job = m_peer.add({{u"op"_s, u"crypto.hmac"_s},
                                      {u"algorithm"_s, u"sha256"_s},
                                      {u"key_b64"_s, b64("bytes-secret")},
                                      {u"encoding"_s, u"hex"_s},
                                      {u"body_b64"_s, b64(latin1)}});
    addCase("node-crypto-hmac-latin1", [=](const wb::test::PeerBatch &peer) {
        const RawRequest request = makeRequest("POST", kHook,
                                               {{"X-Hub-Signature-256",
                                                 "sha256=" + str(peer.result(latin1Job))}},
                                               latin1);
        const auto result = verifyWith(u"meta"_s, request, {"bytes-secret"}, 0);
        QVERIFY2(result.verified(), qPrintable(result.explanation));
        QCOMPARE(result.signedLength, latin1.size());
    });

    QVERIFY2(m_peer.run(), qPrintable(m_peer.errorString()));
}

void TestSdkSignedRequests::sdkSignatureVerifies_data()
{
    QTest::addColumn<QString>("name");
    for (auto it = m_cases.begin(); it != m_cases.end(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key();
}

void TestSdkSignedRequests::sdkSignatureVerifies()
{
    QFETCH(QString, name);
    m_cases.value(name)(m_peer);
}

QTEST_GUILESS_MAIN(TestSdkSignedRequests)
#include "tst_sdksignedrequests.moc"
