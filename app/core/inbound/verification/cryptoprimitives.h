// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/signaturescheme.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace wb::core::crypto {

// HMAC (RFC 2104) of the concatenated `parts`, through QMessageAuthenticationCode.
QByteArray hmac(HashAlgorithm algorithm, QByteArrayView key, const QList<QByteArrayView> &parts);
// A plain hash of the concatenated `parts` (QCryptographicHash).
QByteArray digest(HashAlgorithm algorithm, const QList<QByteArrayView> &parts);
// Output length in bytes (20 for SHA-1, 32 for SHA-256).
qsizetype digestLength(HashAlgorithm algorithm);

// Compares in time that depends only on the length (OpenSSL CRYPTO_memcmp). Lengths are not
// secret: different lengths return false at once.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// Strict decoders: nullopt on any character outside the alphabet or a bad length (Qt's own
// fromHex()/fromBase64() skip such characters silently).
std::optional<QByteArray> decodeHex(QByteArrayView text);
std::optional<QByteArray> decodeBase64(QByteArrayView text); // standard alphabet, '=' padding

// Ed25519 (RFC 8032) through OpenSSL 3 EVP. Keys are raw: a 32-byte public key, a 32-byte private
// seed. verify: true/false, or `crypto.bad_key` when the key is not 32 bytes.
Result<bool> ed25519Verify(QByteArrayView publicKey, QByteArrayView message,
                           QByteArrayView signature);
Result<QByteArray> ed25519Sign(QByteArrayView privateSeed, QByteArrayView message);
Result<QByteArray> ed25519PublicKey(QByteArrayView privateSeed);

// ECDSA over P-256 with SHA-256 (FIPS 186-4), DER signatures (RFC 3279 §2.2.3). The public key is
// a DER SubjectPublicKeyInfo, the private key DER PKCS#8. Errors: `crypto.bad_key` (not DER, not
// an EC P-256 key).
Result<bool> ecdsaP256Verify(QByteArrayView publicKeyDer, QByteArrayView message,
                             QByteArrayView derSignature);
Result<QByteArray> ecdsaP256Sign(QByteArrayView privateKeyPkcs8Der, QByteArrayView message);

} // namespace wb::core::crypto
