// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"
#include "core/providers/providerprofile.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace wb::core {

// What a handshake needs besides the request. Secrets are never part of the answer's explanation.
struct HandshakeSecrets
{
    QByteArray signingSecret; // Zoom: the webhook secret token; X: the consumer secret
    QByteArray verifyToken;   // Meta: the verify token set with the callback URL
};

// The decision for one request: not a handshake (handle it as an event), answer it, or refuse it.
struct HandshakeReply
{
    enum class Outcome { NotHandshake, Answer, Reject };
    // Stable codes for `reason`.
    enum class Reason {
        NotHandshake,
        Answered,
        SignatureNotVerified, // the kind requires a verified signature (Discord, Slack)
        MissingChallenge,     // it is this kind of handshake but the challenge value is missing
        MissingSecret,        // Zoom/X: no secret to compute the answer with
        VerifyTokenMismatch,  // Meta: hub.verify_token differs from ours (or we have none)
    };

    Outcome outcome = Outcome::NotHandshake;
    Reason reason = Reason::NotHandshake;
    HandshakeKind kind = HandshakeKind::None;
    int status = 0;
    QList<ReceivedHeader> headers; // Content-Type first when there is a body
    QByteArray body;
    // Asana: the X-Hook-Secret to remember as the connection's signing secret (slot 0). Empty
    // otherwise.
    QByteArray secretToRemember;
    QString explanation;

    bool isHandshake() const { return outcome != Outcome::NotHandshake; }
};

QString nameOf(HandshakeReply::Reason reason);

// Decides whether `request` is the profile's handshake and what to answer, exactly (facts and
// sources in ../shared/providers/FACTS.md, the profiles' "handshake" sources):
//  - Slack url_verification: JSON {"type":"url_verification","challenge":…} → 200 text/plain
//    challenge (api.slack.com/events/url_verification).
//  - Microsoft Graph: ?validationToken=… (GET or POST; the body is not read) → 200 text/plain with
//    the URL-decoded token (change-notifications-delivery-notificationurl-validation).
//  - Zoom endpoint.url_validation: → 200 JSON {"plainToken","encryptedToken": hex
//    HMAC-SHA256(secret token, plainToken)}.
//  - Dropbox: GET ?challenge=… → 200 text/plain echo + X-Content-Type-Options: nosniff.
//  - Asana: X-Hook-Secret header → 200 echoing it in X-Hook-Secret; secretToRemember is set.
//  - X CRC: GET ?crc_token=… → 200 JSON {"response_token":"sha256=" + base64
//    HMAC-SHA256(consumer secret, crc_token)}.
//  - Meta: GET hub.mode=subscribe & hub.verify_token=ours → 200 text/plain hub.challenge; a
//    different token → 403.
//  - Discord PING: JSON "type": 1 → 200 {"type":1}, only when the signature verified (else 401).
// `signatureVerified` is the verifier's verdict on this request; `body` is the raw (decompressed)
// body. Pure and thread-safe.
HandshakeReply respondToHandshake(const RawRequest &request, QByteArrayView body,
                                  const HandshakeSpec &spec, const HandshakeSecrets &secrets,
                                  bool signatureVerified);

} // namespace wb::core
