// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/tokenrefresher.h"

#include <QHash>
#include <QObject>

namespace wb::core {

class Clock;
class CredentialRefresher;

// The dispatch engine's "refresh on 401" (core/dispatch/tokenrefresher.h) on the OAuth core's
// CredentialRefresher: single-flight per connection in this process, the refresh lease across
// processes, the rotated refresh token stored before the new access token is used.
//
// The dispatcher does not say which access token was refused, so every call is a forced refresh,
// except within `coalesceMs` after a refresh of the same connection finished: a 401 arriving then
// was almost surely for a request sent with the previous token, and the connection already holds
// a newer one (success without spending another refresh token).
//
// Errors, mapped to the dispatcher's codes (the message is the OAuth core's):
//  - "oauth.no_refresh_token": the provider issued none;
//  - "oauth.refresh_rejected": the grant is dead (invalid_grant, needs_reauthorization, no
//    credential, another token endpoint error): the connection needs re-authorization;
//  - "oauth.refresh_failed": network, provider outage, backing off, lease busy, store or keychain.
//
// Thread: the thread that owns the refresher (the main thread). The refresher and the clock must
// outlive this object. The futures always finish with a result (oauth.refresh_failed when the
// refresher is destroyed first), as the dispatcher requires.
class DispatchRefreshHook final : public QObject, public TokenRefresher
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DispatchRefreshHook)

public:
    static constexpr qint64 defaultCoalesceMs = 10'000;

    DispatchRefreshHook(CredentialRefresher &refresher, const Clock &clock,
                        qint64 coalesceMs = defaultCoalesceMs, QObject *parent = nullptr);
    ~DispatchRefreshHook() override;

    QFuture<Result<void>> refresh(qint64 connectionId) override;

    // The dispatcher's code for an OAuth core error.
    static QString dispatchCode(const Error &error);

private:
    CredentialRefresher &m_refresher;
    const Clock &m_clock;
    qint64 m_coalesceMs;
    QHash<qint64, qint64> m_lastRefreshedAtMs;
};

} // namespace wb::core
