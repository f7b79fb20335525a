// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/masterkey.h"
#include "core/secrets/secretkey.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QUuid>

namespace wb::core {

// One sealed secret as stored in the workspace database (table sealed_secrets).
struct SealedValue
{
    int format = 1;        // 1: XChaCha20-Poly1305 (IETF), the layout described below
    QString keyId;         // MasterKey::keyId() of the key it was sealed with
    QByteArray nonce;      // 24 random bytes, new for every encryption
    QByteArray ciphertext; // the encrypted value followed by the 16-byte Poly1305 tag

    bool operator==(const SealedValue &other) const = default;
};

// Sealing and opening of secret values (format 1): libsodium's
// crypto_aead_xchacha20poly1305_ietf_encrypt/decrypt (https://doc.libsodium.org/secret-key_cryptography/aead/chacha20-poly1305/xchacha20-poly1305_construction),
// with the MasterKey's derived sealing key and a random 24-byte nonce per encryption (randombytes_buf;
// XChaCha20's nonce is large enough for random nonces).
//
// The associated data binds each ciphertext to its row, so a ciphertext copied onto another row (of
// this or another workspace, another connection, kind or slot), or relabelled with another key
// id, fails authentication. Its bytes are, joined with a NUL byte between the parts:
//   "wirebench-sealed-v1", the workspace uuid (lowercase, no braces), the connection id (decimal),
//   the kind name (nameOf(SecretKind)), the slot name (nameOf(SecretSlot)), the key id.
//
// Thread: pure functions, safe on any thread.
class Sealing final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::Sealing)

public:
    static constexpr int format = 1;
    static constexpr qsizetype nonceSize = 24;
    static constexpr qsizetype tagSize = 16;

    static QByteArray associatedData(const QUuid &workspaceId, const SecretKey &key,
                                     const QString &keyId);

    // Encrypts `plaintext` for `key` of `workspaceId`. Error `secrets.backend_error` only when
    // libsodium cannot start.
    static Result<SealedValue> seal(const MasterKey &masterKey, const QUuid &workspaceId,
                                    const SecretKey &key, const QByteArray &plaintext);
    // Decrypts and authenticates. Errors:
    //  - `secrets.wrong_master_key`: sealed under another master key (the message names both ids
    //    and where the key in use came from);
    //  - `secrets.tampered`: authentication failed (ciphertext, nonce or tag changed, or the
    //    ciphertext belongs to another row), or an unknown format. Names the secret, never a value.
    static Result<QByteArray> open(const MasterKey &masterKey, const QUuid &workspaceId,
                                   const SecretKey &key, const SealedValue &sealed);
};

} // namespace wb::core
