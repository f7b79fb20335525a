// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/connectionhealth.h"

#include <QColor>
#include <QIcon>

namespace wb::models {

// The colour of a health status: red failing, amber attention, grey unknown, green healthy.
QColor healthColour(core::HealthStatus status);
// `base` with a health badge (a dot in the status colour, with a light ring) in its lower right
// corner; `base` unchanged for healthy and unknown. Sizes 16, 22 and 32 px.
QIcon withHealthBadge(const QIcon &base, core::HealthStatus status);

} // namespace wb::models
