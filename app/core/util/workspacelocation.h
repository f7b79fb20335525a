// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace wb::core {

// Where the default workspace lives when neither --workspace nor WIREBENCH_WORKSPACE names one:
// `workspace.sqlite` in QStandardPaths::AppDataLocation (on Linux
// ~/.local/share/Wirebench/wirebench/). The application name and organisation must be set first
// (see buildinfo.h). The folder is not created here.
QString defaultWorkspacePath();

// The workspace to open, the same for the GUI and wirebench-cli: `explicitPath` (--workspace) if
// not empty, else $WIREBENCH_WORKSPACE if set, else `settingsPath` (the Settings' workspace file,
// AppSettings::workspaceLocation) if not empty, else defaultWorkspacePath(). The more specific to
// one run wins: a flag over the environment of a shell over the stored setting. A path may also be
// a `postgresql://` URL.
QString resolveWorkspacePath(const QString &explicitPath, const QString &settingsPath = {});

// True when `location` is a PostgreSQL URL (postgresql:// or postgres://), not a file path.
bool isPostgresLocation(const QString &location);

} // namespace wb::core
