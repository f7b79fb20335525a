// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/validitychecker.h"

#include "core/oauth/credentialrefresher.h"
#include "core/oauth/endpointrequest.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// Errors after which the connection cannot work until a person authorizes it again.
bool isDeadGrant(const Error &error)
{
    return !isTransientOAuthError(error) && error.code != u"oauth.lease_busy"_s
           && error.code != u"oauth.backing_off"_s && !error.code.startsWith(u"store."_s)
           && !error.code.startsWith(u"secrets."_s);
}

} // namespace

ValidityChecker::ValidityChecker(CredentialRefresher &refresher, TokenStore &store,
                                 QNetworkAccessManager &network, const Clock &clock,
                                 QObject *parent)
    : QObject(parent)
    , m_refresher(refresher)
    , m_store(store)
    , m_network(network)
    , m_clock(clock)
{}

ValidityChecker::~ValidityChecker() = default;

void ValidityChecker::watch(qint64 connectionId, qint64 intervalMs)
{
    if (intervalMs <= 0) {
        unwatch(connectionId);
        return;
    }
    std::unique_ptr<QTimer> &timer = m_timers[connectionId];
    if (!timer) {
        timer = std::make_unique<QTimer>();
        connect(timer.get(), &QTimer::timeout, this, [this, connectionId] { check(connectionId); });
    }
    timer->start(int(std::min<qint64>(intervalMs, std::numeric_limits<int>::max())));
}

void ValidityChecker::unwatch(qint64 connectionId)
{
    m_timers.erase(connectionId);
}

QFuture<ValidityCheck> ValidityChecker::check(qint64 connectionId)
{
    auto promise = std::make_shared<Promise>();
    promise->start();
    QFuture<ValidityCheck> future = promise->future();

    const std::optional<OAuthClientConfig> config = m_refresher.config(connectionId);
    if (!config || config->checkUrl.isEmpty()) {
        ValidityCheck unknown;
        unknown.checkedAtMs = m_clock.nowMs();
        unknown.message = config ? tr("The %1 profile has no check endpoint.").arg(config->providerId)
                                 : tr("Connection %1 is not watched.").arg(connectionId);
        promise->addResult(unknown);
        promise->finish();
        return future;
    }
    whenFinished(m_refresher.accessToken(connectionId), this,
                 [this, connectionId, promise](const Result<AccessToken> &token) {
                     if (token) {
                         probe(connectionId, *token, false, promise);
                         return;
                     }
                     ValidityCheck check;
                     check.checkedAtMs = m_clock.nowMs();
                     check.verdict = isDeadGrant(token.error()) ? ValidityCheck::Verdict::Invalid
                                                                : ValidityCheck::Verdict::Unknown;
                     check.message = token.error().message;
                     conclude(connectionId, check, false, promise);
                 });
    return future;
}

void ValidityChecker::probe(qint64 connectionId, const AccessToken &token, bool afterRefresh,
                            std::shared_ptr<Promise> promise)
{
    const std::optional<OAuthClientConfig> config = m_refresher.config(connectionId);
    if (!config) {
        conclude(connectionId,
                 ValidityCheck{ValidityCheck::Verdict::Unknown, m_clock.nowMs(), 0,
                               tr("Connection %1 is no longer watched.").arg(connectionId)},
                 false, std::move(promise));
        return;
    }
    QNetworkRequest request(config->checkUrl);
    request.setRawHeader("Authorization", "Bearer " + token.token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(endpointTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this,
            [this, connectionId, reply, token = token.token, afterRefresh, promise] {
                const EndpointReply result = EndpointReply::fromNetworkReply(reply);
                reply->deleteLater();
                onProbed(connectionId, result, token, afterRefresh, promise);
            });
}

void ValidityChecker::onProbed(qint64 connectionId, const EndpointReply &reply,
                               const QString &token, bool afterRefresh,
                               std::shared_ptr<Promise> promise)
{
    ValidityCheck check;
    check.checkedAtMs = m_clock.nowMs();
    check.httpStatus = reply.httpStatus;
    const OAuthClientConfig config = m_refresher.config(connectionId).value_or(OAuthClientConfig{});
    const std::optional<Error> failure = endpointFailure(reply, config, tr("check"));
    if (!failure) {
        check.verdict = ValidityCheck::Verdict::Valid;
        check.message = tr("The check endpoint accepted the access token (HTTP %1).")
                                .arg(reply.httpStatus);
        conclude(connectionId, check, false, std::move(promise));
        return;
    }
    if (isTransientOAuthError(*failure)) {
        check.verdict = ValidityCheck::Verdict::Unknown;
        check.message = failure->message;
        conclude(connectionId, check, false, std::move(promise));
        return;
    }
    if (reply.httpStatus == 401 && !afterRefresh) {
        whenFinished(m_refresher.refresh(connectionId, token), this,
                     [this, connectionId, promise](const Result<AccessToken> &fresh) {
                         if (fresh) {
                             probe(connectionId, *fresh, true, promise);
                             return;
                         }
                         ValidityCheck check;
                         check.checkedAtMs = m_clock.nowMs();
                         check.httpStatus = 401;
                         check.verdict = isDeadGrant(fresh.error())
                                                 ? ValidityCheck::Verdict::Invalid
                                                 : ValidityCheck::Verdict::Unknown;
                         check.message = fresh.error().message;
                         conclude(connectionId, check, false, promise);
                     });
        return;
    }
    check.verdict = ValidityCheck::Verdict::Invalid;
    check.message = reply.httpStatus == 401 ? tr("The check endpoint refused even a freshly "
                                                 "refreshed access token (HTTP 401); "
                                                 "authorize the connection again.")
                                            : failure->message;
    conclude(connectionId, check, reply.httpStatus == 401, std::move(promise));
}

void ValidityChecker::conclude(qint64 connectionId, ValidityCheck check, bool markReauthorization,
                               std::shared_ptr<Promise> promise)
{
    auto record = [this, connectionId, check, promise] {
        whenFinished(m_store.recordValidityCheck(connectionId, check), this,
                     [this, connectionId, check, promise](const Result<void> &) {
                         Q_EMIT checked(connectionId, check);
                         promise->addResult(check);
                         promise->finish();
                     });
    };
    if (!markReauthorization) {
        record();
        return;
    }
    const Error reason{u"oauth.check_refused"_s, check.message};
    m_refresher.setNeedsReauthorization(connectionId, reason);
    whenFinished(m_store.markNeedsReauthorization(connectionId, reason, QString()), this,
                 [record](const Result<void> &) { record(); });
}

} // namespace wb::core
