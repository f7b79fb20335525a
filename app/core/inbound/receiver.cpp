// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/receiver.h"

#include "core/util/buildinfo.h"

#include <QCoreApplication>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace wb::core {

Receiver::Receiver(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
{
    addRoutes();
}

Receiver::~Receiver() = default;

void Receiver::addRoutes()
{
    m_server->route(u"/health"_s, QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(
                QJsonObject{{u"status"_s, u"ok"_s}, {u"version"_s, buildinfo::version()}});
    });
}

Result<void> Receiver::listen(const QHostAddress &address, quint16 port)
{
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0) {
        return fail(u"receiver.listen_failed"_s,
                    QCoreApplication::translate("wb::core::Receiver",
                                                "Cannot listen on %1 port %2: the address is in "
                                                "use or not available on this machine.")
                            .arg(address.toString())
                            .arg(port));
    }
    m_address = address;
    m_port = bound;
    return {};
}

void Receiver::close()
{
    const auto servers = m_server->servers();
    for (QTcpServer *server : servers)
        server->close();
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

} // namespace wb::core
