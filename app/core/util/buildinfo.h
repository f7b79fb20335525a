// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace wb::core::buildinfo {

// Application identity, set on the Q(Core|Gui)Application by both front ends so that QSettings and
// QStandardPaths resolve to the same folders for the GUI and the CLI.
inline constexpr char organizationName[] = "Wirebench";
inline constexpr char organizationDomain[] = "wirebench.invalid";
inline constexpr char applicationName[] = "wirebench";
inline constexpr char applicationDisplayName[] = "Wirebench";

// "0.1.0" (from CMake's project version).
QString version();
// Versions of the libraries Wirebench runs against (not the ones it was compiled against, where the
// library can tell them apart), for the About box and `--version`.
QString qtVersion();
QString keychainVersion();
QString opensslVersion();
QString sodiumVersion();

} // namespace wb::core::buildinfo
