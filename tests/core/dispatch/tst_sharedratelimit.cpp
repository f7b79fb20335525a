// SPDX-License-Identifier: GPL-3.0-or-later
// The token bucket that dispatch workers share through the workspace (SharedRateLimit): refill,
// refusal with the instant to ask again, give-back, a worker whose clock is behind, bad rates, and
// the bucket going with its connection, several tokens at once, a bucket locked by another worker,
// and a batch claim giving back the tokens of deliveries another worker had. On SQLite and, as
// tst_sharedratelimit_pg, PostgreSQL.
#include "storetestutil.h"

#include "core/dispatch/sharedratelimit.h"
#include "support/futures.h"
#include "support/results.h"
#include "support/testworkspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;

namespace {

constexpr qint64 t0 = 1'750'000'000'000;

} // namespace

class TestSharedRateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void takes_data();
    void takes();
    void giveBackStopsAtTheBurst();
    void clockBehindAddsNothing();
    void badRateIsRefusedAndStoresNothing_data();
    void badRateIsRefusedAndStoresNothing();
    void bucketGoesWithItsConnection();
    void takesSeveralAtOnce();
    void bucketLockedByAnotherWorkerIsBusy();
    void batchClaimGivesBackUnusedTokens();

private:
    // Runs take() at `nowMs` in a write job of its own.
    Result<SharedRateLimit::Take> take(double rate, double burst, qint64 nowMs, int wanted = 1);
    qint64 bucketRows();

    std::unique_ptr<wb::test::TempWorkspace> m_ws;
    qint64 m_connectionId = 0;
};

void TestSharedRateLimit::init()
{
    m_ws = std::make_unique<wb::test::TempWorkspace>();
    const Result<void> opened = m_ws->open();
    QVERIFY2(opened, qPrintable(wb::test::errorMessage(opened)));
    Tenant tenant;
    tenant.displayName = u"Acme"_s;
    WB_AWAIT_OK(added, m_ws->store->addTenant(tenant));
    Connection connection;
    connection.tenantId = added->id;
    connection.providerId = u"slack"_s;
    WB_AWAIT_OK(connected, m_ws->store->addConnection(connection));
    m_connectionId = connected->id;
}

void TestSharedRateLimit::cleanup()
{
    m_ws.reset();
}

Result<SharedRateLimit::Take> TestSharedRateLimit::take(double rate, double burst, qint64 nowMs,
                                                        int wanted)
{
    const qint64 id = m_connectionId;
    QFuture<Result<SharedRateLimit::Take>> taken = m_ws->store->write(
            [id, rate, burst, nowMs, wanted](SqlSession &session) {
                return SharedRateLimit::take(session, id, rate, burst, nowMs, wanted);
            },
            WriteConcurrency::RowLocks);
    taken.waitForFinished();
    return taken.result();
}

qint64 TestSharedRateLimit::bucketRows()
{
    QFuture<Result<qint64>> rows = m_ws->store->read([](SqlSession &session) -> Result<qint64> {
        Result<QSqlQuery> query = session.execOneRow(
                u"SELECT COUNT(*) FROM connection_rate_buckets"_s);
        if (!query)
            return fail(query.error());
        return query->value(0).toLongLong();
    });
    rows.waitForFinished();
    return rows.result().value_or(-1);
}

