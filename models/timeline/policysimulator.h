// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"
#include "models/timeline/policywhatif.h"

#include <QStringList>

namespace wb::models {

// Replays a delivery's real outcomes through a named retry policy preset ("svix",
// "standard-webhooks", …; the presets are the dispatch engine's, after the published schedules in
// RETRY_POLICIES.md). The timeline's "what would this policy do" overlay draws the result.
//
// Thread: any; implementations are pure functions of their arguments (jitter from a source fixed
// at construction, so the overlay does not jump on every redraw).
class PolicySimulator
{
public:
    virtual ~PolicySimulator() = default;

    // Preset names, in the order the view offers them.
    virtual QStringList presets() const = 0;
    // A preset's name for people, translated ("Svix", "Standard Webhooks").
    virtual QString presetLabel(const QString &preset) const = 0;
    // The attempts `preset` would have made. Errors: "retry_policy.unknown_preset" naming the
    // known presets; "timeline.whatif_empty" when the input has no outcomes.
    virtual core::Result<QList<WhatIfAttempt>> simulate(const QString &preset,
                                                        const WhatIfInput &input) const = 0;
};

} // namespace wb::models
