// SPDX-License-Identifier: GPL-3.0-or-later
#include "forwardingsink.h"

#include "core/dispatch/deliveryrepository.h"

#include <QCoreApplication>

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

std::function<Result<void>(SqlSession &, qint64, DeliveryState, const QString &)>
forwardingOutcomeRecorder()
{
    return [](SqlSession &session, qint64 deliveryId, DeliveryState state,
              const QString &reason) -> Result<void> {
        const bool succeeded = state == DeliveryState::Succeeded;
        const QString note = succeeded ? QCoreApplication::translate("wb::core::InboundForwarding",
                                                                     "Forwarded (delivery %1).")
                                                 .arg(deliveryId)
                                       : QCoreApplication::translate("wb::core::InboundForwarding",
                                                                     "Forwarding failed (delivery "
                                                                     "%1): %2")
                                                 .arg(deliveryId)
                                                 .arg(reason);
        Result<bool> recorded = InboundForwardingRepository::recordOutcome(session, deliveryId,
                                                                           succeeded, note);
        if (!recorded)
            return fail(recorded.error());
        return {};
    };
}

} // namespace wb::core
