// SPDX-License-Identifier: GPL-3.0-or-later
// `wirebench-cli secrets` through the real binary, with the real keyring of the test session: a
// whole cycle (set from stdin and from a file, migrate to sealed, backend, rotate-key, migrate
// back), the errors and exit codes, master key problems, and no secret in any output; and
// `workspace password`, a PostgreSQL workspace's password in the keychain.
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/store/postgres/workspacepassword.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/clirunner.h"
#include "support/futures.h"
#include "support/results.h"
#include "support/testenv.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace wb::core;

class TestCliSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void generateKeyWritesAPrivateFile();
    void wholeCycle();
    void usageErrors_data();
    void usageErrors();
    void masterKeyProblems_data();
    void masterKeyProblems();
    void workspacePassword();

private:
    using Run = wb::test::CliRun;
    Run cli(const QStringList &arguments, const QByteArray &input = {},
            const QString &keyFileEnv = {});
    // A workspace with two connections (ids 1 and 2), closed again.
    void makeWorkspace();
    QString keyFile(const QString &name, int mode = 0600);
    void expectNoSecretIn(const QByteArray &bytes, const char *where);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
    QList<QByteArray> m_secrets;
    QByteArray m_allOutput;
};

void TestCliSecrets::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(u"ws.sqlite"_s);
    m_secrets.clear();
    m_allOutput.clear();
}

TestCliSecrets::Run TestCliSecrets::cli(const QStringList &arguments, const QByteArray &input,
                                        const QString &keyFileEnv)
{
    QProcessEnvironment environment = wb::test::cliEnvironment(m_dir->filePath(u"data"_s));
    if (!keyFileEnv.isEmpty())
        environment.insert(u"WIREBENCH_MASTER_KEY_FILE"_s, keyFileEnv);
    const Run run = wb::test::runCli(QStringList{u"--workspace"_s, m_workspace} + arguments,
                                     environment, input);
    m_allOutput += run.out + run.err.toUtf8();
    return run;
}

void TestCliSecrets::makeWorkspace()
{
    SystemClock clock;
    Result<std::unique_ptr<Store>> store = openWorkspace(m_workspace, StoreServices{&clock});
    QVERIFY(store);
    Tenant tenant;
    tenant.displayName = u"CLI tenant"_s;
    WB_AWAIT_OK(added, (*store)->addTenant(tenant));
    for (const QString &provider : {u"github"_s, u"stripe"_s}) {
        Connection connection;
        connection.tenantId = added->id;
        connection.providerId = provider;
        WB_AWAIT_OK(connected, (*store)->addConnection(connection));
    }
}

QString TestCliSecrets::keyFile(const QString &name, int mode)
{
    const QString path = m_dir->filePath(name);
    QFile::remove(path);
    QByteArray key(32, Qt::Uninitialized);
    for (char &c : key)
        c = char(QRandomGenerator::system()->generate());
    m_secrets << key;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(key.toHex() + '\n') != 65)
        return {};
    file.close();
    ::chmod(QFile::encodeName(path).constData(), mode_t(mode));
    return path;
}

void TestCliSecrets::expectNoSecretIn(const QByteArray &bytes, const char *where)
{
    for (const QByteArray &secret : std::as_const(m_secrets)) {
        for (const QByteArray &form : {secret, secret.toHex(), secret.toBase64()}) {
            if (bytes.contains(form))
                QFAIL(qPrintable(u"a secret is in %1"_s.arg(QString::fromLatin1(where))));
        }
    }
}

void TestCliSecrets::generateKeyWritesAPrivateFile()
{
    const QString path = m_dir->filePath(u"new.key"_s);
    const Run run = cli({u"secrets"_s, u"generate-key"_s, u"--out"_s, path, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QRegularExpression(u"^[0-9a-f]{16}$"_s)
                    .match(run.object().value(u"key_id"_s).toString())
                    .hasMatch());
    QCOMPARE(run.object().value(u"file"_s).toString(), path);
    struct stat status = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &status), 0);
    QCOMPARE(int(status.st_mode & 0777), 0600);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(QRegularExpression(u"^[0-9a-f]{64}\n$"_s).match(QString::fromLatin1(text)).hasMatch());
    QVERIFY(!run.out.contains(text.trimmed()));

    const Run again = cli({u"secrets"_s, u"generate-key"_s, u"--out"_s, path});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains(u"exists already"_s), qPrintable(again.err));
    QVERIFY(file.seek(0));
    QCOMPARE(file.readAll(), text);
}

