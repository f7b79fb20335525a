// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace wb::ui {

// A provider's icon: a rounded square with the provider's logo in white on its brand colour, where
// the system has the logo (the Fork Awesome icon font, Debian package fonts-fork-awesome, carries
// those of GitHub, Slack, Microsoft, Dropbox, Discord and Facebook/Meta: see brandGlyph()); else
// the initials of its display name ("Microsoft Graph" → "MG") on a colour derived from the id.
// Wirebench itself ships no provider trademarks. Same id, same icon (cached).
// Thread: GUI thread (it paints pixmaps).
QIcon providerIcon(const QString &providerId, const QString &displayName);

// The Fork Awesome glyph of a provider's logo and its brand colour, or a null character for a
// provider without one. Codepoints from /usr/share/fonts-fork-awesome/css/fork-awesome.css
// (fonts-fork-awesome 1.2.0).
struct BrandGlyph
{
    QChar glyph;
    QRgb colour = 0;
};
BrandGlyph brandGlyph(const QString &providerId);

// The family of the Fork Awesome font when the system has it (loaded on first use from fontconfig
// or /usr/share/fonts/truetype/fork-awesome), else empty: icons fall back to monograms.
QString brandFontFamily();

// The initials used by providerIcon(): the first letter of up to two words, upper case.
QString providerInitials(const QString &displayName);

} // namespace wb::ui
