// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionSecrets: the value in the backend, the reference in the store, kept in step (an
// in-memory backend here, so each step can be observed and made to fail; the keychain itself is
// tested in tst_secretstore, the sealed store in tst_sealedsecretstore).
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/futures.h"
#include "support/results.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

namespace {

// Values in a map; every call counted; futures ready at once.
class MemorySecretStore final : public SecretStore
{
public:
    QString name = u"keychain"_s;
    std::optional<Error> writeFailure;
    bool emptyKeyNames = false;
    QMap<QString, QByteArray> values;
    int writes = 0;
    int reads = 0;
    int removes = 0;

    QString backendName() const override { return name; }
    QString keyName(const SecretKey &key) const override
    {
        if (emptyKeyNames)
            return {};
        return u"mem/%1/%2/%3"_s.arg(key.connectionId).arg(nameOf(key.kind), nameOf(key.slot));
    }
    QFuture<Result<void>> write(const SecretKey &key, const QByteArray &value) override
    {
        ++writes;
        if (writeFailure)
            return QtFuture::makeReadyFuture(Result<void>(fail(*writeFailure)));
        values.insert(keyName(key), value);
        return QtFuture::makeReadyFuture(Result<void>());
    }
    QFuture<Result<QByteArray>> read(const SecretKey &key) override
    {
        ++reads;
        if (!values.contains(keyName(key))) {
            return QtFuture::makeReadyFuture(
                    Result<QByteArray>(fail(u"secrets.not_found"_s, u"not in memory"_s)));
        }
        return QtFuture::makeReadyFuture(Result<QByteArray>(values.value(keyName(key))));
    }
    QFuture<Result<void>> remove(const SecretKey &key) override
    {
        ++removes;
        values.remove(keyName(key));
        return QtFuture::makeReadyFuture(Result<void>());
    }
};

} // namespace

class TestConnectionSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void putRecordsTheReferenceAndGetReadsTheValue();
    void getWithoutReferenceDoesNotAskTheBackend();
    void unknownConnectionWritesNothing();
    void failedBackendWriteLeavesNoReference();
    void failedReferenceUndoesTheBackendWrite();
    void otherBackendIsRefused();
    void promotingTheSecondaryWebhookSecret();
    void promotingWithoutASecondaryChangesNothing();
    void removingAConnectionOrTenantDeletesItsValues();
    void backendForTheWorkspace_data();
    void backendForTheWorkspace();

private:
    QTemporaryDir m_dir;
    ManualClock m_clock{1'750'000'000'000};
    std::unique_ptr<Store> m_store;
    std::unique_ptr<MemorySecretStore> m_backend;
    std::unique_ptr<ConnectionSecrets> m_secrets;
    qint64 m_tenantId = 0;
    qint64 m_github = 0;
    qint64 m_stripe = 0;
};

void TestConnectionSecrets::init()
{
    QFile::remove(m_dir.filePath(u"ws.sqlite"_s));
    Result<std::unique_ptr<Store>> opened = openWorkspace(m_dir.filePath(u"ws.sqlite"_s),
                                                          StoreServices{&m_clock});
    QVERIFY2(opened, qPrintable(errorMessage(opened)));
    m_store = std::move(*opened);
    m_backend = std::make_unique<MemorySecretStore>();
    m_secrets = std::make_unique<ConnectionSecrets>(*m_store, *m_backend);
    Tenant tenant;
    tenant.displayName = u"Acme"_s;
    WB_AWAIT_OK(added, m_store->addTenant(tenant));
    m_tenantId = added->id;
    for (const QString &provider : {u"github"_s, u"stripe"_s}) {
        Connection connection;
        connection.tenantId = m_tenantId;
        connection.providerId = provider;
        WB_AWAIT_OK(connected, m_store->addConnection(connection));
        (provider == u"github"_s ? m_github : m_stripe) = connected->id;
    }
}

void TestConnectionSecrets::cleanup()
{
    m_secrets.reset();
    m_backend.reset();
    m_store.reset();
}

