// SPDX-License-Identifier: GPL-3.0-or-later
// The real wirebench-cli binary on a real workspace: `tenants`, `connections`, `identities` and
// `secrets set` — success paths with their JSON fields, every refused input with its exit code,
// error code and message (and nothing stored changed), workspace failures (a folder, another
// file, a locked workspace), and secret values leaving the keychain with their connection.
#include "core/secrets/keychainsecretstore.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/clirunner.h"
#include "support/futures.h"
#include "support/results.h"
#include "support/testenv.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliRecords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void recordsLifecycle();
    void textOutputIsATable();
    void refusedInputChangesNothing_data();
    void refusedInputChangesNothing();
    void workspaceFailures_data();
    void workspaceFailures();
    void onlyCreatingCommandsCreateAWorkspace_data();
    void onlyCreatingCommandsCreateAWorkspace();
    void globalOptionAfterTheCommandIsExplained_data();
    void globalOptionAfterTheCommandIsExplained();
    void workspaceOfTheSettingsAndItsPrecedence_data();
    void workspaceOfTheSettingsAndItsPrecedence();
    void tablesNameTheTenant_data();
    void tablesNameTheTenant();
    void lockedWorkspaceIsReportedAndNothingIsWritten();
    void secretsGoToTheKeychainAndLeaveWithTheirConnection_data();
    void secretsGoToTheKeychainAndLeaveWithTheirConnection();
    void secretValueIsNeverPrinted();

private:
    using Run = wb::test::CliRun;
    Run cli(const QStringList &arguments, const QByteArray &input = {},
            const QString &workspace = {});
    // Globex (tenant 1) with a slack connection (1) mapping account T0123, and Initech (tenant 2):
    // a copy of the workspace seeded once through the CLI in initTestCase().
    void seed();
    // Every row of the domain tables, read directly, to compare before and after a refused command.
    QString snapshot();

    QTemporaryDir m_seedDir;
    QString m_seeded;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void TestCliRecords::initTestCase()
{
    QVERIFY(m_seedDir.isValid());
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = m_seedDir.filePath(u"seeded.sqlite"_s);
    QCOMPARE(cli({u"tenants"_s, u"add"_s, u"Globex"_s}).exitCode, 0);
    QCOMPARE(cli({u"tenants"_s, u"add"_s, u"Initech"_s}).exitCode, 0);
    QCOMPARE(cli({u"connections"_s, u"add"_s, u"--tenant"_s, u"1"_s, u"--provider"_s, u"slack"_s})
                     .exitCode,
             0);
    QCOMPARE(cli({u"identities"_s, u"add"_s, u"--provider"_s, u"slack"_s, u"--account"_s,
                  u"T0123"_s, u"--tenant"_s, u"1"_s, u"--connection"_s, u"1"_s})
                     .exitCode,
             0);
    // The last process closed the workspace: WAL checkpointed, the file alone holds everything.
    QVERIFY(!QFile::exists(m_workspace + u"-wal"_s));
    m_seeded = m_workspace;
}

void TestCliRecords::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(u"workspace.sqlite"_s);
}

TestCliRecords::Run TestCliRecords::cli(const QStringList &arguments, const QByteArray &input,
                                        const QString &workspace)
{
    QProcessEnvironment environment = wb::test::cliEnvironment(m_dir->path());
    environment.insert(u"WIREBENCH_WORKSPACE"_s, workspace.isEmpty() ? m_workspace : workspace);
    return wb::test::runCli(arguments, environment, input);
}

void TestCliRecords::seed()
{
    QVERIFY(QFile::copy(m_seeded, m_workspace));
}

QString TestCliRecords::snapshot()
{
    QString all;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"snapshot"_s);
        db.setDatabaseName(m_workspace);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            for (const QString &table :
                 {u"tenants"_s, u"connections"_s, u"identity_mappings"_s, u"secret_references"_s}) {
                QSqlQuery query(u"SELECT * FROM %1 ORDER BY id"_s.arg(table), db);
                while (query.next()) {
                    for (int i = 0; i < query.record().count(); ++i)
                        all += query.value(i).toString() + u'|';
                    all += u'\n';
                }
                all += u"--\n"_s;
            }
        }
    }
    QSqlDatabase::removeDatabase(u"snapshot"_s);
    return all;
}

