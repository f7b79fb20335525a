// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/registrationclient.h"

#include "core/dispatch/connectioncredentials.h"
#include "core/health/githubapphookclient.h"
#include "core/health/registrationauthorizer.h"
#include "core/health/registrationhttp.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
template<typename T>
std::shared_ptr<QPromise<T>> startedPromise()
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    return promise;
}

template<typename T>
void finish(const std::shared_ptr<QPromise<T>> &promise, T value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

// A value for a JSON string or a form field.
QByteArray escapedFor(const QString &contentType, const QByteArray &value)
{
    if (contentType.contains(u"json"_s)) {
        QByteArray quoted = QJsonDocument(QJsonObject{{u"v"_s, QString::fromUtf8(value)}})
                                    .toJson(QJsonDocument::Compact);
        // {"v":"…"} → …
        return quoted.mid(6, quoted.size() - 8);
    }
    return QUrl::toPercentEncoding(QString::fromUtf8(value));
}
} // namespace

RegistrationClient::RegistrationClient(const RegistrationClientServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_authorizer(std::make_unique<RegistrationAuthorizer>(
              RegistrationAuthorizerServices{services.network, services.credentials,
                                             services.secrets, services.store, services.catalog,
                                             services.clock}))
    , m_appHooks(std::make_unique<GitHubAppHookClient>(*services.network, *services.clock))
{
    setTimeoutMs(defaultTimeoutMs);
}

RegistrationClient::~RegistrationClient() = default;

void RegistrationClient::setTimeoutMs(int timeoutMs)
{
    m_timeoutMs = timeoutMs;
    m_authorizer->setTimeoutMs(timeoutMs);
    m_appHooks->setTimeoutMs(timeoutMs);
}

QFuture<RegistrationObservation> RegistrationClient::checkAppWebhook(
        const Connection &connection, const RegistrationApi &api, const Registration &registration)
{
    auto promise = startedPromise<RegistrationObservation>();
    QFuture<RegistrationObservation> future = promise->future();
    RegistrationObservation failed;
    failed.state = RegistrationState::CheckFailed;
    // The API base as for every other request (the connection's, for GitHub Enterprise Server).
    const Result<QUrl> apiBase = RegistrationHttp::url(api, connection.settings.baseUrl, {},
                                                       registration);
    if (!apiBase) {
        failed.detail = apiBase.error().message;
        finish(promise, failed);
        return future;
    }
    whenFinished(m_authorizer->appCredential(connection.id), this,
                 [this, promise, failed, apiBase = *apiBase,
                  registration](const Result<QByteArray> &key) mutable {
                     if (!key) {
                         failed.detail = key.error().message;
                         finish(promise, failed);
                         return;
                     }
                     // The registration's external id names the app (client ID or app ID).
                     whenFinished(m_appHooks->check(apiBase,
                                                    GitHubAppCredentials{registration.externalId,
                                                                         *key},
                                                    registration.targetUrl),
                                  this, [promise](const RegistrationObservation &seen) {
                                      finish(promise, seen);
                                  });
                 });
    return future;
}

void RegistrationClient::send(const Connection &connection, const RegistrationApi &api,
                              const Outgoing &outgoing,
                              std::function<void(const Result<Answer> &)> done)
{
    whenFinished(m_authorizer->authorize(connection, api), this,
                 [this, api, outgoing,
                  done = std::move(done)](const Result<RegistrationAuthorization> &authorization) {
                     if (!authorization) {
                         done(fail(authorization.error()));
                         return;
                     }
                     QUrl url = outgoing.url;
                     if (!authorization->queryParameter.isEmpty()) {
                         QUrlQuery query(url);
                         query.addQueryItem(authorization->queryParameter,
                                            QString::fromLatin1(QUrl::toPercentEncoding(
                                                    authorization->queryValue)));
                         url.setQuery(query);
                     }
                     QNetworkRequest request(url);
                     request.setTransferTimeout(m_timeoutMs);
                     request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                          QNetworkRequest::NoLessSafeRedirectPolicy);
                     for (auto it = api.headers.cbegin(); it != api.headers.cend(); ++it)
                         request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
                     if (!authorization->headerName.isEmpty())
                         request.setRawHeader(authorization->headerName, authorization->headerValue);
                     if (!outgoing.contentType.isEmpty())
                         request.setHeader(QNetworkRequest::ContentTypeHeader, outgoing.contentType);
                     QNetworkReply *reply = m_services.network->sendCustomRequest(request,
                                                                                  outgoing.method,
                                                                                  outgoing.body);
                     connect(reply, &QNetworkReply::finished, this, [reply, done] {
                         reply->deleteLater();
                         Answer answer;
                         answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute)
                                                 .toInt();
                         answer.body = reply->readAll();
                         if (answer.status == 0)
                             answer.networkError = reply->errorString();
                         done(answer);
                     });
                 });
}

