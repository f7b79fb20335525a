// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/connection.h"
#include "core/store/database.h"
#include "core/store/identitymapping.h"
#include "core/store/secretreference.h"
#include "core/store/storejobs.h"
#include "core/store/tenant.h"
#include "core/store/workspaceinfo.h"
#include "core/util/result.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QSet>

#include <memory>
#include <type_traits>

namespace wb::core {

class Clock;
class SqlDialect;

// What a Store needs from outside. The clock must outlive the Store.
struct StoreServices
{
    const Clock *clock = nullptr; // stamps created/updated times (UTC ms); required
};

struct StoreOptions
{
    // Recorded when a workspace is created (never changed afterwards): "keychain" or "sealed".
    QString secretBackendForNewWorkspace = QStringLiteral("keychain");
    int readerThreads = 2;
    // Group commit: the most jobs one write transaction carries.
    int maxJobsPerTransaction = 1000;
    // How long a connection waits for another process's lock before failing with `store.busy`.
    int busyTimeoutMs = 5000;
};

// A tenant with its connections, for lists and the navigation tree.
struct TenantOverview
{
    Tenant tenant;
    QList<Connection> connections; // ordered by provider id, then label
};

// An open workspace: its database (one writer with group commit, reader threads) and the
// repositories of the domain, as asynchronous operations with change signals.
//
// Threading contract
//  - Create (openWorkspace) and destroy the Store on one thread, its owner (normally the GUI or CLI
//    main thread). Destroying it commits every write already submitted, then stops its threads.
//  - Every operation below may be called from any thread. None runs SQL on the calling thread:
//    writes go to the writer thread, reads to a reader thread; each returns a QFuture that the
//    worker completes. Consume it with wb::core::whenFinished(future, context, …) (core/util/
//    futures.h; not QFuture::then(context, …), which breaks in Qt 6.4 when the context dies
//    first) or a QFutureWatcher, never by
//    blocking the GUI thread.
//  - A write's future completes only after its transaction has COMMITted: when it reports success
//    the rows are durable (SQLite: WAL with synchronous=FULL). Writes submitted together share one
//    transaction (group commit), each in its own savepoint: one failing write does not roll back
//    the others.
//  - A read submitted after a write's future completed sees that write.
//  - Change signals are emitted on the owner thread after the commit, in commit order, and before
//    the corresponding write's future continuations that run on the owner thread.
//  - Errors carry stable codes (store.*); messages name the tenant, connection, field or value.
//    `store.busy`: another process (a second Wirebench, wirebench-cli serve) held the workspace's
//    write lock for longer than StoreOptions::busyTimeoutMs; nothing of the write was kept.
class Store final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Store)

