// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

namespace wb::cli {

// `wirebench-cli workspace password set|remove [URL] [--json]`: the password of a PostgreSQL
// workspace in the OS keychain (core::WorkspacePassword), which openWorkspace asks when the
// server refuses a login without one. URL is `postgresql://user@host:port/database`; without it,
// the `--workspace` URL. The workspace is not opened.
//   set:    reads the password from standard input (one line; on a terminal, typed without echo)
//           and stores it, replacing an older one.
//   remove: removes it; says so when there was none.
// Exit 0 done; 2 bad arguments (not a postgresql:// URL, a password in the URL, an empty password);
// 3 the keychain failed.
class WorkspaceCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace wb::cli
