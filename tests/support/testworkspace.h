// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace wb::test {

// Which store backend the suite runs on: WB_TEST_BACKEND=postgresql (set by
// wb_add_postgres_variant() in cmake/WirebenchTesting.cmake), else SQLite.
bool testOnPostgres();

// Where a test's workspace lives. On SQLite a file `workspace.sqlite` in `folder` (nothing is
// created). On PostgreSQL a new, empty database in the suite's test cluster (started by the ctest
// fixture `postgres`, tests/support/postgres-cluster.sh, which writes its URL and a password file
// to $WB_TEST_POSTGRES_STATE); it is dropped when this object goes (close every Store on it
// first). The password comes from the cluster's PGPASSFILE, as a user's would.
//
// Thread: create and destroy on one thread (it opens a short-lived admin connection there).
class TestWorkspaceLocation
{
    Q_DISABLE_COPY_MOVE(TestWorkspaceLocation)

public:
    explicit TestWorkspaceLocation(const QString &folder);
    ~TestWorkspaceLocation();

    // The path or the postgresql:// URL to pass to openWorkspace() or --workspace; empty when
    // the database could not be made (error() says why).
    QString location() const { return m_location; }
    QString error() const { return m_error; }
    bool isPostgres() const { return !m_database.isEmpty(); }

private:
    QString m_location;
    QString m_database; // PostgreSQL: the database this object created
    QString m_error;
};

// PostgreSQL test cluster: the administrator's URL of database `database` ("postgres" by
// default), after loading the cluster's state (PGPASSFILE). Empty, with `error` set, when the
// fixture did not run.
QString postgresTestUrl(const QString &database = QStringLiteral("postgres"),
                        QString *error = nullptr);
// Runs `sql` on database `database` of the test cluster through a connection of its own. Returns
// the driver's error text, or an empty string on success.
QString postgresAdminExec(const QString &sql, const QString &database = QStringLiteral("postgres"));

// A plain connection (bypassing the Store) named `name` to `location`, opened: QSQLITE for a file
// path, QPSQL for a postgresql:// URL (password from the test cluster's PGPASSFILE). On failure
// the connection is not open and `error` says why. Remove it (QSqlDatabase::removeDatabase) after
// the last copy is gone.
QSqlDatabase openRawConnection(const QString &location, const QString &name, QString *error);

// Every byte a workspace keeps, for checks that a value never reached it (close its Store first so
// everything is committed): an SQLite file with its -wal and -shm files; on PostgreSQL, which
// keeps no files of ours, every table's name and every value of every row as stored (bytea as its
// bytes).
QByteArray workspaceBytes(const QString &location);

} // namespace wb::test