public:
    ~Store() override;

    // The workspace record (read at open; demoSeededAtMs may be stale after seeding: use
    // seedDemoWorkspace()'s answer).
    const WorkspaceInfo &workspaceInfo() const { return m_info; }
    // The file path or URL this store was opened from.
    QString location() const;
    int schemaVersion() const { return m_schemaVersion; }
    const SqlDialect &dialect() const;
    WriterStatistics writerStatistics() const;

    // --- Generic jobs, for the other parts of the core (inbound events, deliveries, …) ---------
    // `job` is `Result<T>(SqlSession &)`; it runs on the writer thread inside a savepoint (an
    // error rolls back only its own changes) and may register change notifications with
    // SqlSession::afterCommit(). Keep jobs short: they hold the write transaction.
    // `concurrency`: RowLocks only for a job whose every statement is correct on its own beside
    // other processes' writers (writeconcurrency.h); it then runs without the workspace lock on
    // PostgreSQL.
    template<typename Job>
    auto write(Job &&job, WriteConcurrency concurrency = WriteConcurrency::Exclusive)
    {
        using R = std::invoke_result_t<Job &, SqlSession &>;
        using T = typename R::value_type;
        auto wrapped = std::make_unique<FunctionWriteJob<T>>(std::forward<Job>(job), this);
        wrapped->setConcurrency(concurrency);
        QFuture<R> future = wrapped->future();
        m_database->submitWrite(std::move(wrapped));
        return future;
    }
    // `job` runs on a reader thread, with its own read-only connection, in one snapshot.
    template<typename Job>
    auto read(Job &&job)
    {
        using R = std::invoke_result_t<Job &, SqlSession &>;
        using T = typename R::value_type;
        auto wrapped = std::make_unique<FunctionReadJob<T>>(std::forward<Job>(job));
        QFuture<R> future = wrapped->future();
        m_database->submitRead(std::move(wrapped));
        return future;
    }

    // --- Tenants (tenantrepository.h documents validation and errors) -------------------------
    QFuture<Result<Tenant>> addTenant(const Tenant &tenant);
    QFuture<Result<Tenant>> updateTenant(const Tenant &tenant);
    // Removes the tenant with its connections, identity mappings and secret references.
    QFuture<Result<void>> removeTenant(qint64 tenantId);
    QFuture<Result<Tenant>> tenant(qint64 tenantId);
    QFuture<Result<QList<Tenant>>> tenants();
    // Every tenant with its connections, ordered by display name.
    QFuture<Result<QList<TenantOverview>>> tenantOverviews();

    // --- Connections (connectionrepository.h) -------------------------------------------------
    QFuture<Result<Connection>> addConnection(const Connection &connection);
    QFuture<Result<Connection>> updateConnectionSettings(qint64 connectionId, const QString &label,
                                                         const ConnectionSettings &settings);
    // Sets only the handshake verify token (ConnectionSettings::handshakeVerifyToken), in one
    // transaction with reading the other settings; store.invalid_connection for a token the
    // settings refuse, store.unknown_connection for a missing connection.
    QFuture<Result<Connection>> setConnectionVerifyToken(qint64 connectionId, const QString &token);
    // Sets the status and the token expiry (std::nullopt clears it).
    QFuture<Result<Connection>> setConnectionStatus(qint64 connectionId, ConnectionStatus status,
                                                    std::optional<qint64> tokenExpiresAtMs);
    // Records an authorization check: when (UTC ms) and what it found.
    QFuture<Result<Connection>> recordConnectionCheck(qint64 connectionId, qint64 checkedAtMs,
                                                      const QString &result);
    // Removes the connection and its secret references; identity mappings keep their tenant and
    // lose the connection.
    QFuture<Result<void>> removeConnection(qint64 connectionId);
    QFuture<Result<Connection>> connection(qint64 connectionId);
    // All connections, or a tenant's.
    QFuture<Result<QList<Connection>>> connections(std::optional<qint64> tenantId = {});

    // --- Identity mappings (identitymappingrepository.h) --------------------------------------
    QFuture<Result<IdentityMapping>> addIdentityMapping(const IdentityMapping &mapping);
    QFuture<Result<IdentityMapping>> updateIdentityMapping(const IdentityMapping &mapping);
    QFuture<Result<void>> removeIdentityMapping(qint64 mappingId);
    QFuture<Result<QList<IdentityMapping>>> identityMappings(
            const IdentityMappingFilter &filter = {});
    // Which tenant an event belongs to, and why (see IdentityResolution).
    QFuture<Result<IdentityResolution>> resolveIdentity(const IdentityQuery &query);

    // --- Secret references (the values live in a SecretStore, never here) ---------------------
    QFuture<Result<SecretReference>> putSecretReference(const SecretReference &reference);
    // True when a reference existed.
    QFuture<Result<bool>> removeSecretReference(const SecretKey &key);
    QFuture<Result<std::optional<SecretReference>>> secretReference(const SecretKey &key);
    QFuture<Result<QList<SecretReference>>> secretReferences(qint64 connectionId);

    // --- Demo ----------------------------------------------------------------------------------
    // On a workspace that was never seeded and has no tenants: adds the tenant "Acme Corp (demo)"
    // with a GitHub connection and an identity mapping for GitHub installation id 12345678, marks
    // the workspace as seeded, and answers true. Otherwise answers false and adds nothing, ever
    // again — also after the demo tenant was deleted (a workspace that already had tenants is
    // marked seeded too). One transaction.
    QFuture<Result<bool>> seedDemoWorkspace();

    // --- Notifications across processes --------------------------------------------------------
    // Subscribes to `channel`: notified(channel) is emitted on the owner thread whenever a write
    // job of any process that called notify(session, channel) commits. PostgreSQL only (LISTEN/
    // NOTIFY); false on SQLite or when the subscription failed: watchers keep polling either way,
    // this only shortens their wait. Call on the owner thread (it connects once, blocking briefly).
    bool listen(const QString &channel);
    // In a write job: announces `channel` at the job's commit (SqlSession::notifyAtCommit; sent
    // once per transaction; nothing is sent on SQLite).
    static void notify(SqlSession &session, const QString &channel);

