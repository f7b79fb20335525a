// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include "core/util/result.h"

#include <type_traits>

#include <utility>

namespace wb::core {

namespace detail {
template<typename T>
struct IsResult : std::false_type
{};
template<typename V>
struct IsResult<Result<V>> : std::true_type
{};
} // namespace detail

// Runs `handler(result)` on `context`'s thread when `future` finishes, unless `context` was
// destroyed first: then the result is dropped (a guard object, as Qt Creator does it).
//
// Use this instead of `QFuture::then(context, …)`: in Qt 6.4 a `then` whose context dies before the
// future finishes asserts in debug builds and leaves the continuation's promise unfulfilled in
// release builds (fixed only in Qt 6.6). Here the guard is a QFutureWatcher owned by `context`, so
// destroying `context` disconnects the handler.
//
// Thread: call from `context`'s thread (the watcher is created there and parented to it).
// `handler` takes the future's result type by value or const reference (no argument for
// QFuture<void>).
//
// A future that finishes without a result (cancelled: QPromise destroyed unfinished, or its owner
// cancelled it on destruction, as ConnectionSecrets does) has nothing to hand on. For
// QFuture<Result<T>> the handler then gets the error `future.cancelled`, so a caller waiting for
// an answer always gets one; for other types the handler is not called.
template<typename T, typename Handler>
void whenFinished(const QFuture<T> &future, QObject *context, Handler &&handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, handler = std::forward<Handler>(handler)]() mutable {
                         watcher->deleteLater();
                         if constexpr (std::is_void_v<T>) {
                             handler();
                         } else {
                             const QFuture<T> future = watcher->future();
                             if (future.resultCount() > 0) {
                                 handler(future.result());
                             } else if constexpr (detail::IsResult<T>::value) {
                                 handler(T(fail(QStringLiteral("future.cancelled"),
                                                QStringLiteral("The operation was cancelled before "
                                                               "it produced a result (its owner "
                                                               "was destroyed)."))));
                             }
                         }
                     });
    watcher->setFuture(future);
}

} // namespace wb::core
