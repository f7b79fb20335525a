// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/verification/signatureverifier.h"

#include "core/inbound/identity/rawjson.h"
#include "core/inbound/verification/cryptoprimitives.h"
#include "core/inbound/verification/keymaterial.h"
#include "core/inbound/verification/signatureheader.h"
#include "core/inbound/verification/signaturetimestamp.h"
#include "core/inbound/verification/signedpayload.h"
#include "core/inbound/verification/verificationexplainer_p.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
class VerifierText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SignatureVerifier)
};

using Reason = VerificationReason;
using Verdict = VerificationResult::Verdict;

QList<QByteArray> toBytes(const QStringList &names)
{
    QList<QByteArray> result;
    for (const QString &name : names)
        result << name.toUtf8();
    return result;
}

VerificationResult finish(VerificationResult result, Reason reason, const QString &detail = {})
{
    result.reason = reason;
    result.verdict = reason == Reason::Verified   ? Verdict::Verified
                     : reason == Reason::Unsigned ? Verdict::Unsigned
                                                  : Verdict::Failed;
    result.explanation = explainVerification(result, detail);
    return result;
}

// Twilio's X-Twilio-Webhooks-Signature-Settings: "key=…,algorithm=HMAC_SHA256"; missing or without
// algorithm= means HMAC_SHA1 (twilio-node 6.3 getSignatureAlgorithm).
std::optional<HashAlgorithm> twilioAlgorithm(const RawRequest &request, HashAlgorithm fallback,
                                             QByteArray *named)
{
    const auto settings = request.header("X-Twilio-Webhooks-Signature-Settings");
    if (!settings)
        return fallback;
    for (const QByteArray &part : settings->split(',')) {
        const qsizetype equals = part.indexOf('=');
        if (equals < 0 || part.left(equals).trimmed() != "algorithm")
            continue;
        *named = part.mid(equals + 1).trimmed();
        if (named->isEmpty())
            return fallback;
        if (named->compare("HMAC_SHA1", Qt::CaseInsensitive) == 0)
            return HashAlgorithm::Sha1;
        if (named->compare("HMAC_SHA256", Qt::CaseInsensitive) == 0)
            return HashAlgorithm::Sha256;
        return std::nullopt;
    }
    return fallback;
}

// The timestamp at `pointer` in a JSON body: a number's literal text or a string's characters.
// nullopt with `problem` set when the body is not JSON (or the value not a scalar).
std::optional<QByteArray> bodyTimestamp(QByteArrayView body, const QString &pointer,
                                        QString *problem)
{
    const auto token = rawjson::find(body, pointer);
    if (!token) {
        *problem = token.error().message;
        return std::nullopt;
    }
    if (!token->has_value())
        return std::nullopt;
    const JsonToken &t = **token;
    const QByteArrayView literal = body.sliced(t.offset, t.length);
    if (t.kind == JsonToken::Kind::Number)
        return literal.toByteArray();
    if (t.kind == JsonToken::Kind::String)
        return rawjson::decodeString(literal);
    return std::nullopt;
}

struct Keys
{
    QList<std::pair<int, QByteArray>> bySlot;        // slot, key bytes
    QList<std::pair<int, QByteArray>> trimmedBySlot; // for the white-space hint only
    QString lastProblem;
};

Keys decodeKeys(const SignatureScheme &scheme, const QList<QByteArray> &secrets,
                VerificationResult &result)
{
    Keys keys;
    for (int slot = 0; slot < secrets.size(); ++slot) {
        const QByteArray &secret = secrets.at(slot);
        if (secret.isEmpty())
            continue;
        const QString warning = whitespaceWarning(secret, slot);
        if (!warning.isEmpty()) {
            result.notes.append(VerificationResult::Note{u"secret_whitespace"_s, warning});
            if (auto trimmed = decodeVerificationKey(scheme, secret.trimmed(), slot))
                keys.trimmedBySlot.append({slot, *trimmed});
        }
        auto key = decodeVerificationKey(scheme, secret, slot);
        if (!key) {
            keys.lastProblem = key.error().message;
            result.notes.append(VerificationResult::Note{key.error().code, key.error().message});
            continue;
        }
        keys.bySlot.append({slot, *key});
    }
    return keys;
}

