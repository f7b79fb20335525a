// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"
#include "schedulesactions.h"

namespace wb::cli {

// `wirebench-cli schedules <action>`. Actions:
//   next --expr EXPR [--tz ZONE] [--count N] [--after INSTANT] [--json]
//       Prints the next N (default 10, at most 1000) firings of a cron expression in an IANA time
//       zone (default: the system's), strictly after INSTANT (RFC 3339, default now): one line per
//       firing with the instant in UTC and in the zone (RFC 3339), or with --json one compact
//       object: {"expression", "fields", "time_zone", "after", "firings": [{"utc", "local",
//       "utc_offset_ms", "shifted", "repeated_local_time"}]} (conventions: output.h).
//       Exit 2 on a bad expression (the error names the field, its text and column), zone,
//       count or instant; with --json the error object on stdout also carries "field",
//       "field_text", "column", "length" and "reason" for a bad expression.
//   (`next` reads no workspace.)
//   list | add NAME … | edit ID … | remove ID | enable ID | disable ID | run-now ID | runs ID |
//   cancel-run RUN
//       The schedules stored in the workspace: see schedulesactions.h.
class SchedulesCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) override;

private:
    SchedulesActions m_actions;
    int runNext(const QCommandLineParser &parser, CommandContext &context) const;
};

} // namespace wb::cli
