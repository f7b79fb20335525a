// SPDX-License-Identifier: GPL-3.0-or-later
// Every vector of tests/fixtures/providers/test_vectors.json (copied from
// ../shared/providers/test_vectors.json: provider docs, official SDK tests, RFC 8032, and values
// derived from the documented algorithms) verified by our code through the shipped profiles, then
// tampered with and rejected, and re-signed by our signer to the same bytes where signing is
// deterministic.
#include "core/inbound/handshake/handshakeresponder.h"
#include "core/inbound/verification/cryptoprimitives.h"
#include "core/inbound/verification/queryhmac.h"
#include "core/inbound/verification/signaturesigner.h"
#include "core/inbound/verification/signatureverifier.h"
#include "core/providers/profileparser.h"

#include "inboundtest.h"
#include "support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::makeRequest;

namespace {
// A webhook vector turned into a request to verify.
struct Case
{
    QString profile;        // a built-in profile id, or empty with `scheme` set
    SignatureScheme scheme; // used when `profile` is empty
    RawRequest request;
    QList<QByteArray> secrets;
    qint64 nowMs = 0;
    QByteArray signedUrl;
    QByteArray signatureHeader; // the header whose value is the vector's expected signature
    bool deterministic = true;  // our signer must reproduce the exact header value
};

QByteArray bytesOf(const QJsonObject &v, const QString &hexKey, const QString &textKey)
{
    if (v.contains(hexKey))
        return QByteArray::fromHex(v[hexKey].toString().toLatin1());
    return v[textKey].toString().toUtf8();
}

QByteArray body(const QJsonObject &v)
{
    const QString text = v[u"body"_s].toString();
    if (text.startsWith(u"'a' repeated "_s)) {
        const int count = text.section(u' ', 2, 2).toInt();
        return QByteArray(count, 'a');
    }
    if (v.contains(u"body_hex"_s) || v.contains(u"body"_s))
        return bytesOf(v, u"body_hex"_s, u"body"_s);
    return bytesOf(v, u"message_hex"_s, u"message"_s);
}

QByteArray s(const QJsonObject &v, const QString &key)
{
    return v[key].toString().toUtf8();
}

qint64 seconds(const QJsonObject &v)
{
    return v[u"timestamp"_s].toString().toLongLong() * 1000;
}

QByteArray formBody(const QJsonObject &params)
{
    QByteArray out;
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(it.key()) + '='
               + QUrl::toPercentEncoding(it.value().toString());
    }
    return out;
}

SignatureScheme boxScheme()
{
    // Box is not a shipped profile; the scheme from developer.box.com/guides/webhooks/v2/signatures-v2
    // (FACTS.md "Extra handshakes").
    const auto scheme = parseSignatureScheme(QJsonDocument::fromJson(
                                                     R"({"family": "hmac", "algorithm": "sha256",
                "header": ["BOX-SIGNATURE-PRIMARY", "BOX-SIGNATURE-SECONDARY"],
                "encoding": "base64", "signed_payload": "{body}{timestamp}",
                "timestamp": {"source": "header", "header": "BOX-DELIVERY-TIMESTAMP",
                              "unit": "iso8601"},
                "tolerance_seconds": 600})")
                                                     .object(),
                                             u"box"_s);
    return *scheme;
}