void TestCliSecrets::wholeCycle()
{
    makeWorkspace();
    const QByteArray webhook = "whsec_cli_" + QUuid::createUuid().toByteArray(QUuid::Id128);
    const QByteArray client = "cs_cli_" + QUuid::createUuid().toByteArray(QUuid::Id128);
    const QByteArray secondary = "whsec_next_" + QUuid::createUuid().toByteArray(QUuid::Id128);
    // An app credential as GitHub hands out an app's private key: several lines of PEM.
    const QByteArray app = "-----BEGIN PRIVATE KEY-----\nMIIEv"
                           + QUuid::createUuid().toByteArray(QUuid::Id128) + "\n"
                           + QUuid::createUuid().toByteArray(QUuid::Id128)
                           + "\n-----END PRIVATE KEY-----";
    m_secrets << webhook << client << secondary << app;
    const QString key = keyFile(u"master.key"_s);
    const QString newKey = keyFile(u"next.key"_s);

    Run run = cli({u"secrets"_s, u"backend"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.object().value(u"backend"_s).toString(), u"keychain"_s);
    QVERIFY(run.object().value(u"master_key"_s).isNull());

    run = cli({u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"webhook"_s,
               u"--json"_s},
              webhook + '\n');
    QCOMPARE(run.exitCode, 0);
    const QJsonObject stored = run.object().value(u"stored"_s).toObject();
    QCOMPARE(stored.value(u"kind"_s).toString(), u"webhook_signing_secret"_s);
    QCOMPARE(stored.value(u"backend"_s).toString(), u"keychain"_s);
    QCOMPARE(stored.value(u"bytes"_s).toInteger(), webhook.size());
    QVERIFY(stored.value(u"updated_at"_s).toString().endsWith(u'Z'));
    const QString clientFile = m_dir->filePath(u"client.txt"_s);
    {
        QFile file(clientFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(client + "\r\n");
    }
    run = cli({u"secrets"_s, u"set"_s, u"--connection"_s, u"2"_s, u"--kind"_s, u"client"_s,
               u"--from-file"_s, clientFile});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, "Stored the OAuth client secret (primary) of connection 2 ("
                              + QByteArray::number(client.size()) + " bytes) in the keychain.\n");
    const QString appFile = m_dir->filePath(u"app.pem"_s);
    {
        QFile file(appFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(app + "\n");
    }
    run = cli({u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"app"_s,
               u"--from-file"_s, appFile, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.object().value(u"stored"_s).toObject().value(u"kind"_s).toString(),
             u"app_credential"_s);

    run = cli({u"secrets"_s, u"migrate"_s, u"--to"_s, u"sealed"_s}, {}, key);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("moved 3 secrets from the keychain backend to the sealed backend"),
             run.out.constData());

    run = cli({u"secrets"_s, u"backend"_s, u"--json"_s}, {}, key);
    QCOMPARE(run.exitCode, 0);
    QJsonObject status = run.object();
    QCOMPARE(status.value(u"backend"_s).toString(), u"sealed"_s);
    QCOMPARE(status.value(u"references"_s).toObject().value(u"sealed"_s).toInt(), 3);
    QCOMPARE(status.value(u"sealed_values"_s).toInt(), 3);
    QJsonObject master = status.value(u"master_key"_s).toObject();
    QCOMPARE(master.value(u"source"_s).toString(), u"environment"_s);
    QCOMPARE(master.value(u"location"_s).toString(), key);
    QCOMPARE(master.value(u"matches"_s).toBool(), true);
    const QString oldKeyId = master.value(u"key_id"_s).toString();

    run = cli({u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"webhook"_s,
               u"--slot"_s, u"secondary"_s},
              secondary, key);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("in the workspace's sealed store.\n"), run.out.constData());

    run = cli({u"secrets"_s, u"rotate-key"_s, u"--new-key-file"_s, newKey, u"--json"_s}, {}, key);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.object().value(u"resealed"_s).toInt(), 4);
    QCOMPARE(run.object().value(u"old_key_id"_s).toString(), oldKeyId);
    const QString newKeyId = run.object().value(u"new_key_id"_s).toString();
    QVERIFY(newKeyId != oldKeyId);

    run = cli({u"secrets"_s, u"backend"_s}, {}, key);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(u"is not the workspace's key ("_s + newKeyId + u')'),
             qPrintable(run.err));
    run = cli({u"secrets"_s, u"backend"_s, u"--master-key-file"_s, newKey}, {}, key);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QByteArray("master key id: " + newKeyId.toLatin1())),
             run.out.constData());

    run = cli({u"secrets"_s, u"migrate"_s, u"--to"_s, u"keychain"_s, u"--json"_s}, {}, newKey);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.object().value(u"moved"_s).toInt(), 4);

    // The values came through every step unchanged.
    SystemClock clock;
    Result<std::unique_ptr<Store>> store = openWorkspace(m_workspace, StoreServices{&clock});
    QVERIFY(store);
    QCOMPARE((*store)->workspaceInfo().secretBackend, u"keychain"_s);
    KeychainSecretStore keychain((*store)->workspaceInfo().workspaceId);
    ConnectionSecrets secrets(**store, keychain);
    const QList<std::pair<SecretKey, QByteArray>> expected
            = {{{1, SecretKind::WebhookSigningSecret, SecretSlot::Primary}, webhook},
               {{1, SecretKind::WebhookSigningSecret, SecretSlot::Secondary}, secondary},
               {{2, SecretKind::OAuthClientSecret, SecretSlot::Primary}, client},
               {{1, SecretKind::AppCredential, SecretSlot::Primary}, app}};
    for (const auto &[secretKey, value] : expected) {
        WB_AWAIT_OK(read, secrets.get(secretKey));
        QCOMPARE(*read, value);
        WB_AWAIT_OK(removed, keychain.remove(secretKey));
    }
    expectNoSecretIn(m_allOutput, "the CLI's output");
    QFile database(m_workspace);
    QVERIFY(database.open(QIODevice::ReadOnly));
    expectNoSecretIn(database.readAll(), "the workspace file");
}

