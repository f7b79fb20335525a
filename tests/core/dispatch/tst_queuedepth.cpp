// SPDX-License-Identifier: GPL-3.0-or-later
// The delivery queue's counts for the status bar: DeliveryRepository::queueCounts over real
// deliveries held in flight by a sink that does not answer, and QueueDepthWatcher following the
// dispatch engine with one count per burst of changes.
#include "dispatchharness.h"

#include "core/dispatch/queuedepthwatcher.h"

#include <QSignalSpy>
#include <QTest>

using namespace wb::core;
using namespace wb::test;
using namespace Qt::StringLiterals;

namespace {
const qint64 kNow = QDateTime(QDate(2025, 3, 2), QTime(14, 0, 10), Qt::UTC).toMSecsSinceEpoch();
using Answer = ScriptedSink::Answer;
using Counts = DeliveryRepository::QueueCounts;
} // namespace

class TestQueueDepth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void countsPendingAndInFlight();
    void watcherFollowsTheEngine();

private:
    Counts countNow();
    bool enqueueFive();

    std::unique_ptr<DispatchHarness> m_h;
};

void TestQueueDepth::initTestCase()
{
    qRegisterMetaType<AttemptRecord>();
    qRegisterMetaType<DeliveryState>();
}

void TestQueueDepth::init()
{
    m_h = std::make_unique<DispatchHarness>(kNow);
    QVERIFY2(m_h->open(), qPrintable(m_h->error));
    m_h->sink.setFallback(Answer::hang());
    DispatcherOptions options = DispatchHarness::testOptions();
    options.attemptTimeoutMs = 60'000;
    options.limits.perHost = 2; // two in flight, the other three wait
    QVERIFY2(m_h->startDispatcher(options), qPrintable(m_h->error));
}

void TestQueueDepth::cleanup()
{
    m_h.reset();
}

Counts TestQueueDepth::countNow()
{
    auto counted = m_h->store->read(
            [](SqlSession &session) { return DeliveryRepository::queueCounts(session); });
    counted.waitForFinished();
    const Result<Counts> result = counted.result();
    if (!result) {
        qWarning() << result.error().message;
        return {-1, -1};
    }
    return *result;
}

bool TestQueueDepth::enqueueFive()
{
    for (int i = 0; i < 5; ++i) {
        NewDelivery delivery = m_h->toSink();
        delivery.idempotencyKey = u"queue-%1"_s.arg(i);
        if (!m_h->enqueue(delivery))
            return false;
    }
    return true;
}

void TestQueueDepth::countsPendingAndInFlight()
{
    QCOMPARE(countNow(), (Counts{0, 0}));
    QVERIFY(enqueueFive());
    QTRY_COMPARE(m_h->sink.requests().size(), 2);
    QTRY_COMPARE(countNow(), (Counts{3, 2}));

    // One answered 400 (failed, final) and the rest 204: nothing is left in the queue.
    m_h->sink.setFallback(Answer::respond(204));
    m_h->sink.releaseHanging(Answer::respond(400));
    QTRY_COMPARE(countNow(), (Counts{0, 0}));
    QCOMPARE(m_h->sink.requests().size(), 5);
}

void TestQueueDepth::watcherFollowsTheEngine()
{
    QueueDepthWatcher watcher(*m_h->store, 50, 60'000);
    QSignalSpy changed(&watcher, &QueueDepthWatcher::countsChanged);
    watcher.watch(m_h->dispatcher.get());
    watcher.start();
    QTRY_COMPARE(changed.size(), 1); // the first count, even of an empty queue
    QCOMPARE(watcher.counts(), (Counts{0, 0}));

    QSignalSpy enqueued(m_h->dispatcher.get(), &Dispatcher::deliveryEnqueued);
    QSignalSpy recorded(m_h->dispatcher.get(), &Dispatcher::attemptRecorded);
    QSignalSpy finished(m_h->dispatcher.get(), &Dispatcher::deliveryFinished);
    QVERIFY(enqueueFive());
    QTRY_COMPARE(watcher.counts(), (Counts{3, 2}));
    m_h->sink.setFallback(Answer::respond(204));
    m_h->sink.releaseHanging(Answer::respond(204));
    QTRY_COMPARE(finished.size(), 5);
    QTRY_COMPARE(watcher.counts(), (Counts{0, 0}));
    QCOMPARE(changed.last().at(0).value<Counts>(), (Counts{0, 0}));
    // Coalesced: fewer counts than the engine reported changes.
    const qsizetype reported = enqueued.size() + recorded.size() + finished.size();
    QCOMPARE(reported, 15);
    QVERIFY2(changed.size() < reported, qPrintable(QString::number(changed.size())));
}

QTEST_MAIN(TestQueueDepth)
#include "tst_queuedepth.moc"
