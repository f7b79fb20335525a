// SPDX-License-Identifier: GPL-3.0-or-later
#include "dispatchharness.h"

#include "support/futures.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace wb::test {

namespace {

template<typename T>
Result<T> await(const QFuture<Result<T>> &future)
{
    if (!waitForFinished(future, 15'000))
        return fail(u"test.timeout"_s, u"the store did not answer within 15 s"_s);
    return future.result();
}

} // namespace

QFuture<Result<QByteArray>> FakeCredentials::authorization(qint64)
{
    return QtFuture::makeReadyFuture(Result<QByteArray>(authorizationValue));
}

QFuture<Result<QByteArray>> FakeCredentials::webhookSigningSecret(qint64 connectionId)
{
    if (failSecret)
        return QtFuture::makeReadyFuture(Result<QByteArray>(
                fail(u"secrets.not_found"_s,
                     u"no webhook signing secret (primary) of connection %1"_s.arg(connectionId))));
    return QtFuture::makeReadyFuture(Result<QByteArray>(signingSecret));
}

QFuture<Result<void>> FakeRefresher::refresh(qint64 connectionId)
{
    calls.append(connectionId);
    if (!succeed)
        return QtFuture::makeReadyFuture(
                Result<void>(fail(u"oauth.refresh_rejected"_s,
                                  u"invalid_grant: the refresh token was revoked"_s)));
    m_credentials.authorizationValue = nextToken;
    return QtFuture::makeReadyFuture(Result<void>());
}

DispatchHarness::DispatchHarness(qint64 startMs)
    : clock(startMs)
{}

DispatchHarness::~DispatchHarness()
{
    dispatcher.reset();
    store.reset();
}

bool DispatchHarness::open()
{
    if (where.location().isEmpty()) {
        error = where.error();
        return false;
    }
    Result<std::unique_ptr<Store>> opened = openWorkspace(where.location(), StoreServices{&clock});
    if (!opened) {
        error = opened.error().message;
        return false;
    }
    store = std::move(*opened);
    if (!sink.isListening() && !sink.listen()) {
        error = u"the sink cannot listen"_s;
        return false;
    }
    return true;
}

DispatcherOptions DispatchHarness::testOptions()
{
    DispatcherOptions options;
    options.workerId = u"test-worker"_s;
    options.attemptTimeoutMs = 2'000;
    options.leaseMarginMs = 1'000;
    options.idlePollMs = 60'000;
    return options;
}

bool DispatchHarness::startDispatcher(const DispatcherOptions &options)
{
    DispatcherServices services;
    services.store = store.get();
    services.clock = &clock;
    services.random = &random;
    services.network = &network;
    services.credentials = credentialsOverride ? credentialsOverride : &credentials;
    services.tokenRefresher = &refresher;
    Result<std::unique_ptr<Dispatcher>> created = Dispatcher::create(services, options);
    if (!created) {
        error = created.error().message;
        return false;
    }
    dispatcher = std::move(*created);
    dispatcher->start();
    return true;
}

qint64 DispatchHarness::addConnection(const QString &providerId, const ConnectionSettings &settings)
{
    Tenant tenant;
    tenant.displayName = u"Tenant %1 for %2"_s.arg(++tenantsAdded).arg(providerId);
    Result<Tenant> added = await(store->addTenant(tenant));
    if (!added) {
        error = added.error().message;
        return 0;
    }
    Connection connection;
    connection.tenantId = added->id;
    connection.providerId = providerId;
    connection.settings = settings;
    connection.status = ConnectionStatus::Authorized;
    Result<Connection> connected = await(store->addConnection(connection));
    if (!connected) {
        error = connected.error().message;
        return 0;
    }
    return connected->id;
}

Result<Delivery> DispatchHarness::enqueue(const NewDelivery &delivery)
{
    return await(dispatcher->enqueue(delivery));
}

NewDelivery DispatchHarness::toSink(std::optional<qint64> connectionId) const
{
    NewDelivery delivery;
    delivery.connectionId = connectionId;
    delivery.url = sink.url();
    delivery.headers = HttpHeaders{{"Content-Type", "application/json"}};
    delivery.body = R"({"type":"invoice.paid","data":{"id":"in_1"}})"_ba;
    return delivery;
}

Result<Delivery> DispatchHarness::reload(qint64 deliveryId)
{
    return await(dispatcher->delivery(deliveryId));
}

Result<QList<AttemptRecord>> DispatchHarness::attempts(qint64 deliveryId)
{
    return await(dispatcher->attempts(deliveryId));
}

Result<Connection> DispatchHarness::connection(qint64 connectionId)
{
    return await(store->connection(connectionId));
}

} // namespace wb::test
