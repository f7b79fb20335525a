// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace wb::models {

// Roles shared by every Wirebench model. Each model's own roles start after these.
// `ValueRole` returns the underlying value of a cell (a QDateTime, an id, an enum), never its
// display text; views sort and filter on it and tests assert it.
enum SharedRole : int {
    ValueRole = Qt::UserRole + 1,
    IdRole,
    FirstModelRole = Qt::UserRole + 32,
};

// The name of a shared role for QAbstractItemModel::roleNames() ("value", "id").
const char *sharedRoleName(int role);

} // namespace wb::models
