// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace wb::core {

// A PostgreSQL workspace location: the parts of a `postgresql://` connection URI
// (https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-CONNSTRING).
struct PostgresLocation
{
    QString host;     // empty: libpq's default (the local socket)
    int port = -1;    // -1: libpq's default (5432)
    QString database; // empty: libpq's default (the user name)
    QString user;     // empty: libpq's default (the OS user)
    // Only when the URL carries one (discouraged: it shows in process lists). Otherwise libpq
    // reads the password file ($PGPASSFILE, default ~/.pgpass;
    // https://www.postgresql.org/docs/15/libpq-pgpass.html), and openWorkspace then asks the OS
    // keychain (workspacepassword.h).
    QString password;
    // The URI's query parameters as libpq keywords ("sslmode=verify-full"), passed through.
    QStringList parameters;

    // postgresql://user@host:port/database, without the password or parameters: for messages,
    // logs and Store::location().
    QString display() const;

    // Parses `postgresql://[user[:password]@][host][:port][/database][?key=value&…]` (also
    // `postgres://`). Error `store.bad_location` saying what is wrong (not a postgresql URL, a
    // bad port, a parameter without a value); the password never appears in a message.
    static Result<PostgresLocation> parse(const QString &url);
};

// Opening and configuring QPSQL connections. Thread: a connection belongs to the thread that
// opened it; remove it there (QSqlDatabase::removeDatabase) after the last copy is gone.
class PostgresConnection final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::PostgresConnection)

public:
    enum class Access {
        ReadOnly, // every transaction READ ONLY
        ReadWrite,
    };

    // Connects as connection `name` and configures the session: lock_timeout = busyTimeoutMs (ms;
    // a writer waiting longer for the write lock fails with `store.busy`), client_min_messages =
    // error (no NOTICE chatter on stderr), and for ReadOnly the default transaction mode. Errors:
    //  - `store.driver_missing`: Qt's PostgreSQL plugin (Debian: libqt6sql6-psql) is missing;
    //  - `store.auth_failed`: the server refused the login (no or a wrong password); the message
    //    says where the password goes;
    //  - `store.open_failed`: anything else (server down, no such database), with libpq's message.
    static Result<QSqlDatabase> open(const PostgresLocation &location, const QString &name,
                                     Access access, int busyTimeoutMs);
};

} // namespace wb::core
