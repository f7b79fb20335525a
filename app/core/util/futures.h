// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace wb::core {

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
template<typename T, typename Handler>
void whenFinished(const QFuture<T> &future, QObject *context, Handler &&handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, handler = std::forward<Handler>(handler)]() mutable {
                         watcher->deleteLater();
                         if constexpr (std::is_void_v<T>)
                             handler();
                         else
                             handler(watcher->future().result());
                     });
    watcher->setFuture(future);
}

} // namespace wb::core
