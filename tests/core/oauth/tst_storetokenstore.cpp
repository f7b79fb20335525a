// SPDX-License-Identifier: GPL-3.0-or-later
// The TokenStore of a workspace: tokens in the OS keychain (gnome-keyring over D-Bus in the test
// session), metadata and the refresh lease in the database, the identity mapping after
// authorization. The credential comes from a real authorization (oidc-provider, npm).
#include "core/oauth/accountlink.h"
#include "core/oauth/oauthclientrecord.h"
#include "core/oauth/storetokenstore.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/sqlsession.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "oauthworkspace.h"
#include "oidcpeer.h"
#include "support/futures.h"
#include "support/results.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

namespace {

QList<QByteArray> encodings(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    return {utf8, utf8.toBase64(), utf8.toHex(),
            QByteArray(reinterpret_cast<const char *>(value.utf16()), value.size() * 2)};
}

} // namespace

class TestStoreTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void tokensInTheKeychainNotInTheDatabase();
    void refreshLeaseSerializesHolders();
    void leaseIsReleasedWithTheCredential();
    void statusesForTheModels();
    void removeLeavesNothingBehind();
    void accountIsMappedToTheTenant();
    void clientIsStoredWithTheConnection();

private:
    OidcPeer m_oidc;
    ManualClock m_clock{0};
    OAuthWorkspace m_workspace;
    std::unique_ptr<StoreTokenStore> m_tokens;

    // The row of oauth_validity_checks, read back with SQL.
    QFuture<Result<std::optional<ValidityCheck>>> storedValidityCheck(qint64 connectionId)
    {
        return m_workspace.store().read([connectionId](SqlSession &session)
                                                -> Result<std::optional<ValidityCheck>> {
            Result<QSqlQuery> query
                    = session.exec(u"SELECT verdict, http_status, checked_at_ms, message FROM "
                                   "oauth_validity_checks WHERE connection_id = ?"_s,
                                   {connectionId});
            if (!query)
                return fail(query.error());
            if (!query->next())
                return std::optional<ValidityCheck>();
            ValidityCheck check;
            const auto verdict = validityVerdictFromName(query->value(0).toString());
            if (!verdict)
                return fail(u"test.bad_verdict"_s, query->value(0).toString());
            check.verdict = *verdict;
            check.httpStatus = query->value(1).toInt();
            check.checkedAtMs = query->value(2).toLongLong();
            check.message = query->value(3).toString();
            return std::optional(check);
        });
    }
};

void TestStoreTokenStore::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
}

void TestStoreTokenStore::init()
{
    m_clock.setNowMs(QDateTime::currentMSecsSinceEpoch());
    // A workspace of its own for each test function.
    QVERIFY2(m_workspace.open(m_clock, u"%1.sqlite"_s.arg(
                                               QString::fromLatin1(QTest::currentTestFunction()))),
             qPrintable(m_workspace.failure()));
    m_tokens = std::make_unique<StoreTokenStore>(m_workspace.store(), m_workspace.secrets());
}

void TestStoreTokenStore::cleanup()
{
    m_tokens.reset();
    m_workspace.close();
}

void TestStoreTokenStore::tokensInTheKeychainNotInTheDatabase()
{
    const qint64 connection = m_workspace.addTenantWithConnection(u"Keychain Ltd"_s);
    QVERIFY(connection > 0);
    QString failure;
    const std::optional<TokenSet> granted = grant(*m_tokens, m_clock, connection,
                                                  m_oidc.nativeClient(), u"wendy"_s, &failure);
    QVERIFY2(granted, qPrintable(failure));
    QVERIFY(!granted->refreshToken.isEmpty());

    // Read back whole.
    WB_AWAIT_OK(read, m_tokens->readTokens(connection));
    QVERIFY(*read);
    QCOMPARE(**read, *granted);
    QCOMPARE((*read)->accountId, u"wendy"_s);

    // The values are in the keychain, under this workspace's keys…
    WB_AWAIT_OK(access, m_workspace.keychain().read(
                                {connection, SecretKind::AccessToken, SecretSlot::Primary}));
    QCOMPARE(QString::fromUtf8(*access), granted->accessToken);
    WB_AWAIT_OK(refresh, m_workspace.keychain().read(
                                 {connection, SecretKind::RefreshToken, SecretSlot::Primary}));
    QCOMPARE(QString::fromUtf8(*refresh), granted->refreshToken);
    WB_AWAIT_OK(references, m_workspace.store().secretReferences(connection));
    QCOMPARE(references->size(), 2);

    // …and in no form in the database files, where the metadata is.
    const QString path = m_workspace.store().location();
    WB_AWAIT_OK(stored, m_workspace.store().connection(connection));
    QCOMPARE(stored->status, ConnectionStatus::Authorized);
    QCOMPARE(stored->tokenExpiresAtMs, granted->expiresAtMs);
    m_tokens.reset();
    m_workspace.close(); // everything committed and checkpointed as far as SQLite goes
    const QByteArray bytes = workspaceBytes(path);
    QVERIFY(bytes.contains("oauth_credentials")); // positive control: the right files
    QVERIFY(bytes.contains("wendy"));
    for (const QString &token : {granted->accessToken, granted->refreshToken}) {
        for (const QByteArray &form : encodings(token))
            QVERIFY2(!bytes.contains(form), "a token reached the database files");
    }
}

