// SPDX-License-Identifier: GPL-3.0-or-later
// Tenants, connections, identity mappings and secret references through the Store: what is stored,
// the change signals, cascades and the demo seed (bad input: tst_validation.cpp).
#include "storetestutil.h"

#include "support/futures.h"
#include "support/results.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

class TestRepositories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void tenantIsStoredWithTimesAndSignals();
    void tenantsAreListedByNameIgnoringCase();
    void connectionKeepsEverySetting();
    void connectionStatusAndCheckAreRecorded();
    void secretReferenceIsReplacedInPlace();
    void removingATenantRemovesWhatHangsOffIt();
    void removingAConnectionDetachesItsMappings();
    void overviewsGroupConnectionsByTenant();
    void demoIsSeededOnceEver();
    void demoIsNotSeededIntoAWorkspaceWithTenants();

private:
    std::unique_ptr<wb::test::TempWorkspace> m_ws;
    Tenant m_acme;
    Tenant m_beta;
    Connection m_acmeGithub;
};

void TestRepositories::init()
{
    m_ws = std::make_unique<wb::test::TempWorkspace>();
    QVERIFY(m_ws->open());
    Store &store = *m_ws->store;
    Tenant acme;
    acme.displayName = u"Acme"_s;
    acme.externalReference = u"acme-1"_s;
    WB_AWAIT_OK(acmeAdded, store.addTenant(acme));
    m_acme = *acmeAdded;
    Tenant beta;
    beta.displayName = u"Beta"_s;
    WB_AWAIT_OK(betaAdded, store.addTenant(beta));
    m_beta = *betaAdded;
    Connection github;
    github.tenantId = m_acme.id;
    github.providerId = u"github"_s;
    WB_AWAIT_OK(githubAdded, store.addConnection(github));
    m_acmeGithub = *githubAdded;
    Connection slack;
    slack.tenantId = m_beta.id;
    slack.providerId = u"slack"_s;
    WB_AWAIT_OK(slackAdded, store.addConnection(slack));
    IdentityMapping mapping;
    mapping.providerId = u"github"_s;
    mapping.externalAccountId = u"111"_s;
    mapping.tenantId = m_acme.id;
    mapping.connectionId = m_acmeGithub.id;
    WB_AWAIT_OK(mapped, store.addIdentityMapping(mapping));
    wb::test::deliverPostedEvents();
}

void TestRepositories::cleanup()
{
    m_ws.reset();
}

void TestRepositories::tenantIsStoredWithTimesAndSignals()
{
    Store &store = *m_ws->store;
    QSignalSpy added(&store, &Store::tenantAdded);
    QSignalSpy updated(&store, &Store::tenantUpdated);
    m_ws->clock.setNowMs(1'760'000'000'000);
    Tenant tenant;
    tenant.displayName = u"  Initech  "_s;
    tenant.externalReference = u"ini-7"_s;
    tenant.notes = u"Pays on time."_s;
    WB_AWAIT_OK(stored, store.addTenant(tenant));
    QVERIFY(stored->id > m_beta.id);
    QCOMPARE(stored->displayName, u"Initech"_s); // trimmed
    QCOMPARE(stored->createdAtMs, 1'760'000'000'000);
    QCOMPARE(stored->updatedAtMs, 1'760'000'000'000);
    QTRY_COMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).value<Tenant>(), *stored);

    m_ws->clock.advanceMs(5000);
    Tenant changed = *stored;
    changed.notes = u"Pays late."_s;
    changed.createdAtMs = 1; // ignored
    WB_AWAIT_OK(afterUpdate, store.updateTenant(changed));
    QCOMPARE(afterUpdate->notes, u"Pays late."_s);
    QCOMPARE(afterUpdate->createdAtMs, 1'760'000'000'000);
    QCOMPARE(afterUpdate->updatedAtMs, 1'760'000'005'000);
    QTRY_COMPARE(updated.count(), 1);
    QCOMPARE(updated.at(0).at(0).value<Tenant>(), *afterUpdate);
    WB_AWAIT_OK(readBack, store.tenant(stored->id));
    QCOMPARE(*readBack, *afterUpdate);
}

