// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/clientconfigjson.h"

#include "core/oauth/oauthtr.h"
#include "core/oauth/profileclientconfig.h"
#include "core/providers/providercatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

Error invalid(const QString &source, const QString &key, const QString &problem)
{
    return Error{u"oauth.config_invalid"_s, OAuthTr::tr("%1: \"%2\" %3").arg(source, key, problem)};
}

Result<QString> text(const QJsonObject &object, const QString &key, const QString &source,
                     bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return fail(invalid(source, key, OAuthTr::tr("is missing.")));
        return QString();
    }
    if (!value.isString())
        return fail(invalid(source, key, OAuthTr::tr("must be a string.")));
    return value.toString();
}

Result<QStringList> textList(const QJsonObject &object, const QString &key, const QString &source)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return QStringList();
    if (!value.isArray())
        return fail(invalid(source, key, OAuthTr::tr("must be an array of strings.")));
    QStringList list;
    for (const QJsonValue &element : value.toArray()) {
        if (!element.isString())
            return fail(invalid(source, key, OAuthTr::tr("must be an array of strings.")));
        list.append(element.toString());
    }
    return list;
}

// Refuses a client secret and any key not in `known` (`unknownProblem` says why).
Result<void> checkKeys(const QJsonObject &object, const QStringList &known, const QString &source,
                       const QString &unknownProblem)
{
    for (const QString &key : object.keys()) {
        if (key == u"client_secret"_s)
            return fail(invalid(source, key,
                                OAuthTr::tr("does not belong in a file: client secrets are kept "
                                            "in the keychain.")));
        if (!known.contains(key))
            return fail(invalid(source, key, unknownProblem));
    }
    return {};
}

// "token_endpoint_auth_method" when present.
Result<std::optional<ClientAuthMethod>> authMethod(const QJsonObject &object, const QString &source)
{
    const QString key = u"token_endpoint_auth_method"_s;
    Result<QString> value = text(object, key, source, false);
    if (!value)
        return fail(value.error());
    if (value->isEmpty())
        return std::optional<ClientAuthMethod>();
    const std::optional<ClientAuthMethod> method = clientAuthMethodFromString(*value);
    if (!method) {
        return fail(invalid(source, key,
                            OAuthTr::tr("is '%1'; expected none, client_secret_basic or "
                                        "client_secret_post.")
                                    .arg(*value)));
    }
    return method;
}

// An object of strings at `key`, in the object's (sorted) key order; empty when absent.
Result<QList<std::pair<QString, QString>>> textMap(const QJsonObject &object, const QString &key,
                                                   const QString &source)
{
    const QJsonValue value = object.value(key);
    QList<std::pair<QString, QString>> entries;
    if (value.isUndefined())
        return entries;
    if (!value.isObject())
        return fail(invalid(source, key, OAuthTr::tr("must be an object of strings.")));
    const QJsonObject map = value.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it.value().isString())
            return fail(invalid(source, key + u'.' + it.key(), OAuthTr::tr("must be a string.")));
        entries.append({it.key(), it.value().toString()});
    }
    return entries;
}

// "expiry_margin_ms" when present.
Result<std::optional<qint64>> expiryMargin(const QJsonObject &object, const QString &source)
{
    const QJsonValue margin = object.value(u"expiry_margin_ms"_s);
    if (margin.isUndefined())
        return std::optional<qint64>();
    if (!margin.isDouble() || margin.toDouble() < 0)
        return fail(invalid(source, u"expiry_margin_ms"_s,
                            OAuthTr::tr("must be a number of milliseconds, 0 or more.")));
    return std::optional(qint64(margin.toDouble()));
}

} // namespace