void TestCliSecrets::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");
    const QStringList set = {u"secrets"_s, u"set"_s, u"--json"_s};
    QTest::newRow("no-action") << QStringList{u"secrets"_s, u"--json"_s} << QByteArray() << 2
                               << u"cli.missing_action"_s << u"give an action"_s;
    QTest::newRow("unknown-action")
            << QStringList{u"secrets"_s, u"frob"_s, u"--json"_s} << QByteArray() << 2
            << u"cli.unknown_action"_s << u"unknown action 'frob'"_s;
    QTest::newRow("a-key-is-never-an-argument")
            << QStringList{u"secrets"_s, u"backend"_s, u"--master-key"_s, u"00"_s} << QByteArray()
            << 2 << QString() << u"Unknown option 'master-key'"_s;
    QTest::newRow("set-without-connection")
            << set + QStringList{u"--kind"_s, u"webhook"_s} << QByteArray("x") << 2
            << u"cli.missing_option"_s << u"set needs --connection ID"_s;
    QTest::newRow("set-bad-kind") << set
                                             + QStringList{u"--connection"_s, u"1"_s, u"--kind"_s,
                                                           u"token"_s}
                                  << QByteArray("x") << 2 << u"cli.invalid_option"_s
                                  << u"--kind must be webhook, client or app, got 'token'"_s;
    QTest::newRow("set-secondary-client-secret")
            << set + QStringList{u"--connection"_s, u"1"_s,      u"--kind"_s,
                                 u"client"_s,       u"--slot"_s, u"secondary"_s}
            << QByteArray("x") << 2 << u"secrets.invalid_key"_s << u"has only a primary one"_s;
    QTest::newRow("set-empty-input")
            << set + QStringList{u"--connection"_s, u"1"_s, u"--kind"_s, u"webhook"_s}
            << QByteArray("\n") << 2 << u"cli.empty_secret"_s
            << u"the secret read from stdin is empty"_s;
    QTest::newRow("set-missing-file")
            << set + QStringList{u"--connection"_s, u"1"_s,           u"--kind"_s,
                                 u"webhook"_s,      u"--from-file"_s, u"/nonexistent/secret.txt"_s}
            << QByteArray() << 2 << u"cli.unreadable_file"_s << u"/nonexistent/secret.txt"_s;
    QTest::newRow("set-unknown-connection")
            << set + QStringList{u"--connection"_s, u"999"_s, u"--kind"_s, u"webhook"_s}
            << QByteArray("whsec") << 2 << u"store.unknown_connection"_s << u"999"_s;
    QTest::newRow("migrate-bad-target")
            << QStringList{u"secrets"_s, u"migrate"_s, u"--to"_s, u"vault"_s, u"--json"_s}
            << QByteArray() << 2 << u"cli.invalid_option"_s
            << u"--to must be sealed or keychain, got 'vault'"_s;
    QTest::newRow("rotate-without-new-key")
            << QStringList{u"secrets"_s, u"rotate-key"_s, u"--json"_s} << QByteArray() << 2
            << u"cli.missing_option"_s << u"rotate-key needs --new-key-file FILE"_s;
    QTest::newRow("generate-key-needs-one-target")
            << QStringList{u"secrets"_s, u"generate-key"_s, u"--json"_s} << QByteArray() << 2
            << u"cli.missing_option"_s << u"exactly one of --out FILE and --keychain"_s;
}

