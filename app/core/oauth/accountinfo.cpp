// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/accountinfo.h"

#include "core/oauth/endpointrequest.h"
#include "core/oauth/oauthtr.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr QLatin1StringView tokenPlaceholder("{access_token}");

} // namespace

QNetworkRequest tokenInfoRequest(const OAuthClientConfig &config, const QString &accessToken)
{
    QUrl url = config.tokenInfoUrl;
    // QUrl keeps "{" and "}" percent-encoded in a path; compare the decoded path.
    const QString path = url.path(QUrl::FullyDecoded);
    const bool inPath = path.contains(tokenPlaceholder);
    if (inPath) {
        QString encodedPath = url.path(QUrl::FullyEncoded);
        encodedPath.replace(u"%7Baccess_token%7D"_s,
                            QString::fromLatin1(QUrl::toPercentEncoding(accessToken)),
                            Qt::CaseInsensitive);
        url.setPath(encodedPath, QUrl::StrictMode);
    }
    QNetworkRequest request(url);
    if (!inPath)
        request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(endpointTimeoutMs);
    return request;
}

Result<TokenInfo> parseTokenInfo(const EndpointReply &reply, const OAuthClientConfig &config,
                                 const QString &accessToken)
{
    // The URL may hold the access token: messages name the endpoint by its configured form, and
    // the token is cut out of Qt's error string.
    EndpointReply shown = reply;
    shown.url = config.tokenInfoUrl;
    if (!accessToken.isEmpty()) {
        for (const QString &form :
             {accessToken, QString::fromLatin1(QUrl::toPercentEncoding(accessToken))})
            shown.networkErrorString.replace(form, u"…"_s);
    }
    const QString where = config.tokenInfoUrl.toDisplayString(QUrl::RemoveQuery);
    if (std::optional<Error> failure = endpointFailure(shown, config, OAuthTr::tr("token info")))
        return fail(std::move(*failure));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(reply.body, &parseError);
    if (!document.isObject()) {
        return fail(QString::fromLatin1(oautherror::badResponse),
                    OAuthTr::tr("The token info endpoint %1 did not answer with a JSON object.")
                            .arg(where));
    }
    TokenInfo info;
    info.accountId = applyAccountIdPattern(valueAtPath(document.object(), config.accountIdPath),
                                           config);
    if (info.accountId.isEmpty()) {
        return fail(QString::fromLatin1(oautherror::accountIdMissing),
                    OAuthTr::tr("The token info endpoint %1 of %2 answered without '%3', where "
                                "its profile says the account id is.")
                            .arg(where, config.providerId, config.accountIdPath));
    }
    info.kept = keptFields(document.object(), config);
    return info;
}

Result<QString> accountIdFromRedirect(const QString &parameterValue, const OAuthClientConfig &config)
{
    const QString accountId = applyAccountIdPattern(parameterValue, config);
    if (accountId.isEmpty()) {
        return fail(QString::fromLatin1(oautherror::accountIdMissing),
                    OAuthTr::tr("The redirect from %1 has no '%2' parameter, where its profile "
                                "says the account id is.")
                            .arg(config.providerId, config.accountIdPath));
    }
    return accountId;
}

} // namespace wb::core
