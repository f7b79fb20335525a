// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/signaturescheme.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace wb::core {

// Turns a configured secret (or public key) into key bytes as the scheme says: the key prefix
// ("whsec_", "whpk_") is removed when present, then raw / base64 / hex decoding is applied. The
// secret is never part of an error message. `slot` (0-based) names the secret in messages.
// Errors: `secret.bad_encoding` (not valid base64/hex after the prefix), `secret.bad_key` (an
// Ed25519 public key that is not 32 bytes).
Result<QByteArray> decodeVerificationKey(const SignatureScheme &scheme, QByteArrayView secret,
                                         int slot);

// For signing: the private key bytes. Ed25519: a 32-byte seed (a 64-byte seed‖public key is cut to
// its seed), "whsk_" prefix removed when present, then the scheme's key encoding. ECDSA: base64 DER
// PKCS#8. HMAC families: as decodeVerificationKey().
Result<QByteArray> decodeSigningKey(const SignatureScheme &scheme, QByteArrayView secret, int slot);

// A warning text when the secret starts or ends with white space (a copy-and-paste accident more
// often than not), else empty. Never contains the secret.
QString whitespaceWarning(QByteArrayView secret, int slot);

} // namespace wb::core