// The case for a webhook vector, or nullopt for the vectors that are not webhook signatures
// (handshakes, RFC 8032 primitives, Shopify's OAuth query).
std::optional<Case> webhookCase(const QJsonObject &v)
{
    const QString id = v[u"id"_s].toString();
    const QString provider = v[u"provider"_s].toString();
    const QByteArray key = s(v, u"key"_s);
    const QByteArray expected = s(v, u"expected"_s);
    Case c;
    c.secrets = {key};
    const auto post = [&](const QByteArray &url,
                          const QList<std::pair<QByteArray, QByteArray>> &headers,
                          const QByteArray &bodyBytes) {
        c.request = makeRequest("POST", url, headers, bodyBytes);
    };
    const QByteArray hook = "http://127.0.0.1:8480/hooks/c1";
    if (provider == u"GitHub"_s) {
        c.profile = u"github"_s;
        c.signatureHeader = "X-Hub-Signature-256";
        post(hook, {{"X-Hub-Signature-256", expected}}, body(v));
    } else if (provider == u"Slack"_s) {
        c.profile = u"slack"_s;
        c.signatureHeader = "X-Slack-Signature";
        c.nowMs = seconds(v) + 42'000;
        post(hook,
             {{"X-Slack-Request-Timestamp", s(v, u"timestamp"_s)}, {"X-Slack-Signature", expected}},
             body(v));
    } else if (id.startsWith(u"standard-webhooks"_s) || id.startsWith(u"svix-"_s)) {
        c.profile = u"standard-webhooks"_s;
        c.nowMs = seconds(v) - 299'000; // just inside the tolerance, in the future
        const bool svix = id.startsWith(u"svix-"_s);
        c.signatureHeader = svix ? "svix-signature" : "webhook-signature";
        post(hook,
             {{svix ? "svix-id" : "webhook-id", s(v, u"msg_id"_s)},
              {svix ? "svix-timestamp" : "webhook-timestamp", s(v, u"timestamp"_s)},
              {c.signatureHeader, expected}},
             body(v));
    } else if (provider == u"Twilio"_s) {
        c.profile = u"twilio"_s;
        c.signatureHeader = "X-Twilio-Signature";
        QByteArray url = s(v, u"url"_s);
        if (id == u"twilio-json-empty"_s) // twilio-node's test passes the URL without ":443"
            url.replace(":443", "");
        c.signedUrl = url;
        if (url.contains("bodySHA256=")) {
            post(hook, {{"Content-Type", "application/json"}, {"X-Twilio-Signature", expected}},
                 body(v));
        } else {
            const QJsonObject params = v[u"params"_s].isObject()
                                               ? v[u"params"_s].toObject()
                                               : QJsonObject{{u"CallSid"_s, u"CA1234567890ABCDE"_s},
                                                             {u"Caller"_s, u"+14158675309"_s},
                                                             {u"Digits"_s, u"1234"_s},
                                                             {u"From"_s, u"+14158675309"_s},
                                                             {u"To"_s, u"+18005551212"_s}};
            post(hook,
                 {{"Content-Type", "application/x-www-form-urlencoded"},
                  {"X-Twilio-Signature", expected}},
                 formBody(params));
        }
        c.deterministic = id != u"twilio-json-empty"_s; // the signer signs the URL as given
    } else if (id == u"shopify-webhook"_s) {
        c.profile = u"shopify"_s;
        c.signatureHeader = "X-Shopify-Hmac-Sha256";
        post(hook, {{"X-Shopify-Hmac-Sha256", expected}}, body(v));
    } else if (id.startsWith(u"hubspot-v1"_s) || id.startsWith(u"hubspot-v2"_s)) {
        c.profile = u"hubspot"_s;
        c.signatureHeader = "X-HubSpot-Signature";
        c.signedUrl = s(v, u"uri"_s);
        const QByteArray version = id.startsWith(u"hubspot-v1"_s) ? "v1" : "v2";
        c.request = makeRequest(v.contains(u"method"_s) ? s(v, u"method"_s) : "POST", hook,
                                {{"X-HubSpot-Signature-Version", version},
                                 {"X-HubSpot-Signature", expected}},
                                body(v));
    } else if (id == u"hubspot-v3-derived"_s) {
        c.profile = u"hubspot"_s;
        c.signatureHeader = "X-HubSpot-Signature-v3";
        c.signedUrl = s(v, u"uri"_s);
        c.nowMs = v[u"timestamp"_s].toString().toLongLong() + 1000;
        post(hook,
             {{"X-HubSpot-Request-Timestamp", s(v, u"timestamp"_s)},
              {"X-HubSpot-Signature-v3", expected}},
             body(v));
    } else if (provider == u"Square"_s) {
        c.profile = u"square"_s;
        c.signatureHeader = "x-square-hmacsha256-signature";
        c.signedUrl = s(v, u"url"_s);
        post(hook, {{"x-square-hmacsha256-signature", expected}}, body(v));
    } else if (provider == u"SendGrid"_s) {
        c.profile = u"sendgrid"_s;
        c.signatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
        c.secrets = {s(v, u"public_key_b64_der"_s)};
        c.deterministic = false; // ECDSA signatures are randomised
        post(hook,
             {{"X-Twilio-Email-Event-Webhook-Timestamp", s(v, u"timestamp"_s)},
              {"X-Twilio-Email-Event-Webhook-Signature", s(v, u"signature"_s)}},
             body(v));
    } else if (id == u"dropbox"_s) {
        c.profile = u"dropbox"_s;
        c.signatureHeader = "X-Dropbox-Signature";
        post(hook, {{"X-Dropbox-Signature", expected}}, body(v));
    } else if (id == u"discord-derived"_s) {
        c.profile = u"discord"_s;
        c.signatureHeader = "X-Signature-Ed25519";
        c.secrets = {s(v, u"public_key_hex"_s)};
        c.deterministic = false; // signing needs the private key, checked in ed25519Primitive()
        post(hook,
             {{"X-Signature-Ed25519", expected}, {"X-Signature-Timestamp", s(v, u"timestamp"_s)}},
             body(v));
    } else if (id == u"stripe-derived"_s) {
        c.profile = u"stripe"_s;
        c.signatureHeader = "Stripe-Signature";
        c.nowMs = seconds(v) + 300'000; // exactly at the tolerance
        post(hook, {{"Stripe-Signature", "t=" + s(v, u"timestamp"_s) + ",v1=" + expected}}, body(v));
    } else if (id == u"zoom-sig-derived"_s) {
        c.profile = u"zoom"_s;
        c.signatureHeader = "x-zm-signature";
        c.nowMs = seconds(v);
        post(hook, {{"x-zm-request-timestamp", s(v, u"timestamp"_s)}, {"x-zm-signature", expected}},
             body(v));
    } else if (id == u"linear-derived"_s) {
        c.profile = u"linear"_s;
        c.signatureHeader = "linear-signature";
        c.nowMs = 1'700'000'000'000 + 59'000;
        post(hook, {{"linear-signature", expected}}, body(v));
    } else if (id == u"intercom-derived"_s || id == u"jira-derived"_s) {
        c.profile = id == u"jira-derived"_s ? u"jira"_s : u"intercom"_s;
        c.signatureHeader = "X-Hub-Signature";
        post(hook, {{"X-Hub-Signature", expected}}, body(v));
    } else if (id == u"pagerduty-derived"_s) {
        c.profile = u"pagerduty"_s;
        c.signatureHeader = "X-PagerDuty-Signature";
        post(hook, {{"X-PagerDuty-Signature", expected}}, body(v));
    } else if (id == u"meta-derived"_s) {
        c.profile = u"meta"_s;
        c.signatureHeader = "X-Hub-Signature-256";
        post(hook, {{"X-Hub-Signature-256", expected}}, body(v));
    } else if (id == u"asana-derived"_s) {
        c.profile = u"asana"_s;
        c.signatureHeader = "X-Hook-Signature";
        post(hook, {{"X-Hook-Signature", expected}}, body(v));
    } else if (id == u"box-derived"_s) {
        c.scheme = boxScheme();
        c.signatureHeader = "BOX-SIGNATURE-PRIMARY";
        c.nowMs = QDateTime::fromString(v[u"timestamp"_s].toString(), Qt::ISODate).toMSecsSinceEpoch()
                  + 599'000;
        c.deterministic = false; // the signer writes the timestamp in UTC ("…Z"), not "-08:00"
        post(hook,
             {{"BOX-DELIVERY-TIMESTAMP", s(v, u"timestamp"_s)}, {"BOX-SIGNATURE-PRIMARY", expected}},
             body(v));
    } else {
        return std::nullopt;
    }
    return c;
}

