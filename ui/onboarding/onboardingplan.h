// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"
#include "core/providers/providerprofile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace wb::core {
class ProviderCatalog;
}

// The onboarding wizard's decisions, without widgets (tested with QTEST_GUILESS_MAIN): what a
// provider needs in words, inline validation of the tenant name and the OAuth client, the client
// JSON handed to ConnectionAuthorizer (core/oauth/clientconfigjson.h) and webhook signing secrets
// of our own. Pure functions; any thread.
namespace wb::ui::onboarding {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::OnboardingWizard)
};

// What a provider asks of the person onboarding it, from its profile, one sentence each.
struct ProviderNeeds
{
    bool oauth = false;
    QString authorization; // "OAuth 2.0 in the browser (PKCE); you enter the client id…"
    QString signature;     // "Webhooks are signed: HMAC-SHA256 in X-Hub-Signature-256."
    QString handshake;     // "" when the provider performs none
};
ProviderNeeds providerNeeds(const core::ProviderProfile &profile);

// Why `name` cannot be a new tenant's name, or "" when it can: empty after trimming, longer than
// 200 characters, or already used by one of `existingNames` (compared case-insensitively, as the
// store does for ASCII letters).
QString tenantNameProblem(const QString &name, const QStringList &existingNames);

// What the person entered on the OAuth client page.
struct ClientInput
{
    QString clientId;
    core::ClientAuthMethod clientAuth = core::ClientAuthMethod::ClientSecretPost;
    bool hasSecret = false;              // a client secret was entered (the value is not here)
    QMap<QString, QString> placeholders; // the profile's URL placeholders (name → value)
    QString scope;                       // space-separated; "" = the profile's default scopes
};

// One problem of a field, for an inline message. `field`: "client_id", "client_secret", "scope",
// or "placeholder:<name>".
struct FieldProblem
{
    QString field;
    QString message;
};

// The profile's URL placeholders the person fills in: every one the URLs use except {client_id}
// (which is the client id), with its default ("" = none).
QMap<QString, QString> editablePlaceholders(const core::ProviderProfile &profile);
// A label for a placeholder ("Shop (the part before .myshopify.com)" for {shop}).
QString placeholderLabel(const QString &name);

// The inline problems of `input` for `profile` (empty: none): no client id; a secret missing for a
// client that authenticates with one; a placeholder without a value or with a character that
// would change the URL's host or path (as clientConfigFromProfile refuses it, profileclientconfig.h).
QList<FieldProblem> clientProblems(const core::ProviderProfile &profile, const ClientInput &input);

// The client JSON for ConnectionAuthorizer: {"profile", "client_id", "token_endpoint_auth_method",
// "placeholders", "scope"} (clientconfigjson.h); never a secret.
QByteArray clientJson(const QString &providerId, const ClientInput &input);

// A webhook signing secret of our own for providers that let you choose one
// (ProviderProfile::webhookSecretChosenByYou): 32 bytes from the system's CSPRNG
// (QRandomGenerator::system()) as 64 lower-case hex characters.
QByteArray generateWebhookSecret();

} // namespace wb::ui::onboarding
