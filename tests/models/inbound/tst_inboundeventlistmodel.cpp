// SPDX-License-Identifier: GPL-3.0-or-later
// The inbound events table model against a generated workspace of 1,000,000 events: the first
// page shows without loading the rest, pages follow in order, filters and sorting are SQL's, and
// new arrivals are inserted at the top.
#include "core/inbound/events/inboundeventrepository.h"
#include "core/store/store.h"
#include "models/inbound/inboundeventlistmodel.h"
#include "storetestutil.h"
#include "support/futures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using Model = models::InboundEventListModel;

namespace {
constexpr qint64 eventCount = 1'000'000;
constexpr qint64 spacingMs = 100;

// Event i (1-based) is received at base + i * 100 ms; every 10th failed verification; event types
// push / issues / pull_request by i % 3; body size i % 5000; provider stripe for every 4th.
QString generateSql()
{
    return uR"sql(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)
INSERT INTO inbound_events (received_at_ms, route, provider_id, method, request_target, url,
    headers, body, body_size, verdict, verification_reason, identity_outcome, provider_event_id,
    event_type, dedup_scope, response_status, forwarding_state)
SELECT %2 + i * %3, 'connection',
    CASE WHEN i % 4 = 0 THEN 'stripe' ELSE 'github' END,
    'POST', CAST('/hooks/1' AS BLOB), CAST('http://127.0.0.1:8480/hooks/1' AS BLOB),
    CAST('Content-Type: application/json' || char(13, 10) AS BLOB), CAST('{}' AS BLOB), i % 5000,
    CASE WHEN i % 10 = 0 THEN 'failed' ELSE 'verified' END,
    CASE WHEN i % 10 = 0 THEN 'signature_mismatch' ELSE 'ok' END,
    'not_resolved', 'evt-' || i,
    CASE i % 3 WHEN 0 THEN 'push' WHEN 1 THEN 'issues' ELSE 'pull_request' END,
    'connection:1', 202, 'none'
FROM n
)sql"_s.arg(eventCount);
}
} // namespace

class TestInboundEventListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void firstPageWithoutLoadingEverything();
    void fetchMoreContinuesInOrder();
    void filtersRunInSql_data();
    void filtersRunInSql();
    void sortBySizeInSql();
    void staleAnswersAreDropped();
    void newArrivalsAreInsertedAtTheTop();

private:
    qint64 receivedAt(qint64 i) const { return m_base + i * spacingMs; }

    std::unique_ptr<test::TempWorkspace> m_workspace;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_base = 0;
};

void TestInboundEventListModel::initTestCase()
{
    m_workspace = std::make_unique<test::TempWorkspace>();
    QVERIFY(m_workspace->open());
    m_base = m_workspace->clock.nowMs() - eventCount * spacingMs - 60'000;
    const QString sql = generateSql().arg(m_base).arg(spacingMs);
    // A million rows with their seven indexes: minutes on a loaded machine, not 15 s.
    QFuture<core::Result<void>> written = m_workspace->store->write(
            [sql](core::SqlSession &session) { return session.execute(sql); });
    QVERIFY2(test::waitForFinished(written, 240'000), "generating the events timed out");
    QVERIFY2(written.result(),
             qPrintable(written.result() ? QString() : written.result().error().message));
}

void TestInboundEventListModel::cleanupTestCase()
{
    m_workspace.reset();
}

void TestInboundEventListModel::init()
{
    m_model = std::make_unique<Model>(*m_workspace->store);
    // No QAbstractItemModelTester here: it calls fetchMore() on every insert, which loads page
    // after page (what this suite shows does not happen). tst_inboundview runs the model in a view.
}

void TestInboundEventListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestInboundEventListModel::firstPageWithoutLoadingEverything()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), Model::pageSize, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->totalCount(), eventCount, 30'000);
    QVERIFY(m_model->canFetchMore({}));
    // Newest first: event 1,000,000 on top.
    QCOMPARE(m_model->eventAt(0).id, eventCount);
    QCOMPARE(m_model->eventAt(0).receivedAtMs, receivedAt(eventCount));
    QCOMPARE(m_model->data(m_model->index(0, Model::EventType)).toString(), u"issues"_s);
    QCOMPARE(m_model->data(m_model->index(0, Model::Size), models::ValueRole).toLongLong(),
             eventCount % 5000);
    QCOMPARE(m_model->data(m_model->index(0, Model::Verdict)).toString(),
             u"failed: signature_mismatch"_s);
    QCOMPARE(m_model->data(m_model->index(1, Model::Verdict)).toString(), u"verified"_s);
    // Rows never carry bodies; the detail read does.
    QVERIFY(m_model->eventAt(0).request.body.isEmpty());
    QCOMPARE(m_model->eventAt(0).request.headers.size(), 1);
    WB_AWAIT_OK(full, m_model->event(eventCount));
    QCOMPARE(full->request.body, "{}"_ba);
}