void TestCliSecrets::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);
    makeWorkspace();
    const Run run = cli(arguments, input);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
    if (!code.isEmpty()) {
        const QJsonObject error = run.object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), code);
        QVERIFY(error.value(u"message"_s).toString().contains(messagePart));
    }
}

void TestCliSecrets::masterKeyProblems_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no-key-anywhere") << u"none"_s << 3 << u"secrets.master_key_missing"_s
                                     << u"WIREBENCH_MASTER_KEY_FILE is not set"_s;
    QTest::newRow("environment-names-a-missing-file")
            << u"missing-file"_s << 3 << u"secrets.master_key_unreadable"_s
            << u"cannot be opened: No such file or directory"_s;
    QTest::newRow("environment-names-a-loose-file")
            << u"loose-env"_s << 3 << u"secrets.master_key_permissions"_s << u"Run: chmod 600 "_s;
    QTest::newRow("option-names-a-loose-file")
            << u"loose-option"_s << 2 << u"secrets.master_key_permissions"_s
            << u"(permissions 0644)"_s;
    QTest::newRow("wrong-key") << u"wrong"_s << 3 << u"secrets.wrong_master_key"_s
                               << u"Nothing was written"_s;
    QTest::newRow("rotate-key-new-file-loose")
            << u"rotate-loose"_s << 2 << u"secrets.master_key_permissions"_s
            << u"(named by --new-key-file)"_s;
}

void TestCliSecrets::masterKeyProblems()
{
    QFETCH(QString, problem);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);
    makeWorkspace();
    const QString key = keyFile(u"master.key"_s);
    Run run = cli({u"secrets"_s, u"set"_s, u"--connection"_s, u"1"_s, u"--kind"_s, u"webhook"_s},
                  "whsec-before", key);
    QCOMPARE(run.exitCode, 0);
    run = cli({u"secrets"_s, u"migrate"_s, u"--to"_s, u"sealed"_s}, {}, key);
    QCOMPARE(run.exitCode, 0);

    QStringList arguments = {u"secrets"_s, u"set"_s,     u"--connection"_s, u"1"_s,
                             u"--kind"_s,  u"webhook"_s, u"--json"_s};
    QString environment;
    if (problem == u"missing-file")
        environment = m_dir->filePath(u"gone.key"_s);
    if (problem == u"loose-env")
        environment = keyFile(u"loose.key"_s, 0644);
    if (problem == u"loose-option")
        arguments << u"--master-key-file"_s << keyFile(u"loose.key"_s, 0644);
    if (problem == u"wrong")
        environment = keyFile(u"other.key"_s);
    if (problem == u"rotate-loose") {
        arguments = {u"secrets"_s, u"rotate-key"_s, u"--json"_s, u"--new-key-file"_s,
                     keyFile(u"loose.key"_s, 0644)};
        environment = key;
    }
    run = cli(arguments, "whsec-after", environment);
    QCOMPARE(run.exitCode, exitCode);
    const QJsonObject error = run.object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QVERIFY2(error.value(u"message"_s).toString().contains(messagePart),
             qPrintable(error.value(u"message"_s).toString()));
    QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));

    // Harmless: the stored secret is still the one from before, readable with the right key.
    SystemClock clock;
    Result<std::unique_ptr<Store>> store = openWorkspace(m_workspace, StoreServices{&clock});
    QVERIFY(store);
    Result<std::shared_ptr<SecretStore>> sealed = createSecretStore(**store,
                                                                    *MasterKey::fromFile(key));
    QVERIFY(sealed);
    WB_AWAIT_OK(value, (*sealed)->read({1, SecretKind::WebhookSigningSecret, SecretSlot::Primary}));
    QCOMPARE(*value, QByteArray("whsec-before"));
    expectNoSecretIn(m_allOutput, "the CLI's output");
}

