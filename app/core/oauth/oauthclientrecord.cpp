// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/oauthclientrecord.h"

#include "core/oauth/oauthtr.h"
#include "core/store/connectionrepository.h"
#include "core/store/store.h"

#include <QFuture>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace wb::core {

QFuture<Result<void>> saveOAuthClient(Store &store, qint64 connectionId,
                                      const QByteArray &clientJson)
{
    const QJsonDocument document = QJsonDocument::fromJson(clientJson);
    if (!document.isObject() || document.object().contains(u"client_secret"_s)) {
        return QtFuture::makeReadyFuture(Result<void>(
                fail(u"oauth.config_invalid"_s,
                     OAuthTr::tr(
                             "The OAuth client of connection %1 is not stored: it must be a JSON "
                             "object without a client secret.")
                             .arg(connectionId))));
    }
    const QString compact = QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    return store.write([connectionId, compact](SqlSession &session) -> Result<void> {
        if (Result<Connection> existing = ConnectionRepository::get(session, connectionId);
            !existing) {
            return fail(existing.error());
        }
        return session.execute(uR"sql(
INSERT INTO oauth_clients (connection_id, client_json, updated_at_ms) VALUES (?, ?, ?)
ON CONFLICT (connection_id) DO UPDATE SET client_json = excluded.client_json,
    updated_at_ms = excluded.updated_at_ms)sql"_s,
                               {connectionId, compact, session.nowMs()});
    });
}

QFuture<Result<std::optional<QByteArray>>> loadOAuthClient(Store &store, qint64 connectionId)
{
    return store.read([connectionId](SqlSession &session) -> Result<std::optional<QByteArray>> {
        if (Result<Connection> existing = ConnectionRepository::get(session, connectionId);
            !existing) {
            return fail(existing.error());
        }
        return readOAuthClient(session, connectionId);
    });
}

Result<std::optional<QByteArray>> readOAuthClient(SqlSession &session, qint64 connectionId)
{
    Result<QSqlQuery> query
            = session.exec(u"SELECT client_json FROM oauth_clients WHERE connection_id = ?"_s,
                           {connectionId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return std::optional<QByteArray>();
    return std::optional(query->value(0).toString().toUtf8());
}

} // namespace wb::core
