// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace wb::ui {

// A provider's icon: a rounded square in a colour derived from the provider id with the initials
// of its display name ("GitHub" → "G", "Microsoft Graph" → "MG"). Wirebench ships no provider
// trademarks; the monogram tells providers apart in lists. Same id, same icon (cached).
// Thread: GUI thread (it paints pixmaps).
QIcon providerIcon(const QString &providerId, const QString &displayName);

// The initials used by providerIcon(): the first letter of up to two words, upper case.
QString providerInitials(const QString &displayName);

} // namespace wb::ui
