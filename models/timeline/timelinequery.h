// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/attemptsample.h"

#include <QList>
#include <QString>

namespace wb::models {

// What the timeline shows: everything, one tenant, one connection or one delivery.
struct TimelineScope
{
    enum class Kind { Global, Tenant, Connection, Delivery };

    Kind kind = Kind::Global;
    QString id;    // the tenant, connection or delivery id; empty for Global
    QString label; // for people (the scope selector), e.g. "Acme Corp · Jira"

    static TimelineScope global() { return {}; }
    static TimelineScope tenant(QString id, QString label = {});
    static TimelineScope connection(QString id, QString label = {});
    static TimelineScope delivery(QString id, QString label = {});

    bool operator==(const TimelineScope &other) const
    {
        return kind == other.kind && id == other.id;
    }
    // Whether `sample` belongs to this scope.
    bool contains(const AttemptSample &sample) const;
};

// A half-open interval of UTC milliseconds since the epoch: [fromMs, toMs).
struct TimelineRange
{
    qint64 fromMs = 0;
    qint64 toMs = 0;

    qint64 durationMs() const { return toMs - fromMs; }
    bool isValid() const { return toMs > fromMs; }
    bool contains(qint64 ms) const { return ms >= fromMs && ms < toMs; }
    // Whether [startMs, endMs] overlaps the range.
    bool overlaps(qint64 startMs, qint64 endMs) const { return endMs >= fromMs && startMs < toMs; }
    bool operator==(const TimelineRange &other) const = default;
};

struct TimelineQuery
{
    TimelineRange range;
    TimelineScope scope;
};

// What a TimelineSource answers: the attempts that overlap the range (each with its wait, so a
// wait that reaches into the range from an earlier attempt is included) and the inbound rates
// for the connections in scope, both sorted by time.
struct TimelineData
{
    QList<AttemptSample> attempts;    // sorted by startedMs
    QList<InboundRateSample> inbound; // sorted by secondStartMs

    bool isEmpty() const { return attempts.isEmpty() && inbound.isEmpty(); }
};

// The part of `data` that answers `query`: attempts in scope whose [startedMs, finishedMs + waitMs]
// overlaps the range, and the inbound rates of the connections those attempts (or a connection
// scope) name, within the range. Pure; keeps the input order. Used by in-memory sources and by
// live mode to drop appended samples that fall outside the view's query.
TimelineData filterTimelineData(const TimelineData &data, const TimelineQuery &query);

// Appends `more` to `data` keeping both lists sorted by time (appended samples are usually newer,
// so this is an append plus, rarely, a merge).
void appendTimelineData(TimelineData &data, const TimelineData &more);

} // namespace wb::models
