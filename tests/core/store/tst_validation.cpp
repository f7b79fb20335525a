// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input to the repositories, one named row per case: a stable error code, a message that names
// the field or value, no change signal, and nothing stored changed.
#include "storetestutil.h"

#include "support/futures.h"
#include "support/results.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

namespace {

template<typename T>
QFuture<Result<bool>> asBool(QFuture<Result<T>> future)
{
    return future.then([](const Result<T> &result) -> Result<bool> {
        if (!result)
            return fail(result.error());
        return true;
    });
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void badInputIsRefusedAndHarmsNothing_data();
    void badInputIsRefusedAndHarmsNothing();

private:
    QFuture<Result<bool>> attempt(const QString &operation);

    std::unique_ptr<wb::test::TempWorkspace> m_ws;
    Tenant m_acme;
    Tenant m_beta;
    Connection m_acmeGithub;
    Connection m_betaSlack;
};

void TestValidation::init()
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
    m_betaSlack = *slackAdded;
    IdentityMapping mapping;
    mapping.providerId = u"github"_s;
    mapping.externalAccountId = u"111"_s;
    mapping.tenantId = m_acme.id;
    mapping.connectionId = m_acmeGithub.id;
    WB_AWAIT_OK(mapped, store.addIdentityMapping(mapping));
    wb::test::deliverPostedEvents();
}

void TestValidation::cleanup()
{
    m_ws.reset();
}

