// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"
#include "core/inbound/verification/verificationresult.h"
#include "core/providers/providerprofile.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace wb::core {

struct VerificationOptions
{
    // The URL the provider signed (Twilio, Square, HubSpot v2/v3 sign it): the public URL the
    // provider was given (a tunnel's, say), with the query exactly as received. Empty: the
    // request's own URL.
    QByteArray signedUrl;
    // The decompressed body, for a request with a Content-Encoding whose scheme signs the
    // decompressed bytes (BodyCoverage::Decompressed). The caller decompresses (with its size cap);
    // without it such a request fails with BodyNotDecoded.
    std::optional<QByteArray> decodedBody;
};

// Verifies an inbound request's signature over its raw bytes (the body is never decoded to text),
// comparing in constant time (CRYPTO_memcmp).
//
// `secrets` are the connection's secrets by slot (normally two, so a secret can be rotated: slot 0
// the current one, slot 1 the other; an empty entry is an unused slot); for Ed25519 and ECDSA they
// are the provider's public keys. The request verifies when ANY secret matches ANY signature in
// the header. `nowMs` is the current UTC time in milliseconds since the epoch (from the injected
// Clock); a timestamp more than the scheme's tolerance in the past OR in the future fails.
//
// Pure, synchronous, thread-safe; no I/O. Cost: one pass over the body per secret (per URL
// candidate for Twilio).
VerificationResult verifySignature(const RawRequest &request, const SignatureScheme &scheme,
                                   const QList<QByteArray> &secrets, qint64 nowMs,
                                   const VerificationOptions &options = {});

// The same with a profile: picks the scheme with selectSignatureScheme(). A profile without a
// scheme gives Verdict::Unsigned; when no scheme's header is present the result is MissingHeader
// naming every header looked for.
VerificationResult verifySignature(const RawRequest &request, const ProviderProfile &profile,
                                   const QList<QByteArray> &secrets, qint64 nowMs,
                                   const VerificationOptions &options = {});

// Whether `scheme` is meant for `request`: it has no "when" condition, or the request carries the
// condition's header (with the value it names, compared case-insensitively, when it names one).
bool signatureSchemeApplies(const RawRequest &request, const SignatureScheme &scheme);

// The first scheme that applies (signatureSchemeApplies) and whose signature header is present,
// or nullptr. The pointer points into `schemes`.
const SignatureScheme *selectSignatureScheme(const RawRequest &request,
                                             const QList<SignatureScheme> &schemes);

// The scheme to sign `request` again with (edit and re-deliver): the one that signed it
// (selectSignatureScheme), else, for a request that arrived without a signature, the first scheme
// that applies to it. nullptr when none applies. The pointer points into `schemes`.
const SignatureScheme *signatureSchemeForResigning(const RawRequest &request,
                                                   const QList<SignatureScheme> &schemes);

} // namespace wb::core