void TestCliRecords::recordsLifecycle()
{
    const Run added = cli({u"tenants"_s, u"add"_s, u"Globex"_s, u"--external-ref"_s, u"org_42"_s,
                           u"--notes"_s, u"pilot customer"_s, u"--json"_s});
    QCOMPARE(added.exitCode, 0);
    const QJsonObject tenant = added.json().object();
    QCOMPARE(tenant.value(u"id"_s).toInteger(), 1);
    QCOMPARE(tenant.value(u"display_name"_s).toString(), u"Globex"_s);
    QCOMPARE(tenant.value(u"external_reference"_s).toString(), u"org_42"_s);
    QCOMPARE(tenant.value(u"notes"_s).toString(), u"pilot customer"_s);
    const QDateTime created = QDateTime::fromString(tenant.value(u"created_at"_s).toString(),
                                                    Qt::ISODateWithMs);
    QVERIFY(created.isValid());
    QCOMPARE(created.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(created.msecsTo(QDateTime::currentDateTimeUtc())) < 60'000);

    const Run connection = cli({u"connections"_s, u"add"_s, u"--tenant"_s, u"1"_s, u"--provider"_s,
                                u"slack"_s, u"--label"_s, u"ops"_s, u"--base-url"_s,
                                u"https://slack.example/api"_s, u"--json"_s});
    QCOMPARE(connection.exitCode, 0);
    const QJsonObject c = connection.json().object();
    QCOMPARE(c.value(u"id"_s).toInteger(), 1);
    QCOMPARE(c.value(u"tenant_id"_s).toInteger(), 1);
    QCOMPARE(c.value(u"provider"_s).toString(), u"slack"_s);
    QCOMPARE(c.value(u"label"_s).toString(), u"ops"_s);
    QCOMPARE(c.value(u"status"_s).toString(), u"unauthorized"_s);
    QVERIFY(c.value(u"token_expires_at"_s).isNull());
    QCOMPARE(c.value(u"base_url"_s).toString(), u"https://slack.example/api"_s);
    QVERIFY(c.value(u"rate_limit"_s).toObject().value(u"burst"_s).isNull());
    QCOMPARE(c.value(u"handshake_verify_token"_s).toString(), QString());

    const Run meta = cli({u"connections"_s, u"add"_s, u"--tenant"_s, u"1"_s, u"--provider"_s,
                          u"meta"_s, u"--verify-token"_s, u"meatyhamhock"_s, u"--json"_s});
    QCOMPARE(meta.exitCode, 0);
    QCOMPARE(meta.json().object().value(u"handshake_verify_token"_s).toString(), u"meatyhamhock"_s);
    const Run metaShown = cli({u"connections"_s, u"show"_s, u"2"_s});
    QVERIFY2(metaShown.out.contains("verify token:       meatyhamhock"), metaShown.out.constData());
    QCOMPARE(cli({u"connections"_s, u"remove"_s, u"2"_s}).exitCode, 0);

    const Run mapping = cli({u"identities"_s, u"add"_s, u"--provider"_s, u"slack"_s, u"--account"_s,
                             u"T0123"_s, u"--tenant"_s, u"1"_s, u"--connection"_s, u"1"_s,
                             u"--note"_s, u"from onboarding"_s, u"--json"_s});
    QCOMPARE(mapping.exitCode, 0);
    const QJsonObject m = mapping.json().object();
    QCOMPARE(m.value(u"external_account_id"_s).toString(), u"T0123"_s);
    QCOMPARE(m.value(u"connection_id"_s).toInteger(), 1);
    QCOMPARE(m.value(u"note"_s).toString(), u"from onboarding"_s);

    const QJsonArray tenants = cli({u"tenants"_s, u"list"_s, u"--json"_s}).json().array();
    QCOMPARE(tenants.size(), 1);
    QCOMPARE(tenants.at(0).toObject().value(u"connections"_s).toArray(), QJsonArray{1});

    const QJsonObject shown = cli({u"connections"_s, u"show"_s, u"1"_s, u"--json"_s}).json().object();
    QCOMPARE(shown.value(u"identity_mappings"_s).toArray().size(), 1);
    QCOMPARE(shown.value(u"identity_mappings"_s)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"external_account_id"_s)
                     .toString(),
             u"T0123"_s);
    QCOMPARE(shown.value(u"secrets"_s).toArray(), QJsonArray());

    const QJsonArray bySlack = cli({u"identities"_s, u"list"_s, u"--provider"_s, u"slack"_s,
                                    u"--json"_s})
                                       .json()
                                       .array();
    QCOMPARE(bySlack.size(), 1);
    QCOMPARE(cli({u"identities"_s, u"list"_s, u"--provider"_s, u"github"_s, u"--json"_s})
                     .json()
                     .array()
                     .size(),
             0);

    const Run removed = cli({u"tenants"_s, u"remove"_s, u"1"_s, u"--json"_s});
    QCOMPARE(removed.exitCode, 0);
    QCOMPARE(removed.json().object().value(u"removed"_s).toObject().value(u"tenant_id"_s).toInteger(),
             1);
    QCOMPARE(cli({u"tenants"_s, u"list"_s, u"--json"_s}).json().array().size(), 0);
    QCOMPARE(cli({u"connections"_s, u"list"_s, u"--json"_s}).json().array().size(), 0);
    QCOMPARE(cli({u"identities"_s, u"list"_s, u"--json"_s}).json().array().size(), 0);
}

