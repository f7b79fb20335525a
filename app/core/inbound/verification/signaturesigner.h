// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"
#include "core/providers/signaturescheme.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>

namespace wb::core {

// An outgoing request to sign (the dispatch engine's deliveries, `wirebench-cli trigger`).
struct SigningRequest
{
    QByteArray method = "POST";
    QByteArray url;         // where the request goes; signed by schemes that sign the URL
    QByteArray body;        // exactly the bytes that will be sent
    QByteArray contentType; // Twilio signs application/x-www-form-urlencoded bodies by parameter
    QByteArray messageId;   // {id}: Standard Webhooks "webhook-id" (the caller makes it unique)
    qint64 timestampMs = 0; // UTC ms since the epoch, from the injected Clock
};

// The exact inverse of verifySignature(): the headers that make `request` verify under `scheme`
// with the same secrets. Several secrets give several signatures where the header carries a list
// (Standard Webhooks "v1,… v1,…", Stripe "t=…,v1=…,v1=…", PagerDuty); a single-signature header
// uses the first non-empty secret. The headers come in this order: message id, timestamp,
// signature, then the "when" header a scheme is selected by (HubSpot's X-HubSpot-Signature-Version).
//
// Secrets: the HMAC secret as the verifier takes it; for Ed25519 the private key (32-byte seed,
// hex or base64 as the scheme's key encoding, "whsk_" prefix allowed); for ECDSA a base64 DER
// PKCS#8 private key. Twilio: a JSON body must already carry ?bodySHA256= in the URL.
//
// Errors: `signing.no_secret`, `signing.missing_id` ({id} is signed and messageId is empty),
// `signing.unsigned_scheme` (family none), `signing.body_timestamp` (the scheme reads its timestamp
// from the body: the body must already contain it and nothing is added), `secret.bad_encoding`,
// `secret.bad_key`, `crypto.bad_key`. Pure and thread-safe.
Result<QList<ReceivedHeader>> signRequest(const SignatureScheme &scheme,
                                          const QList<QByteArray> &secrets,
                                          const SigningRequest &request);

} // namespace wb::core
