// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordcommand.h"

namespace wb::cli {

// `wirebench-cli deliveries <action>`: the outgoing delivery queue and its attempt log.
//   list [--state S] [--limit N] [--json]
//                     newest first (default 50, at most 10000). JSON: an array of delivery
//                     objects (records.h).
//   show ID [--json]  one delivery with its header fields, body and every attempt. JSON: the
//                     delivery object with "headers", "body_base64" and "attempts".
//   retry ID [--json] puts a dead, failed or cancelled delivery back in the queue with a fresh
//                     retry budget and the same idempotency key (DeliveryRepository::replay). The engine
//                     of `serve`, the GUI or the next `deliver` sends it. JSON: {"retried": the
//                     delivery object}.
// Exit 0 done; 2 refused input (unknown delivery, bad state name, not replayable: pending, in
// flight or succeeded); 3 workspace failure.
class DeliveriesCommand final : public RecordCommand
{
public:
    DeliveriesCommand();
    ~DeliveriesCommand() override;

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
    void list(const QCommandLineParser &parser);
    void show(qint64 deliveryId);
    void retry(qint64 deliveryId);
};

} // namespace wb::cli