void TestCliRecords::textOutputIsATable()
{
    seed();
    const Run tenants = cli({u"tenants"_s, u"list"_s});
    QCOMPARE(tenants.exitCode, 0);
    const QStringList lines = QString::fromUtf8(tenants.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(u"ID  NAME"_s), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(u"1   Globex"_s), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).endsWith(u"1 slack (unauthorized)"_s), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(u"2   Initech"_s), qPrintable(lines.at(2)));
    // Short commands keep stderr for errors: no informational log lines.
    QCOMPARE(tenants.err, QString());
}

void TestCliRecords::refusedInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("message");

    const auto row = [](const char *name, QStringList arguments, QString errorCode, QString message,
                        QByteArray input = {}) {
        QTest::newRow(name) << arguments << input << 2 << errorCode << message;
    };
    row("tenants-without-action", {u"tenants"_s}, u"cli.missing_action"_s,
        u"give an action (available: list, add, remove)"_s);
    row("tenants-unknown-action", {u"tenants"_s, u"rename"_s}, u"cli.unknown_action"_s,
        u"unknown action 'rename'"_s);
    row("tenants-list-extra-argument", {u"tenants"_s, u"list"_s, u"all"_s},
        u"cli.wrong_arguments"_s, u"expects 0 argument(s) after 'list', got 1"_s);
    row("tenants-add-duplicate", {u"tenants"_s, u"add"_s, u"globex"_s}, u"store.duplicate_tenant"_s,
        u"A tenant named \"Globex\" already exists (id 1)."_s);
    row("tenants-add-control-characters", {u"tenants"_s, u"add"_s, u"Glo\nbex"_s},
        u"store.invalid_tenant"_s, u"contains control characters"_s);
    row("tenants-remove-not-a-number", {u"tenants"_s, u"remove"_s, u"one"_s}, u"cli.invalid_id"_s,
        u"the tenant id must be a whole number of 1 or more, got 'one'"_s);
    row("tenants-remove-zero", {u"tenants"_s, u"remove"_s, u"0"_s}, u"cli.invalid_id"_s,
        u"got '0'"_s);
    row("tenants-remove-unknown", {u"tenants"_s, u"remove"_s, u"99"_s}, u"store.unknown_tenant"_s,
        u"There is no tenant with id 99."_s);
    row("tenants-notes-on-list", {u"tenants"_s, u"list"_s, u"--notes"_s, u"x"_s},
        u"cli.option_not_allowed"_s, u"--external-ref and --notes apply to 'add' only"_s);
    row("connections-add-without-tenant", {u"connections"_s, u"add"_s, u"--provider"_s, u"slack"_s},
        u"cli.missing_option"_s, u"add needs --tenant ID"_s);
    row("connections-add-unknown-tenant",
        {u"connections"_s, u"add"_s, u"--tenant"_s, u"42"_s, u"--provider"_s, u"slack"_s},
        u"store.unknown_tenant"_s, u"There is no tenant with id 42."_s);
    row("connections-add-bad-provider-id",
        {u"connections"_s, u"add"_s, u"--tenant"_s, u"1"_s, u"--provider"_s, u"Big Co"_s},
        u"store.invalid_connection"_s, u"The provider id \"Big Co\" is not a profile id"_s);
    row("connections-add-ftp-base-url",
        {u"connections"_s, u"add"_s, u"--tenant"_s, u"2"_s, u"--provider"_s, u"slack"_s,
         u"--base-url"_s, u"ftp://files.example"_s},
        u"store.invalid_connection"_s, u"must use http or https, not ftp"_s);
    row("connections-add-verify-token-with-space",
        {u"connections"_s, u"add"_s, u"--tenant"_s, u"2"_s, u"--provider"_s, u"meta"_s,
         u"--verify-token"_s, u"two words"_s},
        u"store.invalid_connection"_s,
        u"must be at most 200 printable ASCII characters without spaces"_s);
    row("connections-verify-token-on-show",
        {u"connections"_s, u"show"_s, u"1"_s, u"--verify-token"_s, u"x"_s},
        u"cli.option_not_allowed"_s, u"--verify-token applies to 'add' only"_s);
    row("connections-add-second-unlabelled",
        {u"connections"_s, u"add"_s, u"--tenant"_s, u"1"_s, u"--provider"_s, u"slack"_s},
        u"store.duplicate_connection"_s, u"Tenant \"Globex\" already has a slack connection"_s);
    row("connections-show-unknown", {u"connections"_s, u"show"_s, u"7"_s},
        u"store.unknown_connection"_s, u"There is no connection with id 7."_s);
    row("connections-provider-on-list", {u"connections"_s, u"list"_s, u"--provider"_s, u"slack"_s},
        u"cli.option_not_allowed"_s, u"--provider applies to 'add' only"_s);
    row("identities-add-without-account",
        {u"identities"_s, u"add"_s, u"--provider"_s, u"slack"_s, u"--tenant"_s, u"2"_s},
        u"cli.missing_option"_s, u"(--account is missing)"_s);
    row("identities-add-taken-account",
        {u"identities"_s, u"add"_s, u"--provider"_s, u"slack"_s, u"--account"_s, u"T0123"_s,
         u"--tenant"_s, u"2"_s},
        u"store.identity_mapping_conflict"_s,
        u"The slack account \"T0123\" is already mapped to tenant \"Globex\""_s);
    row("identities-add-other-tenants-connection",
        {u"identities"_s, u"add"_s, u"--provider"_s, u"slack"_s, u"--account"_s, u"T0999"_s,
         u"--tenant"_s, u"2"_s, u"--connection"_s, u"1"_s},
        u"store.connection_mismatch"_s, u"Connection 1 is a slack connection of tenant 1"_s);
    row("secrets-bad-kind",
        {u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"password"_s},
        u"cli.invalid_option"_s, u"--kind must be webhook, client or app, got 'password'"_s);
    row("secrets-secondary-client-secret",
        {u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"client"_s, u"--slot"_s,
         u"secondary"_s},
        u"secrets.invalid_key"_s, u"the OAuth client secret has only a primary one"_s, "s3cret");
    row("secrets-missing-file",
        {u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"webhook"_s,
         u"--from-file"_s, u"/nonexistent/secret.txt"_s},
        u"cli.unreadable_file"_s, u"cannot read the secret from /nonexistent/secret.txt"_s);
    row("secrets-empty-stdin",
        {u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"webhook"_s},
        u"cli.empty_secret"_s, u"the secret read from stdin is empty; nothing was stored"_s, "\n");
    row("secrets-unknown-connection",
        {u"secrets"_s, u"set"_s, u"--connection"_s, u"5"_s, u"--kind"_s, u"webhook"_s},
        u"store.unknown_connection"_s, u"There is no connection with id 5."_s, "whsec_x");
    row("secrets-too-long",
        {u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"webhook"_s},
        u"secrets.invalid_value"_s, u"65537 bytes long"_s, QByteArray(64 * 1024 + 1, 'a'));
}

