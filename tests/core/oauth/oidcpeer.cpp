// SPDX-License-Identifier: GPL-3.0-or-later
#include "oidcpeer.h"

#include "core/oauth/endpointrequest.h"
#include "core/oauth/tokenstore.h"
#include "support/testenv.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace wb::test {

bool OidcPeer::start(const QStringList &extraArguments)
{
    if (!NodePeer::available()) {
        m_error = u"the npm peers are not installed: run `npm ci` in tests/peers"_s;
        return false;
    }
    if (!m_peer.start(u"oidc-server.mjs"_s, extraArguments)) {
        m_error = m_peer.errorString();
        return false;
    }
    return true;
}

QString OidcPeer::issuer() const
{
    return m_peer.readyInfo().value(u"issuer"_s).toString();
}

QUrl OidcPeer::endpoint(const char *key) const
{
    return QUrl(m_peer.readyInfo().value(QLatin1StringView(key)).toString());
}

OAuthClientConfig OidcPeer::nativeClient() const
{
    OAuthClientConfig config;
    config.providerId = u"oidc-test"_s;
    config.authorizationUrl = endpoint("authorization_endpoint");
    config.tokenUrl = endpoint("token_endpoint");
    config.revocationUrl = endpoint("revocation_endpoint");
    config.checkUrl = endpoint("userinfo_endpoint");
    config.issuer = issuer();
    config.clientId = u"wirebench-native"_s;
    config.clientAuth = ClientAuthMethod::None;
    config.scopes = {u"openid"_s, u"offline_access"_s};
    config.extraAuthorizeParameters = {{u"prompt"_s, u"consent"_s}};
    config.accountIdSource = AccountIdSource::IdTokenClaim;
    config.accountIdPath = u"sub"_s;
    return config;
}

OAuthClientConfig OidcPeer::confidentialClient() const
{
    OAuthClientConfig config = nativeClient();
    config.clientId = u"wirebench-confidential"_s;
    config.clientSecret = u"wirebench-confidential-secret"_s;
    config.clientAuth = ClientAuthMethod::ClientSecretBasic;
    return config;
}

EndpointReply OidcPeer::wait(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(20000);
    EndpointReply result = EndpointReply::fromNetworkReply(reply);
    reply->deleteLater();
    return result;
}

QJsonObject OidcPeer::stats()
{
    QUrl url(issuer() + u"/__control/stats"_s);
    const EndpointReply reply = wait(m_network.get(QNetworkRequest(url)));
    return QJsonDocument::fromJson(reply.body).object();
}

int OidcPeer::grantCount(const QString &grantType)
{
    return stats().value(u"grants"_s).toObject().value(grantType).toInt();
}

bool OidcPeer::startOutage(int count, std::optional<int> retryAfterSeconds, const QString &path)
{
    QUrl url(issuer() + u"/__control/outage"_s);
    QUrlQuery query;
    query.addQueryItem(u"count"_s, QString::number(count));
    if (retryAfterSeconds)
        query.addQueryItem(u"retryAfter"_s, QString::number(*retryAfterSeconds));
    if (!path.isEmpty())
        query.addQueryItem(u"path"_s, path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    return wait(m_network.post(request, QByteArray())).httpStatus == 204;
}

EndpointReply OidcPeer::post(const QUrl &url, const QList<std::pair<QString, QString>> &fields)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    return wait(m_network.post(request, formEncode(fields)));
}

EndpointReply OidcPeer::getWithBearer(const QUrl &url, const QString &accessToken)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    return wait(m_network.get(request));
}

QProcessEnvironment browserEnvironment(const QString &script, const QMap<QString, QString> &extra)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString node = qEnvironmentVariable("WB_NODE", u"node"_s);
    // Quoted for QProcess::splitCommand: the source folder may contain spaces.
    environment.insert(QString::fromLatin1(BrowserLauncher::environmentVariable),
                       u"%1 \"%2\""_s.arg(node, QDir(peersDir()).filePath(script)));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        environment.insert(it.key(), it.value());
    return environment;
}

