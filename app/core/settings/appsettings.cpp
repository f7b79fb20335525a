// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/appsettings.h"

#include "core/dispatch/retrypolicypresets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

using Field = SettingsIssue::Field;
using Severity = SettingsIssue::Severity;

// lupdate reads the context from the class, so German finds these strings at run time.
class SettingsText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::Settings)
};

SettingsIssue issue(Field field, QString code, QString message, Severity severity = Severity::Error)
{
    return SettingsIssue{field, severity, Error{std::move(code), std::move(message)}};
}

constexpr double maxRequestsPerSecond = 10000.0;
constexpr int maxCount = 10000;

void checkAddress(const AppSettings &s, QList<SettingsIssue> &issues)
{
    const QString text = s.receiverAddress.trimmed();
    QHostAddress address;
    if (text.isEmpty() || !address.setAddress(text)) {
        issues.append(issue(Field::ReceiverAddress, u"settings.address_invalid"_s,
                            SettingsText::tr(
                                    "“%1” is not an IP address. Use 127.0.0.1 to receive on this "
                                    "computer only, or the address of one network interface.")
                                    .arg(s.receiverAddress)));
        return;
    }
    if (!address.isLoopback()) {
        issues.append(issue(Field::ReceiverAddress, u"settings.address_exposed"_s,
                            SettingsText::tr(
                                    "The receiver will accept connections from the network on %1, "
                                    "not only from this computer.")
                                    .arg(address.toString()),
                            Severity::Warning));
    }
}

void checkPublicUrl(const AppSettings &s, QList<SettingsIssue> &issues)
{
    const QString text = s.publicBaseUrl.trimmed();
    if (text.isEmpty())
        return;
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s)
        || url.hasQuery() || url.hasFragment()) {
        issues.append(issue(Field::PublicBaseUrl, u"settings.public_url_invalid"_s,
                            SettingsText::tr("“%1” is not a public URL such as "
                                             "https://abc.ngrok.app: an http or https address "
                                             "with a host and no query.")
                                    .arg(text)));
        return;
    }
    if (scheme == u"http"_s) {
        issues.append(issue(Field::PublicBaseUrl, u"settings.public_url_not_https"_s,
                            SettingsText::tr("Most providers only call https URLs; %1 is plain "
                                             "http.")
                                    .arg(text),
                            Severity::Warning));
    }
}

void checkWorkspace(const AppSettings &s, QList<SettingsIssue> &issues)
{
    const QString location = s.workspaceLocation.trimmed();
    if (location.isEmpty())
        return;
    const QFileInfo file(location);
    if (file.isDir()) {
        issues.append(issue(Field::WorkspaceLocation, u"settings.workspace_is_folder"_s,
                            SettingsText::tr(
                                    "“%1” is a folder; give the workspace file inside it, such as "
                                    "%2.")
                                    .arg(location, QDir(location).filePath(u"workspace.sqlite"_s))));
        return;
    }
    if (!file.absoluteDir().exists()) {
        issues.append(
                issue(Field::WorkspaceLocation, u"settings.workspace_folder_missing"_s,
                      SettingsText::tr("The folder %1 does not exist.").arg(file.absolutePath())));
    }
}

void checkLimits(const AppSettings &s, QList<SettingsIssue> &issues)
{
    if (!(s.requestsPerSecond > 0.0) || s.requestsPerSecond > maxRequestsPerSecond) {
        issues.append(issue(Field::RequestsPerSecond, u"settings.limit_out_of_range"_s,
                            SettingsText::tr(
                                    "Requests per second must be more than 0 and at most %1; it is "
                                    "%2.")
                                    .arg(maxRequestsPerSecond)
                                    .arg(s.requestsPerSecond)));
    }
    if (s.burst < 1 || s.burst > maxCount) {
        issues.append(
                issue(Field::Burst, u"settings.limit_out_of_range"_s,
                      SettingsText::tr("The burst must be between 1 and %1 requests; it is %2.")
                              .arg(maxCount)
                              .arg(s.burst)));
    }
    if (s.concurrencyLimit < 1 || s.concurrencyLimit > maxCount) {
        issues.append(
                issue(Field::ConcurrencyLimit, u"settings.limit_out_of_range"_s,
                      SettingsText::tr("The concurrency limit must be between 1 and %1 requests in "
                                       "flight; it is %2.")
                              .arg(maxCount)
                              .arg(s.concurrencyLimit)));
    }
}

