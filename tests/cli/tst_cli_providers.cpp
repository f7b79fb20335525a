// SPDX-License-Identifier: GPL-3.0-or-later
// `wirebench-cli providers list|show` on the real binary: the built-in catalog, a user profile
// that replaces a built-in one, a broken user file left out with a warning, refused arguments.
#include "support/clirunner.h"
#include "support/testenv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliProviders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listsTheBuiltInCatalog();
    void showsOneProvider_data();
    void showsOneProvider();
    void userProfileReplacesBuiltIn();
    void refused_data();
    void refused();

private:
    using Run = wb::test::CliRun;
    Run cli(const QStringList &arguments);
    QString userFolder() const { return m_home->filePath(u"Wirebench/wirebench/providers"_s); }

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliProviders::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

TestCliProviders::Run TestCliProviders::cli(const QStringList &arguments)
{
    return wb::test::runCli(arguments, wb::test::cliEnvironment(m_home->path()));
}

void TestCliProviders::listsTheBuiltInCatalog()
{
    const Run run = cli({u"providers"_s, u"list"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    const QJsonArray providers = QJsonDocument::fromJson(run.out).array();
    // One entry per file in resources/providers, sorted by id.
    const QStringList files = QDir(wb::test::sourceDir() + u"/resources/providers"_s)
                                      .entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QCOMPARE(providers.size(), files.size());
    QStringList ids;
    for (const QJsonValue &value : providers)
        ids << value.toObject().value(u"id"_s).toString();
    for (const QString &file : files)
        QVERIFY2(ids.contains(file.chopped(5)), qPrintable(file));
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(ids, sorted);

    const QJsonObject slack = providers.at(ids.indexOf(u"slack"_s)).toObject();
    QCOMPARE(slack.value(u"display_name"_s).toString(), u"Slack"_s);
    QCOMPARE(slack.value(u"handshake"_s).toString(), u"slack_url_verification"_s);
    QCOMPARE(slack.value(u"oauth"_s).toBool(), true);
    QCOMPARE(slack.value(u"origin"_s).toString(), u"built_in"_s);
    QCOMPARE(slack.value(u"signature_schemes"_s).toArray().size(), 1);

    const Run table = cli({u"providers"_s, u"list"_s});
    QCOMPARE(table.exitCode, 0);
    const QList<QByteArray> lines = table.out.trimmed().split('\n');
    QCOMPARE(lines.size(), files.size() + 1);
    QVERIFY(lines.first().startsWith("ID "));
    QVERIFY2(table.out.contains("github"), table.out.constData());
}

void TestCliProviders::showsOneProvider_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("textContains");
    QTest::addColumn<QString>("identityField");

    QTest::newRow("github") << u"github"_s << u"X-Hub-Signature-256"_s
                            << u"JSON pointer /installation/id in the body"_s;
    QTest::newRow("shopify: a header identity")
            << u"shopify"_s << u"X-Shopify-Hmac-Sha256"_s << u"header X-Shopify-Shop-Domain"_s;
    QTest::newRow("microsoft-graph: handshake")
            << u"microsoft-graph"_s << u"graph_validation_token"_s << QString();
}

void TestCliProviders::showsOneProvider()
{
    QFETCH(QString, provider);
    QFETCH(QString, textContains);
    QFETCH(QString, identityField);

    const Run text = cli({u"providers"_s, u"show"_s, provider});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(QString::fromUtf8(text.out).contains(textContains, Qt::CaseInsensitive),
             text.out.constData());
    QVERIFY2(text.out.contains("Sources:"), text.out.constData());

    const Run json = cli({u"providers"_s, u"show"_s, provider, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value(u"id"_s).toString(), provider);
    // "profile" is the file as written.
    QFile file(wb::test::sourceDir() + u"/resources/providers/"_s + provider + u".json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(object.value(u"profile"_s).toObject(),
             QJsonDocument::fromJson(file.readAll()).object());
    if (!identityField.isEmpty()) {
        QVERIFY2(object.value(u"identity_fields"_s).toArray().contains(identityField),
                 json.out.constData());
    }
}

void TestCliProviders::userProfileReplacesBuiltIn()
{
    QVERIFY(QDir().mkpath(userFolder()));
    QFile builtIn(wb::test::sourceDir() + u"/resources/providers/generic-hmac.json"_s);
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    QJsonObject profile = QJsonDocument::fromJson(builtIn.readAll()).object();
    profile.insert(u"display_name"_s, u"Our ERP"_s);
    QFile replacement(userFolder() + u"/generic-hmac.json"_s);
    QVERIFY(replacement.open(QIODevice::WriteOnly));
    replacement.write(QJsonDocument(profile).toJson());
    replacement.close();
    QFile broken(userFolder() + u"/broken.json"_s);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();

    const Run run = cli({u"providers"_s, u"show"_s, u"generic-hmac"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(object.value(u"display_name"_s).toString(), u"Our ERP"_s);
    QCOMPARE(object.value(u"origin"_s).toString(), u"user"_s);
    QCOMPARE(object.value(u"overrides_built_in"_s).toBool(), true);
    QCOMPARE(object.value(u"path"_s).toString(), replacement.fileName());
    QVERIFY2(run.err.contains(u"wirebench-cli providers: provider profile"_s)
                     && run.err.contains(u"broken.json left out"_s),
             qPrintable(run.err));
}

void TestCliProviders::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errContains");

    QTest::newRow("unknown provider")
            << QStringList{u"providers"_s, u"show"_s, u"gitlab"_s} << u"gitlab"_s;
    QTest::newRow("no action") << QStringList{u"providers"_s} << u"expects 'list' or 'show NAME'"_s;
    QTest::newRow("show without a name")
            << QStringList{u"providers"_s, u"show"_s} << u"expects 'list' or 'show NAME'"_s;
    QTest::newRow("unknown action")
            << QStringList{u"providers"_s, u"add"_s, u"x"_s} << u"got 'add x'"_s;
}

void TestCliProviders::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errContains);
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(errContains), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    // With --json the error is also a JSON object on stdout.
    const Run json = cli(arguments + QStringList{u"--json"_s});
    QCOMPARE(json.exitCode, 2);
    QVERIFY(!QJsonDocument::fromJson(json.out)
                     .object()
                     .value(u"error"_s)
                     .toObject()
                     .value(u"code"_s)
                     .toString()
                     .isEmpty());
}

QTEST_GUILESS_MAIN(TestCliProviders)
#include "tst_cli_providers.moc"