Result<OAuthClientConfig> clientConfigFromJson(const QByteArray &json, const QString &source)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(u"oauth.config_invalid"_s, OAuthTr::tr("%1 is not valid JSON: %2 at offset %3.")
                                                       .arg(source, parseError.errorString())
                                                       .arg(parseError.offset));
    }
    if (!document.isObject())
        return fail(u"oauth.config_invalid"_s, OAuthTr::tr("%1 is not a JSON object.").arg(source));
    const QJsonObject object = document.object();
    static const QStringList known{u"provider"_s,
                                   u"issuer"_s,
                                   u"authorization_endpoint"_s,
                                   u"token_endpoint"_s,
                                   u"revocation_endpoint"_s,
                                   u"userinfo_endpoint"_s,
                                   u"token_info_endpoint"_s,
                                   u"client_id"_s,
                                   u"token_endpoint_auth_method"_s,
                                   u"scope"_s,
                                   u"authorize_parameters"_s,
                                   u"pkce"_s,
                                   u"account_id"_s,
                                   u"kept_response_fields"_s,
                                   u"invalid_grant_errors"_s,
                                   u"expiry_margin_ms"_s};
    if (Result<void> keys = checkKeys(object, known, source, OAuthTr::tr("is not a known field."));
        !keys) {
        return fail(keys.error());
    }

    OAuthClientConfig config;
    Result<QString> value = text(object, u"provider"_s, source, true);
    if (!value)
        return fail(value.error());
    config.providerId = *value;
    const std::pair<const char *, QUrl *> urls[] = {{"authorization_endpoint",
                                                     &config.authorizationUrl},
                                                    {"token_endpoint", &config.tokenUrl},
                                                    {"revocation_endpoint", &config.revocationUrl},
                                                    {"userinfo_endpoint", &config.checkUrl},
                                                    {"token_info_endpoint", &config.tokenInfoUrl}};
    for (const auto &[key, url] : urls) {
        const QString name = QString::fromLatin1(key);
        const bool required = name == u"authorization_endpoint"_s || name == u"token_endpoint"_s;
        value = text(object, name, source, required);
        if (!value)
            return fail(value.error());
        // "{access_token}" in the token info endpoint's path is a placeholder (accountinfo.h),
        // which StrictMode refuses; QUrl keeps it percent-encoded.
        const bool placeholder = name == u"token_info_endpoint"_s
                                 && value->contains(u"{access_token}"_s);
        *url = QUrl(*value, placeholder ? QUrl::TolerantMode : QUrl::StrictMode);
        if (!value->isEmpty() && (!url->isValid() || url->host().isEmpty()))
            return fail(invalid(source, name, OAuthTr::tr("is not a URL: '%1'.").arg(*value)));
    }
    if (!(value = text(object, u"issuer"_s, source, false)))
        return fail(value.error());
    config.issuer = *value;
    if (!(value = text(object, u"client_id"_s, source, true)))
        return fail(value.error());
    config.clientId = *value;
    Result<std::optional<ClientAuthMethod>> method = authMethod(object, source);
    if (!method)
        return fail(method.error());
    config.clientAuth = method->value_or(config.clientAuth);
    if (!(value = text(object, u"scope"_s, source, false)))
        return fail(value.error());
    config.scopes = value->split(u' ', Qt::SkipEmptyParts);

    Result<QList<std::pair<QString, QString>>> parameters = textMap(object,
                                                                    u"authorize_parameters"_s,
                                                                    source);
    if (!parameters)
        return fail(parameters.error());
    config.extraAuthorizeParameters = *parameters;
    const QJsonValue pkce = object.value(u"pkce"_s);
    if (!pkce.isUndefined()) {
        if (!pkce.isBool())
            return fail(invalid(source, u"pkce"_s, OAuthTr::tr("must be true or false.")));
        config.usePkce = pkce.toBool();
    }
    const QJsonValue account = object.value(u"account_id"_s);
    if (!account.isUndefined()) {
        if (!account.isObject())
            return fail(invalid(source, u"account_id"_s, OAuthTr::tr("must be an object.")));
        const QJsonObject accountObject = account.toObject();
        if (!(value = text(accountObject, u"source"_s, source, true)))
            return fail(invalid(source, u"account_id.source"_s, OAuthTr::tr("is missing.")));
        if (*value == u"token_response"_s)
            config.accountIdSource = AccountIdSource::TokenResponse;
        else if (*value == u"id_token"_s)
            config.accountIdSource = AccountIdSource::IdTokenClaim;
        else if (*value == u"redirect"_s)
            config.accountIdSource = AccountIdSource::RedirectParameter;
        else if (*value == u"token_info"_s)
            config.accountIdSource = AccountIdSource::TokenInfo;
        else
            return fail(invalid(source, u"account_id.source"_s,
                                OAuthTr::tr("is '%1'; expected token_response, id_token, redirect "
                                            "or token_info.")
                                        .arg(*value)));
        if (!(value = text(accountObject, u"path"_s, source, true)))
            return fail(invalid(source, u"account_id.path"_s, OAuthTr::tr("is missing.")));
        config.accountIdPath = *value;
        if (!(value = text(accountObject, u"pattern"_s, source, false)))
            return fail(invalid(source, u"account_id.pattern"_s, OAuthTr::tr("must be a string.")));
        config.accountIdPattern = *value;
        if (config.accountIdSource == AccountIdSource::TokenInfo && config.tokenInfoUrl.isEmpty())
            return fail(invalid(source, u"token_info_endpoint"_s,
                                OAuthTr::tr("is missing; account_id.source token_info needs it.")));
    }
    Result<QStringList> list = textList(object, u"kept_response_fields"_s, source);
    if (!list)
        return fail(list.error());
    config.keptResponseFields = *list;
    if (object.contains(u"invalid_grant_errors"_s)) {
        if (!(list = textList(object, u"invalid_grant_errors"_s, source)))
            return fail(list.error());
        config.invalidGrantErrors = *list;
    }
    Result<std::optional<qint64>> margin = expiryMargin(object, source);
    if (!margin)
        return fail(margin.error());
    config.expiryMarginMs = margin->value_or(config.expiryMarginMs);
    return config;
}