// Does `key` produce one of `signatures` over `payload`? Returns the index of the match or -1.
int matchSignature(const SignatureScheme &scheme, HashAlgorithm algorithm, QByteArrayView key,
                   const SignedPayload &payload, const QList<QByteArray> &signatures)
{
    switch (scheme.family) {
    case SignatureFamily::Hmac:
    case SignatureFamily::Twilio: {
        const QByteArray expected = crypto::hmac(algorithm, key, payload.views());
        for (int i = 0; i < signatures.size(); ++i) {
            if (crypto::constantTimeEquals(expected, signatures.at(i)))
                return i;
        }
        return -1;
    }
    case SignatureFamily::Digest: {
        const QByteArray expected = crypto::digest(algorithm, payload.views());
        for (int i = 0; i < signatures.size(); ++i) {
            if (crypto::constantTimeEquals(expected, signatures.at(i)))
                return i;
        }
        return -1;
    }
    case SignatureFamily::Ed25519:
    case SignatureFamily::EcdsaP256: {
        const QByteArray message = payload.joined();
        for (int i = 0; i < signatures.size(); ++i) {
            const auto ok = scheme.family == SignatureFamily::Ed25519
                                    ? crypto::ed25519Verify(key, message, signatures.at(i))
                                    : crypto::ecdsaP256Verify(key, message, signatures.at(i));
            if (ok && *ok)
                return i;
        }
        return -1;
    }
    case SignatureFamily::None:
        break;
    }
    return -1;
}

struct Candidate
{
    SignedPayload payload;
    QByteArray url;
};
} // namespace

bool signatureSchemeApplies(const RawRequest &request, const SignatureScheme &scheme)
{
    if (scheme.whenHeader.isEmpty())
        return true;
    const auto value = request.header(scheme.whenHeader.toUtf8());
    return value
           && (scheme.whenEquals.isEmpty()
               || value->trimmed().compare(scheme.whenEquals.toUtf8(), Qt::CaseInsensitive) == 0);
}

const SignatureScheme *selectSignatureScheme(const RawRequest &request,
                                             const QList<SignatureScheme> &schemes)
{
    for (const SignatureScheme &scheme : schemes) {
        if (signatureSchemeApplies(request, scheme)
            && request.firstHeader(toBytes(scheme.signatureHeaders)))
            return &scheme;
    }
    return nullptr;
}

const SignatureScheme *signatureSchemeForResigning(const RawRequest &request,
                                                   const QList<SignatureScheme> &schemes)
{
    if (const SignatureScheme *signing = selectSignatureScheme(request, schemes))
        return signing;
    for (const SignatureScheme &scheme : schemes) {
        if (signatureSchemeApplies(request, scheme))
            return &scheme;
    }
    return nullptr;
}

VerificationResult verifySignature(const RawRequest &request, const ProviderProfile &profile,
                                   const QList<QByteArray> &secrets, qint64 nowMs,
                                   const VerificationOptions &options)
{
    if (profile.signatureSchemes.isEmpty()) {
        VerificationResult result;
        result.scheme = describe(SignatureScheme{});
        return finish(result, Reason::Unsigned);
    }
    if (const SignatureScheme *scheme = selectSignatureScheme(request, profile.signatureSchemes))
        return verifySignature(request, *scheme, secrets, nowMs, options);
    QStringList headers;
    for (const SignatureScheme &scheme : profile.signatureSchemes)
        headers << scheme.signatureHeaders;
    headers.removeDuplicates();
    VerificationResult result;
    result.scheme = describe(profile.signatureSchemes.front());
    return finish(result, Reason::MissingHeader,
                  VerifierText::tr("None of the headers %1 is present.").arg(headers.join(u", "_s)));
}