void TestConnectionSecrets::putRecordsTheReferenceAndGetReadsTheValue()
{
    const SecretKey key{m_github, SecretKind::WebhookSigningSecret, SecretSlot::Primary};
    WB_AWAIT_OK(stored, m_secrets->put(key, "whsec_1"));
    QCOMPARE(stored->key, key);
    QCOMPARE(stored->backend, u"keychain"_s);
    QCOMPARE(stored->keyName, u"mem/%1/webhook_signing_secret/primary"_s.arg(m_github));
    WB_AWAIT_OK(reference, m_store->secretReference(key));
    QCOMPARE(**reference, *stored);
    WB_AWAIT_OK(value, m_secrets->get(key));
    QCOMPARE(*value, QByteArray("whsec_1"));
    WB_AWAIT_OK(existed, m_secrets->remove(key));
    QCOMPARE(*existed, true);
    QVERIFY(m_backend->values.isEmpty());
    WB_AWAIT(gone, m_secrets->get(key));
    QCOMPARE(errorCode(gone), u"secrets.not_found"_s);
}

void TestConnectionSecrets::getWithoutReferenceDoesNotAskTheBackend()
{
    const SecretKey key{m_github, SecretKind::AccessToken, SecretSlot::Primary};
    m_backend->values.insert(m_backend->keyName(key), "left behind");
    WB_AWAIT(value, m_secrets->get(key));
    QCOMPARE(errorCode(value), u"secrets.not_found"_s);
    QCOMPARE(errorMessage(value),
             u"No access token (primary) of connection %1 is stored."_s.arg(m_github));
    QCOMPARE(m_backend->reads, 0);
}

void TestConnectionSecrets::unknownConnectionWritesNothing()
{
    WB_AWAIT(stored, m_secrets->put({999, SecretKind::AccessToken, SecretSlot::Primary}, "tok"));
    QCOMPARE(errorCode(stored), u"store.unknown_connection"_s);
    QCOMPARE(m_backend->writes, 0);
}

void TestConnectionSecrets::failedBackendWriteLeavesNoReference()
{
    m_backend->writeFailure = Error{u"secrets.keychain_unavailable"_s, u"no keychain"_s};
    const SecretKey key{m_github, SecretKind::RefreshToken, SecretSlot::Primary};
    WB_AWAIT(stored, m_secrets->put(key, "refresh"));
    QCOMPARE(errorCode(stored), u"secrets.keychain_unavailable"_s);
    WB_AWAIT_OK(references, m_store->secretReferences(m_github));
    QVERIFY(references->isEmpty());
}

void TestConnectionSecrets::failedReferenceUndoesTheBackendWrite()
{
    m_backend->emptyKeyNames = true; // the store refuses a reference without a key name
    const SecretKey key{m_github, SecretKind::AccessToken, SecretSlot::Primary};
    WB_AWAIT(stored, m_secrets->put(key, "token"));
    QCOMPARE(errorCode(stored), u"store.invalid_secret_reference"_s);
    QCOMPARE(m_backend->writes, 1);
    QTRY_COMPARE(m_backend->removes, 1);
    QVERIFY(m_backend->values.isEmpty());
}

void TestConnectionSecrets::otherBackendIsRefused()
{
    m_backend->name = u"sealed"_s;
    WB_AWAIT(stored,
             m_secrets->put({m_github, SecretKind::AccessToken, SecretSlot::Primary}, "token"));
    QCOMPARE(errorCode(stored), u"secrets.backend_mismatch"_s);
    QCOMPARE(errorMessage(stored), u"This workspace keeps its secrets in the keychain backend, not "
                                   "in the sealed one."_s);
    QCOMPARE(m_backend->writes, 0);
}

