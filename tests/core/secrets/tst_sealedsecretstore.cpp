// SPDX-License-Identifier: GPL-3.0-or-later
// The sealed backend's own guarantees on a real workspace: a wrong master key is reported as such
// and writes nothing; ciphertexts swapped between rows (or copied from another workspace) and
// single flipped bytes are detected for that secret only; every write uses a new nonce; a secret
// and a caller's own write commit together (refresh-token rotation) or not at all.
#include "secretstestutil.h"

#include "core/secrets/connectionsecrets.h"
#include "core/secrets/sealedsecretrepository.h"
#include "core/secrets/sealedsecretstore.h"
#include "core/store/workspacerepository.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "support/results.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

namespace {

std::shared_ptr<const MasterKey> keyOf(const QByteArray &raw, const QString &origin)
{
    return *MasterKey::fromBytes(raw, origin);
}

} // namespace

class TestSealedSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyWriteHasAFreshNonce();
    void wrongKeyIsReportedAndWritesNothing();
    void swappedCiphertextsAreDetected_data();
    void swappedCiphertextsAreDetected();
    void tamperedCiphertextIsDetectedForThatSecretOnly_data();
    void tamperedCiphertextIsDetectedForThatSecretOnly();
    void connectionSecretsWriteValueAndReferenceTogether();
    void putAndWriteCommitsTheSecretWithTheCallersWrite();
    void putAndWriteRollsBackBothWhenTheCallersWriteFails();
    void writesStopWhenTheWorkspaceSwitchedBackend();

private:
    // Stores the standard set: connection A and B with an access token and two webhook secrets.
    void storeStandardSet();
    QByteArray valueOf(const SecretKey &key) const
    {
        return "sealed-" + nameOf(key.kind).toLatin1() + '-' + nameOf(key.slot).toLatin1() + '-'
               + QByteArray::number(key.connectionId);
    }

    std::unique_ptr<wb::test::TempWorkspace> m_ws;
    QByteArray m_raw;
    std::unique_ptr<SealedSecretStore> m_sealed;
    QList<qint64> m_connections;
    QList<SecretKey> m_keys;
};

void TestSealedSecretStore::init()
{
    m_ws = std::make_unique<wb::test::TempWorkspace>();
    StoreOptions options;
    options.secretBackendForNewWorkspace = u"sealed"_s;
    QVERIFY(m_ws->open(options));
    m_connections = wb::test::addConnections(*m_ws->store, 2);
    QCOMPARE(m_connections.size(), 2);
    m_raw = wb::test::randomKeyBytes();
    m_sealed = std::make_unique<SealedSecretStore>(*m_ws->store, keyOf(m_raw, u"the test key"_s));
    m_keys.clear();
    for (qint64 id : std::as_const(m_connections)) {
        m_keys << SecretKey{id, SecretKind::AccessToken, SecretSlot::Primary}
               << SecretKey{id, SecretKind::WebhookSigningSecret, SecretSlot::Primary}
               << SecretKey{id, SecretKind::WebhookSigningSecret, SecretSlot::Secondary};
    }
}

void TestSealedSecretStore::cleanup()
{
    m_sealed.reset();
    m_ws.reset();
}

void TestSealedSecretStore::storeStandardSet()
{
    for (const SecretKey &key : std::as_const(m_keys)) {
        WB_AWAIT_OK(written, m_sealed->write(key, valueOf(key)));
    }
}

void TestSealedSecretStore::everyWriteHasAFreshNonce()
{
    const SecretKey key = m_keys.first();
    WB_AWAIT_OK(first, m_sealed->write(key, "same value"));
    const auto before = wb::test::rawSealedRow(m_ws->path(), key);
    WB_AWAIT_OK(second, m_sealed->write(key, "same value"));
    const auto after = wb::test::rawSealedRow(m_ws->path(), key);
    QVERIFY(before && after);
    QCOMPARE(before->nonce.size(), 24);
    QCOMPARE(before->ciphertext.size(), qsizetype(sizeof("same value") - 1 + 16));
    QVERIFY(before->nonce != after->nonce);
    QVERIFY(before->ciphertext != after->ciphertext);
    QCOMPARE(after->keyId, m_sealed->masterKey().keyId());
    QCOMPARE(wb::test::openIndependently(m_raw, m_ws->store->workspaceInfo().workspaceId, key,
                                         *after),
             std::optional<QByteArray>("same value"));
}

