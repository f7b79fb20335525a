// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <QUrl>

#include <optional>

class QCommandLineOption;

namespace wb::cli {

// `--json`, the same option for every command: print JSON instead of text.
const QCommandLineOption &jsonOption();

// An absolute http or https URL with a host, from the option `--<option>`. Error
// `cli.invalid_option`: "--<option> expects an absolute http or https URL, got '<text>'".
core::Result<QUrl> parseHttpUrl(const QString &text, const QString &option);

// Conventions of wirebench-cli's output, shared by every command:
//  - JSON (`--json`): one document on stdout, compact, snake_case keys, times as RFC 3339 UTC with
//    milliseconds ("2026-11-29T16:25:26.123Z"), durations as integer milliseconds (`*_ms`).
//  - Errors: one line on stderr, "wirebench-cli <command>: <message>", and with --json also a JSON
//    object {"error": {"code": "...", "message": "..."}} on stdout so scripts can read it.

// RFC 3339 in UTC with millisecond precision, from milliseconds since the epoch.
QString rfc3339Utc(qint64 msSinceEpoch);

// rfc3339Utc(ms), or JSON null for no time.
QJsonValue optionalTime(const std::optional<qint64> &ms);
// The id, or JSON null for none.
QJsonValue optionalId(const std::optional<qint64> &id);

// Writes `document` compactly followed by a newline, and flushes.
void writeJson(QTextStream &out, const QJsonObject &document);
void writeJson(QTextStream &out, const QJsonArray &document);

// Writes rows as columns aligned with spaces under an upper-case header line (human output only;
// scripts use --json). Each row has as many cells as `headers`.
void writeTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows);

// The exit code for a failed workspace operation: ExitUsage (2) when the input was refused
// (`*.invalid_*`, `*.duplicate_*`, `*.unknown_*`, conflicts, mismatches, a delivery that cannot be
// replayed, an event that cannot be forwarded or is being forwarded, `cli.*`, a refused cron
// expression `cron.*`), ExitRuntime (3) when the workspace, keychain or network failed.
int exitCodeFor(const core::Error &error);

// Prints `error` as described above and returns `exitCode` (for `return reportError(...)`).
int reportError(QTextStream &err, QTextStream *jsonOut, const QString &command,
                const core::Error &error, int exitCode);

} // namespace wb::cli
