// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/policysimulator.h"

#include <QCoreApplication>

namespace wb::models {

// The PolicySimulator the application uses: replays a delivery's real outcomes through one of the
// dispatch engine's built-in retry policy presets (core::retrypresets, after the published
// schedules in RETRY_POLICIES.md) with core::simulatePolicy, the same RetryDecider the
// dispatcher runs.
//
// Every attempt is assumed to take the real attempts' mean duration. Jitter is drawn as its
// expected value (the middle of each jitter interval: uniform() = 0.5), so the overlay shows the
// policy's typical schedule and does not jump on every redraw. Rate-limit headers are not in the
// timeline's input, so only Retry-After (as received: delta-seconds, or an absolute HTTP-date,
// RFC 9110 §10.2.3) and the status or transport error drive the decisions.
//
// Thread: any (no state beyond construction).
class DispatchPolicySimulator final : public PolicySimulator
{
    Q_DECLARE_TR_FUNCTIONS(wb::models::DispatchPolicySimulator)

public:
    // "default", "svix", "standard-webhooks", "convoy-exponential".
    QStringList presets() const override;
    QString presetLabel(const QString &preset) const override;
    // Errors: "retry_policy.unknown_preset" (from core::retrypresets::byName, naming the known
    // presets); "timeline.whatif_empty" when `input` has no outcomes.
    core::Result<QList<WhatIfAttempt>> simulate(const QString &preset,
                                                const WhatIfInput &input) const override;
};

} // namespace wb::models