void TestSealedSecretStore::wrongKeyIsReportedAndWritesNothing()
{
    storeStandardSet();
    const auto wrongKey = keyOf(wb::test::randomKeyBytes(), u"the key file /etc/wrong.key"_s);
    SealedSecretStore wrong(*m_ws->store, wrongKey);
    WB_AWAIT(read, wrong.read(m_keys.first()));
    QCOMPARE(errorCode(read), u"secrets.wrong_master_key"_s);
    QCOMPARE(errorMessage(read),
             u"The sealed access token (primary) of connection %1 was sealed with the master key "
             "%2, but the master key in use (from the key file /etc/wrong.key) is %3. Use the "
             "workspace's current master key (see 'wirebench-cli secrets backend')."_s
                     .arg(m_connections.first())
                     .arg(m_sealed->masterKey().keyId(), wrongKey->keyId()));

    const auto rowBefore = wb::test::rawSealedRow(m_ws->path(), m_keys.first());
    WB_AWAIT(written, wrong.write(m_keys.first(), "written with the wrong key"));
    QCOMPARE(errorCode(written), u"secrets.wrong_master_key"_s);
    QVERIFY2(errorMessage(written).contains(u"Nothing was written"_s),
             qPrintable(errorMessage(written)));
    QCOMPARE(wb::test::rawSealedRow(m_ws->path(), m_keys.first())->ciphertext,
             rowBefore->ciphertext);
    // Harmless: everything still reads with the right key.
    for (const SecretKey &key : std::as_const(m_keys)) {
        WB_AWAIT_OK(value, m_sealed->read(key));
        QCOMPARE(*value, valueOf(key));
    }
}

void TestSealedSecretStore::swappedCiphertextsAreDetected_data()
{
    QTest::addColumn<int>("first");  // index into m_keys
    QTest::addColumn<int>("second"); // -1: copy the first's row from another workspace instead
    QTest::newRow("other-kind-same-connection") << 0 << 1;
    QTest::newRow("primary-and-secondary-slot") << 1 << 2;
    QTest::newRow("same-kind-other-connection") << 1 << 4;
    QTest::newRow("row-copied-from-another-workspace") << 0 << -1;
}

void TestSealedSecretStore::swappedCiphertextsAreDetected()
{
    QFETCH(int, first);
    QFETCH(int, second);
    storeStandardSet();
    const SecretKey a = m_keys.at(first);
    const QString columns = u"format, key_id, nonce, ciphertext"_s;
    const auto where = [](const SecretKey &key) {
        return u"connection_id = %1 AND kind = '%2' AND slot = '%3'"_s.arg(key.connectionId)
                .arg(nameOf(key.kind), nameOf(key.slot));
    };
    QList<SecretKey> broken{a};
    if (second >= 0) {
        const SecretKey b = m_keys.at(second);
        broken << b;
        // Swap the two rows' sealed columns in one statement batch, bypassing the store.
        QVERIFY(wb::test::runRawSql(
                m_ws->path(),
                {u"CREATE TEMP TABLE swap AS SELECT %1 FROM sealed_secrets WHERE %2"_s.arg(columns,
                                                                                           where(a)),
                 u"UPDATE sealed_secrets SET (%1) = (SELECT %1 FROM sealed_secrets WHERE %2) "
                 "WHERE %3"_s.arg(columns, where(b), where(a)),
                 u"UPDATE sealed_secrets SET (%1) = (SELECT %1 FROM swap) WHERE %2"_s
                         .arg(columns, where(b))}));
    } else {
        // The same secret of another workspace, sealed with the same master key.
        wb::test::TempWorkspace other;
        StoreOptions options;
        options.secretBackendForNewWorkspace = u"sealed"_s;
        QVERIFY(other.open(options));
        QCOMPARE(wb::test::addConnections(*other.store, 2), m_connections);
        SealedSecretStore theirs(*other.store, keyOf(m_raw, u"the test key"_s));
        WB_AWAIT_OK(written, theirs.write(a, "the other workspace's value"));
        const auto row = wb::test::rawSealedRow(other.path(), a);
        QVERIFY(row);
        QVERIFY(wb::test::runRawSql(m_ws->path(),
                                    u"UPDATE sealed_secrets SET nonce = ?, ciphertext = ? WHERE "_s
                                            + where(a),
                                    {row->nonce, row->ciphertext}));
    }
    for (const SecretKey &key : std::as_const(m_keys)) {
        WB_AWAIT(value, m_sealed->read(key));
        if (broken.contains(key)) {
            QCOMPARE(errorCode(value), u"secrets.tampered"_s);
            QCOMPARE(errorMessage(value),
                     u"The sealed %1 failed authentication: its ciphertext was altered, or copied "
                     "from another secret or workspace. The other secrets are not affected; store "
                     "this one again."_s.arg(describe(key)));
        } else {
            QVERIFY2(value, qPrintable(errorMessage(value)));
            QCOMPARE(*value, valueOf(key));
        }
    }
    // Storing it again repairs it.
    WB_AWAIT_OK(repaired, m_sealed->write(a, valueOf(a)));
    WB_AWAIT_OK(readAgain, m_sealed->read(a));
    QCOMPARE(*readAgain, valueOf(a));
}

