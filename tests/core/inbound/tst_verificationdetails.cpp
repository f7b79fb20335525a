// SPDX-License-Identifier: GPL-3.0-or-later
// Rotation (two secrets × several signatures), white space in secrets, explanations that never
// show a secret, scheme selection, Twilio's SHA-256 settings, gzip coverage, non-UTF-8 bodies, the
// signed URL.
#include "core/inbound/verification/cryptoprimitives.h"
#include "core/inbound/verification/signaturesigner.h"
#include "core/inbound/verification/signatureverifier.h"
#include "core/providers/profileparser.h"

#include "inboundtest.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

#include <zlib.h>

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

QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

SignatureScheme scheme(const char *json)
{
    const auto parsed = parseSignatureScheme(QJsonDocument::fromJson(json).object(), u"test"_s);
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().message));
    return *parsed;
}
} // namespace

class TestVerificationDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotationAcceptsAnySecretAndAnySignature_data();
    void rotationAcceptsAnySecretAndAnySignature();
    void secretWithWhiteSpaceIsWarnedAbout();
    void explanationNeverShowsTheSecret();
    void digestPayloadHidesTheSecret();
    void headerNamesAreCaseInsensitiveAndAlternativesWork();
    void hubspotSchemeIsChosenByVersionHeader();
    void resigningUsesTheSchemeThatSigned_data();
    void resigningUsesTheSchemeThatSigned();
    void schemeConditionsOfTheVersionHeader();
    void twilioSignatureSettingsSelectSha256();
    void gzipCoverage();
    void nonUtf8BodiesAreHashedAsBytes_data();
    void nonUtf8BodiesAreHashedAsBytes();
    void signedUrlOverridesTheLocalUrl();
};

void TestVerificationDetails::rotationAcceptsAnySecretAndAnySignature_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<int>("signerSlots"); // how many secrets signed (list formats carry several)
    QTest::addColumn<QList<QByteArray>>("verifierSecrets");
    QTest::addColumn<int>("matchedSlot");
    QTest::addColumn<int>("matchedSignature");

    const QByteArray oldSecret = "whsec_" + QByteArray(32, 'o').toBase64();
    const QByteArray newSecret = "whsec_" + QByteArray(32, 'n').toBase64();
    const QByteArray third = "whsec_" + QByteArray(32, 't').toBase64();
    // The sender signs with [old, new]; the connection holds two of its own.
    QTest::newRow("std-webhooks-second-slot-first-signature")
            << u"standard-webhooks"_s << 2 << QList<QByteArray>{third, oldSecret} << 1 << 0;
    QTest::newRow("std-webhooks-first-slot-second-signature")
            << u"standard-webhooks"_s << 2 << QList<QByteArray>{newSecret, third} << 0 << 1;
    QTest::newRow("std-webhooks-empty-first-slot")
            << u"standard-webhooks"_s << 2 << QList<QByteArray>{{}, newSecret} << 1 << 1;
    QTest::newRow("stripe-two-v1-values")
            << u"stripe"_s << 2 << QList<QByteArray>{"whsec_unrelated", newSecret} << 1 << 1;
    QTest::newRow("pagerduty-comma-list")
            << u"pagerduty"_s << 2 << QList<QByteArray>{oldSecret} << 0 << 0;
    QTest::newRow("github-single-signature-second-slot")
            << u"github"_s << 1 << QList<QByteArray>{newSecret, oldSecret} << 1 << 0;
}

