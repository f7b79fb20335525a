// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/verification/keymaterial.h"

#include "core/inbound/verification/cryptoprimitives.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
class KeyText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SignatureVerifier)
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

Result<QByteArray> decode(KeyEncoding encoding, QByteArrayView text, int slot)
{
    switch (encoding) {
    case KeyEncoding::Raw:
        return text.toByteArray();
    case KeyEncoding::Base64:
        if (auto bytes = crypto::decodeBase64(text))
            return *bytes;
        break;
    case KeyEncoding::Hex:
        if (auto bytes = crypto::decodeHex(text))
            return *bytes;
        break;
    }
    return fail(u"secret.bad_encoding"_s, KeyText::tr("The secret in slot %1 is not valid %2.")
                                                  .arg(slot + 1)
                                                  .arg(nameOf(encoding)));
}

QByteArrayView withoutPrefix(QByteArrayView secret, const QString &prefix)
{
    const QByteArray bytes = prefix.toUtf8();
    if (!bytes.isEmpty() && secret.startsWith(bytes))
        return secret.sliced(bytes.size());
    return secret;
}
} // namespace

Result<QByteArray> decodeVerificationKey(const SignatureScheme &scheme, QByteArrayView secret,
                                         int slot)
{
    auto key = decode(scheme.keyEncoding, withoutPrefix(secret, scheme.keyPrefix), slot);
    if (key && scheme.family == SignatureFamily::Ed25519 && key->size() != 32) {
        return fail(u"secret.bad_key"_s,
                    KeyText::tr("The key in slot %1 is %2 bytes long; an Ed25519 public key has "
                                "32.")
                            .arg(slot + 1)
                            .arg(key->size()));
    }
    return key;
}

Result<QByteArray> decodeSigningKey(const SignatureScheme &scheme, QByteArrayView secret, int slot)
{
    switch (scheme.family) {
    case SignatureFamily::Ed25519: {
        auto key = decode(scheme.keyEncoding, withoutPrefix(secret, u"whsk_"_s), slot);
        if (key && key->size() == 64)
            key->truncate(32);
        if (key && key->size() != 32) {
            return fail(u"secret.bad_key"_s,
                        KeyText::tr("The signing key in slot %1 is %2 bytes long; an Ed25519 "
                                    "private key (seed) has 32.")
                                .arg(slot + 1)
                                .arg(key->size()));
        }
        return key;
    }
    case SignatureFamily::EcdsaP256:
        return decode(KeyEncoding::Base64, secret, slot);
    default:
        return decodeVerificationKey(scheme, secret, slot);
    }
}

QString whitespaceWarning(QByteArrayView secret, int slot)
{
    if (secret.isEmpty())
        return {};
    const bool leading = isSpace(secret.front());
    const bool trailing = isSpace(secret.back());
    if (!leading && !trailing)
        return {};
    const QString where = leading && trailing ? KeyText::tr("leading and trailing")
                          : leading           ? KeyText::tr("leading")
                                              : KeyText::tr("trailing");
    return KeyText::tr("The secret in slot %1 has %2 white space; it is used exactly as stored, "
                       "which is rarely what the provider uses.")
            .arg(slot + 1)
            .arg(where);
}

} // namespace wb::core
