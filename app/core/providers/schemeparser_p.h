// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/profilereader_p.h"

namespace wb::core {

// Reads one signature scheme object at `node` (private to core/providers).
SignatureScheme readSignatureScheme(ProfileReader &reader, const ProfileReader::Node &node);

} // namespace wb::core
