// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/connectionclient.h"

#include "core/oauth/clientconfigjson.h"
#include "core/oauth/oauthclientrecord.h"
#include "core/oauth/oauthtr.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/connectionrepository.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>

#include <memory>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

using Promise = std::shared_ptr<QPromise<Result<ConnectionClient>>>;

void settle(const Promise &promise, Result<ConnectionClient> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

// What one read snapshot holds.
struct Stored
{
    Connection connection;
    std::optional<QByteArray> clientJson; // read only when the choice gives no client
};

// The client JSON to parse, and what names it in errors.
std::pair<QByteArray, QString> chosenJson(const Stored &stored, const ClientChoice &choice)
{
    if (choice.json.isEmpty()) {
        return {*stored.clientJson,
                OAuthTr::tr("the OAuth client stored for connection %1").arg(stored.connection.id)};
    }
    const QString source = choice.source.isEmpty() ? OAuthTr::tr("the OAuth client")
                                                   : choice.source;
    const QJsonDocument document = QJsonDocument::fromJson(choice.json);
    if (!choice.connectionProfile || !document.isObject())
        return {choice.json, source}; // clientConfigFromJson reports what is wrong with it
    QJsonObject object = document.object();
    object.insert(u"profile"_s, stored.connection.providerId);
    return {QJsonDocument(object).toJson(QJsonDocument::Compact), source};
}

// Steps 2 and, for a given secret, 3.
Result<ConnectionClient> configure(const Stored &stored, const ClientChoice &choice,
                                   const ProviderCatalog &catalog)
{
    const Connection &connection = stored.connection;
    if (choice.json.isEmpty() && !stored.clientJson) {
        return fail(u"oauth.no_client"_s, OAuthTr::tr("Connection %1 has no OAuth client yet: give "
                                                      "the client id of the app registered at "
                                                      "the provider.")
                                                  .arg(connection.id));
    }
    const auto [json, source] = chosenJson(stored, choice);
    Result<OAuthClientConfig> config = clientConfigFromJson(json, source, catalog);
    if (!config)
        return fail(config.error());
    if (config->providerId != connection.providerId) {
        return fail(u"oauth.config_invalid"_s,
                    OAuthTr::tr("Connection %1 is a %2 connection, but the client configuration "
                                "is for %3.")
                            .arg(connection.id)
                            .arg(connection.providerId, config->providerId));
    }
    if (choice.secret)
        config->clientSecret = QString::fromUtf8(*choice.secret);
    return ConnectionClient{connection, std::move(*config), json};
}

// Step 4.
Result<ConnectionClient> validated(ConnectionClient client)
{
    if (Result<void> valid = client.config.validate(); !valid)
        return fail(valid.error());
    return client;
}

// Step 3 for the stored client secret, then step 4.
void readClientSecret(ConnectionSecrets &secrets, ConnectionClient client, const Promise &promise)
{
    const SecretKey key{client.connection.id, SecretKind::OAuthClientSecret, SecretSlot::Primary};
    whenFinished(secrets.get(key), &secrets,
                 [client = std::move(client), promise](const Result<QByteArray> &secret) mutable {
                     if (!secret) {
                         Error error = secret.error();
                         if (error.code == u"secrets.not_found"_s) {
                             error.message = OAuthTr::tr("Connection %1 has no OAuth client secret "
                                                         "stored: %2")
                                                     .arg(client.connection.id)
                                                     .arg(error.message);
                         }
                         settle(promise, fail(error));
                         return;
                     }
                     client.config.clientSecret = QString::fromUtf8(*secret);
                     settle(promise, validated(std::move(client)));
                 });
}

} // namespace

QFuture<Result<ConnectionClient>> resolveConnectionClient(Store &store, ConnectionSecrets &secrets,
                                                          const ProviderCatalog &catalog,
                                                          qint64 connectionId, ClientChoice choice)
{
    auto promise = std::make_shared<QPromise<Result<ConnectionClient>>>();
    promise->start();
    QFuture<Result<ConnectionClient>> future = promise->future();
    const bool readStored = choice.json.isEmpty();
    auto read = store.read([connectionId, readStored](SqlSession &session) -> Result<Stored> {
        Result<Connection> connection = ConnectionRepository::get(session, connectionId);
        if (!connection)
            return fail(connection.error());
        Stored stored{*connection, std::nullopt};
        if (readStored) {
            Result<std::optional<QByteArray>> client = readOAuthClient(session, connectionId);
            if (!client)
                return fail(client.error());
            stored.clientJson = *client;
        }
        return stored;
    });
    whenFinished(read, &secrets,
                 [&secrets, &catalog, choice = std::move(choice),
                  promise](const Result<Stored> &stored) {
                     if (!stored) {
                         settle(promise, fail(stored.error()));
                         return;
                     }
                     Result<ConnectionClient> client = configure(*stored, choice, catalog);
                     if (!client) {
                         settle(promise, std::move(client));
                         return;
                     }
                     const bool needsStoredSecret = !choice.secret
                                                    && client->config.clientAuth
                                                               != ClientAuthMethod::None;
                     if (needsStoredSecret)
                         readClientSecret(secrets, std::move(*client), promise);
                     else
                         settle(promise, validated(std::move(*client)));
                 });
    return future;
}

} // namespace wb::core
