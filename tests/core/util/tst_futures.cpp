// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/futures.h"

#include <QPromise>
#include <QTest>
#include <QThread>

#include <optional>

using namespace wb::core;

class TestFutures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handlerRunsOnContextThreadWithResult();
    void voidFutureHandlerTakesNoArgument();
    void destroyedContextDropsTheResult();
    void cancelledResultFutureBecomesAnError();
    void cancelledPlainFutureIsDropped();
};

void TestFutures::handlerRunsOnContextThreadWithResult()
{
    QPromise<int> promise;
    QObject context;
    int seen = 0;
    QThread *ranOn = nullptr;
    whenFinished(promise.future(), &context, [&](int value) {
        seen = value;
        ranOn = QThread::currentThread();
    });
    std::unique_ptr<QThread> worker(QThread::create([&promise] {
        promise.start();
        promise.addResult(42);
        promise.finish();
    }));
    worker->start();
    QTRY_COMPARE(seen, 42);
    QCOMPARE(ranOn, QThread::currentThread());
    QVERIFY(worker->wait(5000));
    QTRY_VERIFY(context.children().isEmpty()); // the guard deleted itself
}

void TestFutures::voidFutureHandlerTakesNoArgument()
{
    QPromise<void> promise;
    QObject context;
    bool called = false;
    whenFinished(promise.future(), &context, [&] { called = true; });
    promise.start();
    promise.finish();
    QTRY_VERIFY(called);
}

void TestFutures::destroyedContextDropsTheResult()
{
    // QFuture::then(context, …) asserts here in Qt 6.4 (the regression this helper exists for).
    QPromise<int> promise;
    bool called = false;
    {
        QObject context;
        whenFinished(promise.future(), &context, [&](int) { called = true; });
    }
    promise.start();
    promise.addResult(7);
    promise.finish();
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

void TestFutures::cancelledResultFutureBecomesAnError()
{
    QObject context;
    std::optional<Result<int>> seen;
    {
        QPromise<Result<int>> promise; // destroyed unfinished: the future is cancelled
        promise.start();
        whenFinished(promise.future(), &context, [&](const Result<int> &result) { seen = result; });
    }
    QTRY_VERIFY(seen.has_value());
    QVERIFY(!seen->has_value());
    QCOMPARE(seen->error().code, QStringLiteral("future.cancelled"));
}

void TestFutures::cancelledPlainFutureIsDropped()
{
    QObject context;
    bool called = false;
    {
        QPromise<int> promise;
        promise.start();
        whenFinished(promise.future(), &context, [&](int) { called = true; });
    }
    QTRY_VERIFY(context.children().isEmpty()); // the guard saw the end and deleted itself
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestFutures)
#include "tst_futures.moc"
