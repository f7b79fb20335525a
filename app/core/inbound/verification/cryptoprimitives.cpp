// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/verification/cryptoprimitives.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace wb::core::crypto {

namespace {
class CryptoText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SignatureVerifier)
};

QCryptographicHash::Algorithm qtAlgorithm(HashAlgorithm algorithm)
{
    return algorithm == HashAlgorithm::Sha1 ? QCryptographicHash::Sha1 : QCryptographicHash::Sha256;
}

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

const auto *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

tl::unexpected<Error> badKey(const QString &what)
{
    return fail(u"crypto.bad_key"_s, what);
}

bool isP256(EVP_PKEY *key)
{
    if (!EVP_PKEY_is_a(key, "EC"))
        return false;
    char group[64] = {};
    size_t length = 0;
    if (EVP_PKEY_get_group_name(key, group, sizeof group, &length) != 1)
        return false;
    const QByteArrayView name(group, qsizetype(length));
    return name == "prime256v1" || name == "P-256" || name == "secp256r1";
}

Pkey ed25519Private(QByteArrayView seed)
{
    return Pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(seed),
                                             size_t(seed.size())));
}
} // namespace

QByteArray hmac(HashAlgorithm algorithm, QByteArrayView key, const QList<QByteArrayView> &parts)
{
    QMessageAuthenticationCode code(qtAlgorithm(algorithm), key.toByteArray());
    for (const QByteArrayView part : parts)
        code.addData(part.data(), part.size());
    return code.result();
}

QByteArray digest(HashAlgorithm algorithm, const QList<QByteArrayView> &parts)
{
    QCryptographicHash hash(qtAlgorithm(algorithm));
    for (const QByteArrayView part : parts)
        hash.addData(part);
    return hash.result();
}

qsizetype digestLength(HashAlgorithm algorithm)
{
    return QCryptographicHash::hashLength(qtAlgorithm(algorithm));
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

std::optional<QByteArray> decodeHex(QByteArrayView text)
{
    if (text.isEmpty() || text.size() % 2 != 0)
        return std::nullopt;
    for (const char c : text) {
        const bool digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
                           || (c >= 'A' && c <= 'F');
        if (!digit)
            return std::nullopt;
    }
    return QByteArray::fromHex(text.toByteArray());
}

std::optional<QByteArray> decodeBase64(QByteArrayView text)
{
    if (text.isEmpty())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                  QByteArray::Base64Encoding
                                                          | QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    return decoded.decoded;
}

Result<bool> ed25519Verify(QByteArrayView publicKey, QByteArrayView message,
                           QByteArrayView signature)
{
    if (publicKey.size() != 32) {
        return badKey(CryptoText::tr("an Ed25519 public key has 32 bytes, this one has %1")
                              .arg(publicKey.size()));
    }
    if (signature.size() != 64)
        return false;
    const Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(publicKey), 32));
    const MdCtx ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return badKey(CryptoText::tr("OpenSSL refused the Ed25519 public key"));
    return EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()), bytes(message),
                            size_t(message.size()))
           == 1;
}

Result<QByteArray> ed25519Sign(QByteArrayView privateSeed, QByteArrayView message)
{
    if (privateSeed.size() != 32) {
        return badKey(CryptoText::tr("an Ed25519 private key (seed) has 32 bytes, this one has %1")
                              .arg(privateSeed.size()));
    }
    const Pkey key = ed25519Private(privateSeed);
    const MdCtx ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return badKey(CryptoText::tr("OpenSSL refused the Ed25519 private key"));
    QByteArray signature(64, Qt::Uninitialized);
    size_t length = size_t(signature.size());
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       bytes(message), size_t(message.size()))
        != 1) {
        return badKey(CryptoText::tr("OpenSSL could not sign with the Ed25519 key"));
    }
    signature.resize(qsizetype(length));
    return signature;
}

Result<QByteArray> ed25519PublicKey(QByteArrayView privateSeed)
{
    if (privateSeed.size() != 32) {
        return badKey(CryptoText::tr("an Ed25519 private key (seed) has 32 bytes, this one has %1")
                              .arg(privateSeed.size()));
    }
    const Pkey key = ed25519Private(privateSeed);
    QByteArray publicKey(32, Qt::Uninitialized);
    size_t length = 32;
    if (!key
        || EVP_PKEY_get_raw_public_key(key.get(),
                                       reinterpret_cast<unsigned char *>(publicKey.data()), &length)
                   != 1) {
        return badKey(CryptoText::tr("OpenSSL refused the Ed25519 private key"));
    }
    return publicKey;
}

Result<bool> ecdsaP256Verify(QByteArrayView publicKeyDer, QByteArrayView message,
                             QByteArrayView derSignature)
{
    const unsigned char *cursor = bytes(publicKeyDer);
    const Pkey key(d2i_PUBKEY(nullptr, &cursor, long(publicKeyDer.size())));
    if (!key || !isP256(key.get())) {
        return badKey(CryptoText::tr("not a DER SubjectPublicKeyInfo holding an EC P-256 public "
                                     "key"));
    }
    const MdCtx ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return badKey(CryptoText::tr("OpenSSL refused the EC P-256 public key"));
    return EVP_DigestVerify(ctx.get(), bytes(derSignature), size_t(derSignature.size()),
                            bytes(message), size_t(message.size()))
           == 1;
}

Result<QByteArray> ecdsaP256Sign(QByteArrayView privateKeyPkcs8Der, QByteArrayView message)
{
    const unsigned char *cursor = bytes(privateKeyPkcs8Der);
    const Pkey key(d2i_AutoPrivateKey(nullptr, &cursor, long(privateKeyPkcs8Der.size())));
    if (!key || !isP256(key.get()))
        return badKey(CryptoText::tr("not a DER PKCS#8 EC P-256 private key"));
    const MdCtx ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return badKey(CryptoText::tr("OpenSSL refused the EC P-256 private key"));
    size_t length = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &length, bytes(message), size_t(message.size())) != 1)
        return badKey(CryptoText::tr("OpenSSL could not sign with the EC P-256 key"));
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       bytes(message), size_t(message.size()))
        != 1) {
        return badKey(CryptoText::tr("OpenSSL could not sign with the EC P-256 key"));
    }
    signature.resize(qsizetype(length));
    return signature;
}

} // namespace wb::core::crypto
