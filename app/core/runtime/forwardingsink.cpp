// SPDX-License-Identifier: GPL-3.0-or-later
#include "forwardingsink.h"

#include "core/dispatch/deliveryrepository.h"

namespace wb::core {

NewDelivery forwardedDelivery(const ForwardRequest &request)
{
    NewDelivery delivery;
    delivery.url = request.targetUrl;
    delivery.method = request.method;
    for (const ReceivedHeader &field : request.headers) {
        if (field.name.compare("Idempotency-Key", Qt::CaseInsensitive) != 0)
            delivery.headers.append(field.name, field.value);
    }
    delivery.body = request.body;
    delivery.idempotencyKey = request.idempotencyKey;
    return delivery;
}

DeliverySink forwardingDeliverySink()
{
    return [](SqlSession &session, const ForwardRequest &request) -> Result<qint64> {
        Result<Delivery> added = DeliveryRepository::add(session, forwardedDelivery(request),
                                                         QString());
        if (!added)
            return fail(added.error());
        return added->id;
    };
}

} // namespace wb::core