void TestStoreTokenStore::refreshLeaseSerializesHolders()
{
    const qint64 connection = m_workspace.addTenantWithConnection(u"Lease Ltd"_s);
    QVERIFY(connection > 0);
    const qint64 t0 = m_clock.nowMs();

    WB_AWAIT_OK(first, m_tokens->acquireRefreshLease(connection, u"process-a"_s, 30'000));
    QVERIFY(first->acquired);
    QCOMPARE(first->holder, u"process-a"_s);
    QCOMPARE(first->expiresAtMs, t0 + 30'000);
    WB_AWAIT_OK(busy, m_tokens->acquireRefreshLease(connection, u"process-b"_s, 30'000));
    QVERIFY(!busy->acquired);
    QCOMPARE(busy->holder, u"process-a"_s);
    QCOMPARE(busy->expiresAtMs, t0 + 30'000);

    // The holder may extend it; a stranger's release does nothing.
    m_clock.advanceMs(10'000);
    WB_AWAIT_OK(extended, m_tokens->acquireRefreshLease(connection, u"process-a"_s, 30'000));
    QVERIFY(extended->acquired);
    QCOMPARE(extended->expiresAtMs, t0 + 40'000);
    WB_AWAIT_OK(strangerRelease, m_tokens->releaseRefreshLease(connection, u"process-b"_s));
    WB_AWAIT_OK(stillBusy, m_tokens->acquireRefreshLease(connection, u"process-b"_s, 30'000));
    QVERIFY(!stillBusy->acquired);

    // A holder that died: its lease lapses by the store's clock.
    m_clock.setNowMs(t0 + 40'000);
    WB_AWAIT_OK(takenOver, m_tokens->acquireRefreshLease(connection, u"process-b"_s, 30'000));
    QVERIFY(takenOver->acquired);
    QCOMPARE(takenOver->holder, u"process-b"_s);
    WB_AWAIT_OK(released, m_tokens->releaseRefreshLease(connection, u"process-b"_s));
    WB_AWAIT_OK(free, m_tokens->acquireRefreshLease(connection, u"process-a"_s, 30'000));
    QVERIFY(free->acquired);

    WB_AWAIT(unknown, m_tokens->acquireRefreshLease(9999, u"process-a"_s, 30'000));
    QCOMPARE(errorCode(unknown), u"store.unknown_connection"_s);
}

void TestStoreTokenStore::leaseIsReleasedWithTheCredential()
{
    const qint64 connection = m_workspace.addTenantWithConnection(u"Rotation Ltd"_s);
    QVERIFY(connection > 0);
    TokenSet tokens;
    tokens.accessToken = u"access-1"_s;
    tokens.refreshToken = u"refresh-1"_s;
    tokens.receivedAtMs = m_clock.nowMs();
    tokens.lifetimeMs = 60'000;
    tokens.expiresAtMs = m_clock.nowMs() + 45'000;
    WB_AWAIT_OK(first, m_tokens->writeTokens(connection, tokens, QString()));

    // The holder's rotated credential and the lease's release are one write: the moment another
    // process can take the lease, the new refresh token is what it reads.
    WB_AWAIT_OK(lease, m_tokens->acquireRefreshLease(connection, u"process-a"_s, 30'000));
    QVERIFY(lease->acquired);
    tokens.accessToken = u"access-2"_s;
    tokens.refreshToken = u"refresh-2"_s;
    WB_AWAIT_OK(rotated, m_tokens->writeTokens(connection, tokens, u"process-a"_s));
    WB_AWAIT_OK(next, m_tokens->acquireRefreshLease(connection, u"process-b"_s, 30'000));
    QVERIFY(next->acquired);
    WB_AWAIT_OK(read, m_tokens->readTokens(connection));
    QCOMPARE((*read)->refreshToken, u"refresh-2"_s);
    QCOMPARE((*read)->accessToken, u"access-2"_s);

    // Releasing in a write only ever releases the named holder's lease.
    tokens.accessToken = u"access-3"_s;
    WB_AWAIT_OK(notMine, m_tokens->writeTokens(connection, tokens, u"process-a"_s));
    WB_AWAIT_OK(stillHeld, m_tokens->acquireRefreshLease(connection, u"process-c"_s, 30'000));
    QVERIFY(!stillHeld->acquired);
    QCOMPARE(stillHeld->holder, u"process-b"_s);

    // A write that fails (the database refuses a negative lifetime) releases nothing and leaves
    // the stored metadata as it was.
    TokenSet refused = tokens;
    refused.accessToken = u"access-4"_s;
    refused.lifetimeMs = -1;
    WB_AWAIT(failed, m_tokens->writeTokens(connection, refused, u"process-b"_s));
    QVERIFY(!failed);
    WB_AWAIT_OK(afterFailure, m_tokens->acquireRefreshLease(connection, u"process-c"_s, 30'000));
    QVERIFY(!afterFailure->acquired);
    QCOMPARE(afterFailure->holder, u"process-b"_s);
    WB_AWAIT_OK(metadata, m_tokens->readTokens(connection));
    QCOMPARE((*metadata)->lifetimeMs, 60'000);

    // Marking the connection for re-authorization gives the lease back in the same write.
    WB_AWAIT_OK(marked, m_tokens->markNeedsReauthorization(connection,
                                                           Error{u"oauth.invalid_grant"_s,
                                                                 u"grant revoked"_s},
                                                           u"process-b"_s));
    WB_AWAIT_OK(free, m_tokens->acquireRefreshLease(connection, u"process-c"_s, 30'000));
    QVERIFY(free->acquired);
    WB_AWAIT_OK(dead, m_workspace.store().connection(connection));
    QCOMPARE(dead->status, ConnectionStatus::NeedsReauthorization);
}

void TestStoreTokenStore::statusesForTheModels()
{
    const qint64 connection = m_workspace.addTenantWithConnection(u"Status Ltd"_s);
    QVERIFY(connection > 0);
    TokenSet tokens;
    tokens.accessToken = u"access-status"_s;
    tokens.refreshToken = u"refresh-status"_s;
    tokens.receivedAtMs = m_clock.nowMs();
    tokens.expiresAtMs = m_clock.nowMs() + 45'000;
    WB_AWAIT_OK(written, m_tokens->writeTokens(connection, tokens, QString()));
    WB_AWAIT_OK(authorized, m_workspace.store().connection(connection));
    QCOMPARE(authorized->status, ConnectionStatus::Authorized);
    QCOMPARE(authorized->tokenExpiresAtMs, tokens.expiresAtMs);

    const ValidityCheck check{ValidityCheck::Verdict::Valid, m_clock.nowMs() + 5, 200,
                              u"The check endpoint accepted the access token (HTTP 200)."_s};
    WB_AWAIT_OK(recorded, m_tokens->recordValidityCheck(connection, check));
    WB_AWAIT_OK(checked, m_workspace.store().connection(connection));
    QCOMPARE(checked->lastCheckedAtMs, m_clock.nowMs() + 5);
    QCOMPARE(checked->lastCheckResult, check.message);
    WB_AWAIT_OK(storedCheck, storedValidityCheck(connection));
    QCOMPARE(*storedCheck, std::optional(check));
    // The latest check replaces the previous one (one row per connection).
    const ValidityCheck refused{ValidityCheck::Verdict::Invalid, m_clock.nowMs() + 9, 403,
                                u"HTTP 403: insufficient_scope"_s};
    WB_AWAIT_OK(recordedAgain, m_tokens->recordValidityCheck(connection, refused));
    WB_AWAIT_OK(storedAgain, storedValidityCheck(connection));
    QCOMPARE(*storedAgain, std::optional(refused));

    WB_AWAIT_OK(marked, m_tokens->markNeedsReauthorization(connection,
                                                           Error{u"oauth.invalid_grant"_s,
                                                                 u"grant revoked"_s},
                                                           QString()));
    WB_AWAIT_OK(dead, m_workspace.store().connection(connection));
    QCOMPARE(dead->status, ConnectionStatus::NeedsReauthorization);
    QCOMPARE(dead->lastCheckResult, u"grant revoked"_s);
    QCOMPARE(dead->tokenExpiresAtMs, tokens.expiresAtMs);

    // A new credential makes it authorized again.
    WB_AWAIT_OK(rewritten, m_tokens->writeTokens(connection, tokens, QString()));
    WB_AWAIT_OK(again, m_workspace.store().connection(connection));
    QCOMPARE(again->status, ConnectionStatus::Authorized);
}

void TestStoreTokenStore::removeLeavesNothingBehind()
{
    const qint64 connection = m_workspace.addTenantWithConnection(u"Removal Ltd"_s);
    QVERIFY(connection > 0);
    TokenSet tokens;
    tokens.accessToken = u"access-removal"_s;
    tokens.refreshToken = u"refresh-removal"_s;
    tokens.receivedAtMs = m_clock.nowMs();
    WB_AWAIT_OK(written, m_tokens->writeTokens(connection, tokens, QString()));
    WB_AWAIT_OK(lease, m_tokens->acquireRefreshLease(connection, u"process-a"_s, 30'000));
    WB_AWAIT_OK(checked,
                m_tokens->recordValidityCheck(connection,
                                              ValidityCheck{ValidityCheck::Verdict::Valid,
                                                            m_clock.nowMs(), 200, u"ok"_s}));

    WB_AWAIT_OK(removed, m_tokens->removeTokens(connection));
    // The latest validity check concerned the removed credential.
    WB_AWAIT_OK(check, storedValidityCheck(connection));
    QCOMPARE(*check, std::nullopt);
    WB_AWAIT_OK(read, m_tokens->readTokens(connection));
    QVERIFY(!*read);
    WB_AWAIT(access, m_workspace.keychain().read(
                             {connection, SecretKind::AccessToken, SecretSlot::Primary}));
    QCOMPARE(errorCode(access), u"secrets.not_found"_s);
    WB_AWAIT(refresh, m_workspace.keychain().read(
                              {connection, SecretKind::RefreshToken, SecretSlot::Primary}));
    QCOMPARE(errorCode(refresh), u"secrets.not_found"_s);
    WB_AWAIT_OK(references, m_workspace.store().secretReferences(connection));
    QVERIFY(references->isEmpty());
    WB_AWAIT_OK(stored, m_workspace.store().connection(connection));
    QCOMPARE(stored->status, ConnectionStatus::Unauthorized);
    QVERIFY(!stored->tokenExpiresAtMs);
    // The lease went with it.
    WB_AWAIT_OK(other, m_tokens->acquireRefreshLease(connection, u"process-b"_s, 30'000));
    QVERIFY(other->acquired);

    // A credential without a refresh token reads back without one.
    tokens.refreshToken.clear();
    WB_AWAIT_OK(rewritten, m_tokens->writeTokens(connection, tokens, QString()));
    WB_AWAIT_OK(reread, m_tokens->readTokens(connection));
    QCOMPARE((*reread)->accessToken, u"access-removal"_s);
    QVERIFY((*reread)->refreshToken.isEmpty());
}

void TestStoreTokenStore::accountIsMappedToTheTenant()
{
    const qint64 first = m_workspace.addTenantWithConnection(u"Mapped Ltd"_s);
    const qint64 second = m_workspace.addTenantWithConnection(u"Other Ltd"_s);
    QVERIFY(first > 0 && second > 0);

    WB_AWAIT_OK(mapping, linkAuthorizedAccount(m_workspace.store(), first, u"T9TK3CUKW"_s));
    QCOMPARE(mapping->providerId, u"oidc-test"_s);
    QCOMPARE(mapping->externalAccountId, u"T9TK3CUKW"_s);
    QCOMPARE(mapping->connectionId, first);
    WB_AWAIT_OK(connection, m_workspace.store().connection(first));
    QCOMPARE(mapping->tenantId, connection->tenantId);

    // Authorizing again keeps the one mapping.
    WB_AWAIT_OK(again, linkAuthorizedAccount(m_workspace.store(), first, u"T9TK3CUKW"_s));
    QCOMPARE(again->id, mapping->id);

    // The same external account for another tenant's connection is refused, naming the holder.
    WB_AWAIT(conflict, linkAuthorizedAccount(m_workspace.store(), second, u"T9TK3CUKW"_s));
    QCOMPARE(errorCode(conflict), u"store.identity_mapping_conflict"_s);
    QVERIFY2(errorMessage(conflict).contains(u"Mapped Ltd"_s), qPrintable(errorMessage(conflict)));
    WB_AWAIT_OK(mappings, m_workspace.store().identityMappings());
    QCOMPARE(mappings->size(), 1);

    // Identity resolution now finds the tenant for events carrying the account.
    IdentityQuery query;
    query.providerId = u"oidc-test"_s;
    query.value = u"T9TK3CUKW"_s;
    query.source = u"test"_s;
    WB_AWAIT_OK(resolution, m_workspace.store().resolveIdentity(query));
    QCOMPARE(resolution->outcome, IdentityResolution::Outcome::Matched);
    QCOMPARE(resolution->tenant->displayName, u"Mapped Ltd"_s);

    WB_AWAIT(empty, linkAuthorizedAccount(m_workspace.store(), first, QString()));
    QCOMPARE(errorCode(empty), u"oauth.account_id_missing"_s);
}

void TestStoreTokenStore::clientIsStoredWithTheConnection()
{
    const qint64 connection = m_workspace.addTenantWithConnection(u"Client Ltd"_s);
    QVERIFY(connection > 0);
    WB_AWAIT_OK(none, loadOAuthClient(m_workspace.store(), connection));
    QVERIFY(!*none);

    const QByteArray client = R"({"profile": "shopify", "client_id": "a1b2c3",
                                  "placeholders": {"shop": "umbrella"}})";
    WB_AWAIT_OK(saved, saveOAuthClient(m_workspace.store(), connection, client));
    WB_AWAIT_OK(loaded, loadOAuthClient(m_workspace.store(), connection));
    QVERIFY(*loaded);
    QCOMPARE(QJsonDocument::fromJson(**loaded), QJsonDocument::fromJson(client));

    // Authorizing again with another client replaces it.
    WB_AWAIT_OK(replaced, saveOAuthClient(m_workspace.store(), connection,
                                          R"({"profile":"shopify","client_id":"d4e5f6",)"
                                          R"("placeholders":{"shop":"umbrella"}})"));
    WB_AWAIT_OK(reloaded, loadOAuthClient(m_workspace.store(), connection));
    QCOMPARE(QJsonDocument::fromJson(**reloaded).object().value(u"client_id"_s).toString(),
             u"d4e5f6"_s);

    // Never a secret, never for a connection that does not exist; nothing stored is harmed.
    WB_AWAIT(secret,
             saveOAuthClient(m_workspace.store(), connection,
                             R"({"profile":"shopify","client_id":"x","client_secret":"s"})"));
    QCOMPARE(errorCode(secret), u"oauth.config_invalid"_s);
    WB_AWAIT(notJson, saveOAuthClient(m_workspace.store(), connection, "[1]"));
    QCOMPARE(errorCode(notJson), u"oauth.config_invalid"_s);
    WB_AWAIT(unknown, saveOAuthClient(m_workspace.store(), 9999, client));
    QCOMPARE(errorCode(unknown), u"store.unknown_connection"_s);
    WB_AWAIT_OK(kept, loadOAuthClient(m_workspace.store(), connection));
    QCOMPARE(QJsonDocument::fromJson(**kept).object().value(u"client_id"_s).toString(), u"d4e5f6"_s);

    // It goes with the connection.
    WB_AWAIT_OK(removed, m_workspace.store().removeConnection(connection));
    WB_AWAIT(gone, loadOAuthClient(m_workspace.store(), connection));
    QCOMPARE(errorCode(gone), u"store.unknown_connection"_s);
}

QTEST_GUILESS_MAIN(TestStoreTokenStore)
#include "tst_storetokenstore.moc"
