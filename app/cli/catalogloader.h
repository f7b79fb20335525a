// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

class QTextStream;

namespace wb::core {
class ProviderCatalog;
}

namespace wb::cli {

// The provider catalog a command works with: the built-in profiles and the user's folder
// (ProviderCatalog::defaultUserFolder()). Each profile file left out is reported on `err` as
// "wirebench-cli COMMAND: provider profile FILE left out: REASON"; the others load regardless.
// Synchronous (a few dozen small files); main thread.
std::unique_ptr<core::ProviderCatalog> loadProviderCatalog(QTextStream &err,
                                                           const QString &commandName);

} // namespace wb::cli
