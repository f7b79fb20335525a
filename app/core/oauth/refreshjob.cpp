// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/refreshjob.h"

#include "core/oauth/endpointrequest.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wb::core {

// Never logs a token: connection ids, holders, error codes and times only.
Q_LOGGING_CATEGORY(lcRefresh, "wb.oauth.refresh")

namespace {
// Attempts at storing a refreshed credential before the job gives up (with the credential kept
// in Outcome::unsaved), and the pause before each retry.
constexpr int storeAttempts = 3;
constexpr int storeRetryPauseMs = 200;
} // namespace

RefreshJob::RefreshJob(qint64 connectionId, OAuthClientConfig config, TokenStore &store,
                       QNetworkAccessManager &network, const Clock &clock, QString leaseHolder,
                       RefreshSettings settings, QObject *parent)
    : QObject(parent)
    , m_connectionId(connectionId)
    , m_config(std::move(config))
    , m_store(store)
    , m_network(network)
    , m_clock(clock)
    , m_holder(std::move(leaseHolder))
    , m_settings(settings)
{}

RefreshJob::~RefreshJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void RefreshJob::start()
{
    QMetaObject::invokeMethod(this, &RefreshJob::acquireLease, Qt::QueuedConnection);
}

void RefreshJob::acquireLease()
{
    whenFinished(m_store.acquireRefreshLease(m_connectionId, m_holder, m_settings.leaseDurationMs),
                 this, [this](const Result<RefreshLease> &lease) { onLease(lease); });
}

void RefreshJob::onLease(const Result<RefreshLease> &lease)
{
    if (!lease) {
        finish({Outcome::Kind::Transient, {}, lease.error(), std::nullopt, m_unsaved});
        return;
    }
    if (lease->acquired) {
        m_leaseHeld = true;
        readUnderLease();
        return;
    }
    // Another process is refreshing this connection: wait for its result rather than spend the
    // same refresh token. Give up after two lease durations (its lease lapses after one).
    if (m_busyPolls == 0) {
        qCInfo(lcRefresh, "connection %lld: %s holds the refresh lease; waiting for its result",
               m_connectionId, qUtf8Printable(lease->holder));
    }
    const qint64 maxPolls = 2 * m_settings.leaseDurationMs
                            / std::max<qint64>(1, m_settings.leaseRetryMs);
    if (++m_busyPolls > maxPolls) {
        finish({Outcome::Kind::Transient,
                {},
                Error{u"oauth.lease_busy"_s,
                      tr("Another Wirebench process (%1) keeps refreshing connection %2; will "
                         "try again.")
                              .arg(lease->holder)
                              .arg(m_connectionId)},
                std::nullopt,
                m_unsaved});
        return;
    }
    QTimer::singleShot(std::chrono::milliseconds(m_settings.leaseRetryMs), this,
                       &RefreshJob::pollWhileBusy);
}

void RefreshJob::pollWhileBusy()
{
    whenFinished(
            m_store.readTokens(m_connectionId), this,
            [this](const Result<std::optional<TokenSet>> &tokens) {
                if (tokens && *tokens && !m_unsaved && isSatisfiedBy(**tokens)) {
                    finish({Outcome::Kind::AlreadyFresh, **tokens, {}, std::nullopt, std::nullopt});
                    return;
                }
                acquireLease();
            });
}

void RefreshJob::readUnderLease()
{
    if (m_unsaved) {
        // The refresh token in the unsaved credential is the live one: store it, spend nothing.
        store(*m_unsaved, 1);
        return;
    }
    whenFinished(m_store.readTokens(m_connectionId), this,
                 [this](const Result<std::optional<TokenSet>> &tokens) {
                     onReadUnderLease(tokens);
                 });
}

void RefreshJob::onReadUnderLease(const Result<std::optional<TokenSet>> &tokens)
{
    if (!tokens) {
        finish({Outcome::Kind::Transient, {}, tokens.error(), std::nullopt, std::nullopt});
        return;
    }
    if (!*tokens) {
        markNeedsReauthorization(Error{u"oauth.no_credential"_s,
                                       tr("Connection %1 has no stored credential; authorize it.")
                                               .arg(m_connectionId)});
        return;
    }
    if (isSatisfiedBy(**tokens)) {
        finish({Outcome::Kind::AlreadyFresh, **tokens, {}, std::nullopt, std::nullopt});
        return;
    }
    if ((*tokens)->refreshToken.isEmpty()) {
        markNeedsReauthorization(
                Error{u"oauth.no_refresh_token"_s,
                      tr("%1 issued no refresh token for connection %2 and its access token is "
                         "no longer accepted; authorize it again.")
                              .arg(m_config.providerId)
                              .arg(m_connectionId)});
        return;
    }
    spend(**tokens);
}

void RefreshJob::spend(const TokenSet &current)
{
    EndpointRequest request = buildEndpointRequest(m_config.tokenUrl, m_config,
                                                   {{u"grant_type"_s, u"refresh_token"_s},
                                                    {u"refresh_token"_s, current.refreshToken}});
    m_reply = m_network.post(request.request, request.body);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply, current] {
        const EndpointReply result = EndpointReply::fromNetworkReply(reply);
        reply->deleteLater();
        m_reply = nullptr;
        onSpent(result, current);
    });
}

