// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "core/inbound/events/inboundeventrepository.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace wb::core {
class Dispatcher;
class Store;
} // namespace wb::core

namespace wb::models {

// Where a bulk re-delivery sends each event.
struct BulkRedeliveryTarget
{
    enum class Kind {
        ForwardTarget, // each event to its connection's forward target (as forwarding does)
        Url,           // every event to `url`, byte-exact (planRedelivery)
    };
    Kind kind = Kind::ForwardTarget;
    QUrl url; // Kind::Url only
};

// Which events: a selection (their ids) or the results of a filter.
struct BulkRedeliverySelection
{
    QList<qint64> eventIds;          // used when not empty (a selection in the table)
    core::InboundEventFilter filter; // else every event this filter matches (its paging ignored)
};

// One destination of a dry run and how many events go there.
struct BulkRedeliveryDestination
{
    QUrl url;
    QString label; // "Acme Corp · github" for a forward target, else the URL
    int count = 0;
    // A forward target's connection with a concurrency limit of its own: at most this many of its
    // events are sent at once. 0: only the job's window and the engine's host limit.
    int concurrencyLimit = 0;

    bool operator==(const BulkRedeliveryDestination &other) const = default;
};

// The dry run's answer: what would be sent where, and what not and why. Nothing is sent or
// changed to compute it.
struct BulkRedeliveryPlan
{
    BulkRedeliveryTarget target;
    QList<qint64> eventIds;                        // the events that will be sent, oldest first
    QList<BulkRedeliveryDestination> destinations; // most events first, then by label
    // Events left out, by reason ("handshake", "failed_verification", "no_connection",
    // "no_forward_target", "forwarding_in_progress", "method_not_deliverable", "not_found") with
    // their counts; skipReasonText() says each in words.
    QHash<QString, int> skipped;
    // Forward targets: each event's connection, and the concurrency limit of the connections that
    // set one (ConnectionSettings::rateLimits.concurrencyLimit). Forwarded deliveries are ad hoc
    // (forwardingsink.h), so the engine does not apply connection limits to them; the job does.
    QHash<qint64, qint64> connectionOfEvent;
    QHash<qint64, int> concurrencyLimits;
    int skippedCount() const;
};

// Progress of a BulkRedeliveryJob; every count is of events.
struct BulkRedeliveryProgress
{
    int total = 0;     // the plan's events
    int queued = 0;    // handed to the dispatch engine (each became a delivery)
    int succeeded = 0; // their deliveries succeeded
    int failed = 0;    // their deliveries failed or were dead-lettered
    int cancelled = 0; // their deliveries were withdrawn by cancel() before an attempt
    int refused = 0;   // could not be queued (the event changed since the dry run; see lastError)
    QString lastError; // the last refusal's message

    int finished() const { return succeeded + failed + cancelled + refused; }
    int inFlight() const { return queued - succeeded - failed - cancelled; }
    bool operator==(const BulkRedeliveryProgress &other) const = default;
};

class BulkRedelivery final
{
    Q_DECLARE_TR_FUNCTIONS(wb::models::BulkRedelivery)

public:
    // A dry run of the most events one bulk re-delivery takes.
    static constexpr int maxEvents = 100'000;