void checkBrowser(const AppSettings &s, const SettingsEnvironment &env, QList<SettingsIssue> &issues)
{
    const QString command = s.browserCommand.trimmed();
    if (command.isEmpty())
        return;
    // splitCommand() silently drops an unterminated quote's meaning; count quotes ourselves.
    if (command.count(u'"') % 2 != 0) {
        issues.append(issue(Field::BrowserCommand, u"settings.browser_command_invalid"_s,
                            SettingsText::tr("The browser command “%1” has an unterminated quote.")
                                    .arg(command)));
        return;
    }
    const QStringList parts = QProcess::splitCommand(command);
    if (parts.isEmpty()) {
        issues.append(
                issue(Field::BrowserCommand, u"settings.browser_command_invalid"_s,
                      SettingsText::tr("The browser command “%1” names no program.").arg(command)));
        return;
    }
    const QString program = parts.first();
    if (!env.findExecutable || env.findExecutable(program).isEmpty()) {
        issues.append(issue(Field::BrowserCommand, u"settings.browser_not_found"_s,
                            SettingsText::tr("The program “%1” was not found or is not executable.")
                                    .arg(program)));
    }
}

} // namespace

SettingsEnvironment SettingsEnvironment::system()
{
    SettingsEnvironment env;
    env.findExecutable = [](const QString &program) {
        if (program.contains(u'/')) {
            const QFileInfo file(program);
            return file.isFile() && file.isExecutable() ? file.absoluteFilePath() : QString();
        }
        return QStandardPaths::findExecutable(program);
    };
    env.retryPolicyNames = retrypresets::names();
    return env;
}

QString settingsKey(SettingsIssue::Field field)
{
    switch (field) {
    case Field::ReceiverAddress:
        return u"receiver/address"_s;
    case Field::ReceiverPort:
        return u"receiver/port"_s;
    case Field::PublicBaseUrl:
        return u"receiver/publicUrl"_s;
    case Field::WorkspaceLocation:
        return u"workspace/location"_s;
    case Field::DefaultRetryPolicy:
        return u"dispatch/defaultRetryPolicy"_s;
    case Field::RequestsPerSecond:
        return u"dispatch/requestsPerSecond"_s;
    case Field::Burst:
        return u"dispatch/burst"_s;
    case Field::ConcurrencyLimit:
        return u"dispatch/concurrencyLimit"_s;
    case Field::BrowserCommand:
        return u"oauth/browserCommand"_s;
    }
    return {};
}

QList<SettingsIssue> validateSettings(const AppSettings &settings,
                                      const SettingsEnvironment &environment)
{
    QList<SettingsIssue> issues;
    checkAddress(settings, issues);
    if (settings.receiverPort < 0 || settings.receiverPort > 65535) {
        issues.append(
                issue(Field::ReceiverPort, u"settings.port_out_of_range"_s,
                      SettingsText::tr(
                              "The port must be between 0 (any free port) and 65535; it is %1.")
                              .arg(settings.receiverPort)));
    }
    checkPublicUrl(settings, issues);
    checkWorkspace(settings, issues);
    if (!environment.retryPolicyNames.contains(settings.defaultRetryPolicy)) {
        issues.append(issue(Field::DefaultRetryPolicy, u"settings.retry_policy_unknown"_s,
                            SettingsText::tr("There is no retry policy “%1”; known ones are: %2.")
                                    .arg(settings.defaultRetryPolicy,
                                         environment.retryPolicyNames.join(u", "_s))));
    }
    checkLimits(settings, issues);
    checkBrowser(settings, environment, issues);
    return issues;
}

bool hasErrors(const QList<SettingsIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(), [](const SettingsIssue &i) {
        return i.severity == SettingsIssue::Severity::Error;
    });
}

} // namespace wb::core