void RefreshJob::onSpent(const EndpointReply &reply, const TokenSet &current)
{
    Result<TokenSet> fresh = parseTokenResponse(reply, m_config, m_clock.nowMs(),
                                                /*requireAccountId=*/false);
    if (fresh) {
        store(mergeRefreshed(current, std::move(*fresh)), 1);
        return;
    }
    const Error &error = fresh.error();
    if (error.code == QLatin1StringView(oautherror::invalidGrant)) {
        onInvalidGrant(error, current);
        return;
    }
    if (isTransientOAuthError(error) || error.code == QLatin1StringView(oautherror::badResponse)) {
        finish({Outcome::Kind::Transient, {}, error, reply.retryAfterMs, std::nullopt});
        return;
    }
    // invalid_client, unauthorized_client, invalid_scope…: nothing a retry can fix.
    markNeedsReauthorization(error);
}

void RefreshJob::onInvalidGrant(const Error &error, const TokenSet &spent)
{
    if (m_rereadAfterInvalidGrant) {
        markNeedsReauthorization(error);
        return;
    }
    m_rereadAfterInvalidGrant = true;
    // Another process may have rotated the refresh token (its lease lapsed, or it ran without
    // one): its result is in the store.
    whenFinished(m_store.readTokens(m_connectionId), this,
                 [this, error, spent](const Result<std::optional<TokenSet>> &tokens) {
                     if (!tokens || !*tokens || (*tokens)->refreshToken.isEmpty()
                         || (*tokens)->refreshToken == spent.refreshToken) {
                         markNeedsReauthorization(error);
                         return;
                     }
                     // Retry once with the newer refresh token rather than trust the newer access
                     // token: if our spend was a reuse, servers with reuse detection have revoked the
                     // whole grant, newer tokens included, and this finds out now.
                     spend(**tokens);
                 });
}

void RefreshJob::store(const TokenSet &tokens, int attempt)
{
    // The lease goes back in the write that completes the credential: the next holder reads the
    // new refresh token, never the spent one.
    const QString releaseLeaseOf = m_leaseHeld ? m_holder : QString();
    whenFinished(m_store.writeTokens(m_connectionId, tokens, releaseLeaseOf), this,
                 [this, tokens, attempt](const Result<void> &written) {
                     if (written) {
                         m_leaseHeld = false;
                         finish({Outcome::Kind::Refreshed, tokens, {}, std::nullopt, std::nullopt});
                         return;
                     }
                     if (attempt < storeAttempts) {
                         QTimer::singleShot(std::chrono::milliseconds(storeRetryPauseMs * attempt),
                                            this, [this, tokens, attempt] {
                                                store(tokens, attempt + 1);
                                            });
                         return;
                     }
                     finish({Outcome::Kind::Transient, {}, written.error(), std::nullopt, tokens});
                 });
}

void RefreshJob::markNeedsReauthorization(const Error &reason)
{
    const QString releaseLeaseOf = m_leaseHeld ? m_holder : QString();
    whenFinished(m_store.markNeedsReauthorization(m_connectionId, reason, releaseLeaseOf), this,
                 [this, reason](const Result<void> &marked) {
                     if (marked)
                         m_leaseHeld = false; // released in the same write
                     // Reported even if the mark could not be stored: the refresh token is dead
                     // either way, and the next process to try finds out the same.
                     finish({Outcome::Kind::NeedsReauthorization,
                             {},
                             reason,
                             std::nullopt,
                             std::nullopt});
                 });
}

bool RefreshJob::isSatisfiedBy(const TokenSet &tokens) const
{
    if (m_forced || tokens.isExpiredAt(m_clock.nowMs()))
        return false;
    if (!m_rejectedAccessToken.isEmpty())
        return tokens.accessToken != m_rejectedAccessToken;
    return true;
}

void RefreshJob::finish(Outcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    switch (outcome.kind) {
    case Outcome::Kind::Refreshed:
        qCInfo(lcRefresh, "connection %lld: refreshed; expires at %lld", m_connectionId,
               outcome.tokens.expiresAtMs);
        break;
    case Outcome::Kind::AlreadyFresh:
        qCInfo(lcRefresh, "connection %lld: already refreshed by another holder", m_connectionId);
        break;
    case Outcome::Kind::Transient:
        qCWarning(lcRefresh, "connection %lld: refresh failed for now: %s", m_connectionId,
                  qUtf8Printable(outcome.error.code));
        break;
    case Outcome::Kind::NeedsReauthorization:
        qCWarning(lcRefresh, "connection %lld: needs reauthorization: %s", m_connectionId,
                  qUtf8Printable(outcome.error.code));
        break;
    }
    if (!m_leaseHeld) {
        QMetaObject::invokeMethod(
                this, [this, outcome = std::move(outcome)] { Q_EMIT finished(outcome); },
                Qt::QueuedConnection);
        return;
    }
    m_leaseHeld = false;
    whenFinished(m_store.releaseRefreshLease(m_connectionId, m_holder), this,
                 [this, outcome = std::move(outcome)](const Result<void> &) {
                     // A failed release only delays the next holder until the lease lapses.
                     Q_EMIT finished(outcome);
                 });
}

} // namespace wb::core
