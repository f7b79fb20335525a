// SPDX-License-Identifier: GPL-3.0-or-later
// Identity mapping: (provider, external account id) → tenant. Conflicts name the tenant that holds
// the account; a lookup explains which field was read, which value, and which mapping matched or why
// none did.
#include "storetestutil.h"

#include "support/futures.h"
#include "support/results.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

class TestIdentityMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void secondMappingOfAnAccountIsRefused_data();
    void secondMappingOfAnAccountIsRefused();
    void lookupExplainsItself_data();
    void lookupExplainsItself();
    void lookupNeedsAProvider();
    void mappingCanMoveToAnotherTenant();

private:
    IdentityMapping map(const QString &provider, const QString &account, qint64 tenantId);

    std::unique_ptr<wb::test::TempWorkspace> m_ws;
    QHash<QString, Tenant> m_tenants;
    QHash<QString, IdentityMapping> m_mappings;
};

IdentityMapping TestIdentityMapping::map(const QString &provider, const QString &account,
                                         qint64 tenantId)
{
    IdentityMapping mapping;
    mapping.providerId = provider;
    mapping.externalAccountId = account;
    mapping.tenantId = tenantId;
    return mapping;
}

void TestIdentityMapping::init()
{
    m_ws = std::make_unique<wb::test::TempWorkspace>();
    QVERIFY(m_ws->open());
    Store &store = *m_ws->store;
    for (const QString &name : {u"Acme"_s, u"Globex"_s, u"Initech"_s}) {
        Tenant tenant;
        tenant.displayName = name;
        WB_AWAIT_OK(added, store.addTenant(tenant));
        m_tenants.insert(name, *added);
    }
    // GitHub installation ids (installation.id), Shopify shop domains (X-Shopify-Shop-Domain),
    // Slack team ids (team_id): the identity fields of FACTS.md.
    const QList<std::tuple<QString, QString, QString>> mappings = {
            {u"github"_s, u"4242"_s, u"Acme"_s},
            {u"github"_s, u"5151"_s, u"Globex"_s},
            {u"shopify"_s, u"acme-store.myshopify.com"_s, u"Acme"_s},
            {u"slack"_s, u"T024BE7LD"_s, u"Initech"_s},
    };
    for (const auto &[provider, account, tenant] : mappings) {
        WB_AWAIT_OK(added, store.addIdentityMapping(map(provider, account, m_tenants[tenant].id)));
        m_mappings.insert(provider + u'/' + account, *added);
    }
}

void TestIdentityMapping::cleanup()
{
    m_ws.reset();
    m_tenants.clear();
    m_mappings.clear();
}

void TestIdentityMapping::secondMappingOfAnAccountIsRefused_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("same-account-for-another-tenant")
            << u"github"_s << u"4242"_s << u"Initech"_s << u"store.identity_mapping_conflict"_s
            << u"The github account \"4242\" is already mapped to tenant \"Acme\" (tenant id 1, "
               "mapping id 1)."_s;
    QTest::newRow("same-account-for-the-same-tenant")
            << u"github"_s << u"5151"_s << u"Globex"_s << u"store.identity_mapping_conflict"_s
            << u"The github account \"5151\" is already mapped to tenant \"Globex\" (tenant id 2, "
               "mapping id 2)."_s;
    QTest::newRow("same-shop-domain-for-another-tenant")
            << u"shopify"_s << u"acme-store.myshopify.com"_s << u"Globex"_s
            << u"store.identity_mapping_conflict"_s
            << u"The shopify account \"acme-store.myshopify.com\" is already mapped to tenant "
               "\"Acme\" (tenant id 1, mapping id 3)."_s;
    QTest::newRow("same-value-under-another-provider-is-another-account")
            << u"stripe"_s << u"4242"_s << u"Initech"_s << QString() << QString();
    QTest::newRow("letter-case-differs-is-another-account")
            << u"slack"_s << u"t024be7ld"_s << u"Globex"_s << QString() << QString();
}

void TestIdentityMapping::secondMappingOfAnAccountIsRefused()
{
    QFETCH(QString, provider);
    QFETCH(QString, account);
    QFETCH(QString, tenant);
    QFETCH(QString, errorCode);
    QFETCH(QString, message);
    Store &store = *m_ws->store;
    WB_AWAIT_OK(before, store.identityMappings());

    WB_AWAIT(added, store.addIdentityMapping(map(provider, account, m_tenants[tenant].id)));
    if (errorCode.isEmpty()) {
        QVERIFY2(added, qPrintable(errorMessage(added)));
        QCOMPARE(added->tenantId, m_tenants[tenant].id);
        WB_AWAIT_OK(after, store.identityMappings());
        QCOMPARE(after->size(), before->size() + 1);
        return;
    }
    QCOMPARE(wb::test::errorCode(added), errorCode);
    QCOMPARE(errorMessage(added), message);
    WB_AWAIT_OK(after, store.identityMappings());
    QCOMPARE(*after, *before);

    // Updating another mapping onto the taken account is refused the same way.
    IdentityMapping other = m_mappings.value(u"slack/T024BE7LD"_s);
    other.providerId = provider;
    other.externalAccountId = account;
    WB_AWAIT(updated, store.updateIdentityMapping(other));
    QCOMPARE(wb::test::errorCode(updated), errorCode);
    WB_AWAIT_OK(afterUpdate, store.identityMappings());
    QCOMPARE(*afterUpdate, *before);
}

