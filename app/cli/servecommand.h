// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include <memory>

namespace wb::core {
class ProviderCatalog;
class Receiver;
class Store;
class WorkspaceRuntime;
} // namespace wb::core

namespace wb::cli {

class SignalWatcher;

// `wirebench-cli serve [--listen ADDR:PORT] [--max-body-bytes N] [--public-url URL]
//  [--master-key-file FILE] [--demo]`: opens the workspace (--workspace, $WIREBENCH_WORKSPACE or the
// default; creates it when there is none, and with --demo seeds the demo tenant on its first
// start like the GUI) and runs the receiver and the dispatch engine (core::WorkspaceRuntime; the token
// refresher and the scheduler join it as they land) until SIGINT/SIGTERM. Prints the receiver's
// base URL on its first line once webhooks are accepted (connections and secrets loaded). The
// first signal drains in-flight work (requests being stored, attempts being recorded) within
// drainTimeoutMs and exits 0; a second one exits at once with 128 + the signal number, losing
// nothing durable (an unrecorded attempt's delivery is claimed again when its lease expires).
class ServeCommand final : public Command
{
public:
    ServeCommand();
    ~ServeCommand() override;

    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    bool logsProgress() const override { return true; }
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) override;

private:
    static constexpr int drainTimeoutMs = 5000;
    void drainThenExit();

    // Destroyed in reverse order: the receiver before the services it uses.
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    std::unique_ptr<core::WorkspaceRuntime> m_runtime;
    std::unique_ptr<core::Receiver> m_receiver;
    std::unique_ptr<SignalWatcher> m_signals;
    bool m_runtimeStopped = false;
};

} // namespace wb::cli
