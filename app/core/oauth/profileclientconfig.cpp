// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/profileclientconfig.h"

#include "core/oauth/oauthtr.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

Error invalid(const ProviderProfile &profile, const QString &message)
{
    return Error{u"oauth.config_invalid"_s, OAuthTr::tr("Provider profile %1 (%2): %3")
                                                    .arg(profile.id, profile.originPath, message)};
}

// The value of every {name} in `url`, except `kept` (filled in later, such as the token info
// URL's {access_token}); errors name the field.
Result<QUrl> fillUrl(const ProviderProfile &profile, const QString &field, const QString &pattern,
                     const QMap<QString, QString> &values, const QString &kept = {})
{
    if (pattern.isEmpty())
        return QUrl();
    static const QRegularExpression placeholder(u"\\{([a-z0-9_]+)\\}"_s);
    // A value stays inside one host label or path segment: it cannot move the request elsewhere.
    static const QRegularExpression unsafe(u"[/?#@:\\s\\\\{}%]"_s);
    QString filled;
    qsizetype from = 0;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(pattern);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        if (!kept.isEmpty() && name == kept) {
            filled += pattern.mid(from, match.capturedEnd() - from);
            from = match.capturedEnd();
            continue;
        }
        const QString value = values.value(name);
        if (value.isEmpty()) {
            return fail(invalid(profile, OAuthTr::tr("%1 needs a value for {%2}; give it with the "
                                                     "connection's OAuth settings.")
                                                 .arg(field, name)));
        }
        if (value.contains(unsafe)) {
            return fail(invalid(profile,
                                OAuthTr::tr("the value '%1' for {%2} in %3 contains a character "
                                            "that would change the URL's host or path.")
                                        .arg(value, name, field)));
        }
        filled += pattern.mid(from, match.capturedStart() - from) + value;
        from = match.capturedEnd();
    }
    filled += pattern.mid(from);
    // A kept "{name}" is not valid in a strict URL; QUrl percent-encodes its braces.
    const QUrl url(filled, kept.isEmpty() ? QUrl::StrictMode : QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty())
        return fail(invalid(profile, OAuthTr::tr("%1 '%2' is not a URL.").arg(field, filled)));
    return url;
}

// "/team/id" → {"team", "id"}. RFC 6901 §4 escapes (~1 for '/', ~0 for '~') are undone.
Result<QStringList> pointerSegments(const ProviderProfile &profile, const QString &field,
                                    const QString &pointer)
{
    if (!pointer.startsWith(u'/') || pointer.size() < 2) {
        return fail(invalid(profile, OAuthTr::tr("%1 '%2' is not a JSON pointer like /team/id.")
                                             .arg(field, pointer)));
    }
    QStringList segments = pointer.mid(1).split(u'/');
    for (QString &segment : segments) {
        segment.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        // The OAuth core addresses fields with dotted paths (OAuthClientConfig::accountIdPath).
        if (segment.isEmpty() || segment.contains(u'.')) {
            return fail(invalid(profile,
                                OAuthTr::tr("%1 '%2' has a segment that is empty or contains '.'.")
                                        .arg(field, pointer)));
        }
    }
    return segments;
}

} // namespace

