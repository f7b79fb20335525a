// SPDX-License-Identifier: GPL-3.0-or-later
// Deliveries written at schema version 2 (before replays, migration 3) read and replay after the
// upgrade: no replay yet, the retry budget counting from the delivery's creation.
#include "storetestutil.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/store/migration.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/futures.h"
#include "support/testenv.h"

#include <QTemporaryDir>
#include <QTest>

using namespace wb::core;
using namespace Qt::StringLiterals;

class TestDeliveryUpgrade : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version2DeliveriesReplayAfterTheUpgrade();
};

void TestDeliveryUpgrade::version2DeliveriesReplayAfterTheUpgrade()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v2.sqlite"_s);
    const Result<void> loaded = wb::test::loadSqlDump(path, QString::fromUtf8(wb::test::readFixture(
                                                                    u"store/workspace-v2.sql"_s)));
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    const Result<void> inserted = wb::test::runRawSql(
            path,
            {u"INSERT INTO deliveries (id, url, host_key, method, body, idempotency_key, "
             "retry_policy, state, attempt_count, next_attempt_at_ms, last_decision, last_reason, "
             "created_at_ms, updated_at_ms, finished_at_ms) VALUES (41, 'https://example.com/in', "
             "'https://example.com:443', 'POST', X'7B7D', 'key-41', "
             "'{\"name\":\"default\"}', 'dead', 2, 1000, 'dead', '503, 2 of 2 attempts', 500, "
             "2000, 2000)"_s,
             u"INSERT INTO delivery_attempts (delivery_id, attempt_number, started_at_ms, "
             "ended_at_ms, http_status, decision) VALUES (41, 1, 500, 600, 503, 'retry'), "
             "(41, 2, 1000, 1100, 503, 'dead')"_s});
    QVERIFY2(inserted, qPrintable(inserted ? QString() : inserted.error().message));

    ManualClock clock(5'000);
    Result<std::unique_ptr<Store>> store = openWorkspace(path, StoreServices{&clock});
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QCOMPARE((*store)->schemaVersion(), latestSchemaVersion());

    WB_AWAIT_OK(before, (*store)->read([](SqlSession &session) {
        return DeliveryRepository::get(session, 41);
    }));
    QCOMPARE(before.value().state, DeliveryState::Dead);
    QCOMPARE(before.value().body, "{}"_ba);
    QCOMPARE(before.value().replayCount, 0);
    QCOMPARE(before.value().attemptsBeforeReplay, 0);
    QCOMPARE(before.value().replayedAtMs, std::nullopt);
    QCOMPARE(before.value().attemptInBudget(), 2);
    QCOMPARE(before.value().budgetStartedAtMs(), 500);

    WB_AWAIT_OK(replayed, (*store)->write([](SqlSession &session) {
        return DeliveryRepository::replay(session, 41);
    }));
    QCOMPARE(replayed.value().state, DeliveryState::Pending);
    QCOMPARE(replayed.value().attemptsBeforeReplay, 2);
    QCOMPARE(replayed.value().replayedAtMs, std::optional<qint64>(5'000));
    QCOMPARE(replayed.value().nextAttemptAtMs, 5'000);
    QCOMPARE(replayed.value().finishedAtMs, std::nullopt);
    WB_AWAIT_OK(log, (*store)->read([](SqlSession &session) {
        return DeliveryRepository::attempts(session, 41);
    }));
    QCOMPARE(log.value().size(), 2); // the log written at version 2 stays
    QCOMPARE(log.value().at(1).decision, u"dead"_s);
}

QTEST_GUILESS_MAIN(TestDeliveryUpgrade)
#include "tst_deliveryupgrade.moc"
