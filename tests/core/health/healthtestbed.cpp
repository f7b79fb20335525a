// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthtestbed.h"

#include "core/health/registrationrepository.h"
#include "core/oauth/storetokenstore.h"
#include "core/secrets/connectionsecrets.h"

#include "support/futures.h"
#include "support/memorysecretstore.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace wb::test {

QByteArray newRsaKeyPem()
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray pem;
    if (key && bio && PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr)) {
        char *data = nullptr;
        const long length = BIO_get_mem_data(bio, &data);
        pem = QByteArray(data, length);
    }
    BIO_free(bio);
    EVP_PKEY_free(key);
    return pem;
}

QFuture<Result<QByteArray>> FakeCredentials::authorization(qint64 connectionId)
{
    ++authorizationCalls;
    return QtFuture::makeReadyFuture(
            Result<QByteArray>("Bearer tok-"_ba + QByteArray::number(connectionId)));
}

QFuture<Result<QByteArray>> FakeCredentials::webhookSigningSecret(qint64 connectionId)
{
    if (!signingSecrets.contains(connectionId)) {
        return QtFuture::makeReadyFuture(
                Result<QByteArray>(fail(u"secrets.not_found"_s, u"no signing secret"_s)));
    }
    return QtFuture::makeReadyFuture(Result<QByteArray>(signingSecrets.value(connectionId)));
}

namespace {
template<typename T>
std::optional<T> await(const QFuture<Result<T>> &future, QString *error)
{
    if (!waitForFinished(future)) {
        *error = u"timed out"_s;
        return std::nullopt;
    }
    const Result<T> result = future.result();
    if (!result) {
        *error = result.error().code + u": "_s + result.error().message;
        return std::nullopt;
    }
    return *result;
}
} // namespace

HealthTestbed::HealthTestbed()
    : m_catalog(ProviderCatalog::load(QString()))
{
    Result<std::unique_ptr<Store>> opened = openWorkspace(m_where.location(),
                                                          StoreServices{&m_clock});
    if (!opened) {
        m_error = opened.error().message;
        return;
    }
    std::unique_ptr<Store> store = std::move(*opened);
    Tenant tenant;
    tenant.displayName = u"Acme Corp"_s;
    const auto added = await(store->addTenant(tenant), &m_error);
    if (!added)
        return;
    m_tenantId = added->id;
    m_store = std::move(store);
}

qint64 HealthTestbed::addConnection(const QString &providerId, const QUrl &baseUrl,
                                    ConnectionStatus status)
{
    Connection connection;
    connection.tenantId = m_tenantId;
    connection.providerId = providerId;
    connection.label = providerId;
    connection.settings.baseUrl = baseUrl;
    connection.status = status;
    const auto added = await(m_store->addConnection(connection), &m_error);
    return added ? added->id : 0;
}

Registration HealthTestbed::addRegistration(const Registration &registration)
{
    const auto added = await(m_store->write([registration](SqlSession &session) {
        return RegistrationRepository::add(session, registration);
    }),
                             &m_error);
    return added.value_or(Registration{});
}

Registration HealthTestbed::registration(qint64 id)
{
    const auto found = await(m_store->read([id](SqlSession &session) {
        return RegistrationRepository::get(session, id);
    }),
                             &m_error);
    return found.value_or(Registration{});
}

bool HealthTestbed::recordValidityCheck(qint64 connectionId, const ValidityCheck &check)
{
    MemorySecretStore backend;
    ConnectionSecrets secrets(*m_store, backend);
    StoreTokenStore tokens(*m_store, secrets);
    const QFuture<Result<void>> recorded = tokens.recordValidityCheck(connectionId, check);
    if (!waitForFinished(recorded)) {
        m_error = u"timed out"_s;
        return false;
    }
    if (!recorded.result()) {
        m_error = recorded.result().error().code + u": "_s + recorded.result().error().message;
        return false;
    }
    return true;
}

