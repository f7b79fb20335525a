// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QTest>

namespace wb::test {

// Processes events until `future` has finished or `timeoutMs` passed, the way QTRY_* waits (never a
// fixed sleep). True when it finished.
template<typename T>
[[nodiscard]] bool waitForFinished(const QFuture<T> &future, int timeoutMs = 15000)
{
    return QTest::qWaitFor([&future] { return future.isFinished(); }, timeoutMs);
}

} // namespace wb::test

// WB_AWAIT(result, future-expression): waits for the future (failing the test on a timeout) and
// declares `result` as its value, e.g. a wb::core::Result<T>.
#define WB_AWAIT(var, expr) \
    auto var##_future = (expr); \
    QVERIFY2(wb::test::waitForFinished(var##_future), "timed out waiting for " #expr); \
    auto var = var##_future.result()

// WB_AWAIT_OK(result, future-expression): as WB_AWAIT for a future of wb::core::Result<T>, and
// fails the test with the error's code and message unless it holds a value.
#define WB_AWAIT_OK(var, expr) \
    WB_AWAIT(var, expr); \
    if (!var.has_value()) \
    QFAIL(qPrintable(QStringLiteral(#expr " failed: ") + var.error().code + QStringLiteral(": ") \
                     + var.error().message))
