// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/connectionclient.h"
#include "core/oauth/tokenrevoker.h"
#include "core/util/result.h"

#include <QFuture>
#include <QObject>
#include <QStringList>

#include <optional>

class QNetworkAccessManager;

namespace wb::core {

class ConnectionSecrets;
class ProviderCatalog;
class Store;
class WorkspaceOAuth;

// What ConnectionRemover::remove() did besides removing the connection.
struct ConnectionRemovalReport
{
    qint64 connectionId = 0;
    QString providerId;
    RevocationOutcome revocation;
    // Why the connection's tokens were not revoked at the provider although it had some (the
    // provider refused or could not be reached, the connection's OAuth client could not be read,
    // the secret backend is not open). The connection was removed all the same; tell the user.
    std::optional<Error> revocationFailure;
    // One message per secret value (client secret, webhook signing secret, token) that could not
    // be deleted from the keychain; the workspace no longer refers to it.
    QStringList secretWarnings;
};

// What ConnectionRemover::removeTenant() did: one report per connection the tenant had.
struct TenantRemovalReport
{
    qint64 tenantId = 0;
    QList<ConnectionRemovalReport> connections;
};

// Removes a connection the way every front end does (`wirebench-cli connections remove`,
// `wirebench-cli oauth revoke --remove-connection`, the GUI's "Remove connection"):
//  1. stops looking after it: WorkspaceOAuth::unwatch (no refresh timer, validity check or
//     refresh on 401 fires for it any more);
//  2. revokes its tokens at the provider where its profile has a revocation endpoint, in the
//     profile's request shape (TokenRevoker: RFC 7009, GitHub's grant deletion, Slack's
//     auth.revoke), and removes them from the workspace. A failed revocation does not stop the
//     removal: it is reported in ConnectionRemovalReport::revocationFailure;
//  3. removes the connection with the Store (its identity mappings keep their tenant, schema
//     cascades take its rows), then deletes the values of its secrets from the keychain and waits
//     for that, so that a short-lived process does not exit before the keychain is clean.
//
// Services: `store`, `catalog` and `network` are required; `secrets` may be null when the
// workspace's secret backend cannot be opened (`secretsUnavailable` says why: the tokens then
// cannot be read, so they are not revoked, and that is reported); `oauth` may be null (a process
// that does not refresh, such as a CLI command). All must outlive this object.
//
// Thread: the main thread (network and keychain); the future finishes there.
class ConnectionRemover final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionRemover)

public:
    struct Services
    {
        Store *store = nullptr;
        ConnectionSecrets *secrets = nullptr;
        std::optional<Error> secretsUnavailable; // when `secrets` is null
        const ProviderCatalog *catalog = nullptr;
        QNetworkAccessManager *network = nullptr;
        WorkspaceOAuth *oauth = nullptr;
    };

    explicit ConnectionRemover(const Services &services, QObject *parent = nullptr);
    ~ConnectionRemover() override;

    // Errors (the connection stays): `store.unknown_connection` and the Store's other errors when
    // reading or removing it. A failure after the revocation (the Store refusing the removal)
    // leaves the connection without tokens: the message says so.
    // `client`: the OAuth client to revoke with (resolveConnectionClient, connectionclient.h);
    // by default the one stored with the connection.
    QFuture<Result<ConnectionRemovalReport>> remove(qint64 connectionId, ClientChoice client = {});

    // Removes a tenant: each of its connections as remove() does (tokens revoked, secrets
    // deleted), one after the other, then the tenant with its identity mappings. Errors (what was
    // removed before stays removed): `store.unknown_tenant` (nothing changed) and the Store's.
    QFuture<Result<TenantRemovalReport>> removeTenant(qint64 tenantId);

private:
    struct Job;
    struct TenantJob;
    void removeNextConnection(std::shared_ptr<TenantJob> job);
    void revoke(std::shared_ptr<Job> job, ClientChoice client);
    void removeConnection(std::shared_ptr<Job> job);
    void deleteSecretValues(std::shared_ptr<Job> job);
    void finish(std::shared_ptr<Job> job, Result<ConnectionRemovalReport> result);

    Services m_services;
};

} // namespace wb::core
