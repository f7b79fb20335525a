// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/receiver.h"

#include "core/inbound/flow/inboundpipeline.h"
#include "core/inbound/flow/routingtable.h"
#include "core/inbound/http/receiverhttpserver.h"
#include "core/util/buildinfo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace wb::core {

Receiver::Receiver(const ReceiverSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_server(std::make_unique<ReceiverHttpServer>(settings.framing))
{
    m_server->setHandler([this](const HttpExchange &exchange, const ReplyHandle &reply) {
        if (m_pipeline) {
            m_pipeline->handle(exchange, reply);
            return;
        }
        const QByteArray target = exchange.head.target;
        if (target == "/health" || target.startsWith("/health?")) {
            const QJsonObject health{{u"status"_s, u"ok"_s},
                                     {u"version"_s, buildinfo::version()},
                                     {u"workspace"_s, false}};
            reply.send(
                    HttpResponse::json(200, QJsonDocument(health).toJson(QJsonDocument::Compact)));
            return;
        }
        HttpResponse response = HttpResponse::error(503, u"receiver.no_workspace"_s,
                                                    u"No workspace is open to receive into."_s);
        response.headers.append(
                ReceivedHeader{"Retry-After"_ba, QByteArray::number(m_settings.retryAfterSeconds)});
        reply.send(response);
    });
}

Receiver::~Receiver()
{
    // The server's sockets refer to the handler; stop them before the pipeline goes.
    m_server.reset();
}

void Receiver::attachWorkspace(const ReceiverServices &services)
{
    detachWorkspace();
    m_routing = std::make_unique<RoutingTable>(*services.store, services.secrets);
    m_pipeline = std::make_unique<InboundPipeline>(InboundPipeline::Services{services.store,
                                                                             services.catalog,
                                                                             m_routing.get(),
                                                                             services.clock,
                                                                             services.secrets},
                                                   m_settings);
    connect(m_routing.get(), &RoutingTable::ready, this, &Receiver::workspaceReady);
    connect(m_routing.get(), &RoutingTable::loadFailed, this, &Receiver::workspaceLoadFailed);
    m_routing->load();
}

void Receiver::detachWorkspace()
{
    m_pipeline.reset();
    m_routing.reset();
}

Result<void> Receiver::listen(const QHostAddress &address, quint16 port)
{
    Result<quint16> bound = m_server->listenOn(address, port);
    if (!bound)
        return fail(bound.error());
    m_address = address;
    m_port = *bound;
    return {};
}

void Receiver::close()
{
    m_server->closeAll();
    m_port = 0;
}

bool Receiver::isListening() const
{
    return m_port != 0;
}

QUrl Receiver::baseUrl() const
{
    if (m_port == 0)
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_address.toString());
    url.setPort(m_port);
    return url;
}

QUrl Receiver::connectionUrl(qint64 connectionId) const
{
    QUrl url = baseUrl();
    if (!url.isEmpty())
        url.setPath(u"/hooks/%1"_s.arg(connectionId));
    return url;
}

void Receiver::setPublicBaseUrl(const QUrl &url)
{
    m_settings.publicBaseUrl = url.isEmpty() ? QByteArray() : url.toEncoded();
    if (m_pipeline)
        m_pipeline->setPublicBaseUrl(m_settings.publicBaseUrl);
}

QUrl Receiver::publicBaseUrl() const
{
    return QUrl::fromEncoded(m_settings.publicBaseUrl, QUrl::StrictMode);
}

QUrl Receiver::registrationUrl(qint64 connectionId) const
{
    QUrl url = publicBaseUrl();
    if (url.isEmpty())
        return connectionUrl(connectionId);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/hooks/%1"_s.arg(connectionId));
    return url;
}

QUrl Receiver::providerUrl(const QString &providerId) const
{
    QUrl url = baseUrl();
    if (!url.isEmpty())
        url.setPath(u"/hooks/p/%1"_s.arg(providerId));
    return url;
}

} // namespace wb::core
