// SPDX-License-Identifier: GPL-3.0-or-later
// kill -9 of a dispatch worker: a child process (wb_dispatch_worker_probe) enqueues deliveries and
// starts sending them to a sink that never answers; it is killed with SIGKILL mid-attempt. Every
// delivery it reported as queued must be in the workspace, and a new worker must deliver each one,
// re-sending an interrupted attempt at most once, with the same idempotency key.
#include "dispatchharness.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace wb::core;
using namespace wb::test;
using namespace Qt::StringLiterals;

class TestDispatchCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedWorkerLosesNothing_data();
    void killedWorkerLosesNothing();
};

void TestDispatchCrash::initTestCase()
{
    qRegisterMetaType<AttemptRecord>();
    qRegisterMetaType<DeliveryState>();
}

void TestDispatchCrash::killedWorkerLosesNothing_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("concurrency"); // the child's global limit: attempts it has in flight
    QTest::newRow("1-delivery-in-flight") << 1 << 1;
    QTest::newRow("2-in-flight-6-still-queued") << 8 << 2;
}

void TestDispatchCrash::killedWorkerLosesNothing()
{
    QFETCH(int, count);
    QFETCH(int, concurrency);
    // The parent's clock starts at the real time: the child's leases are real-time instants.
    DispatchHarness h(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(h.sink.listen());
    h.sink.setFallback(ScriptedSink::Answer::hang());
    const QString workspace = h.where.location();
    QVERIFY2(!workspace.isEmpty(), qPrintable(h.where.error()));

    QProcess worker;
    worker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    worker.start(QCoreApplication::applicationDirPath() + u"/wb_dispatch_worker_probe"_s,
                 {workspace, h.sink.url().toString(), QString::number(count),
                  QString::number(concurrency)});
    QVERIFY(worker.waitForStarted());
    QHash<qint64, QByteArray> queued; // id -> idempotency key, as the child acknowledged them
    QByteArray output;
    const auto readQueued = [&] {
        output += worker.readAllStandardOutput();
        qsizetype newline;
        while ((newline = output.indexOf('\n')) >= 0) {
            const QList<QByteArray> fields = output.left(newline).split(' ');
            output.remove(0, newline + 1);
            if (fields.size() == 3 && fields.at(0) == "queued")
                queued.insert(fields.at(1).toLongLong(), fields.at(2));
        }
    };
    QTRY_VERIFY_WITH_TIMEOUT((readQueued(),
                              queued.size() == count && h.sink.requests().size() == concurrency),
                             30'000);
    QCOMPARE(worker.state(), QProcess::Running); // mid-attempt: the sink has not answered
    worker.kill();                               // SIGKILL: no destructor runs
    QVERIFY(worker.waitForFinished(10'000));
    QCOMPARE(worker.exitStatus(), QProcess::CrashExit);

    // A new worker on the same workspace, once the dead worker's leases (60 s + 1 s) expired.
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.setFallback(ScriptedSink::Answer::respond(204));
    h.sink.releaseHanging(ScriptedSink::Answer::respond(204)); // a dead socket's; nobody reads it
    const QList<ScriptedSink::Request> beforeRestart = h.sink.requests();
    h.clock.setNowMs(QDateTime::currentMSecsSinceEpoch() + 62'000);
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    QSignalSpy finishedSpy(h.dispatcher.get(), &Dispatcher::deliveryFinished);
    h.dispatcher->wake();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), count, 30'000);

    int lost = 0;
    for (auto it = queued.cbegin(); it != queued.cend(); ++it) {
        const Result<Delivery> done = h.reload(it.key());
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QCOMPARE(done->idempotencyKey.toLatin1(), it.value());
        QCOMPARE(done->state, DeliveryState::Succeeded);
        int requests = 0;
        for (const ScriptedSink::Request &request : h.sink.requests())
            requests += request.headers.value("Idempotency-Key") == it.value() ? 1 : 0;
        const Result<QList<AttemptRecord>> log = h.attempts(it.key());
        QVERIFY(log);
        if (log->size() == 2) { // it was in flight when the worker died
            ++lost;
            QCOMPARE(log->at(0).errorKind, u"worker_lost"_s);
            QCOMPARE(log->at(0).workerId, u"probe-worker"_s);
            QCOMPARE(log->at(1).workerId, u"test-worker"_s);
            QCOMPARE(log->at(1).decision, u"succeeded"_s);
            QCOMPARE(requests, 2); // one extra attempt, same key
        } else {
            QCOMPARE(log->size(), 1);
            QCOMPARE(log->at(0).decision, u"succeeded"_s);
            QCOMPARE(requests, 1);
        }
    }
    QCOMPARE(lost, concurrency);
    QCOMPARE(h.sink.requests().size() - beforeRestart.size(), count);
}

QTEST_GUILESS_MAIN(TestDispatchCrash)
#include "tst_dispatchcrash.moc"
