// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/connectionhealth.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QString ConnectionHealth::reason() const
{
    return findings.isEmpty() ? note : findings.constFirst().reason;
}

HealthAction ConnectionHealth::action() const
{
    return findings.isEmpty() ? HealthAction::None : findings.constFirst().action;
}

QString nameOf(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Failing:
        return u"failing"_s;
    case HealthStatus::Attention:
        return u"attention"_s;
    case HealthStatus::Unknown:
        return u"unknown"_s;
    case HealthStatus::Healthy:
        return u"healthy"_s;
    }
    return {};
}

QString nameOf(HealthAction action)
{
    switch (action) {
    case HealthAction::None:
        return u"none"_s;
    case HealthAction::Renew:
        return u"renew"_s;
    case HealthAction::Reregister:
        return u"reregister"_s;
    case HealthAction::Reenable:
        return u"reenable"_s;
    case HealthAction::Reauthorize:
        return u"reauthorize"_s;
    case HealthAction::Refresh:
        return u"refresh"_s;
    case HealthAction::RotateSecret:
        return u"rotate_secret"_s;
    case HealthAction::CheckEndpoint:
        return u"check_endpoint"_s;
    case HealthAction::Investigate:
        return u"investigate"_s;
    }
    return {};
}

} // namespace wb::core