QFuture<Result<bool>> TestValidation::attempt(const QString &operation)
{
    Store &store = *m_ws->store;
    Tenant tenant;
    tenant.displayName = u"Fresh"_s;
    Connection connection;
    connection.tenantId = m_acme.id;
    connection.providerId = u"stripe"_s;
    IdentityMapping mapping;
    mapping.providerId = u"github"_s;
    mapping.externalAccountId = u"222"_s;
    mapping.tenantId = m_beta.id;
    SecretReference reference;
    reference.key = {m_acmeGithub.id, SecretKind::AccessToken, SecretSlot::Primary};
    reference.backend = u"keychain"_s;
    reference.keyName = u"k"_s;

    if (operation == u"tenant-empty-name"_s) {
        tenant.displayName.clear();
    } else if (operation == u"tenant-blank-name"_s) {
        tenant.displayName = u" \t "_s;
    } else if (operation == u"tenant-name-too-long"_s) {
        tenant.displayName = QString(201, u'x');
    } else if (operation == u"tenant-name-with-line-break"_s) {
        tenant.displayName = u"Two\nLines"_s;
    } else if (operation == u"tenant-name-taken-other-case"_s) {
        tenant.displayName = u"ACME"_s;
    } else if (operation == u"tenant-external-reference-taken"_s) {
        tenant.externalReference = u"acme-1"_s;
    } else if (operation == u"tenant-rename-onto-another"_s) {
        Tenant beta = m_beta;
        beta.displayName = u"acme"_s;
        return asBool(store.updateTenant(beta));
    } else if (operation == u"tenant-update-unknown-id"_s) {
        tenant.id = 999;
        return asBool(store.updateTenant(tenant));
    } else if (operation == u"tenant-remove-unknown-id"_s) {
        return asBool(store.removeTenant(999).then([](Result<void> r) -> Result<int> {
            if (!r)
                return fail(r.error());
            return 0;
        }));
    } else if (operation.startsWith(u"connection-"_s)) {
        if (operation == u"connection-unknown-tenant"_s)
            connection.tenantId = 999;
        else if (operation == u"connection-empty-provider"_s)
            connection.providerId.clear();
        else if (operation == u"connection-upper-case-provider"_s)
            connection.providerId = u"GitHub"_s;
        else if (operation == u"connection-ftp-base-url"_s)
            connection.settings.baseUrl = QUrl(u"ftp://files.example.com"_s);
        else if (operation == u"connection-relative-forward-target"_s)
            connection.settings.forwardTargetUrl = QUrl(u"/hooks/in"_s);
        else if (operation == u"connection-zero-rate"_s)
            connection.settings.rateLimits.requestsPerSecond = 0.0;
        else if (operation == u"connection-zero-burst"_s)
            connection.settings.rateLimits.burst = 0;
        else if (operation == u"connection-negative-concurrency"_s)
            connection.settings.rateLimits.concurrencyLimit = -1;
        else if (operation == u"connection-same-provider-no-label"_s)
            connection.providerId = u"github"_s;
        else if (operation == u"connection-relabel-onto-another"_s) {
            return asBool(store.addConnection([&] {
                                   Connection labelled = connection;
                                   labelled.providerId = u"github"_s;
                                   labelled.label = u"second"_s;
                                   return labelled;
                               }())
                                  .then([&store](Result<Connection> added) {
                                      return store.updateConnectionSettings(added->id, QString(),
                                                                            {});
                                  })
                                  .unwrap());
        } else if (operation == u"connection-status-unknown-id"_s)
            return asBool(store.setConnectionStatus(999, ConnectionStatus::Authorized, {}));
        else if (operation == u"connection-check-result-too-long"_s)
            return asBool(store.recordConnectionCheck(m_acmeGithub.id, 1, QString(2001, u'x')));
        else if (operation == u"connection-remove-unknown-id"_s) {
            return asBool(store.removeConnection(999).then([](Result<void> r) -> Result<int> {
                if (!r)
                    return fail(r.error());
                return 0;
            }));
        }
        return asBool(store.addConnection(connection));
    } else if (operation.startsWith(u"mapping-"_s)) {
        if (operation == u"mapping-empty-account"_s)
            mapping.externalAccountId.clear();
        else if (operation == u"mapping-account-with-spaces"_s)
            mapping.externalAccountId = u" 222"_s;
        else if (operation == u"mapping-unknown-tenant"_s)
            mapping.tenantId = 999;
        else if (operation == u"mapping-unknown-connection"_s)
            mapping.connectionId = 999;
        else if (operation == u"mapping-connection-of-other-tenant"_s)
            mapping.connectionId = m_acmeGithub.id;
        else if (operation == u"mapping-connection-of-other-provider"_s) {
            mapping.providerId = u"github"_s;
            mapping.connectionId = m_betaSlack.id;
        } else if (operation == u"mapping-bad-provider"_s)
            mapping.providerId = u"Git Hub"_s;
        else if (operation == u"mapping-update-unknown-id"_s) {
            mapping.id = 999;
            return asBool(store.updateIdentityMapping(mapping));
        }
        return asBool(store.addIdentityMapping(mapping));
    } else if (operation.startsWith(u"secret-"_s)) {
        if (operation == u"secret-secondary-access-token"_s)
            reference.key.slot = SecretSlot::Secondary;
        else if (operation == u"secret-unknown-connection"_s)
            reference.key.connectionId = 999;
        else if (operation == u"secret-no-backend"_s)
            reference.backend.clear();
        return asBool(store.putSecretReference(reference));
    }
    return asBool(store.addTenant(tenant));
}

