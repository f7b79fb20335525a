// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/timelinesource.h"

namespace wb::test {

// A TimelineSource over data held in memory (a generated scenario): answers queries on a
// QtConcurrent worker with filterTimelineData, and append() plays the part of new attempts
// arriving in live mode. For tests, the benchmark and screenshots only.
class MemoryTimelineSource final : public models::TimelineSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryTimelineSource)

public:
    explicit MemoryTimelineSource(models::TimelineData data = {}, QObject *parent = nullptr);

    QFuture<core::Result<models::TimelineData>> query(const models::TimelineQuery &query) override;
    // Adds `data` (sorted) to the store and emits appended(data).
    void append(const models::TimelineData &data);
    // Makes every following query fail with this error (empty code: succeed again).
    void setFailure(const core::Error &error) { m_failure = error; }

    int queryCount() const { return m_queries; }
    models::TimelineQuery lastQuery() const { return m_lastQuery; }

private:
    models::TimelineData m_data;
    core::Error m_failure;
    int m_queries = 0;
    models::TimelineQuery m_lastQuery;
};

} // namespace wb::test
