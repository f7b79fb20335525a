// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings/appsettings.h"
#include "core/util/result.h"

namespace wb::core {

// Where the application settings are kept. The core depends on this small interface only; the
// GUI and CLI pass in a QSettingsSource (or a test double).
//
// Thread: not thread-safe; use it from one thread (the main thread). Both calls are synchronous
// and touch only a small local file.
class SettingsSource
{
public:
    virtual ~SettingsSource() = default;

    // The stored settings. A stored value that is not valid is replaced by its default and
    // reported in `issues` (naming the key and the refused value), so a hand-edited file never
    // stops the application from starting.
    struct Loaded
    {
        AppSettings settings;
        QList<SettingsIssue> issues;
    };
    virtual Loaded load() const = 0;

    // Stores `settings` after validating them. Errors: settings.invalid (the message names the
    // first problem; nothing is written), settings.write_failed (the file could not be written).
    virtual Result<void> save(const AppSettings &settings) = 0;
};

} // namespace wb::core