Q_SIGNALS:
    // See listen(): another process (or this one) committed a change announced on `channel`.
    void notified(const QString &channel);

    // Emitted on the owner thread after the change committed.
    void tenantAdded(const wb::core::Tenant &tenant);
    void tenantUpdated(const wb::core::Tenant &tenant);
    void tenantRemoved(qint64 tenantId);
    void connectionAdded(const wb::core::Connection &connection);
    void connectionUpdated(const wb::core::Connection &connection);
    void connectionRemoved(qint64 connectionId, qint64 tenantId);
    void identityMappingAdded(const wb::core::IdentityMapping &mapping);
    void identityMappingUpdated(const wb::core::IdentityMapping &mapping);
    void identityMappingRemoved(qint64 mappingId, qint64 tenantId);
    void secretReferencePut(const wb::core::SecretReference &reference);
    void secretReferenceRemoved(const wb::core::SecretReference &reference);
    // After seedDemoWorkspace() seeded (also preceded by the tenant/connection/mapping signals).
    void demoSeeded(qint64 tenantId);
    // After a write of this Store changed the workspace record (its secret backend, switched by a
    // secrets migration); workspaceInfo() already answers the new record.
    void workspaceInfoChanged(const wb::core::WorkspaceInfo &info);

private:
    friend Result<std::unique_ptr<Store>> openWorkspace(const QString &, const StoreServices &,
                                                        const StoreOptions &);
    Store(std::unique_ptr<Database> database, WorkspaceInfo info, int schemaVersion);
    // For WorkspaceRepository's after-commit notifications (owner thread).
    friend class WorkspaceRepository;
    void setWorkspaceInfo(const WorkspaceInfo &info);

    std::unique_ptr<Database> m_database;
    WorkspaceInfo m_info;
    int m_schemaVersion = 0;
    QSet<QString> m_listening; // channels listen() subscribed to
};

// Opens (creating it when the file does not exist) the workspace at `location`: an SQLite file path,
// or a `postgresql://user@host:port/database` URL of an existing database (empty for a new
// workspace; see store/postgres/postgresconnection.h for the password). Synchronous, on the calling
// thread: it checks the database, applies pending migrations, then starts the writer and reader
// threads; on today's schema this takes milliseconds (plus the network round trips to a server),
// do it at start-up. The returned Store is owned by the calling thread.
//
// Errors (nothing on disk is modified by a refused open):
//  - `store.invalid_services` (no clock);
//  - PostgreSQL: `store.bad_location` (not a usable URL), `store.driver_missing` (no QPSQL),
//    `store.auth_failed` (login refused), `store.open_failed` (server down, no such database);
//  - `store.not_a_file` (a folder), `store.open_failed` (permissions, missing folder);
//  - `store.not_a_workspace` (not an SQLite database, or another program's database);
//  - `store.corrupt` (an SQLite database that cannot be read: "malformed", "not a database");
//  - `store.newer_schema` (written by a newer Wirebench);
//  - `store.migration_failed`.
Result<std::unique_ptr<Store>> openWorkspace(const QString &location, const StoreServices &services,
                                             const StoreOptions &options = {});

// Opens the workspace named by `explicitLocation`, else $WIREBENCH_WORKSPACE, else the default file
// in the user's data folder (see workspacelocation.h), creating that folder when needed.
Result<std::unique_ptr<Store>> openDefaultWorkspace(const StoreServices &services,
                                                    const QString &explicitLocation = {},
                                                    const StoreOptions &options = {});

} // namespace wb::core
