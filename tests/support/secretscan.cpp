// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/secretscan.h"

#include <QFile>

namespace wb::test {

QList<QByteArray> secretEncodings(const QByteArray &secret)
{
    const QString text = QString::fromUtf8(secret);
    return {secret,
            secret.toBase64(),
            secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
            secret.toHex(),
            secret.toHex().toUpper(),
            QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2)};
}

std::optional<FoundSecret> findSecret(const QByteArray &bytes, const QList<QByteArray> &secrets)
{
    for (const QByteArray &secret : secrets) {
        for (const QByteArray &form : secretEncodings(secret)) {
            if (bytes.contains(form))
                return FoundSecret{secret, form};
        }
    }
    return std::nullopt;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace wb::test
