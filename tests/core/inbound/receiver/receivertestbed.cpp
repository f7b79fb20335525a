// SPDX-License-Identifier: GPL-3.0-or-later
#include "receivertestbed.h"

#include "core/inbound/events/inboundeventrepository.h"
#include "support/futures.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTest>

#include <zlib.h>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace wb::test {

QByteArray HttpAnswer::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

RawHttpClient::RawHttpClient(quint16 port)
{
    m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    m_socket.waitForConnected(5000);
}

void RawHttpClient::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

bool RawHttpClient::parseOne(HttpAnswer &answer)
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    answer = HttpAnswer{};
    answer.status = lines.first().split(' ').value(1).toInt();
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        answer.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        if (line.left(colon).compare("content-length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (m_buffer.size() < headEnd + 4 + length)
        return false;
    answer.body = m_buffer.mid(headEnd + 4, length);
    m_buffer.remove(0, headEnd + 4 + length);
    return true;
}

QList<HttpAnswer> RawHttpClient::read(int count, int timeoutMs)
{
    QList<HttpAnswer> answers;
    (void) QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                HttpAnswer answer;
                while (answers.size() < count && parseOne(answer))
                    answers << answer;
                return answers.size() >= count;
            },
            timeoutMs);
    return answers;
}

bool RawHttpClient::waitForClose(int timeoutMs)
{
    return QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
}

namespace {

// A generic body HMAC whose signature covers the compressed or the decompressed body.
QByteArray gzipProfile(const QString &id, const QString &coverage)
{
    return uR"({
  "format": 1,
  "id": "%1",
  "display_name": "Gzip %2",
  "description": "Test profile: body HMAC over the %2 bytes of a gzip body.",
  "webhook": {
    "signature": {"family": "hmac", "algorithm": "sha256", "header": "X-Signature",
                  "encoding": "hex", "signed_payload": "{body}", "prefix": "sha256=",
                  "body_coverage": "%2"},
    "handshake": {"kind": "none"},
    "identity": [{"json_pointer": "/account"}],
    "event_id": [{"header": "X-Request-Id"}],
    "event_type": [{"json_pointer": "/type"}]
  },
  "sources": {"signature": "test"}
})"_s.arg(id, coverage)
            .toUtf8();
}

} // namespace

