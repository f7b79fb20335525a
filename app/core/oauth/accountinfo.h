// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"
#include "core/oauth/tokenresponse.h"
#include "core/util/result.h"

#include <QNetworkRequest>
#include <QString>

namespace wb::core {

// The account id of providers that do not put it in the token response (OAuthClientConfig::
// accountIdSource):
//  - AccountIdSource::TokenInfo: a GET to the profile's token info endpoint right after the code
//    exchange. HubSpot: GET https://api.hubapi.com/oauth/v1/access-tokens/{access_token} answers
//    {"hub_id": 62515, "hub_domain": …} (developers.hubspot.com, OAuth API "Get access token
//    information"); an OpenID Connect userinfo endpoint answers {"sub": …} to a bearer token
//    (OpenID Connect Core §5.3).
//  - AccountIdSource::RedirectParameter: a query parameter of the authorization redirect. GitHub
//    Apps that request user authorization during installation redirect with `installation_id`
//    and `setup_action=install` (docs.github.com, "About the setup URL" / "Generating a user
//    access token for a GitHub App").

// The GET for the token info endpoint. When `config.tokenInfoUrl`'s path holds the literal
// placeholder "{access_token}", it is replaced by the percent-encoded token (HubSpot's form);
// otherwise the token goes in `Authorization: Bearer …` (RFC 6750 §2.1). `Accept:
// application/json`; the transfer times out after endpointTimeoutMs.
QNetworkRequest tokenInfoRequest(const OAuthClientConfig &config, const QString &accessToken);

// What the token info endpoint said: the account id at `config.accountIdPath` (after
// `config.accountIdPattern`), and the fields of `config.keptResponseFields` it holds, without
// secrets. `accessToken` (the one sent) never appears in an error message. Errors: endpointFailure()'s (oauth.network_error, oauth.provider_unavailable,
// oauth.token_error…), oauth.bad_token_response (not a JSON object), oauth.account_id_missing.
struct TokenInfo
{
    QString accountId;
    QJsonObject kept;
};
Result<TokenInfo> parseTokenInfo(const EndpointReply &reply, const OAuthClientConfig &config,
                                 const QString &accessToken);

// The account id from the authorization redirect's (decoded) query parameter
// `config.accountIdPath`, after `config.accountIdPattern`. Error: oauth.account_id_missing, naming
// the parameter.
Result<QString> accountIdFromRedirect(const QString &parameterValue,
                                      const OAuthClientConfig &config);

} // namespace wb::core
