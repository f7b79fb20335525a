// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/randomsource.h"

namespace wb::core {

double SystemRandomSource::uniform()
{
    return QRandomGenerator::global()->generateDouble();
}

SystemRandomSource *SystemRandomSource::instance()
{
    static SystemRandomSource source;
    return &source;
}

double ScriptedRandomSource::uniform()
{
    QMutexLocker lock(&m_mutex);
    if (m_values.isEmpty())
        return 0.0;
    const double value = m_values.at(m_next % m_values.size());
    ++m_next;
    return value;
}

} // namespace wb::core
