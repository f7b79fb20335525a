// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A workspace in a temporary folder with tenants, connections, signing secrets (in memory) and
// identity mappings, and a Receiver listening on 127.0.0.1 into it; plus a raw HTTP client for
// requests QNetworkAccessManager cannot send (malformed, pipelined, head only).

#include "core/inbound/events/inboundevent.h"
#include "core/inbound/receiver.h"
#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/testworkspace.h"

#include "support/memorysecretstore.h"

#include <QTcpSocket>
#include <QTemporaryDir>

#include <memory>

namespace wb::test {

// One parsed HTTP/1.1 answer.
struct HttpAnswer
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const;
};

// A client on one TCP connection: writes bytes, reads answers (Content-Length framed).
class RawHttpClient final
{
public:
    explicit RawHttpClient(quint16 port);
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes);
    // Waits (QTest::qWaitFor, at most `timeoutMs`) for `count` more answers.
    QList<HttpAnswer> read(int count = 1, int timeoutMs = 10000);
    // Waits until the server closed the connection; true when it did.
    bool waitForClose(int timeoutMs = 10000);
    QTcpSocket &socket() { return m_socket; }

private:
    bool parseOne(HttpAnswer &answer);
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

class ReceiverTestBed
{
public:
    static constexpr const char *githubSecret = "It's a Secret to Everybody";
    static constexpr const char *genericSecret = "generic-secret";
    static constexpr const char *metaVerifyToken = "meatyhamhock";

    // Opens the workspace, writes the extra provider profiles (gzip-as-received and
    // gzip-decompressed: generic HMAC over the compressed or the decompressed body), seeds:
    // tenant "Acme" with connections to github (mapping installation 12345678 and 9007199254740993),
    // generic-hmac (forward target when `forwardTarget`), both gzip profiles and microsoft-graph;
    // tenant "Globex" with a generic-hmac connection; a meta connection for each tenant (verify
    // tokens metaVerifyToken and "globex-token"). Then starts the receiver with `settings`.
    // Failures are reported through QTest (check QTest::currentTestFailed()).
    void start(const core::ReceiverSettings &settings = {}, bool forwardTarget = false);

    core::Store &store() { return *m_store; }
    core::Receiver &receiver() { return *m_receiver; }
    quint16 port() const;
    QByteArray url(const QByteArray &pathAndQuery) const;

    qint64 acme = 0;
    qint64 globex = 0;
    qint64 github = 0;
    qint64 generic = 0;
    qint64 globexGeneric = 0;
    qint64 gzipRaw = 0;
    qint64 gzipDecoded = 0;
    qint64 graph = 0;
    qint64 meta = 0;
    qint64 twilio = 0; // signing secret genericSecret (Twilio's auth token)
    qint64 globexMeta = 0;

    // Every stored inbound event, oldest first, with bodies.
    QList<core::InboundEvent> events();
    core::InboundEvent event(qint64 id);

private:
    QTemporaryDir m_dir;
    // A file in m_dir, or a PostgreSQL database on the suites' _pg variants.
    wb::test::TestWorkspaceLocation m_where{m_dir.path()};
    core::ManualClock m_clock{0};
    MemorySecretStore m_secretStore;
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<core::ConnectionSecrets> m_secrets;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    std::unique_ptr<core::Receiver> m_receiver;
};

// "sha256=<hex HMAC-SHA256(secret, bytes)>"
QByteArray hmacSignature(const QByteArray &secret, const QByteArray &bytes);
// A POST request with Host, the given headers, Content-Length and the body.
QByteArray postRequest(const QByteArray &target,
                       const QList<std::pair<QByteArray, QByteArray>> &headers,
                       const QByteArray &body);
// gzip (RFC 1952) of `bytes` with zlib.
QByteArray gzip(const QByteArray &bytes);

} // namespace wb::test