void TestVerificationDetails::rotationAcceptsAnySecretAndAnySignature()
{
    QFETCH(QString, profile);
    QFETCH(int, signerSlots);
    QFETCH(QList<QByteArray>, verifierSecrets);
    QFETCH(int, matchedSlot);
    QFETCH(int, matchedSignature);

    const QByteArray oldSecret = "whsec_" + QByteArray(32, 'o').toBase64();
    const QByteArray newSecret = "whsec_" + QByteArray(32, 'n').toBase64();
    const ProviderProfile p = builtInProfile(profile);
    SigningRequest outgoing;
    outgoing.url = kUrl;
    outgoing.body = R"({"rotation":true})";
    outgoing.messageId = "msg_rot";
    outgoing.timestampMs = kNow;
    const QList<QByteArray> signers = signerSlots == 2 ? QList<QByteArray>{oldSecret, newSecret}
                                                       : QList<QByteArray>{oldSecret};
    const auto headers = signRequest(p.signatureSchemes.front(), signers, outgoing);
    QVERIFY(headers);
    RawRequest request = makeRequest("POST", kUrl, {}, outgoing.body);
    request.headers = *headers;
    const VerificationResult result = verifySignature(request, p, verifierSecrets, kNow);
    QVERIFY2(result.verified(), qPrintable(result.explanation));
    QCOMPARE(result.signaturesOffered, signerSlots);
    QCOMPARE(result.matchedSecretSlot, matchedSlot);
    QCOMPARE(result.matchedSignatureIndex, matchedSignature);
    QVERIFY(result.explanation.contains(u"slot %1"_s.arg(matchedSlot + 1)));
}

void TestVerificationDetails::secretWithWhiteSpaceIsWarnedAbout()
{
    const QByteArray secret = "copy-pasted-secret";
    const RawRequest request = slackRequest(secret, kNow / 1000, "{}");
    // Stored with a trailing newline: it does not match as stored, and the hint says why.
    const VerificationResult result = verifySignature(request, builtInProfile(u"slack"_s),
                                                      {secret + '\n'}, kNow);
    QCOMPARE(nameOf(result.reason), u"signature_mismatch"_s);
    QStringList codes;
    for (const auto &note : result.notes)
        codes << note.code;
    QCOMPARE(codes, (QStringList{u"secret_whitespace"_s, u"secret_whitespace_match"_s}));
    QVERIFY(result.notes.front().message.contains(u"slot 1 has trailing white space"_s));
    QVERIFY(result.notes.back().message.contains(u"slot 1 would match without"_s));
    // Leading white space in the second slot, while the first matches: verified, still warned.
    const VerificationResult warned = verifySignature(request, builtInProfile(u"slack"_s),
                                                      {secret, " other"}, kNow);
    QVERIFY(warned.verified());
    QCOMPARE(warned.notes.size(), 1);
    QVERIFY(warned.notes.front().message.contains(u"slot 2 has leading white space"_s));
}

void TestVerificationDetails::explanationNeverShowsTheSecret()
{
    const QByteArray secret = "Zq8-very-distinctive-secret-4471";
    const QList<QString> profiles{u"slack"_s,  u"github"_s,  u"shopify"_s, u"stripe"_s,
                                  u"square"_s, u"hubspot"_s, u"twilio"_s};
    for (const QString &id : profiles) {
        const ProviderProfile p = builtInProfile(id);
        SigningRequest outgoing;
        outgoing.url = "https://example.com/hook?x=1";
        outgoing.body = "To=%2B1&From=%2B2";
        outgoing.contentType = "application/x-www-form-urlencoded";
        outgoing.timestampMs = kNow;
        const auto headers = signRequest(p.signatureSchemes.front(), {secret}, outgoing);
        QVERIFY(headers);
        RawRequest request = makeRequest("POST", outgoing.url, {}, outgoing.body);
        request.headers = *headers;
        request.headers.append(ReceivedHeader{"Content-Type", outgoing.contentType});
        for (const QList<QByteArray> &secrets :
             {QList<QByteArray>{secret}, QList<QByteArray>{secret + ' '}}) {
            const VerificationResult r = verifySignature(request, p, secrets, kNow);
            QVERIFY2(r.verified() == (secrets.front() == secret), qPrintable(id));
            QString everything = r.explanation + QString::fromUtf8(r.signedPrefix)
                                 + QString::fromUtf8(r.headerValue);
            for (const auto &note : r.notes)
                everything += note.message;
            QVERIFY2(!everything.contains(u"very-distinctive"_s), qPrintable(id));
        }
    }
}

