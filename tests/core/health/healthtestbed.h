// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/connectioncredentials.h"
#include "core/health/registration.h"
#include "core/oauth/validitycheck.h"
#include "core/providers/providercatalog.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/testworkspace.h"

#include <QMap>
#include <QTemporaryDir>

#include <memory>

namespace wb::test {

// A fresh 2048-bit RSA private key in PEM (PKCS#8 "BEGIN PRIVATE KEY"; GitHub hands out PKCS#1
// "BEGIN RSA PRIVATE KEY", which GitHubAppJwt reads too); empty when OpenSSL failed.
QByteArray newRsaKeyPem();

// Credentials the tests hand out: "Bearer tok-<connection id>" and a signing secret per
// connection; every call counted.
class FakeCredentials final : public core::ConnectionCredentials
{
public:
    int authorizationCalls = 0;
    QMap<qint64, QByteArray> signingSecrets;

    QFuture<core::Result<QByteArray>> authorization(qint64 connectionId) override;
    QFuture<core::Result<QByteArray>> webhookSigningSecret(qint64 connectionId) override;
};

// A fresh workspace in a temporary folder with one tenant, the built-in provider catalog and a
// manual clock. Main thread.
class HealthTestbed
{
public:
    static constexpr qint64 startMs = 1'780'000'000'000; // 2026-05-28T20:26:40Z

    HealthTestbed();
    bool ok() const { return m_store != nullptr; }
    QString error() const { return m_error; }

    core::Store &store() { return *m_store; }
    core::ManualClock &clock() { return m_clock; }
    const core::ProviderCatalog &catalog() const { return m_catalog; }
    qint64 tenantId() const { return m_tenantId; }

    // Adds a connection of the tenant (waits on the event loop); 0 on failure.
    qint64 addConnection(const QString &providerId, const QUrl &baseUrl,
                         core::ConnectionStatus status = core::ConnectionStatus::Authorized);
    // Adds a registration (waits); id 0 on failure.
    core::Registration addRegistration(const core::Registration &registration);
    core::Registration registration(qint64 id);
    // Writes what the OAuth layer keeps about a credential (oauth_credentials; oauth_clients when
    // `clientJson` is not empty).
    bool addOAuthCredential(qint64 connectionId, const QString &scope, qint64 expiresAtMs,
                            bool hasRefreshToken, const QByteArray &clientJson);
    // Records a validity check of the connection's access token the way the OAuth layer does
    // (StoreTokenStore::recordValidityCheck).
    bool recordValidityCheck(qint64 connectionId, const core::ValidityCheck &check);
    // Inserts one received Microsoft Graph notification with this body and event type, as the
    // receiver stores a lifecycle notification (verdict unsigned, answered 202).
    bool addGraphNotification(qint64 connectionId, const QByteArray &body, const QString &eventType,
                              qint64 receivedAtMs);
    // Inserts received events for `connectionId`: one per time (UTC ms) with this verdict
    // ("verified", "failed", "unsigned"); handshake rows carry `responseStatus`.
    bool addEvents(qint64 connectionId, const QList<qint64> &receivedAtMs,
                   const QString &verdict = QStringLiteral("verified"), bool handshake = false,
                   int responseStatus = 200, const QString &handshakeKind = {});

private:
    QTemporaryDir m_dir;
    // A file in m_dir, or a PostgreSQL database on the suites' _pg variants.
    wb::test::TestWorkspaceLocation m_where{m_dir.path()};
    core::ManualClock m_clock{startMs};
    core::ProviderCatalog m_catalog;
    std::unique_ptr<core::Store> m_store;
    qint64 m_tenantId = 0;
    QString m_error;
};

} // namespace wb::test
