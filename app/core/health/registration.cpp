// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/registration.h"

#include "core/util/nametable.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
constexpr std::array states{
        std::pair{RegistrationState::Unchecked, u"unchecked"},
        std::pair{RegistrationState::Active, u"active"},
        std::pair{RegistrationState::Disabled, u"disabled"},
        std::pair{RegistrationState::Missing, u"missing"},
        std::pair{RegistrationState::Expired, u"expired"},
        std::pair{RegistrationState::AccessDenied, u"access_denied"},
        std::pair{RegistrationState::CheckFailed, u"check_failed"},
};
constexpr std::array origins{
        std::pair{RegistrationOrigin::Onboarding, u"onboarding"},
        std::pair{RegistrationOrigin::ProviderApi, u"provider_api"},
        std::pair{RegistrationOrigin::Manual, u"manual"},
};
constexpr std::array actions{
        std::pair{RegistrationAction::None, u""},
        std::pair{RegistrationAction::Renewed, u"renewed"},
        std::pair{RegistrationAction::RenewFailed, u"renew_failed"},
        std::pair{RegistrationAction::Reregistered, u"reregistered"},
        std::pair{RegistrationAction::ReregisterFailed, u"reregister_failed"},
};
} // namespace

QString Registration::displayName() const
{
    if (scope.isEmpty())
        return externalId;
    return scope + u" #"_s + externalId;
}

QString nameOf(RegistrationState state)
{
    return nameIn(states, state);
}

std::optional<RegistrationState> registrationStateFromName(const QString &name)
{
    return valueIn(states, name);
}

QString nameOf(RegistrationOrigin origin)
{
    return nameIn(origins, origin);
}

std::optional<RegistrationOrigin> registrationOriginFromName(const QString &name)
{
    return valueIn(origins, name);
}

QString nameOf(RegistrationAction action)
{
    return nameIn(actions, action);
}

std::optional<RegistrationAction> registrationActionFromName(const QString &name)
{
    return valueIn(actions, name);
}

} // namespace wb::core
