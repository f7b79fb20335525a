// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/timelinemapper.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace wb::models {

// Runs TimelineMapper::map on a QtConcurrent worker so the GUI thread only draws. One build at a
// time: a new request cancels the running one (through the mapper's cancel flag) and only the
// newest result is delivered. Destroying the builder cancels its build; a result for a destroyed
// builder is dropped.
//
// Thread: create and use on the GUI thread; `ready` is emitted there.
class TimelineSeriesBuilder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineSeriesBuilder)

public:
    explicit TimelineSeriesBuilder(QObject *parent = nullptr);
    ~TimelineSeriesBuilder() override;

    // Starts a build of `data` (shared, not copied: QList is implicitly shared) with `options`
    // (its cancel flag is replaced by the builder's own). Returns the request's token.
    quint64 request(const TimelineData &data, const TimelineMapOptions &options);
    // Cancels the running build, if any; no `ready` follows for it.
    void cancel();
    bool isBusy() const;

Q_SIGNALS:
    // The newest request's series; `token` is what request() returned.
    void ready(quint64 token, const wb::models::TimelineSeries &series);

private:
    void start(const TimelineData &data, const TimelineMapOptions &options, quint64 token);
    void onFinished();

    struct Build
    {
        quint64 token = 0;
        std::shared_ptr<std::atomic_bool> cancel;
    };

    QFutureWatcher<TimelineSeries> *m_watcher = nullptr;
    Build m_running;
    quint64 m_nextToken = 0;
    // A request that arrived while a cancelled build was still winding down.
    std::optional<std::pair<TimelineData, TimelineMapOptions>> m_pending;
    quint64 m_pendingToken = 0;
};

} // namespace wb::models

Q_DECLARE_METATYPE(wb::models::TimelineSeries)
