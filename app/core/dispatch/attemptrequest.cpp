// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/attemptrequest.h"

#include "core/dispatch/replyoutcome.h"
#include "core/dispatch/standardwebhookssigner.h"

namespace wb::core {

QNetworkRequest buildAttemptRequest(const Delivery &delivery, const AttemptCredentials &credentials,
                                    qint64 nowMs)
{
    QNetworkRequest request(delivery.url);
    prepareDeliveryRequest(request);
    for (const auto &[name, value] : delivery.headers.fields())
        request.setRawHeader(name, value);
    if (!delivery.headers.contains("Content-Type"))
        request.setRawHeader("Content-Type", "application/octet-stream");
    const QByteArray key = delivery.idempotencyKey.toLatin1();
    request.setRawHeader("Idempotency-Key", key);
    if (delivery.signing == DeliverySigning::StandardWebhooks) {
        const qint64 timestamp = nowMs / 1000;
        request.setRawHeader("webhook-id", key);
        request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
        request.setRawHeader("webhook-signature", standardwebhooks::sign(credentials.signingKey, key,
                                                                         timestamp, delivery.body));
    }
    if (!credentials.authorization.isEmpty())
        request.setRawHeader("Authorization", credentials.authorization);
    return request;
}

} // namespace wb::core
