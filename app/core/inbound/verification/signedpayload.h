// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/signaturescheme.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace wb::core {

// The bytes a signature covers, kept as parts so that a 25 MB body is never copied and a secret
// that is part of the payload (HubSpot v1/v2 digests) is never printed.
struct SignedPayload
{
    struct Part
    {
        QByteArray bytes; // implicitly shared: holding the body costs no copy
        bool secret = false;
    };
    QList<Part> parts;

    qsizetype size() const;
    QList<QByteArrayView> views() const;
    QByteArray joined() const; // for the one-shot signature APIs (Ed25519, ECDSA)
    // At most `maxBytes` of the payload for explanations; a secret part shows as "{secret}".
    QByteArray printablePrefix(qsizetype maxBytes = 64) const;
};

// The values the template placeholders stand for.
struct SignedPayloadInputs
{
    QByteArray body;
    QByteArray timestamp; // as written in the request
    QByteArray id;
    QByteArray method;
    QByteArray url;
    QByteArray secret; // Digest only
};

// Expands the scheme's signed-payload template ("v0:{timestamp}:{body}"): literal text as UTF-8,
// {url} with the scheme's urlDecodeChars percent-decoded first (HubSpot v3).
SignedPayload buildSignedPayload(const SignatureScheme &scheme, const SignedPayloadInputs &inputs);

// Twilio (twilio/twilio-node lib/webhooks/webhooks.js, getExpectedTwilioSignature): the URL, then
// for each POST parameter name in sorted order (UTF-16 code unit order, as JavaScript sorts) its
// name and value; repeated names contribute each distinct value, sorted. Parameters are given
// decoded.
SignedPayload buildTwilioPayload(QByteArrayView url,
                                 const QList<std::pair<QByteArray, QByteArray>> &parameters);

// Twilio's URL candidates, in the order twilio-node tries them: without the port, then with the
// scheme's default port (":443" / ":80") when none is given.
QList<QByteArray> twilioUrlCandidates(QByteArrayView url);

} // namespace wb::core
