// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/verification/signaturesigner.h"

#include "core/inbound/verification/cryptoprimitives.h"
#include "core/inbound/verification/keymaterial.h"
#include "core/inbound/verification/signatureheader.h"
#include "core/inbound/verification/signaturetimestamp.h"
#include "core/inbound/verification/signedpayload.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
class SignerText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SignatureSigner)
};

Result<QByteArray> signOnce(const SignatureScheme &scheme, const QByteArray &key,
                            const SignedPayloadInputs &inputs, const SigningRequest &request)
{
    switch (scheme.family) {
    case SignatureFamily::Hmac:
        return crypto::hmac(scheme.algorithm, key, buildSignedPayload(scheme, inputs).views());
    case SignatureFamily::Digest: {
        SignedPayloadInputs withSecret = inputs;
        withSecret.secret = key;
        return crypto::digest(scheme.algorithm, buildSignedPayload(scheme, withSecret).views());
    }
    case SignatureFamily::Twilio: {
        RawRequest target;
        target.url = request.url;
        QList<std::pair<QByteArray, QByteArray>> parameters;
        if (!target.queryParameter("bodySHA256")
            && request.contentType.trimmed().toLower().startsWith(
                    "application/x-www-form-urlencoded")) {
            parameters = parseFormEncoded(request.body);
        }
        return crypto::hmac(scheme.algorithm, key,
                            buildTwilioPayload(request.url, parameters).views());
    }
    case SignatureFamily::Ed25519:
        return crypto::ed25519Sign(key, buildSignedPayload(scheme, inputs).joined());
    case SignatureFamily::EcdsaP256:
        return crypto::ecdsaP256Sign(key, buildSignedPayload(scheme, inputs).joined());
    case SignatureFamily::None:
        break;
    }
    return fail(u"signing.unsigned_scheme"_s, SignerText::tr("This scheme does not sign."));
}
} // namespace

Result<QList<ReceivedHeader>> signRequest(const SignatureScheme &scheme,
                                          const QList<QByteArray> &secrets,
                                          const SigningRequest &request)
{
    if (scheme.family == SignatureFamily::None)
        return fail(u"signing.unsigned_scheme"_s, SignerText::tr("The provider does not sign."));
    const bool signsTimestamp = scheme.signedPayload.contains(u"{timestamp}"_s);
    if (scheme.timestampSource == TimestampSource::Body && signsTimestamp) {
        return fail(u"signing.body_timestamp"_s,
                    SignerText::tr("The timestamp is read from the body (%1); put it there "
                                   "before signing.")
                            .arg(scheme.timestampPointer));
    }
    const bool signsId = scheme.signedPayload.contains(u"{id}"_s);
    if (signsId && request.messageId.isEmpty()) {
        return fail(u"signing.missing_id"_s,
                    SignerText::tr("The scheme signs a message id (%1) and none was given.")
                            .arg(scheme.idHeaders.join(u" / "_s)));
    }

    SignedPayloadInputs inputs;
    inputs.body = request.body;
    inputs.method = request.method;
    inputs.url = request.url;
    inputs.id = request.messageId;
    const bool emitsTimestamp = scheme.timestampSource == TimestampSource::Header
                                || scheme.timestampSource == TimestampSource::SignatureHeader;
    if (emitsTimestamp)
        inputs.timestamp = formatSignatureTimestamp(request.timestampMs, scheme.timestampUnit);

    QList<QByteArray> signatures;
    for (int slot = 0; slot < secrets.size(); ++slot) {
        if (secrets.at(slot).isEmpty())
            continue;
        auto key = decodeSigningKey(scheme, secrets.at(slot), slot);
        if (!key)
            return fail(key.error());
        auto signature = signOnce(scheme, *key, inputs, request);
        if (!signature)
            return fail(signature.error());
        signatures << *signature;
        if (scheme.format == SignatureFormat::Single)
            break;
    }
    if (signatures.isEmpty())
        return fail(u"signing.no_secret"_s, SignerText::tr("No secret to sign with."));

    QList<ReceivedHeader> headers;
    if (!scheme.idHeaders.isEmpty() && !request.messageId.isEmpty())
        headers.append(ReceivedHeader{scheme.idHeaders.front().toUtf8(), request.messageId});
    if (scheme.timestampSource == TimestampSource::Header)
        headers.append(ReceivedHeader{scheme.timestampHeaders.front().toUtf8(), inputs.timestamp});
    headers.append(ReceivedHeader{scheme.signatureHeaders.front().toUtf8(),
                                  formatSignatureHeader(scheme, signatures, inputs.timestamp)});
    if (!scheme.whenHeader.isEmpty())
        headers.append(ReceivedHeader{scheme.whenHeader.toUtf8(), scheme.whenEquals.toUtf8()});
    return headers;
}

} // namespace wb::core
