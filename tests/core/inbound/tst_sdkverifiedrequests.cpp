// SPDX-License-Identifier: GPL-3.0-or-later
// Requests signed by OUR signer, verified by the providers' official SDKs (npm,
// tests/peers/webhook-sdks.mjs) — including the SDKs that can only verify (@slack/bolt,
// discord-interactions, @sendgrid/eventwebhook, @shopify/shopify-api, square). Every case also
// sends a tampered copy, which the SDK must reject, and our verifier agrees on both.
#include "core/inbound/verification/cryptoprimitives.h"
#include "core/inbound/verification/signaturesigner.h"
#include "core/inbound/verification/signatureverifier.h"

#include "inboundtest.h"
#include "peerbatch.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::builtInProfile;

namespace {
const QByteArray kHook = "https://hooks.example.com/in/c1?tenant=t1";

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

// A fixed P-256 key pair (made with node's crypto.generateKeyPairSync('ec', P-256)).
const QByteArray kEcPrivate = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgnl+Oi5bN+"
                              "cSDCJ1dPZyWu9dY1y8cjpUFCS8jBnMuSJuh"
                              "RANCAAQM+BYySbXixHjiMY95oUpu5EZkeYNBsdKq2RDs07HLuvvmGTqz/"
                              "IFFjcK1WXKT2Y7bLrf2hVKMU92GYGB+RQfq";
const QByteArray kEcPublic = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEDPgWMkm14sR44jGPeaFKbuRGZHmDQbHSq"
                             "tkQ7NOxy7r75hk6s/yBRY3C"
                             "tVlyk9mO2y639oVSjFPdhmBgfkUH6g==";

struct Signed
{
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // lower-case names
};

Signed sign(const QString &profile, int schemeIndex, const QByteArray &secret,
            SigningRequest request)
{
    const SignatureScheme scheme = builtInProfile(profile).signatureSchemes.at(schemeIndex);
    const auto headers = signRequest(scheme, {secret}, request);
    if (!headers)
        qFatal("%s", qPrintable(headers.error().message));
    Signed result{request.body, {}};
    for (const ReceivedHeader &header : *headers)
        result.headers.insert(header.name.toLower(), header.value);
    return result;
}

QByteArray tamper(QByteArray body)
{
    body[body.size() - 2] = char(body.at(body.size() - 2) ^ 0x01);
    return body;
}

QJsonObject headersJson(const Signed &s)
{
    QJsonObject object;
    for (auto it = s.headers.begin(); it != s.headers.end(); ++it)
        object.insert(text(it.key()), text(it.value()));
    return object;
}
} // namespace

class TestSdkVerifiedRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sdkAcceptsOursAndRejectsTampered_data();
    void sdkAcceptsOursAndRejectsTampered();
    void stripeDecodesBodiesAsUtf8();

private:
    struct Case
    {
        int genuine = -1;
        int tampered = -1;
    };
    // Adds the job for the genuine body and for a tampered copy (same headers).
    void addCase(const QString &name, QJsonObject job, const QByteArray &body)
    {
        job.insert(u"body_b64"_s, b64(body));
        Case c;
        c.genuine = m_peer.add(job);
        job.insert(u"body_b64"_s, b64(tamper(body)));
        c.tampered = m_peer.add(job);
        m_cases.insert(name, c);
    }

    wb::test::PeerBatch m_peer;
    QMap<QString, Case> m_cases;
    int m_stripeLatin1 = -1;
};

