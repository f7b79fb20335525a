// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include <memory>

namespace wb::core {
class Receiver;
}

namespace wb::cli {

class SignalWatcher;

// `wirebench-cli serve [--listen ADDR:PORT]`: runs the receiver (and, as they land, the dispatcher,
// token refresher and scheduler) until SIGINT/SIGTERM. Prints the receiver's base URL on its first
// line. The first signal drains in-flight work within a bounded time and exits 0; a second one
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
    std::unique_ptr<core::Receiver> m_receiver;
    std::unique_ptr<SignalWatcher> m_signals;
};

} // namespace wb::cli
