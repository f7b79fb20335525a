// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/oneshotbody.h"

#include <cstring>

namespace wb::core {

OneShotBody::OneShotBody(QByteArray bytes, QObject *parent)
    : QIODevice(parent)
    , m_bytes(std::move(bytes))
{
    open(QIODevice::ReadOnly);
}

bool OneShotBody::seek(qint64 pos)
{
    if (m_started && pos < this->pos()) {
        m_refusedResend = true;
        return false;
    }
    return QIODevice::seek(pos);
}

bool OneShotBody::reset()
{
    return seek(0);
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 available = m_bytes.size() - pos();
    if (available <= 0)
        return -1;
    const qint64 count = qMin(maxSize, available);
    std::memcpy(data, m_bytes.constData() + pos(), size_t(count));
    if (count > 0)
        m_started = true;
    return count;
}

qint64 OneShotBody::writeData(const char *, qint64)
{
    return -1;
}

} // namespace wb::core