VerificationResult verifySignature(const RawRequest &request, const SignatureScheme &scheme,
                                   const QList<QByteArray> &secrets, qint64 nowMs,
                                   const VerificationOptions &options)
{
    VerificationResult result;
    result.scheme = describe(scheme);
    result.toleranceSeconds = scheme.toleranceSeconds;
    if (scheme.family == SignatureFamily::None)
        return finish(result, Reason::Unsigned);

    const auto header = request.firstHeader(toBytes(scheme.signatureHeaders));
    if (!header) {
        return finish(result, Reason::MissingHeader,
                      VerifierText::tr("The request has no %1 header.")
                              .arg(scheme.signatureHeaders.join(VerifierText::tr(" or "))));
    }
    result.headerName = header->first;
    result.headerValue = printablePrefix(header->second, 160);
    const ParsedSignatureHeader parsed = parseSignatureHeader(scheme, header->second);
    result.signaturesOffered = int(parsed.signatures.size());
    if (parsed.signatures.isEmpty())
        return finish(result, Reason::MalformedHeader, parsed.problem);

    // The bytes the signature covers.
    QByteArray body = request.body;
    const auto encoding = request.header("Content-Encoding");
    if (scheme.bodyCoverage == BodyCoverage::Decompressed && encoding
        && encoding->trimmed().compare("identity", Qt::CaseInsensitive) != 0) {
        if (!options.decodedBody)
            return finish(result, Reason::BodyNotDecoded, QString::fromLatin1(*encoding));
        body = *options.decodedBody;
    }

    // Timestamp.
    std::optional<qint64> timestampMs;
    QByteArray timestampText; // exactly as received: it is part of the signed bytes
    bool stale = false;
    if (scheme.timestampSource != TimestampSource::None) {
        std::optional<QByteArray> text;
        QString where;
        switch (scheme.timestampSource) {
        case TimestampSource::Header:
            if (const auto found = request.firstHeader(toBytes(scheme.timestampHeaders)))
                text = found->second.trimmed();
            where = VerifierText::tr("header %1").arg(scheme.timestampHeaders.join(u" / "_s));
            break;
        case TimestampSource::SignatureHeader:
            text = parsed.timestamp;
            where = VerifierText::tr("\"%1=\" in %2")
                            .arg(scheme.timestampKey, QString::fromUtf8(result.headerName));
            break;
        case TimestampSource::Body: {
            QString problem;
            text = bodyTimestamp(body, scheme.timestampPointer, &problem);
            where = VerifierText::tr("JSON pointer %1 in the body").arg(scheme.timestampPointer);
            if (!problem.isEmpty())
                where += VerifierText::tr("; the body is not usable JSON: %1").arg(problem);
            break;
        }
        case TimestampSource::None:
            break;
        }
        if (!text)
            return finish(result, Reason::MissingTimestamp, where);
        timestampText = *text;
        result.timestamp = printablePrefix(*text, 40);
        timestampMs = parseSignatureTimestamp(*text, scheme.timestampUnit);
        if (!timestampMs)
            return finish(result, Reason::MalformedTimestamp, where);
        result.skewSeconds = scheme.timestampUnit == TimestampUnit::Seconds
                                     ? (nowMs >= 0 ? nowMs / 1000 : (nowMs - 999) / 1000)
                                               - *timestampMs / 1000
                                     : (nowMs - *timestampMs) / 1000;
        stale = scheme.toleranceSeconds
                && !withinTolerance(*timestampMs, nowMs, *scheme.toleranceSeconds,
                                    scheme.timestampUnit);
    }

    SignedPayloadInputs inputs;
    inputs.body = body;
    inputs.timestamp = timestampText;
    inputs.method = request.method;
    inputs.url = options.signedUrl.isEmpty() ? request.url : options.signedUrl;
    if (scheme.signedPayload.contains(u"{id}"_s)) {
        const auto id = request.firstHeader(toBytes(scheme.idHeaders));
        if (!id) {
            return finish(result, Reason::MissingHeader,
                          VerifierText::tr("The request has no %1 header (the message id that is "
                                           "signed).")
                                  .arg(scheme.idHeaders.join(VerifierText::tr(" or "))));
        }
        inputs.id = id->second.trimmed();
    }

    HashAlgorithm algorithm = scheme.algorithm;
    if (scheme.family == SignatureFamily::Twilio) {
        QByteArray named;
        const auto chosen = twilioAlgorithm(request, scheme.algorithm, &named);
        if (!chosen)
            return finish(result, Reason::UnsupportedAlgorithm, QString::fromUtf8(named));
        algorithm = *chosen;
    }

    // Secrets.
    bool anySecret = false;
    for (const QByteArray &secret : secrets)
        anySecret = anySecret || !secret.isEmpty();
    if (!anySecret)
        return finish(result, Reason::NoSecret);
    const Keys keys = decodeKeys(scheme, secrets, result);
    if (keys.bySlot.isEmpty())
        return finish(result, Reason::BadSecret, keys.lastProblem);
    result.secretsTried = int(keys.bySlot.size());

    // What is signed: one payload, or (Twilio) one per URL candidate; (Digest) one per secret.
    QList<Candidate> candidates;
    std::optional<QByteArray> twilioBodyHash;
    if (scheme.family == SignatureFamily::Twilio) {
        RawRequest signedRequest;
        signedRequest.url = inputs.url;
        twilioBodyHash = signedRequest.queryParameter("bodySHA256");
        QList<std::pair<QByteArray, QByteArray>> parameters;
        const auto type = request.header("Content-Type");
        if (!twilioBodyHash && type
            && type->trimmed().toLower().startsWith("application/x-www-form-urlencoded")) {
            parameters = parseFormEncoded(body);
        }
        for (const QByteArray &url : twilioUrlCandidates(inputs.url))
            candidates.append({buildTwilioPayload(url, parameters), url});
    } else {
        candidates.append({buildSignedPayload(scheme, inputs), inputs.url});
    }

    for (const auto &[slot, key] : keys.bySlot) {
        for (const Candidate &candidate : std::as_const(candidates)) {
            SignedPayload payload = candidate.payload;
            if (scheme.family == SignatureFamily::Digest) {
                SignedPayloadInputs withSecret = inputs;
                withSecret.secret = key;
                payload = buildSignedPayload(scheme, withSecret);
            }
            const int index = matchSignature(scheme, algorithm, key, payload, parsed.signatures);
            if (index >= 0) {
                result.matchedSecretSlot = slot;
                result.matchedSignatureIndex = index;
                result.signedLength = payload.size();
                result.signedPrefix = payload.printablePrefix();
                if (scheme.signedPayload.contains(u"{url}"_s)
                    || scheme.family == SignatureFamily::Twilio) {
                    result.signedUrl = candidate.url;
                }
                break;
            }
        }
        if (result.matchedSecretSlot >= 0)
            break;
    }
    if (result.matchedSecretSlot < 0) {
        // Explain with the first candidate (and the first secret for a digest, whose bytes print as
        // {secret}).
        SignedPayload payload = candidates.front().payload;
        if (scheme.family == SignatureFamily::Digest) {
            SignedPayloadInputs withSecret = inputs;
            withSecret.secret = keys.bySlot.front().second;
            payload = buildSignedPayload(scheme, withSecret);
        }
        result.signedLength = payload.size();
        result.signedPrefix = payload.printablePrefix();
        if (scheme.signedPayload.contains(u"{url}"_s) || scheme.family == SignatureFamily::Twilio)
            result.signedUrl = candidates.front().url;
    }

    if (stale) {
        result.signatureMatchedButStale = result.matchedSecretSlot >= 0;
        return finish(result, Reason::TimestampOutOfTolerance);
    }
    if (result.matchedSecretSlot < 0) {
        addMismatchHints(result, scheme, algorithm, parsed.signatures, [&] {
            for (const auto &[slot, key] : keys.trimmedBySlot) {
                for (const Candidate &candidate : std::as_const(candidates)) {
                    SignedPayloadInputs withSecret = inputs;
                    withSecret.secret = key;
                    const SignedPayload payload = scheme.family == SignatureFamily::Digest
                                                          ? buildSignedPayload(scheme, withSecret)
                                                          : candidate.payload;
                    if (matchSignature(scheme, algorithm, key, payload, parsed.signatures) >= 0)
                        return slot;
                }
            }
            return -1;
        }());
        return finish(result, Reason::SignatureMismatch);
    }
    if (twilioBodyHash) {
        const QByteArray actual = crypto::digest(HashAlgorithm::Sha256, {body}).toHex();
        if (!crypto::constantTimeEquals(actual, twilioBodyHash->toLower())) {
            result.matchedSecretSlot = -1;
            result.matchedSignatureIndex = -1;
            return finish(result, Reason::BodyHashMismatch,
                          QString::fromLatin1(printablePrefix(*twilioBodyHash, 80)));
        }
    }
    return finish(result, Reason::Verified);
}

} // namespace wb::core
