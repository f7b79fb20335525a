// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace wb::core {

// How a provider's API tells whether one of our webhook registrations is still there and active,
// and how to renew or recreate it: the profile's "registration" section (resources/providers/
// README.md). Read by app/core/health.
//
// Paths are appended to the API base (the connection's base URL when set, else `apiBase`) and may
// hold the placeholders {id} (the provider's id of the registration, percent-encoded) and {scope}
// (where it lives, e.g. GitHub "repos/octo/hello" or "orgs/octo"; kept as written). A body may hold
// {expires_at} (RFC 3339 UTC, the new expiry). Pointers are JSON pointers (RFC 6901) into the
// provider's JSON answer.
struct RegistrationApi
{
    bool present = false;
    QString apiBase; // https URL; may use the oauth placeholders
    QString authHeader = QStringLiteral("Authorization"); // other names get the bare token
    QMap<QString, QString> headers;                       // sent with every request

    // Checking: GET apiBase + checkPath.
    QString checkPath;
    QList<int> missingStatuses = {404, 410}; // "the registration is gone"
    QString activePointer;                   // empty: existing means active
    QStringList activeValues;                // the value's text when active ("true", "enabled")
    QString expiresPointer;                  // RFC 3339 expiry (Graph expirationDateTime)
    QString lastDeliveryPointer;             // the provider's last delivery status (GitHub)
    QString lastDeliveryMessagePointer;
    QString targetUrlPointer; // where the provider sends (to compare with ours)

    // Renewal ahead of expiry (Graph subscriptions).
    bool renewable = false;
    QString renewMethod = QStringLiteral("PATCH");
    QString renewPath;
    QString renewBody;            // a JSON template with {expires_at}
    int renewLifetimeMinutes = 0; // the new expiry is now + this
    int renewAheadMinutes = 0;    // renew when the expiry is closer than this
    // Lifetimes by the subscribed resource, where the provider allows different maximums per
    // resource (Graph: presence 60 min, Outlook messages 10080 min, …). The resource is read at
    // `renewResourcePointer` from the registration's stored creation body; the first entry whose
    // pattern matches it (and whose includeResourceData condition holds) gives the lifetime.
    struct ResourceLifetime
    {
        QString resourcePattern;                 // a regular expression, case-insensitive
        std::optional<bool> includeResourceData; // only when the body's flag has this value
        int minutes = 0;                         // the new expiry is now + this
        int aheadMinutes = 0; // renew this close to the expiry; 0: the profile's lead, at most
                              // half the lifetime
    };
    QString renewResourcePointer; // into the creation body, e.g. "/resource"
    QString renewRichPointer;     // into the creation body, e.g. "/includeResourceData"
    QList<ResourceLifetime> renewLifetimes;

    // Re-registration of a missing registration (only when the engineer allowed it for the
    // registration): the stored creation body is sent again.
    bool reregisterable = false;
    QString reregisterMethod = QStringLiteral("POST");
    QString reregisterPath;
    QString reregisterContentType = QStringLiteral("application/json");
    QString newIdPointer = QStringLiteral("/id"); // the new registration's id in the answer
    QString newSecretPointer; // a signing secret the provider issues on creation (Stripe)

    QString notes;
};

} // namespace wb::core
