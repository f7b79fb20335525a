// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace wb::cli {

// Turns SIGINT and SIGTERM into a Qt signal on the main thread (the self-pipe pattern from Qt's
// "Calling Qt Functions From Unix Signal Handlers"): the handler only writes one byte to a socket
// pair; a QSocketNotifier reads it on the event loop.
//
// Only one instance may exist at a time. Thread: main thread.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    // `signalNumber` is SIGINT or SIGTERM; `count` is how many termination signals arrived so far
    // (1 for the first, 2 for the second, …).
    void terminationRequested(int signalNumber, int count);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};

} // namespace wb::cli
