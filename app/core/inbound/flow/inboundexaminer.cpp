// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/flow/inboundexaminer.h"

#include "core/inbound/flow/contentdecoding.h"
#include "core/inbound/identity/fieldreader.h"
#include "core/inbound/verification/signatureverifier.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// lupdate reads the context from the class, so German finds these strings at run time.
class ExaminerText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::InboundExaminer)
};

// The text of a field read from the event (a JSON string's characters, a number's digits, a
// header's bytes), or "" when absent.
QString fieldText(const FieldLookup &lookup)
{
    return lookup.found() ? QString::fromUtf8(lookup.value->value) : QString();
}

} // namespace

Examination examine(const ExaminationInput &input)
{
    Examination result;
    result.identity.providerId = input.providerId;
    if (input.encoding == RequestHead::Encoding::Gzip) {
        Result<QByteArray> decoded = gunzip(input.request.body, input.maxDecodedBytes);
        if (!decoded) {
            result.bodyError = decoded.error();
            result.bodyErrorStatus = decoded.error().code == u"request.decoded_too_large"_s ? 413
                                                                                            : 400;
            result.verdict = InboundVerdict::Failed;
            result.reason = decoded.error().code.section(u'.', 1);
            result.explanation = decoded.error().message
                                 + ExaminerText::tr(
                                         " The signature was not checked and no field was read.");
            return result;
        }
        result.decodedBody = *decoded;
    } else {
        result.decodedBody = input.request.body;
    }

    if (!input.profile) {
        result.verdict = InboundVerdict::Failed;
        result.reason = u"unknown_provider"_s;
        result.explanation
                = ExaminerText::tr("The connection's provider \"%1\" has no provider profile (was "
                                   "its profile file removed?): the request cannot be verified.")
                          .arg(input.providerId);
        return result;
    }
    const ProviderProfile &profile = *input.profile;

    VerificationOptions options;
    options.signedUrl = input.signedUrl;
    if (input.encoding == RequestHead::Encoding::Gzip)
        options.decodedBody = result.decodedBody;
    result.verification = verifySignature(input.request, profile, input.secrets, input.nowMs,
                                          options);
    switch (result.verification.verdict) {
    case VerificationResult::Verdict::Verified:
        result.verdict = InboundVerdict::Verified;
        break;
    case VerificationResult::Verdict::Unsigned:
        result.verdict = InboundVerdict::Unsigned;
        break;
    case VerificationResult::Verdict::Failed:
        result.verdict = InboundVerdict::Failed;
        break;
    }
    result.reason = nameOf(result.verification.reason);
    result.explanation = result.verification.explanation;

    result.handshake = respondToHandshake(input.request, result.decodedBody, profile.handshake,
                                          input.handshakeSecrets, result.verification.verified());

    const FieldLookup identity = readField(input.request, result.decodedBody,
                                           profile.identityFields);
    if (identity.found()) {
        result.identity.value = fieldText(identity);
        result.identity.source = identity.value->description;
    } else {
        result.identity.source = profile.identityFields.isEmpty() ? ExaminerText::tr(
                                         "the provider profile names no identity field")
                                                                  : identity.explanation();
    }
    result.providerEventId = fieldText(
            readField(input.request, result.decodedBody, profile.eventIdFields));
    result.eventType = fieldText(
            readField(input.request, result.decodedBody, profile.eventTypeFields));
    return result;
}

} // namespace wb::core