void TestCliSecrets::workspacePassword()
{
    const QString suffix = QString::number(QRandomGenerator::global()->generate64(), 16);
    const QString url = u"postgresql://wb_cli_%1@db.example.com:5432/wirebench"_s.arg(suffix);
    const Result<PostgresLocation> location = PostgresLocation::parse(url);
    QVERIFY(location);
    const QByteArray password = "pw-" + suffix.toLatin1() + "-!@#:/";
    m_secrets.append(password);

    const Run set = cli({u"workspace"_s, u"password"_s, u"set"_s, url}, password + "\n");
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    QCOMPARE(set.text(),
             u"Stored the password of %1 in the OS keychain (database/%1).\n"_s.arg(url));
    Result<std::optional<QString>> read = WorkspacePassword::read(*location);
    QVERIFY2(read, qPrintable(wb::test::errorMessage(read)));
    QCOMPARE(read->value_or(QString()), QString::fromLatin1(password));

    // Replaced; a Windows line end is not part of it.
    const Run replaced = cli({u"workspace"_s, u"password"_s, u"set"_s, url, u"--json"_s},
                             "second-" + suffix.toLatin1() + "\r\n");
    QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.err));
    QCOMPARE(replaced.object().value(u"entry"_s).toString(), u"database/"_s + url);
    QCOMPARE(replaced.object().value(u"stored"_s).toBool(), true);
    read = WorkspacePassword::read(*location);
    QVERIFY(read);
    QCOMPARE(read->value_or(QString()), u"second-"_s + suffix);

    // Refused, exit 2, and the stored one stays.
    struct Refusal
    {
        QStringList arguments;
        QByteArray input;
        QString messagePart;
    };
    const QList<Refusal> refusals = {
            {{u"set"_s}, password + "\n", u"is not a postgresql:// URL"_s}, // --workspace: SQLite
            {{u"set"_s, u"postgresql://u:%1@db.example.com/wirebench"_s.arg(suffix)},
             password + "\n",
             u"without its password"_s},
            {{u"set"_s, url}, "\n", u"is empty"_s},
            {{u"show"_s, url}, {}, u"workspace password set|remove"_s},
    };
    for (const Refusal &refusal : refusals) {
        const Run refused = cli(QStringList{u"workspace"_s, u"password"_s} + refusal.arguments,
                                refusal.input);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(refusal.messagePart), qPrintable(refused.err));
    }
    read = WorkspacePassword::read(*location);
    QVERIFY(read);
    QCOMPARE(read->value_or(QString()), u"second-"_s + suffix);

    const Run removed = cli({u"workspace"_s, u"password"_s, u"remove"_s, url, u"--json"_s});
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
    QCOMPARE(removed.object().value(u"removed"_s).toBool(), true);
    const Run again = cli({u"workspace"_s, u"password"_s, u"remove"_s, url});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.text(), u"The OS keychain had no password for %1.\n"_s.arg(url));
    read = WorkspacePassword::read(*location);
    QVERIFY(read);
    QVERIFY(!read->has_value());
    expectNoSecretIn(m_allOutput, "the CLI's output");
}

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
