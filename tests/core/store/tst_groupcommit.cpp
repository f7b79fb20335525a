// SPDX-License-Identifier: GPL-3.0-or-later
// The writer's group commit and the readers: many writers from several threads all commit, in few
// transactions; a future completes only once its rows are committed; a failing job rolls back only
// itself; reads run on reader threads with their own connections; signals arrive on the owner
// thread, before the futures' continuations there.
#include "storetestutil.h"

#include "core/store/groupcommitwriter.h"
#include "core/store/postgres/postgresconnection.h"
#include "core/store/postgres/postgresdialect.h"
#include "core/store/sqlite/sqliteconnection.h"
#include "core/store/sqlite/sqlitedialect.h"
#include "core/store/tenantrepository.h"
#include "support/futures.h"
#include "support/results.h"

#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

namespace {

// Holds the writer inside a job (and so inside a transaction) until released, so the jobs
// submitted meanwhile are all waiting for the next transaction.
class WriterGate
{
public:
    explicit WriterGate(Store &store)
    {
        m_done = store.write([this](SqlSession &session) -> Result<bool> {
            // An uncommitted row, to show that readers do not see it.
            Tenant tenant;
            tenant.displayName = u"uncommitted"_s;
            Result<Tenant> added = TenantRepository::add(session, tenant);
            m_entered.release();
            m_release.acquire();
            if (!added)
                return fail(added.error());
            return true;
        });
    }
    // Waits until the writer is inside the gate job. False after 10 s.
    [[nodiscard]] bool waitEntered() { return m_entered.tryAcquire(1, 10'000); }
    void open() { m_release.release(); }
    QFuture<Result<bool>> done() const { return m_done; }

private:
    QSemaphore m_entered;
    QSemaphore m_release;
    QFuture<Result<bool>> m_done;
};

Tenant named(const QString &name)
{
    Tenant tenant;
    tenant.displayName = name;
    return tenant;
}

// Counts rows through a connection of its own, outside the store: it sees committed data only.
qint64 committedTenantCount(const QString &path, const QString &whereName = {})
{
    const QString name = u"wb-test-observer-"_s
                         + QUuid::createUuid().toString(QUuid::WithoutBraces);
    qint64 count = -1;
    {
        QSqlDatabase database = wb::test::openRawConnection(path, name, nullptr);
        if (database.isOpen()) {
            QSqlQuery query(database);
            query.prepare(whereName.isEmpty()
                                  ? u"SELECT COUNT(*) FROM tenants"_s
                                  : u"SELECT COUNT(*) FROM tenants WHERE display_name = ?"_s);
            if (!whereName.isEmpty())
                query.addBindValue(whereName);
            if (query.exec() && query.next())
                count = query.value(0).toLongLong();
        }
        database.close();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace

class TestGroupCommit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void concurrentWritersShareTransactions();
    void batchesHoldOneKindOfJobInOrder();
    void keptQueriesArePreparedOnce();
    void freeRunningWritersAllCommit();
    void futuresCompleteOnlyAfterCommit();
    void failingJobRollsBackOnlyItself();
    void abortedTransactionRetriesTheRest();
    void readsRunOnReaderThreadsAndSeeCommittedDataOnly();
    void readersCannotWrite();
    void signalsArriveOnOwnerThreadBeforeContinuations();
    void anotherProcessHoldingTheLockGivesBusy();
    void closingCommitsQueuedWrites();
    void writerRefusesJobsAfterStop();

private:
    std::unique_ptr<wb::test::TempWorkspace> m_ws;
};

void TestGroupCommit::init()
{
    m_ws = std::make_unique<wb::test::TempWorkspace>();
    QVERIFY(m_ws->open());
}

void TestGroupCommit::cleanup()
{
    m_ws.reset();
}

void TestGroupCommit::concurrentWritersShareTransactions()
{
    Store &store = *m_ws->store;
    const WriterStatistics before = store.writerStatistics();
    WriterGate gate(store);
    QVERIFY(gate.waitEntered());

    constexpr int threads = 4;
    constexpr int perThread = 150;
    QMutex mutex;
    QList<QFuture<Result<Tenant>>> futures;
    std::vector<std::unique_ptr<QThread>> submitters;
    for (int t = 0; t < threads; ++t) {
        submitters.emplace_back(QThread::create([&, t] {
            for (int i = 0; i < perThread; ++i) {
                QFuture<Result<Tenant>> future = store.addTenant(
                        named(u"thread %1 tenant %2"_s.arg(t).arg(i)));
                QMutexLocker lock(&mutex);
                futures << future;
            }
        }));
        submitters.back()->start();
    }
    for (const auto &thread : submitters)
        QVERIFY(thread->wait(10'000));
    QCOMPARE(futures.size(), threads * perThread);
    for (const auto &future : std::as_const(futures))
        QVERIFY(!future.isFinished()); // all queued behind the gate

    gate.open();
    QSet<qint64> ids;
    for (const auto &future : std::as_const(futures)) {
        QVERIFY(wb::test::waitForFinished(future));
        const Result<Tenant> result = future.result();
        QVERIFY2(result, qPrintable(errorMessage(result)));
        ids.insert(result->id);
    }
    QCOMPARE(ids.size(), threads * perThread);
    QVERIFY(wb::test::waitForFinished(gate.done()));
    QCOMPARE(committedTenantCount(m_ws->path()), threads * perThread + 1);

    // The gate's transaction and one more for all 600 jobs.
    const WriterStatistics after = store.writerStatistics();
    QCOMPARE(after.transactions - before.transactions, 2);
    QCOMPARE(after.jobs - before.jobs, threads * perThread + 1);
    QCOMPARE(after.largestBatch, threads * perThread);
    QCOMPARE(after.failedJobs, before.failedJobs);
}

void TestGroupCommit::batchesHoldOneKindOfJobInOrder()
{
    Store &store = *m_ws->store;
    const bool postgres = store.dialect().name() == u"postgresql"_s;
    const WriterStatistics before = store.writerStatistics();
    WriterGate gate(store);
    QVERIFY(gate.waitEntered());

    // Each job notes its name and, on PostgreSQL, whether its transaction holds the workspace's
    // advisory lock.
    QMutex mutex;
    QStringList ran;
    const auto job = [&](const QString &name) {
        return [&, name](SqlSession &session) -> Result<bool> {
            bool locked = false;
            if (postgres) {
                Result<QSqlQuery> held = session.execOneRow(
                        u"SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' "
                        "AND pid = pg_backend_pid()"_s);
                if (!held)
                    return fail(held.error());
                locked = held->value(0).toInt() > 0;
            }
            QMutexLocker lock(&mutex);
            ran << name + (locked ? u" locked"_s : QString());
            return true;
        };
    };
    const QList<std::pair<QString, WriteConcurrency>> jobs
            = {{u"e1"_s, WriteConcurrency::Exclusive}, {u"e2"_s, WriteConcurrency::Exclusive},
               {u"r1"_s, WriteConcurrency::RowLocks},  {u"r2"_s, WriteConcurrency::RowLocks},
               {u"r3"_s, WriteConcurrency::RowLocks},  {u"e3"_s, WriteConcurrency::Exclusive}};
    QList<QFuture<Result<bool>>> futures;
    for (const auto &[name, concurrency] : jobs)
        futures << store.write(job(name), concurrency);
    gate.open();
    for (const auto &future : std::as_const(futures))
        QVERIFY(wb::test::waitForFinished(future) && future.result());
    QVERIFY(wb::test::waitForFinished(gate.done()));

    // In order, one transaction per run of one kind: the gate's, e1 e2, r1 r2 r3, e3. Only the
    // Exclusive ones hold the lock (SQLite's writer always holds its database).
    const QString lock = postgres ? u" locked"_s : QString();
    QCOMPARE(ran, (QStringList{u"e1"_s + lock, u"e2"_s + lock, u"r1"_s, u"r2"_s, u"r3"_s,
                               u"e3"_s + lock}));
    const WriterStatistics after = store.writerStatistics();
    QCOMPARE(after.transactions - before.transactions, 4);
    QCOMPARE(after.jobs - before.jobs, 7);
}

void TestGroupCommit::keptQueriesArePreparedOnce()
{
    Store &store = *m_ws->store;
    const bool postgres = store.dialect().name() == u"postgresql"_s;
    WB_AWAIT_OK(a, store.addTenant(named(u"kept a"_s)));
    WB_AWAIT_OK(b, store.addTenant(named(u"kept b"_s)));
    // The same query three times with other values, each result read and dropped; on PostgreSQL
    // also how many statements the session has prepared before and after each
    // (pg_prepared_statements, asked without preparing).
    WB_AWAIT_OK(seen, store.write([postgres](SqlSession &session) -> Result<QStringList> {
        QStringList seen;
        const auto preparedCount = [&session, &seen, postgres]() -> Result<void> {
            if (!postgres)
                return {};
            Result<QSqlQuery> count = session.execOneRow(
                    u"SELECT COUNT(*) FROM pg_prepared_statements"_s);
            if (!count)
                return fail(count.error());
            seen << count->value(0).toString();
            return {};
        };
        if (Result<void> counted = preparedCount(); !counted)
            return fail(counted.error());
        for (const QString &pattern : {u"kept a"_s, u"kept%"_s, u"nobody"_s}) {
            {
                Result<SqlSession::KeptQuery> rows = session.execKept(
                        u"SELECT display_name FROM tenants WHERE display_name LIKE ? "
                        "ORDER BY display_name"_s,
                        {pattern});
                if (!rows)
                    return fail(rows.error());
                QStringList names;
                while (rows->next())
                    names << rows->value(0).toString();
                seen << names.join(u',');
            }
            if (Result<void> counted = preparedCount(); !counted)
                return fail(counted.error());
        }
        return seen;
    }));
    const QStringList names{u"kept a"_s, u"kept a,kept b"_s, QString()};
    if (!postgres) {
        QCOMPARE(*seen, names);
        return;
    }
    QCOMPARE(seen->size(), 7);
    QCOMPARE((QStringList{seen->at(1), seen->at(3), seen->at(5)}), names);
    // Prepared by the first call and kept (one more than before), then executed again: the count
    // neither falls back (freed each time) nor grows (prepared each time).
    const int before = seen->at(0).toInt();
    QCOMPARE(seen->at(2).toInt(), before + 1);
    QCOMPARE(seen->at(4).toInt(), before + 1);
    QCOMPARE(seen->at(6).toInt(), before + 1);
}

void TestGroupCommit::freeRunningWritersAllCommit()
{
    Store &store = *m_ws->store;
    QMutex mutex;
    QList<QFuture<Result<Tenant>>> futures;
    std::vector<std::unique_ptr<QThread>> submitters;
    for (int t = 0; t < 3; ++t) {
        submitters.emplace_back(QThread::create([&, t] {
            for (int i = 0; i < 100; ++i) {
                QFuture<Result<Tenant>> future = store.addTenant(named(u"t%1-%2"_s.arg(t).arg(i)));
                QMutexLocker lock(&mutex);
                futures << future;
            }
        }));
        submitters.back()->start();
    }
    for (const auto &thread : submitters)
        QVERIFY(thread->wait(10'000));
    for (const auto &future : std::as_const(futures)) {
        QVERIFY(wb::test::waitForFinished(future));
        QVERIFY2(future.result(), qPrintable(errorMessage(future.result())));
    }
    QCOMPARE(committedTenantCount(m_ws->path()), 300);
    QVERIFY(store.writerStatistics().transactions <= 300);
}

void TestGroupCommit::futuresCompleteOnlyAfterCommit()
{
    Store &store = *m_ws->store;
    const QString path = m_ws->path();
    WriterGate gate(store);
    QVERIFY(gate.waitEntered());

    // Each continuation runs synchronously on the writer thread the moment its future completes,
    // and looks at the file through a connection of its own, which sees committed rows only.
    constexpr int count = 40;
    std::atomic<int> visible = 0;
    std::atomic<int> invisible = 0;
    QList<QFuture<void>> checks;
    for (int i = 0; i < count; ++i) {
        const QString name = u"durable %1"_s.arg(i);
        checks << store.addTenant(named(name))
                          .then(QtFuture::Launch::Sync, [&, name, path](const Result<Tenant> &r) {
                              if (r && committedTenantCount(path, name) == 1)
                                  ++visible;
                              else
                                  ++invisible;
                          });
    }
    gate.open();
    for (const QFuture<void> &check : std::as_const(checks))
        QVERIFY(wb::test::waitForFinished(check));
    QCOMPARE(invisible.load(), 0);
    QCOMPARE(visible.load(), count);
}

void TestGroupCommit::failingJobRollsBackOnlyItself()
{
    Store &store = *m_ws->store;
    QSignalSpy added(&store, &Store::tenantAdded);
    const WriterStatistics before = store.writerStatistics();
    WriterGate gate(store);
    QVERIFY(gate.waitEntered());

    QList<QFuture<Result<Tenant>>> good;
    for (int i = 0; i < 10; ++i)
        good << store.addTenant(named(u"before %1"_s.arg(i)));
    // Writes a row, then fails: its row must go, its notification too.
    QFuture<Result<Tenant>> failsAfterWriting = store.write(
            [](SqlSession &session) -> Result<Tenant> {
                Result<Tenant> written = TenantRepository::add(session, named(u"half-done"_s));
                if (!written)
                    return written;
                return fail(u"test.refused"_s, u"changed my mind after writing"_s);
            });
    // A constraint violation from the database itself.
    QFuture<Result<bool>> violatesConstraint = store.write([](SqlSession &session) -> Result<bool> {
        Result<void> inserted = session.execute(
                u"INSERT INTO tenants (display_name, created_at_ms, updated_at_ms) "
                "VALUES ('', 0, 0)"_s);
        if (!inserted)
            return fail(inserted.error());
        return true;
    });
    for (int i = 0; i < 10; ++i)
        good << store.addTenant(named(u"after %1"_s.arg(i)));
    gate.open();

    for (const auto &future : std::as_const(good)) {
        QVERIFY(wb::test::waitForFinished(future));
        QVERIFY2(future.result(), qPrintable(errorMessage(future.result())));
    }
    QVERIFY(wb::test::waitForFinished(failsAfterWriting));
    QCOMPARE(errorCode(failsAfterWriting.result()), u"test.refused"_s);
    QVERIFY(wb::test::waitForFinished(violatesConstraint));
    QCOMPARE(errorCode(violatesConstraint.result()), u"store.query_failed"_s);
    // SQLite: "CHECK constraint failed"; PostgreSQL: "violates check constraint".
    QVERIFY2(errorMessage(violatesConstraint.result())
                     .contains(u"check constraint"_s, Qt::CaseInsensitive),
             qPrintable(errorMessage(violatesConstraint.result())));

    QCOMPARE(committedTenantCount(m_ws->path()), 21); // 20 good ones and the gate's
    QCOMPARE(committedTenantCount(m_ws->path(), u"half-done"_s), 0);
    const WriterStatistics after = store.writerStatistics();
    QCOMPARE(after.transactions - before.transactions, 2);
    QCOMPARE(after.largestBatch, 22);
    QCOMPARE(after.failedJobs - before.failedJobs, 2);
    QTRY_COMPARE(added.count(), 21);
    for (const QList<QVariant> &arguments : std::as_const(added))
        QVERIFY(arguments.at(0).value<Tenant>().displayName != u"half-done"_s);
}

void TestGroupCommit::abortedTransactionRetriesTheRest()
{
    Store &store = *m_ws->store;
    WriterGate gate(store);
    QVERIFY(gate.waitEntered());
    QFuture<Result<Tenant>> first = store.addTenant(named(u"first"_s));
    // Ends the whole transaction under the writer, as SQLite does on a full disk or an I/O error.
    QFuture<Result<bool>> saboteur = store.write([](SqlSession &session) -> Result<bool> {
        session.execute(u"ROLLBACK"_s);
        return fail(u"test.io_error"_s, u"simulated I/O error"_s);
    });
    QFuture<Result<Tenant>> last = store.addTenant(named(u"last"_s));
    gate.open();

    QVERIFY(wb::test::waitForFinished(first));
    QVERIFY(wb::test::waitForFinished(saboteur));
    QVERIFY(wb::test::waitForFinished(last));
    QCOMPARE(errorCode(first.result()), u"store.transaction_aborted"_s);
    QVERIFY(gate.done().result()); // its own, earlier transaction
    QCOMPARE(errorCode(saboteur.result()), u"test.io_error"_s);
    // The job after the abort ran again in a fresh transaction.
    QVERIFY2(last.result(), qPrintable(errorMessage(last.result())));
    QCOMPARE(committedTenantCount(m_ws->path(), u"first"_s), 0);
    QCOMPARE(committedTenantCount(m_ws->path(), u"last"_s), 1);
    QCOMPARE(committedTenantCount(m_ws->path()), 2); // the gate's and "last"
}

void TestGroupCommit::readsRunOnReaderThreadsAndSeeCommittedDataOnly()
{
    Store &store = *m_ws->store;
    WB_AWAIT_OK(committed, store.addTenant(named(u"committed"_s)));
    WriterGate gate(store); // holds an uncommitted tenant in the writer's transaction
    QVERIFY(gate.waitEntered());

    struct Seen
    {
        QThread *thread = nullptr;
        QString connection;
        QStringList tenants;
    };
    QList<QFuture<Result<Seen>>> reads;
    for (int i = 0; i < 6; ++i) {
        reads << store.read([](SqlSession &session) -> Result<Seen> {
            Seen seen;
            seen.thread = QThread::currentThread();
            seen.connection = session.database().connectionName();
            Result<QList<Tenant>> tenants = TenantRepository::list(session);
            if (!tenants)
                return fail(tenants.error());
            for (const Tenant &tenant : std::as_const(*tenants))
                seen.tenants << tenant.displayName;
            return seen;
        });
    }
    // The writer is still blocked inside its transaction: the reads finish regardless (WAL).
    QSet<QString> connections;
    for (const auto &read : std::as_const(reads)) {
        QVERIFY(wb::test::waitForFinished(read));
        const Result<Seen> seen = read.result();
        QVERIFY2(seen, qPrintable(errorMessage(seen)));
        QVERIFY(seen->thread != QThread::currentThread());
        QVERIFY(seen->connection.startsWith(u"wb-reader-"_s));
        QCOMPARE(seen->tenants, QStringList{u"committed"_s});
        connections.insert(seen->connection);
    }
    QVERIFY(!gate.done().isFinished());
    QVERIFY(connections.size() <= 2); // StoreOptions::readerThreads
    gate.open();
    QVERIFY(wb::test::waitForFinished(gate.done()));
    WB_AWAIT_OK(after, store.tenants());
    QCOMPARE(after->size(), 2); // a read after the write's future sees it
}

void TestGroupCommit::readersCannotWrite()
{
    WB_AWAIT(attempt, m_ws->store->read([](SqlSession &session) -> Result<bool> {
        Result<Tenant> added = TenantRepository::add(session, named(u"sneaky"_s));
        if (!added)
            return fail(added.error());
        return true;
    }));
    QCOMPARE(errorCode(attempt), u"store.query_failed"_s);
    // SQLite: "attempt to write a readonly database"; PostgreSQL: "cannot execute INSERT in a
    // read-only transaction".
    QVERIFY2(errorMessage(attempt).contains(u"readonly"_s)
                     || errorMessage(attempt).contains(u"read-only transaction"_s),
             qPrintable(errorMessage(attempt)));
    QCOMPARE(committedTenantCount(m_ws->path()), 0);
}

void TestGroupCommit::signalsArriveOnOwnerThreadBeforeContinuations()
{
    Store &store = *m_ws->store;
    QStringList order;
    QList<QThread *> threads;
    connect(&store, &Store::tenantAdded, this, [&](const Tenant &tenant) {
        order << u"signal "_s + tenant.displayName;
        threads << QThread::currentThread();
    });
    QList<QFuture<void>> continuations;
    for (const QString &name : {u"one"_s, u"two"_s, u"three"_s}) {
        continuations << store.addTenant(named(name)).then(this, [&, name](const Result<Tenant> &) {
            order << u"continuation "_s + name;
            threads << QThread::currentThread();
        });
    }
    for (const QFuture<void> &continuation : std::as_const(continuations))
        QVERIFY(wb::test::waitForFinished(continuation));
    QTRY_COMPARE(order.size(), 6);
    // Each signal comes before its own continuation; signals keep commit order.
    for (const QString &name : {u"one"_s, u"two"_s, u"three"_s})
        QVERIFY(order.indexOf(u"signal "_s + name) < order.indexOf(u"continuation "_s + name));
    QStringList signalOrder = order.filter(u"signal "_s);
    QCOMPARE(signalOrder, (QStringList{u"signal one"_s, u"signal two"_s, u"signal three"_s}));
    for (QThread *thread : std::as_const(threads))
        QCOMPARE(thread, QThread::currentThread());
}

void TestGroupCommit::anotherProcessHoldingTheLockGivesBusy()
{
    // A second Store on the same file stands for a second process (its own connections).
    StoreOptions impatient;
    impatient.busyTimeoutMs = 200;
    Result<std::unique_ptr<Store>> second = openWorkspace(m_ws->path(), StoreServices{&m_ws->clock},
                                                          impatient);
    QVERIFY2(second, qPrintable(errorMessage(second)));

    WriterGate gate(*m_ws->store); // holds the write lock
    QVERIFY(gate.waitEntered());
    WB_AWAIT(refused, (*second)->addTenant(named(u"from the other process"_s)));
    QCOMPARE(errorCode(refused), u"store.busy"_s);
    QVERIFY2(errorMessage(refused).contains(u"locked by another program"_s),
             qPrintable(errorMessage(refused)));
    // Reading is not blocked by the other writer (WAL).
    WB_AWAIT_OK(tenants, (*second)->tenants());
    QVERIFY(tenants->isEmpty());
    // Opening is not blocked either: it needs no write lock on an existing workspace.
    Result<std::unique_ptr<Store>> third = openWorkspace(m_ws->path(), StoreServices{&m_ws->clock},
                                                         impatient);
    QVERIFY2(third, qPrintable(errorMessage(third)));

    gate.open();
    QVERIFY(wb::test::waitForFinished(gate.done()));
    WB_AWAIT_OK(accepted, (*second)->addTenant(named(u"from the other process"_s)));
    QCOMPARE(committedTenantCount(m_ws->path()), 2);
}

void TestGroupCommit::closingCommitsQueuedWrites()
{
    Store &store = *m_ws->store;
    auto gate = std::make_unique<WriterGate>(store);
    QVERIFY(gate->waitEntered());
    QList<QFuture<Result<Tenant>>> queued;
    for (int i = 0; i < 50; ++i)
        queued << store.addTenant(named(u"queued %1"_s.arg(i)));
    gate->open();
    m_ws->store.reset(); // drains the queue, then stops the threads
    for (const auto &future : std::as_const(queued)) {
        QVERIFY(future.isFinished());
        QVERIFY2(future.result(), qPrintable(errorMessage(future.result())));
    }
    QCOMPARE(committedTenantCount(m_ws->path()), 51);
}

void TestGroupCommit::writerRefusesJobsAfterStop()
{
    ManualClock clock;
    SqliteDialect sqlite;
    PostgresDialect postgres;
    const QString path = m_ws->path();
    const bool onPostgres = wb::test::testOnPostgres();
    GroupCommitWriter writer(
            [path, onPostgres](const QString &name) -> Result<QSqlDatabase> {
                if (!onPostgres) {
                    return SqliteConnection::open(path, name, SqliteConnection::Access::ReadWrite,
                                                  1000);
                }
                Result<PostgresLocation> location = PostgresLocation::parse(path);
                if (!location)
                    return fail(location.error());
                return PostgresConnection::open(*location, name,
                                                PostgresConnection::Access::ReadWrite, 1000);
            },
            onPostgres ? static_cast<const SqlDialect &>(postgres) : sqlite, clock, 10);
    QVERIFY(writer.start());
    auto before = std::make_unique<FunctionWriteJob<int>>([](SqlSession &)
                                                                  -> Result<int> { return 7; },
                                                          nullptr);
    QFuture<Result<int>> ran = before->future();
    writer.submit(std::move(before));
    writer.stop();
    QVERIFY(ran.isFinished());
    QCOMPARE(*ran.result(), 7);

    auto after = std::make_unique<FunctionWriteJob<int>>([](SqlSession &)
                                                                 -> Result<int> { return 8; },
                                                         nullptr);
    QFuture<Result<int>> refused = after->future();
    writer.submit(std::move(after));
    QVERIFY(refused.isFinished());
    QCOMPARE(errorCode(refused.result()), u"store.closed"_s);
}

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_groupcommit.moc"
