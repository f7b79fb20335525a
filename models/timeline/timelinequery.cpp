// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelinequery.h"

#include <QSet>

#include <algorithm>

namespace wb::models {

namespace {
// Restores the order of `list` after items were appended from index `tail` on.
template<typename T, typename Less>
void mergeTail(QList<T> &list, qsizetype tail, Less less)
{
    const auto middle = list.begin() + tail;
    if (std::is_sorted(middle == list.begin() ? middle : middle - 1, list.end(), less))
        return;
    std::stable_sort(middle, list.end(), less);
    std::inplace_merge(list.begin(), middle, list.end(), less);
}
} // namespace

TimelineScope TimelineScope::tenant(QString id, QString label)
{
    return {Kind::Tenant, std::move(id), std::move(label)};
}

TimelineScope TimelineScope::connection(QString id, QString label)
{
    return {Kind::Connection, std::move(id), std::move(label)};
}

TimelineScope TimelineScope::delivery(QString id, QString label)
{
    return {Kind::Delivery, std::move(id), std::move(label)};
}

bool TimelineScope::contains(const AttemptSample &sample) const
{
    switch (kind) {
    case Kind::Global:
        return true;
    case Kind::Tenant:
        return sample.tenantId == id;
    case Kind::Connection:
        return sample.connectionId == id;
    case Kind::Delivery:
        return sample.deliveryId == id;
    }
    return false;
}

TimelineData filterTimelineData(const TimelineData &data, const TimelineQuery &query)
{
    TimelineData result;
    QSet<QString> connections;
    if (query.scope.kind == TimelineScope::Kind::Connection)
        connections.insert(query.scope.id);
    for (const AttemptSample &sample : data.attempts) {
        if (!query.scope.contains(sample))
            continue;
        const qint64 end = std::max(sample.finishedMs, sample.finishedMs + sample.waitMs);
        if (!query.range.overlaps(sample.startedMs, end))
            continue;
        result.attempts.append(sample);
        connections.insert(sample.connectionId);
    }
    const bool everyConnection = query.scope.kind == TimelineScope::Kind::Global;
    for (const InboundRateSample &rate : data.inbound) {
        if (!query.range.contains(rate.secondStartMs))
            continue;
        if (everyConnection || connections.contains(rate.connectionId))
            result.inbound.append(rate);
    }
    return result;
}

void appendTimelineData(TimelineData &data, const TimelineData &more)
{
    const auto byStart = [](const AttemptSample &a, const AttemptSample &b) {
        return a.startedMs < b.startedMs;
    };
    const auto bySecond = [](const InboundRateSample &a, const InboundRateSample &b) {
        return a.secondStartMs < b.secondStartMs;
    };
    const qsizetype attempts = data.attempts.size();
    data.attempts.append(more.attempts);
    mergeTail(data.attempts, attempts, byStart);
    const qsizetype inbound = data.inbound.size();
    data.inbound.append(more.inbound);
    mergeTail(data.inbound, inbound, bySecond);
}

} // namespace wb::models
