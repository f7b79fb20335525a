// SPDX-License-Identifier: GPL-3.0-or-later
#include "signalwatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace wb::cli {

namespace {

int g_socketPair[2] = {-1, -1};

void handleSignal(int signalNumber)
{
    const char byte = static_cast<char>(signalNumber);
    // Async-signal-safe: write(2) only. A full pipe drops the byte, which is harmless.
    [[maybe_unused]] const ssize_t written = ::write(g_socketPair[0], &byte, 1);
}

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_socketPair) != 0)
        qFatal("socketpair() failed: cannot watch for SIGINT/SIGTERM");
    m_notifier = new QSocketNotifier(g_socketPair[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignal);

    struct sigaction action = {};
    action.sa_handler = handleSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    ::close(g_socketPair[0]);
    ::close(g_socketPair[1]);
    g_socketPair[0] = g_socketPair[1] = -1;
}

void SignalWatcher::readSignal()
{
    char byte = 0;
    if (::read(g_socketPair[1], &byte, 1) != 1)
        return;
    ++m_count;
    Q_EMIT terminationRequested(static_cast<int>(byte), m_count);
}

} // namespace wb::cli
