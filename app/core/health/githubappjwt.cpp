// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/githubappjwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

Result<QByteArray> GitHubAppJwt::sign(const QByteArray &privateKeyPem, const QString &issuer,
                                      qint64 nowMs, int lifetimeSeconds)
{
    static const QRegularExpression issuerPattern(u"^[A-Za-z0-9._-]{1,100}$"_s);
    if (!issuerPattern.match(issuer).hasMatch()) {
        return fail(u"health.bad_app_id"_s,
                    tr("\"%1\" is not a GitHub App ID or client ID.").arg(issuer.left(100)));
    }
    if (lifetimeSeconds < 1 || lifetimeSeconds > maxLifetimeSeconds) {
        return fail(u"health.bad_lifetime"_s,
                    tr("A GitHub App token lives 1 to %1 seconds, not %2.")
                            .arg(maxLifetimeSeconds)
                            .arg(lifetimeSeconds));
    }
    std::unique_ptr<BIO, BioDeleter> bio(
            BIO_new_mem_buf(privateKeyPem.constData(), int(privateKeyPem.size())));
    std::unique_ptr<EVP_PKEY, PkeyDeleter> key(
            bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key || !EVP_PKEY_is_a(key.get(), "RSA")) {
        return fail(u"health.bad_app_key"_s,
                    tr("The GitHub App's private key is not an RSA private key in PEM (the .pem "
                       "file GitHub offers for download)."));
    }

    const qint64 now = nowMs / 1000;
    const QJsonObject header{{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}};
    // "iss" is a StringOrURI (RFC 7519 §4.1.1): the application ID goes out as a string too
    // (verifiers such as jose compare it as one).
    const QJsonObject claims{{u"iat"_s, now - backdateSeconds},
                             {u"exp"_s, now + lifetimeSeconds},
                             {u"iss"_s, issuer}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact))
                                    + '.'
                                    + base64Url(
                                            QJsonDocument(claims).toJson(QJsonDocument::Compact));

    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> context(EVP_MD_CTX_new());
    size_t length = 0;
    if (!context
        || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length,
                          reinterpret_cast<const unsigned char *>(signingInput.constData()),
                          size_t(signingInput.size()))
                   != 1) {
        return fail(u"crypto.sign_failed"_s, tr("OpenSSL could not sign the GitHub App token."));
    }
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(signingInput.constData()),
                       size_t(signingInput.size()))
        != 1) {
        return fail(u"crypto.sign_failed"_s, tr("OpenSSL could not sign the GitHub App token."));
    }
    signature.resize(qsizetype(length));
    return signingInput + '.' + base64Url(signature);
}

} // namespace wb::core
