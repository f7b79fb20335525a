// SPDX-License-Identifier: GPL-3.0-or-later
// The receiver's routing table sees what another process sharing the workspace changed (a
// `wirebench-cli connections add` or `secrets set` while the GUI or `serve` runs): two Stores on
// one workspace file, sharing one secret backend as two processes share the keychain.
#include "core/inbound/flow/routingtable.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/clock.h"

#include "support/futures.h"
#include "support/memorysecretstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {
// The shared backend, counting the values read (the keychain's round trips).
class CountingSecretStore final : public SecretStore
{
public:
    wb::test::MemorySecretStore inner;
    int reads = 0;

    QString backendName() const override { return inner.backendName(); }
    QString keyName(const SecretKey &key) const override { return inner.keyName(key); }
    QFuture<Result<void>> write(const SecretKey &key, const QByteArray &value) override
    {
        return inner.write(key, value);
    }
    QFuture<Result<QByteArray>> read(const SecretKey &key) override
    {
        ++reads;
        return inner.read(key);
    }
    QFuture<Result<void>> remove(const SecretKey &key) override { return inner.remove(key); }
};

SecretKey signingKey(qint64 connectionId, SecretSlot slot = SecretSlot::Primary)
{
    return SecretKey{connectionId, SecretKind::WebhookSigningSecret, slot};
}
} // namespace

class TestRoutingTable : public QObject
{
    Q_OBJECT

private slots:
    void seesWhatAnotherProcessChanged();
};

void TestRoutingTable::seesWhatAnotherProcessChanged()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"workspace.sqlite"_s);
    ManualClock clock(1'780'000'000'000);
    Result<std::unique_ptr<Store>> ours = openWorkspace(path, StoreServices{&clock});
    QVERIFY2(ours.has_value(), qPrintable(ours ? QString() : ours.error().message));
    Result<std::unique_ptr<Store>> theirs = openWorkspace(path, StoreServices{&clock});
    QVERIFY2(theirs.has_value(), qPrintable(theirs ? QString() : theirs.error().message));
    CountingSecretStore keychain;
    ConnectionSecrets ourSecrets(**ours, keychain);
    ConnectionSecrets theirSecrets(**theirs, keychain);

    Tenant tenant;
    tenant.displayName = u"Acme Corp"_s;
    WB_AWAIT_OK(acme, (*ours)->addTenant(tenant));
    Connection github;
    github.tenantId = acme->id;
    github.providerId = u"github"_s;
    WB_AWAIT_OK(first, (*ours)->addConnection(github));

    RoutingTable table(**ours, &ourSecrets);
    table.setSyncIntervalMs(40);
    QSignalSpy synced(&table, &RoutingTable::synced);
    table.load();
    QTRY_VERIFY(table.isReady());
    QVERIFY(table.connection(first->id));
    QCOMPARE(table.signingSecrets(first->id)[0], QByteArray());

    // The other process stores the signing secret: the receiver verifies with it.
    WB_AWAIT_OK(stored, theirSecrets.put(signingKey(first->id), "whsec_first"_ba));
    QTRY_COMPARE(table.signingSecrets(first->id)[0], "whsec_first"_ba);

    // Nothing changed: the syncs read no secret again.
    const int readsBefore = keychain.reads;
    const int syncsBefore = int(synced.size());
    QTRY_VERIFY(synced.size() >= syncsBefore + 3);
    QCOMPARE(keychain.reads, readsBefore);

    // A rotation's successor in the secondary slot, a new connection with its secret, a label.
    clock.advanceMs(1'000); // a newer updated_at_ms for the rewritten reference
    WB_AWAIT_OK(secondary,
                theirSecrets.put(signingKey(first->id, SecretSlot::Secondary), "whsec_next"_ba));
    github.label = u"second org"_s;
    WB_AWAIT_OK(second, (*theirs)->addConnection(github));
    WB_AWAIT_OK(secondSecret, theirSecrets.put(signingKey(second->id), "whsec_second"_ba));
    WB_AWAIT_OK(relabelled,
                (*theirs)->updateConnectionSettings(first->id, u"main org"_s, first->settings));
    QTRY_COMPARE(table.signingSecrets(first->id)[1], "whsec_next"_ba);
    QTRY_VERIFY(table.connection(second->id));
    QTRY_COMPARE(table.signingSecrets(second->id)[0], "whsec_second"_ba);
    QTRY_COMPARE(table.connection(first->id)->label, u"main org"_s);
    QCOMPARE(table.connectionsOf(u"github"_s).size(), 2);

    // The primary rewritten (promoted), then the secret and the connection removed over there.
    clock.advanceMs(1'000);
    WB_AWAIT_OK(rewritten, theirSecrets.put(signingKey(first->id), "whsec_first_v2"_ba));
    QTRY_COMPARE(table.signingSecrets(first->id)[0], "whsec_first_v2"_ba);
    WB_AWAIT_OK(gone, theirSecrets.remove(signingKey(first->id, SecretSlot::Secondary)));
    QTRY_COMPARE(table.signingSecrets(first->id)[1], QByteArray());
    WB_AWAIT_OK(removed, (*theirs)->removeConnection(second->id));
    QTRY_VERIFY(!table.connection(second->id));
    QCOMPARE(table.signingSecrets(second->id)[0], QByteArray());
    QCOMPARE(table.connectionsOf(u"github"_s).size(), 1);
}

QTEST_GUILESS_MAIN(TestRoutingTable)
#include "tst_routingtable.moc"
