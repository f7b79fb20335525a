// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace wb::test {

// What one wirebench-cli run left: its exit code, standard output as bytes (JSON or tables),
// standard error as text.
struct CliRun
{
    int exitCode = -1; // -1: it did not start, or did not finish in time (err says which)
    QByteArray out;
    QString err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    QJsonObject object() const { return json().object(); }
    QJsonArray array() const { return json().array(); }
    QString text() const { return QString::fromUtf8(out); }
};

// The test process's environment with XDG_DATA_HOME set to `dataHome` (the CLI's provider
// profiles and default workspace live there, never in the user's home) and
// WIREBENCH_MASTER_KEY_FILE removed (a test names its key file itself).
QProcessEnvironment cliEnvironment(const QString &dataHome);

// Runs the wirebench-cli under test (cliPath()) with `arguments` and `environment`, writes
// `input` to its standard input and closes it, then waits at most `timeoutMs` milliseconds while
// this thread's event loop keeps running, so local peers living in the test process (fake
// providers, scripted sinks) can answer the CLI. A CLI still running then is killed.
CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment,
              const QByteArray &input = {}, int timeoutMs = 60'000);

} // namespace wb::test
