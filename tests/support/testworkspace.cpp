// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testworkspace.h"

#include "core/util/workspacelocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace wb::test {

namespace {

// The state file of tests/support/postgres-cluster.sh: KEY=value lines.
struct ClusterState
{
    QString url; // administrator URL of database "postgres"
    QString passFile;
    QString error;
};

ClusterState loadClusterState()
{
    ClusterState state;
    const QString path = qEnvironmentVariable("WB_TEST_POSTGRES_STATE");
    if (path.isEmpty()) {
        state.error = u"WB_TEST_POSTGRES_STATE is not set: run the PostgreSQL variants through "
                      "ctest (the `postgres` fixture starts the cluster)"_s;
        return state;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        state.error = u"the test cluster's state file %1 is missing (did the fixture "
                      "postgres_cluster_start fail? see its output)"_s.arg(path);
        return state;
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals < 0)
            continue;
        const QString key = QString::fromUtf8(line.left(equals));
        const QString value = QString::fromUtf8(line.mid(equals + 1)).trimmed();
        if (key == u"WB_TEST_POSTGRES_URL"_s)
            state.url = value;
        else if (key == u"PGPASSFILE"_s)
            state.passFile = value;
    }
    if (state.url.isEmpty())
        state.error = u"the state file %1 names no URL"_s.arg(path);
    else if (!state.passFile.isEmpty())
        qputenv("PGPASSFILE", state.passFile.toLocal8Bit());
    return state;
}

QString withDatabase(const QString &url, const QString &database)
{
    QUrl changed(url);
    changed.setPath(u'/' + database);
    return changed.toString();
}

} // namespace

bool testOnPostgres()
{
    return qEnvironmentVariable("WB_TEST_BACKEND") == u"postgresql"_s;
}

QString postgresTestUrl(const QString &database, QString *error)
{
    static const ClusterState state = loadClusterState();
    if (error)
        *error = state.error;
    return state.url.isEmpty() ? QString() : withDatabase(state.url, database);
}

QString postgresAdminExec(const QString &sql, const QString &database)
{
    QString error;
    const QUrl url(postgresTestUrl(database, &error));
    if (!error.isEmpty())
        return error;
    const QString name = u"wb-test-admin-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QString outcome;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        admin.setHostName(url.host());
        admin.setPort(url.port());
        admin.setUserName(url.userName());
        admin.setDatabaseName(database);
        admin.setConnectOptions(u"options='-c client_min_messages=error'"_s);
        if (!admin.open()) {
            outcome = u"cannot connect to the test cluster: "_s + admin.lastError().text();
        } else {
            QSqlQuery query(admin);
            if (!query.exec(sql))
                outcome = query.lastError().text() + u" (in: "_s + sql + u')';
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

QSqlDatabase openRawConnection(const QString &location, const QString &name, QString *error)
{
    const bool postgres = core::isPostgresLocation(location);
    if (postgres)
        postgresTestUrl(); // loads the cluster's PGPASSFILE
    QSqlDatabase database = QSqlDatabase::addDatabase(postgres ? u"QPSQL"_s : u"QSQLITE"_s, name);
    if (postgres) {
        const QUrl url(location);
        database.setHostName(url.host());
        database.setPort(url.port());
        database.setUserName(url.userName());
        database.setDatabaseName(url.path().mid(1));
        database.setConnectOptions(u"options='-c client_min_messages=error'"_s);
    } else {
        database.setDatabaseName(location);
    }
    if (!database.open() && error)
        *error = database.lastError().text();
    return database;
}

TestWorkspaceLocation::TestWorkspaceLocation(const QString &folder)
{
    if (!testOnPostgres()) {
        m_location = QDir(folder).filePath(u"workspace.sqlite"_s);
        return;
    }
    const QString database = u"wbt_"_s + QUuid::createUuid().toString(QUuid::Id128);
    m_error = postgresAdminExec(u"CREATE DATABASE %1"_s.arg(database));
    if (!m_error.isEmpty())
        return;
    m_database = database;
    m_location = postgresTestUrl(database);
}

TestWorkspaceLocation::~TestWorkspaceLocation()
{
    if (!m_database.isEmpty())
        postgresAdminExec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_database));
}

QByteArray workspaceBytes(const QString &path)
{
    QByteArray bytes;
    if (core::isPostgresLocation(path)) {
        // No files of our own: every table's name (as SQLite's schema text has them) and every
        // value of every table, as stored (bytea as its bytes).
        const QString name = u"wb-test-bytes-"_s + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase database = openRawConnection(path, name, nullptr);
            QSqlQuery tables(database);
            tables.exec(u"SELECT table_name FROM information_schema.tables "
                        "WHERE table_schema = 'public'"_s);
            QStringList names;
            while (tables.next())
                names << tables.value(0).toString();
            tables = QSqlQuery();
            for (const QString &table : std::as_const(names)) {
                bytes += table.toUtf8() + '\n';
                QSqlQuery rows(database);
                rows.exec(u"SELECT * FROM "_s + table);
                while (rows.next()) {
                    for (int i = 0; i < rows.record().count(); ++i)
                        bytes += rows.value(i).toByteArray() + '\n';
                }
            }
            database.close();
        }
        QSqlDatabase::removeDatabase(name);
        return bytes;
    }
    const QFileInfo info(path);
    for (const QFileInfo &file : QDir(info.path()).entryInfoList({info.fileName() + u"*"_s})) {
        QFile handle(file.filePath());
        if (handle.open(QIODevice::ReadOnly))
            bytes += handle.readAll();
    }
    return bytes;
}

} // namespace wb::test
