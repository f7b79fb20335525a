// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include "core/dispatch/delivery.h"
#include "core/util/result.h"

#include <QTimer>

#include <memory>

namespace wb::core {
class ProviderCatalog;
class WorkspaceRuntime;
} // namespace wb::core

namespace wb::cli {

class WorkspaceSession;

// `wirebench-cli deliver --url URL --body FILE [--connection ID [--sign standard_webhooks]]
//  [--header 'Name: value']... [--method M] [--policy NAME|FILE.json] [--max-attempts N] [--json]`:
// enqueues one delivery in the
// workspace's durable queue, runs the dispatch engine (retries, Retry-After, rate limits) until
// that delivery ends, and prints its final state and every attempt. The engine delivers whatever
// else is due in the workspace meanwhile, like `serve`. Interrupting it leaves the delivery queued
// (nothing is lost; `serve` continues it).
//
// --body FILE: the bytes sent, exactly ("-" reads stdin). --policy: a preset name (default,
// svix, standard_webhooks, convoy_exponential, …) or a JSON policy file (retrypolicy.h);
// --max-attempts N overrides its attempt count; without either the connection's policy applies,
// else "default". --connection: the connection's credentials (core::WorkspaceRuntime), limits and
// provider rate-limit headers apply; --sign standard_webhooks signs each attempt with its webhook
// secret.
// JSON: the delivery object (records.h) with "attempts": [attempt objects].
// Exit 0 succeeded; 1 failed, dead-lettered or cancelled; 2 refused input (bad URL, header line,
// method, policy, unreadable body file); 3 workspace failure (including a sealed workspace whose
// master key cannot be read: the engine never sends a connection's delivery unsigned).
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
    void onStarted(const core::NewDelivery &delivery);
    void onEnqueued(const core::Result<core::Delivery> &delivery);
    void checkState();
    void report(const core::Delivery &delivery, const QList<core::AttemptRecord> &attempts);
    // Stops the engine and exits once the attempts still running are recorded (leaving them
    // unrecorded would send them again after their leases expired).
    void finishWhenStopped(int exitCode);
    void fail(const core::Error &error, int exitCode);

    CommandContext *m_context = nullptr;
    bool m_json = false;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    std::unique_ptr<core::WorkspaceRuntime> m_runtime;
    QTimer m_stateTimer;
    qint64 m_deliveryId = 0;
    bool m_reporting = false;
};

// The delivery `deliver` would enqueue, from its options, checked before any workspace is opened.
// Errors: `cli.*` (missing option, unreadable body, malformed header line, bad --max-attempts),
// `retry_policy.*`, and DeliveryRepository::validate's (`dispatch.invalid_delivery`).
core::Result<core::NewDelivery> deliveryFromOptions(const QCommandLineParser &parser);

} // namespace wb::cli
