// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings/settingssource.h"

#include <QString>

namespace wb::core {

// SettingsSource over QSettings: the application's native settings (organisation and application
// names of QCoreApplication), or an INI file when `iniFile` is given (tests, portable setups).
// Keys are those of settingsKey(): "receiver/address", "receiver/port", "workspace/location",
// "dispatch/defaultRetryPolicy", "dispatch/requestsPerSecond", "dispatch/burst",
// "dispatch/concurrencyLimit", "oauth/browserCommand".
class QSettingsSource final : public SettingsSource
{
public:
    explicit QSettingsSource(QString iniFile = {},
                             SettingsEnvironment environment = SettingsEnvironment::system());

    Loaded load() const override;
    Result<void> save(const AppSettings &settings) override;

private:
    QString m_iniFile;
    SettingsEnvironment m_environment;
};

} // namespace wb::core