void TestSharedRateLimit::takes_data()
{
    // Each take: the ms after t0, then whether it is granted, the level after it, and when
    // refused the ms after t0 to ask again.
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("burst");
    QTest::addColumn<QList<qint64>>("atMs");
    QTest::addColumn<QList<bool>>("granted");
    QTest::addColumn<QList<double>>("level");
    QTest::addColumn<QList<qint64>>("retryAtMs");
    QTest::newRow("burst-of-3-then-2-per-second")
            << 2.0 << 3.0 << QList<qint64>{0, 0, 0, 0, 250, 500, 500}
            << QList<bool>{true, true, true, false, false, true, false}
            << QList<double>{2, 1, 0, 0, 0.5, 0, 0} << QList<qint64>{0, 0, 0, 500, 500, 0, 1000};
    QTest::newRow("one-per-second-burst-1-refills-to-1-only")
            << 1.0 << 1.0 << QList<qint64>{0, 999, 1000, 60'000, 60'000}
            << QList<bool>{true, false, true, true, false} << QList<double>{0, 0.999, 0, 0, 0}
            << QList<qint64>{0, 1000, 0, 0, 61'000};
    QTest::newRow("fractional-rate")
            << 0.5 << 1.0 << QList<qint64>{0, 1000, 2000} << QList<bool>{true, false, true}
            << QList<double>{0, 0.5, 0} << QList<qint64>{0, 2000, 0};
}

void TestSharedRateLimit::takes()
{
    QFETCH(double, rate);
    QFETCH(double, burst);
    QFETCH(QList<qint64>, atMs);
    QFETCH(QList<bool>, granted);
    QFETCH(QList<double>, level);
    QFETCH(QList<qint64>, retryAtMs);
    for (qsizetype i = 0; i < atMs.size(); ++i) {
        const Result<SharedRateLimit::Take> taken = take(rate, burst, t0 + atMs.at(i));
        QVERIFY2(taken, qPrintable(wb::test::errorMessage(taken)));
        QCOMPARE(taken->granted, granted.at(i) ? 1 : 0);
        QVERIFY2(qAbs(taken->level - level.at(i)) < 1e-9,
                 qPrintable(u"take %1: level %2"_s.arg(i).arg(taken->level)));
        QCOMPARE(taken->retryAtMs, granted.at(i) ? 0 : t0 + retryAtMs.at(i));
    }
    QCOMPARE(bucketRows(), 1);
}

void TestSharedRateLimit::giveBackStopsAtTheBurst()
{
    QVERIFY(take(1.0, 2.0, t0)); // 1 left
    for (int i = 0; i < 3; ++i) {
        const qint64 id = m_connectionId;
        WB_AWAIT_OK(back, m_ws->store->write([id](SqlSession &session) {
            return SharedRateLimit::giveBack(session, id, 2.0);
        }));
    }
    // Full at 2, not 4: two takes at the same instant, then none.
    QVERIFY(take(1.0, 2.0, t0)->granted);
    QVERIFY(take(1.0, 2.0, t0)->granted);
    QVERIFY(!take(1.0, 2.0, t0)->granted);
}

void TestSharedRateLimit::clockBehindAddsNothing()
{
    QVERIFY(take(10.0, 1.0, t0)->granted);
    // Another worker's clock is 5 s behind: no refill, no negative level either.
    const Result<SharedRateLimit::Take> behind = take(10.0, 1.0, t0 - 5'000);
    QVERIFY(behind);
    QVERIFY(!behind->granted);
    QCOMPARE(behind->level, 0.0);
    QCOMPARE(behind->retryAtMs, t0 - 5'000 + 100);
}

void TestSharedRateLimit::badRateIsRefusedAndStoresNothing_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("burst");
    QTest::newRow("zero-rate") << 0.0 << 1.0;
    QTest::newRow("negative-rate") << -1.0 << 1.0;
    QTest::newRow("burst-below-1") << 5.0 << 0.5;
    QTest::newRow("nan-rate") << std::nan("") << 1.0;
}

void TestSharedRateLimit::badRateIsRefusedAndStoresNothing()
{
    QFETCH(double, rate);
    QFETCH(double, burst);
    QCOMPARE(errorCode(take(rate, burst, t0)), u"dispatch.bad_rate"_s);
    QCOMPARE(bucketRows(), 0);
}

void TestSharedRateLimit::bucketGoesWithItsConnection()
{
    QVERIFY(take(1.0, 1.0, t0));
    QCOMPARE(bucketRows(), 1);
    WB_AWAIT_OK(removed, m_ws->store->removeConnection(m_connectionId));
    QCOMPARE(bucketRows(), 0);
}

void TestSharedRateLimit::takesSeveralAtOnce()
{
    // Burst 3 at 2/s: 5 wanted, 3 granted, the next token in 500 ms.
    const Result<SharedRateLimit::Take> first = take(2.0, 3.0, t0, 5);
    QVERIFY2(first, qPrintable(wb::test::errorMessage(first)));
    QCOMPARE(first->granted, 3);
    QCOMPARE(first->level, 0.0);
    QCOMPARE(first->retryAtMs, t0 + 500);
    QVERIFY(!first->busy);
    // 1.5 s later 3 tokens again (capped at the burst), all 2 wanted are granted.
    const Result<SharedRateLimit::Take> second = take(2.0, 3.0, t0 + 1'500, 2);
    QVERIFY(second);
    QCOMPARE(second->granted, 2);
    QCOMPARE(second->level, 1.0);
    QCOMPARE(second->retryAtMs, 0);
}

void TestSharedRateLimit::bucketLockedByAnotherWorkerIsBusy()
{
    if (!wb::test::testOnPostgres())
        QSKIP("SQLite has one writer: no other transaction can hold the bucket's row");
    QVERIFY(take(1.0, 5.0, t0)); // the row exists, 4 left
    QString error;
    {
        QSqlDatabase other = wb::test::openRawConnection(m_ws->path(), u"other-worker"_s, &error);
        QVERIFY2(other.isOpen(), qPrintable(error));
        QSqlQuery locking(other);
        QVERIFY2(locking.exec(u"BEGIN"_s), qPrintable(locking.lastError().text()));
        QVERIFY2(locking.exec(u"SELECT tokens FROM connection_rate_buckets WHERE connection_id = "
                              "%1 FOR UPDATE"_s.arg(m_connectionId)),
                 qPrintable(locking.lastError().text()));
        // The take does not wait for the other worker's transaction: busy, nothing taken.
        const Result<SharedRateLimit::Take> busy = take(1.0, 5.0, t0 + 100);
        QVERIFY2(busy, qPrintable(wb::test::errorMessage(busy)));
        QVERIFY(busy->busy);
        QCOMPARE(busy->granted, 0);
        QCOMPARE(busy->retryAtMs, t0 + 100 + SharedRateLimit::kBusyRetryMs);
        QVERIFY(locking.exec(u"ROLLBACK"_s));
    }
    QSqlDatabase::removeDatabase(u"other-worker"_s);
    // Released: 4 left (nothing was taken while busy), plus the refill.
    const Result<SharedRateLimit::Take> after = take(1.0, 5.0, t0 + 1'000);
    QVERIFY(after);
    QVERIFY(!after->busy);
    QCOMPARE(after->granted, 1);
    QCOMPARE(after->level, 4.0);
}

void TestSharedRateLimit::batchClaimGivesBackUnusedTokens()
{
    const qint64 connectionId = m_connectionId;
    // Three due deliveries to the connection; another worker already has the second.
    WB_AWAIT_OK(ids, m_ws->store->write([connectionId](SqlSession &session) -> Result<QList<qint64>> {
        QList<qint64> added;
        for (int i = 0; i < 3; ++i) {
            NewDelivery delivery;
            delivery.connectionId = connectionId;
            delivery.url = QUrl(u"https://hooks.example.com/in"_s);
            delivery.body = "{}";
            Result<Delivery> one = DeliveryRepository::add(session, delivery, u"key-%1"_s.arg(i));
            if (!one)
                return fail(one.error());
            added.append(one->id);
        }
        return added;
    }));
    const qint64 now = m_ws->clock.nowMs();
    WB_AWAIT_OK(taken, m_ws->store->write([id = ids->at(1), now](SqlSession &session) {
        return DeliveryRepository::claimOne(session, id, u"other"_s, now, 60'000);
    }));
    QVERIFY(taken->has_value());

    const SharedRateLimit::Rate rate{connectionId, 1.0, 5.0};
    QList<SharedRateLimit::Wanted> wanted;
    for (const qint64 id : *ids)
        wanted.append({id, rate});
    WB_AWAIT_OK(claimed, m_ws->store->write(
                                 [wanted, now](SqlSession &session) {
                                     return SharedRateLimit::claim(session, wanted, u"me"_s, now,
                                                                   60'000);
                                 },
                                 WriteConcurrency::RowLocks));
    QCOMPARE(claimed->size(), 3);
    QVERIFY(claimed->at(0).claim);
    QCOMPARE(claimed->at(0).claim->delivery.leaseOwner, u"me"_s);
    QCOMPARE(claimed->at(0).claim->delivery.id, ids->at(0));
    QVERIFY(!claimed->at(1).claim); // the other worker's
    QCOMPARE(claimed->at(1).heldUntilMs, 0);
    QVERIFY(claimed->at(2).claim);
    QCOMPARE(claimed->at(2).claim->delivery.id, ids->at(2));
    // 3 tokens taken of 5, the unused one given back: 3 left, so 3 more now and no fourth.
    const Result<SharedRateLimit::Take> rest = take(1.0, 5.0, now, 4);
    QVERIFY(rest);
    QCOMPARE(rest->granted, 3);
}

QTEST_GUILESS_MAIN(TestSharedRateLimit)
#include "tst_sharedratelimit.moc"
