// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/flow/receiversettings.h"
#include "core/util/result.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

namespace wb::core {

class Clock;
class ConnectionSecrets;
class InboundPipeline;
class ProviderCatalog;
class ReceiverHttpServer;
class RoutingTable;
class Store;

// What the receiver needs from the workspace. All must outlive the receiver (or the next
// attachWorkspace()/detachWorkspace()).
struct ReceiverServices
{
    Store *store = nullptr;                   // required
    const ProviderCatalog *catalog = nullptr; // required
    const Clock *clock = nullptr;             // required
    ConnectionSecrets *secrets = nullptr;     // optional: without it no connection has a secret
};

// The inbound HTTP receiver: the endpoint external systems send their webhooks to.
//
//   GET  /health                       → 200 {"status":"ok",…}
//   ANY  /hooks/<connection id>         → one connection's URL
//   ANY  /hooks/p/<provider id>         → a provider app's URL; the tenant is resolved from the
//                                         event through the identity mapping
//
// Each request passes the ConnectionGate (size cap and framing checks before the body is read),
// then the InboundPipeline (verify, handshake, resolve, store durably, then answer). Without a
// workspace attached, webhook URLs answer 503 with Retry-After.
//
// Thread: lives on and is used from the thread that created it (the main event loop); all network
// work is asynchronous.
class Receiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Receiver)

public:
    // 127.0.0.1 by default: exposing the receiver beyond loopback is an explicit choice.
    static constexpr quint16 defaultPort = 8480;

    explicit Receiver(const ReceiverSettings &settings = {}, QObject *parent = nullptr);
    ~Receiver() override;

    // Starts receiving into a workspace: loads its connections and signing secrets (requests get
    // 503 + Retry-After until that is done, see workspaceReady()).
    void attachWorkspace(const ReceiverServices &services);
    void detachWorkspace();
    bool hasWorkspace() const { return m_pipeline != nullptr; }
    // The flow, for statistics and signals (nullptr without a workspace).
    InboundPipeline *pipeline() const { return m_pipeline.get(); }

    // Starts listening. `port` 0 picks a free port. Errors: `receiver.address_in_use` (another
    // program listens there), `receiver.listen_failed` (no permission, no such address), with
    // the address and port in the message.
    Result<void> listen(const QHostAddress &address, quint16 port);
    // Stops accepting connections.
    void close();

    bool isListening() const;
    // http://<address>:<port> of the listening socket; empty before listen().
    QUrl baseUrl() const;
    // <baseUrl>/hooks/<connection id> and <baseUrl>/hooks/p/<provider id>.
    QUrl connectionUrl(qint64 connectionId) const;
    QUrl providerUrl(const QString &providerId) const;

    // The public URL providers reach this receiver at: a tunnel (ngrok, cloudflared) or a reverse
    // proxy forwarding to it, such as "https://abc.ngrok.app" (a path prefix is kept). Empty:
    // none, providers call baseUrl() directly. Also used to verify signatures over the URL
    // (ReceiverSettings::publicBaseUrl). Applies to requests from now on.
    void setPublicBaseUrl(const QUrl &url);
    QUrl publicBaseUrl() const;
    // The URL to register at a provider for a connection: <public base URL>/hooks/<id> when a
    // public URL is set, else connectionUrl(); empty when neither exists.
    QUrl registrationUrl(qint64 connectionId) const;

Q_SIGNALS:
    // The attached workspace's connections and secrets are loaded: webhooks are accepted.
    void workspaceReady();
    void workspaceLoadFailed(const wb::core::Error &error);

private:
    ReceiverSettings m_settings;
    std::unique_ptr<ReceiverHttpServer> m_server;
    std::unique_ptr<RoutingTable> m_routing;
    std::unique_ptr<InboundPipeline> m_pipeline;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace wb::core
