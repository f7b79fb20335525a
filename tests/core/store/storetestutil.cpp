// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestutil.h"

#include "core/inbound/events/inboundeventrepository.h"
#include "core/store/connectionrepository.h"
#include "core/store/identitymappingrepository.h"
#include "core/store/secretreferencerepository.h"
#include "core/store/tenantrepository.h"
#include "core/store/workspacerepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace wb::test {

namespace {

template<typename F>
Result<void> withRawConnection(const QString &databasePath, F &&use)
{
    const QString name = u"wb-test-raw-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<void> outcome;
    {
        QString error;
        QSqlDatabase database = openRawConnection(databasePath, name, &error);
        if (!database.isOpen())
            outcome = fail(u"test.open"_s, error);
        else
            outcome = use(database);
        database.close();
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

QJsonValue optionalJson(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue();
}

QJsonValue optionalJson(const std::optional<int> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue optionalJson(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject toJson(const Tenant &tenant)
{
    return {{u"id"_s, double(tenant.id)},
            {u"displayName"_s, tenant.displayName},
            {u"externalReference"_s, tenant.externalReference},
            {u"notes"_s, tenant.notes},
            {u"createdAtMs"_s, double(tenant.createdAtMs)},
            {u"updatedAtMs"_s, double(tenant.updatedAtMs)}};
}

QJsonObject toJson(const Connection &connection)
{
    const ConnectionSettings &settings = connection.settings;
    return {{u"id"_s, double(connection.id)},
            {u"tenantId"_s, double(connection.tenantId)},
            {u"providerId"_s, connection.providerId},
            {u"label"_s, connection.label},
            {u"baseUrl"_s, settings.baseUrl.toString()},
            {u"forwardTargetUrl"_s, settings.forwardTargetUrl.toString()},
            {u"retryPolicy"_s, settings.retryPolicy},
            {u"requestsPerSecond"_s, optionalJson(settings.rateLimits.requestsPerSecond)},
            {u"burst"_s, optionalJson(settings.rateLimits.burst)},
            {u"concurrencyLimit"_s, optionalJson(settings.rateLimits.concurrencyLimit)},
            {u"handshakeVerifyToken"_s, settings.handshakeVerifyToken},
            {u"status"_s, nameOf(connection.status)},
            {u"tokenExpiresAtMs"_s, optionalJson(connection.tokenExpiresAtMs)},
            {u"lastCheckedAtMs"_s, optionalJson(connection.lastCheckedAtMs)},
            {u"lastCheckResult"_s, connection.lastCheckResult},
            {u"createdAtMs"_s, double(connection.createdAtMs)},
            {u"updatedAtMs"_s, double(connection.updatedAtMs)}};
}

QJsonObject toJson(const IdentityMapping &mapping)
{
    return {{u"id"_s, double(mapping.id)},
            {u"providerId"_s, mapping.providerId},
            {u"externalAccountId"_s, mapping.externalAccountId},
            {u"tenantId"_s, double(mapping.tenantId)},
            {u"connectionId"_s, optionalJson(mapping.connectionId)},
            {u"note"_s, mapping.note},
            {u"createdAtMs"_s, double(mapping.createdAtMs)},
            {u"updatedAtMs"_s, double(mapping.updatedAtMs)}};
}

QJsonObject toJson(const SecretReference &reference)
{
    return {{u"connectionId"_s, double(reference.key.connectionId)},
            {u"kind"_s, nameOf(reference.key.kind)},
            {u"slot"_s, nameOf(reference.key.slot)},
            {u"backend"_s, reference.backend},
            {u"keyName"_s, reference.keyName},
            {u"createdAtMs"_s, double(reference.createdAtMs)},
            {u"updatedAtMs"_s, double(reference.updatedAtMs)}};
}

// Bytes as base64 so that non-UTF-8 bytes compare exactly.
QJsonObject toJson(const InboundEvent &event)
{
    QJsonArray headers;
    for (const ReceivedHeader &header : event.request.headers)
        headers << QJsonArray{QString::fromLatin1(header.name.toBase64()),
                              QString::fromLatin1(header.value.toBase64())};
    return {{u"id"_s, double(event.id)},
            {u"receivedAtMs"_s, double(event.receivedAtMs)},
            {u"route"_s, nameOf(event.route)},
            {u"connectionId"_s, optionalJson(event.connectionId)},
            {u"providerId"_s, event.providerId},
            {u"peerAddress"_s, event.peerAddress},
            {u"method"_s, QString::fromLatin1(event.request.method)},
            {u"requestTarget"_s, QString::fromLatin1(event.requestTarget.toBase64())},
            {u"url"_s, QString::fromLatin1(event.request.url.toBase64())},
            {u"headers"_s, headers},
            {u"body"_s, QString::fromLatin1(event.request.body.toBase64())},
            {u"bodySize"_s, double(event.bodySize)},
            {u"handshake"_s, event.handshake},
            {u"handshakeKind"_s, event.handshakeKind},
            {u"verdict"_s, nameOf(event.verdict)},
            {u"verificationReason"_s, event.verificationReason},
            {u"verificationExplanation"_s, event.verificationExplanation},
            {u"tenantId"_s, optionalJson(event.tenantId)},
            {u"identityMappingId"_s, optionalJson(event.identityMappingId)},
            {u"identityOutcome"_s, event.identityOutcome},
            {u"identityValue"_s, event.identityValue},
            {u"resolutionExplanation"_s, event.resolutionExplanation},
            {u"providerEventId"_s, event.providerEventId},
            {u"eventType"_s, event.eventType},
            {u"responseStatus"_s, event.responseStatus},
            {u"forwardingState"_s, nameOf(event.forwardingState)},
            {u"forwardingNote"_s, event.forwardingNote},
            {u"duplicateCount"_s, event.duplicateCount},
            {u"lastDuplicateAtMs"_s, optionalJson(event.lastDuplicateAtMs)}};
}

// Every row of `query` as an object keyed by column name (numbers as doubles, text as text).
Result<QJsonArray> tableRows(SqlSession &session, const QString &query)
{
    Result<QSqlQuery> rows = session.exec(query);
    if (!rows)
        return fail(rows.error());
    QJsonArray array;
    while (rows->next()) {
        const QSqlRecord record = rows->record();
        QJsonObject row;
        for (int i = 0; i < record.count(); ++i)
            row.insert(record.fieldName(i), QJsonValue::fromVariant(rows->value(i)));
        array << row;
    }
    return array;
}

template<typename T>
T waitValue(QFuture<Result<T>> future, Result<void> &failure)
{
    future.waitForFinished();
    Result<T> result = future.result();
    if (!result) {
        if (failure)
            failure = fail(result.error());
        return T();
    }
    return *result;
}

void waitDone(QFuture<Result<void>> future, Result<void> &failure)
{
    future.waitForFinished();
    Result<void> result = future.result();
    if (!result && failure)
        failure = fail(result.error());
}

} // namespace

Result<void> TempWorkspace::open(const StoreOptions &options)
{
    store.reset();
    if (path().isEmpty())
        return fail(u"test.no_workspace"_s, where.error());
    Result<std::unique_ptr<Store>> opened = openWorkspace(path(), StoreServices{&clock}, options);
    if (!opened)
        return fail(opened.error());
    store = std::move(*opened);
    return {};
}

void deliverPostedEvents()
{
    QCoreApplication::sendPostedEvents();
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QStringList folderListing(const QString &folder)
{
    QStringList listing;
    const QFileInfoList entries = QDir(folder).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot,
                                                             QDir::Name);
    for (const QFileInfo &entry : entries)
        listing << u"%1:%2"_s.arg(entry.fileName()).arg(entry.isDir() ? -1 : entry.size());
    return listing;
}

QStringList splitSqlStatements(const QString &dump)
{
    QStringList statements;
    QString current;
    bool inQuote = false;
    for (QChar c : dump) {
        current += c;
        if (c == u'\'')
            inQuote = !inQuote;
        else if (c == u';' && !inQuote) {
            const QString statement = current.trimmed();
            if (statement.size() > 1)
                statements << statement;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Result<void> runRawSql(const QString &databasePath, const QStringList &statements)
{
    return withRawConnection(databasePath, [&](QSqlDatabase &database) -> Result<void> {
        for (const QString &statement : statements) {
            QSqlQuery query(database);
            if (!query.exec(statement)) {
                return fail(u"test.sql"_s,
                            query.lastError().text() + u" in: "_s + statement.left(120));
            }
        }
        return {};
    });
}

Result<void> runRawSql(const QString &databasePath, const QString &statement,
                       const QVariantList &values)
{
    return withRawConnection(databasePath, [&](QSqlDatabase &database) -> Result<void> {
        QSqlQuery query(database);
        if (!query.prepare(statement))
            return fail(u"test.sql"_s, query.lastError().text() + u" in: "_s + statement.left(120));
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return fail(u"test.sql"_s, query.lastError().text() + u" in: "_s + statement.left(120));
        return {};
    });
}

Result<QList<QVariantList>> rawRows(const QString &databasePath, const QString &statement)
{
    QList<QVariantList> rows;
    Result<void> outcome = withRawConnection(databasePath,
                                             [&](QSqlDatabase &database) -> Result<void> {
                                                 QSqlQuery query(database);
                                                 if (!query.exec(statement))
                                                     return fail(u"test.sql"_s,
                                                                 query.lastError().text());
                                                 while (query.next()) {
                                                     QVariantList row;
                                                     for (int i = 0; i < query.record().count(); ++i)
                                                         row.append(query.value(i));
                                                     rows.append(row);
                                                 }
                                                 return {};
                                             });
    if (!outcome)
        return fail(outcome.error());
    return rows;
}

Result<void> loadSqlDump(const QString &databasePath, const QString &dump)
{
    return runRawSql(databasePath, splitSqlStatements(dump));
}

Result<QVariant> rawScalar(const QString &databasePath, const QString &statement)
{
    QVariant value;
    Result<void> outcome = withRawConnection(databasePath,
                                             [&](QSqlDatabase &database) -> Result<void> {
                                                 QSqlQuery query(database);
                                                 if (!query.exec(statement) || !query.next())
                                                     return fail(u"test.sql"_s,
                                                                 query.lastError().text());
                                                 value = query.value(0);
                                                 return {};
                                             });
    if (!outcome)
        return fail(outcome.error());
    return value;
}

QFuture<Result<QJsonObject>> workspaceSnapshot(Store &store)
{
    return store.read([](SqlSession &session) -> Result<QJsonObject> {
        Result<WorkspaceInfo> info = WorkspaceRepository::get(session);
        if (!info)
            return fail(info.error());
        QJsonObject snapshot;
        snapshot.insert(u"workspace"_s,
                        QJsonObject{{u"workspaceId"_s,
                                     info->workspaceId.toString(QUuid::WithoutBraces)},
                                    {u"createdAtMs"_s, double(info->createdAtMs)},
                                    {u"secretBackend"_s, info->secretBackend},
                                    {u"demoSeededAtMs"_s, optionalJson(info->demoSeededAtMs)}});
        Result<QList<Tenant>> tenants = TenantRepository::list(session);
        if (!tenants)
            return fail(tenants.error());
        QJsonArray tenantArray;
        for (const Tenant &tenant : std::as_const(*tenants))
            tenantArray << toJson(tenant);
        snapshot.insert(u"tenants"_s, tenantArray);

        Result<QList<Connection>> connections = ConnectionRepository::list(session);
        if (!connections)
            return fail(connections.error());
        QJsonArray connectionArray;
        QJsonArray secretArray;
        for (const Connection &connection : std::as_const(*connections)) {
            connectionArray << toJson(connection);
            Result<QList<SecretReference>> secrets = SecretReferenceRepository::list(session,
                                                                                     connection.id);
            if (!secrets)
                return fail(secrets.error());
            for (const SecretReference &reference : std::as_const(*secrets))
                secretArray << toJson(reference);
        }
        snapshot.insert(u"connections"_s, connectionArray);
        snapshot.insert(u"secretReferences"_s, secretArray);

        Result<QList<IdentityMapping>> mappings = IdentityMappingRepository::list(session, {});
        if (!mappings)
            return fail(mappings.error());
        QJsonArray mappingArray;
        for (const IdentityMapping &mapping : std::as_const(*mappings))
            mappingArray << toJson(mapping);
        snapshot.insert(u"identityMappings"_s, mappingArray);

        // Schema version 5 on: the receiver's inbound events, oldest first.
        InboundEventFilter everything;
        everything.limit = 1000;
        Result<QList<InboundEvent>> events = InboundEventRepository::list(session, everything);
        if (!events)
            return fail(events.error());
        QJsonArray eventArray;
        for (auto it = events->crbegin(); it != events->crend(); ++it)
            eventArray << toJson(*it);
        snapshot.insert(u"inboundEvents"_s, eventArray);

        // Schema version 8 on: OAuth clients, credential metadata and refresh leases (never a token).
        {
            Result<QJsonArray> credentials = tableRows(
                    session,
                    u"SELECT connection_id, token_type, scope, received_at_ms, lifetime_ms, "
                    "expires_at_ms, has_refresh_token, account_id, extra_json, updated_at_ms "
                    "FROM oauth_credentials ORDER BY connection_id"_s);
            if (!credentials)
                return fail(credentials.error());
            snapshot.insert(u"oauthCredentials"_s, *credentials);
            Result<QJsonArray> leases = tableRows(
                    session,
                    u"SELECT connection_id, holder, expires_at_ms FROM oauth_refresh_leases "
                    "ORDER BY connection_id"_s);
            if (!leases)
                return fail(leases.error());
            snapshot.insert(u"oauthRefreshLeases"_s, *leases);
            Result<QJsonArray> clients = tableRows(
                    session, u"SELECT connection_id, client_json, updated_at_ms FROM oauth_clients "
                             "ORDER BY connection_id"_s);
            if (!clients)
                return fail(clients.error());
            snapshot.insert(u"oauthClients"_s, *clients);
        }
        return snapshot;
    });
}

bool jsonContains(const QJsonValue &expected, const QJsonValue &actual, QString *where,
                  const QString &path)
{
    if (expected.isObject()) {
        if (!actual.isObject()) {
            *where = path + u": expected an object"_s;
            return false;
        }
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = e.constBegin(); it != e.constEnd(); ++it) {
            if (!a.contains(it.key())) {
                *where = path + u'.' + it.key() + u": missing"_s;
                return false;
            }
            if (!jsonContains(it.value(), a.value(it.key()), where, path + u'.' + it.key()))
                return false;
        }
        return true;
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        if (!actual.isArray() || a.size() != e.size()) {
            *where = u"%1: expected %2 elements, got %3"_s.arg(path).arg(e.size()).arg(a.size());
            return false;
        }
        for (qsizetype i = 0; i < e.size(); ++i) {
            if (!jsonContains(e.at(i), a.at(i), where, u"%1[%2]"_s.arg(path).arg(i)))
                return false;
        }
        return true;
    }
    if (expected != actual) {
        *where = u"%1: expected %2, got %3"_s.arg(path, expected.toVariant().toString(),
                                                  actual.toVariant().toString());
        return false;
    }
    return true;
}

Result<void> fillStandardData(Store &store)
{
    Result<void> failure;
    // The demo is seeded and then deleted: an upgrade must not bring it back.
    waitValue(store.seedDemoWorkspace(), failure);
    const QList<Tenant> seeded = waitValue(store.tenants(), failure);
    for (const Tenant &tenant : seeded)
        waitDone(store.removeTenant(tenant.id), failure);

    Tenant globex;
    globex.displayName = u"Globex Corporation"_s;
    globex.externalReference = u"globex"_s;
    globex.notes = u"Notes with 'quotes'; a semicolon and ünïcödé"_s;
    globex = waitValue(store.addTenant(globex), failure);
    Tenant initech;
    initech.displayName = u"Initech"_s;
    initech = waitValue(store.addTenant(initech), failure);
    Tenant umbrella;
    umbrella.displayName = u"Umbrella"_s;
    umbrella.externalReference = u"umbrella-42"_s;
    umbrella = waitValue(store.addTenant(umbrella), failure);

    Connection github;
    github.tenantId = globex.id;
    github.providerId = u"github"_s;
    github.settings.baseUrl = QUrl(u"https://api.github.com"_s);
    github.settings.forwardTargetUrl = QUrl(u"http://127.0.0.1:9000/hooks/github"_s);
    github.settings.retryPolicy = u"Svix"_s;
    github.settings.rateLimits.requestsPerSecond = 5.5;
    github.settings.rateLimits.burst = 10;
    github.settings.rateLimits.concurrencyLimit = 2;
    github.status = ConnectionStatus::Authorized;
    github.tokenExpiresAtMs = 1'700'003'600'000;
    github = waitValue(store.addConnection(github), failure);
    github = waitValue(store.recordConnectionCheck(github.id, 1'700'000'100'000,
                                                   u"200 OK from GET /app"_s),
                       failure);
    Connection slack;
    slack.tenantId = globex.id;
    slack.providerId = u"slack"_s;
    slack.label = u"EU workspace"_s;
    slack = waitValue(store.addConnection(slack), failure);
    Connection stripe;
    stripe.tenantId = initech.id;
    stripe.providerId = u"stripe"_s;
    stripe.status = ConnectionStatus::Revoked;
    stripe = waitValue(store.addConnection(stripe), failure);
    // Schema version 11: a handshake verify token (Meta's hub.verify_token).
    Connection meta;
    meta.tenantId = umbrella.id;
    meta.providerId = u"meta"_s;
    meta.settings.handshakeVerifyToken = u"meatyhamhock"_s;
    meta = waitValue(store.addConnection(meta), failure);

    const auto mapping = [&](const QString &provider, const QString &account, qint64 tenantId,
                             std::optional<qint64> connectionId) {
        IdentityMapping m;
        m.providerId = provider;
        m.externalAccountId = account;
        m.tenantId = tenantId;
        m.connectionId = connectionId;
        m.note = u"fixture"_s;
        waitValue(store.addIdentityMapping(m), failure);
    };
    mapping(u"github"_s, u"4242"_s, globex.id, github.id);
    mapping(u"slack"_s, u"T0001"_s, globex.id, slack.id);
    mapping(u"stripe"_s, u"acct_1Initech"_s, initech.id, std::nullopt);
    mapping(u"shopify"_s, u"umbrella.myshopify.com"_s, umbrella.id, std::nullopt);

    const auto reference = [&](qint64 connectionId, SecretKind kind, SecretSlot slot) {
        SecretReference r;
        r.key = SecretKey{connectionId, kind, slot};
        r.backend = u"keychain"_s;
        r.keyName = u"fixture/connection/%1/%2/%3"_s.arg(connectionId)
                            .arg(nameOf(kind), nameOf(slot));
        waitValue(store.putSecretReference(r), failure);
    };
    reference(github.id, SecretKind::WebhookSigningSecret, SecretSlot::Primary);
    reference(github.id, SecretKind::WebhookSigningSecret, SecretSlot::Secondary);
    reference(github.id, SecretKind::AccessToken, SecretSlot::Primary);
    reference(stripe.id, SecretKind::RefreshToken, SecretSlot::Primary);

    // Inbound events (schema version 5): bytes that are not UTF-8, a duplicate, a failed
    // verification, a handshake, an unmatched event.
    const auto inbound = [&](InboundEvent event, const QString &dedupScope) {
        waitValue(store.write([event, dedupScope](SqlSession &session) {
            return InboundEventRepository::insert(session, event, dedupScope);
        }),
                  failure);
    };
    InboundEvent push;
    push.receivedAtMs = 1'700'000'200'000;
    push.route = InboundRoute::Connection;
    push.connectionId = github.id;
    push.providerId = u"github"_s;
    push.peerAddress = u"127.0.0.1"_s;
    push.request.method = "POST";
    push.requestTarget = "/hooks/"_ba + QByteArray::number(github.id) + "?x=%FF";
    push.request.url = "http://127.0.0.1:8480"_ba + push.requestTarget;
    push.request.headers = {{"Host", "127.0.0.1:8480"},
                            {"X-GitHub-Event", "push"},
                            {"X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"},
                            {"X-Hub-Signature-256", "sha256=00ff"},
                            {"X-Latin1", "caf\xe9"}};
    push.request.body = "{\"installation\":{\"id\":4242},\"name\":\"caf\xe9 \xf0\x9f\x98\x80\"}"_ba;
    push.bodySize = push.request.body.size();
    push.verdict = InboundVerdict::Verified;
    push.verificationReason = u"verified"_s;
    push.verificationExplanation = u"HMAC-SHA256 in X-Hub-Signature-256 matched slot 1"_s;
    push.tenantId = globex.id;
    push.identityOutcome = u"matched"_s;
    push.identityValue = u"4242"_s;
    push.resolutionExplanation = u"JSON pointer /installation/id = 4242"_s;
    push.providerEventId = u"72d3162e-cc78-11e3-81ab-4c9367dc0958"_s;
    push.eventType = u"push"_s;
    push.responseStatus = 200;
    push.forwardingState = ForwardingState::Pending;
    push.forwardingNote = u"To be forwarded to http://127.0.0.1:9000/hooks/github."_s;
    const QString githubScope = u"connection:%1"_s.arg(github.id);
    inbound(push, githubScope);
    InboundEvent again = push;
    again.receivedAtMs += 5'000;
    inbound(again, githubScope); // a duplicate: counted on the first row

    InboundEvent forged = push;
    forged.receivedAtMs += 10'000;
    forged.verdict = InboundVerdict::Failed;
    forged.verificationReason = u"mismatch"_s;
    forged.verificationExplanation = u"no secret matched"_s;
    forged.responseStatus = 401;
    forged.forwardingState = ForwardingState::None;
    forged.forwardingNote.clear();
    inbound(forged, githubScope);

    InboundEvent handshake;
    handshake.receivedAtMs = 1'700'000'300'000;
    handshake.route = InboundRoute::Provider;
    handshake.providerId = u"microsoft-graph"_s;
    handshake.request.method = "POST";
    handshake.requestTarget = "/hooks/p/microsoft-graph?validationToken=a%2Bb"_ba;
    handshake.request.url = "http://127.0.0.1:8480"_ba + handshake.requestTarget;
    handshake.request.headers = {{"Host", "127.0.0.1:8480"}, {"Content-Length", "0"}};
    handshake.request.body = ""_ba;
    handshake.handshake = true;
    handshake.handshakeKind = u"graph_validation_token"_s;
    handshake.verdict = InboundVerdict::Unsigned;
    handshake.verificationReason = u"unsigned"_s;
    handshake.responseStatus = 200;
    inbound(handshake, u"provider:microsoft-graph"_s);

    InboundEvent unmatched;
    unmatched.receivedAtMs = 1'700'000'400'000;
    unmatched.route = InboundRoute::Provider;
    unmatched.providerId = u"stripe"_s;
    unmatched.request.method = "POST";
    unmatched.requestTarget = "/hooks/p/stripe"_ba;
    unmatched.request.url = "http://127.0.0.1:8480/hooks/p/stripe"_ba;
    unmatched.request.headers = {{"Stripe-Signature", "t=1,v1=ab"}};
    unmatched.request.body = "{\"id\":\"evt_1\",\"account\":\"acct_9\"}"_ba;
    unmatched.bodySize = unmatched.request.body.size();
    unmatched.verdict = InboundVerdict::Verified;
    unmatched.verificationReason = u"verified"_s;
    unmatched.identityOutcome = u"no_mapping"_s;
    unmatched.identityValue = u"acct_9"_s;
    unmatched.resolutionExplanation = u"No identity mapping for stripe account acct_9."_s;
    unmatched.providerEventId = u"evt_1"_s;
    unmatched.eventType = u"charge.succeeded"_s;
    unmatched.responseStatus = 200;
    unmatched.forwardingNote = u"Not forwarded: no tenant matched."_s;
    inbound(unmatched, u"provider:stripe"_s);

    // OAuth (schema version 8): the GitHub connection's client settings, its token's metadata (the
    // token itself is in the keychain) and a refresh lease held by another process.
    {
        const qint64 githubId = github.id;
        waitDone(store.write([githubId](SqlSession &session) -> Result<void> {
            Result<void> credential = session.execute(
                    u"INSERT INTO oauth_credentials (connection_id, token_type, scope, "
                    "received_at_ms, lifetime_ms, expires_at_ms, has_refresh_token, account_id, "
                    "extra_json, updated_at_ms) VALUES (?, 'bearer', 'repo read:org', "
                    "1700000000000, 28800000, 1700028740000, 1, '4242', "
                    "'{\"installation_id\":\"4242\",\"name\":\"caf\u00e9\"}', ?)"_s,
                    {githubId, session.nowMs()});
            if (!credential)
                return credential;
            Result<void> client = session.execute(
                    u"INSERT INTO oauth_clients (connection_id, client_json, updated_at_ms) "
                    "VALUES (?, '{\"profile\":\"github\",\"client_id\":\"Iv1.8a61f9b3a7aba766\","
                    "\"token_endpoint_auth_method\":\"client_secret_post\"}', ?)"_s,
                    {githubId, session.nowMs()});
            if (!client)
                return client;
            return session.execute(u"INSERT INTO oauth_refresh_leases (connection_id, holder, "
                                   "expires_at_ms) VALUES (?, 'host-a/4711/{fixture}', "
                                   "1700000030000)"_s,
                                   {githubId});
        }),
                 failure);
    }
    return failure;
}

} // namespace wb::test
