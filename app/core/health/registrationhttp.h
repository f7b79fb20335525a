// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/registration.h"
#include "core/health/registrationobservation.h"
#include "core/providers/registrationapi.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QUrl>

#include <optional>

namespace wb::core {

// The pure parts of talking to a provider about a registration: where to send, and what an answer
// means. No I/O; any thread.
class RegistrationHttp final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::RegistrationHttp)

public:
    // apiBase (the connection's base URL when valid, else the profile's `api_base`) + `path` with
    // {id} (percent-encoded) and {scope} filled from `registration`. Errors:
    // `health.no_api_base` (the profile's base has a placeholder such as {shop} and the connection
    // gives no base URL), `health.invalid_registration` (a {scope} path with an empty scope).
    static Result<QUrl> url(const RegistrationApi &api, const QUrl &connectionBaseUrl,
                            const QString &path, const Registration &registration);

    // The check's address: url() with the profile's check path, and its `checkQuery` with {id}
    // and {scope} filled (both as given; QUrlQuery encodes them). Errors: those of url(), and
    // `health.invalid_registration` for a {scope} parameter with an empty scope.
    static Result<QUrl> checkUrl(const RegistrationApi &api, const QUrl &connectionBaseUrl,
                                 const Registration &registration);

    // Whether two target URLs name the same address: scheme and host in any case, with or
    // without the default port or a trailing slash (RFC 3986 §6.2.2, §6.2.3).
    static bool sameTargetUrl(const QString &a, const QString &b);

    // The header that carries the credential and its value: the Authorization value as given
    // ("Bearer <token>", RFC 6750 §2.1) for "Authorization", the bare token for another header
    // (Shopify X-Shopify-Access-Token). Empty when `authorization` is empty.
    static QByteArray credentialValue(const RegistrationApi &api, const QByteArray &authorization);
    // The token of an Authorization value without its scheme ("Bearer x" → "x").
    static QByteArray bareToken(const QByteArray &authorization);

    // What a check answer about `registration` means (UTC ms `nowMs` to judge the expiry):
    //  - a status in `missingStatuses` → Missing; 401/403 → AccessDenied;
    //  - 2xx with a JSON object:
    //     - an error at `errorPointer` → Missing (`missingErrors`), AccessDenied
    //       (`deniedErrors`) or CheckFailed (any other);
    //     - with `listPointer`: the item whose `listIdPointer` is the registration's external id,
    //       none → Missing; the pointers below are read relative to it;
    //     - Disabled when `activePointer` holds a value outside `activeValues`, or when
    //       `targetUrlPointer` is declared and the answer names no address, or another than the
    //       registration's target URL (when it has one); Expired when `expiresPointer` holds a
    //       time not after `nowMs`; else Active. The expiry, last delivery and target URL are
    //       read when declared;
    //  - anything else (429, 5xx, 3xx, a body that is not JSON) → CheckFailed.
    static RegistrationObservation readCheckAnswer(const RegistrationApi &api, int status,
                                                   const QByteArray &body, qint64 nowMs,
                                                   const Registration &registration = {});

    // How long a renewal (or a re-registration) asks the registration to live, and how close to
    // its expiry it is renewed. In this order: the registration's own lifetime
    // (Registration::renewLifetimeMinutes > 0); the first of the profile's per-resource
    // lifetimes that matches the resource in the registration's stored creation body (Graph:
    // the maximum differs per resource, learn.microsoft.com/graph/api/resources/subscription
    // "Maximum length of subscription per resource type"); the profile's lifetime. The lead is
    // the entry's `ahead_minutes`, else the profile's, at most half the lifetime. Minutes.
    struct RenewalTerms
    {
        int lifetimeMinutes = 0;
        int aheadMinutes = 0;
        QString resource; // the resource the lifetime was chosen for; "" when none matched
    };
    static RenewalTerms renewalTerms(const RegistrationApi &api, const Registration &registration);

    // The value at `pointer` (RFC 6901) in `document`, or undefined.
    static QJsonValue valueAt(const QJsonValue &document, const QString &pointer);
    // A JSON value as text: strings as they are, booleans "true"/"false", integral numbers without
    // a fraction, null and undefined "".
    static QString text(const QJsonValue &value);
    // An RFC 3339 date-time (any number of fraction digits, Z or an offset) as UTC ms.
    static std::optional<qint64> parseTime(const QString &text);
    // UTC ms as RFC 3339 with milliseconds and Z ("2026-11-30T10:00:00.000Z").
    static QString formatTime(qint64 ms);

    // The provider's reason in an error answer, for messages: Graph/Stripe error.message, GitHub
    // message, else the start of the body. At most 300 characters.
    static QString errorText(const QByteArray &body);
};

} // namespace wb::core
