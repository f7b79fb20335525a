// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace wb::cli {

// Parses `wirebench-cli [global options] <command> [command options]` and runs the command.
// Global options must come before the command name.
class CliApplication final
{
public:
    CliApplication();
    ~CliApplication();

    // Returns the exit code, or std::nullopt when the command keeps the event loop running.
    std::optional<int> start(const QStringList &arguments);

private:
    Command *findCommand(const QString &name) const;
    QString commandListHelp() const;

    std::vector<std::unique_ptr<Command>> m_commands;
    std::unique_ptr<QTextStream> m_out;
    std::unique_ptr<QTextStream> m_err;
    std::unique_ptr<CommandContext> m_context;
};

} // namespace wb::cli
