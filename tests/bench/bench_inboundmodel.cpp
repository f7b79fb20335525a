// SPDX-License-Identifier: GPL-3.0-or-later
// The Inbound tab's model over a workspace of 1,000,000 generated inbound events: the resident
// memory (VmRSS) and time to the first page, after scrolling ten pages, and after a filter; the
// reference, measured in the same run: the same rows read without paging (every row of a 100,000
// row window into one list, as a model that loads everything would hold them).
// Figures: BENCHMARKS.md. Run: build/dev/tests/bench/bench_inboundmodel
#include "core/inbound/events/inboundeventrepository.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "models/inbound/inboundeventlistmodel.h"
#include "support/futures.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;

namespace {
constexpr qint64 eventCount = 1'000'000;
constexpr int referenceRows = 100'000;

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void report(const char *what, qint64 ms, qint64 beforeKiB)
{
    qInfo("%-44s %6lld ms   RSS %+8lld KiB (now %lld KiB)", what, ms, residentKiB() - beforeKiB,
          residentKiB());
}
} // namespace

class BenchInboundModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagedModel();
    void referenceLoadWithoutPaging();

private:
    QTemporaryDir m_dir;
    core::ManualClock m_clock{1'750'000'000'000};
    std::unique_ptr<core::Store> m_store;
};

void BenchInboundModel::initTestCase()
{
    auto opened = core::openWorkspace(m_dir.filePath(u"workspace.sqlite"_s),
                                      core::StoreServices{&m_clock});
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    m_store = std::move(*opened);
    const QString sql = uR"sql(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)
INSERT INTO inbound_events (received_at_ms, route, provider_id, method, request_target, url,
    headers, body, body_size, verdict, verification_reason, identity_outcome, provider_event_id,
    event_type, dedup_scope, response_status, forwarding_state)
SELECT %2 + i * 100, 'connection', CASE WHEN i % 4 = 0 THEN 'stripe' ELSE 'github' END,
    'POST', CAST('/hooks/1' AS BLOB), CAST('http://127.0.0.1:8480/hooks/1' AS BLOB),
    CAST('Content-Type: application/json' || char(13, 10) || 'X-GitHub-Event: push'
         || char(13, 10) AS BLOB),
    CAST('{"ref":"refs/heads/main","repository":{"id":186853002}}' AS BLOB), 56,
    CASE WHEN i % 10 = 0 THEN 'failed' ELSE 'verified' END, 'ok', 'not_resolved', 'evt-' || i,
    CASE i % 3 WHEN 0 THEN 'push' WHEN 1 THEN 'issues' ELSE 'pull_request' END,
    'connection:1', 202, 'none'
FROM n)sql"_s.arg(eventCount)
                                .arg(m_clock.nowMs() - eventCount * 100);
    QElapsedTimer timer;
    timer.start();
    WB_AWAIT_OK(written,
                m_store->write([sql](core::SqlSession &session) { return session.execute(sql); }));
    qInfo("generated %lld events in %lld ms", eventCount, timer.elapsed());
}

void BenchInboundModel::pagedModel()
{
    const qint64 before = residentKiB();
    QElapsedTimer timer;
    timer.start();
    models::InboundEventListModel model(*m_store);
    QSignalSpy first(&model, &models::InboundEventListModel::firstPageLoaded);
    QVERIFY(first.wait(60'000));
    report("paged model: first page (200 rows)", timer.elapsed(), before);
    QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), eventCount, 60'000);
    report("paged model: total counted", timer.elapsed(), before);
    timer.restart();
    for (int page = 2; page <= 10; ++page) {
        model.fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), page * 200, 60'000);
    }
    report("paged model: 9 more pages (2,000 rows)", timer.elapsed(), before);
    timer.restart();
    core::InboundEventFilter filter;
    filter.text = u"pull_req"_s;
    filter.verdict = core::InboundVerdict::Failed;
    model.setFilter(filter);
    QVERIFY(first.wait(60'000));
    report("paged model: filter (text + verdict), 1st page", timer.elapsed(), before);
    QTRY_VERIFY_WITH_TIMEOUT(model.totalCount() >= 0, 60'000);
    report("paged model: filter counted", timer.elapsed(), before);
    qInfo("filtered total: %lld", model.totalCount());
}

void BenchInboundModel::referenceLoadWithoutPaging()
{
    const qint64 before = residentKiB();
    QElapsedTimer timer;
    timer.start();
    WB_AWAIT_OK(rows, m_store->read([](core::SqlSession &session) {
        core::InboundEventFilter filter;
        filter.limit = referenceRows;
        filter.withBodies = false;
        return core::InboundEventRepository::list(session, filter);
    }));
    QCOMPARE(rows->size(), referenceRows);
    report("reference: 100,000 rows in one list", timer.elapsed(), before);
}

QTEST_GUILESS_MAIN(BenchInboundModel)
#include "bench_inboundmodel.moc"
