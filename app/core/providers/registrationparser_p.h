// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/profilereader_p.h"
#include "core/providers/registrationapi.h"

namespace wb::core {

// Reads the optional "registration" section of a profile into `api` (problems go to `reader`).
void readRegistrationApi(ProfileReader &reader, const ProfileReader::Node &root,
                         RegistrationApi &api);

} // namespace wb::core