void TestCliRecords::refusedInputChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, errorCode);
    QFETCH(QString, message);

    seed();
    const QString before = snapshot();
    QVERIFY2(before.contains(u"Globex"_s), qPrintable(before));

    const Run text = cli(arguments, input);
    QCOMPARE(text.exitCode, exitCode);
    QVERIFY2(text.err.startsWith(u"wirebench-cli "_s), qPrintable(text.err));
    QVERIFY2(text.err.contains(message), qPrintable(text.err));
    QCOMPARE(text.err.count(u'\n'), 1); // one line, no log noise

    const Run json = cli(arguments + QStringList{u"--json"_s}, input);
    QCOMPARE(json.exitCode, exitCode);
    const QJsonObject error = json.json().object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), errorCode);
    QVERIFY2(error.value(u"message"_s).toString().contains(message), json.out.constData());

    QCOMPARE(snapshot(), before);
}

void TestCliRecords::workspaceFailures_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("folder") << u"folder"_s << u"store.not_a_file"_s << u"is not a file"_s;
    QTest::newRow("text-file") << u"text"_s << u"store.not_a_workspace"_s
                               << u"it is not an SQLite database"_s;
    // A read-only command never creates a workspace (onlyCreatingCommandsCreateAWorkspace).
    QTest::newRow("missing-folder")
            << u"missing"_s << u"cli.no_workspace"_s << u"there is no workspace at"_s;
}

