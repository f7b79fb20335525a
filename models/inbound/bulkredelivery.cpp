// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inbound/bulkredelivery.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/dispatch/dispatcher.h"
#include "core/inbound/forwarding/inboundforwarding.h"
#include "core/runtime/forwardingsink.h"
#include "core/store/connectionrepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"
#include "core/util/futures.h"
#include "models/inbound/redelivery.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

constexpr int planPageSize = 1'000;

// Not inside tooMany(): lupdate takes a function's qualified return type (core::Error) for the
// scope of the tr() call in its body and files the text under a context nobody looks up.
QString tooManyText()
{
    return BulkRedelivery::tr("More than %1 events are selected: narrow the filter.")
            .arg(BulkRedelivery::maxEvents);
}

core::Error tooMany()
{
    return {u"redelivery.too_many_events"_s, tooManyText()};
}

// The events of the selection without their bodies, oldest first; `skipped` counts ids not found.
core::Result<QList<core::InboundEvent>> selectedEvents(core::SqlSession &session,
                                                       const BulkRedeliverySelection &selection,
                                                       QHash<QString, int> &skipped)
{
    QList<core::InboundEvent> events;
    if (!selection.eventIds.isEmpty()) {
        if (selection.eventIds.size() > BulkRedelivery::maxEvents)
            return core::fail(tooMany());
        for (const qint64 id : selection.eventIds) {
            core::Result<core::InboundEvent> event = core::InboundEventRepository::get(session, id);
            if (!event) {
                if (event.error().code != u"store.unknown_inbound_event"_s)
                    return core::fail(event.error());
                ++skipped[u"not_found"_s];
                continue;
            }
            event->request.body.clear();
            events.append(std::move(*event));
        }
        std::sort(events.begin(), events.end(), [](const auto &a, const auto &b) {
            return std::pair(a.receivedAtMs, a.id) < std::pair(b.receivedAtMs, b.id);
        });
        return events;
    }
    core::InboundEventFilter filter = selection.filter;
    filter.sort = core::InboundEventSort::ReceivedAt;
    filter.ascending = true;
    filter.after.reset();
    filter.withBodies = false;
    filter.limit = planPageSize;
    for (;;) {
        core::Result<QList<core::InboundEvent>> page = core::InboundEventRepository::list(session,
                                                                                          filter);
        if (!page)
            return core::fail(page.error());
        events += *page;
        if (events.size() > BulkRedelivery::maxEvents)
            return core::fail(tooMany());
        if (page->size() < filter.limit)
            return events;
        filter.after = core::InboundEventCursor::after(page->constLast(), filter.sort);
    }
}

// Why `event` cannot go to its forward target ("" when it can); the rules of
// InboundForwardingRepository::requestRedelivery.
QString forwardSkipReason(const core::InboundEvent &event,
                          const QHash<qint64, core::Connection> &connections)
{
    if (event.handshake)
        return u"handshake"_s;
    if (event.verdict == core::InboundVerdict::Failed)
        return u"failed_verification"_s;
    if (!event.tenantId || !event.connectionId || !connections.contains(*event.connectionId))
        return u"no_connection"_s;
    if (connections.value(*event.connectionId).settings.forwardTargetUrl.isEmpty())
        return u"no_forward_target"_s;
    if (event.forwardingState == core::ForwardingState::Pending
        || event.forwardingState == core::ForwardingState::Queued)
        return u"forwarding_in_progress"_s;
    return {};
}

bool deliverableMethod(const QByteArray &method)
{
    static const QList<QByteArray> methods{"POST"_ba, "PUT"_ba, "PATCH"_ba, "DELETE"_ba};
    return methods.contains(method);
}

} // namespace

int BulkRedeliveryPlan::skippedCount() const
{
    int count = 0;
    for (const int n : skipped)
        count += n;
    return count;
}

