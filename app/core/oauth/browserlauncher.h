// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

namespace wb::core {

// How a browser command ended.
struct BrowserExit
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray output;      // its standard output
    QByteArray errorOutput; // its standard error
};

// Opens an authorization URL in a browser for front ends without Qt Gui (the CLI; the GUI uses
// QDesktopServices::openUrl). The command is, in this order: the configured setting, the
// environment variable WIREBENCH_BROWSER, or `xdg-open`. It is split like a shell command line
// without expansion (QProcess::splitCommand: quotes group, nothing else is interpreted) and run
// with the URL appended as one more argument, e.g.
//   WIREBENCH_BROWSER="node tests/peers/oauth-browser.mjs" → node tests/peers/oauth-browser.mjs <url>
//
// Thread: the thread that created it. Each launch runs in a QProcess owned by the launcher; one
// still running when the launcher is destroyed is killed.
class BrowserLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserLauncher)

public:
    static constexpr char environmentVariable[] = "WIREBENCH_BROWSER";
    static constexpr char fallbackCommand[] = "xdg-open";

    // `configuredCommand`: the user's setting, empty for none. `environment`: where
    // WIREBENCH_BROWSER is looked up (the process environment by default).
    explicit BrowserLauncher(
            QString configuredCommand = {},
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(),
            QObject *parent = nullptr);
    ~BrowserLauncher() override;

    // The command line that launch() runs for `url`: program first. Errors:
    // browser.command_invalid when the command is blank or has an unterminated quote.
    Result<QStringList> commandFor(const QUrl &url) const;
    // Where the command came from: "setting", "WIREBENCH_BROWSER" or "xdg-open".
    QString commandSource() const;
    // True when the setting or WIREBENCH_BROWSER names a command; false when launch() would fall
    // back to xdg-open (a front end with Qt Gui opens the desktop's browser itself then).
    bool hasCommand() const;

    // Starts the command for `url` and returns at once; exited() or failedToStart() follows.
    // Errors: browser.command_invalid, browser.bad_url (not http or https).
    Result<void> launch(const QUrl &url);

Q_SIGNALS:
    void exited(const wb::core::BrowserExit &exit);
    // The program could not be started (not found, not executable): browser.start_failed.
    void failedToStart(const wb::core::Error &error);

private:
    QString command() const;

    QString m_configuredCommand;
    QProcessEnvironment m_environment;
};

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::BrowserExit)
