// SPDX-License-Identifier: GPL-3.0-or-later
// Outgoing signing is the exact inverse of verification: for every scheme of every shipped profile,
// what the signer makes verifies, and a changed byte, a wrong secret or a stale timestamp does not.
#include "core/inbound/verification/cryptoprimitives.h"
#include "core/inbound/verification/signaturesigner.h"
#include "core/inbound/verification/signatureverifier.h"

#include "inboundtest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {
constexpr qint64 kNow = 1'750'000'000'000;

struct Keys
{
    QByteArray signing;
    QByteArray verifying;
};

// A key pair (or a shared secret) in the form the scheme's key encoding expects.
Keys keysFor(const SignatureScheme &scheme, char seed)
{
    switch (scheme.family) {
    case SignatureFamily::Ed25519: {
        const QByteArray privateSeed(32, seed);
        const QByteArray publicKey = crypto::ed25519PublicKey(privateSeed).value();
        if (scheme.keyEncoding == KeyEncoding::Hex)
            return {privateSeed.toHex(), publicKey.toHex()};
        return {"whsk_" + privateSeed.toBase64(), scheme.keyPrefix.toUtf8() + publicKey.toBase64()};
    }
    case SignatureFamily::EcdsaP256: {
        // A fixed P-256 key pair (generated with `openssl ecparam -name prime256v1 -genkey`).
        static const QByteArray pkcs8 = QByteArray::fromBase64(
                "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgnl+Oi5bN+"
                "cSDCJ1dPZyWu9dY1y8cjpUFCS8jB"
                "nMuSJuhRANCAAQM+BYySbXixHjiMY95oUpu5EZkeYNBsdKq2RDs07HLuvvmGTqz/"
                "IFFjcK1WXKT2Y7bLrf2hV"
                "KMU92GYGB+RQfq");
        static const QByteArray spki = QByteArray::fromBase64(
                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEDPgWMkm14sR44jGPeaFKbuRGZHmDQbHSqtkQ7NOxy7r75h"
                "k6"
                "s/yBRY3CtVlyk9mO2y639oVSjFPdhmBgfkUH6g==");
        if (seed != 'a') { // a second, different pair for "wrong key" checks
            QByteArray other = spki;
            other[other.size() - 5] = char(other.at(other.size() - 5) ^ 0x01);
            return {pkcs8.toBase64(), other.toBase64()};
        }
        return {pkcs8.toBase64(), spki.toBase64()};
    }
    default:
        break;
    }
    QByteArray secret = QByteArray("secret-") + seed + "-0123456789abcdef";
    if (scheme.keyEncoding == KeyEncoding::Base64)
        secret = scheme.keyPrefix.toUtf8() + QByteArray(32, seed).toBase64();
    else if (scheme.keyEncoding == KeyEncoding::Hex)
        secret = QByteArray(32, seed).toHex();
    return {secret, secret};
}

RawRequest requestFor(const SignatureScheme &scheme, const SigningRequest &outgoing,
                      const QList<ReceivedHeader> &headers)
{
    RawRequest request;
    request.method = outgoing.method;
    request.url = outgoing.url;
    request.body = outgoing.body;
    request.headers = headers;
    if (!outgoing.contentType.isEmpty())
        request.headers.append(ReceivedHeader{"Content-Type", outgoing.contentType});
    Q_UNUSED(scheme);
    return request;
}
} // namespace

class TestSignatureSigner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void standardWebhooksHeaders();
    void signingErrors();
};

void TestSignatureSigner::roundTrip_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<int>("schemeIndex");
    const ProviderCatalog catalog = ProviderCatalog::load(QString());
    int rows = 0;
    for (const ProviderProfile &profile : catalog.profiles()) {
        for (int i = 0; i < profile.signatureSchemes.size(); ++i) {
            QTest::newRow(qPrintable(u"%1-%2"_s.arg(profile.id).arg(i))) << profile.id << i;
            ++rows;
        }
    }
    QVERIFY(rows >= 24);
}

