// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace wb::core {

class ProviderCatalog;

// An OAuthClientConfig from a JSON object, for `wirebench-cli oauth … --client-config FILE` until
// the provider profiles (app/core/providers) fill it. Field names follow OAuth 2.0 Authorization
// Server Metadata (RFC 8414 §2) and Dynamic Client Registration (RFC 7591 §2):
//   {
//     "provider": "slack",                                  required
//     "issuer": "https://…",                                optional (RFC 9207 check)
//     "authorization_endpoint": "https://…",                required
//     "token_endpoint": "https://…",                        required
//     "revocation_endpoint": "https://…",                   optional (RFC 7009)
//     "userinfo_endpoint": "https://…",                     optional: the validity check
//     "token_info_endpoint": "https://…/{access_token}",    for account_id source token_info
//     "client_id": "…",                                     required
//     "token_endpoint_auth_method": "none",                 none | client_secret_basic |
//                                                           client_secret_post (default none)
//     "scope": "openid offline_access",                     optional, space-separated
//     "authorize_parameters": {"prompt": "consent"},        optional, strings
//     "pkce": true,                                         optional (default true)
//     "account_id": {"source": "id_token", "path": "sub",   optional; source token_response,
//                    "pattern": "…"},                       id_token, redirect or token_info
//     "kept_response_fields": ["instance_url"],             optional
//     "invalid_grant_errors": ["invalid_grant"],            optional
//     "expiry_margin_ms": 60000                             optional
//   }
// A client secret is never read from the file: it lives in the keychain.
// Errors: `oauth.config_invalid`, naming `source` (the file), the key and the problem.
Result<OAuthClientConfig> clientConfigFromJson(const QByteArray &json, const QString &source);

// As above, and also a configuration that names a provider profile (app/core/providers) for the
// endpoints, scopes and account id (clientConfigFromProfile, profileclientconfig.h):
//   {
//     "profile": "shopify",                      required: a profile id in `catalog`
//     "client_id": "…",                          required
//     "token_endpoint_auth_method": "none",      as above (default none)
//     "placeholders": {"shop": "umbrella"},      values of the profile's URL placeholders
//     "scope": "read_products write_orders",     optional, space-separated; replaces the
//                                                profile's default scopes
//     "expiry_margin_ms": 60000                  optional
//   }
// Errors: those above; `provider.unknown` for a profile id that `catalog` does not have; those of
// clientConfigFromProfile (placeholders without a value, a provider without OAuth).
Result<OAuthClientConfig> clientConfigFromJson(const QByteArray &json, const QString &source,
                                               const ProviderCatalog &catalog);

} // namespace wb::core
