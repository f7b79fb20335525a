// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace wb::core {

// The outcome of a validity check through the provider's check endpoint (userinfo…), as
// ValidityChecker makes it and StoreTokenStore keeps it (table `oauth_validity_checks`, one row
// per connection: the latest check), so that every process sharing the workspace sees it.
struct ValidityCheck
{
    enum class Verdict {
        Valid,   // "valid": the check endpoint accepted the access token
        Invalid, // "invalid": it refused it, and a refresh did not help (see ValidityChecker)
        Unknown, // "unknown": network failure, provider outage, no check endpoint: nothing known
    };
    Verdict verdict = Verdict::Unknown;
    qint64 checkedAtMs = 0; // UTC ms
    int httpStatus = 0;     // 0 when no HTTP response arrived
    QString message;        // for people; never contains a token

    bool operator==(const ValidityCheck &other) const = default;
};

// The stored names ("valid", "invalid", "unknown").
QString nameOf(ValidityCheck::Verdict verdict);
std::optional<ValidityCheck::Verdict> validityVerdictFromName(const QString &name);

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::ValidityCheck)
