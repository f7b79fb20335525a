// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace wb::core {

// True when `text` holds a control character (C0, DEL or C1), such as a line break or a tab.
bool hasControlCharacters(const QString &text);
// `text` with control characters shown as \n, \t or \u{hh}, for error messages.
QString printable(const QString &text);

} // namespace wb::core