QByteArray clientJson(const OAuthClientConfig &config)
{
    return QJsonDocument(
                   QJsonObject{{u"provider"_s, config.providerId},
                               {u"issuer"_s, config.issuer},
                               {u"authorization_endpoint"_s, config.authorizationUrl.toString()},
                               {u"token_endpoint"_s, config.tokenUrl.toString()},
                               {u"revocation_endpoint"_s, config.revocationUrl.toString()},
                               {u"userinfo_endpoint"_s, config.checkUrl.toString()},
                               {u"client_id"_s, config.clientId},
                               {u"token_endpoint_auth_method"_s, nameOf(config.clientAuth)},
                               {u"scope"_s, config.scopes.join(u' ')},
                               {u"authorize_parameters"_s, QJsonObject{{u"prompt"_s, u"consent"_s}}},
                               {u"account_id"_s,
                                QJsonObject{{u"source"_s, u"id_token"_s}, {u"path"_s, u"sub"_s}}}})
            .toJson(QJsonDocument::Compact);
}

AuthorizationRun authorize(TokenStore &store, const Clock &clock, qint64 connectionId,
                           const OAuthClientConfig &config, const QProcessEnvironment &environment,
                           int timeoutMs)
{
    AuthorizationRun run;
    QNetworkAccessManager network;
    AuthorizationFlow flow(connectionId, config, store, network, clock);
    BrowserLauncher launcher(QString(), environment);
    QObject::connect(&flow, &AuthorizationFlow::authorizationUrlReady, &launcher,
                     [&launcher, &run](const QUrl &url) {
                         if (Result<void> launched = launcher.launch(url); !launched)
                             run.failure = launched.error().message;
                     });
    QObject::connect(&flow, &AuthorizationFlow::finished, &flow,
                     [&run](const Result<AuthorizationOutcome> &result) { run.result = result; });
    QObject::connect(&launcher, &BrowserLauncher::exited, &launcher,
                     [&run](const BrowserExit &exit) { run.browser = exit; });
    QObject::connect(&launcher, &BrowserLauncher::failedToStart, &launcher,
                     [&run](const Error &error) { run.failure = error.message; });

    if (Result<void> started = flow.start(); !started) {
        run.failure = started.error().message;
        return run;
    }
    run.redirectUri = flow.redirectUri();
    // Done when both the flow and the browser ended, or the browser failed (the flow would then
    // wait for its own timeout).
    const bool done = QTest::qWaitFor(
            [&] {
                const bool browserFailed = run.browser && run.browser->exitCode != 0;
                return (run.result && run.browser) || browserFailed || !run.failure.isEmpty();
            },
            timeoutMs);
    if (!done && run.failure.isEmpty())
        run.failure = u"the authorization did not finish within %1 ms"_s.arg(timeoutMs);
    else if (run.browser && run.browser->exitCode != 0 && !run.result)
        run.failure = u"the browser failed"_s;
    return run;
}

std::optional<TokenSet> grant(TokenStore &store, const Clock &clock, qint64 connectionId,
                              const OAuthClientConfig &config, const QString &login,
                              QString *failure)
{
    const AuthorizationRun run = authorize(store, clock, connectionId, config,
                                           browserEnvironment(u"oidc-login.mjs"_s,
                                                              {{u"WB_BROWSER_LOGIN"_s, login}}),
                                           60'000);
    if (!run.result || !*run.result) {
        *failure = run.failure;
        if (run.result)
            *failure += u" %1: %2"_s.arg(run.result->error().code, run.result->error().message);
        if (run.browser)
            *failure += u" (user agent: %1)"_s.arg(QString::fromUtf8(run.browser->errorOutput));
        return std::nullopt;
    }
    QFuture<Result<std::optional<TokenSet>>> read = store.readTokens(connectionId);
    const auto tokens = await(read);
    if (!tokens || !*tokens || !**tokens) {
        *failure = u"the credential was not stored"_s;
        return std::nullopt;
    }
    return ***tokens;
}

} // namespace wb::test
