// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/roles.h"

namespace wb::models {

const char *sharedRoleName(int role)
{
    switch (role) {
    case ValueRole:
        return "value";
    case IdRole:
        return "id";
    default:
        return nullptr;
    }
}

} // namespace wb::models