    // The dry run, on one of the store's reader threads: which of the selected events can be
    // re-delivered to `target`, to which destinations. For a forward target, an event is left out
    // when it is a handshake, failed verification, has no tenant or connection resolved, its
    // connection has no forward target, or it is already being forwarded (the rules of
    // core::InboundForwardingRepository::requestRedelivery); for a URL, when its method is not
    // one the dispatch engine sends (POST, PUT, PATCH, DELETE). Errors:
    // "dispatch.invalid_delivery" (a target URL that is not absolute http(s)),
    // "redelivery.too_many_events" (more than maxEvents: narrow the filter), the store's.
    static QFuture<core::Result<BulkRedeliveryPlan>> plan(core::Store &store,
                                                          const BulkRedeliverySelection &selection,
                                                          const BulkRedeliveryTarget &target);
    // The words for a skip reason of BulkRedeliveryPlan::skipped.
    static QString skipReasonText(const QString &reason);
};

// Sends a dry run's events through the dispatch engine, a window of at most `window` events at a
// time: an event is handed over (a delivery is created) only while fewer than `window` of the
// job's deliveries are unfinished, so the job never floods the queue and pause/cancel take effect
// at once. Of a forward-target connection that sets a concurrency limit, at most that many events
// are unfinished at a time; the connections take turns, so one busy connection does not hold up
// the others. The engine adds its own limits for ad-hoc deliveries (per host and overall;
// core::Dispatcher).
//
// A forward-target event goes back to 'pending' and is handed over to the engine in one write
// transaction (core::InboundForwardingRepository::requestRedelivery, then handOverPending with
// core::forwardingDeliverySink(), as `wirebench-cli events replay` does), so its forwarding
// state follows its delivery. A URL re-delivery is the event's bytes (planRedelivery) queued as
// an ad-hoc delivery with idempotency key "bulk-<event id>-<job start ms>".
//
// pause() stops handing over (the deliveries already queued go on); resume() goes on; cancel()
// stops handing over and withdraws the job's deliveries not yet attempted (Dispatcher::cancel),
// then finishes when the ones being attempted end. finished() comes once, when every event was
// handed over and its delivery ended, or after cancel().
//
// Thread: the GUI (Store owner's) thread. `store` and `dispatcher` (not owned) must outlive the
// job; the job stops handing over when the dispatcher is destroyed.
class BulkRedeliveryJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkRedeliveryJob)

public:
    enum class State { Ready, Running, Paused, Cancelling, Finished };
    Q_ENUM(State)
    static constexpr int defaultWindow = 16;

    BulkRedeliveryJob(core::Store &store, core::Dispatcher &dispatcher, BulkRedeliveryPlan plan,
                      int window = defaultWindow, QObject *parent = nullptr);
    ~BulkRedeliveryJob() override;

    // Ready → Running. Ignored in another state.
    void start();
    void pause();
    void resume();
    void cancel();

    State state() const { return m_state; }
    const BulkRedeliveryProgress &progress() const { return m_progress; }
    const BulkRedeliveryPlan &plan() const { return m_plan; }
    // The deliveries the job created so far (event id → delivery id).
    const QHash<qint64, qint64> &deliveries() const { return m_deliveryOfEvent; }

Q_SIGNALS:
    void progressChanged(const wb::models::BulkRedeliveryProgress &progress);
    void stateChanged(wb::models::BulkRedeliveryJob::State state);
    void finished(const wb::models::BulkRedeliveryProgress &progress);

private:
    void setState(State state);
    void pump();
    void handOver(qint64 eventId, qsizetype lane);
    void onQueued(qint64 eventId, qsizetype lane, const core::Result<qint64> &deliveryId);
    // The delivery, if it is one of the job's unfinished ones, is final: forgets it and frees its
    // lane's slot. False when it is not the job's (or already counted).
    bool settle(qint64 deliveryId);
    bool allHandedOver() const { return m_handedOver == m_plan.eventIds.size(); }
    void onDeliveryFinished(qint64 deliveryId, core::DeliveryState state);
    void countFinal(core::DeliveryState state);
    void finishIfDone();
    void changed();

    core::Store &m_store;
    QPointer<core::Dispatcher> m_dispatcher;
    BulkRedeliveryPlan m_plan;
    int m_window;
    State m_state = State::Ready;
    BulkRedeliveryProgress m_progress;
    // One lane per connection (connection 0: events without one), in the order of their first
    // event; pump() takes one event per lane in turn.
    struct Lane
    {
        QList<qint64> events; // the lane's events in the plan's order
        qsizetype next = 0;   // the first not handed over yet
        int busy = 0;         // handed over, not final yet
        int limit = 0;        // the connection's concurrency limit; 0: none
    };
    QList<Lane> m_lanes;
    qsizetype m_handedOver = 0;
    int m_handingOver = 0;                 // write jobs not answered yet
    QHash<qint64, qsizetype> m_unfinished; // the job's deliveries not yet final → their lane
    QHash<qint64, qint64> m_deliveryOfEvent;
    // Final states reported before the hand-over's answer named the delivery.
    QHash<qint64, core::DeliveryState> m_earlyFinals;
    qint64 m_startedAtMs = 0;
};

} // namespace wb::models

Q_DECLARE_METATYPE(wb::models::BulkRedeliveryProgress)