Result<OAuthClientConfig> clientConfigFromJson(const QByteArray &json, const QString &source,
                                               const ProviderCatalog &catalog)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject() || !document.object().contains(u"profile"_s))
        return clientConfigFromJson(json, source); // reports what is wrong with it
    const QJsonObject object = document.object();
    static const QStringList known{u"profile"_s,
                                   u"client_id"_s,
                                   u"token_endpoint_auth_method"_s,
                                   u"placeholders"_s,
                                   u"scope"_s,
                                   u"expiry_margin_ms"_s};
    if (Result<void> keys = checkKeys(object, known, source,
                                      OAuthTr::tr("is not a field of a configuration that names "
                                                  "a profile (known: %1).")
                                              .arg(known.join(u", "_s)));
        !keys) {
        return fail(keys.error());
    }
    Result<QString> value = text(object, u"profile"_s, source, true);
    if (!value)
        return fail(value.error());
    Result<ProviderProfile> profile = catalog.profile(*value);
    if (!profile)
        return fail(profile.error());

    ProfileClientSettings settings;
    if (!(value = text(object, u"client_id"_s, source, true)))
        return fail(value.error());
    settings.clientId = *value;
    Result<std::optional<ClientAuthMethod>> method = authMethod(object, source);
    if (!method)
        return fail(method.error());
    settings.clientAuth = method->value_or(settings.clientAuth);
    Result<QList<std::pair<QString, QString>>> placeholders = textMap(object, u"placeholders"_s,
                                                                      source);
    if (!placeholders)
        return fail(placeholders.error());
    for (const auto &[name, placeholderValue] : *placeholders)
        settings.placeholders.insert(name, placeholderValue);
    if (object.contains(u"scope"_s)) {
        if (!(value = text(object, u"scope"_s, source, false)))
            return fail(value.error());
        settings.scopes = value->split(u' ', Qt::SkipEmptyParts);
    }
    Result<OAuthClientConfig> config = clientConfigFromProfile(*profile, settings);
    if (!config)
        return config;
    Result<std::optional<qint64>> margin = expiryMargin(object, source);
    if (!margin)
        return fail(margin.error());
    config->expiryMarginMs = margin->value_or(config->expiryMarginMs);
    return config;
}

} // namespace wb::core
