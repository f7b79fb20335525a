// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/storetimelinesource.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/inbound/events/inboundeventrepository.h"
#include "core/store/connectionrepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"
#include "core/util/futures.h"

#include <QPromise>

#include <memory>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

struct Answer
{
    TimelineData data;
    QHash<qint64, ConnectionLabels> labels;
};

core::Result<QHash<qint64, ConnectionLabels>> readLabels(core::SqlSession &session)
{
    const core::Result<QList<core::Tenant>> tenants = core::TenantRepository::list(session);
    if (!tenants)
        return core::fail(tenants.error());
    const core::Result<QList<core::Connection>> connections
            = core::ConnectionRepository::list(session, std::nullopt);
    if (!connections)
        return core::fail(connections.error());
    QHash<qint64, QString> tenantNames;
    for (const core::Tenant &tenant : *tenants)
        tenantNames.insert(tenant.id, tenant.displayName);
    QHash<qint64, ConnectionLabels> labels;
    for (const core::Connection &connection : *connections) {
        const QString tenant = tenantNames.value(connection.tenantId);
        const QString system = connection.label.isEmpty()
                                       ? connection.providerId
                                       : u"%1 (%2)"_s.arg(connection.providerId, connection.label);
        labels.insert(connection.id, {u"%1 · %2"_s.arg(tenant, system),
                                      QString::number(connection.tenantId), tenant});
    }
    return labels;
}

core::Result<std::optional<qint64>> scopeId(const TimelineScope &scope)
{
    if (scope.kind == TimelineScope::Kind::Global)
        return std::optional<qint64>();
    bool ok = false;
    const qint64 id = scope.id.toLongLong(&ok);
    if (!ok || id <= 0) {
        return core::fail(u"timeline.bad_scope"_s,
                          QCoreApplication::translate("wb::models::TimelineSource",
                                                      "\"%1\" is not a tenant, connection or "
                                                      "delivery id of this workspace")
                                  .arg(scope.id));
    }
    return std::optional<qint64>(id);
}

core::Result<Answer> readAnswer(core::SqlSession &session, const TimelineQuery &query)
{
    const core::Result<std::optional<qint64>> id = scopeId(query.scope);
    if (!id)
        return core::fail(id.error());
    core::Result<QHash<qint64, ConnectionLabels>> labels = readLabels(session);
    if (!labels)
        return core::fail(labels.error());
    core::Result<QList<core::AttemptRecord>> records;
    if (query.scope.kind == TimelineScope::Kind::Delivery) {
        records = core::DeliveryRepository::attempts(session, **id);
    } else {
        const std::optional<qint64> connection = query.scope.kind == TimelineScope::Kind::Connection
                                                         ? *id
                                                         : std::nullopt;
        records = core::DeliveryRepository::attemptsInRange(session, connection,
                                                            query.range.fromMs
                                                                    - StoreTimelineSource::lookbackMs,
                                                            query.range.toMs,
                                                            StoreTimelineSource::maxAttempts + 1);
    }
    if (!records)
        return core::fail(records.error());
    if (records->size() > StoreTimelineSource::maxAttempts) {
        return core::fail(u"timeline.too_many_attempts"_s,
                          QCoreApplication::translate("wb::models::TimelineSource",
                                                      "More than %1 attempts in this range: "
                                                      "choose a shorter range or one tenant or "
                                                      "connection")
                                  .arg(StoreTimelineSource::maxAttempts));
    }
    const std::optional<qint64> inboundConnection
            = query.scope.kind == TimelineScope::Kind::Connection ? *id : std::nullopt;
    const core::Result<QList<core::InboundSecondCount>> inbound
            = core::InboundEventRepository::countsPerSecond(session, inboundConnection,
                                                            query.range.fromMs, query.range.toMs);
    if (!inbound)
        return core::fail(inbound.error());
    TimelineData all;
    all.inbound.reserve(inbound->size());
    for (const core::InboundSecondCount &second : *inbound) {
        all.inbound.append(
                {QString::number(second.connectionId), second.secondStartMs, int(second.count)});
    }
    all.attempts.reserve(records->size());
    for (const core::AttemptRecord &record : std::as_const(*records))
        all.attempts.append(sampleFromRecord(record, *labels));
    // attempts() is in attempt order; the timeline wants start order.
    std::stable_sort(all.attempts.begin(), all.attempts.end(),
                     [](const AttemptSample &a, const AttemptSample &b) {
                         return a.startedMs < b.startedMs;
                     });
    return Answer{filterTimelineData(all, query), std::move(*labels)};
}

} // namespace

StoreTimelineSource::StoreTimelineSource(core::Store &store, QObject *parent)
    : TimelineSource(parent)
    , m_store(store)
{}

StoreTimelineSource::~StoreTimelineSource() = default;

QFuture<core::Result<TimelineData>> StoreTimelineSource::query(const TimelineQuery &query)
{
    QFuture<core::Result<Answer>> answer = m_store.read(
            [query](core::SqlSession &session) { return readAnswer(session, query); });
    // The labels are kept on the GUI thread before the caller gets the data, so that an attempt
    // recorded right after the answer (addRecorded) is labelled. If this source goes first, the
    // promise is dropped unfinished: the future is cancelled.
    auto promise = std::make_shared<QPromise<core::Result<TimelineData>>>();
    promise->start();
    core::whenFinished(answer, this, [this, promise](const core::Result<Answer> &result) {
        if (result) {
            m_labels = result->labels;
            promise->addResult(core::Result<TimelineData>(result->data));
        } else {
            promise->addResult(core::Result<TimelineData>(core::fail(result.error())));
        }
        promise->finish();
    });
    return promise->future();
}

void StoreTimelineSource::addRecorded(const core::AttemptRecord &record)
{
    TimelineData data;
    data.attempts.append(sampleFromRecord(record, m_labels));
    Q_EMIT appended(data);
}

} // namespace wb::models