void TestRepositories::tenantsAreListedByNameIgnoringCase()
{
    Store &store = *m_ws->store;
    for (const QString &name : {u"zeta"_s, u"alpha"_s, u"Charlie"_s}) {
        Tenant tenant;
        tenant.displayName = name;
        WB_AWAIT_OK(added, store.addTenant(tenant));
    }
    WB_AWAIT_OK(tenants, store.tenants());
    QStringList names;
    for (const Tenant &tenant : *tenants)
        names << tenant.displayName;
    QCOMPARE(names, (QStringList{u"Acme"_s, u"alpha"_s, u"Beta"_s, u"Charlie"_s, u"zeta"_s}));
}

void TestRepositories::connectionKeepsEverySetting()
{
    Store &store = *m_ws->store;
    QSignalSpy added(&store, &Store::connectionAdded);
    Connection connection;
    connection.tenantId = m_beta.id;
    connection.providerId = u"shopify"_s;
    connection.label = u"EU store"_s;
    connection.settings.baseUrl = QUrl(u"https://beta-eu.myshopify.com/admin/api/2024-07"_s);
    connection.settings.forwardTargetUrl = QUrl(u"http://127.0.0.1:9000/in?x=1"_s);
    connection.settings.retryPolicy = u"Standard Webhooks"_s;
    connection.settings.rateLimits = RateLimitOverrides{2.5, 40, 4};
    connection.status = ConnectionStatus::Expiring;
    connection.tokenExpiresAtMs = 1'750'000'600'000;
    WB_AWAIT_OK(stored, store.addConnection(connection));
    QVERIFY(stored->id > 0);
    QCOMPARE(stored->settings, connection.settings);
    QCOMPARE(stored->status, ConnectionStatus::Expiring);
    QCOMPARE(stored->tokenExpiresAtMs, std::optional<qint64>(1'750'000'600'000));
    QCOMPARE(stored->label, u"EU store"_s);
    QTRY_COMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).value<Connection>(), *stored);

    // The same provider again for the same tenant needs another label.
    Connection second = connection;
    second.label = u"US store"_s;
    second.settings = {};
    WB_AWAIT_OK(secondStored, store.addConnection(second));
    QCOMPARE(secondStored->settings.rateLimits, RateLimitOverrides{});
    QVERIFY(secondStored->settings.baseUrl.isEmpty());

    ConnectionSettings settings = connection.settings;
    settings.rateLimits.requestsPerSecond.reset();
    settings.retryPolicy.clear();
    WB_AWAIT_OK(relabelled, store.updateConnectionSettings(stored->id, u"EU"_s, settings));
    QCOMPARE(relabelled->label, u"EU"_s);
    QCOMPARE(relabelled->settings, settings);
    QCOMPARE(relabelled->status, ConnectionStatus::Expiring); // settings do not touch the status
}

void TestRepositories::connectionStatusAndCheckAreRecorded()
{
    Store &store = *m_ws->store;
    QSignalSpy updated(&store, &Store::connectionUpdated);
    WB_AWAIT_OK(authorized, store.setConnectionStatus(m_acmeGithub.id, ConnectionStatus::Authorized,
                                                      1'750'003'600'000));
    QCOMPARE(authorized->status, ConnectionStatus::Authorized);
    QCOMPARE(authorized->tokenExpiresAtMs, std::optional<qint64>(1'750'003'600'000));
    WB_AWAIT_OK(checked, store.recordConnectionCheck(m_acmeGithub.id, 1'750'000'100'000,
                                                     u" 401 Bad credentials \n"_s));
    QCOMPARE(checked->lastCheckedAtMs, std::optional<qint64>(1'750'000'100'000));
    QCOMPARE(checked->lastCheckResult, u"401 Bad credentials"_s);
    QCOMPARE(checked->status, ConnectionStatus::Authorized);
    WB_AWAIT_OK(revoked, store.setConnectionStatus(m_acmeGithub.id, ConnectionStatus::Revoked,
                                                   std::nullopt));
    QVERIFY(!revoked->tokenExpiresAtMs);
    QCOMPARE(revoked->lastCheckResult, u"401 Bad credentials"_s);
    QTRY_COMPARE(updated.count(), 3);
    QCOMPARE(updated.at(2).at(0).value<Connection>().status, ConnectionStatus::Revoked);
}