void TestSealedSecretStore::tamperedCiphertextIsDetectedForThatSecretOnly_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("byte"); // negative: from the end
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("nonce-first-byte") << u"nonce"_s << 0 << u"secrets.tampered"_s;
    QTest::newRow("ciphertext-first-byte") << u"ciphertext"_s << 0 << u"secrets.tampered"_s;
    QTest::newRow("ciphertext-middle-byte") << u"ciphertext"_s << 10 << u"secrets.tampered"_s;
    QTest::newRow("tag-last-byte") << u"ciphertext"_s << -1 << u"secrets.tampered"_s;
    QTest::newRow("key-id-relabelled") << u"key_id"_s << 0 << u"secrets.wrong_master_key"_s;
}

void TestSealedSecretStore::tamperedCiphertextIsDetectedForThatSecretOnly()
{
    QFETCH(QString, column);
    QFETCH(int, byte);
    QFETCH(QString, errorCode);
    storeStandardSet();
    const SecretKey victim = m_keys.at(4);
    const auto row = wb::test::rawSealedRow(m_ws->path(), victim);
    QVERIFY(row);
    QByteArray bytes = column == u"nonce"_s        ? row->nonce
                       : column == u"ciphertext"_s ? row->ciphertext
                                                   : row->keyId.toLatin1();
    const qsizetype at = byte < 0 ? bytes.size() + byte : byte;
    bytes[at] = char(bytes.at(at) ^ (column == u"key_id"_s ? 0x01 : 0x80)); // one flipped bit
    const QVariant value = column == u"key_id"_s ? QVariant(QString::fromLatin1(bytes))
                                                 : QVariant(bytes);
    QVERIFY(wb::test::runRawSql(m_ws->path(),
                                u"UPDATE sealed_secrets SET %1 = ? WHERE connection_id = %2 AND "
                                "kind = 'webhook_signing_secret' AND slot = 'primary'"_s.arg(column)
                                        .arg(victim.connectionId),
                                {value}));
    for (const SecretKey &key : std::as_const(m_keys)) {
        WB_AWAIT(value, m_sealed->read(key));
        if (key == victim) {
            QCOMPARE(wb::test::errorCode(value), errorCode);
            QVERIFY(!errorMessage(value).toUtf8().contains(valueOf(key)));
        } else {
            QVERIFY2(value, qPrintable(errorMessage(value)));
            QCOMPARE(*value, valueOf(key));
        }
    }
}

void TestSealedSecretStore::connectionSecretsWriteValueAndReferenceTogether()
{
    ConnectionSecrets secrets(*m_ws->store, *m_sealed);
    const SecretKey key{m_connections.first(), SecretKind::OAuthClientSecret, SecretSlot::Primary};
    WB_AWAIT_OK(stored, secrets.put(key, "client-secret-1"));
    QCOMPARE(stored->backend, u"sealed"_s);
    QCOMPARE(stored->keyName, m_sealed->keyName(key));
    WB_AWAIT_OK(value, secrets.get(key));
    QCOMPARE(*value, QByteArray("client-secret-1"));
    QCOMPARE(wb::test::rawScalar(m_ws->path(), u"SELECT COUNT(*) FROM sealed_secrets"_s)->toInt(),
             1);
    WB_AWAIT(unknown, secrets.put({999, SecretKind::AccessToken, SecretSlot::Primary}, "x"));
    QCOMPARE(errorCode(unknown), u"store.unknown_connection"_s);
    WB_AWAIT_OK(existed, secrets.remove(key));
    QVERIFY(*existed);
    QCOMPARE(wb::test::rawScalar(m_ws->path(), u"SELECT COUNT(*) FROM sealed_secrets"_s)->toInt(),
             0);
    WB_AWAIT(gone, secrets.get(key));
    QCOMPARE(errorCode(gone), u"secrets.not_found"_s);
}

