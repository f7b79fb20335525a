// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"
#include "core/providers/providerprofile.h"
#include "core/util/result.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace wb::core {

// What one connection adds to its provider's profile to make an OAuth client configuration: the
// client registration (id and how it authenticates; the secret itself is read from the keychain
// by the caller) and the values of the profile's URL placeholders (Shopify `{shop}`, Microsoft
// `{tenant}`, Salesforce `{login_host}`).
struct ProfileClientSettings
{
    QString clientId;
    ClientAuthMethod clientAuth = ClientAuthMethod::None;
    // Placeholder name (without braces) → value. Overrides the profile's defaults
    // (OAuthSettings::urlPlaceholders). `{client_id}` is always `clientId`.
    QMap<QString, QString> placeholders;
    // Replaces the profile's default scopes when set.
    std::optional<QStringList> scopes;
};

// The bridge from a provider profile (app/core/providers, resources/providers/*.json) to the OAuth
// core: the profile's authorize, token, revoke and check URLs with their placeholders filled in,
// its default scopes and scope separator, its extra authorize parameters, PKCE unless the profile
// says the provider does not support it (RFC 7636 §4.3: servers ignore unknown parameters, so
// "unknown" keeps it), and where the account id sits in the token response (the profile's JSON
// pointer, RFC 6901, e.g. Slack `/team/id`; its first segment and the `account_name` and
// `instance_url` pointers' first segments are kept as TokenSet::extra), or which claim of the
// OpenID Connect ID Token names it (the profile's `account_id_claim`, AccountIdSource::IdTokenClaim).
//
// Pure function; any thread. Errors (code `oauth.config_invalid`, the message names the profile's
// file and the field):
//  - the profile has no OAuth section;
//  - a placeholder of a URL has no value (neither in `settings` nor a default in the profile);
//  - a placeholder value that is not a single URL host label or path segment (it would change the
//    URL's host or path: `/`, `?`, `#`, `@`, `:` or a space);
//  - a filled-in URL that is not a URL with a host;
//  - a JSON pointer of the profile that is not of the form "/a/b" (segments without '.');
//  - no client id.
// The result has no client secret: set it, then call OAuthClientConfig::validate() before use.
Result<OAuthClientConfig> clientConfigFromProfile(const ProviderProfile &profile,
                                                  const ProfileClientSettings &settings);

} // namespace wb::core
