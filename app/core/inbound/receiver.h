// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

class QHttpServer;

namespace wb::core {

// The inbound HTTP receiver: the endpoint external systems send their webhooks to.
//
// Thread: lives on and is used from the thread that created it (the main event loop); all network
// work is asynchronous. Owns its QHttpServer.
class Receiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Receiver)

public:
    // 127.0.0.1 by default: exposing the receiver beyond loopback is an explicit choice.
    static constexpr quint16 defaultPort = 8480;

    explicit Receiver(QObject *parent = nullptr);
    ~Receiver() override;

    // Starts listening. `port` 0 picks a free port. Errors: `receiver.listen_failed` (address in
    // use, no permission), with the address and port in the message.
    Result<void> listen(const QHostAddress &address, quint16 port);
    // Stops accepting connections.
    void close();

    bool isListening() const;
    // http://<address>:<port> of the listening socket; empty before listen().
    QUrl baseUrl() const;

private:
    void addRoutes();

    std::unique_ptr<QHttpServer> m_server;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace wb::core
