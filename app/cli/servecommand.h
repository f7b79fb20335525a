// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include <memory>

namespace wb::core {
class ConnectionSecrets;
class ProviderCatalog;
class Receiver;
class SecretStore;
class Store;
} // namespace wb::core

namespace wb::cli {

class SignalWatcher;

// `wirebench-cli serve [--listen ADDR:PORT] [--max-body-bytes N] [--public-url URL]`: opens the
// workspace (--workspace, $WIREBENCH_WORKSPACE or the default) and runs the receiver into it (and,
// as they land, the dispatcher, token refresher and scheduler) until SIGINT/SIGTERM. Prints the
// receiver's base URL on its first line once webhooks are accepted (connections and secrets
// loaded). The first signal drains in-flight work within a bounded time and exits 0; a second one
// exits at once with 128 + the signal number, losing nothing durable.
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
    std::shared_ptr<core::SecretStore> m_secretStore;
    std::unique_ptr<core::ConnectionSecrets> m_secrets;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    std::unique_ptr<core::Receiver> m_receiver;
    std::unique_ptr<SignalWatcher> m_signals;
};

} // namespace wb::cli
