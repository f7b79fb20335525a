// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "models/timeline/attemptrecordmapping.h"
#include "models/timeline/timelinesource.h"

#include <QCoreApplication>

namespace wb::core {
class Store;
}

namespace wb::models {

// The timeline's attempts from a workspace: the dispatch engine's attempt log (table
// delivery_attempts, read with core::DeliveryRepository::attemptsInRange on one of the Store's
// reader threads), joined with the tenants' and connections' names.
//
// A query reads the attempts that started up to `lookbackMs` (24 h, the longest wait a retry
// policy or a capped Retry-After can set: core/dispatch/retrypolicy.h) before the range, so that
// a wait reaching into the range from an earlier attempt is drawn, then keeps the ones that
// overlap the range and scope (filterTimelineData). At most `maxAttempts` rows are read; more
// fail with "timeline.too_many_attempts" (narrow the range or the scope).
//
// Inbound rates: the inbound events table's requests per connection and second in the range
// (core::InboundEventRepository::countsPerSecond), for the connections the attempts (or a
// connection scope) name.
//
// Live mode: addRecorded() takes each attempt the Dispatcher logs (Dispatcher::attemptRecorded)
// and emits appended() with it at once; the view coalesces.
//
// Thread: GUI thread. `store` (not owned) must outlive the source and every future it returned.
class StoreTimelineSource final : public TimelineSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreTimelineSource)

public:
    static constexpr qint64 lookbackMs = 24 * 3'600'000LL;
    static constexpr int maxAttempts = 1'000'000;

    explicit StoreTimelineSource(core::Store &store, QObject *parent = nullptr);
    ~StoreTimelineSource() override;

    // Errors: the store's (store.*, e.g. a workspace that cannot be read),
    // "timeline.bad_scope" (a tenant, connection or delivery id that is not a number),
    // "timeline.too_many_attempts".
    QFuture<core::Result<TimelineData>> query(const TimelineQuery &query) override;

    // One attempt the dispatcher just logged. Labels come from the last answered query; an
    // attempt of a connection not seen yet carries its id only until the next query.
    void addRecorded(const core::AttemptRecord &record);

private:
    core::Store &m_store;
    // Shared with the reader jobs; each answer replaces it on the GUI thread.
    QHash<qint64, ConnectionLabels> m_labels;
};

} // namespace wb::models
