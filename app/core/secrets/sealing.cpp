// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/sealing.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace wb::core {

static_assert(Sealing::nonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(Sealing::tagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);

QByteArray Sealing::associatedData(const QUuid &workspaceId, const SecretKey &key,
                                   const QString &keyId)
{
    QByteArray data = "wirebench-sealed-v1";
    for (const QByteArray &part :
         {workspaceId.toByteArray(QUuid::WithoutBraces), QByteArray::number(key.connectionId),
          nameOf(key.kind).toLatin1(), nameOf(key.slot).toLatin1(), keyId.toLatin1()}) {
        data += '\0';
        data += part;
    }
    return data;
}

Result<SealedValue> Sealing::seal(const MasterKey &masterKey, const QUuid &workspaceId,
                                  const SecretKey &key, const QByteArray &plaintext)
{
    if (!ensureSodium()) {
        return fail(u"secrets.backend_error"_s,
                    tr("libsodium could not start, so the %1 could not be sealed.")
                            .arg(describe(key)));
    }
    SealedValue sealed;
    sealed.format = format;
    sealed.keyId = masterKey.keyId();
    sealed.nonce.resize(nonceSize);
    randombytes_buf(sealed.nonce.data(), size_t(nonceSize));
    const QByteArray ad = associatedData(workspaceId, key, sealed.keyId);
    sealed.ciphertext.resize(plaintext.size() + tagSize);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
            reinterpret_cast<unsigned char *>(sealed.ciphertext.data()), &length,
            reinterpret_cast<const unsigned char *>(plaintext.constData()),
            static_cast<unsigned long long>(plaintext.size()),
            reinterpret_cast<const unsigned char *>(ad.constData()),
            static_cast<unsigned long long>(ad.size()), nullptr,
            reinterpret_cast<const unsigned char *>(sealed.nonce.constData()),
            masterKey.sealingKey());
    sealed.ciphertext.resize(qsizetype(length));
    return sealed;
}

Result<QByteArray> Sealing::open(const MasterKey &masterKey, const QUuid &workspaceId,
                                 const SecretKey &key, const SealedValue &sealed)
{
    if (!ensureSodium()) {
        return fail(u"secrets.backend_error"_s,
                    tr("libsodium could not start, so the %1 could not be opened.")
                            .arg(describe(key)));
    }
    if (sealed.keyId != masterKey.keyId()) {
        return fail(u"secrets.wrong_master_key"_s,
                    tr("The sealed %1 was sealed with the master key %2, but the master key in "
                       "use (from %3) is %4. Use the workspace's current master key (see "
                       "'wirebench-cli secrets backend').")
                            .arg(describe(key), sealed.keyId, masterKey.origin(),
                                 masterKey.keyId()));
    }
    const QString tampered = tr("The sealed %1 failed authentication: its ciphertext was altered, "
                                "or copied from another secret or workspace. The other secrets are "
                                "not affected; store this one again.")
                                     .arg(describe(key));
    if (sealed.format != format || sealed.nonce.size() != nonceSize
        || sealed.ciphertext.size() < tagSize) {
        return fail(u"secrets.tampered"_s, tampered);
    }
    const QByteArray ad = associatedData(workspaceId, key, sealed.keyId);
    QByteArray plaintext(sealed.ciphertext.size() - tagSize, Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                reinterpret_cast<unsigned char *>(plaintext.data()), &length, nullptr,
                reinterpret_cast<const unsigned char *>(sealed.ciphertext.constData()),
                static_cast<unsigned long long>(sealed.ciphertext.size()),
                reinterpret_cast<const unsigned char *>(ad.constData()),
                static_cast<unsigned long long>(ad.size()),
                reinterpret_cast<const unsigned char *>(sealed.nonce.constData()),
                masterKey.sealingKey())
        != 0) {
        return fail(u"secrets.tampered"_s, tampered);
    }
    plaintext.resize(qsizetype(length));
    return plaintext;
}

} // namespace wb::core