bool HealthTestbed::addOAuthCredential(qint64 connectionId, const QString &scope,
                                       qint64 expiresAtMs, bool hasRefreshToken,
                                       const QByteArray &clientJson)
{
    const auto written = await(m_store->write([=](SqlSession &session) -> Result<bool> {
        Result<void> credential = session.execute(
                u"INSERT INTO oauth_credentials (connection_id, token_type, scope, "
                "received_at_ms, lifetime_ms, expires_at_ms, has_refresh_token, updated_at_ms) "
                "VALUES (?, 'Bearer', ?, ?, 3600000, ?, ?, ?)"_s,
                {connectionId, scope, expiresAtMs - 3'600'000, expiresAtMs, hasRefreshToken ? 1 : 0,
                 session.nowMs()});
        if (!credential)
            return fail(credential.error());
        if (!clientJson.isEmpty()) {
            Result<void> client = session.execute(
                    u"INSERT INTO oauth_clients (connection_id, client_json, updated_at_ms) "
                    "VALUES (?, ?, ?)"_s,
                    {connectionId, QString::fromUtf8(clientJson), session.nowMs()});
            if (!client)
                return fail(client.error());
        }
        return true;
    }),
                               &m_error);
    return written.has_value();
}

bool HealthTestbed::addGraphNotification(qint64 connectionId, const QByteArray &body,
                                         const QString &eventType, qint64 receivedAtMs)
{
    const auto written = await(m_store->write([=](SqlSession &session) -> Result<bool> {
        Result<void> inserted = session.execute(
                u"INSERT INTO inbound_events (received_at_ms, route, connection_id, "
                "provider_id, method, request_target, url, headers, body, body_size, "
                "verdict, verification_reason, identity_outcome, dedup_scope, event_type, "
                "response_status, forwarding_state) VALUES (?, 'connection', ?, "
                "'microsoft-graph', 'POST', ?, ?, ?, ?, ?, 'unsigned', 'unsigned', "
                "'not_resolved', ?, ?, 202, 'none')"_s,
                {receivedAtMs, connectionId, "/hooks/1"_ba, "http://127.0.0.1/hooks/1"_ba,
                 "Host: 127.0.0.1\r\nContent-Type: application/json\r\n"_ba, body,
                 qint64(body.size()), u"connection:%1"_s.arg(connectionId), eventType});
        if (!inserted)
            return fail(inserted.error());
        return true;
    }),
                               &m_error);
    return written.has_value();
}

bool HealthTestbed::addEvents(qint64 connectionId, const QList<qint64> &receivedAtMs,
                              const QString &verdict, bool handshake, int responseStatus,
                              const QString &handshakeKind)
{
    const auto written = await(m_store->write([=](SqlSession &session) -> Result<bool> {
        for (qint64 at : receivedAtMs) {
            Result<void> inserted = session.execute(
                    u"INSERT INTO inbound_events (received_at_ms, route, connection_id, "
                    "provider_id, method, request_target, url, headers, body, body_size, "
                    "is_handshake, handshake_kind, verdict, verification_reason, "
                    "identity_outcome, dedup_scope, response_status, forwarding_state) VALUES "
                    "(?, 'connection', ?, 'github', 'POST', ?, ?, ?, ?, 2, ?, ?, ?, ?, "
                    "'not_resolved', ?, ?, 'none')"_s,
                    {at, connectionId, "/hooks/1"_ba, "http://127.0.0.1/hooks/1"_ba,
                     "Host: 127.0.0.1\r\n"_ba, "{}"_ba, handshake ? 1 : 0, handshakeKind, verdict,
                     verdict == u"failed"_s ? u"signature_mismatch"_s : verdict,
                     u"connection:%1"_s.arg(connectionId), responseStatus});
            if (!inserted)
                return fail(inserted.error());
        }
        return true;
    }),
                               &m_error);
    return written.has_value();
}

} // namespace wb::test
