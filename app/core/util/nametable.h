// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace wb::core {

// The stable names of an enum's values (stored in the database, printed in CLI JSON), as one
// constexpr table per enum; a name is a `const char16_t *` or a QStringView:
//   constexpr std::array states{std::pair{State::Active, u"active"}, …};
// Pure; any thread.

// The name of `value`, "" when the table lacks it.
template<typename E, typename Name, std::size_t N>
QString nameIn(const std::array<std::pair<E, Name>, N> &table, E value)
{
    for (const auto &[entry, name] : table) {
        if (entry == value)
            return QStringView(name).toString();
    }
    return {};
}

// The value named exactly `name` (case-sensitive), nullopt when none is.
template<typename E, typename Name, std::size_t N>
std::optional<E> valueIn(const std::array<std::pair<E, Name>, N> &table, QStringView name)
{
    for (const auto &[entry, entryName] : table) {
        if (name == QStringView(entryName))
            return entry;
    }
    return std::nullopt;
}

} // namespace wb::core
