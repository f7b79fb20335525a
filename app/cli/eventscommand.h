// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordcommand.h"

#include "core/inbound/events/inboundeventrepository.h"

namespace wb::cli {

// `wirebench-cli events <action>`: the inbound events the receiver stored.
//   list [--connection ID] [--tenant ID] [--provider P] [--since T] [--verdict V] [--limit N]
//        [--json]   newest first (default 50, at most 10000). --since: RFC 3339 ("2026-11-29T
//        10:00:00Z") or an age ("15m", "2h", "7d"). --verdict: verified, failed, unsigned.
//        JSON: an array of event objects (inboundEventJson, records.h) without the content.
//   show ID [--json]   one event with its header fields and the body exactly as received (base64
//        in JSON, shown as text when it is UTF-8 in the text form).
//   replay ID [--to URL] [--json]   queues the stored request (method, header fields, body bytes)
//        again as an outgoing delivery: to the connection's forward target (a re-delivery: the
//        event's forwarding starts again, with a new idempotency key), or with --to to any URL
//        (the event is not changed). The engine of `serve` or the GUI sends it. JSON:
//        {"replayed": the delivery object}.
// Exit 0 done; 2 refused input (unknown event, bad option, not forwardable); 3 workspace failure.
class EventsCommand final : public RecordCommand
{
public:
    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;

protected:
    QStringList actions() const override;
    int argumentCount(const QString &action) const override;
    core::Result<void> checkArguments(const QString &action, const QStringList &arguments,
                                      const QCommandLineParser &parser) const override;
    void runAction(const QString &action, const QStringList &arguments,
                   const QCommandLineParser &parser) override;

private:
    void list(const core::InboundEventFilter &filter);
    void show(qint64 eventId);
    void replay(qint64 eventId, const QString &to);
};

// The filter of `events list` from its options; `nowMs` (UTC) anchors an age in --since.
// Errors: `cli.invalid_option` naming the option and the value.
core::Result<core::InboundEventFilter> eventFilterFromOptions(const QCommandLineParser &parser,
                                                              qint64 nowMs);

} // namespace wb::cli