void TestCliRecords::workspaceFailures()
{
    QFETCH(QString, kind);
    QFETCH(QString, errorCode);
    QFETCH(QString, message);
    QString path;
    if (kind == u"folder") {
        path = m_dir->filePath(u"a-folder"_s);
        QVERIFY(QDir().mkpath(path));
    } else if (kind == u"text") {
        path = m_dir->filePath(u"notes.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("these are my notes, not a workspace\n");
    } else {
        path = m_dir->filePath(u"no/such/folder/workspace.sqlite"_s);
    }
    QByteArray before;
    if (kind == u"text") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        before = file.readAll();
    }

    const Run run = cli({u"tenants"_s, u"list"_s, u"--json"_s}, {}, path);
    QCOMPARE(run.exitCode, 3);
    const QJsonObject error = run.json().object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), errorCode);
    QVERIFY2(error.value(u"message"_s).toString().contains(message), run.out.constData());
    QVERIFY2(run.err.contains(path), qPrintable(run.err));
    if (kind == u"text") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }
    if (kind == u"missing")
        QVERIFY(!QFileInfo::exists(QFileInfo(path).absolutePath()));
}

void TestCliRecords::onlyCreatingCommandsCreateAWorkspace_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("created");
    const auto refused = [](const char *name, const QStringList &command) {
        QTest::newRow(name) << command << 3 << false;
    };
    refused("tenants-list", {u"tenants"_s, u"list"_s});
    refused("tenants-remove", {u"tenants"_s, u"remove"_s, u"1"_s});
    refused("connections-list", {u"connections"_s, u"list"_s});
    refused("connections-add",
            {u"connections"_s, u"add"_s, u"--tenant"_s, u"1"_s, u"--provider"_s, u"slack"_s});
    refused("identities-list", {u"identities"_s, u"list"_s});
    refused("events-list", {u"events"_s, u"list"_s});
    refused("deliveries-list", {u"deliveries"_s, u"list"_s});
    refused("schedules-list", {u"schedules"_s, u"list"_s});
    refused("registrations-list", {u"registrations"_s, u"list"_s});
    refused("health", {u"health"_s});
    refused("oauth-refresh", {u"oauth"_s, u"refresh"_s, u"--connection"_s, u"1"_s});
    refused("secrets-backend", {u"secrets"_s, u"backend"_s});
    // The first tenant starts a workspace, as the GUI's first start does.
    QTest::newRow("tenants-add-creates")
            << QStringList{u"tenants"_s, u"add"_s, u"Acme"_s} << 0 << true;
    QTest::newRow("schedules-add-creates")
            << QStringList{u"schedules"_s,
                           u"add"_s,
                           u"Nightly"_s,
                           u"--expr"_s,
                           u"0 2 * * *"_s,
                           u"--url"_s,
                           u"https://hooks.example.com/{{tenant.id}}"_s,
                           u"--provider"_s,
                           u"slack"_s}
            << 0 << true;
}