void TestInboundEventListModel::fetchMoreContinuesInOrder()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), Model::pageSize, 30'000);
    m_model->fetchMore({});
    QTRY_COMPARE(m_model->rowCount(), 2 * Model::pageSize);
    m_model->fetchMore({});
    QTRY_COMPARE(m_model->rowCount(), 3 * Model::pageSize);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->eventAt(row).id, eventCount - row);
}

void TestInboundEventListModel::filtersRunInSql_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<qint64>("fromEvent"); // 0: no time filter
    QTest::addColumn<qint64>("expectedTotal");
    QTest::addColumn<qint64>("expectedFirstId");

    QTest::newRow("verdict-failed-every-tenth")
            << QString() << u"failed"_s << qint64(0) << eventCount / 10 << eventCount;
    QTest::newRow("text-event-type-pull-request")
            << u"pull_req"_s << QString() << qint64(0) << qint64(333'333) << qint64(999'998);
    QTest::newRow("text-is-an-event-id")
            << u"777777"_s << QString() << qint64(0) << qint64(1) << qint64(777'777);
    QTest::newRow("text-provider-stripe-failed")
            << u"STRIPE"_s << u"failed"_s << qint64(0) << eventCount / 20 << eventCount;
    QTest::newRow("time-range-last-thousand")
            << QString() << QString() << eventCount - 999 << qint64(1000) << eventCount;
    QTest::newRow("no-match") << u"no such event"_s << QString() << qint64(0) << qint64(0)
                              << qint64(0);
}

void TestInboundEventListModel::filtersRunInSql()
{
    QFETCH(QString, text);
    QFETCH(QString, verdict);
    QFETCH(qint64, fromEvent);
    QFETCH(qint64, expectedTotal);
    QFETCH(qint64, expectedFirstId);

    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), Model::pageSize, 30'000);
    core::InboundEventFilter filter;
    filter.text = text;
    if (!verdict.isEmpty())
        filter.verdict = core::inboundVerdictFromName(verdict);
    if (fromEvent > 0)
        filter.receivedFromMs = receivedAt(fromEvent);
    QSignalSpy loaded(m_model.get(), &Model::firstPageLoaded);
    m_model->setFilter(filter);
    QCOMPARE(m_model->rowCount(), 0); // the old rows went at once
    QVERIFY(loaded.wait(30'000));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->totalCount(), expectedTotal, 30'000);
    QCOMPARE(m_model->rowCount(), int(qMin<qint64>(expectedTotal, Model::pageSize)));
    if (expectedTotal == 0) {
        QVERIFY(!m_model->canFetchMore({}));
        return;
    }
    QCOMPARE(m_model->eventAt(0).id, expectedFirstId);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const core::InboundEvent &event = m_model->eventAt(row);
        if (!verdict.isEmpty())
            QCOMPARE(core::nameOf(event.verdict), verdict);
        if (fromEvent > 0)
            QVERIFY(event.receivedAtMs >= receivedAt(fromEvent));
        if (text == u"pull_req"_s)
            QCOMPARE(event.eventType, u"pull_request"_s);
    }
}