void TestSealedSecretStore::putAndWriteCommitsTheSecretWithTheCallersWrite()
{
    // A stand-in for the OAuth refresh lease: rotate the refresh token and release the lease in
    // one transaction.
    QVERIFY(wb::test::runRawSql(m_ws->path(),
                                {u"CREATE TABLE test_leases (connection_id INTEGER PRIMARY KEY, "
                                 "holder TEXT NOT NULL)"_s,
                                 u"INSERT INTO test_leases VALUES (%1, 'worker-1')"_s.arg(
                                         m_connections.first())}));
    ConnectionSecrets secrets(*m_ws->store, *m_sealed);
    const SecretKey refresh{m_connections.first(), SecretKind::RefreshToken, SecretSlot::Primary};
    WB_AWAIT_OK(old, secrets.put(refresh, "refresh-token-1"));
    const qint64 id = m_connections.first();
    WB_AWAIT_OK(rotated, secrets.putAndWrite(refresh, "refresh-token-2", [id](SqlSession &session) {
        return session.execute(u"DELETE FROM test_leases WHERE connection_id = ? AND "
                               "holder = 'worker-1'"_s,
                               {id});
    }));
    WB_AWAIT_OK(value, secrets.get(refresh));
    QCOMPARE(*value, QByteArray("refresh-token-2"));
    QCOMPARE(wb::test::rawScalar(m_ws->path(), u"SELECT COUNT(*) FROM test_leases"_s)->toInt(), 0);
}

void TestSealedSecretStore::putAndWriteRollsBackBothWhenTheCallersWriteFails()
{
    QVERIFY(wb::test::runRawSql(m_ws->path(),
                                {u"CREATE TABLE test_leases (connection_id INTEGER PRIMARY KEY, "
                                 "holder TEXT NOT NULL)"_s,
                                 u"INSERT INTO test_leases VALUES (%1, 'worker-1')"_s.arg(
                                         m_connections.first())}));
    ConnectionSecrets secrets(*m_ws->store, *m_sealed);
    const SecretKey refresh{m_connections.first(), SecretKind::RefreshToken, SecretSlot::Primary};
    WB_AWAIT_OK(old, secrets.put(refresh, "refresh-token-1"));
    const auto rowBefore = wb::test::rawSealedRow(m_ws->path(), refresh);
    const qint64 id = m_connections.first();
    WB_AWAIT(failed,
             secrets.putAndWrite(refresh, "refresh-token-2", [id](SqlSession &session) -> Result<void> {
                 if (Result<void> released
                     = session.execute(u"DELETE FROM test_leases WHERE connection_id = ?"_s, {id});
                     !released) {
                     return released;
                 }
                 return fail(u"oauth.lease_lost"_s, u"the lease was taken over"_s);
             }));
    QCOMPARE(errorCode(failed), u"oauth.lease_lost"_s);
    WB_AWAIT_OK(value, secrets.get(refresh));
    QCOMPARE(*value, QByteArray("refresh-token-1"));
    QCOMPARE(wb::test::rawSealedRow(m_ws->path(), refresh)->nonce, rowBefore->nonce);
    QCOMPARE(wb::test::rawScalar(m_ws->path(), u"SELECT COUNT(*) FROM test_leases"_s)->toInt(), 1);
}

void TestSealedSecretStore::writesStopWhenTheWorkspaceSwitchedBackend()
{
    ConnectionSecrets secrets(*m_ws->store, *m_sealed);
    const SecretKey key{m_connections.first(), SecretKind::AccessToken, SecretSlot::Primary};
    // Another process switched the workspace to the keychain behind this Store's back.
    QVERIFY(wb::test::runRawSql(m_ws->path(),
                                {u"UPDATE workspace SET secret_backend = 'keychain'"_s}));
    WB_AWAIT(stored, secrets.put(key, "too late"));
    QCOMPARE(errorCode(stored), u"secrets.backend_mismatch"_s);
    QCOMPARE(errorMessage(stored),
             u"This workspace now keeps its secrets in the keychain backend (switched by a "
             "secrets migration), not in the sealed one; restart to use it."_s);
    QCOMPARE(wb::test::rawScalar(m_ws->path(), u"SELECT COUNT(*) FROM sealed_secrets"_s)->toInt(),
             0);
}

QTEST_GUILESS_MAIN(TestSealedSecretStore)
#include "tst_sealedsecretstore.moc"