void TestVerificationDetails::digestPayloadHidesTheSecret()
{
    // HubSpot v1 signs SHA-256(client_secret + body): the explanation shows "{secret}" instead.
    const QByteArray secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    const QByteArray body = R"([{"eventId":1,"portalId":62515}])";
    const QByteArray signature = QCryptographicHash::hash(QByteArray(secret + body),
                                                          QCryptographicHash::Sha256)
                                         .toHex();
    const RawRequest request = makeRequest("POST", kUrl,
                                           {{"X-HubSpot-Signature-Version", "v1"},
                                            {"X-HubSpot-Signature", signature}},
                                           body);
    const VerificationResult result = verifySignature(request, builtInProfile(u"hubspot"_s),
                                                      {secret}, kNow);
    QVERIFY2(result.verified(), qPrintable(result.explanation));
    QCOMPARE(result.signedLength, secret.size() + body.size());
    QVERIFY2(result.signedPrefix.startsWith("{secret}[{\\x22eventId")
                     || result.signedPrefix.startsWith("{secret}[{\"eventId"),
             result.signedPrefix.constData());
    QVERIFY(!result.explanation.contains(u"yyyyyyyy"_s));
    QVERIFY(result.scheme.startsWith(u"sha256 digest hex over \"{secret}{body}\""_s));
}

void TestVerificationDetails::headerNamesAreCaseInsensitiveAndAlternativesWork()
{
    const QByteArray secret = "case-insensitive-secret";
    RawRequest request = slackRequest(secret, kNow / 1000, "{}");
    request.headers[0].name = "x-slack-request-timestamp";
    request.headers[1].name = "X-SLACK-SIGNATURE";
    const VerificationResult result = verifySignature(request, builtInProfile(u"slack"_s), {secret},
                                                      kNow);
    QVERIFY2(result.verified(), qPrintable(result.explanation));
    QCOMPARE(result.headerName, QByteArray("X-Slack-Signature")); // as the profile spells it
}

void TestVerificationDetails::hubspotSchemeIsChosenByVersionHeader()
{
    const ProviderProfile hubspot = builtInProfile(u"hubspot"_s);
    const QByteArray secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    const QByteArray body = R"({"example_field":"example_value"})";
    const QByteArray v2 = QCryptographicHash::hash(QByteArray(
                                                           secret + "POST"
                                                           + "https://www.example.com/webhook_uri"
                                                           + body),
                                                   QCryptographicHash::Sha256)
                                  .toHex();
    RawRequest request = makeRequest("POST", kUrl,
                                     {{"X-HubSpot-Signature-Version", "v2"},
                                      {"X-HubSpot-Signature", v2}},
                                     body);
    QCOMPARE(selectSignatureScheme(request, hubspot.signatureSchemes),
             &hubspot.signatureSchemes.at(1));
    VerificationOptions options;
    options.signedUrl = "https://www.example.com/webhook_uri";
    QVERIFY(verifySignature(request, hubspot, {secret}, kNow, options).verified());
    // The same bytes claimed as v1 select the v1 scheme, which signs something else.
    request.headers[0].value = "v1";
    QCOMPARE(selectSignatureScheme(request, hubspot.signatureSchemes),
             &hubspot.signatureSchemes.at(2));
    QCOMPARE(nameOf(verifySignature(request, hubspot, {secret}, kNow, options).reason),
             u"signature_mismatch"_s);
    // No version header and no v3 header: none applies.
    request.headers.removeFirst();
    const VerificationResult none = verifySignature(request, hubspot, {secret}, kNow, options);
    QCOMPARE(nameOf(none.reason), u"missing_header"_s);
    QVERIFY(none.explanation.contains(u"X-HubSpot-Signature-v3, X-HubSpot-Signature"_s));
}

using Headers = QList<std::pair<QByteArray, QByteArray>>;

void TestVerificationDetails::resigningUsesTheSchemeThatSigned_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("scheme"); // index into HubSpot's schemes

    QTest::newRow("v3 signed") << Headers{{"X-HubSpot-Signature-v3", "c2ln"},
                                          {"X-HubSpot-Request-Timestamp", "1"}}
                               << 0;
    QTest::newRow("only v1 signed")
            << Headers{{"X-HubSpot-Signature-Version", "v1"}, {"X-HubSpot-Signature", "abcd"}} << 2;
    QTest::newRow("v2 signed") << Headers{{"X-HubSpot-Signature-Version", "V2"},
                                          {"X-HubSpot-Signature", "abcd"}}
                               << 1;
    // Arrived unsigned: the first scheme whose condition holds.
    QTest::newRow("unsigned, version v1 named")
            << Headers{{"X-HubSpot-Signature-Version", "v1"}} << 0;
    QTest::newRow("unsigned") << Headers{} << 0;
}

