// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/verification/verificationexplainer_p.h"

#include "core/inbound/verification/cryptoprimitives.h"

#include <QCoreApplication>

#include <limits>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
class ExplainText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SignatureVerifier)
};

QString quoted(const QByteArray &printable)
{
    return u"\""_s + QString::fromUtf8(printable) + u"\""_s;
}

QString signedBytes(const VerificationResult &r)
{
    if (r.signedLength < 0)
        return {};
    QString text = ExplainText::tr(" %n byte(s) were signed, beginning %1.", nullptr,
                                   int(r.signedLength))
                           .arg(quoted(r.signedPrefix));
    if (!r.signedUrl.isEmpty())
        text += ExplainText::tr(" The URL signed: %1.").arg(QString::fromUtf8(r.signedUrl));
    return text;
}

QString timing(const VerificationResult &r)
{
    if (!r.skewSeconds)
        return {};
    const qint64 skew = *r.skewSeconds;
    const QString age
            = skew >= 0
                      ? ExplainText::tr("%n s old", nullptr,
                                        int(qMin<qint64>(skew, std::numeric_limits<int>::max())))
                      : ExplainText::tr("%n s in the future", nullptr,
                                        int(qMin<qint64>(-skew, std::numeric_limits<int>::max())));
    if (r.toleranceSeconds) {
        return ExplainText::tr(" Timestamp %1 is %2 (tolerance %3 s either way).")
                .arg(QString::fromUtf8(r.timestamp), age)
                .arg(*r.toleranceSeconds);
    }
    return ExplainText::tr(" Timestamp %1 is %2 (the provider defines no tolerance).")
            .arg(QString::fromUtf8(r.timestamp), age);
}
} // namespace

QString nameOf(VerificationReason reason)
{
    switch (reason) {
    case VerificationReason::Verified:
        return u"verified"_s;
    case VerificationReason::Unsigned:
        return u"unsigned"_s;
    case VerificationReason::MissingHeader:
        return u"missing_header"_s;
    case VerificationReason::MalformedHeader:
        return u"malformed_header"_s;
    case VerificationReason::MissingTimestamp:
        return u"missing_timestamp"_s;
    case VerificationReason::MalformedTimestamp:
        return u"malformed_timestamp"_s;
    case VerificationReason::TimestampOutOfTolerance:
        return u"timestamp_out_of_tolerance"_s;
    case VerificationReason::SignatureMismatch:
        return u"signature_mismatch"_s;
    case VerificationReason::BodyHashMismatch:
        return u"body_hash_mismatch"_s;
    case VerificationReason::NoSecret:
        return u"no_secret"_s;
    case VerificationReason::BadSecret:
        return u"bad_secret"_s;
    case VerificationReason::BodyNotDecoded:
        return u"body_not_decoded"_s;
    case VerificationReason::UnsupportedAlgorithm:
        return u"unsupported_algorithm"_s;
    }
    return {};
}

QString explainVerification(const VerificationResult &r, const QString &detail)
{
    const QString scheme = ExplainText::tr("Scheme: %1.").arg(r.scheme);
    const QString header = QString::fromUtf8(r.headerName);
    QString text;
    switch (r.reason) {
    case VerificationReason::Verified:
        text = ExplainText::tr("Verified: signature %1 of %2 in %3 matches the secret in slot %4.")
                       .arg(r.matchedSignatureIndex + 1)
                       .arg(r.signaturesOffered)
                       .arg(header)
                       .arg(r.matchedSecretSlot + 1)
               + signedBytes(r) + timing(r);
        break;
    case VerificationReason::Unsigned:
        text = ExplainText::tr("The provider does not sign its requests; nothing was verified.");
        break;
    case VerificationReason::MissingHeader:
        text = detail;
        break;
    case VerificationReason::MalformedHeader:
        text = ExplainText::tr("The %1 header cannot be read: %2. Its value: %3.")
                       .arg(header, detail, quoted(r.headerValue));
        break;
    case VerificationReason::MissingTimestamp:
        text = ExplainText::tr("The signed timestamp is missing (expected in the %1).").arg(detail);
        break;
    case VerificationReason::MalformedTimestamp:
        text = ExplainText::tr("The timestamp %1 (from the %2) is not a valid timestamp.")
                       .arg(quoted(r.timestamp), detail);
        break;
    case VerificationReason::TimestampOutOfTolerance:
        text = ExplainText::tr("Rejected: the timestamp is out of tolerance.") + timing(r)
               + (r.signatureMatchedButStale
                          ? ExplainText::tr(" The signature itself matches the secret in slot "
                                            "%1: a replayed request, or a clock that is off.")
                                    .arg(r.matchedSecretSlot + 1)
                          : ExplainText::tr(" The signature does not match either."));
        break;
    case VerificationReason::SignatureMismatch:
        text = ExplainText::tr("No secret matched: %n secret(s) tried against %1 signature(s) in "
                               "%2.",
                               nullptr, r.secretsTried)
                       .arg(r.signaturesOffered)
                       .arg(header)
               + signedBytes(r) + timing(r);
        break;
    case VerificationReason::BodyHashMismatch:
        text = ExplainText::tr("The signature matches, but bodySHA256 %1 in the URL is not the "
                               "SHA-256 of the body: the body was changed.")
                       .arg(detail);
        break;
    case VerificationReason::NoSecret:
        text = ExplainText::tr("No signing secret is configured for this connection.");
        break;
    case VerificationReason::BadSecret:
        text = ExplainText::tr("No configured secret can be used: %1").arg(detail);
        break;
    case VerificationReason::BodyNotDecoded:
        text = ExplainText::tr("The signature covers the decompressed body, but the request came "
                               "with Content-Encoding %1 and no decompressed body was given.")
                       .arg(detail);
        break;
    case VerificationReason::UnsupportedAlgorithm:
        text = ExplainText::tr("The signature settings name the algorithm \"%1\", which Wirebench "
                               "does not know.")
                       .arg(detail);
        break;
    }
    return scheme + u' ' + text;
}

void addMismatchHints(VerificationResult &result, const SignatureScheme &scheme,
                      HashAlgorithm algorithm, const QList<QByteArray> &signatures,
                      int whitespaceSlot)
{
    if (scheme.family == SignatureFamily::Hmac || scheme.family == SignatureFamily::Digest
        || scheme.family == SignatureFamily::Twilio) {
        const qsizetype expected = crypto::digestLength(algorithm);
        for (const QByteArray &signature : signatures) {
            if (signature.size() != expected) {
                result.notes.append(VerificationResult::Note{
                        u"signature_length"_s,
                        ExplainText::tr("A signature of %1 bytes was offered where %2 gives %3 "
                                        "bytes: check the algorithm and the encoding.")
                                .arg(signature.size())
                                .arg(nameOf(algorithm))
                                .arg(expected)});
                break;
            }
        }
    }
    if (whitespaceSlot >= 0) {
        result.notes.append(
                VerificationResult::Note{u"secret_whitespace_match"_s,
                                         ExplainText::tr(
                                                 "The secret in slot %1 would match without its "
                                                 "leading or trailing white space.")
                                                 .arg(whitespaceSlot + 1)});
    }
    if (!result.signedUrl.isEmpty()) {
        result.notes.append(VerificationResult::Note{
                u"signed_url"_s,
                ExplainText::tr("This scheme signs the URL; the provider signs the "
                                "public URL it was given (a tunnel's, say), which "
                                "must be set on the connection.")});
    }
}

} // namespace wb::core
