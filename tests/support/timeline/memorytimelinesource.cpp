// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/timeline/memorytimelinesource.h"

#include <QtConcurrent/QtConcurrentRun>

namespace wb::test {

MemoryTimelineSource::MemoryTimelineSource(models::TimelineData data, QObject *parent)
    : models::TimelineSource(parent)
    , m_data(std::move(data))
{}

QFuture<core::Result<models::TimelineData>> MemoryTimelineSource::query(
        const models::TimelineQuery &query)
{
    ++m_queries;
    m_lastQuery = query;
    if (!m_failure.code.isEmpty()) {
        return QtConcurrent::run([error = m_failure]() -> core::Result<models::TimelineData> {
            return core::fail(error);
        });
    }
    return QtConcurrent::run([data = m_data, query]() -> core::Result<models::TimelineData> {
        return models::filterTimelineData(data, query);
    });
}

void MemoryTimelineSource::append(const models::TimelineData &data)
{
    models::appendTimelineData(m_data, data);
    Q_EMIT appended(data);
}

} // namespace wb::test