QFuture<RegistrationObservation> RegistrationClient::check(const Connection &connection,
                                                           const RegistrationApi &api,
                                                           const Registration &registration)
{
    auto promise = startedPromise<RegistrationObservation>();
    QFuture<RegistrationObservation> future = promise->future();
    RegistrationObservation failed;
    failed.state = RegistrationState::CheckFailed;
    if (!api.present) {
        failed.detail = tr("The provider profile declares no registration API: nothing to check.");
        finish(promise, failed);
        return future;
    }
    if (api.isAppWebhook(registration.scope))
        return checkAppWebhook(connection, api, registration);
    const Result<QUrl> url = RegistrationHttp::checkUrl(api, connection.settings.baseUrl,
                                                        registration);
    if (!url) {
        failed.detail = url.error().message;
        finish(promise, failed);
        return future;
    }
    send(connection, api, Outgoing{"GET"_ba, *url, {}, {}},
         [this, promise, api, failed, registration](const Result<Answer> &answer) mutable {
             if (!answer) {
                 failed.detail = answer.error().message;
                 finish(promise, failed);
                 return;
             }
             if (answer->status == 0) {
                 failed.detail = tr("No answer from the provider: %1").arg(answer->networkError);
                 finish(promise, failed);
                 return;
             }
             RegistrationObservation seen
                     = RegistrationHttp::readCheckAnswer(api, answer->status, answer->body,
                                                         m_services.clock->nowMs(), registration);
             // A kept app token that is refused may have been revoked before its expiry.
             if (seen.state == RegistrationState::AccessDenied
                 && api.credential == RegistrationApi::Credential::ClientCredentials)
                 m_authorizer->forgetAppTokens();
             finish(promise, seen);
         });
    return future;
}

qint64 RegistrationClient::renewedExpiry(const RegistrationApi &api,
                                         const Registration &registration) const
{
    const int minutes = RegistrationHttp::renewalTerms(api, registration).lifetimeMinutes;
    return m_services.clock->nowMs() + qint64(minutes) * 60'000;
}

QFuture<Result<RenewalResult>> RegistrationClient::renew(const Connection &connection,
                                                         const RegistrationApi &api,
                                                         const Registration &registration)
{
    auto promise = startedPromise<Result<RenewalResult>>();
    QFuture<Result<RenewalResult>> future = promise->future();
    if (!api.present || !api.renewable) {
        finish(promise,
               Result<RenewalResult>(
                       fail(u"health.not_supported"_s,
                            tr("The provider profile declares no renewal of registrations."))));
        return future;
    }
    const Result<QUrl> url = RegistrationHttp::url(api, connection.settings.baseUrl, api.renewPath,
                                                   registration);
    if (!url) {
        finish(promise, Result<RenewalResult>(fail(url.error())));
        return future;
    }
    const qint64 asked = renewedExpiry(api, registration);
    QString body = api.renewBody;
    body.replace(u"{expires_at}"_s, RegistrationHttp::formatTime(asked));
    send(connection, api,
         Outgoing{api.renewMethod.toUtf8(), *url, body.toUtf8(), "application/json"_ba},
         [promise, api, asked](const Result<Answer> &answer) {
             if (!answer) {
                 finish(promise, Result<RenewalResult>(fail(answer.error())));
                 return;
             }
             const int status = answer->status;
             if (status >= 200 && status <= 299) {
                 RenewalResult renewed{asked};
                 const QJsonDocument document = QJsonDocument::fromJson(answer->body);
                 if (document.isObject() && !api.expiresPointer.isEmpty()) {
                     if (const auto expires = RegistrationHttp::parseTime(RegistrationHttp::text(
                                 RegistrationHttp::valueAt(document.object(), api.expiresPointer))))
                         renewed.expiresAtMs = *expires;
                 }
                 finish(promise, Result<RenewalResult>(renewed));
                 return;
             }
             const QString reason = status == 0 ? answer->networkError
                                                : RegistrationHttp::errorText(answer->body);
             QString code = u"health.renew_failed"_s;
             if (status == 401 || status == 403)
                 code = u"health.access_denied"_s;
             else if (api.missingStatuses.contains(status))
                 code = u"health.registration_missing"_s;
             else if (status >= 400 && status <= 499)
                 code = u"health.renew_refused"_s;
             const QString message = status == 0
                                             ? tr("The renewal got no answer: %1").arg(reason)
                                             : tr("The provider refused the renewal (HTTP %1: %2).")
                                                       .arg(status)
                                                       .arg(reason);
             finish(promise, Result<RenewalResult>(fail(code, message)));
         });
    return future;
}

