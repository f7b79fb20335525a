// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace wb::core {

// The master key of a workspace's sealed secrets: 32 random bytes. Every sealed secret is encrypted
// with a key derived from it (libsodium crypto_kdf, context "wbsealed"), and carries the master
// key's id so that a wrong key is reported as such instead of as tampering.
//
// Memory: the key and its derived sealing key live in libsodium's guarded memory (sodium_malloc:
// guard pages, mlock'ed where the system allows, read-only once set) and are wiped by sodium_free
// when the last shared_ptr goes. The key never appears in a message or a log line; only its id
// does.
//
// Thread: immutable after creation; share it between threads as std::shared_ptr<const MasterKey>.
class MasterKey final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::MasterKey)
    Q_DISABLE_COPY_MOVE(MasterKey)

public:
    static constexpr qsizetype keySize = 32;
    // A key file holds at most this many bytes (a key is 32 raw bytes, or its hex/base64 text).
    static constexpr qsizetype maxFileSize = 1024;

    ~MasterKey();

    // Reads a key file: 32 raw bytes, or (surrounding whitespace ignored) 64 hex digits or the
    // standard/URL-safe base64 of 32 bytes. The file is read straight into guarded memory.
    // `origin` describes where the path came from ("WIREBENCH_MASTER_KEY_FILE"); see origin().
    // Errors (each names the file):
    //  - `secrets.master_key_unreadable`: missing, not a regular file, or unreadable (OS reason);
    //  - `secrets.master_key_permissions`: readable or writable by its group or by others; the
    //    message gives the mode and the `chmod 600 <file>` to run. Checked on the open file
    //    (fstat), so a swap between check and read is not possible;
    //  - `secrets.invalid_master_key`: not in one of the formats above (the message gives the
    //    size, never the contents).
    static Result<std::shared_ptr<const MasterKey>> fromFile(const QString &path,
                                                             const QString &origin = {});
    // From 32 bytes (the keychain's copy). `secrets.invalid_master_key` for another size.
    static Result<std::shared_ptr<const MasterKey>> fromBytes(QByteArrayView bytes,
                                                              const QString &origin);
    // A new random key (libsodium's randombytes_buf).
    static std::shared_ptr<const MasterKey> generate(const QString &origin);

    // Creates `path` (which must not exist) with permissions 0600 and writes this key into it as 64
    // hex digits and a newline. Errors: `secrets.key_file_exists`, `secrets.key_file_write_failed`
    // (OS reason), both naming the file.
    Result<void> writeNewKeyFile(const QString &path) const;

    // 16 hex digits identifying the key without revealing it: the first 8 bytes of
    // BLAKE2b(key = master key, message = "wirebench sealed-secrets key id v1").
    QString keyId() const { return m_keyId; }
    // Where the key came from, for messages: "the key file /etc/wb/master.key (named by
    // WIREBENCH_MASTER_KEY_FILE)", "the keychain entry …", "a new key".
    QString origin() const { return m_origin; }

    // The raw key, for storing it in the keychain (the caller wipes what it copies).
    QByteArrayView rawKey() const;
    // The XChaCha20-Poly1305 key derived for sealing (crypto_aead_xchacha20poly1305_ietf_KEYBYTES).
    const unsigned char *sealingKey() const { return m_sealingKey; }

private:
    MasterKey();
    // Takes a filled, guarded buffer of keySize bytes.
    static std::shared_ptr<const MasterKey> adopt(unsigned char *key, const QString &origin);

    unsigned char *m_key = nullptr;        // sodium_malloc'ed, read-only
    unsigned char *m_sealingKey = nullptr; // sodium_malloc'ed, read-only
    QString m_keyId;
    QString m_origin;
};

// libsodium's sodium_init(), once per process (thread-safe). False when libsodium cannot start
// (no usable random source): then nothing is sealed or opened.
bool ensureSodium();

} // namespace wb::core
