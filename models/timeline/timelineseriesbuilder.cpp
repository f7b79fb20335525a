// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelineseriesbuilder.h"

#include <QtConcurrent/QtConcurrentRun>

namespace wb::models {

TimelineSeriesBuilder::TimelineSeriesBuilder(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<TimelineSeries>(this))
{
    connect(m_watcher, &QFutureWatcher<TimelineSeries>::finished, this,
            &TimelineSeriesBuilder::onFinished);
}

TimelineSeriesBuilder::~TimelineSeriesBuilder()
{
    cancel();
    // The worker only reads its own copies (data and options are captured by value) and the
    // shared cancel flag, so it may finish after we are gone; wait anyway so no thread outlives
    // the builder's owner in tests and at exit. Cancelled builds stop within a few thousand
    // samples.
    m_watcher->waitForFinished();
}

quint64 TimelineSeriesBuilder::request(const TimelineData &data, const TimelineMapOptions &options)
{
    const quint64 token = ++m_nextToken;
    if (isBusy()) {
        if (m_running.cancel)
            m_running.cancel->store(true, std::memory_order_relaxed);
        m_pending.emplace(data, options);
        m_pendingToken = token;
        return token;
    }
    start(data, options, token);
    return token;
}

void TimelineSeriesBuilder::start(const TimelineData &data, const TimelineMapOptions &options,
                                  quint64 token)
{
    m_running.token = token;
    m_running.cancel = std::make_shared<std::atomic_bool>(false);
    // The worker holds its own reference to the cancel flag: it may outlive this request.
    m_watcher->setFuture(QtConcurrent::run([data, options, flag = m_running.cancel] {
        TimelineMapOptions own = options;
        own.cancel = flag.get();
        return TimelineMapper::map(data, own);
    }));
}

void TimelineSeriesBuilder::cancel()
{
    m_pending.reset();
    if (m_running.cancel)
        m_running.cancel->store(true, std::memory_order_relaxed);
}

bool TimelineSeriesBuilder::isBusy() const
{
    return m_watcher->future().isValid() && !m_watcher->isFinished();
}

void TimelineSeriesBuilder::onFinished()
{
    const bool wasCancelled = m_running.cancel && m_running.cancel->load();
    const quint64 token = m_running.token;
    const TimelineSeries series = m_watcher->future().result();
    m_running = {};
    if (m_pending) {
        auto [data, options] = std::move(*m_pending);
        m_pending.reset();
        start(data, options, m_pendingToken);
        return;
    }
    if (!wasCancelled && !series.cancelled)
        Q_EMIT ready(token, series);
}

} // namespace wb::models
