// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/registration.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
template<typename E, std::size_t N>
QString nameIn(const std::array<std::pair<E, const char16_t *>, N> &table, E value)
{
    for (const auto &[entry, name] : table) {
        if (entry == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueIn(const std::array<std::pair<E, const char16_t *>, N> &table,
                         const QString &name)
{
    for (const auto &[entry, entryName] : table) {
        if (name == QStringView(entryName))
            return entry;
    }
    return std::nullopt;
}

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
