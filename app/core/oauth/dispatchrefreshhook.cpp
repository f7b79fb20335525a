// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/dispatchrefreshhook.h"

#include "core/oauth/credentialrefresher.h"
#include "core/oauth/oauthtr.h"
#include "core/oauth/tokenresponse.h"
#include "core/util/clock.h"

#include <QFuture>

using namespace Qt::StringLiterals;

namespace wb::core {

DispatchRefreshHook::DispatchRefreshHook(CredentialRefresher &refresher, const Clock &clock,
                                         qint64 coalesceMs, QObject *parent)
    : QObject(parent)
    , m_refresher(refresher)
    , m_clock(clock)
    , m_coalesceMs(coalesceMs)
{
    connect(&m_refresher, &CredentialRefresher::refreshed, this,
            [this](qint64 connectionId, qint64) {
                m_lastRefreshedAtMs.insert(connectionId, m_clock.nowMs());
            });
}

DispatchRefreshHook::~DispatchRefreshHook() = default;

QString DispatchRefreshHook::dispatchCode(const Error &error)
{
    if (error.code == u"oauth.no_refresh_token"_s)
        return error.code;
    if (isTransientOAuthError(error) || error.code == u"oauth.backing_off"_s
        || error.code == u"oauth.lease_busy"_s || error.code == u"oauth.cancelled"_s
        || error.code == u"oauth.bad_token_response"_s || error.code.startsWith(u"store."_s)
        || error.code.startsWith(u"secrets."_s)) {
        return u"oauth.refresh_failed"_s;
    }
    return u"oauth.refresh_rejected"_s;
}

QFuture<Result<void>> DispatchRefreshHook::refresh(qint64 connectionId)
{
    const auto last = m_lastRefreshedAtMs.constFind(connectionId);
    if (last != m_lastRefreshedAtMs.constEnd() && m_clock.nowMs() - *last < m_coalesceMs)
        return QtFuture::makeReadyFuture(Result<void>());
    // Continuations without a context object: they run even when this hook (or the refresher)
    // is gone before the refresh ends, so the dispatcher's future always finishes with a result.
    return m_refresher.refresh(connectionId)
            .then([](const Result<AccessToken> &token) -> Result<void> {
                if (token)
                    return {};
                return fail(dispatchCode(token.error()), token.error().message);
            })
            .onCanceled([connectionId]() -> Result<void> {
                return fail(u"oauth.refresh_failed"_s,
                            OAuthTr::tr("The refresh of connection %1 was abandoned (Wirebench "
                                        "is shutting down).")
                                    .arg(connectionId));
            });
}

} // namespace wb::core
