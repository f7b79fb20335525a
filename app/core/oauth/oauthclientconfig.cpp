// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/oauthclientconfig.h"

#include "core/oauth/oauthtr.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

Result<void> checkEndpoint(const QUrl &url, const char *field, bool required)
{
    if (url.isEmpty()) {
        if (!required)
            return {};
        return fail(u"oauth.config_invalid"_s,
                    OAuthTr::tr("The OAuth configuration has no %1.").arg(QLatin1StringView(field)));
    }
    if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s)
        || url.host().isEmpty()) {
        return fail(u"oauth.config_invalid"_s,
                    OAuthTr::tr("The OAuth %1 '%2' is not an http(s) URL.")
                            .arg(QLatin1StringView(field), url.toDisplayString()));
    }
    return {};
}

} // namespace

Result<void> OAuthClientConfig::validate() const
{
    if (auto checked = checkEndpoint(authorizationUrl, "authorization URL", true); !checked)
        return checked;
    if (auto checked = checkEndpoint(tokenUrl, "token URL", true); !checked)
        return checked;
    if (auto checked = checkEndpoint(revocationUrl, "revocation URL", false); !checked)
        return checked;
    if (auto checked = checkEndpoint(checkUrl, "check URL", false); !checked)
        return checked;
    if (auto checked = checkEndpoint(tokenInfoUrl, "token info URL", false); !checked)
        return checked;
    if (accountIdSource == AccountIdSource::TokenInfo && tokenInfoUrl.isEmpty()) {
        return fail(u"oauth.config_invalid"_s,
                    OAuthTr::tr("The account id comes from the token info endpoint, but the OAuth "
                                "configuration names none."));
    }
    if (clientId.isEmpty())
        return fail(u"oauth.config_invalid"_s,
                    OAuthTr::tr("The OAuth configuration has no client id."));
    if (clientAuth != ClientAuthMethod::None && clientSecret.isEmpty()) {
        return fail(u"oauth.config_invalid"_s,
                    OAuthTr::tr("The client authenticates with %1 but no client secret is set.")
                            .arg(nameOf(clientAuth)));
    }
    if (accountIdSource != AccountIdSource::None && accountIdPath.isEmpty()) {
        return fail(u"oauth.config_invalid"_s,
                    OAuthTr::tr("The OAuth configuration names an account id source but no path."));
    }
    if (!accountIdPattern.isEmpty()) {
        const QRegularExpression pattern(accountIdPattern);
        if (!pattern.isValid() || pattern.captureCount() != 1) {
            return fail(u"oauth.config_invalid"_s,
                        OAuthTr::tr("The account id pattern '%1' must be a valid regular "
                                    "expression with exactly one capture group.")
                                .arg(accountIdPattern));
        }
    }
    if (expiryMarginMs < 0) {
        return fail(u"oauth.config_invalid"_s,
                    OAuthTr::tr("The expiry margin must not be negative (got %1 ms).")
                            .arg(expiryMarginMs));
    }
    return {};
}

QString nameOf(ClientAuthMethod method)
{
    switch (method) {
    case ClientAuthMethod::None:
        return u"none"_s;
    case ClientAuthMethod::ClientSecretBasic:
        return u"client_secret_basic"_s;
    case ClientAuthMethod::ClientSecretPost:
        return u"client_secret_post"_s;
    }
    return {};
}

std::optional<ClientAuthMethod> clientAuthMethodFromString(const QString &name)
{
    for (ClientAuthMethod method : {ClientAuthMethod::None, ClientAuthMethod::ClientSecretBasic,
                                    ClientAuthMethod::ClientSecretPost}) {
        if (nameOf(method) == name)
            return method;
    }
    return std::nullopt;
}

} // namespace wb::core
