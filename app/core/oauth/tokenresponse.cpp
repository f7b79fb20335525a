// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/tokenresponse.h"

#include "core/oauth/oauthtr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// access_token, refresh_token, id_token, client_secret, signing_secret, password… (token_type,
// token_access_type and the like are not secrets).
bool namesSecret(const QString &key)
{
    const QString lower = key.toLower();
    return lower == u"token"_s || lower.endsWith(u"_token"_s) || lower.endsWith(u"token_value"_s)
           || lower.contains(u"secret"_s) || lower.contains(u"password"_s);
}

QJsonValue withoutSecrets(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject cleaned;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!namesSecret(it.key()))
                cleaned.insert(it.key(), withoutSecrets(it.value()));
        }
        return cleaned;
    }
    if (value.isArray()) {
        QJsonArray cleaned;
        for (const QJsonValue &element : value.toArray())
            cleaned.append(withoutSecrets(element));
        return cleaned;
    }
    return value;
}

// RFC 6749 §5.2 error fields of a body, if it has any.
struct OAuthErrorBody
{
    QString error;
    QString description;
};

std::optional<OAuthErrorBody> errorBody(const EndpointReply &reply)
{
    const std::optional<QJsonObject> object = tokenResponseObject(reply);
    if (!object)
        return std::nullopt;
    const QJsonValue error = object->value(u"error"_s);
    if (!error.isString() || error.toString().isEmpty())
        return std::nullopt;
    return OAuthErrorBody{error.toString(), object->value(u"error_description"_s).toString()};
}

Error oauthError(const OAuthErrorBody &body, const EndpointReply &reply,
                 const OAuthClientConfig &config, const QString &endpointName)
{
    const QString detail = body.description.isEmpty()
                                   ? body.error
                                   : u"%1 (%2)"_s.arg(body.error, body.description);
    if (config.invalidGrantErrors.contains(body.error)) {
        return Error{QString::fromLatin1(oautherror::invalidGrant),
                     OAuthTr::tr("The %1 endpoint of %2 refused the grant: %3. The connection must "
                                 "be authorized again.")
                             .arg(endpointName, config.providerId, detail)};
    }
    return Error{QString::fromLatin1(oautherror::tokenError),
                 OAuthTr::tr("The %1 endpoint %2 answered HTTP %3 with the error %4.")
                         .arg(endpointName, reply.url.toDisplayString(QUrl::RemoveQuery))
                         .arg(reply.httpStatus)
                         .arg(detail)};
}

} // namespace

EndpointReply EndpointReply::fromNetworkReply(QNetworkReply *reply)
{
    EndpointReply result;
    result.url = reply->url();
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.networkError = reply->error();
    result.networkErrorString = reply->errorString();
    result.contentType = reply->rawHeader("Content-Type");
    result.body = reply->readAll();
    bool ok = false;
    const qint64 seconds = reply->rawHeader("Retry-After").trimmed().toLongLong(&ok);
    if (ok && seconds >= 0)
        result.retryAfterMs = seconds * 1000;
    return result;
}

bool isTransientOAuthError(const Error &error)
{
    return error.code == QLatin1StringView(oautherror::networkError)
           || error.code == QLatin1StringView(oautherror::providerUnavailable);
}

std::optional<Error> endpointFailure(const EndpointReply &reply, const OAuthClientConfig &config,
                                     const QString &endpointName)
{
    const QString where = reply.url.toDisplayString(QUrl::RemoveQuery);
    if (reply.isNetworkFailure()) {
        return Error{QString::fromLatin1(oautherror::networkError),
                     OAuthTr::tr("Cannot reach the %1 endpoint %2: %3. Will try again.")
                             .arg(endpointName, where, reply.networkErrorString)};
    }
    if (reply.httpStatus == 429 || reply.httpStatus >= 500) {
        return Error{QString::fromLatin1(oautherror::providerUnavailable),
                     OAuthTr::tr("The %1 endpoint %2 is unavailable (HTTP %3). Will try again.")
                             .arg(endpointName, where)
                             .arg(reply.httpStatus)};
    }
    // Slack and GitHub report errors with HTTP 200 and an `error` field.
    if (const std::optional<OAuthErrorBody> body = errorBody(reply))
        return oauthError(*body, reply, config, endpointName);
    if (reply.httpStatus >= 200 && reply.httpStatus < 300)
        return std::nullopt;
    return Error{QString::fromLatin1(oautherror::tokenError),
                 OAuthTr::tr("The %1 endpoint %2 answered HTTP %3.")
                         .arg(endpointName, where)
                         .arg(reply.httpStatus)};
}

std::optional<QJsonObject> tokenResponseObject(const EndpointReply &reply)
{
    const QByteArray contentType = reply.contentType.toLower();
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
        QJsonObject object;
        // In form data '+' is a space (a literal plus is %2B); QUrlQuery would keep it.
        QByteArray body = reply.body;
        body.replace('+', "%20");
        const QUrlQuery query(QString::fromUtf8(body));
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
            object.insert(key, value);
        return object;
    }
    // JSON is also accepted without a JSON content type: several providers send text/plain or
    // text/javascript.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(reply.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

std::optional<QJsonObject> idTokenClaims(const QString &idToken)
{
    const QStringList parts = idToken.split(u'.');
    if (parts.size() != 3)
        return std::nullopt;
    const auto decoded
            = QByteArray::fromBase64Encoding(parts.at(1).toLatin1(),
                                             QByteArray::Base64UrlEncoding
                                                     | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

QString valueAtPath(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &segment : path.split(u'.')) {
        if (!value.isObject())
            return {};
        value = value.toObject().value(segment);
    }
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::trunc(number) == number && std::abs(number) < 9007199254740992.0)
            return QString::number(qint64(number));
        return QString::number(number, 'g', 17);
    }
    return {};
}

