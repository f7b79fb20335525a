// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/workspacelocation.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace wb::core {

QString defaultWorkspacePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(u"workspace.sqlite"_s);
}

QString resolveWorkspacePath(const QString &explicitPath, const QString &settingsPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString fromEnv = qEnvironmentVariable("WIREBENCH_WORKSPACE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString fromSettings = settingsPath.trimmed();
    if (!fromSettings.isEmpty())
        return fromSettings;
    return defaultWorkspacePath();
}

bool isPostgresLocation(const QString &location)
{
    return location.startsWith(u"postgresql://"_s) || location.startsWith(u"postgres://"_s);
}

} // namespace wb::core
