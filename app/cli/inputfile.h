// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace wb::cli {

// Reads the file at `path` ("-": standard input, read to its end) as bytes, exactly. Reads at most
// `maxBytes` + 1 bytes, so a caller can refuse a larger input with its own message. `what` names
// the input in the error ("the body", "the headers file"). Main thread; blocks on the file or
// pipe. Errors: `cli.unreadable_file` naming the path and the reason.
core::Result<QByteArray> readInputFile(const QString &path, const QString &what, qint64 maxBytes);

} // namespace wb::cli