void TestRepositories::secretReferenceIsReplacedInPlace()
{
    Store &store = *m_ws->store;
    QSignalSpy put(&store, &Store::secretReferencePut);
    QSignalSpy removed(&store, &Store::secretReferenceRemoved);
    SecretReference reference;
    reference.key = {m_acmeGithub.id, SecretKind::WebhookSigningSecret, SecretSlot::Secondary};
    reference.backend = u"keychain"_s;
    reference.keyName = u"k1"_s;
    WB_AWAIT_OK(first, store.putSecretReference(reference));
    QCOMPARE(first->createdAtMs, 1'750'000'000'000);
    m_ws->clock.advanceMs(1000);
    reference.keyName = u"k2"_s;
    WB_AWAIT_OK(second, store.putSecretReference(reference));
    QCOMPARE(second->keyName, u"k2"_s);
    QCOMPARE(second->createdAtMs, 1'750'000'000'000);
    QCOMPARE(second->updatedAtMs, 1'750'000'001'000);
    WB_AWAIT_OK(all, store.secretReferences(m_acmeGithub.id));
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->at(0), *second);
    WB_AWAIT_OK(gone, store.removeSecretReference(reference.key));
    QCOMPARE(*gone, true);
    WB_AWAIT_OK(goneAgain, store.removeSecretReference(reference.key));
    QCOMPARE(*goneAgain, false);
    WB_AWAIT_OK(found, store.secretReference(reference.key));
    QVERIFY(!found->has_value());
    QTRY_COMPARE(removed.count(), 1);
    QCOMPARE(put.count(), 2);
    QCOMPARE(removed.at(0).at(0).value<SecretReference>(), *second);
}

void TestRepositories::removingATenantRemovesWhatHangsOffIt()
{
    Store &store = *m_ws->store;
    SecretReference reference;
    reference.key = {m_acmeGithub.id, SecretKind::AccessToken, SecretSlot::Primary};
    reference.backend = u"keychain"_s;
    reference.keyName = u"token"_s;
    WB_AWAIT_OK(put, store.putSecretReference(reference));
    wb::test::deliverPostedEvents();

    QStringList events;
    connect(&store, &Store::identityMappingRemoved, this,
            [&](qint64 id, qint64 tenant) { events << u"mapping %1 of %2"_s.arg(id).arg(tenant); });
    connect(&store, &Store::secretReferenceRemoved, this, [&](const SecretReference &r) {
        events << u"secret %1/%2"_s.arg(r.key.connectionId).arg(nameOf(r.key.kind));
    });
    connect(&store, &Store::connectionRemoved, this, [&](qint64 id, qint64 tenant) {
        events << u"connection %1 of %2"_s.arg(id).arg(tenant);
    });
    connect(&store, &Store::identityMappingUpdated, this,
            [&](const IdentityMapping &m) { events << u"mapping %1 updated"_s.arg(m.id); });
    connect(&store, &Store::tenantRemoved, this,
            [&](qint64 id) { events << u"tenant %1"_s.arg(id); });

    WB_AWAIT_OK(removed, store.removeTenant(m_acme.id));
    QTRY_COMPARE(events.size(), 4);
    QCOMPARE(events, (QStringList{u"mapping 1 of %1"_s.arg(m_acme.id),
                                  u"secret %1/access_token"_s.arg(m_acmeGithub.id),
                                  u"connection %1 of %2"_s.arg(m_acmeGithub.id).arg(m_acme.id),
                                  u"tenant %1"_s.arg(m_acme.id)}));
    WB_AWAIT_OK(snapshot, wb::test::workspaceSnapshot(store));
    QCOMPARE(snapshot->value(u"tenants"_s).toArray().size(), 1);
    QCOMPARE(snapshot->value(u"connections"_s).toArray().size(), 1); // Beta's
    QCOMPARE(snapshot->value(u"identityMappings"_s).toArray().size(), 0);
    QCOMPARE(snapshot->value(u"secretReferences"_s).toArray().size(), 0);
    WB_AWAIT(again, store.removeTenant(m_acme.id));
    QCOMPARE(errorCode(again), u"store.unknown_tenant"_s);
}

void TestRepositories::removingAConnectionDetachesItsMappings()
{
    Store &store = *m_ws->store;
    QSignalSpy mappingUpdated(&store, &Store::identityMappingUpdated);
    QSignalSpy connectionRemoved(&store, &Store::connectionRemoved);
    WB_AWAIT_OK(removed, store.removeConnection(m_acmeGithub.id));
    QTRY_COMPARE(connectionRemoved.count(), 1);
    QCOMPARE(mappingUpdated.count(), 1);
    const IdentityMapping detached = mappingUpdated.at(0).at(0).value<IdentityMapping>();
    QCOMPARE(detached.externalAccountId, u"111"_s);
    QCOMPARE(detached.tenantId, m_acme.id);
    QVERIFY(!detached.connectionId);
    WB_AWAIT_OK(resolution, store.resolveIdentity({u"github"_s, u"111"_s, u"header X-Test"_s}));
    QCOMPARE(resolution->tenant->id, m_acme.id);
    QVERIFY(!resolution->mapping->connectionId);
}

