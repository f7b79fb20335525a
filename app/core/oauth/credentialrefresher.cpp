// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/credentialrefresher.h"

#include "core/util/clock.h"
#include "core/util/futures.h"
#include "core/util/randomsource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSysInfo>

#include <limits>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

QString newLeaseHolder()
{
    return u"%1/%2/%3"_s.arg(QSysInfo::machineHostName())
            .arg(QCoreApplication::applicationPid())
            .arg(QString::number(QRandomGenerator::system()->generate64(), 16));
}

AccessToken toAccessToken(const TokenSet &tokens)
{
    return AccessToken{tokens.accessToken, tokens.tokenType, tokens.expiresAtMs};
}

template<typename Promise, typename Value>
void resolve(Promise &promise, Value &&value)
{
    promise.addResult(std::forward<Value>(value));
    promise.finish();
}

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

CredentialRefresher::CredentialRefresher(TokenStore &store, QNetworkAccessManager &network,
                                         const Clock &clock, RandomSource &random,
                                         RefreshSettings settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_network(network)
    , m_clock(clock)
    , m_random(random)
    , m_settings(settings)
    , m_leaseHolder(newLeaseHolder())
{}

CredentialRefresher::~CredentialRefresher()
{
    while (!m_watched.empty())
        unwatch(m_watched.begin()->first);
}

CredentialRefresher::Watched *CredentialRefresher::find(qint64 connectionId)
{
    const auto it = m_watched.find(connectionId);
    return it == m_watched.end() ? nullptr : it->second.get();
}

const CredentialRefresher::Watched *CredentialRefresher::find(qint64 connectionId) const
{
    const auto it = m_watched.find(connectionId);
    return it == m_watched.end() ? nullptr : it->second.get();
}

void CredentialRefresher::watch(qint64 connectionId, const OAuthClientConfig &config)
{
    std::unique_ptr<Watched> &slot = m_watched[connectionId];
    if (!slot) {
        slot = std::make_unique<Watched>();
        slot->timer = std::make_unique<QTimer>();
        slot->timer->setSingleShot(true);
        connect(slot->timer.get(), &QTimer::timeout, this,
                [this, connectionId] { onTimer(connectionId); });
    }
    slot->config = config;
    slot->needsReauthorization = false;
    slot->failureCount = 0;
    slot->retryRejectedToken.clear();
    slot->retryForced = false;

    whenFinished(m_store.readTokens(connectionId), this,
                 [this, connectionId](const Result<std::optional<TokenSet>> &tokens) {
                     Watched *watched = find(connectionId);
                     if (!watched || watched->job || !tokens || !*tokens)
                         return;
                     planAt(connectionId, *watched, (*tokens)->expiresAtMs);
                 });
}

void CredentialRefresher::unwatch(qint64 connectionId)
{
    const auto it = m_watched.find(connectionId);
    if (it == m_watched.end())
        return;
    std::unique_ptr<Watched> watched = std::move(it->second);
    m_watched.erase(it);
    delete watched->job; // abandons it; its lease lapses
    for (const std::shared_ptr<Promise> &waiter : watched->waiters) {
        resolve(*waiter,
                Result<AccessToken>(
                        wb::core::fail(u"oauth.cancelled"_s,
                                       tr("Connection %1 is no longer watched.").arg(connectionId))));
    }
}

bool CredentialRefresher::isWatching(qint64 connectionId) const
{
    return find(connectionId) != nullptr;
}

QList<qint64> CredentialRefresher::watchedConnections() const
{
    QList<qint64> ids;
    ids.reserve(qsizetype(m_watched.size()));
    for (const auto &entry : m_watched) // a std::map: ascending
        ids.append(entry.first);
    return ids;
}

std::optional<OAuthClientConfig> CredentialRefresher::config(qint64 connectionId) const
{
    const Watched *watched = find(connectionId);
    return watched ? std::optional(watched->config) : std::nullopt;
}

qint64 CredentialRefresher::nextRefreshAtMs(qint64 connectionId) const
{
    const Watched *watched = find(connectionId);
    return watched ? watched->dueAtMs : 0;
}

bool CredentialRefresher::needsReauthorization(qint64 connectionId) const
{
    const Watched *watched = find(connectionId);
    return watched && watched->needsReauthorization;
}

QFuture<Result<AccessToken>> CredentialRefresher::ready(Result<AccessToken> result)
{
    Promise promise;
    promise.start();
    QFuture<Result<AccessToken>> future = promise.future();
    resolve(promise, std::move(result));
    return future;
}

QFuture<Result<AccessToken>> CredentialRefresher::refresh(qint64 connectionId,
                                                          const QString &rejectedAccessToken)
{
    Watched *watched = find(connectionId);
    if (!watched) {
        return ready(wb::core::fail(u"oauth.not_watched"_s,
                                    tr("Connection %1 has no OAuth credential being looked after.")
                                            .arg(connectionId)));
    }
    if (watched->needsReauthorization) {
        return ready(wb::core::fail(u"oauth.needs_reauthorization"_s,
                                    watched->reauthorizationReason.message));
    }
    auto promise = std::make_shared<Promise>();
    promise->start();
    QFuture<Result<AccessToken>> future = promise->future();
    if (!watched->job && watched->failureCount > 0 && m_clock.nowMs() < watched->dueAtMs) {
        // Backing off after a failure: do not add load to a provider that is struggling.
        resolve(*promise, Result<AccessToken>(wb::core::fail(
                                  u"oauth.backing_off"_s,
                                  tr("The last refresh of connection %1 failed; the next attempt "
                                     "is at %2.")
                                          .arg(connectionId)
                                          .arg(utcText(watched->dueAtMs)))));
        return future;
    }
    watched->waiters.push_back(std::move(promise));
    if (!watched->job)
        startJob(connectionId, *watched, rejectedAccessToken, rejectedAccessToken.isEmpty());
    return future;
}

QFuture<Result<AccessToken>> CredentialRefresher::accessToken(qint64 connectionId)
{
    Watched *watched = find(connectionId);
    if (!watched || watched->needsReauthorization || watched->job)
        return refresh(connectionId); // reports the error, or joins the refresh in flight

    auto promise = std::make_shared<Promise>();
    promise->start();
    QFuture<Result<AccessToken>> future = promise->future();
    whenFinished(m_store.readTokens(connectionId), this,
                 [this, connectionId, promise](const Result<std::optional<TokenSet>> &tokens) {
                     if (!tokens) {
                         resolve(*promise, Result<AccessToken>(wb::core::fail(tokens.error())));
                     } else if (!*tokens) {
                         resolve(*promise, Result<AccessToken>(wb::core::fail(
                                                   u"oauth.no_credential"_s,
                                                   tr("Connection %1 has no stored credential; "
                                                      "authorize it.")
                                                           .arg(connectionId))));
                     } else if ((*tokens)->isExpiredAt(m_clock.nowMs())) {
                         whenFinished(refresh(connectionId), this,
                                      [promise](const Result<AccessToken> &fresh) {
                                          resolve(*promise, fresh);
                                      });
                     } else {
                         resolve(*promise, Result<AccessToken>(toAccessToken(**tokens)));
                     }
                 });
    return future;
}

void CredentialRefresher::setNeedsReauthorization(qint64 connectionId, const Error &reason)
{
    Watched *watched = find(connectionId);
    if (!watched || watched->needsReauthorization)
        return;
    watched->needsReauthorization = true;
    watched->reauthorizationReason = reason;
    planAt(connectionId, *watched, 0);
    Q_EMIT reauthorizationNeeded(connectionId, reason);
}

void CredentialRefresher::reschedule()
{
    for (auto &[connectionId, watched] : m_watched) {
        if (!watched->job)
            armTimer(*watched);
    }
}

void CredentialRefresher::planAt(qint64 connectionId, Watched &watched, qint64 dueAtMs)
{
    Q_UNUSED(connectionId)
    watched.dueAtMs = dueAtMs;
    armTimer(watched);
}

void CredentialRefresher::armTimer(Watched &watched)
{
    if (watched.dueAtMs <= 0 || watched.needsReauthorization) {
        watched.timer->stop();
        return;
    }
    // QTimer takes an int: far-away expiries re-arm when the timer fires early (onTimer()).
    const qint64 delay = std::clamp<qint64>(watched.dueAtMs - m_clock.nowMs(), 0,
                                            std::numeric_limits<int>::max());
    watched.timer->start(int(delay));
}

void CredentialRefresher::onTimer(qint64 connectionId)
{
    Watched *watched = find(connectionId);
    if (!watched || watched->job || watched->needsReauthorization || watched->dueAtMs <= 0)
        return;
    if (m_clock.nowMs() < watched->dueAtMs) {
        armTimer(*watched); // not due by the clock yet
        return;
    }
    startJob(connectionId, *watched, watched->retryRejectedToken, watched->retryForced);
}

void CredentialRefresher::startJob(qint64 connectionId, Watched &watched,
                                   const QString &rejectedAccessToken, bool forced)
{
    watched.timer->stop();
    watched.dueAtMs = 0;
    watched.retryRejectedToken = rejectedAccessToken;
    watched.retryForced = forced;
    auto *job = new RefreshJob(connectionId, watched.config, m_store, m_network, m_clock,
                               m_leaseHolder, m_settings, this);
    job->setRejectedAccessToken(rejectedAccessToken);
    job->setForced(forced);
    if (watched.unsaved)
        job->setUnsavedTokens(*watched.unsaved);
    connect(job, &RefreshJob::finished, this,
            [this, connectionId, job](const RefreshJob::Outcome &outcome) {
                onJobFinished(connectionId, job, outcome);
            });
    watched.job = job;
    job->start();
}

void CredentialRefresher::onJobFinished(qint64 connectionId, RefreshJob *job,
                                        const RefreshJob::Outcome &outcome)
{
    job->deleteLater();
    Watched *watched = find(connectionId);
    if (!watched || watched->job != job)
        return;
    watched->job = nullptr;
    const std::vector<std::shared_ptr<Promise>> waiters = std::exchange(watched->waiters, {});

    switch (outcome.kind) {
    case RefreshJob::Outcome::Kind::Refreshed:
    case RefreshJob::Outcome::Kind::AlreadyFresh: {
        watched->failureCount = 0;
        watched->unsaved.reset();
        watched->retryRejectedToken.clear();
        watched->retryForced = false;
        planAt(connectionId, *watched, outcome.tokens.expiresAtMs);
        Q_EMIT refreshed(connectionId, outcome.tokens.expiresAtMs);
        for (const std::shared_ptr<Promise> &waiter : waiters)
            resolve(*waiter, Result<AccessToken>(toAccessToken(outcome.tokens)));
        break;
    }
    case RefreshJob::Outcome::Kind::Transient: {
        ++watched->failureCount;
        if (outcome.unsaved)
            watched->unsaved = outcome.unsaved;
        const qint64 retryAtMs = m_clock.nowMs()
                                 + refreshBackoffMs(m_settings, watched->failureCount, m_random,
                                                    outcome.retryAfterMs);
        planAt(connectionId, *watched, retryAtMs);
        Q_EMIT refreshFailed(connectionId, outcome.error, retryAtMs);
        for (const std::shared_ptr<Promise> &waiter : waiters)
            resolve(*waiter, Result<AccessToken>(wb::core::fail(outcome.error)));
        break;
    }
    case RefreshJob::Outcome::Kind::NeedsReauthorization:
        watched->needsReauthorization = true;
        watched->reauthorizationReason = outcome.error;
        watched->unsaved.reset();
        planAt(connectionId, *watched, 0);
        Q_EMIT reauthorizationNeeded(connectionId, outcome.error);
        for (const std::shared_ptr<Promise> &waiter : waiters)
            resolve(*waiter, Result<AccessToken>(wb::core::fail(outcome.error)));
        break;
    }
}

} // namespace wb::core