void TestCliRecords::onlyCreatingCommandsCreateAWorkspace()
{
    QFETCH(QStringList, command);
    QFETCH(int, exitCode);
    QFETCH(bool, created);
    // A mistyped --workspace: the folder exists, the file does not.
    const QString mistyped = m_dir->filePath(u"worksapce.sqlite"_s);
    const Run run = cli(QStringList{u"--workspace"_s, mistyped} + command);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.err + QString::fromUtf8(run.out)));
    QCOMPARE(QFileInfo::exists(mistyped), created);
    if (!created) {
        QVERIFY2(run.err.contains(u"there is no workspace at "_s + mistyped), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"--workspace"_s), qPrintable(run.err));
    }
}

void TestCliRecords::globalOptionAfterTheCommandIsExplained_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("hint");
    QTest::newRow("workspace-after-tenants-list")
            << QStringList{u"tenants"_s, u"list"_s, u"--workspace"_s, u"x.sqlite"_s}
            << u"--workspace is a global option: give it before the command, as in "
               u"'wirebench-cli --workspace PATH tenants ...'"_s;
    QTest::newRow("workspace-after-connections-remove")
            << QStringList{u"connections"_s, u"remove"_s, u"1"_s, u"--workspace=x.sqlite"_s}
            << u"'wirebench-cli --workspace PATH connections ...'"_s;
    QTest::newRow("version-after-events")
            << QStringList{u"events"_s, u"list"_s, u"--version"_s}
            << u"--version is a global option: give it before the command"_s;
}

void TestCliRecords::globalOptionAfterTheCommandIsExplained()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, hint);
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"Unknown option"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(hint), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(m_workspace));
}

void TestCliRecords::workspaceOfTheSettingsAndItsPrecedence_data()
{
    QTest::addColumn<bool>("flag");
    QTest::addColumn<bool>("environment");
    QTest::addColumn<QString>("opened"); // settings, environment, flag
    QTest::newRow("settings-without-flag-or-environment") << false << false << u"settings"_s;
    QTest::newRow("environment-over-settings") << false << true << u"environment"_s;
    QTest::newRow("flag-over-environment-and-settings") << true << true << u"flag"_s;
}

