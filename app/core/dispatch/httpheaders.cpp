// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/httpheaders.h"

namespace wb::core {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

void HttpHeaders::append(QByteArray name, QByteArray value)
{
    m_fields.append({std::move(name), std::move(value)});
}

bool HttpHeaders::contains(QByteArrayView name) const
{
    for (const RawHeader &field : m_fields) {
        if (sameName(field.first, name))
            return true;
    }
    return false;
}

QByteArray HttpHeaders::value(QByteArrayView name) const
{
    QByteArray joined;
    bool found = false;
    for (const RawHeader &field : m_fields) {
        if (!sameName(field.first, name))
            continue;
        if (found)
            joined += ", ";
        joined += field.second.trimmed();
        found = true;
    }
    if (found && joined.isNull())
        joined = QByteArray("", 0);
    return joined;
}

} // namespace wb::core
