// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QFuture>

#include <optional>

namespace wb::core {

class SqlSession;
class Store;

// The OAuth client a connection was authorized with, kept in the workspace (table
// `oauth_clients`, migration 8) so that a later refresh, validity check or revocation uses the same
// client without asking again: the JSON object of clientconfigjson.h (a provider profile's id with
// the client id and placeholder values, or every endpoint). Never a client secret: the parsers
// refuse one, and so does saveOAuthClient().
//
// Thread: any; the futures finish on the store's threads (consume them with whenFinished).
// Errors: the Store's (`store.unknown_connection` naming the id, `store.write_failed`, …);
// `oauth.config_invalid` when `clientJson` is not a JSON object or holds a client secret.
QFuture<Result<void>> saveOAuthClient(Store &store, qint64 connectionId,
                                      const QByteArray &clientJson);
// The stored JSON, or std::nullopt when the connection has none.
QFuture<Result<std::optional<QByteArray>>> loadOAuthClient(Store &store, qint64 connectionId);
// The same inside a read or write of the caller's (on the store's thread that runs it), without
// checking that the connection exists. Errors: the session's.
Result<std::optional<QByteArray>> readOAuthClient(SqlSession &session, qint64 connectionId);

} // namespace wb::core