void TestInboundEventListModel::sortBySizeInSql()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), Model::pageSize, 30'000);
    QSignalSpy loaded(m_model.get(), &Model::firstPageLoaded);
    m_model->sort(Model::Size, Qt::AscendingOrder);
    QVERIFY(loaded.wait(60'000));
    QCOMPARE(m_model->rowCount(), Model::pageSize);
    // Size 0 is every 5000th event: 5000, 10000, … (ties by id, ascending).
    for (int row = 0; row < Model::pageSize; ++row) {
        QCOMPARE(m_model->eventAt(row).bodySize, 0);
        QCOMPARE(m_model->eventAt(row).id, qint64(row + 1) * 5000);
    }
    m_model->fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 2 * Model::pageSize, 30'000);
    // 200 events have size 0; the next page starts at size 1 (event 1, 5001, …).
    QCOMPARE(m_model->eventAt(Model::pageSize).bodySize, 1);
    QCOMPARE(m_model->eventAt(Model::pageSize).id, 1);
    QCOMPARE(m_model->eventAt(Model::pageSize + 1).id, 5001);
    // Tenant and Connection cannot be sorted in SQL: ignored, nothing reloads.
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->sort(Model::Tenant, Qt::AscendingOrder);
    QCOMPARE(reset.count(), 0);
}

void TestInboundEventListModel::staleAnswersAreDropped()
{
    // Two filters in a row: only the second one's rows may arrive.
    core::InboundEventFilter failed;
    failed.verdict = core::InboundVerdict::Failed;
    m_model->setFilter(failed);
    core::InboundEventFilter issues;
    issues.text = u"issues"_s;
    QSignalSpy loaded(m_model.get(), &Model::firstPageLoaded);
    m_model->setFilter(issues);
    QVERIFY(loaded.wait(30'000));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->totalCount(), qint64(333'334), 30'000);
    QCOMPARE(loaded.count(), 1);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->eventAt(row).eventType, u"issues"_s);
}

void TestInboundEventListModel::newArrivalsAreInsertedAtTheTop()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), Model::pageSize, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->totalCount(), eventCount, 30'000);
    const qint64 now = m_workspace->clock.nowMs();
    WB_AWAIT_OK(added, m_workspace->store->write([now](core::SqlSession &session)
                                                         -> core::Result<qint64> {
        for (int i = 0; i < 3; ++i) {
            core::InboundEvent event;
            event.receivedAtMs = now + i;
            event.providerId = u"slack"_s;
            event.request.method = "POST"_ba;
            event.request.body = "{\"type\":\"event_callback\"}"_ba;
            event.bodySize = event.request.body.size();
            event.verdict = core::InboundVerdict::Verified;
            event.verificationReason = u"ok"_s;
            event.eventType = u"app_mention"_s;
            event.responseStatus = 200;
            const auto inserted = core::InboundEventRepository::insert(session, event,
                                                                       u"provider:slack"_s);
            if (!inserted)
                return core::fail(inserted.error());
        }
        return core::InboundEventRepository::newestId(session);
    }));
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy polledFirst(m_model.get(), &Model::pollFinished);
    m_model->pollNewEvents();
    QVERIFY(polledFirst.wait(10'000));
    QCOMPARE(polledFirst.at(0).at(0).toInt(), 3);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(m_model->rowCount(), Model::pageSize + 3);
    QCOMPARE(m_model->eventAt(0).id, *added); // the newest on top
    QCOMPARE(m_model->eventAt(0).eventType, u"app_mention"_s);
    QCOMPARE(m_model->eventAt(3).id, eventCount);
    QCOMPARE(m_model->totalCount(), eventCount + 3);

    // A filter that the new events do not match: nothing is inserted.
    core::InboundEventFilter failed;
    failed.verdict = core::InboundVerdict::Failed;
    QSignalSpy loaded(m_model.get(), &Model::firstPageLoaded);
    m_model->setFilter(failed);
    QVERIFY(loaded.wait(30'000));
    WB_AWAIT_OK(another, m_workspace->store->write([now](core::SqlSession &session) {
        core::InboundEvent event;
        event.receivedAtMs = now + 10;
        event.providerId = u"slack"_s;
        event.request.method = "POST"_ba;
        event.verdict = core::InboundVerdict::Verified;
        event.verificationReason = u"ok"_s;
        event.responseStatus = 200;
        return core::InboundEventRepository::insert(session, event, u"provider:slack"_s);
    }));
    const int rows = m_model->rowCount();
    QSignalSpy more(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy polled(m_model.get(), &Model::pollFinished);
    m_model->pollNewEvents();
    QVERIFY(polled.wait(10'000));
    QCOMPARE(polled.at(0).at(0).toInt(), 0);
    QCOMPARE(more.count(), 0);
    QCOMPARE(m_model->rowCount(), rows);
}

QTEST_GUILESS_MAIN(TestInboundEventListModel)
#include "tst_inboundeventlistmodel.moc"
