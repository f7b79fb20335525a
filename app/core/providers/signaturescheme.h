// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace wb::core {

// How a provider signs its webhooks, as declared by its profile (resources/providers/*.json,
// "webhook.signature"). A plain value: the verifier (core/inbound/verification) and the outgoing
// signer read it; nothing here computes anything.
//
// The families (the provider facts are in ../shared/providers/FACTS.md, each profile names its
// sources):
//  - Hmac: HMAC(secret, signedPayload) — GitHub, Shopify, Meta, Linear, Asana, Dropbox, Intercom,
//    PagerDuty, Slack, Stripe, Standard Webhooks, Zoom, HubSpot v3, Square, Box, generic.
//  - Digest: a plain hash of a payload that contains the secret — HubSpot v1/v2
//    (SHA-256(client_secret + …), developers.hubspot.com/docs/faq/v1-request-validation).
//  - Twilio: HMAC over the URL followed by the sorted POST parameters, or over the URL alone when
//    it carries bodySHA256 (twilio/twilio-node lib/webhooks/webhooks.js).
//  - Ed25519: an Ed25519 signature checked with a public key — Discord, Standard Webhooks v1a.
//  - EcdsaP256: an ECDSA P-256/SHA-256 DER signature checked with a public key — SendGrid.
//  - None: the provider does not sign (Salesforce Outbound Messaging, Microsoft Graph basic
//    notifications).
enum class SignatureFamily { None, Hmac, Digest, Twilio, Ed25519, EcdsaP256 };

enum class HashAlgorithm { Sha1, Sha256 };

// How the signature bytes are written in the header.
enum class SignatureEncoding { Hex, Base64 };

// How the signature header is laid out.
//  - Single: one signature, after `prefix` ("sha256=<hex>", "v0=<hex>", "<base64>").
//  - List: several entries split by `separator`; an entry counts only if it starts with `prefix`
//    ("v1,<b64> v1,<b64>" for Standard Webhooks, "v1=<hex>,v1=<hex>" for PagerDuty).
//  - KeyValue: "k=v" pairs split by `separator`; every `signatureKey` value is a signature and the
//    `timestampKey` value is the timestamp ("t=…,v1=…,v1=…" for Stripe).
enum class SignatureFormat { Single, List, KeyValue };

// How a configured secret becomes key bytes (after `keyPrefix` is removed when present).
//  - Raw: the secret's UTF-8 bytes as they are (Stripe uses the whole "whsec_…" string).
//  - Base64: standard base64 (Standard Webhooks "whsec_" keys, SendGrid's DER public key).
//  - Hex: hexadecimal (Discord's Ed25519 public key).
enum class KeyEncoding { Raw, Base64, Hex };

// Where the timestamp that is signed and checked against the tolerance comes from.
enum class TimestampSource { None, Header, SignatureHeader, Body };

// What the timestamp counts: Unix seconds, Unix milliseconds, or an ISO 8601 date-time (Box).
enum class TimestampUnit { Seconds, Milliseconds, Iso8601 };

// For a body sent with Content-Encoding: gzip, whether the signature covers the bytes as received
// (compressed) or the decompressed bytes.
enum class BodyCoverage { AsReceived, Decompressed };

struct SignatureScheme
{
    SignatureFamily family = SignatureFamily::None;
    HashAlgorithm algorithm = HashAlgorithm::Sha256;

    // Header names that may carry the signature; the first one present is read (Standard Webhooks:
    // "webhook-signature", then Svix's "svix-signature"). Compared case-insensitively.
    QStringList signatureHeaders;
    SignatureFormat format = SignatureFormat::Single;
    QString prefix;
    QString separator;
    QString signatureKey; // KeyValue only
    QString timestampKey; // KeyValue only
    SignatureEncoding encoding = SignatureEncoding::Hex;

    // What is signed, as a template: literal text plus the placeholders {body}, {timestamp}, {id},
    // {method}, {url} and (Digest only) {secret}. Empty for Twilio (the family defines it).
    QString signedPayload;

    KeyEncoding keyEncoding = KeyEncoding::Raw;
    QString keyPrefix;

    TimestampSource timestampSource = TimestampSource::None;
    QStringList timestampHeaders; // TimestampSource::Header
    QString timestampPointer;     // TimestampSource::Body: a JSON pointer (RFC 6901)
    TimestampUnit timestampUnit = TimestampUnit::Seconds;
    // Accept a timestamp at most this many seconds in the past or in the future. Absent: the
    // provider defines no replay window.
    std::optional<int> toleranceSeconds;

    QStringList idHeaders; // {id}: the message id header (Standard Webhooks "webhook-id")

    BodyCoverage bodyCoverage = BodyCoverage::AsReceived;

    // Characters whose percent-encoded form is decoded in {url} before signing (HubSpot v3).
    QString urlDecodeChars;

    // Only for profiles that list several schemes: this scheme applies when the request carries
    // header `whenHeader` (with value `whenEquals`, case-insensitive, when that is not empty).
    QString whenHeader;
    QString whenEquals;
};

// Stable lower-case names, the same as in the profile JSON ("hmac", "sha256", "key_value", …).
QString nameOf(SignatureFamily family);
QString nameOf(HashAlgorithm algorithm);
QString nameOf(SignatureEncoding encoding);
QString nameOf(SignatureFormat format);
QString nameOf(KeyEncoding encoding);
QString nameOf(TimestampSource source);
QString nameOf(TimestampUnit unit);
QString nameOf(BodyCoverage coverage);

// A one-line description for explanations, e.g.
// "hmac-sha256 hex over \"v0:{timestamp}:{body}\" in X-Slack-Signature (prefix \"v0=\")".
QString describe(const SignatureScheme &scheme);

} // namespace wb::core
