// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/githubapphookclient.h"

#include "core/health/githubappjwt.h"
#include "core/health/registrationhttp.h"
#include "core/util/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>

#include <memory>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
struct Answer
{
    int status = 0;
    QByteArray body;
    QString networkError;
};

Answer answerOf(QNetworkReply *reply)
{
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    if (answer.status == 0)
        answer.networkError = reply->errorString();
    return answer;
}
} // namespace

GitHubAppHookClient::GitHubAppHookClient(QNetworkAccessManager &network, const Clock &clock,
                                         QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
{}

GitHubAppHookClient::~GitHubAppHookClient() = default;

QNetworkReply *GitHubAppHookClient::get(const QUrl &url, const QByteArray &jwt)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Authorization", "Bearer " + jwt);
    request.setRawHeader("Accept", "application/vnd.github+json");
    request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
    return m_network.get(request);
}

QFuture<RegistrationObservation> GitHubAppHookClient::check(const QUrl &apiBase,
                                                            const GitHubAppCredentials &app,
                                                            const QString &expectedTargetUrl)
{
    auto promise = std::make_shared<QPromise<RegistrationObservation>>();
    promise->start();
    QFuture<RegistrationObservation> future = promise->future();
    const auto finish = [promise](const RegistrationObservation &seen) {
        promise->addResult(seen);
        promise->finish();
    };
    RegistrationObservation failed;
    const Result<QByteArray> jwt = GitHubAppJwt::sign(app.privateKeyPem, app.appId, m_clock.nowMs());
    if (!jwt) {
        failed.detail = jwt.error().message;
        finish(failed);
        return future;
    }
    QString base = apiBase.toString(QUrl::FullyEncoded);
    while (base.endsWith(u'/'))
        base.chop(1);
    const QUrl configUrl(base + u"/app/hook/config"_s);
    const QUrl deliveriesUrl(base + u"/app/hook/deliveries?per_page=10"_s);
    if (!configUrl.isValid() || configUrl.host().isEmpty()) {
        failed.detail = tr("\"%1\" is not a valid API address.").arg(base);
        finish(failed);
        return future;
    }
    QNetworkReply *configReply = get(configUrl, *jwt);
    connect(configReply, &QNetworkReply::finished, this,
            [this, configReply, deliveriesUrl, jwt = *jwt, expectedTargetUrl, finish] {
                configReply->deleteLater();
                const Answer config = answerOf(configReply);
                if (config.status == 0) {
                    RegistrationObservation failed;
                    failed.detail = tr("No answer from GitHub: %1").arg(config.networkError);
                    finish(failed);
                    return;
                }
                if (config.status < 200 || config.status > 299) {
                    finish(readAnswers(config.status, config.body, 0, {}, expectedTargetUrl));
                    return;
                }
                QNetworkReply *deliveriesReply = get(deliveriesUrl, jwt);
                connect(deliveriesReply, &QNetworkReply::finished, this,
                        [deliveriesReply, config, expectedTargetUrl, finish] {
                            deliveriesReply->deleteLater();
                            const Answer deliveries = answerOf(deliveriesReply);
                            finish(readAnswers(config.status, config.body, deliveries.status,
                                               deliveries.body, expectedTargetUrl));
                        });
            });
    return future;
}

RegistrationObservation GitHubAppHookClient::readAnswers(int configStatus,
                                                         const QByteArray &configBody,
                                                         int deliveriesStatus,
                                                         const QByteArray &deliveriesBody,
                                                         const QString &expectedTargetUrl)
{
    RegistrationObservation seen;
    seen.httpStatus = configStatus;
    if (configStatus == 401 || configStatus == 403) {
        seen.state = RegistrationState::AccessDenied;
        seen.detail = tr("HTTP %1: GitHub refused the app's token (%2). Check the app ID and its "
                         "private key.")
                              .arg(configStatus)
                              .arg(RegistrationHttp::errorText(configBody));
        return seen;
    }
    if (configStatus == 404) {
        seen.state = RegistrationState::Missing;
        seen.detail = tr("HTTP 404: the app has no webhook.");
        return seen;
    }
    const QJsonDocument config = QJsonDocument::fromJson(configBody);
    if (configStatus < 200 || configStatus > 299 || !config.isObject()) {
        seen.state = RegistrationState::CheckFailed;
        seen.detail = tr("GitHub answered HTTP %1: %2.")
                              .arg(configStatus)
                              .arg(RegistrationHttp::errorText(configBody));
        return seen;
    }
    seen.targetUrl = config.object().value(u"url"_s).toString();

    QString note;
    const QJsonDocument deliveries = QJsonDocument::fromJson(deliveriesBody);
    if (deliveriesStatus >= 200 && deliveriesStatus <= 299 && deliveries.isArray()) {
        const QJsonArray list = deliveries.array();
        const QJsonObject newest = list.isEmpty() ? QJsonObject() : list.first().toObject();
        if (!newest.isEmpty()) {
            seen.lastDeliveryStatus = QString(RegistrationHttp::text(newest.value(u"status_code"_s))
                                              + u' ' + newest.value(u"status"_s).toString())
                                              .trimmed();
        }
    } else {
        note = u' ' + tr("Its deliveries could not be read (HTTP %1).").arg(deliveriesStatus);
    }

    if (seen.targetUrl.isEmpty()) {
        seen.state = RegistrationState::Missing;
        seen.detail = tr("The app's webhook has no URL.") + note;
    } else if (!expectedTargetUrl.isEmpty() && seen.targetUrl != expectedTargetUrl) {
        seen.state = RegistrationState::Disabled;
        seen.detail = tr("The app's webhook sends to %1, not to %2.")
                              .arg(seen.targetUrl, expectedTargetUrl)
                      + note;
    } else {
        seen.state = RegistrationState::Active;
        seen.detail = tr("The app's webhook sends to %1.").arg(seen.targetUrl) + note;
    }
    return seen;
}

} // namespace wb::core
