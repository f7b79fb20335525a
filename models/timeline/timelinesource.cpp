// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelinesource.h"

namespace wb::models {

TimelineSource::~TimelineSource() = default;

} // namespace wb::models
