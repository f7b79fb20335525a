// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"
#include "core/store/connection.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QFuture>
#include <QString>

#include <optional>

namespace wb::core {

class ConnectionSecrets;
class ProviderCatalog;
class Store;

// Which OAuth client a connection is to use.
struct ClientChoice
{
    // The client as JSON (clientconfigjson.h); empty: the one stored with the connection
    // (oauthclientrecord.h).
    QByteArray json;
    // Names `json` in errors ("the command line", a file name); empty: "the OAuth client".
    QString source;
    // `json` leaves out "profile" because it means the connection's own provider profile
    // (wirebench-cli's --client-id …): the connection's provider id is filled in.
    bool connectionProfile = false;
    // When set: the client secret to use (the onboarding wizard's, not stored yet); otherwise the
    // stored one is read from the keychain when the client authenticates with a secret.
    std::optional<QByteArray> secret;
};

// A connection and the OAuth client it uses, ready for an authorization, a refresh, a validity
// check or a revocation.
struct ConnectionClient
{
    Connection connection;
    // Validated (OAuthClientConfig::validate); with the client secret when it has one.
    OAuthClientConfig config;
    // The client's JSON as given or stored (with the profile filled in): what saveOAuthClient
    // keeps after an authorization. Never holds the secret.
    QByteArray json;
};

// Resolves the OAuth client of connection `connectionId` for every front end
// (ConnectionAuthorizer, WorkspaceOAuth, `wirebench-cli oauth`):
//  1. reads the connection and, unless `choice` gives the client, its stored client (one read);
//  2. builds the configuration with clientConfigFromJson(json, source, catalog); it must be for
//     the connection's provider;
//  3. takes the given client secret, or reads the stored one when the client authenticates with
//     a secret (ClientAuthMethod other than None);
//  4. validates the result.
// Nothing is written.
//
// Errors: the Store's (`store.unknown_connection` naming the id, …); `oauth.no_client` (none given
// and none stored); `oauth.config_invalid` (a client that does not parse, or one for another
// provider; OAuthClientConfig::validate) and the other errors of clientConfigFromJson
// (`provider.unknown`, …); `secrets.not_found` (no client secret stored) and the keychain's
// errors.
//
// Thread: the main thread (the keychain); the future finishes there. `store`, `secrets` and
// `catalog` must outlive the future; if `secrets` is destroyed first the future is cancelled.
QFuture<Result<ConnectionClient>> resolveConnectionClient(Store &store, ConnectionSecrets &secrets,
                                                          const ProviderCatalog &catalog,
                                                          qint64 connectionId,
                                                          ClientChoice choice = {});

} // namespace wb::core
