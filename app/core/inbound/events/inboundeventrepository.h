// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/events/inboundevent.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QList>
#include <QStringList>
#include <QVariant>

namespace wb::core {

// The column inbound events are listed in order of (then the id, in the same direction).
enum class InboundEventSort { ReceivedAt, Provider, EventType, Verdict, BodySize, Forwarding };

// A position in the newest-first order of inbound events (received time, then id): the last row
// of the page shown, for keyset paging (stable while new events arrive, unlike OFFSET).
struct InboundEventCursor
{
    qint64 receivedAtMs = 0; // UTC ms
    qint64 id = 0;
    // With another sort than received time (InboundEventFilter::sort): the last row's value of
    // the sort column (then the id breaks ties); receivedAtMs is ignored then.
    QVariant sortValue;

    static InboundEventCursor after(const InboundEvent &event)
    {
        return {event.receivedAtMs, event.id, {}};
    }
    // The position after `event` in the order of `sort`.
    static InboundEventCursor after(const InboundEvent &event, InboundEventSort sort);
};

// What the inspector narrows inbound events by; an empty field matches everything.
struct InboundEventFilter
{
    std::optional<qint64> connectionId;
    std::optional<qint64> tenantId;
    QString providerId;
    QString eventType;
    std::optional<InboundVerdict> verdict;
    std::optional<qint64> receivedFromMs; // inclusive, UTC ms
    std::optional<qint64> receivedBeforeMs;
    std::optional<ForwardingState> forwardingState;
    std::optional<bool> handshake; // true: handshakes only, false: events only
    // Free text: rows whose event type, provider, provider event id, identity value, peer address
    // or verification reason contains it (case-insensitive for ASCII), or whose id it is.
    QString text;
    InboundEventSort sort = InboundEventSort::ReceivedAt;
    bool ascending = false; // newest (largest) first by default
    // New arrivals: only rows with a larger id (ids grow with every insert).
    std::optional<qint64> idAbove;
    // Paging: only rows after this position in the list's order (the next page).
    std::optional<InboundEventCursor> after;
    int limit = 200;        // newest first
    bool withBodies = true; // false: request.body left empty (lists for tables skip the bytes)
};

// Inbound requests received for one connection in one second (InboundEventRepository::
// countsPerSecond): what the timeline draws as inbound events per second.
struct InboundSecondCount
{
    qint64 connectionId = 0;
    qint64 secondStartMs = 0; // UTC ms, a multiple of 1000
    qint64 count = 0;

    bool operator==(const InboundSecondCount &other) const = default;
};

// The answer of InboundEventRepository::insert().
struct InboundInsertOutcome
{
    qint64 eventId = 0;
    bool duplicate = false; // an accepted event with the same dedup scope and provider event id
                            // existed: its duplicate_count was raised, nothing else was written
};

// Inbound events in portable SQL (table inbound_events, migration 5). Functions take the job's
// SqlSession (see store/README.md) and run on the store's writer or reader thread.
class InboundEventRepository final
{
public:
    // Inserts `event` (id and duplicate fields are ignored) unless it is a duplicate: an event
    // that is not a handshake, did not fail verification, and has a provider event id already
    // stored under the same `dedupScope` ("connection:7", "provider:github") by an event that
    // also did not fail. Errors: `store.query_failed` / `store.busy`.
    static Result<InboundInsertOutcome> insert(SqlSession &session, const InboundEvent &event,
                                               const QString &dedupScope);
    // Error `store.unknown_inbound_event`.
    static Result<InboundEvent> get(SqlSession &session, qint64 eventId);
    // In filter.sort's order (default newest first: received time, then id), at most
    // filter.limit rows after filter.after.
    static Result<QList<InboundEvent>> list(SqlSession &session, const InboundEventFilter &filter);
    // How many rows match the filter (its limit and cursor are ignored): the inspector's total.
    static Result<qint64> count(SqlSession &session, const InboundEventFilter &filter);
    // The requests received per connection and per second in [fromMs, toMs) (UTC ms), handshakes
    // left out, failed verifications and duplicates' first copies counted; only
    // `connectionId`'s when given. Sorted by second, then connection; seconds without requests
    // are absent. Errors: `store.query_failed`.
    static Result<QList<InboundSecondCount>> countsPerSecond(SqlSession &session,
                                                             std::optional<qint64> connectionId,
                                                             qint64 fromMs, qint64 toMs);
    // The different non-empty values of a column in the whole table, sorted (byte order), at
    // most `limit`: `column` is InboundEventSort::Provider or EventType (the inspector's filter
    // choices). Errors: `store.query_failed`.
    static Result<QStringList> distinctValues(SqlSession &session, InboundEventSort column,
                                              int limit = 500);
    // How many events wait for the dispatch engine (forwarding_state 'pending').
    static Result<qint64> countPendingForwarding(SqlSession &session);
    static Result<qint64> count(SqlSession &session);
    // The newest event's id (0 when there is none): the inspector polls it to see new arrivals,
    // also those stored by another process (wirebench-cli serve) on the same workspace.
    static Result<qint64> newestId(SqlSession &session);
};

// The header section as stored: "Name: value\r\n" per field, in order. Values never contain CR or
// LF (the receiver refuses such requests), so decode(encode(h)) == h.
QByteArray encodeHeaderBlock(const QList<ReceivedHeader> &headers);
QList<ReceivedHeader> decodeHeaderBlock(const QByteArray &block);

} // namespace wb::core