QFuture<core::Result<BulkRedeliveryPlan>> BulkRedelivery::plan(
        core::Store &store, const BulkRedeliverySelection &selection,
        const BulkRedeliveryTarget &target)
{
    if (target.kind == BulkRedeliveryTarget::Kind::Url) {
        core::NewDelivery probe;
        probe.url = target.url;
        if (core::Result<void> valid = core::DeliveryRepository::validate(probe); !valid)
            return QtFuture::makeReadyFuture(
                    core::Result<BulkRedeliveryPlan>(core::fail(valid.error())));
    }
    return store.read([selection,
                       target](core::SqlSession &session) -> core::Result<BulkRedeliveryPlan> {
        BulkRedeliveryPlan plan;
        plan.target = target;
        core::Result<QList<core::InboundEvent>> events = selectedEvents(session, selection,
                                                                        plan.skipped);
        if (!events)
            return core::fail(events.error());
        const auto tenants = core::TenantRepository::list(session);
        if (!tenants)
            return core::fail(tenants.error());
        const auto connections = core::ConnectionRepository::list(session, std::nullopt);
        if (!connections)
            return core::fail(connections.error());
        QHash<qint64, QString> tenantNames;
        for (const core::Tenant &tenant : *tenants)
            tenantNames.insert(tenant.id, tenant.displayName);
        QHash<qint64, core::Connection> byId;
        for (const core::Connection &connection : *connections)
            byId.insert(connection.id, connection);

        QHash<QString, BulkRedeliveryDestination> destinations; // by label and URL
        for (const core::InboundEvent &event : *events) {
            BulkRedeliveryDestination destination;
            if (target.kind == BulkRedeliveryTarget::Kind::Url) {
                if (!deliverableMethod(event.request.method)) {
                    ++plan.skipped[u"method_not_deliverable"_s];
                    continue;
                }
                destination.url = target.url;
                destination.label = target.url.toDisplayString();
            } else {
                if (const QString reason = forwardSkipReason(event, byId); !reason.isEmpty()) {
                    ++plan.skipped[reason];
                    continue;
                }
                const core::Connection &connection = byId.value(*event.connectionId);
                destination.url = connection.settings.forwardTargetUrl;
                const QString system = connection.label.isEmpty()
                                               ? connection.providerId
                                               : u"%1 (%2)"_s.arg(connection.providerId,
                                                                  connection.label);
                destination.label = u"%1 · %2"_s.arg(tenantNames.value(connection.tenantId), system);
                plan.connectionOfEvent.insert(event.id, connection.id);
                if (const auto limit = connection.settings.rateLimits.concurrencyLimit) {
                    destination.concurrencyLimit = *limit;
                    plan.concurrencyLimits.insert(connection.id, *limit);
                }
            }
            const QString key = destination.label + u'\n' + destination.url.toString();
            auto it = destinations.find(key);
            if (it == destinations.end())
                it = destinations.insert(key, destination);
            ++it->count;
            plan.eventIds.append(event.id);
        }
        plan.destinations = destinations.values();
        std::sort(plan.destinations.begin(), plan.destinations.end(),
                  [](const auto &a, const auto &b) {
                      return a.count != b.count ? a.count > b.count : a.label < b.label;
                  });
        return plan;
    });
}

QString BulkRedelivery::skipReasonText(const QString &reason)
{
    if (reason == u"handshake")
        return tr("handshakes are not forwarded");
    if (reason == u"failed_verification")
        return tr("failed verification");
    if (reason == u"no_connection")
        return tr("no tenant or connection resolved");
    if (reason == u"no_forward_target")
        return tr("the connection has no forward target");
    if (reason == u"forwarding_in_progress")
        return tr("already being forwarded");
    if (reason == u"method_not_deliverable")
        return tr("the method is not POST, PUT, PATCH or DELETE");
    if (reason == u"not_found")
        return tr("no longer in the workspace");
    return reason;
}