VerificationResult verify(const Case &c, const RawRequest &request)
{
    VerificationOptions options;
    options.signedUrl = c.signedUrl;
    if (c.profile.isEmpty())
        return verifySignature(request, c.scheme, c.secrets, c.nowMs, options);
    return verifySignature(request, wb::test::builtInProfile(c.profile), c.secrets, c.nowMs,
                           options);
}
} // namespace

class TestSignatureVectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyVectorIsUsed();
    void webhookVectors_data();
    void webhookVectors();
    void ed25519Rfc8032_data();
    void ed25519Rfc8032();
    void handshakeVectors();
    void shopifyOAuthQuery();

private:
    QList<QJsonObject> m_vectors;
};

void TestSignatureVectors::initTestCase()
{
    const QJsonArray array = QJsonDocument::fromJson(
                                     wb::test::readFixture(u"providers/test_vectors.json"_s))
                                     .array();
    for (const QJsonValue &value : array)
        m_vectors << value.toObject();
    QCOMPARE(m_vectors.size(), 41);
}

void TestSignatureVectors::everyVectorIsUsed()
{
    // Each vector is a webhook row, an RFC 8032 row, a handshake or the Shopify OAuth query: none
    // is silently skipped.
    const QStringList others{u"rfc8032-test1"_s, u"rfc8032-test2"_s, u"zoom-crc"_s,
                             u"x-crc-derived"_s, u"shopify-oauth-query"_s};
    int webhooks = 0;
    for (const QJsonObject &v : std::as_const(m_vectors)) {
        const QString id = v[u"id"_s].toString();
        if (webhookCase(v))
            ++webhooks;
        else
            QVERIFY2(others.contains(id), qPrintable(id));
    }
    QCOMPARE(webhooks, 36);
}