void TestRepositories::overviewsGroupConnectionsByTenant()
{
    Store &store = *m_ws->store;
    Tenant lonely;
    lonely.displayName = u"Lonely"_s;
    WB_AWAIT_OK(added, store.addTenant(lonely));
    Connection stripe;
    stripe.tenantId = m_acme.id;
    stripe.providerId = u"stripe"_s;
    WB_AWAIT_OK(stripeAdded, store.addConnection(stripe));
    WB_AWAIT_OK(overviews, store.tenantOverviews());
    QCOMPARE(overviews->size(), 3);
    QCOMPARE(overviews->at(0).tenant, m_acme);
    QCOMPARE(overviews->at(0).connections.size(), 2);
    QCOMPARE(overviews->at(0).connections.at(0).providerId, u"github"_s);
    QCOMPARE(overviews->at(0).connections.at(1).providerId, u"stripe"_s);
    QCOMPARE(overviews->at(1).tenant, m_beta);
    QCOMPARE(overviews->at(1).connections.size(), 1);
    QCOMPARE(overviews->at(2).tenant.displayName, u"Lonely"_s);
    QVERIFY(overviews->at(2).connections.isEmpty());
}

void TestRepositories::demoIsSeededOnceEver()
{
    wb::test::TempWorkspace fresh;
    QVERIFY(fresh.open());
    Store &store = *fresh.store;
    QSignalSpy seededSignal(&store, &Store::demoSeeded);
    QSignalSpy tenantAdded(&store, &Store::tenantAdded);
    WB_AWAIT_OK(first, store.seedDemoWorkspace());
    QCOMPARE(*first, true);
    QTRY_COMPARE(seededSignal.count(), 1);
    QCOMPARE(tenantAdded.count(), 1);

    WB_AWAIT_OK(overviews, store.tenantOverviews());
    QCOMPARE(overviews->size(), 1);
    const TenantOverview demo = overviews->first();
    QCOMPARE(demo.tenant.displayName, u"Acme Corp (demo)"_s);
    QCOMPARE(seededSignal.at(0).at(0).toLongLong(), demo.tenant.id);
    QCOMPARE(demo.connections.size(), 1);
    QCOMPARE(demo.connections.first().providerId, u"github"_s);
    QCOMPARE(demo.connections.first().status, ConnectionStatus::Unauthorized);
    QCOMPARE(demo.connections.first().settings.baseUrl, QUrl(u"https://api.github.com"_s));
    WB_AWAIT_OK(resolution, store.resolveIdentity({u"github"_s, u"12345678"_s,
                                                   u"JSON pointer /installation/id of the body"_s}));
    QCOMPARE(resolution->outcome, IdentityResolution::Outcome::Matched);
    QCOMPARE(resolution->tenant->id, demo.tenant.id);
    QCOMPARE(resolution->mapping->connectionId, std::optional<qint64>(demo.connections.first().id));

    WB_AWAIT_OK(second, store.seedDemoWorkspace());
    QCOMPARE(*second, false);
    WB_AWAIT_OK(removed, store.removeTenant(demo.tenant.id));
    // Deleted by the user, and the workspace reopened: it stays deleted.
    QVERIFY(fresh.open());
    WB_AWAIT_OK(third, fresh.store->seedDemoWorkspace());
    QCOMPARE(*third, false);
    WB_AWAIT_OK(tenants, fresh.store->tenants());
    QVERIFY(tenants->isEmpty());
    QVERIFY(fresh.store->workspaceInfo().demoSeededAtMs.has_value());
}

void TestRepositories::demoIsNotSeededIntoAWorkspaceWithTenants()
{
    Store &store = *m_ws->store;
    WB_AWAIT_OK(seeded, store.seedDemoWorkspace());
    QCOMPARE(*seeded, false);
    WB_AWAIT_OK(tenants, store.tenants());
    QCOMPARE(tenants->size(), 2);
    QVERIFY(m_ws->open());
    QVERIFY(m_ws->store->workspaceInfo().demoSeededAtMs.has_value());
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
