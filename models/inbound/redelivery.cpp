// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inbound/redelivery.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/inbound/forwarding/forwardrequest.h"
#include "core/inbound/forwarding/inboundforwarding.h"
#include "core/store/store.h"

#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace wb::models {

core::Result<RedeliveryPlan> planRedelivery(const core::RawRequest &request, const QUrl &url)
{
    // The engine sets Idempotency-Key on every attempt (its own key).
    static const QList<QByteArray> dispatcherOwn = {"idempotency-key"};
    RedeliveryPlan plan;
    plan.delivery.url = url;
    plan.delivery.method = request.method;
    plan.delivery.body = request.body;
    const QList<core::ReceivedHeader> forwarded = core::forwardedHeaders(request.headers);
    qsizetype next = 0; // forwardedHeaders keeps the order: walk both lists together
    for (const core::ReceivedHeader &header : request.headers) {
        const bool kept = next < forwarded.size() && forwarded.at(next) == header;
        if (kept)
            ++next;
        if (!kept || dispatcherOwn.contains(header.name.toLower())) {
            plan.leftOut.append(QString::fromLatin1(header.name));
            continue;
        }
        plan.delivery.headers.append(header.name, header.value);
    }
    if (core::Result<void> valid = core::DeliveryRepository::validate(plan.delivery); !valid)
        return core::fail(valid.error());
    return plan;
}

QFuture<core::Result<core::Delivery>> enqueueRedelivery(core::Store &store,
                                                        const RedeliveryPlan &plan)
{
    const core::NewDelivery delivery = plan.delivery;
    const QString key = u"redeliver-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return store.write([delivery, key](core::SqlSession &session) {
        return core::DeliveryRepository::add(session, delivery, key);
    });
}

QFuture<core::Result<core::InboundEvent>> requestForwardRedelivery(core::Store &store,
                                                                   qint64 eventId)
{
    return store.write([eventId](core::SqlSession &session) {
        return core::InboundForwardingRepository::requestRedelivery(session, eventId);
    });
}

} // namespace wb::models