BulkRedeliveryJob::BulkRedeliveryJob(core::Store &store, core::Dispatcher &dispatcher,
                                     BulkRedeliveryPlan plan, int window, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_dispatcher(&dispatcher)
    , m_plan(std::move(plan))
    , m_window(qMax(1, window))
{
    m_progress.total = int(m_plan.eventIds.size());
    QHash<qint64, qsizetype> laneOf; // connection id → lane
    for (const qint64 eventId : std::as_const(m_plan.eventIds)) {
        const qint64 connectionId = m_plan.connectionOfEvent.value(eventId);
        auto lane = laneOf.find(connectionId);
        if (lane == laneOf.end()) {
            lane = laneOf.insert(connectionId, m_lanes.size());
            m_lanes.append(Lane{{}, 0, 0, m_plan.concurrencyLimits.value(connectionId)});
        }
        m_lanes[*lane].events.append(eventId);
    }
    connect(&dispatcher, &core::Dispatcher::deliveryFinished, this,
            [this](qint64 deliveryId, core::DeliveryState state) {
                onDeliveryFinished(deliveryId, state);
            });
}

BulkRedeliveryJob::~BulkRedeliveryJob() = default;

void BulkRedeliveryJob::start()
{
    if (m_state != State::Ready)
        return;
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    setState(State::Running);
    pump();
    finishIfDone();
}

void BulkRedeliveryJob::pause()
{
    if (m_state == State::Running)
        setState(State::Paused);
}

void BulkRedeliveryJob::resume()
{
    if (m_state != State::Paused)
        return;
    setState(State::Running);
    pump();
    finishIfDone();
}

void BulkRedeliveryJob::cancel()
{
    if (m_state == State::Finished || m_state == State::Cancelling)
        return;
    setState(State::Cancelling);
    const QList<qint64> unfinished = m_unfinished.keys();
    for (const qint64 deliveryId : unfinished) {
        if (!m_dispatcher)
            break;
        core::whenFinished(m_dispatcher->cancel(deliveryId), this,
                           [this, deliveryId](const core::Result<bool> &cancelled) {
                               // False: being attempted; its deliveryFinished follows.
                               if (cancelled && *cancelled && settle(deliveryId)) {
                                   countFinal(core::DeliveryState::Cancelled);
                                   changed();
                                   finishIfDone();
                               }
                           });
    }
    finishIfDone();
}

void BulkRedeliveryJob::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void BulkRedeliveryJob::pump()
{
    // Round robin over the connections, one event each per pass, skipping a connection at its
    // concurrency limit, until the window is full or nothing more may go now.
    const auto windowFull = [this] {
        return m_unfinished.size() + m_handingOver >= m_window;
    };
    bool handed = true;
    while (handed && m_state == State::Running && m_dispatcher && !allHandedOver()
           && !windowFull()) {
        handed = false;
        for (qsizetype index = 0; index < m_lanes.size(); ++index) {
            if (m_state != State::Running || !m_dispatcher || windowFull())
                break;
            Lane &lane = m_lanes[index];
            if (lane.next >= lane.events.size() || (lane.limit > 0 && lane.busy >= lane.limit))
                continue;
            handOver(lane.events.at(lane.next++), index);
            handed = true;
        }
    }
}

bool BulkRedeliveryJob::settle(qint64 deliveryId)
{
    const auto it = m_unfinished.constFind(deliveryId);
    if (it == m_unfinished.cend())
        return false;
    --m_lanes[*it].busy;
    m_unfinished.erase(it);
    return true;
}

void BulkRedeliveryJob::handOver(qint64 eventId, qsizetype lane)
{
    ++m_handingOver;
    ++m_handedOver;
    ++m_lanes[lane].busy;
    QFuture<core::Result<qint64>> future;
    if (m_plan.target.kind == BulkRedeliveryTarget::Kind::ForwardTarget) {
        future = m_store.write([eventId](core::SqlSession &session) -> core::Result<qint64> {
            if (auto pending = core::InboundForwardingRepository::requestRedelivery(session,
                                                                                    eventId);
                !pending) {
                return core::fail(pending.error());
            }
            const auto handed = core::InboundForwardingRepository::handOverPending(
                    session, 1, core::forwardingDeliverySink(), eventId);
            if (!handed)
                return core::fail(handed.error());
            const auto event = core::InboundEventRepository::get(session, eventId);
            if (!event)
                return core::fail(event.error());
            if (*handed == 0 || !event->deliveryId) // refused: the note says why
                return core::fail(core::Error{u"inbound.not_forwardable"_s, event->forwardingNote});
            return *event->deliveryId;
        });
    } else {
        const QUrl url = m_plan.target.url;
        const QString key = u"bulk-%1-%2"_s.arg(eventId).arg(m_startedAtMs);
        future = m_store.write(
                [eventId, url, key](core::SqlSession &session) -> core::Result<qint64> {
                    const auto event = core::InboundEventRepository::get(session, eventId);
                    if (!event)
                        return core::fail(event.error());
                    const auto planned = planRedelivery(event->request, url);
                    if (!planned)
                        return core::fail(planned.error());
                    core::NewDelivery delivery = planned->delivery;
                    delivery.idempotencyKey = key;
                    const auto added = core::DeliveryRepository::add(session, delivery, key);
                    if (!added)
                        return core::fail(added.error());
                    return added->id;
                });
    }
    core::whenFinished(future, this, [this, eventId, lane](const core::Result<qint64> &deliveryId) {
        onQueued(eventId, lane, deliveryId);
    });
}

void BulkRedeliveryJob::onQueued(qint64 eventId, qsizetype lane,
                                 const core::Result<qint64> &deliveryId)
{
    --m_handingOver;
    if (!deliveryId) {
        ++m_progress.refused;
        m_progress.lastError = deliveryId.error().message;
        --m_lanes[lane].busy;
    } else {
        ++m_progress.queued;
        m_deliveryOfEvent.insert(eventId, *deliveryId);
        if (const auto early = m_earlyFinals.find(*deliveryId); early != m_earlyFinals.end()) {
            countFinal(*early);
            m_earlyFinals.erase(early);
            --m_lanes[lane].busy;
        } else {
            m_unfinished.insert(*deliveryId, lane);
            if (m_state == State::Cancelling && m_dispatcher) {
                const qint64 id = *deliveryId;
                core::whenFinished(m_dispatcher->cancel(id), this,
                                   [this, id](const core::Result<bool> &cancelled) {
                                       if (cancelled && *cancelled && settle(id)) {
                                           countFinal(core::DeliveryState::Cancelled);
                                           changed();
                                           finishIfDone();
                                       }
                                   });
            } else if (m_dispatcher) {
                m_dispatcher->wake();
            }
        }
    }
    if (m_handingOver == 0)
        m_earlyFinals.clear();
    changed();
    pump();
    finishIfDone();
}

void BulkRedeliveryJob::onDeliveryFinished(qint64 deliveryId, core::DeliveryState state)
{
    if (settle(deliveryId)) {
        countFinal(state);
        changed();
        pump();
        finishIfDone();
    } else if (m_handingOver > 0) {
        // Maybe one of ours whose hand-over answer is still on its way.
        m_earlyFinals.insert(deliveryId, state);
    }
}

void BulkRedeliveryJob::countFinal(core::DeliveryState state)
{
    switch (state) {
    case core::DeliveryState::Succeeded:
        ++m_progress.succeeded;
        break;
    case core::DeliveryState::Cancelled:
        ++m_progress.cancelled;
        break;
    default:
        ++m_progress.failed;
        break;
    }
}

void BulkRedeliveryJob::finishIfDone()
{
    if (m_state == State::Finished || m_state == State::Ready || m_handingOver > 0
        || !m_unfinished.isEmpty())
        return;
    if (m_state != State::Cancelling && !allHandedOver())
        return;
    setState(State::Finished);
    Q_EMIT finished(m_progress);
}

void BulkRedeliveryJob::changed()
{
    Q_EMIT progressChanged(m_progress);
}

} // namespace wb::models
