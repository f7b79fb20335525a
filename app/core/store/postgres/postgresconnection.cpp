// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/postgres/postgresconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace wb::core {

QString PostgresLocation::display() const
{
    QString out = u"postgresql://"_s;
    if (!user.isEmpty())
        out += user + u'@';
    out += host.contains(u':') ? u'[' + host + u']' : host;
    if (port > 0)
        out += u':' + QString::number(port);
    if (!database.isEmpty())
        out += u'/' + database;
    return out;
}

Result<PostgresLocation> PostgresLocation::parse(const QString &url)
{
    auto bad = [&](const QString &why) {
        // The URL without its password: QUrl::RemovePassword.
        const QString shown = QUrl(url).toString(QUrl::RemovePassword | QUrl::RemoveQuery);
        return fail(u"store.bad_location"_s,
                    PostgresConnection::tr("The workspace location %1 is not a usable "
                                           "PostgreSQL URL: %2. Write it as "
                                           "postgresql://user@host:port/database.")
                            .arg(shown, why));
    };
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return bad(parsed.errorString());
    if (parsed.scheme() != u"postgresql"_s && parsed.scheme() != u"postgres"_s)
        return bad(PostgresConnection::tr("the scheme must be postgresql"));
    if (parsed.hasFragment())
        return bad(PostgresConnection::tr("it has a fragment (#…)"));

    PostgresLocation location;
    location.host = parsed.host();
    location.port = parsed.port(-1);
    location.user = parsed.userName(QUrl::FullyDecoded);
    location.password = parsed.password(QUrl::FullyDecoded);
    QString path = parsed.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    if (path.contains(u'/'))
        return bad(PostgresConnection::tr("the database name \"%1\" contains a slash").arg(path));
    location.database = path;

    const QUrlQuery query(parsed);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        static const QStringList owned = {u"host"_s,   u"hostaddr"_s, u"port"_s,
                                          u"dbname"_s, u"user"_s,     u"password"_s};
        if (key.isEmpty() || value.isEmpty())
            return bad(PostgresConnection::tr("the parameter \"%1\" has no value").arg(key));
        if (owned.contains(key)) {
            return bad(PostgresConnection::tr("give %1 in the URL's address part, not as a "
                                              "parameter")
                               .arg(key));
        }
        if (value.contains(u' ') || value.contains(u';') || value.contains(u'\'')) {
            return bad(PostgresConnection::tr("the value of \"%1\" contains a space, ';' or a "
                                              "quote")
                               .arg(key));
        }
        location.parameters << key + u'=' + value;
    }
    return location;
}

Result<QSqlDatabase> PostgresConnection::open(const PostgresLocation &location, const QString &name,
                                              Access access, int busyTimeoutMs)
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        return fail(u"store.driver_missing"_s,
                    tr("Qt's PostgreSQL driver (QPSQL) is not installed; on Debian install the "
                       "package libqt6sql6-psql."));
    }
    QSqlDatabase database = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    if (!location.host.isEmpty())
        database.setHostName(location.host);
    if (location.port > 0)
        database.setPort(location.port);
    if (!location.database.isEmpty())
        database.setDatabaseName(location.database);
    if (!location.user.isEmpty())
        database.setUserName(location.user);
    if (!location.password.isEmpty())
        database.setPassword(location.password);
    // Defaults first: a parameter in the URL overrides them (libpq takes the last value).
    QStringList options = {u"connect_timeout=10"_s, u"application_name=wirebench"_s};
    options += location.parameters;
    database.setConnectOptions(options.join(u';'));

    if (!database.open()) {
        const QString message = database.lastError().text().trimmed();
        database = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        if (message.contains(u"password"_s, Qt::CaseInsensitive)) {
            return fail(u"store.auth_failed"_s,
                        tr("PostgreSQL refused the login to %1: %2. Put the password into the "
                           "password file (PGPASSFILE, by default ~/.pgpass, mode 600; "
                           "https://www.postgresql.org/docs/15/libpq-pgpass.html) or into the "
                           "OS keychain with: wirebench-cli workspace password set %1")
                                .arg(location.display(), message));
        }
        return fail(u"store.open_failed"_s, tr("Cannot connect to the PostgreSQL workspace %1: %2")
                                                    .arg(location.display(), message));
    }

    QStringList settings = {u"SET lock_timeout = %1"_s.arg(qMax(1, busyTimeoutMs)),
                            u"SET client_min_messages = error"_s};
    if (access == Access::ReadOnly)
        settings << u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s;
    for (const QString &statement : settings) {
        QSqlQuery query(database);
        if (!query.exec(statement)) {
            const QString message = query.lastError().text();
            query = QSqlQuery();
            database.close();
            database = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return fail(u"store.open_failed"_s,
                        tr("Cannot configure the connection to %1 (%2): %3")
                                .arg(location.display(), statement, message));
        }
    }
    return database;
}

} // namespace wb::core