QFuture<Result<ReregistrationResult>> RegistrationClient::reregister(
        const Connection &connection, const RegistrationApi &api, const Registration &registration)
{
    auto promise = startedPromise<Result<ReregistrationResult>>();
    QFuture<Result<ReregistrationResult>> future = promise->future();
    if (api.present && api.isAppWebhook(registration.scope)) {
        finish(promise, Result<ReregistrationResult>(
                                fail(u"health.not_supported"_s,
                                     tr("A GitHub App's webhook is part of the app's settings "
                                        "on GitHub; it cannot be created again through the "
                                        "API."))));
        return future;
    }
    if (!api.present || !api.reregisterable) {
        finish(promise, Result<ReregistrationResult>(
                                fail(u"health.not_supported"_s,
                                     tr("The provider profile declares no way to register "
                                        "again."))));
        return future;
    }
    if (registration.registrationBody.isEmpty()) {
        finish(promise, Result<ReregistrationResult>(
                                fail(u"health.no_registration_body"_s,
                                     tr("Registration %1 has no stored creation request to send "
                                        "again.")
                                             .arg(registration.externalId))));
        return future;
    }
    const Result<QUrl> url = RegistrationHttp::url(api, connection.settings.baseUrl,
                                                   api.reregisterPath, registration);
    if (!url) {
        finish(promise, Result<ReregistrationResult>(fail(url.error())));
        return future;
    }
    QByteArray body = registration.registrationBody;
    if (api.renewable)
        body.replace("{expires_at}"_ba,
                     RegistrationHttp::formatTime(renewedExpiry(api, registration)).toUtf8());
    const QByteArray contentType = api.reregisterContentType.toUtf8();

    auto sendBody = [this, connection, api, promise, url = *url,
                     contentType](const QByteArray &filled) {
        send(connection, api, Outgoing{api.reregisterMethod.toUtf8(), url, filled, contentType},
             [promise, api](const Result<Answer> &answer) {
                 if (!answer) {
                     finish(promise, Result<ReregistrationResult>(fail(answer.error())));
                     return;
                 }
                 const int status = answer->status;
                 if (status < 200 || status > 299) {
                     const QString code = status == 401 || status == 403 ? u"health.access_denied"_s
                                          : status >= 400 && status <= 499
                                                  ? u"health.reregister_refused"_s
                                                  : u"health.reregister_failed"_s;
                     const QString reason = status == 0 ? answer->networkError
                                                        : RegistrationHttp::errorText(answer->body);
                     finish(promise,
                            Result<ReregistrationResult>(
                                    fail(code, tr("The provider did not register again (HTTP "
                                                  "%1: %2).")
                                                       .arg(status)
                                                       .arg(reason))));
                     return;
                 }
                 const QJsonDocument document = QJsonDocument::fromJson(answer->body);
                 const QJsonValue root = document.object();
                 ReregistrationResult created;
                 created.externalId = RegistrationHttp::text(
                         RegistrationHttp::valueAt(root, api.newIdPointer));
                 if (!document.isObject() || created.externalId.isEmpty()) {
                     finish(promise,
                            Result<ReregistrationResult>(
                                    fail(u"health.reregister_failed"_s,
                                         tr("The provider's answer has no registration id at "
                                            "%1.")
                                                 .arg(api.newIdPointer))));
                     return;
                 }
                 if (!api.expiresPointer.isEmpty()) {
                     created.expiresAtMs = RegistrationHttp::parseTime(RegistrationHttp::text(
                             RegistrationHttp::valueAt(root, api.expiresPointer)));
                 }
                 if (!api.newSecretPointer.isEmpty()) {
                     created.issuedSecret = RegistrationHttp::text(
                                                    RegistrationHttp::valueAt(root,
                                                                              api.newSecretPointer))
                                                    .toUtf8();
                 }
                 finish(promise, Result<ReregistrationResult>(created));
             });
    };
    if (!body.contains("{signing_secret}"_ba)) {
        sendBody(body);
        return future;
    }
    whenFinished(m_services.credentials->webhookSigningSecret(connection.id), this,
                 [promise, body, contentType, sendBody](const Result<QByteArray> &secret) mutable {
                     if (!secret) {
                         finish(promise, Result<ReregistrationResult>(
                                                 fail(secret.error().code,
                                                      tr("The connection's webhook signing secret "
                                                         "could not be read: %1")
                                                              .arg(secret.error().message))));
                         return;
                     }
                     body.replace("{signing_secret}"_ba,
                                  escapedFor(QString::fromUtf8(contentType), *secret));
                     sendBody(body);
                 });
    return future;
}

} // namespace wb::core
