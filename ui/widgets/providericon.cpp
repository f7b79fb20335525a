// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/providericon.h"

#include <QColor>
#include <QCryptographicHash>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::ui {

QString providerInitials(const QString &displayName)
{
    QString initials;
    // The name before any parenthesis ("Meta (WhatsApp, Messenger)" → "M"), words of letters and
    // digits only.
    const QStringList words = displayName.section(u'(', 0, 0)
                                      .split(QRegularExpression(u"[^\\p{L}\\p{N}]+"_s),
                                             Qt::SkipEmptyParts);
    for (const QString &word : words) {
        initials += word.at(0).toUpper();
        if (initials.size() == 2)
            break;
    }
    return initials.isEmpty() ? u"?"_s : initials;
}

BrandGlyph brandGlyph(const QString &providerId)
{
    // Brand colours from each company's brand guidelines page.
    static const QHash<QString, BrandGlyph> marks{
            {u"github"_s, {QChar(0xf09b), qRgb(0x18, 0x17, 0x17)}},          // fa-github
            {u"slack"_s, {QChar(0xf198), qRgb(0x4a, 0x15, 0x4b)}},           // fa-slack
            {u"microsoft-graph"_s, {QChar(0xf17a), qRgb(0x00, 0x78, 0xd4)}}, // fa-windows
            {u"dropbox"_s, {QChar(0xf16b), qRgb(0x00, 0x61, 0xff)}},         // fa-dropbox
            {u"discord"_s, {QChar(0xf2ee), qRgb(0x58, 0x65, 0xf2)}},         // fa-discord
            {u"meta"_s, {QChar(0xf09a), qRgb(0x08, 0x66, 0xff)}},            // fa-facebook
    };
    return marks.value(providerId);
}

QString brandFontFamily()
{
    static const QString family = [] {
        const QString fontconfigName = u"forkawesome"_s;
        if (QFontDatabase::families().contains(fontconfigName, Qt::CaseInsensitive))
            return fontconfigName;
        const int id = QFontDatabase::addApplicationFont(
                u"/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf"_s);
        const QStringList families = id >= 0 ? QFontDatabase::applicationFontFamilies(id)
                                             : QStringList();
        return families.value(0);
    }();
    return family;
}

QIcon providerIcon(const QString &providerId, const QString &displayName)
{
    static QHash<QString, QIcon> cache;
    const QString key = providerId + u'\n' + displayName;
    if (const auto found = cache.constFind(key); found != cache.cend())
        return *found;

    // A stable hue per id (not qHash: that is seeded per process).
    const QByteArray digest = QCryptographicHash::hash(providerId.toUtf8(),
                                                       QCryptographicHash::Sha1);
    const int hue = (quint8(digest.at(0)) << 8 | quint8(digest.at(1))) % 360;
    const BrandGlyph brand = brandGlyph(providerId);
    const QString family = brand.glyph.isNull() ? QString() : brandFontFamily();
    const bool logo = !family.isEmpty()
                      && QFontMetrics(QFont(family)).inFontUcs4(brand.glyph.unicode());
    const QColor background = logo ? QColor(brand.colour) : QColor::fromHsl(hue, 150, 95);
    const QString initials = logo ? QString(brand.glyph) : providerInitials(displayName);

    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        QPainterPath shape;
        shape.addRoundedRect(QRectF(0.5, 0.5, size - 1.0, size - 1.0), size / 5.0, size / 5.0);
        painter.fillPath(shape, background);
        QFont font = logo ? QFont(family) : painter.font();
        font.setBold(!logo);
        font.setPixelSize(logo ? size * 7 / 10 : initials.size() > 1 ? size * 2 / 5 : size * 3 / 5);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, initials);
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(key, icon);
    return icon;
}

} // namespace wb::ui