void TestCliRecords::workspaceOfTheSettingsAndItsPrecedence()
{
    QFETCH(bool, flag);
    QFETCH(bool, environment);
    QFETCH(QString, opened);
    // Three workspaces, each with one tenant named after where it is chosen.
    QMap<QString, QString> paths;
    for (const QString &name : {u"settings"_s, u"environment"_s, u"flag"_s}) {
        paths.insert(name, m_dir->filePath(name + u".sqlite"_s));
        QCOMPARE(cli({u"tenants"_s, u"add"_s, name}, {}, paths.value(name)).exitCode, 0);
    }
    // The GUI's settings file (QSettings, native format: $XDG_CONFIG_HOME/Wirebench/wirebench.conf).
    const QString config = m_dir->filePath(u"config"_s);
    {
        QSettings settings(config + u"/Wirebench/wirebench.conf"_s, QSettings::IniFormat);
        settings.setValue(u"workspace/location"_s, paths.value(u"settings"_s));
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, m_dir->path());
    env.insert(u"XDG_CONFIG_HOME"_s, config);
    env.remove(u"WIREBENCH_WORKSPACE"_s);
    if (environment)
        env.insert(u"WIREBENCH_WORKSPACE"_s, paths.value(u"environment"_s));
    process.setProcessEnvironment(env);
    QStringList arguments;
    if (flag)
        arguments << u"--workspace"_s << paths.value(u"flag"_s);
    process.start(wb::test::cliPath(),
                  arguments + QStringList{u"tenants"_s, u"list"_s, u"--json"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QJsonArray tenants = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    QCOMPARE(tenants.size(), 1);
    QCOMPARE(tenants.at(0).toObject().value(u"display_name"_s).toString(), opened);
}

void TestCliRecords::tablesNameTheTenant_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("row");
    QTest::newRow("connections-list") << QStringList{u"connections"_s, u"list"_s}
                                      << u"ID  TENANT  PROVIDER"_s << u"1   Globex  slack"_s;
    QTest::newRow("identities-list")
            << QStringList{u"identities"_s, u"list"_s} << u"ID  PROVIDER  ACCOUNT  TENANT"_s
            << u"1   slack     T0123    Globex"_s;
}

void TestCliRecords::tablesNameTheTenant()
{
    QFETCH(QStringList, command);
    QFETCH(QString, header);
    QFETCH(QString, row);
    seed();
    const Run run = cli(command);
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(header), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(row), qPrintable(lines.at(1)));
    // JSON keeps the id.
    const Run json = cli(command + QStringList{u"--json"_s});
    QCOMPARE(json.json().array().at(0).toObject().value(u"tenant_id"_s).toInteger(), 1);
}

