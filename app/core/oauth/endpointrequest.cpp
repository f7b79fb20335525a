// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/endpointrequest.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QByteArray formEncode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QByteArray basicClientAuthorization(const QString &clientId, const QString &clientSecret)
{
    const QByteArray credentials = QUrl::toPercentEncoding(clientId) + ':'
                                   + QUrl::toPercentEncoding(clientSecret);
    return "Basic " + credentials.toBase64();
}

void addClientAuthentication(QNetworkRequest &request, const OAuthClientConfig &config)
{
    request.setRawHeader("Accept", "application/json");
    if (config.clientAuth == ClientAuthMethod::ClientSecretBasic)
        request.setRawHeader("Authorization",
                             basicClientAuthorization(config.clientId, config.clientSecret));
}

EndpointRequest buildEndpointRequest(const QUrl &url, const OAuthClientConfig &config,
                                     QList<std::pair<QString, QString>> fields)
{
    switch (config.clientAuth) {
    case ClientAuthMethod::None:
        fields.append({u"client_id"_s, config.clientId});
        break;
    case ClientAuthMethod::ClientSecretPost:
        fields.append({u"client_id"_s, config.clientId});
        fields.append({u"client_secret"_s, config.clientSecret});
        break;
    case ClientAuthMethod::ClientSecretBasic:
        break;
    }
    EndpointRequest result;
    result.request.setUrl(url);
    result.request.setHeader(QNetworkRequest::ContentTypeHeader,
                             u"application/x-www-form-urlencoded"_s);
    addClientAuthentication(result.request, config);
    result.request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    result.request.setTransferTimeout(endpointTimeoutMs);
    result.body = formEncode(fields);
    return result;
}

} // namespace wb::core
