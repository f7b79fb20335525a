// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/events/inboundevent.h"
#include "core/inbound/handshake/handshakeresponder.h"
#include "core/inbound/http/requestframer.h"
#include "core/inbound/rawrequest.h"
#include "core/inbound/verification/verificationresult.h"
#include "core/providers/providerprofile.h"
#include "core/store/identitymapping.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace wb::core {

// Everything examine() needs, as values (it may run on a worker thread).
struct ExaminationInput
{
    RawRequest request;
    RequestHead::Encoding encoding = RequestHead::Encoding::Identity;
    std::optional<ProviderProfile> profile; // nullopt: the connection names an unknown provider
    QString providerId;                     // the profile's id, or the connection's provider id
    // The secrets to verify with: for Ed25519/ECDSA the provider's public keys. A connection URL
    // gives its two slots; a provider URL gives the slots of every connection to that provider.
    QList<QByteArray> secrets;
    HandshakeSecrets handshakeSecrets;
    qint64 nowMs = 0;           // UTC ms, from the injected Clock
    qint64 maxDecodedBytes = 0; // the cap for a gzip body once decompressed
    QByteArray signedUrl;       // the public URL the provider signs (empty: request.url)
};

// What the receiver learnt from a request before storing it. A plain value.
struct Examination
{
    // The body to read fields from: the decompressed bytes for a gzip body, else the body as is.
    QByteArray decodedBody;
    // Set when a gzip body could not be decompressed (`request.bad_gzip`: 400,
    // `request.decoded_too_large`: 413); then nothing else was examined.
    std::optional<Error> bodyError;
    int bodyErrorStatus = 0;

    VerificationResult verification;
    InboundVerdict verdict = InboundVerdict::Failed;
    QString reason;      // stable: nameOf(VerificationReason), "unknown_provider", "bad_gzip", …
    QString explanation; // for people, never a secret

    HandshakeReply handshake;

    IdentityQuery identity; // what to resolve the tenant with (value nullopt: field not found)
    QString providerEventId;
    QString eventType;
};

// Decompresses (with the cap), verifies the signature over the raw bytes (core/inbound/
// verification), answers the profile's handshake (core/inbound/handshake) and reads the identity,
// event id and event type fields (core/inbound/identity). Never decodes the body to text.
// Pure and thread-safe: the receiver runs it on a worker for large bodies.
Examination examine(const ExaminationInput &input);

} // namespace wb::core
