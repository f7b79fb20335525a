// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/store.h"

#include "core/store/migration.h"
#include "core/store/postgres/postgresdatabase.h"
#include "core/store/postgres/workspacepassword.h"
#include "core/store/sqlite/sqlitedatabase.h"
#include "core/store/workspacerepository.h"
#include "core/util/workspacelocation.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "wb.store")

namespace wb::core {

namespace detail {

void postAfterCommit(Store *store, std::vector<SqlSession::AfterCommit> notifications)
{
    if (!store || notifications.empty())
        return;
    // The Store outlives every job's completion (its destructor closes the database first), and
    // events still queued when it is destroyed are discarded with it.
    QMetaObject::invokeMethod(
            store,
            [store, notifications = std::move(notifications)] {
                for (const SqlSession::AfterCommit &notify : notifications)
                    notify(*store);
            },
            Qt::QueuedConnection);
}

} // namespace detail

Store::Store(std::unique_ptr<Database> database, WorkspaceInfo info, int schemaVersion)
    : m_database(std::move(database))
    , m_info(std::move(info))
    , m_schemaVersion(schemaVersion)
{}

Store::~Store()
{
    m_database->close();
}

void Store::setWorkspaceInfo(const WorkspaceInfo &info)
{
    m_info = info;
    Q_EMIT workspaceInfoChanged(m_info);
}

QString Store::location() const
{
    return m_database->location();
}

const SqlDialect &Store::dialect() const
{
    return m_database->dialect();
}

bool Store::listen(const QString &channel)
{
    if (m_listening.contains(channel))
        return true;
    if (!m_database->listen(channel, [this, channel] { Q_EMIT notified(channel); }))
        return false;
    m_listening.insert(channel);
    return true;
}

void Store::notify(SqlSession &session, const QString &channel)
{
    session.notifyAtCommit(channel);
}

WriterStatistics Store::writerStatistics() const
{
    return m_database->writerStatistics();
}

Result<std::unique_ptr<Store>> openWorkspace(const QString &location, const StoreServices &services,
                                             const StoreOptions &options)
{
    if (!services.clock) {
        return fail(u"store.invalid_services"_s,
                    QCoreApplication::translate("wb::core::Store",
                                                "Opening a workspace needs a clock."));
    }
    if (location.isEmpty()) {
        return fail(u"store.open_failed"_s,
                    QCoreApplication::translate("wb::core::Store", "No workspace file was given."));
    }

    const QList<Migration> &migrations = workspaceMigrations();
    int schemaVersion = 0;
    WorkspaceInfo info;
    DatabaseOpenSteps steps;
    // Messages and logs name a PostgreSQL workspace without its password.
    QString shown = location;
    steps.inspect = [&](SqlSession &session) -> Result<void> {
        Result<int> version = MigrationRunner::inspect(session, shown, migrations);
        if (!version)
            return fail(version.error());
        return {};
    };
    steps.prepare = [&](SqlSession &session) -> Result<void> {
        Result<int> version = MigrationRunner::migrate(session, shown, migrations);
        if (!version)
            return fail(version.error());
        schemaVersion = *version;
        // Usually there: then opening needs no write lock (another process may hold it).
        if (Result<WorkspaceInfo> existing = WorkspaceRepository::get(session)) {
            info = *existing;
            return {};
        }
        if (Result<void> begin = session.beginWriteTransaction(); !begin) {
            return begin;
        }
        Result<WorkspaceInfo> record
                = WorkspaceRepository::ensure(session, options.secretBackendForNewWorkspace);
        if (!record) {
            session.execute(u"ROLLBACK"_s);
            return fail(record.error());
        }
        info = *record;
        return session.execute(u"COMMIT"_s);
    };

    std::unique_ptr<Database> database;
    if (isPostgresLocation(location)) {
        Result<PostgresLocation> url = PostgresLocation::parse(location);
        if (!url)
            return fail(url.error());
        shown = url->display();
        Result<std::unique_ptr<PostgresDatabase>> opened = PostgresDatabase::open(*url,
                                                                                  *services.clock,
                                                                                  options, steps);
        if (!opened && opened.error().code == u"store.auth_failed" && url->password.isEmpty()) {
            // Neither the URL nor the password file had it: the OS keychain's entry, if any.
            Result<std::optional<QString>> saved = WorkspacePassword::read(*url);
            if (!saved) {
                qCWarning(lcStore, "%s", qUtf8Printable(saved.error().message));
            } else if (*saved) {
                url->password = **saved;
                opened = PostgresDatabase::open(*url, *services.clock, options, steps);
            }
        }
        if (!opened)
            return fail(opened.error());
        database = std::move(*opened);
    } else {
        Result<std::unique_ptr<SqliteDatabase>> opened = SqliteDatabase::open(location,
                                                                              *services.clock,
                                                                              options, steps);
        if (!opened)
            return fail(opened.error());
        database = std::move(*opened);
    }
    qCInfo(lcStore, "opened workspace %s (schema version %d, secrets in %s)", qUtf8Printable(shown),
           schemaVersion, qUtf8Printable(info.secretBackend));
    return std::unique_ptr<Store>(new Store(std::move(database), info, schemaVersion));
}

Result<std::unique_ptr<Store>> openDefaultWorkspace(const StoreServices &services,
                                                    const QString &explicitLocation,
                                                    const StoreOptions &options)
{
    const QString location = resolveWorkspacePath(explicitLocation);
    // The default folder is created however the default file was named (also when a caller
    // resolved the location itself, resolveWorkspacePath with the Settings' file).
    if (location == defaultWorkspacePath()) {
        const QString folder = QFileInfo(location).absolutePath();
        if (!QDir().mkpath(folder)) {
            return fail(u"store.open_failed"_s,
                        QCoreApplication::translate("wb::core::Store",
                                                    "Cannot create the folder %1 for the default "
                                                    "workspace.")
                                .arg(folder));
        }
    }
    return openWorkspace(location, services, options);
}

} // namespace wb::core
