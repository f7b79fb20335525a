// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/connection.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QString nameOf(ConnectionStatus status)
{
    switch (status) {
    case ConnectionStatus::Unauthorized:
        return u"unauthorized"_s;
    case ConnectionStatus::Authorized:
        return u"authorized"_s;
    case ConnectionStatus::Expiring:
        return u"expiring"_s;
    case ConnectionStatus::NeedsReauthorization:
        return u"needs_reauthorization"_s;
    case ConnectionStatus::Revoked:
        return u"revoked"_s;
    case ConnectionStatus::Disabled:
        return u"disabled"_s;
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<ConnectionStatus> connectionStatusFromName(const QString &name)
{
    for (ConnectionStatus status :
         {ConnectionStatus::Unauthorized, ConnectionStatus::Authorized, ConnectionStatus::Expiring,
          ConnectionStatus::NeedsReauthorization, ConnectionStatus::Revoked,
          ConnectionStatus::Disabled}) {
        if (nameOf(status) == name)
            return status;
    }
    return std::nullopt;
}

} // namespace wb::core
