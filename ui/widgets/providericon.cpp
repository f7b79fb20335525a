// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/providericon.h"

#include <QColor>
#include <QCryptographicHash>
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
    const QColor background = QColor::fromHsl(hue, 150, 95);
    const QString initials = providerInitials(displayName);

    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        QPainterPath shape;
        shape.addRoundedRect(QRectF(0.5, 0.5, size - 1.0, size - 1.0), size / 5.0, size / 5.0);
        painter.fillPath(shape, background);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(initials.size() > 1 ? size * 2 / 5 : size * 3 / 5);
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
