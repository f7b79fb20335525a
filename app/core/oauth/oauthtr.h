// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace wb::core {

// The one translation context of the OAuth module: `OAuthTr::tr("…")` in free functions and
// classes that are not QObjects.
struct OAuthTr
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::OAuth)
};

} // namespace wb::core