Result<OAuthClientConfig> clientConfigFromProfile(const ProviderProfile &profile,
                                                  const ProfileClientSettings &settings)
{
    const OAuthSettings &oauth = profile.oauth;
    if (!oauth.present) {
        return fail(invalid(profile, OAuthTr::tr("the provider has no OAuth flow in Wirebench "
                                                 "(its profile has no \"oauth\" section).")));
    }
    if (settings.clientId.isEmpty())
        return fail(invalid(profile, OAuthTr::tr("the connection has no OAuth client id.")));

    QMap<QString, QString> values = oauth.urlPlaceholders;
    for (auto it = settings.placeholders.cbegin(); it != settings.placeholders.cend(); ++it)
        values.insert(it.key(), it.value());
    values.insert(u"client_id"_s, settings.clientId);

    OAuthClientConfig config;
    config.providerId = profile.id;
    const std::tuple<QString, const QString *, QUrl *> urls[] = {
            {u"authorize_url"_s, &oauth.authorizeUrl, &config.authorizationUrl},
            {u"token_url"_s, &oauth.tokenUrl, &config.tokenUrl},
            {u"revoke_url"_s, &oauth.revokeUrl, &config.revocationUrl},
            {u"check_url"_s, &oauth.checkUrl, &config.checkUrl},
    };
    for (const auto &[field, pattern, url] : urls) {
        Result<QUrl> filled = fillUrl(profile, field, *pattern, values);
        if (!filled)
            return fail(filled.error());
        *url = *filled;
    }
    if (config.authorizationUrl.isEmpty() || config.tokenUrl.isEmpty()) {
        return fail(invalid(profile, OAuthTr::tr("authorize_url and token_url are both needed for "
                                                 "the authorization-code flow.")));
    }

    config.revocationRequest = oauth.revokeRequest;
    config.clientId = settings.clientId;
    config.clientAuth = settings.clientAuth;
    config.scopes = settings.scopes.value_or(oauth.defaultScopes);
    config.scopeSeparator = oauth.scopeSeparator.isEmpty() ? u" "_s : oauth.scopeSeparator;
    for (auto it = oauth.extraAuthorizeParameters.cbegin();
         it != oauth.extraAuthorizeParameters.cend(); ++it) {
        config.extraAuthorizeParameters.append({it.key(), it.value()});
    }
    config.usePkce = oauth.pkce != PkceSupport::Unsupported;

    const TokenResponseQuirks &quirks = oauth.tokenResponse;
    if (!quirks.accountIdPointer.isEmpty()) {
        Result<QStringList> segments = pointerSegments(profile, u"token_response.account_id"_s,
                                                       quirks.accountIdPointer);
        if (!segments)
            return fail(segments.error());
        config.accountIdSource = AccountIdSource::TokenResponse;
        config.accountIdPath = segments->join(u'.');
        config.keptResponseFields.append(segments->constFirst());
    } else if (!quirks.accountIdClaim.isEmpty()) {
        // A claim of the ID Token in the token response (OpenID Connect Core 1.0 §3.1.3.3).
        config.accountIdSource = AccountIdSource::IdTokenClaim;
        config.accountIdPath = quirks.accountIdClaim;
    }
    if (!oauth.tokenInfo.url.isEmpty()) {
        // The account id from the token info endpoint (accountinfo.h), e.g. HubSpot's `hub_id`.
        Result<QUrl> info = fillUrl(profile, u"token_info.url"_s, oauth.tokenInfo.url, values,
                                    u"access_token"_s);
        if (!info)
            return fail(info.error());
        Result<QStringList> segments = pointerSegments(profile, u"token_info.account_id"_s,
                                                       oauth.tokenInfo.accountIdPointer);
        if (!segments)
            return fail(segments.error());
        config.tokenInfoUrl = *info;
        config.accountIdSource = AccountIdSource::TokenInfo;
        config.accountIdPath = segments->join(u'.');
        if (!oauth.tokenInfo.accountNamePointer.isEmpty()) {
            Result<QStringList> name = pointerSegments(profile, u"token_info.account_name"_s,
                                                       oauth.tokenInfo.accountNamePointer);
            if (!name)
                return fail(name.error());
            config.keptResponseFields.append(name->constFirst());
        }
    }
    const std::pair<QString, const QString *> kept[] = {
            {u"token_response.account_name"_s, &quirks.accountNamePointer},
            {u"token_response.instance_url"_s, &quirks.instanceUrlPointer},
    };
    for (const auto &[field, pointer] : kept) {
        if (pointer->isEmpty())
            continue;
        Result<QStringList> segments = pointerSegments(profile, field, *pointer);
        if (!segments)
            return fail(segments.error());
        if (!config.keptResponseFields.contains(segments->constFirst()))
            config.keptResponseFields.append(segments->constFirst());
    }
    return config;
}

} // namespace wb::core