void TestCliRecords::lockedWorkspaceIsReportedAndNothingIsWritten()
{
    seed();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
        db.setDatabaseName(m_workspace);
        QVERIFY(db.open());
        QSqlQuery lock(db);
        QVERIFY2(lock.exec(u"BEGIN IMMEDIATE"_s), qPrintable(lock.lastError().text()));
        QVERIFY(lock.exec(u"UPDATE tenants SET notes = 'held by another program' WHERE id = 1"_s));

        const Run run = cli({u"tenants"_s, u"add"_s, u"Umbrella"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 3);
        const QJsonObject error = run.json().object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"store.busy"_s);
        QVERIFY2(error.value(u"message"_s)
                         .toString()
                         .contains(u"locked by another program (or another Wirebench)"_s),
                 run.out.constData());
        QVERIFY(lock.exec(u"ROLLBACK"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"locker"_s);
    const QJsonArray tenants = cli({u"tenants"_s, u"list"_s, u"--json"_s}).json().array();
    QCOMPARE(tenants.size(), 2);
    for (const QJsonValue &tenant : tenants)
        QVERIFY(tenant.toObject().value(u"display_name"_s).toString() != u"Umbrella"_s);
}

void TestCliRecords::secretsGoToTheKeychainAndLeaveWithTheirConnection_data()
{
    QTest::addColumn<QStringList>("removal");
    QTest::newRow("connection-removed") << QStringList{u"connections"_s, u"remove"_s, u"1"_s};
    QTest::newRow("tenant-removed") << QStringList{u"tenants"_s, u"remove"_s, u"1"_s};
}

void TestCliRecords::secretsGoToTheKeychainAndLeaveWithTheirConnection()
{
    QFETCH(QStringList, removal);
    seed();
    // stdin with the line break `echo` adds; a file with CRLF from a Windows editor.
    const Run webhook = cli({u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s,
                             u"webhook"_s, u"--json"_s},
                            "8f742231b10e8888abcd99yyyzzz85a5\n");
    QCOMPARE(webhook.exitCode, 0);
    const QJsonObject stored = webhook.json().object().value(u"stored"_s).toObject();
    QCOMPARE(stored.value(u"kind"_s).toString(), u"webhook_signing_secret"_s);
    QCOMPARE(stored.value(u"slot"_s).toString(), u"primary"_s);
    QCOMPARE(stored.value(u"backend"_s).toString(), u"keychain"_s);
    QCOMPARE(stored.value(u"bytes"_s).toInteger(), 32);

    const QString file = m_dir->filePath(u"client-secret.txt"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("cs_live_abc\r\n");
    }
    QCOMPARE(cli({u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"client"_s,
                  u"--from-file"_s, file})
                     .exitCode,
             0);
    QCOMPARE(cli({u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"webhook"_s,
                  u"--slot"_s, u"secondary"_s},
                 "whsec_next")
                     .exitCode,
             0);

    const QJsonArray secrets = cli({u"connections"_s, u"show"_s, u"1"_s, u"--json"_s})
                                       .json()
                                       .object()
                                       .value(u"secrets"_s)
                                       .toArray();
    QCOMPARE(secrets.size(), 3);

    QUuid workspaceId;
    {
        auto store = wb::core::openWorkspace(m_workspace, {wb::core::SystemClock::instance()});
        QVERIFY(store);
        workspaceId = (*store)->workspaceInfo().workspaceId;
    }
    wb::core::KeychainSecretStore keychain(workspaceId);
    using wb::core::SecretKind;
    using wb::core::SecretSlot;
    const wb::core::SecretKey webhookKey{1, SecretKind::WebhookSigningSecret, SecretSlot::Primary};
    const wb::core::SecretKey nextKey{1, SecretKind::WebhookSigningSecret, SecretSlot::Secondary};
    const wb::core::SecretKey clientKey{1, SecretKind::OAuthClientSecret, SecretSlot::Primary};
    WB_AWAIT_OK(webhookValue, keychain.read(webhookKey));
    QCOMPARE(*webhookValue, "8f742231b10e8888abcd99yyyzzz85a5"_ba);
    WB_AWAIT_OK(nextValue, keychain.read(nextKey));
    QCOMPARE(*nextValue, "whsec_next"_ba);
    WB_AWAIT_OK(clientValue, keychain.read(clientKey));
    QCOMPARE(*clientValue, "cs_live_abc"_ba);

    const Run removed = cli(removal);
    QCOMPARE(removed.exitCode, 0);
    QCOMPARE(removed.err, QString());
    for (const auto &key : {webhookKey, nextKey, clientKey}) {
        WB_AWAIT(read, keychain.read(key));
        QVERIFY(!read);
        QCOMPARE(read.error().code, u"secrets.not_found"_s);
    }
}

void TestCliRecords::secretValueIsNeverPrinted()
{
    seed();
    const QByteArray value = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const Run text = cli({u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s,
                          u"webhook"_s},
                         value);
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(QString::fromUtf8(text.out),
             u"Stored the webhook signing secret (primary) of connection 1 (38 bytes) in the "
             u"keychain.\n"_s);
    for (const QStringList &arguments :
         {QStringList{u"connections"_s, u"show"_s, u"1"_s},
          QStringList{u"connections"_s, u"show"_s, u"1"_s, u"--json"_s}}) {
        const Run shown = cli(arguments);
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains("webhook_signing_secret"));
        QVERIFY(!shown.out.contains(value));
        QVERIFY(!shown.err.toUtf8().contains(value));
    }
}

QTEST_GUILESS_MAIN(TestCliRecords)
#include "tst_cli_records.moc"
