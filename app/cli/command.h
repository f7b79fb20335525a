// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

#include <optional>

class QCommandLineParser;

namespace wb::cli {

// Documented exit codes of wirebench-cli (see installer/wirebench-cli.1).
enum ExitCode : int {
    ExitOk = 0,
    ExitNegative = 1, // the command ran, and the answer is "no" (not verified, not delivered)
    ExitUsage = 2,    // bad arguments or unreadable input
    ExitRuntime = 3,  // the workspace or the network failed
};

// What every command gets: the resolved global options and the output streams. Human output and
// JSON go to `out`; diagnostics and errors go to `err`.
struct CommandContext
{
    QString workspacePath;
    QTextStream &out;
    QTextStream &err;
};

// One subcommand of wirebench-cli (`serve`, `verify`, …).
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    // One line for the command list in `wirebench-cli --help`.
    virtual QString summary() const = 0;
    // Adds the command's own options and positional arguments.
    virtual void addOptions(QCommandLineParser &parser) const = 0;
    // Runs the command. Returns the exit code when it finished synchronously, or std::nullopt when
    // it keeps running on the event loop and will call QCoreApplication::exit() itself.
    // Whether the core's informational log lines (`wb.*` categories at info level) go to stderr.
    // Long-running commands (serve) want them; short ones keep stderr for errors and warnings
    // only. QT_LOGGING_RULES still overrides this.
    virtual bool logsProgress() const { return false; }
    virtual std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) = 0;
};

} // namespace wb::cli