void TestVerificationDetails::resigningUsesTheSchemeThatSigned()
{
    QFETCH(Headers, headers);
    QFETCH(int, scheme);

    const ProviderProfile hubspot = builtInProfile(u"hubspot"_s);
    const RawRequest request = makeRequest("POST", kUrl, headers, "{}");
    const SignatureScheme *chosen = signatureSchemeForResigning(request, hubspot.signatureSchemes);
    QCOMPARE(chosen, &hubspot.signatureSchemes.at(scheme));
    QVERIFY(signatureSchemeApplies(request, *chosen));
}

void TestVerificationDetails::schemeConditionsOfTheVersionHeader()
{
    const ProviderProfile hubspot = builtInProfile(u"hubspot"_s);
    const RawRequest v2 = makeRequest("POST", kUrl, {{"X-HubSpot-Signature-Version", " v2 "}}, "");
    QVERIFY(signatureSchemeApplies(v2, hubspot.signatureSchemes.at(0))); // no condition
    QVERIFY(signatureSchemeApplies(v2, hubspot.signatureSchemes.at(1)));
    QVERIFY(!signatureSchemeApplies(v2, hubspot.signatureSchemes.at(2)));
    const RawRequest none = makeRequest("POST", kUrl, {}, "");
    QVERIFY(!signatureSchemeApplies(none, hubspot.signatureSchemes.at(1)));
}

void TestVerificationDetails::twilioSignatureSettingsSelectSha256()
{
    // twilio-node 6.3: X-Twilio-Webhooks-Signature-Settings "algorithm=HMAC_SHA256" (Twilio's
    // newer shared-key signatures).
    const QByteArray url = "https://example.com/sms?x=1";
    const QByteArray body = "Body=hello+world&From=%2B15551234567";
    const QByteArray payload = url + "Bodyhello worldFrom+15551234567";
    const QByteArray sha256 = QMessageAuthenticationCode::hash(payload, "shared-key",
                                                               QCryptographicHash::Sha256)
                                      .toBase64();
    RawRequest request = makeRequest("POST", url,
                                     {{"Content-Type", "application/x-www-form-urlencoded"},
                                      {"X-Twilio-Signature", sha256},
                                      {"X-Twilio-Webhooks-Signature-Settings",
                                       "key=webhooks_sharedkey_1,algorithm=HMAC_SHA256"}},
                                     body);
    const ProviderProfile twilio = builtInProfile(u"twilio"_s);
    const VerificationResult result = verifySignature(request, twilio, {"shared-key"}, kNow);
    QVERIFY2(result.verified(), qPrintable(result.explanation));
    QCOMPARE(result.signedUrl, url);
    request.headers.removeLast(); // without the settings: SHA-1, which does not match
    const VerificationResult sha1 = verifySignature(request, twilio, {"shared-key"}, kNow);
    QCOMPARE(nameOf(sha1.reason), u"signature_mismatch"_s);
    QCOMPARE(sha1.notes.front().code, u"signature_length"_s); // 32 bytes offered, SHA-1 gives 20
}