void TestValidation::badInputIsRefusedAndHarmsNothing_data()
{
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("messagePart");
    const auto row = [](const char *operation, const char *code, const QString &part) {
        QTest::newRow(operation) << QString::fromLatin1(code) << part;
    };
    row("tenant-empty-name", "store.invalid_tenant", u"needs a display name"_s);
    row("tenant-blank-name", "store.invalid_tenant", u"needs a display name"_s);
    row("tenant-name-too-long", "store.invalid_tenant", u"201 characters"_s);
    row("tenant-name-with-line-break", "store.invalid_tenant", u"\"Two\\nLines\""_s);
    row("tenant-name-taken-other-case", "store.duplicate_tenant", u"\"Acme\" already exists"_s);
    row("tenant-external-reference-taken", "store.duplicate_tenant",
        u"\"acme-1\" already belongs to tenant \"Acme\""_s);
    row("tenant-rename-onto-another", "store.duplicate_tenant", u"\"Acme\" already exists"_s);
    row("tenant-update-unknown-id", "store.unknown_tenant", u"no tenant with id 999"_s);
    row("tenant-remove-unknown-id", "store.unknown_tenant", u"no tenant with id 999"_s);
    row("connection-unknown-tenant", "store.unknown_tenant", u"no tenant with id 999"_s);
    row("connection-empty-provider", "store.invalid_connection", u"needs a provider id"_s);
    row("connection-upper-case-provider", "store.invalid_connection", u"\"GitHub\""_s);
    row("connection-ftp-base-url", "store.invalid_connection",
        u"base URL \"ftp://files.example.com\" must use http or https"_s);
    row("connection-relative-forward-target", "store.invalid_connection",
        u"forward target URL \"/hooks/in\" is not an absolute URL"_s);
    row("connection-zero-rate", "store.invalid_connection", u"more than 0 requests per second"_s);
    row("connection-zero-burst", "store.invalid_connection", u"burst must be at least 1, got 0"_s);
    row("connection-negative-concurrency", "store.invalid_connection",
        u"concurrency limit must be at least 1, got -1"_s);
    row("connection-same-provider-no-label", "store.duplicate_connection",
        u"Tenant \"Acme\" already has a github connection"_s);
    row("connection-relabel-onto-another", "store.duplicate_connection",
        u"Tenant \"Acme\" already has a github connection"_s);
    row("connection-status-unknown-id", "store.unknown_connection", u"no connection with id 999"_s);
    row("connection-check-result-too-long", "store.invalid_connection", u"2001 characters"_s);
    row("connection-remove-unknown-id", "store.unknown_connection", u"no connection with id 999"_s);
    row("mapping-empty-account", "store.invalid_identity_mapping", u"external account id"_s);
    row("mapping-account-with-spaces", "store.invalid_identity_mapping",
        u"\" 222\" starts or ends"_s);
    row("mapping-unknown-tenant", "store.unknown_tenant", u"no tenant with id 999"_s);
    row("mapping-unknown-connection", "store.unknown_connection", u"no connection with id 999"_s);
    row("mapping-connection-of-other-tenant", "store.connection_mismatch",
        u"github connection of tenant"_s);
    row("mapping-connection-of-other-provider", "store.connection_mismatch",
        u"slack connection of tenant"_s);
    row("mapping-bad-provider", "store.invalid_identity_mapping", u"\"Git Hub\""_s);
    row("mapping-update-unknown-id", "store.unknown_identity_mapping",
        u"no identity mapping with id 999"_s);
    row("secret-secondary-access-token", "secrets.invalid_key", u"secondary slot"_s);
    row("secret-unknown-connection", "store.unknown_connection", u"no connection with id 999"_s);
    row("secret-no-backend", "store.invalid_secret_reference", u"needs a backend"_s);
}

void TestValidation::badInputIsRefusedAndHarmsNothing()
{
    QFETCH(QString, errorCode);
    QFETCH(QString, messagePart);
    Store &store = *m_ws->store;
    const QString operation = QString::fromLatin1(QTest::currentDataTag());
    WB_AWAIT_OK(before, wb::test::workspaceSnapshot(store));
    const WriterStatistics statsBefore = store.writerStatistics();

    QList<QSignalSpy *> spies;
    const QMetaObject &meta = Store::staticMetaObject;
    for (int i = meta.methodOffset(); i < meta.methodCount(); ++i) {
        if (meta.method(i).methodType() == QMetaMethod::Signal)
            spies << new QSignalSpy(&store, meta.method(i));
    }
    const auto cleanupSpies = qScopeGuard([&] { qDeleteAll(spies); });

    WB_AWAIT(outcome, attempt(operation));
    QCOMPARE(wb::test::errorCode(outcome), errorCode);
    QVERIFY2(errorMessage(outcome).contains(messagePart), qPrintable(errorMessage(outcome)));

    wb::test::deliverPostedEvents();
    for (QSignalSpy *spy : std::as_const(spies)) {
        // The relabel case adds a second connection first (on purpose); nothing else changes.
        if (operation == u"connection-relabel-onto-another"_s
            && spy->signal() == QByteArray("connectionAdded(wb::core::Connection)"))
            continue;
        QVERIFY2(spy->isEmpty(), spy->signal().constData());
    }
    // Each refused operation was one write job that failed, its savepoint rolled back.
    QCOMPARE(store.writerStatistics().failedJobs, statsBefore.failedJobs + 1);
    WB_AWAIT_OK(after, wb::test::workspaceSnapshot(store));
    if (operation != u"connection-relabel-onto-another"_s)
        QCOMPARE(*after, *before);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