void TestSignatureVectors::webhookVectors_data()
{
    QTest::addColumn<QJsonObject>("vector");
    for (const QJsonObject &v : std::as_const(m_vectors)) {
        if (webhookCase(v))
            QTest::newRow(qPrintable(v[u"id"_s].toString())) << v;
    }
}

void TestSignatureVectors::webhookVectors()
{
    QFETCH(QJsonObject, vector);
    const Case c = *webhookCase(vector);

    const VerificationResult ok = verify(c, c.request);
    QVERIFY2(ok.verified(), qPrintable(ok.explanation));
    QCOMPARE(nameOf(ok.reason), u"verified"_s);
    QCOMPARE(ok.headerName, c.signatureHeader);
    QCOMPARE(ok.matchedSecretSlot, 0);
    QVERIFY(ok.signedLength >= c.request.body.size());
    if (c.secrets.front().size() >= 8) // short ones ("secret", "12345") occur in ordinary text
        QVERIFY(!ok.explanation.contains(QString::fromUtf8(c.secrets.front())));

    // One byte of the body changed: rejected, and the explanation says what was signed.
    RawRequest tampered = c.request;
    if (tampered.body.isEmpty()) {
        tampered.method = tampered.method == "GET" ? "PUT" : "GET"; // HubSpot v2 signs the method
    } else {
        // The third byte: inside the first JSON member name, so the JSON stays valid (Linear reads
        // its timestamp from the body).
        const qsizetype at = qMin<qsizetype>(2, tampered.body.size() - 1);
        tampered.body[at] = char(tampered.body.at(at) ^ 0x01);
    }
    const VerificationResult bad = verify(c, tampered);
    QVERIFY(!bad.verified());
    if (c.profile == u"twilio"_s && c.signedUrl.contains("bodySHA256=")) {
        QCOMPARE(nameOf(bad.reason), u"body_hash_mismatch"_s);
    } else {
        QCOMPARE(nameOf(bad.reason), u"signature_mismatch"_s);
        if (c.profile != u"twilio"_s) // Twilio explains with its first URL candidate
            QCOMPARE(bad.signedLength, ok.signedLength);
        QVERIFY2(bad.explanation.contains(QString::fromUtf8(c.signatureHeader)),
                 qPrintable(bad.explanation));
    }

    // A wrong secret: rejected.
    Case wrong = c;
    if (c.profile != u"sendgrid"_s && c.profile != u"discord"_s) {
        wrong.secrets = {c.secrets.front() + 'x'};
        if (c.profile == u"standard-webhooks"_s)
            wrong.secrets = {"whsec_" + QByteArray(24, 'k').toBase64()};
        const VerificationResult wrongSecret = verify(wrong, c.request);
        QCOMPARE(nameOf(wrongSecret.reason), u"signature_mismatch"_s);
    }

    // Our signer produces the same header value (the exact inverse of the verifier).
    if (c.deterministic) {
        const ProviderProfile profile = c.profile.isEmpty() ? ProviderProfile{}
                                                            : wb::test::builtInProfile(c.profile);
        const SignatureScheme *scheme = c.profile.isEmpty()
                                                ? &c.scheme
                                                : selectSignatureScheme(c.request,
                                                                        profile.signatureSchemes);
        QVERIFY(scheme);
        SigningRequest outgoing;
        outgoing.method = c.request.method;
        outgoing.url = c.signedUrl.isEmpty() ? c.request.url : c.signedUrl;
        outgoing.body = c.request.body;
        outgoing.contentType = c.request.header("Content-Type").value_or(QByteArray());
        outgoing.messageId = c.request.header("webhook-id")
                                     .value_or(c.request.header("svix-id").value_or(QByteArray()));
        outgoing.timestampMs = vector[u"timestamp"_s].toString().toLongLong()
                               * (scheme->timestampUnit == TimestampUnit::Milliseconds ? 1 : 1000);
        const auto headers = signRequest(*scheme, c.secrets, outgoing);
        QVERIFY2(headers, qPrintable(headers ? QString() : headers.error().message));
        QByteArray signature;
        for (const ReceivedHeader &header : *headers) {
            if (header.name.compare(scheme->signatureHeaders.front().toUtf8(), Qt::CaseInsensitive)
                == 0) {
                signature = header.value;
            }
        }
        QCOMPARE(signature, c.request.header(c.signatureHeader).value());
    }
}

