// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include "core/dispatch/delivery.h"
#include "core/util/result.h"

#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace wb::core {
class Dispatcher;
}

namespace wb::cli {

class WorkspaceSession;

// `wirebench-cli deliver --url URL --body FILE [--header 'Name: value']... [--method M]
//  [--policy NAME|FILE.json] [--max-attempts N] [--json]`: enqueues one delivery in the
// workspace's durable queue, runs the dispatch engine (retries, Retry-After, rate limits) until
// that delivery ends, and prints its final state and every attempt. The engine delivers whatever
// else is due in the workspace meanwhile, like `serve`. Interrupting it leaves the delivery queued
// (nothing is lost; `serve` continues it).
//
// --body FILE: the bytes sent, exactly ("-" reads stdin). --policy: a preset name (default,
// svix, standard_webhooks, convoy_exponential, …) or a JSON policy file (retrypolicy.h);
// --max-attempts N overrides its attempt count.
// JSON: the delivery object (records.h) with "attempts": [attempt objects].
// Exit 0 succeeded; 1 failed, dead-lettered or cancelled; 2 refused input (bad URL, header line,
// method, policy, unreadable body file); 3 workspace failure.
class DeliverCommand final : public Command
{
public:
    DeliverCommand();
    ~DeliverCommand() override;

    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) override;

private:
    void onEnqueued(const core::Result<core::Delivery> &delivery);
    void checkState();
    void report(const core::Delivery &delivery, const QList<core::AttemptRecord> &attempts);
    void finishWhenIdle(int exitCode);
    void fail(const core::Error &error, int exitCode);

    CommandContext *m_context = nullptr;
    bool m_json = false;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<core::Dispatcher> m_dispatcher;
    QTimer m_stateTimer;
    qint64 m_deliveryId = 0;
    bool m_reporting = false;
};

// The delivery `deliver` would enqueue, from its options, checked before any workspace is opened.
// Errors: `cli.*` (missing option, unreadable body, malformed header line, bad --max-attempts),
// `retry_policy.*`, and DeliveryRepository::validate's (`dispatch.invalid_delivery`).
core::Result<core::NewDelivery> deliveryFromOptions(const QCommandLineParser &parser);

} // namespace wb::cli
