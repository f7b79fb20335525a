// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/qsettingssource.h"

#include <QCoreApplication>
#include <QSettings>

#include <memory>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

using Field = SettingsIssue::Field;

// lupdate reads the context from the class, so German finds these strings at run time.
class SettingsText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::Settings)
};

std::unique_ptr<QSettings> open(const QString &iniFile)
{
    if (iniFile.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(iniFile, QSettings::IniFormat);
}

// Reads one key into `value` when present; a value of the wrong type is reported and skipped.
template<typename T>
void readKey(const QSettings &settings, Field field, T &value, QList<SettingsIssue> &issues)
{
    const QString key = settingsKey(field);
    if (!settings.contains(key))
        return;
    const QVariant stored = settings.value(key);
    bool ok = true;
    if constexpr (std::is_same_v<T, int>) {
        const int number = stored.toString().trimmed().toInt(&ok);
        if (ok)
            value = number;
    } else if constexpr (std::is_same_v<T, double>) {
        const double number = stored.toString().trimmed().toDouble(&ok);
        if (ok)
            value = number;
    } else {
        value = stored.toString();
    }
    if (!ok) {
        issues.append(SettingsIssue{
                field, SettingsIssue::Severity::Error,
                Error{u"settings.not_a_number"_s,
                      SettingsText::tr("The setting %1 is “%2”, not a number; the default is used.")
                              .arg(key, stored.toString())}});
    }
}

} // namespace

QSettingsSource::QSettingsSource(QString iniFile, SettingsEnvironment environment)
    : m_iniFile(std::move(iniFile))
    , m_environment(std::move(environment))
{}

SettingsSource::Loaded QSettingsSource::load() const
{
    const auto settings = open(m_iniFile);
    Loaded loaded;
    AppSettings &s = loaded.settings;
    readKey(*settings, Field::ReceiverAddress, s.receiverAddress, loaded.issues);
    readKey(*settings, Field::ReceiverPort, s.receiverPort, loaded.issues);
    readKey(*settings, Field::PublicBaseUrl, s.publicBaseUrl, loaded.issues);
    readKey(*settings, Field::WorkspaceLocation, s.workspaceLocation, loaded.issues);
    readKey(*settings, Field::DefaultRetryPolicy, s.defaultRetryPolicy, loaded.issues);
    readKey(*settings, Field::RequestsPerSecond, s.requestsPerSecond, loaded.issues);
    readKey(*settings, Field::Burst, s.burst, loaded.issues);
    readKey(*settings, Field::ConcurrencyLimit, s.concurrencyLimit, loaded.issues);
    readKey(*settings, Field::BrowserCommand, s.browserCommand, loaded.issues);

    // Every stored value that fails validation falls back to its default, and says so.
    const AppSettings defaults;
    for (const SettingsIssue &problem : validateSettings(s, m_environment)) {
        if (problem.severity != SettingsIssue::Severity::Error)
            continue;
        switch (problem.field) {
        case Field::ReceiverAddress:
            s.receiverAddress = defaults.receiverAddress;
            break;
        case Field::ReceiverPort:
            s.receiverPort = defaults.receiverPort;
            break;
        case Field::PublicBaseUrl:
            s.publicBaseUrl = defaults.publicBaseUrl;
            break;
        case Field::WorkspaceLocation:
            s.workspaceLocation = defaults.workspaceLocation;
            break;
        case Field::DefaultRetryPolicy:
            s.defaultRetryPolicy = defaults.defaultRetryPolicy;
            break;
        case Field::RequestsPerSecond:
            s.requestsPerSecond = defaults.requestsPerSecond;
            break;
        case Field::Burst:
            s.burst = defaults.burst;
            break;
        case Field::ConcurrencyLimit:
            s.concurrencyLimit = defaults.concurrencyLimit;
            break;
        case Field::BrowserCommand:
            s.browserCommand = defaults.browserCommand;
            break;
        }
        SettingsIssue reported = problem;
        reported.error.message = SettingsText::tr("%1 (setting %2; the default is used)")
                                         .arg(problem.error.message, settingsKey(problem.field));
        loaded.issues.append(reported);
    }
    return loaded;
}

Result<void> QSettingsSource::save(const AppSettings &s)
{
    const QList<SettingsIssue> issues = validateSettings(s, m_environment);
    for (const SettingsIssue &problem : issues) {
        if (problem.severity == SettingsIssue::Severity::Error)
            return fail(u"settings.invalid"_s,
                        SettingsText::tr("%1: %2").arg(settingsKey(problem.field),
                                                       problem.error.message));
    }
    const auto settings = open(m_iniFile);
    settings->setValue(settingsKey(Field::ReceiverAddress), s.receiverAddress.trimmed());
    settings->setValue(settingsKey(Field::ReceiverPort), s.receiverPort);
    settings->setValue(settingsKey(Field::PublicBaseUrl), s.publicBaseUrl.trimmed());
    settings->setValue(settingsKey(Field::WorkspaceLocation), s.workspaceLocation.trimmed());
    settings->setValue(settingsKey(Field::DefaultRetryPolicy), s.defaultRetryPolicy);
    settings->setValue(settingsKey(Field::RequestsPerSecond), s.requestsPerSecond);
    settings->setValue(settingsKey(Field::Burst), s.burst);
    settings->setValue(settingsKey(Field::ConcurrencyLimit), s.concurrencyLimit);
    settings->setValue(settingsKey(Field::BrowserCommand), s.browserCommand.trimmed());
    settings->sync();
    if (settings->status() != QSettings::NoError) {
        return fail(u"settings.write_failed"_s,
                    SettingsText::tr("The settings could not be written to %1.")
                            .arg(settings->fileName()));
    }
    return {};
}

} // namespace wb::core