void TestIdentityMapping::lookupExplainsItself_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<std::optional<QString>>("value");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<int>("providerMappings");
    QTest::addColumn<QString>("explanation");

    const QString installation = u"JSON pointer /installation/id of the body"_s;
    const QString shopHeader = u"header X-Shopify-Shop-Domain"_s;
    QTest::newRow("github-installation-matched")
            << u"github"_s << std::optional<QString>(u"4242"_s) << installation << u"matched"_s
            << u"Acme"_s << 2
            << u"Read JSON pointer /installation/id of the body: \"4242\". Identity mapping 1 maps "
               "github account \"4242\" to tenant \"Acme\" (id 1)."_s;
    QTest::newRow("shopify-domain-header-matched")
            << u"shopify"_s << std::optional<QString>(u"acme-store.myshopify.com"_s) << shopHeader
            << u"matched"_s << u"Acme"_s << 1
            << u"Read header X-Shopify-Shop-Domain: \"acme-store.myshopify.com\". Identity mapping "
               "3 maps shopify account \"acme-store.myshopify.com\" to tenant \"Acme\" (id 1)."_s;
    QTest::newRow("unknown-installation-provider-has-others")
            << u"github"_s << std::optional<QString>(u"9999"_s) << installation << u"no_mapping"_s
            << QString() << 2
            << u"Read JSON pointer /installation/id of the body: \"9999\". No identity mapping "
               "holds github account \"9999\". Identity mappings for github in this workspace: 2."_s;
    QTest::newRow("provider-without-any-mapping")
            << u"hubspot"_s << std::optional<QString>(u"62515"_s)
            << u"JSON pointer /0/portalId of the body"_s << u"no_mapping"_s << QString() << 0
            << u"Read JSON pointer /0/portalId of the body: \"62515\". No identity mapping holds "
               "hubspot account \"62515\". hubspot has no identity mappings in this workspace."_s;
    QTest::newRow("field-missing-from-event")
            << u"github"_s << std::optional<QString>() << installation << u"field_missing"_s
            << QString() << 2
            << u"Nothing was found at JSON pointer /installation/id of the body, so no tenant "
               "could be resolved. Identity mappings for github in this workspace: 2."_s;
    QTest::newRow("header-present-but-empty")
            << u"shopify"_s << std::optional<QString>(QString()) << shopHeader << u"empty_value"_s
            << QString() << 1
            << u"Read header X-Shopify-Shop-Domain: it is empty, so no tenant could be resolved. "
               "Identity mappings for shopify in this workspace: 1."_s;
    QTest::newRow("letter-case-near-miss-is-pointed-out")
            << u"shopify"_s << std::optional<QString>(u"Acme-Store.myshopify.com"_s) << shopHeader
            << u"no_mapping"_s << QString() << 1
            << u"Read header X-Shopify-Shop-Domain: \"Acme-Store.myshopify.com\". No identity "
               "mapping holds shopify account \"Acme-Store.myshopify.com\". Identity mappings for "
               "shopify in this workspace: 1. Mapping \"acme-store.myshopify.com\" (tenant "
               "\"Acme\") differs only in letter case; ids are compared exactly."_s;
    QTest::newRow("control-characters-in-value-are-shown-escaped")
            << u"slack"_s << std::optional<QString>(u"T024BE7LD\n"_s)
            << u"JSON pointer /team_id of the body"_s << u"no_mapping"_s << QString() << 1
            << u"Read JSON pointer /team_id of the body: \"T024BE7LD\\n\". No identity mapping "
               "holds slack account \"T024BE7LD\\n\". Identity mappings for slack in this "
               "workspace: 1."_s;
}

void TestIdentityMapping::lookupExplainsItself()
{
    QFETCH(QString, provider);
    QFETCH(std::optional<QString>, value);
    QFETCH(QString, source);
    QFETCH(QString, outcome);
    QFETCH(QString, tenant);
    QFETCH(int, providerMappings);
    QFETCH(QString, explanation);

    WB_AWAIT_OK(resolution, m_ws->store->resolveIdentity({provider, value, source}));
    QCOMPARE(nameOf(resolution->outcome), outcome);
    QCOMPARE(resolution->providerMappingCount, providerMappings);
    QCOMPARE(resolution->explanation, explanation);
    if (tenant.isEmpty()) {
        QVERIFY(!resolution->tenant);
        QVERIFY(!resolution->mapping);
    } else {
        QCOMPARE(*resolution->tenant, m_tenants[tenant]);
        QCOMPARE(*resolution->mapping, m_mappings.value(provider + u'/' + *value));
    }
}

void TestIdentityMapping::lookupNeedsAProvider()
{
    WB_AWAIT(resolution, m_ws->store->resolveIdentity({QString(), u"4242"_s, u"header X"_s}));
    QCOMPARE(errorCode(resolution), u"store.invalid_identity_query"_s);
}

void TestIdentityMapping::mappingCanMoveToAnotherTenant()
{
    Store &store = *m_ws->store;
    QSignalSpy updated(&store, &Store::identityMappingUpdated);
    IdentityMapping moved = m_mappings.value(u"github/4242"_s);
    moved.tenantId = m_tenants[u"Initech"_s].id;
    moved.note = u"Acme sold this installation to Initech"_s;
    m_ws->clock.advanceMs(1000);
    WB_AWAIT_OK(stored, store.updateIdentityMapping(moved));
    QCOMPARE(stored->createdAtMs, m_mappings.value(u"github/4242"_s).createdAtMs);
    QCOMPARE(stored->updatedAtMs, m_ws->clock.nowMs());
    QTRY_COMPARE(updated.count(), 1);
    WB_AWAIT_OK(resolution, store.resolveIdentity({u"github"_s, u"4242"_s, u"header X"_s}));
    QCOMPARE(resolution->tenant->displayName, u"Initech"_s);
    QCOMPARE(resolution->mapping->note, u"Acme sold this installation to Initech"_s);
}

QTEST_GUILESS_MAIN(TestIdentityMapping)
#include "tst_identitymapping.moc"
