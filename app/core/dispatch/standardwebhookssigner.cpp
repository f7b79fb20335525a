// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/standardwebhookssigner.h"

#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace wb::core::standardwebhooks {

Result<QByteArray> decodeSecret(QByteArrayView secret)
{
    QByteArrayView encoded = secret.trimmed();
    if (encoded.startsWith("whsec_"))
        encoded = encoded.sliced(6);
    auto decoded = QByteArray::fromBase64Encoding(encoded.toByteArray(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return fail(u"signing.bad_secret"_s,
                    u"the webhook signing secret is not \"whsec_\" followed by base64"_s);
    return std::move(decoded.decoded);
}

QByteArray sign(const QByteArray &key, QByteArrayView webhookId, qint64 timestampSeconds,
                QByteArrayView body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    const QByteArray timestamp = QByteArray::number(timestampSeconds);
    mac.addData(webhookId.data(), webhookId.size());
    mac.addData(".", 1);
    mac.addData(timestamp);
    mac.addData(".", 1);
    mac.addData(body.data(), body.size());
    return "v1," + mac.result().toBase64();
}

} // namespace wb::core::standardwebhooks