void TestSignatureVectors::ed25519Rfc8032_data()
{
    QTest::addColumn<QJsonObject>("vector");
    for (const QJsonObject &v : std::as_const(m_vectors)) {
        if (v[u"id"_s].toString().startsWith(u"rfc8032"_s))
            QTest::newRow(qPrintable(v[u"id"_s].toString())) << v;
    }
}

void TestSignatureVectors::ed25519Rfc8032()
{
    QFETCH(QJsonObject, vector);
    const QByteArray seed = QByteArray::fromHex(s(vector, u"secret_key_hex"_s));
    const QByteArray publicKey = QByteArray::fromHex(s(vector, u"public_key_hex"_s));
    const QByteArray message = QByteArray::fromHex(s(vector, u"message_hex"_s));
    const QByteArray expected = QByteArray::fromHex(s(vector, u"expected"_s));
    QCOMPARE(crypto::ed25519PublicKey(seed).value(), publicKey);
    QCOMPARE(crypto::ed25519Sign(seed, message).value(), expected);
    QCOMPARE(crypto::ed25519Verify(publicKey, message, expected).value(), true);
    QByteArray flipped = expected;
    flipped[10] = char(flipped.at(10) ^ 0x40);
    QCOMPARE(crypto::ed25519Verify(publicKey, message, flipped).value(), false);
    QCOMPARE(crypto::ed25519Verify(publicKey, QByteArray(message + "!"), expected).value(), false);
    const auto badKey = crypto::ed25519Verify(publicKey.left(31), message, expected);
    QVERIFY(!badKey);
    QCOMPARE(badKey.error().code, u"crypto.bad_key"_s);
}

void TestSignatureVectors::handshakeVectors()
{
    for (const QJsonObject &v : std::as_const(m_vectors)) {
        const QString id = v[u"id"_s].toString();
        if (id == u"zoom-crc"_s) {
            const QByteArray body
                    = R"({"payload":{"plainToken":")" + s(v, u"message"_s)
                      + R"("},"event_ts":1654503849680,"event":"endpoint.url_validation"})";
            const HandshakeReply reply
                    = respondToHandshake(makeRequest("POST", "/hooks/z",
                                                     {{"Content-Type", "application/json"}}, body),
                                         body,
                                         HandshakeSpec{HandshakeKind::ZoomUrlValidation, false},
                                         HandshakeSecrets{s(v, u"key"_s), {}}, false);
            QCOMPARE(reply.status, 200);
            const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
            QCOMPARE(answer[u"plainToken"_s].toString(), v[u"message"_s].toString());
            QCOMPARE(answer[u"encryptedToken"_s].toString(), v[u"expected"_s].toString());
        } else if (id == u"x-crc-derived"_s) {
            const HandshakeReply reply
                    = respondToHandshake(makeRequest("GET",
                                                     "/hooks/x?crc_token=" + s(v, u"crc_token"_s),
                                                     {}, {}),
                                         {}, HandshakeSpec{HandshakeKind::XCrc, false},
                                         HandshakeSecrets{s(v, u"key"_s), {}}, false);
            QCOMPARE(reply.status, 200);
            QCOMPARE(QJsonDocument::fromJson(reply.body).object()[u"response_token"_s].toString(),
                     v[u"expected"_s].toString());
        }
    }
}

void TestSignatureVectors::shopifyOAuthQuery()
{
    for (const QJsonObject &v : std::as_const(m_vectors)) {
        if (v[u"id"_s].toString() != u"shopify-oauth-query"_s)
            continue;
        const QByteArray query = s(v, u"query"_s);
        QCOMPARE(queryHmacMessage(query), s(v, u"message"_s));
        QVERIFY(verifyQueryHmac(query, s(v, u"key"_s)));
        QVERIFY(!verifyQueryHmac(query, "hush!"));
        QByteArray tampered = query;
        tampered.replace("some-shop", "other-shop");
        QVERIFY(!verifyQueryHmac(tampered, s(v, u"key"_s)));
        return;
    }
    QFAIL("shopify-oauth-query vector missing");
}

QTEST_GUILESS_MAIN(TestSignatureVectors)
#include "tst_signaturevectors.moc"
