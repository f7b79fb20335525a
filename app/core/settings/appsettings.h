// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace wb::core {

// The user's application settings, as the core reads them. A plain value: the GUI edits it in the
// Settings dialog, the core receives it through a SettingsSource (settingssource.h) and never sees
// a widget.
struct AppSettings
{
    // The inbound receiver listens on this address and TCP port. 127.0.0.1 by default: listening
    // beyond loopback exposes the receiver to the network and is an explicit choice. Port 0 picks a
    // free port at each start.
    QString receiverAddress = QStringLiteral("127.0.0.1");
    int receiverPort = 8480;
    // The public URL providers reach the receiver at: a tunnel (ngrok, cloudflared) or a reverse
    // proxy forwarding to it, such as "https://abc.ngrok.app". The webhook URLs shown for
    // registration start with it, and signatures over the URL (Twilio) are checked against it.
    // Empty: providers are given the receiver's own address.
    QString publicBaseUrl;
    // The workspace opened at start (by the GUI and wirebench-cli alike): an SQLite file path.
    // --workspace and $WIREBENCH_WORKSPACE take precedence; empty: the default file in the user's
    // data folder (resolveWorkspacePath, core/util/workspacelocation.h).
    QString workspaceLocation;
    // The retry policy of connections that name none: a preset of core/dispatch/retrypolicypresets.h.
    QString defaultRetryPolicy = QStringLiteral("default");
    // Default outgoing limits per connection: token-bucket refill rate (requests per second, > 0),
    // bucket capacity (>= 1) and requests in flight at once (>= 1). A connection's
    // RateLimitOverrides and the provider profile take precedence.
    double requestsPerSecond = 10.0;
    int burst = 20;
    int concurrencyLimit = 4;
    // The command that opens an authorization URL; the URL is appended as its last argument. Split
    // like a shell command line without expansion (QProcess::splitCommand). Empty: the
    // WIREBENCH_BROWSER environment variable, else the desktop's default browser.
    QString browserCommand;

    bool operator==(const AppSettings &other) const = default;
};

// One problem with one setting, for inline display next to its field.
struct SettingsIssue
{
    enum class Field {
        ReceiverAddress,
        ReceiverPort,
        PublicBaseUrl,
        WorkspaceLocation,
        DefaultRetryPolicy,
        RequestsPerSecond,
        Burst,
        ConcurrencyLimit,
        BrowserCommand,
    };
    enum class Severity {
        Error,   // the settings cannot be saved
        Warning, // allowed, but the user should know (a receiver reachable from the network)
    };

    Field field = Field::ReceiverAddress;
    Severity severity = Severity::Error;
    Error error; // stable code "settings.<what>" and a message that names the value

    bool operator==(const SettingsIssue &other) const = default;
};

// What validation needs to know about the machine; injectable for tests.
struct SettingsEnvironment
{
    // The absolute path of an executable found by name (in PATH) or path; empty when there is none.
    // Default: QStandardPaths::findExecutable for names, QFileInfo::isExecutable for paths.
    std::function<QString(const QString &program)> findExecutable;
    // The known retry policy names. Default: retrypresets::names().
    QStringList retryPolicyNames;

    static SettingsEnvironment system();
};

// The settings key of a field in a SettingsSource ("receiver/address"), for messages and storage.
QString settingsKey(SettingsIssue::Field field);

// Checks every field and answers all problems found (empty: valid). Codes:
//  - settings.address_invalid: not an IPv4/IPv6 address (host names are refused: the receiver
//    binds one interface); settings.address_exposed (warning): not a loopback address;
//  - settings.port_out_of_range: outside 0–65535;
//  - settings.public_url_invalid: not an absolute http(s) URL with a host, or with a query or
//    fragment; settings.public_url_not_https (warning): most providers refuse plain http
//    (Slack, Meta, Stripe live mode);
//  - settings.workspace_is_folder, settings.workspace_folder_missing: the file's folder does not
//    exist (the file itself is created on first open);
//  - settings.retry_policy_unknown: not a known preset (the message lists them);
//  - settings.limit_out_of_range: requests per second <= 0 or > 10000, burst or concurrency < 1
//    or > 10000;
//  - settings.browser_command_invalid (unterminated quote), settings.browser_not_found (the
//    program is not installed or not executable).
QList<SettingsIssue> validateSettings(const AppSettings &settings,
                                      const SettingsEnvironment &environment);

// True when `issues` holds an Error (warnings do not prevent saving).
bool hasErrors(const QList<SettingsIssue> &issues);

} // namespace wb::core