void TestConnectionSecrets::promotingTheSecondaryWebhookSecret()
{
    const SecretKey primary{m_github, SecretKind::WebhookSigningSecret, SecretSlot::Primary};
    const SecretKey secondary{m_github, SecretKind::WebhookSigningSecret, SecretSlot::Secondary};
    WB_AWAIT_OK(oldSecret, m_secrets->put(primary, "old"));
    WB_AWAIT_OK(newSecret, m_secrets->put(secondary, "new"));
    WB_AWAIT_OK(promoted, m_secrets->promoteSecondaryWebhookSecret(m_github));
    WB_AWAIT_OK(value, m_secrets->get(primary));
    QCOMPARE(*value, QByteArray("new"));
    WB_AWAIT(secondaryAfter, m_secrets->get(secondary));
    QCOMPARE(errorCode(secondaryAfter), u"secrets.not_found"_s);
    WB_AWAIT_OK(references, m_store->secretReferences(m_github));
    QCOMPARE(references->size(), 1);
    QCOMPARE(references->first().key, primary);
    QCOMPARE(m_backend->values.size(), 1);
}

void TestConnectionSecrets::promotingWithoutASecondaryChangesNothing()
{
    const SecretKey primary{m_github, SecretKind::WebhookSigningSecret, SecretSlot::Primary};
    WB_AWAIT_OK(oldSecret, m_secrets->put(primary, "only"));
    WB_AWAIT(promoted, m_secrets->promoteSecondaryWebhookSecret(m_github));
    QCOMPARE(errorCode(promoted), u"secrets.not_found"_s);
    QVERIFY2(errorMessage(promoted).contains(u"webhook signing secret (secondary)"_s),
             qPrintable(errorMessage(promoted)));
    WB_AWAIT_OK(value, m_secrets->get(primary));
    QCOMPARE(*value, QByteArray("only"));
}

void TestConnectionSecrets::removingAConnectionOrTenantDeletesItsValues()
{
    for (qint64 connection : {m_github, m_stripe}) {
        WB_AWAIT_OK(a, m_secrets->put({connection, SecretKind::AccessToken, SecretSlot::Primary},
                                      "access"));
        WB_AWAIT_OK(b, m_secrets->put({connection, SecretKind::WebhookSigningSecret,
                                       SecretSlot::Secondary},
                                      "webhook"));
    }
    QCOMPARE(m_backend->values.size(), 4);
    WB_AWAIT_OK(removed, m_store->removeConnection(m_github));
    QTRY_COMPARE(m_backend->values.size(), 2);
    for (const QString &name : m_backend->values.keys())
        QVERIFY2(name.startsWith(u"mem/%1/"_s.arg(m_stripe)), qPrintable(name));
    WB_AWAIT_OK(tenantRemoved, m_store->removeTenant(m_tenantId));
    QTRY_VERIFY(m_backend->values.isEmpty());
}

void TestConnectionSecrets::backendForTheWorkspace_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("keychain") << u"keychain"_s << false << QString();
    QTest::newRow("sealed-with-key") << u"sealed"_s << true << QString();
    QTest::newRow("sealed-without-key") << u"sealed"_s << false << u"secrets.master_key_missing"_s;
}

void TestConnectionSecrets::backendForTheWorkspace()
{
    QFETCH(QString, backend);
    QFETCH(bool, withKey);
    QFETCH(QString, errorCode);
    QTemporaryDir dir;
    StoreOptions options;
    options.secretBackendForNewWorkspace = backend;
    Result<std::unique_ptr<Store>> opened = openWorkspace(dir.filePath(u"b.sqlite"_s),
                                                          StoreServices{&m_clock}, options);
    QVERIFY2(opened, qPrintable(errorMessage(opened)));
    Result<std::shared_ptr<SecretStore>> created
            = createSecretStore(**opened, withKey ? MasterKey::generate(u"a test key"_s) : nullptr);
    if (errorCode.isEmpty()) {
        QVERIFY2(created, qPrintable(errorMessage(created)));
        QCOMPARE((*created)->backendName(), backend);
        QCOMPARE((*created)->keepsValuesInWorkspace(), backend == u"sealed"_s);
        QVERIFY((*created)
                        ->keyName({1, SecretKind::AccessToken, SecretSlot::Primary})
                        .contains((*opened)->workspaceInfo().workspaceId.toString(
                                QUuid::WithoutBraces)));
    } else {
        QCOMPARE(wb::test::errorCode(created), errorCode);
    }
}

QTEST_GUILESS_MAIN(TestConnectionSecrets)
#include "tst_connectionsecrets.moc"
