// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

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
    // Whose credential the requests carry (the profile's "auth": {"credential": …}). Webhook
    // registrations are often app-level resources that the tenant's access token cannot read.
    enum class Credential {
        // "access_token" (default): the connection's access token (ConnectionCredentials).
        AccessToken,
        // "app_credential": the connection's stored app credential (SecretKind::AppCredential),
        // as a bearer token or in `credentialQueryParameter`: a HubSpot developer API key
        // (?hapikey=, developers.hubspot.com/docs/api-reference/legacy/webhooks), a Slack app
        // configuration token (docs.slack.dev/app-manifests/configuring-apps-with-app-manifests).
        AppCredential,
        // "client_credentials": a token of the app itself from the connection's OAuth client
        // (RFC 6749 §4.4, grant_type=client_credentials at its token endpoint): Zoom's event
        // subscriptions are app-owned and read with such a token (developers.zoom.us/docs/api/
        // marketplace, "Get user or account event subscriptions").
        ClientCredentials,
    };
    bool present = false;
    QString apiBase; // https URL; may use the oauth placeholders
    QString authHeader = QStringLiteral("Authorization"); // other names get the bare token
    QMap<QString, QString> headers;                       // sent with every request
    Credential credential = Credential::AccessToken;
    // Not empty: the credential goes into this query parameter, bare, instead of a header.
    QString credentialQueryParameter;
    // GitHub: a registration whose scope is this ("app") is the GitHub App's own webhook, checked
    // through GET /app/hook/config and /app/hook/deliveries with an app JWT
    // (core/health/githubapphookclient.h); its external id is the app's client ID or application
    // ID, and the connection's app credential is the app's private key (PEM).
    QString appWebhookScope;
    // Whether a registration with this scope is the app's own webhook (see appWebhookScope).
    bool isAppWebhook(const QString &scope) const
    {
        return !appWebhookScope.isEmpty() && scope == appWebhookScope;
    }
    // For people: what the connection's app credential is at this provider and where to get it
    // ("the app's developer API key (…)"); empty when the provider's checks need none.
    QString appCredentialHint;

    // Checking: GET apiBase + checkPath.
    QString checkPath;
    // Query parameters added to the check (values may hold {id} and {scope}): Slack's
    // apps.manifest.export?app_id={id}, Zoom's ?account_id={scope}.
    QList<std::pair<QString, QString>> checkQuery;
    QList<int> missingStatuses = {404, 410}; // "the registration is gone"
    // The answer lists registrations (Zoom: every event subscription of an account): the list is
    // at `listPointer`, and the registration is the item whose `listIdPointer` (relative to the
    // item) equals its external id; no such item: Missing. The other pointers are then read
    // relative to that item.
    QString listPointer;
    QString listIdPointer;
    // Where a paged list says there is a next page (Zoom's next_page_token): not finding ours
    // while it holds a value is CheckFailed, not Missing (only the first page is read).
    QString nextPagePointer;
    // Errors in a 2xx answer (Slack's Web API answers HTTP 200 {"ok": false, "error": "…"},
    // docs.slack.dev/apis/web-api "Evaluating responses"): a non-empty value at `errorPointer`
    // is an error; those in `missingErrors` mean Missing, those in `deniedErrors` AccessDenied,
    // any other CheckFailed.
    QString errorPointer;
    QStringList missingErrors;
    QStringList deniedErrors;
    QString activePointer;       // empty: existing means active
    QStringList activeValues;    // the value's text when active ("true", "enabled")
    QString expiresPointer;      // RFC 3339 expiry (Graph expirationDateTime)
    QString lastDeliveryPointer; // the provider's last delivery status (GitHub)
    QString lastDeliveryMessagePointer;
    // Where the provider sends. When declared, the answer must name our registration's target
    // URL (when it has one): another address, or none, is Disabled (events go elsewhere, or
    // nowhere: a Slack app whose event subscriptions were switched off has no request URL).
    QString targetUrlPointer;

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