Result<TokenSet> parseTokenResponse(const EndpointReply &reply, const OAuthClientConfig &config,
                                    qint64 receivedAtMs, bool requireAccountId)
{
    const QString endpointName = OAuthTr::tr("token");
    if (std::optional<Error> failure = endpointFailure(reply, config, endpointName))
        return fail(std::move(*failure));

    const QString where = reply.url.toDisplayString(QUrl::RemoveQuery);
    const std::optional<QJsonObject> object = tokenResponseObject(reply);
    if (!object) {
        return fail(QString::fromLatin1(oautherror::badResponse),
                    OAuthTr::tr("The token endpoint %1 answered with a body that is neither JSON "
                                "nor form data (Content-Type '%2').")
                            .arg(where, QString::fromLatin1(reply.contentType)));
    }

    TokenSet tokens;
    tokens.accessToken = object->value(u"access_token"_s).toString();
    if (tokens.accessToken.isEmpty()) {
        return fail(QString::fromLatin1(oautherror::badResponse),
                    OAuthTr::tr("The token endpoint %1 answered without an access_token.")
                            .arg(where));
    }
    tokens.refreshToken = object->value(u"refresh_token"_s).toString();
    tokens.tokenType = object->value(u"token_type"_s).toString();
    tokens.scope = object->value(u"scope"_s).toString();
    tokens.receivedAtMs = receivedAtMs;

    const QJsonValue expiresIn = object->value(u"expires_in"_s);
    qint64 seconds = 0;
    bool valid = true;
    if (expiresIn.isDouble()) {
        const double number = expiresIn.toDouble();
        valid = std::isfinite(number) && number >= 0 && number < 1e12;
        seconds = valid ? qint64(number) : 0;
    } else if (expiresIn.isString()) {
        seconds = expiresIn.toString().trimmed().toLongLong(&valid);
        valid = valid && seconds >= 0 && seconds < 1'000'000'000'000;
    } else if (!expiresIn.isUndefined() && !expiresIn.isNull()) {
        valid = false;
    }
    if (!valid) {
        QString shown = expiresIn.toVariant().toString();
        if (shown.isEmpty())
            shown = expiresIn.isObject() ? u"{…}"_s : u"[…]"_s;
        return fail(QString::fromLatin1(oautherror::badResponse),
                    OAuthTr::tr("The token endpoint %1 sent expires_in '%2', which is not a "
                                "number of seconds.")
                            .arg(where, shown));
    }
    if (seconds > 0) {
        tokens.lifetimeMs = seconds * 1000;
        const qint64 margin = std::min(config.expiryMarginMs, tokens.lifetimeMs / 4);
        tokens.expiresAtMs = receivedAtMs + tokens.lifetimeMs - margin;
    }

    switch (config.accountIdSource) {
    case AccountIdSource::None:
    case AccountIdSource::RedirectParameter: // the flow takes it from the redirect
    case AccountIdSource::TokenInfo:         // the flow asks the token info endpoint
        break;
    case AccountIdSource::TokenResponse:
        tokens.accountId = applyAccountIdPattern(valueAtPath(*object, config.accountIdPath), config);
        break;
    case AccountIdSource::IdTokenClaim:
        if (const auto claims = idTokenClaims(object->value(u"id_token"_s).toString()))
            tokens.accountId = applyAccountIdPattern(valueAtPath(*claims, config.accountIdPath),
                                                     config);
        break;
    }
    const bool inThisResponse = config.accountIdSource == AccountIdSource::TokenResponse
                                || config.accountIdSource == AccountIdSource::IdTokenClaim;
    if (requireAccountId && inThisResponse && tokens.accountId.isEmpty()) {
        return fail(QString::fromLatin1(oautherror::accountIdMissing),
                    OAuthTr::tr("The token response of %1 has no '%2' %3, where its profile says "
                                "the account id is.")
                            .arg(config.providerId, config.accountIdPath,
                                 config.accountIdSource == AccountIdSource::IdTokenClaim
                                         ? OAuthTr::tr("claim in the id_token")
                                         : OAuthTr::tr("field")));
    }

    tokens.extra = keptFields(*object, config);
    return tokens;
}

QJsonObject keptFields(const QJsonObject &object, const OAuthClientConfig &config)
{
    QJsonObject kept;
    for (const QString &field : config.keptResponseFields) {
        if (object.contains(field) && !namesSecret(field))
            kept.insert(field, withoutSecrets(object.value(field)));
    }
    return kept;
}

QString applyAccountIdPattern(const QString &value, const OAuthClientConfig &config)
{
    if (value.isEmpty() || config.accountIdPattern.isEmpty())
        return value;
    const QRegularExpressionMatch match = QRegularExpression(config.accountIdPattern).match(value);
    return match.hasMatch() ? match.captured(1) : QString();
}

TokenSet mergeRefreshed(const TokenSet &previous, TokenSet fresh)
{
    if (fresh.refreshToken.isEmpty())
        fresh.refreshToken = previous.refreshToken;
    if (fresh.scope.isEmpty())
        fresh.scope = previous.scope;
    if (fresh.tokenType.isEmpty())
        fresh.tokenType = previous.tokenType;
    if (fresh.accountId.isEmpty())
        fresh.accountId = previous.accountId;
    QJsonObject extra = previous.extra;
    for (auto it = fresh.extra.begin(); it != fresh.extra.end(); ++it)
        extra.insert(it.key(), it.value());
    fresh.extra = extra;
    return fresh;
}

} // namespace wb::core