void ReceiverTestBed::start(const ReceiverSettings &settings, bool forwardTarget)
{
    QVERIFY(m_dir.isValid());
    m_clock.setNowMs(QDateTime::currentMSecsSinceEpoch());
    auto opened = openWorkspace(m_where.location(), StoreServices{&m_clock});
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    m_store = std::move(*opened);
    m_secrets = std::make_unique<ConnectionSecrets>(*m_store, m_secretStore);

    const QString providers = m_dir.filePath(u"providers"_s);
    QVERIFY(QDir().mkpath(providers));
    for (const auto &[id, coverage] : {std::pair{u"gzip-raw"_s, u"as_received"_s},
                                       std::pair{u"gzip-decoded"_s, u"decompressed"_s}}) {
        QFile file(providers + u"/"_s + id + u".json"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(gzipProfile(id, coverage));
    }
    m_catalog = std::make_unique<ProviderCatalog>(ProviderCatalog::load(providers));
    QVERIFY2(m_catalog->issues().isEmpty(),
             qPrintable(m_catalog->issues().isEmpty() ? QString()
                                                      : m_catalog->issues().first().error.message));
    QVERIFY(m_catalog->find(u"gzip-decoded"));

    Tenant acmeTenant;
    acmeTenant.displayName = u"Acme"_s;
    WB_AWAIT_OK(addedAcme, m_store->addTenant(acmeTenant));
    acme = addedAcme->id;
    Tenant globexTenant;
    globexTenant.displayName = u"Globex"_s;
    WB_AWAIT_OK(addedGlobex, m_store->addTenant(globexTenant));
    globex = addedGlobex->id;

    auto addConnection = [this](qint64 tenant, const QString &provider, const QString &label,
                                bool forward, qint64 &id) {
        Connection connection;
        connection.tenantId = tenant;
        connection.providerId = provider;
        connection.label = label;
        if (forward)
            connection.settings.forwardTargetUrl = QUrl(u"http://127.0.0.1:9/app"_s);
        WB_AWAIT_OK(added, m_store->addConnection(connection));
        id = added->id;
    };
    addConnection(acme, u"github"_s, QString(), forwardTarget, github);
    addConnection(acme, u"generic-hmac"_s, QString(), forwardTarget, generic);
    addConnection(globex, u"generic-hmac"_s, QString(), false, globexGeneric);
    addConnection(acme, u"gzip-raw"_s, QString(), false, gzipRaw);
    addConnection(acme, u"gzip-decoded"_s, QString(), false, gzipDecoded);
    addConnection(acme, u"microsoft-graph"_s, QString(), false, graph);
    addConnection(acme, u"twilio"_s, QString(), false, twilio);
    // Two Meta connections with their own verify tokens (Meta's documented example token first).
    for (auto [tenant, token, id] : {std::tuple{acme, metaVerifyToken, &meta},
                                     std::tuple{globex, "globex-token", &globexMeta}}) {
        Connection connection;
        connection.tenantId = tenant;
        connection.providerId = u"meta"_s;
        connection.settings.handshakeVerifyToken = QString::fromLatin1(token);
        WB_AWAIT_OK(added, m_store->addConnection(connection));
        *id = added->id;
    }
    if (QTest::currentTestFailed())
        return;

    const SecretKey githubKey{github, SecretKind::WebhookSigningSecret, SecretSlot::Primary};
    WB_AWAIT_OK(put1, m_secrets->put(githubKey, githubSecret));
    for (qint64 connection : {generic, globexGeneric, gzipRaw, gzipDecoded, twilio}) {
        const SecretKey key{connection, SecretKind::WebhookSigningSecret, SecretSlot::Primary};
        WB_AWAIT_OK(put, m_secrets->put(key, genericSecret));
    }
    for (const QString &installation : {u"12345678"_s, u"9007199254740993"_s}) {
        IdentityMapping mapping;
        mapping.providerId = u"github"_s;
        mapping.externalAccountId = installation;
        mapping.tenantId = acme;
        mapping.connectionId = github;
        WB_AWAIT_OK(mapped, m_store->addIdentityMapping(mapping));
    }

    m_receiver = std::make_unique<Receiver>(settings);
    QSignalSpy ready(m_receiver.get(), &Receiver::workspaceReady);
    m_receiver->attachWorkspace(
            ReceiverServices{m_store.get(), m_catalog.get(), &m_clock, m_secrets.get()});
    QVERIFY(ready.count() == 1 || ready.wait(10000));
    const Result<void> listening = m_receiver->listen(QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY2(listening, qPrintable(listening ? QString() : listening.error().message));
}

quint16 ReceiverTestBed::port() const
{
    return quint16(m_receiver->baseUrl().port());
}

QByteArray ReceiverTestBed::url(const QByteArray &pathAndQuery) const
{
    return m_receiver->baseUrl().toEncoded() + pathAndQuery;
}

QList<InboundEvent> ReceiverTestBed::events()
{
    auto future = m_store->read([](SqlSession &session) -> Result<QList<InboundEvent>> {
        InboundEventFilter filter;
        filter.limit = 100000;
        auto events = InboundEventRepository::list(session, filter);
        if (events)
            std::reverse(events->begin(), events->end());
        return events;
    });
    if (!waitForFinished(future) || !future.result())
        return {};
    return *future.result();
}

InboundEvent ReceiverTestBed::event(qint64 id)
{
    auto future = m_store->read(
            [id](SqlSession &session) { return InboundEventRepository::get(session, id); });
    if (!waitForFinished(future) || !future.result())
        return {};
    return *future.result();
}

QByteArray hmacSignature(const QByteArray &secret, const QByteArray &bytes)
{
    return "sha256="
           + QMessageAuthenticationCode::hash(bytes, secret, QCryptographicHash::Sha256).toHex();
}

QByteArray postRequest(const QByteArray &target,
                       const QList<std::pair<QByteArray, QByteArray>> &headers,
                       const QByteArray &body)
{
    QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return request;
}

QByteArray gzip(const QByteArray &bytes)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(bytes.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.data()));
    stream.avail_in = uInt(bytes.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

} // namespace wb::test