void TestSignatureSigner::roundTrip()
{
    QFETCH(QString, profile);
    QFETCH(int, schemeIndex);
    const ProviderProfile p = wb::test::builtInProfile(profile);
    const SignatureScheme &scheme = p.signatureSchemes.at(schemeIndex);

    SigningRequest outgoing;
    outgoing.url = "https://hooks.example.com/in/t1?source=wirebench&x=%3A";
    outgoing.messageId = "msg_2ZQ8";
    outgoing.timestampMs = kNow;
    outgoing.body = "{\"id\":\"evt_1\",\"amount\":12345678901234567890,"
                    "\"name\":\"Jos\\u00e9 \xf0\x9f\x9a\x80\",\"webhookTimestamp\":"
                    + QByteArray::number(kNow) + '}';
    if (scheme.family == SignatureFamily::Twilio) {
        outgoing.contentType = "application/x-www-form-urlencoded";
        outgoing.body = "AccountSid=AC123&Body=caf%C3%A9+%F0%9F%9A%80&Body=2nd&From=%2B15551234567";
    }
    const Keys keys = keysFor(scheme, 'a');
    const auto headers = signRequest(scheme, {keys.signing}, outgoing);
    QVERIFY2(headers, qPrintable(headers ? QString() : headers.error().message));
    const RawRequest request = requestFor(scheme, outgoing, *headers);

    VerificationOptions options;
    options.signedUrl = outgoing.url;
    const VerificationResult ok = verifySignature(request, scheme, {keys.verifying}, kNow + 1000,
                                                  options);
    QVERIFY2(ok.verified(), qPrintable(ok.explanation));
    // Through the profile, the same scheme is selected.
    QCOMPARE(selectSignatureScheme(request, p.signatureSchemes),
             &p.signatureSchemes.at(schemeIndex));

    RawRequest changed = request;
    changed.body[changed.body.size() - 3] = char(changed.body.at(changed.body.size() - 3) ^ 0x02);
    QCOMPARE(nameOf(verifySignature(changed, scheme, {keys.verifying}, kNow, options).reason),
             u"signature_mismatch"_s);

    const Keys other = keysFor(scheme, 'b');
    QCOMPARE(nameOf(verifySignature(request, scheme, {other.verifying}, kNow, options).reason),
             u"signature_mismatch"_s);
    // Rotation: the right key in the second slot.
    const VerificationResult rotated = verifySignature(request, scheme,
                                                       {other.verifying, keys.verifying}, kNow,
                                                       options);
    QVERIFY(rotated.verified());
    QCOMPARE(rotated.matchedSecretSlot, 1);

    if (scheme.toleranceSeconds) {
        const qint64 late = kNow + (qint64(*scheme.toleranceSeconds) + 2) * 1000;
        const VerificationResult stale = verifySignature(request, scheme, {keys.verifying}, late,
                                                         options);
        QCOMPARE(nameOf(stale.reason), u"timestamp_out_of_tolerance"_s);
        QVERIFY(stale.signatureMatchedButStale);
    }
}

void TestSignatureSigner::standardWebhooksHeaders()
{
    // The exact headers a Standard Webhooks sender writes (spec: webhook-id, webhook-timestamp in
    // seconds, webhook-signature "v1,<base64>" space-separated per key).
    const SignatureScheme scheme = wb::test::builtInProfile(u"standard-webhooks"_s)
                                           .signatureSchemes.front();
    SigningRequest outgoing;
    outgoing.body = R"({"test": 2432232314})";
    outgoing.messageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    outgoing.timestampMs = 1'614'265'330'000;
    const auto headers = signRequest(scheme,
                                     {"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                                      "whsec_" + QByteArray(24, 'z').toBase64()},
                                     outgoing);
    QVERIFY(headers);
    QCOMPARE(headers->size(), 3);
    QCOMPARE(headers->at(0), (ReceivedHeader{"webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"}));
    QCOMPARE(headers->at(1), (ReceivedHeader{"webhook-timestamp", "1614265330"}));
    QCOMPARE(headers->at(2).name, QByteArray("webhook-signature"));
    const QList<QByteArray> entries = headers->at(2).value.split(' ');
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0), QByteArray("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    QVERIFY(entries.at(1).startsWith("v1,"));
}

void TestSignatureSigner::signingErrors()
{
    const SignatureScheme standard = wb::test::builtInProfile(u"standard-webhooks"_s)
                                             .signatureSchemes.front();
    SigningRequest outgoing;
    outgoing.body = "{}";
    const auto noId = signRequest(standard, {"whsec_" + QByteArray(24, 'k').toBase64()}, outgoing);
    QCOMPARE(noId.error().code, u"signing.missing_id"_s);
    outgoing.messageId = "msg_1";
    QCOMPARE(signRequest(standard, {{}, {}}, outgoing).error().code, u"signing.no_secret"_s);
    QCOMPARE(signRequest(standard, {"whsec_%%%"}, outgoing).error().code, u"secret.bad_encoding"_s);
    QCOMPARE(signRequest(SignatureScheme{}, {"x"}, outgoing).error().code,
             u"signing.unsigned_scheme"_s);
    const SignatureScheme discord = wb::test::builtInProfile(u"discord"_s).signatureSchemes.front();
    const auto shortKey = signRequest(discord, {QByteArray(16, 'a').toHex()}, outgoing);
    QCOMPARE(shortKey.error().code, u"secret.bad_key"_s);
    QVERIFY(!shortKey.error().message.contains(QString::fromLatin1(QByteArray(16, 'a').toHex())));
}

QTEST_GUILESS_MAIN(TestSignatureSigner)
#include "tst_signaturesigner.moc"
