// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace wb::core {

// Why a verification ended as it did. nameOf() gives the stable code ("signature_mismatch")
// that CLI JSON, logs and tests use.
enum class VerificationReason {
    Verified,
    Unsigned,         // the profile declares no signature scheme
    MissingHeader,    // no signature header (or a timestamp/id header the scheme needs)
    MalformedHeader,  // the header holds no decodable signature in the expected layout
    MissingTimestamp, // the scheme signs a timestamp and none was found
    MalformedTimestamp,
    TimestampOutOfTolerance, // older or newer than the profile's tolerance
    SignatureMismatch,       // no secret × signature pair matched
    BodyHashMismatch,        // Twilio: bodySHA256 in the URL is not the body's hash
    NoSecret,                // no secret configured for the connection
    BadSecret,               // no configured secret could be decoded as the scheme needs
    BodyNotDecoded,          // the signature covers the decompressed body, which was not given
    UnsupportedAlgorithm,    // Twilio's signature settings name an algorithm we do not know
};
QString nameOf(VerificationReason reason);

// The verdict on one inbound request's signature, explained without the secret: what scheme,
// which header, what bytes were signed, how far off the timestamp was, which secret matched.
// A plain value, stored with the inbound event.
struct VerificationResult
{
    enum class Verdict { Verified, Failed, Unsigned };

    struct Note
    {
        QString code; // "secret_whitespace", "secret_unused", …
        QString message;
    };

    Verdict verdict = Verdict::Failed;
    VerificationReason reason = VerificationReason::SignatureMismatch;

    QString scheme;         // describe(scheme): family, algorithm, template, header, tolerance
    QByteArray headerName;  // the signature header read (as the profile spells it)
    QByteArray headerValue; // a printable prefix of its value (signatures are not secret)
    int signaturesOffered = 0;

    qsizetype signedLength = -1; // bytes covered by the signature (-1: not computed)
    QByteArray signedPrefix;     // printable prefix of them; a secret part shows as "{secret}"
    QByteArray signedUrl;        // the URL that was signed, for schemes that sign it

    QByteArray timestamp;              // as written in the request
    std::optional<qint64> skewSeconds; // now − timestamp: positive when the request is older
    std::optional<int> toleranceSeconds;
    // The signature matched but the timestamp was out of tolerance (a replay or a clock problem).
    bool signatureMatchedButStale = false;

    int matchedSecretSlot = -1;     // 0-based index into the secrets given
    int matchedSignatureIndex = -1; // 0-based index among the header's signatures
    int secretsTried = 0;

    QList<Note> notes;   // warnings and hints; never a secret
    QString explanation; // one paragraph for people (translated)

    bool verified() const { return verdict == Verdict::Verified; }
};

} // namespace wb::core
