// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogloader.h"

#include "core/providers/providercatalog.h"

#include <QTextStream>

namespace wb::cli {

std::unique_ptr<core::ProviderCatalog> loadProviderCatalog(QTextStream &err,
                                                           const QString &commandName)
{
    auto catalog = std::make_unique<core::ProviderCatalog>(
            core::ProviderCatalog::load(core::ProviderCatalog::defaultUserFolder()));
    for (const core::ProviderCatalog::Issue &issue : catalog->issues())
        err << "wirebench-cli " << commandName << ": provider profile " << issue.file
            << " left out: " << issue.error.message << "\n";
    err.flush();
    return catalog;
}

} // namespace wb::cli
