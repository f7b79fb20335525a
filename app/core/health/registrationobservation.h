// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/registration.h"

#include <QString>

#include <optional>

namespace wb::core {

// What one check of a registration through the provider's API saw.
struct RegistrationObservation
{
    RegistrationState state = RegistrationState::CheckFailed;
    QString detail;                    // for people: "HTTP 404", "active is false", …
    int httpStatus = 0;                // 0 when no HTTP answer came
    std::optional<qint64> expiresAtMs; // the provider's expiry, when it reports one (UTC ms)
    QString lastDeliveryStatus;        // the provider's last delivery ("502 Bad Gateway")
    QString targetUrl;                 // where the provider sends, when it says

    bool operator==(const RegistrationObservation &other) const = default;
};

} // namespace wb::core