void TestVerificationDetails::gzipCoverage()
{
    const QByteArray plain = R"({"compressed":"yes","pad":")" + QByteArray(2000, 'x') + "\"}";
    const QByteArray packed = gzip(plain);
    QVERIFY(packed.size() < plain.size());
    const SignatureScheme decompressed = scheme(R"({"family": "hmac", "algorithm": "sha256",
        "header": "X-Sig", "encoding": "hex", "signed_payload": "{body}",
        "body_coverage": "decompressed"})");
    SignatureScheme asReceived = decompressed;
    asReceived.bodyCoverage = BodyCoverage::AsReceived;

    const QByteArray secret = "gzip-secret";
    const RawRequest overPlain = makeRequest("POST", kUrl,
                                             {{"Content-Encoding", "gzip"},
                                              {"X-Sig", hexHmac(secret, plain)}},
                                             packed);
    const VerificationResult missing = verifySignature(overPlain, decompressed, {secret}, kNow);
    QCOMPARE(nameOf(missing.reason), u"body_not_decoded"_s);
    QVERIFY(missing.explanation.contains(u"Content-Encoding gzip"_s));
    VerificationOptions options;
    options.decodedBody = plain;
    const VerificationResult ok = verifySignature(overPlain, decompressed, {secret}, kNow, options);
    QVERIFY2(ok.verified(), qPrintable(ok.explanation));
    QCOMPARE(ok.signedLength, plain.size());
    // A scheme over the bytes as received ignores the decoded body.
    QCOMPARE(nameOf(verifySignature(overPlain, asReceived, {secret}, kNow, options).reason),
             u"signature_mismatch"_s);
    const RawRequest overPacked = makeRequest("POST", kUrl,
                                              {{"Content-Encoding", "gzip"},
                                               {"X-Sig", hexHmac(secret, packed)}},
                                              packed);
    const VerificationResult compressed = verifySignature(overPacked, asReceived, {secret}, kNow,
                                                          options);
    QVERIFY(compressed.verified());
    QCOMPARE(compressed.signedLength, packed.size());
}

void TestVerificationDetails::nonUtf8BodiesAreHashedAsBytes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("latin1") << QByteArray("{\"name\":\"Ren\xe9 M\xfcller\",\"city\":\"K\xf6ln\"}");
    QTest::newRow("emoji") << QByteArray("{\"text\":\"ship it \xf0\x9f\x9a\x80\xf0\x9f\x8e\x89\"}");
    QTest::newRow("nul-and-crlf") << QByteArray("a\0b\r\nc", 6);
    QTest::newRow("invalid-utf8-sequence") << QByteArray("{\"x\":\"\xc3\x28\xa0\xa1\"}");
}

void TestVerificationDetails::nonUtf8BodiesAreHashedAsBytes()
{
    QFETCH(QByteArray, body);
    const QByteArray secret = "bytes-are-bytes";
    const RawRequest request = makeRequest("POST", kUrl,
                                           {{"X-Hub-Signature-256",
                                             "sha256=" + hexHmac(secret, body)}},
                                           body);
    const VerificationResult result = verifySignature(request, builtInProfile(u"github"_s),
                                                      {secret}, kNow);
    QVERIFY2(result.verified(), qPrintable(result.explanation));
    QCOMPARE(result.signedLength, body.size());
    // A lossy round trip through QString changes the bytes, and the signature no longer matches.
    RawRequest mangled = request;
    mangled.body = QString::fromUtf8(body).toUtf8();
    if (mangled.body != body) {
        QCOMPARE(nameOf(verifySignature(mangled, builtInProfile(u"github"_s), {secret}, kNow).reason),
                 u"signature_mismatch"_s);
    }
}

void TestVerificationDetails::signedUrlOverridesTheLocalUrl()
{
    // Square signs the notification URL it was given (a tunnel's), not the receiver's.
    const QByteArray key = "signature-key";
    const QByteArray publicUrl = "https://abc.tunnel.example/hooks/c1";
    const QByteArray body = R"({"merchant_id":"M1"})";
    const QByteArray signature = QMessageAuthenticationCode::hash(publicUrl + body, key,
                                                                  QCryptographicHash::Sha256)
                                         .toBase64();
    const RawRequest request = makeRequest("POST", kUrl,
                                           {{"x-square-hmacsha256-signature", signature}}, body);
    const ProviderProfile square = builtInProfile(u"square"_s);
    const VerificationResult local = verifySignature(request, square, {key}, kNow);
    QCOMPARE(nameOf(local.reason), u"signature_mismatch"_s);
    QCOMPARE(local.signedUrl, kUrl);
    QCOMPARE(local.notes.back().code, u"signed_url"_s);
    VerificationOptions options;
    options.signedUrl = publicUrl;
    const VerificationResult ok = verifySignature(request, square, {key}, kNow, options);
    QVERIFY2(ok.verified(), qPrintable(ok.explanation));
    QVERIFY(ok.explanation.contains(QString::fromUtf8(publicUrl)));
}

QTEST_GUILESS_MAIN(TestVerificationDetails)
#include "tst_verificationdetails.moc"
