// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QFuture>

namespace wb::core {

// Refreshes a connection's OAuth access token when a delivery to it got a 401
// (DecisionKind::RefreshAndRetry). Implemented by the OAuth module (app/core/oauth); the
// dispatcher only calls it, at most once per delivery, and then retries once with the token the
// connection holds afterwards.
//
// refresh(): asks the authorization server for a new access token with the connection's refresh
// token (RFC 6749 §6) and stores it, so that the next attempt's Authorization header carries it.
// Called on the dispatcher's (main) thread; must not block. The future may finish on any thread
// and must always finish (a cancelled future counts as the error "future.cancelled", see core/util/futures.h) (the dispatcher consumes it with whenFinished(),
// core/util/futures.h). Errors, as stable
// codes: "oauth.no_refresh_token" (the connection has none), "oauth.refresh_rejected" (invalid_grant:
// the connection needs re-authorization; the delivery then fails), "oauth.refresh_failed"
// (network or server error). Concurrent calls for the same connection should share one refresh.
class TokenRefresher
{
public:
    virtual ~TokenRefresher() = default;
    virtual QFuture<Result<void>> refresh(qint64 connectionId) = 0;
};

} // namespace wb::core
