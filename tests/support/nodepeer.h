// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace wb::test {

// A real peer from the npm registry, run as `node tests/peers/<script>` (an official webhook
// signer, oidc-provider, a cron oracle…).
//
// Two ways to use it:
//  - run(): one-shot; feeds `input` on stdin and returns stdout (for signers and oracles);
//  - start(): long-running; the script prints one JSON line when ready (for example
//    {"port": 43121}), returned by readyInfo(). The process is killed when the peer is destroyed.
// Errors are reported through errorString() and fail the calling test.
class NodePeer final
{
public:
    NodePeer() = default;
    ~NodePeer();
    NodePeer(const NodePeer &) = delete;
    NodePeer &operator=(const NodePeer &) = delete;

    // True when the npm peers are installed (tests/peers/node_modules exists).
    static bool available();

    // Runs `node <script> args…` to completion (30 s at most) and returns its stdout. On a non-zero
    // exit or a timeout, returns an empty array and sets errorString() (with the script's stderr).
    QByteArray run(const QString &script, const QStringList &args = {},
                   const QByteArray &input = {});

    // Starts `node <script> args…` and waits (15 s at most) for its first stdout line, a JSON
    // object. Returns false and sets errorString() if the script exits or prints something else.
    bool start(const QString &script, const QStringList &args = {});
    QJsonObject readyInfo() const { return m_ready; }
    void stop();

    QString errorString() const { return m_error; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QJsonObject m_ready;
    QString m_error;
};

} // namespace wb::test
