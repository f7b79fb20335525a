// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/healthcolours.h"

#include <QPainter>
#include <QPixmap>

namespace wb::models {

QColor healthColour(core::HealthStatus status)
{
    switch (status) {
    case core::HealthStatus::Failing:
        return QColor(0xc6, 0x28, 0x28);
    case core::HealthStatus::Attention:
        return QColor(0xe0, 0x8a, 0x00);
    case core::HealthStatus::Unknown:
        return QColor(0x9e, 0x9e, 0x9e);
    case core::HealthStatus::Healthy:
        return QColor(0x2e, 0x7d, 0x32);
    }
    return {};
}

QIcon withHealthBadge(const QIcon &base, core::HealthStatus status)
{
    if (status != core::HealthStatus::Failing && status != core::HealthStatus::Attention)
        return base;
    QIcon badged;
    for (int size : {16, 22, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        if (!base.isNull())
            base.paint(&painter, 0, 0, size, size);
        const qreal diameter = size * 0.55;
        const QRectF dot(size - diameter - 0.5, size - diameter - 0.5, diameter, diameter);
        painter.setPen(QPen(Qt::white, qMax(1.0, size / 16.0)));
        painter.setBrush(healthColour(status));
        painter.drawEllipse(dot);
        painter.end();
        badged.addPixmap(pixmap);
    }
    return badged;
}

} // namespace wb::models