void TestSdkVerifiedRequests::initTestCase()
{
    // SDKs that verify against the real clock get the real time; the others a fixed one.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray json = "{\"id\":\"evt_9\",\"amount\":18446744073709551617,"
                            "\"note\":\"caf\xc3\xa9 \xf0\x9f\x9a\x80\"}";
    SigningRequest base;
    base.url = kHook;
    base.body = json;
    base.timestampMs = now;
    base.messageId = "msg_ours_1";

    const Signed github = sign(u"github"_s, 0, "octo-secret", base);
    addCase(u"octokit"_s,
            {{u"op"_s, u"octokit.verify"_s},
             {u"secret"_s, u"octo-secret"_s},
             {u"signature"_s, text(github.headers.value("x-hub-signature-256"))}},
            json);

    const Signed stripe = sign(u"stripe"_s, 0, "whsec_ours", base);
    addCase(u"stripe"_s,
            {{u"op"_s, u"stripe.verify"_s},
             {u"secret"_s, u"whsec_ours"_s},
             {u"header"_s, text(stripe.headers.value("stripe-signature"))},
             {u"tolerance"_s, 300},
             {u"now_ms"_s, now}},
            json);

    const QByteArray whsec = "whsec_" + QByteArray("our-standard-webhooks-key-32byte").toBase64();
    const Signed standard = sign(u"standard-webhooks"_s, 0, whsec, base);
    addCase(u"standardwebhooks"_s,
            {{u"op"_s, u"standardwebhooks.verify"_s},
             {u"secret"_s, text(whsec)},
             {u"headers"_s, headersJson(standard)}},
            json);
    QJsonObject svixHeaders;
    for (auto it = standard.headers.begin(); it != standard.headers.end(); ++it)
        svixHeaders.insert(text(it.key()).replace(u"webhook-"_s, u"svix-"_s), text(it.value()));
    addCase(u"svix"_s,
            {{u"op"_s, u"svix.verify"_s}, {u"secret"_s, text(whsec)}, {u"headers"_s, svixHeaders}},
            json);

    // Twilio: a form post (parameters decoded for the SDK) and a JSON body with bodySHA256.
    SigningRequest form = base;
    form.body = "AccountSid=AC42&Body=caf%C3%A9+%F0%9F%9A%80&MediaUrl=b&MediaUrl=a";
    form.contentType = "application/x-www-form-urlencoded";
    const Signed twilioForm = sign(u"twilio"_s, 0, "auth-token", form);
    const QJsonObject params{{u"AccountSid"_s, u"AC42"_s},
                             {u"Body"_s, QString::fromUtf8("caf\xc3\xa9 \xf0\x9f\x9a\x80")},
                             {u"MediaUrl"_s, QJsonArray{u"b"_s, u"a"_s}}};
    const int twilioGenuine = m_peer.add(
            {{u"op"_s, u"twilio.verify"_s},
             {u"token"_s, u"auth-token"_s},
             {u"signature"_s, text(twilioForm.headers.value("x-twilio-signature"))},
             {u"url"_s, text(kHook)},
             {u"params"_s, params}});
    QJsonObject changedParams = params;
    changedParams[u"AccountSid"_s] = u"AC43"_s;
    const int twilioTampered = m_peer.add(
            {{u"op"_s, u"twilio.verify"_s},
             {u"token"_s, u"auth-token"_s},
             {u"signature"_s, text(twilioForm.headers.value("x-twilio-signature"))},
             {u"url"_s, text(kHook)},
             {u"params"_s, changedParams}});
    m_cases.insert(u"twilio-form"_s, Case{twilioGenuine, twilioTampered});
    SigningRequest twilioJson = base;
    twilioJson.url = kHook + "&bodySHA256="
                     + QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex();
    const Signed twilioBody = sign(u"twilio"_s, 0, "auth-token", twilioJson);
    addCase(u"twilio-json-body"_s,
            {{u"op"_s, u"twilio.verify_body"_s},
             {u"token"_s, u"auth-token"_s},
             {u"signature"_s, text(twilioBody.headers.value("x-twilio-signature"))},
             {u"url"_s, text(twilioJson.url)}},
            json);

    // @slack/bolt isValidSlackRequest, with our timestamp.
    const Signed slack = sign(u"slack"_s, 0, "slack-signing-secret", base);
    const QJsonObject slackJob{{u"op"_s, u"slack.verify"_s},
                               {u"secret"_s, u"slack-signing-secret"_s},
                               {u"signature"_s, text(slack.headers.value("x-slack-signature"))},
                               {u"timestamp"_s,
                                text(slack.headers.value("x-slack-request-timestamp"))},
                               {u"now_ms"_s, now}};
    addCase(u"slack"_s, slackJob, json);
    QJsonObject slackLate = slackJob;
    slackLate[u"now_ms"_s] = now + 301'000;
    slackLate[u"body_b64"_s] = b64(json);
    const int lateGenuine = m_peer.add(slackLate);
    m_cases.insert(u"slack-301s-later-refused-by-bolt"_s, Case{-1, lateGenuine});

    // discord-interactions verifyKey: our Ed25519 signature, raw bytes (Latin-1 too).
    const QByteArray seed = QByteArray::fromHex(
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    const QByteArray publicHex = crypto::ed25519PublicKey(seed).value().toHex();
    for (const auto &[name, body] :
         {std::pair{u"discord"_s, QByteArray(R"({"type":2,"guild_id":"1234567890123456789"})")},
          std::pair{u"discord-latin1-body"_s, QByteArray("{\"type\":2,\"n\":\"Ren\xe9\"}")}}) {
        SigningRequest request = base;
        request.body = body;
        const Signed discord = sign(u"discord"_s, 0, seed.toHex(), request);
        addCase(name,
                {{u"op"_s, u"discord.verify"_s},
                 {u"public_key"_s, text(publicHex)},
                 {u"signature"_s, text(discord.headers.value("x-signature-ed25519"))},
                 {u"timestamp"_s, text(discord.headers.value("x-signature-timestamp"))}},
                body);
    }

    // @sendgrid/eventwebhook verifySignature: our ECDSA P-256 signature over the exact payload.
    SigningRequest events = base;
    events.body = "[{\"email\":\"a@example.com\",\"event\":\"processed\"},\r\n"
                  "{\"email\":\"b@example.com\",\"event\":\"delivered\"}]\r\n";
    const Signed sendgrid = sign(u"sendgrid"_s, 0, kEcPrivate, events);
    addCase(u"sendgrid"_s,
            {{u"op"_s, u"sendgrid.verify"_s},
             {u"public_key"_s, text(kEcPublic)},
             {u"signature"_s,
              text(sendgrid.headers.value("x-twilio-email-event-webhook-signature"))},
             {u"timestamp"_s,
              text(sendgrid.headers.value("x-twilio-email-event-webhook-timestamp"))}},
            events.body);

    // @hubspot/api-client Signature.isValid, v1 / v2 / v3 (v3 against the real clock).
    for (const auto &[version, index] :
         {std::pair{u"v3"_s, 0}, std::pair{u"v2"_s, 1}, std::pair{u"v1"_s, 2}}) {
        const Signed hubspot = sign(u"hubspot"_s, index, "hub-client-secret", base);
        const QByteArray header = version == u"v3"_s ? "x-hubspot-signature-v3"
                                                     : "x-hubspot-signature";
        QJsonObject job{{u"op"_s, u"hubspot.verify"_s},
                        {u"version"_s, version},
                        {u"secret"_s, u"hub-client-secret"_s},
                        {u"method"_s, u"POST"_s},
                        {u"url"_s, text(kHook)},
                        {u"signature"_s, text(hubspot.headers.value(header))}};
        if (version == u"v3"_s)
            job.insert(u"timestamp"_s, text(hubspot.headers.value("x-hubspot-request-timestamp")));
        addCase(u"hubspot-"_s + version, job, json);
    }

    // @shopify/shopify-api webhooks.validate (with the headers it requires).
    const Signed shopify = sign(u"shopify"_s, 0, "shpss_app_secret", base);
    addCase(u"shopify"_s,
            {{u"op"_s, u"shopify.verify"_s},
             {u"secret"_s, u"shpss_app_secret"_s},
             {u"headers"_s, QJsonObject{{u"X-Shopify-Hmac-Sha256"_s,
                                         text(shopify.headers.value("x-shopify-hmac-sha256"))},
                                        {u"X-Shopify-Topic"_s, u"orders/create"_s},
                                        {u"X-Shopify-Shop-Domain"_s, u"acme.myshopify.com"_s},
                                        {u"X-Shopify-API-Version"_s, u"2025-01"_s},
                                        {u"X-Shopify-Webhook-Id"_s, u"b54557e4"_s}}}},
            json);

    // square WebhooksHelper.verifySignature: URL + body.
    const Signed square = sign(u"square"_s, 0, "square-signature-key", base);
    addCase(u"square"_s,
            {{u"op"_s, u"square.verify"_s},
             {u"key"_s, u"square-signature-key"_s},
             {u"url"_s, text(kHook)},
             {u"signature"_s, text(square.headers.value("x-square-hmacsha256-signature"))}},
            json);

    // stripe-node reads a Buffer payload through TextDecoder('utf8'): a correct signature over
    // non-UTF-8 bytes does not verify there. We hash bytes.
    SigningRequest latin1 = base;
    latin1.body = "{\"id\":\"evt_1\",\"name\":\"Ren\xe9\"}";
    const Signed stripeLatin1 = sign(u"stripe"_s, 0, "whsec_ours", latin1);
    m_stripeLatin1 = m_peer.add(
            {{u"op"_s, u"stripe.verify"_s},
             {u"secret"_s, u"whsec_ours"_s},
             {u"header"_s, text(stripeLatin1.headers.value("stripe-signature"))},
             {u"tolerance"_s, 300},
             {u"now_ms"_s, now},
             {u"body_b64"_s, b64(latin1.body)}});
    const VerificationResult ours
            = verifySignature(wb::test::makeRequest("POST", kHook,
                                                    {{"Stripe-Signature",
                                                      stripeLatin1.headers.value(
                                                              "stripe-signature")}},
                                                    latin1.body),
                              builtInProfile(u"stripe"_s), {"whsec_ours"}, now);
    QVERIFY2(ours.verified(), qPrintable(ours.explanation));

    QVERIFY2(m_peer.run(), qPrintable(m_peer.errorString()));
}

void TestSdkVerifiedRequests::sdkAcceptsOursAndRejectsTampered_data()
{
    QTest::addColumn<QString>("name");
    for (auto it = m_cases.begin(); it != m_cases.end(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key();
}

void TestSdkVerifiedRequests::sdkAcceptsOursAndRejectsTampered()
{
    QFETCH(QString, name);
    const Case c = m_cases.value(name);
    if (c.genuine >= 0) {
        const QJsonObject genuine = m_peer.result(c.genuine).toObject();
        QVERIFY2(genuine[u"valid"_s].toBool(), qPrintable(genuine[u"error"_s].toString()));
    }
    const QJsonObject tampered = m_peer.result(c.tampered).toObject();
    QVERIFY2(!tampered[u"valid"_s].toBool(), "the SDK accepted a tampered request");
}

void TestSdkVerifiedRequests::stripeDecodesBodiesAsUtf8()
{
    const QJsonObject result = m_peer.result(m_stripeLatin1).toObject();
    QCOMPARE(result[u"valid"_s].toBool(), false);
    QVERIFY2(result[u"error"_s].toString().contains(u"No signatures found matching"_s),
             qPrintable(result[u"error"_s].toString()));
}

QTEST_GUILESS_MAIN(TestSdkVerifiedRequests)
#include "tst_sdkverifiedrequests.moc"
