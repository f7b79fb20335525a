// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/verification/signaturetimestamp.h"

#include <QDateTime>

namespace wb::core {

std::optional<qint64> parseSignatureTimestamp(QByteArrayView text, TimestampUnit unit)
{
    if (text.isEmpty())
        return std::nullopt;
    if (unit == TimestampUnit::Iso8601) {
        const QDateTime parsed = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
        if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime)
            return std::nullopt;
        return parsed.toMSecsSinceEpoch();
    }
    if (text.size() > 16)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return unit == TimestampUnit::Seconds ? value * 1000 : value;
}

QByteArray formatSignatureTimestamp(qint64 ms, TimestampUnit unit)
{
    switch (unit) {
    case TimestampUnit::Seconds:
        return QByteArray::number(ms / 1000);
    case TimestampUnit::Milliseconds:
        return QByteArray::number(ms);
    case TimestampUnit::Iso8601:
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate).toLatin1();
    }
    return {};
}

bool withinTolerance(qint64 timestampMs, qint64 nowMs, int toleranceSeconds, TimestampUnit unit)
{
    if (unit == TimestampUnit::Seconds) {
        const qint64 nowSeconds = nowMs >= 0 ? nowMs / 1000 : (nowMs - 999) / 1000;
        const qint64 skew = nowSeconds - timestampMs / 1000;
        return skew <= toleranceSeconds && -skew <= toleranceSeconds;
    }
    const qint64 skew = nowMs - timestampMs;
    return skew <= qint64(toleranceSeconds) * 1000 && -skew <= qint64(toleranceSeconds) * 1000;
}

} // namespace wb::core
