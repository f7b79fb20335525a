// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/signaturescheme.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace wb::core {

// The signatures a header offers, decoded to bytes.
struct ParsedSignatureHeader
{
    QList<QByteArray> signatures; // decoded; in header order
    int undecodable = 0;          // entries with the right prefix that were not hex/base64
    int ignored = 0;              // list entries of another version ("v1a," when reading "v1,")
    std::optional<QByteArray> timestamp; // KeyValue: the timestamp_key value
    QString problem; // why nothing usable was found (empty when signatures exist)
};

// Splits and decodes a signature header value as the scheme's format says. White space around
// list entries and key=value pairs is ignored, as the providers' SDKs do.
ParsedSignatureHeader parseSignatureHeader(const SignatureScheme &scheme, QByteArrayView value);

// The inverse, for signing: the header value carrying `signatures` (raw bytes) and, for KeyValue,
// the timestamp. Single uses only the first signature.
QByteArray formatSignatureHeader(const SignatureScheme &scheme, const QList<QByteArray> &signatures,
                                 QByteArrayView timestamp);

// Encodes / decodes one signature per the scheme's encoding (strictly).
QByteArray encodeSignature(SignatureEncoding encoding, QByteArrayView signature);
std::optional<QByteArray> decodeSignature(SignatureEncoding encoding, QByteArrayView text);

} // namespace wb::core
