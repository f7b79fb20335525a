// SPDX-License-Identifier: GPL-3.0-or-later
// Inserts per second into a workspace (WAL, synchronous=FULL: every commit is fsync'ed) through the
// group-commit writer, against one transaction per insert through the same writer, in the same
// run. References: the same inserts with a plain QSQLITE connection, one transaction each and all
// in one transaction. Figures: BENCHMARKS.md (tests/bench/bench-store-writes.sh).
//
//   bench_storewrites --dir <folder on the disk to measure> [--inserts N] [--threads T]
#include "core/store/sqlite/sqliteconnection.h"
#include "core/store/store.h"
#include "core/util/clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMutex>
#include <QSqlQuery>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

const QString insertSql = u"INSERT INTO tenants (display_name, created_at_ms, updated_at_ms) "
                          "VALUES (?, ?, ?)"_s;

Result<bool> insertOne(SqlSession &session, const QString &name)
{
    Result<void> inserted = session.execute(insertSql, {name, session.nowMs(), session.nowMs()});
    if (!inserted)
        return fail(inserted.error());
    return true;
}

struct Figure
{
    QString name;
    int inserts = 0;
    double seconds = 0;
    qint64 transactions = 0;
};

std::unique_ptr<Store> openFresh(const QString &path, const Clock &clock)
{
    QFile::remove(path);
    Result<std::unique_ptr<Store>> store = openWorkspace(path, StoreServices{&clock});
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        std::exit(1);
    }
    return std::move(*store);
}

Figure groupCommit(const QString &path, const Clock &clock, int inserts, int threads)
{
    std::unique_ptr<Store> store = openFresh(path, clock);
    const qint64 transactionsBefore = store->writerStatistics().transactions;
    QMutex mutex;
    QList<QFuture<Result<bool>>> futures;
    futures.reserve(inserts);
    QElapsedTimer timer;
    timer.start();
    std::vector<std::unique_ptr<QThread>> submitters;
    for (int t = 0; t < threads; ++t) {
        submitters.emplace_back(QThread::create([&, t] {
            for (int i = t; i < inserts; i += threads) {
                const QString name = u"group %1"_s.arg(i);
                QFuture<Result<bool>> future = store->write(
                        [name](SqlSession &s) { return insertOne(s, name); });
                QMutexLocker lock(&mutex);
                futures << future;
            }
        }));
        submitters.back()->start();
    }
    for (const auto &thread : submitters)
        thread->wait();
    for (QFuture<Result<bool>> &future : futures) {
        future.waitForFinished();
        if (!future.result())
            std::exit(1);
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    return {u"group commit, %1 submitting threads"_s.arg(threads), inserts, seconds,
            store->writerStatistics().transactions - transactionsBefore};
}

Figure transactionPerInsert(const QString &path, const Clock &clock, int inserts)
{
    std::unique_ptr<Store> store = openFresh(path, clock);
    const qint64 transactionsBefore = store->writerStatistics().transactions;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < inserts; ++i) {
        const QString name = u"single %1"_s.arg(i);
        QFuture<Result<bool>> future = store->write(
                [name](SqlSession &s) { return insertOne(s, name); });
        future.waitForFinished(); // the next insert waits for this one's commit
        if (!future.result())
            std::exit(1);
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    return {u"one transaction per insert (same writer)"_s, inserts, seconds,
            store->writerStatistics().transactions - transactionsBefore};
}

Figure plainConnection(const QString &path, const Clock &clock, int inserts, bool oneTransaction)
{
    openFresh(path, clock).reset(); // the schema
    Figure figure{oneTransaction ? u"reference: plain QSQLITE, all in one transaction"_s
                                 : u"reference: plain QSQLITE, one transaction per insert"_s,
                  inserts, 0, oneTransaction ? 1 : inserts};
    {
        Result<QSqlDatabase> database = SqliteConnection::open(path, u"bench"_s,
                                                               SqliteConnection::Access::ReadWrite,
                                                               5000);
        if (!database || !SqliteConnection::configureWriter(*database, path))
            std::exit(1);
        QSqlQuery query(*database);
        query.prepare(insertSql);
        QElapsedTimer timer;
        timer.start();
        if (oneTransaction)
            database->transaction();
        for (int i = 0; i < inserts; ++i) {
            if (!oneTransaction)
                database->transaction();
            query.addBindValue(u"plain %1"_s.arg(i));
            query.addBindValue(clock.nowMs());
            query.addBindValue(clock.nowMs());
            if (!query.exec())
                std::exit(1);
            if (!oneTransaction)
                database->commit();
        }
        if (oneTransaction)
            database->commit();
        figure.seconds = timer.nsecsElapsed() / 1e9;
        query.finish();
        database->close();
    }
    QSqlDatabase::removeDatabase(u"bench"_s);
    return figure;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({u"dir"_s, u"Folder for the workspace (on the disk to measure)."_s, u"dir"_s});
    parser.addOption(
            {u"inserts"_s, u"Inserts through group commit (default 5000)."_s, u"n"_s, u"5000"_s});
    parser.addOption({u"single-inserts"_s, u"Inserts one transaction each (default 500)."_s, u"n"_s,
                      u"500"_s});
    parser.addOption({u"threads"_s, u"Submitting threads (default 4)."_s, u"n"_s, u"4"_s});
    parser.process(app);
    const QString dir = parser.value(u"dir"_s);
    if (dir.isEmpty() || !QDir().mkpath(dir)) {
        std::fprintf(stderr, "give --dir <folder>\n");
        return 2;
    }
    const QString path = QDir(dir).filePath(u"bench-store-writes.sqlite"_s);
    const int inserts = parser.value(u"inserts"_s).toInt();
    const int singles = parser.value(u"single-inserts"_s).toInt();
    const int threads = parser.value(u"threads"_s).toInt();
    SystemClock clock;

    QList<Figure> figures;
    figures << groupCommit(path, clock, inserts, threads);
    figures << transactionPerInsert(path, clock, singles);
    figures << plainConnection(path, clock, singles, false);
    figures << plainConnection(path, clock, inserts, true);
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);

    std::printf("| case | inserts | transactions | time | inserts/s |\n|---|---|---|---|---|\n");
    for (const Figure &figure : std::as_const(figures)) {
        std::printf("| %s | %d | %lld | %.2f s | %.0f |\n", qPrintable(figure.name), figure.inserts,
                    static_cast<long long>(figure.transactions), figure.seconds,
                    figure.inserts / figure.seconds);
    }
    return 0;
}
