// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/clirunner.h"
#include "support/testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestCliBasics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void exitCodes_data();
    void exitCodes();
    void helpListsEachCommandOnceAndTheManPageDocumentsIt();
    void versionNamesLibraries();
    void serveAnswersAndStopsOnSignal_data();
    void serveAnswersAndStopsOnSignal();
    void serveSecondSignalExitsAtOnce();
    void serveRefusesBusyPort();
    void serveDemoSeedsTheDemoTenantOnce();

private:
    using Run = wb::test::CliRun;
    Run runCli(const QStringList &arguments);
    void startServe(QProcess &process, const QStringList &extra = {});

    QTemporaryDir m_home;
};

void TestCliBasics::init()
{
    QVERIFY(m_home.isValid());
}

TestCliBasics::Run TestCliBasics::runCli(const QStringList &arguments)
{
    return wb::test::runCli(arguments, wb::test::cliEnvironment(m_home.path()));
}

void TestCliBasics::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("outContains");
    QTest::addColumn<QString>("errContains");

    QTest::newRow("help") << QStringList{u"--help"_s} << 0 << u"Commands:"_s << QString();
    QTest::newRow("help-lists-serve") << QStringList{u"--help"_s} << 0 << u"serve"_s << QString();
    QTest::newRow("no-command-is-usage-error")
            << QStringList{} << 2 << QString() << u"wirebench-cli: no command given"_s;
    QTest::newRow("no-command-lists-the-commands")
            << QStringList{} << 2 << QString() << u"Commands:"_s;
    // The usage line names the program, not the path it was started by.
    QTest::newRow("usage-names-the-program")
            << QStringList{u"--help"_s} << 0 << u"Usage: wirebench-cli [options]"_s << QString();
    QTest::newRow("unknown-command")
            << QStringList{u"frobnicate"_s} << 2 << QString() << u"unknown command 'frobnicate'"_s;
    QTest::newRow("unknown-global-option")
            << QStringList{u"--frob"_s} << 2 << QString() << u"Unknown option 'frob'"_s;
    QTest::newRow("serve-help") << QStringList{u"serve"_s, u"--help"_s} << 0 << u"--listen"_s
                                << QString();
    QTest::newRow("serve-bad-listen") << QStringList{u"serve"_s, u"--listen"_s, u"nowhere"_s} << 2
                                      << QString() << u"--listen expects ADDR:PORT"_s;
    QTest::newRow("serve-bad-port") << QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:99999"_s}
                                    << 2 << QString() << u"got '127.0.0.1:99999'"_s;
}

void TestCliBasics::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, outContains);
    QFETCH(QString, errContains);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.text().contains(outContains), qPrintable(run.text()));
    QVERIFY2(run.err.contains(errContains), qPrintable(run.err));
}

void TestCliBasics::helpListsEachCommandOnceAndTheManPageDocumentsIt()
{
    const Run run = runCli({u"--help"_s});
    QCOMPARE(run.exitCode, 0);
    const QString list = run.text().mid(run.text().indexOf(u"Commands:"_s));
    QStringList names;
    QSet<qsizetype> summaryColumns;
    for (const QString &line : list.split(u'\n')) {
        if (!line.startsWith(u"  "_s))
            continue;
        const QString name = line.trimmed().section(u' ', 0, 0);
        names << name;
        // Every summary starts in the same column, at least two spaces after the longest name
        // ("registrations" once pushed its summary out of line).
        const qsizetype summary = line.indexOf(QRegularExpression(u"\\S"_s), 2 + name.size());
        QVERIFY2(line.mid(2 + name.size(), 2) == u"  "_s, qPrintable(line));
        summaryColumns.insert(summary);
    }
    QVERIFY2(names.size() >= 8, qPrintable(run.text()));
    QVERIFY2(summaryColumns.size() == 1, qPrintable(list));
    QFile manPage(wb::test::sourceDir() + u"/installer/wirebench-cli.1"_s);
    QVERIFY(manPage.open(QIODevice::ReadOnly));
    const QString man = QString::fromUtf8(manPage.readAll());
    // roff escapes are a backslash and a letter: a control character (a form feed from an
    // unescaped "\f" in a script that wrote the page) shows as garbage in man(1).
    for (qsizetype i = 0; i < man.size(); ++i) {
        const QChar c = man.at(i);
        QVERIFY2(c == u'\n' || c == u'\t' || c.unicode() >= 0x20,
                 qPrintable(u"control character U+%1 in the man page at: %2"_s
                                    .arg(int(c.unicode()), 4, 16, QChar(u'0'))
                                    .arg(man.mid(std::max<qsizetype>(0, i - 30), 60))));
    }
    for (const QString &name : std::as_const(names)) {
        QVERIFY2(names.count(name) == 1, qPrintable(name + u" is listed twice"_s));
        QVERIFY2(man.contains(u"\n.B "_s + name), qPrintable(name + u" has no man page entry"_s));
        const Run help = runCli({name, u"--help"_s});
        QVERIFY2(help.exitCode == 0, qPrintable(name));
        // The usage line names the command: "Usage: wirebench-cli oauth [options] ...".
        const QString usage = help.text().section(u'\n', 0, 0);
        QVERIFY2(usage.startsWith(u"Usage: wirebench-cli "_s + name + u" [options]"_s),
                 qPrintable(usage));
    }
}

void TestCliBasics::versionNamesLibraries()
{
    const Run run = runCli({u"--version"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.text().startsWith(u"wirebench-cli 0."_s), qPrintable(run.text()));
    for (const QString &library :
         {u"Qt 6."_s, u"QtKeychain 0."_s, u"OpenSSL 3."_s, u"libsodium 1."_s})
        QVERIFY2(run.text().contains(library), qPrintable(run.text()));
}

void TestCliBasics::startServe(QProcess &process, const QStringList &extra)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, m_home.path());
    process.setProcessEnvironment(environment);
    process.start(wb::test::cliPath(),
                  QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s} + extra);
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 15000);
}

void TestCliBasics::serveAnswersAndStopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("sigint") << int(SIGINT);
    QTest::newRow("sigterm") << int(SIGTERM);
}

void TestCliBasics::serveAnswersAndStopsOnSignal()
{
    QFETCH(int, signalNumber);
    QProcess serve;
    startServe(serve);
    const QUrl base(QString::fromUtf8(serve.readLine()).trimmed());
    QCOMPARE(base.scheme(), u"http"_s);
    QCOMPARE(base.host(), u"127.0.0.1"_s);
    QVERIFY(base.port() > 0);

    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(
            network.get(QNetworkRequest(base.resolved(QUrl(u"/health"_s)))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject health = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(health.value(u"status"_s).toString(), u"ok"_s);

    ::kill(pid_t(serve.processId()), signalNumber);
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY(serve.readAllStandardError().contains("draining and stopping"));
}

void TestCliBasics::serveSecondSignalExitsAtOnce()
{
    QProcess serve;
    startServe(serve);
    // Two signals in a row: whichever the event loop sees second forces the exit.
    ::kill(pid_t(serve.processId()), SIGTERM);
    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QVERIFY2(serve.exitCode() == 0 || serve.exitCode() == 128 + SIGTERM,
             qPrintable(QString::number(serve.exitCode())));
}

void TestCliBasics::serveRefusesBusyPort()
{
    QProcess first;
    startServe(first);
    const QUrl base(QString::fromUtf8(first.readLine()).trimmed());
    const Run second = runCli({u"serve"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(base.port())});
    QCOMPARE(second.exitCode, 3);
    QVERIFY2(second.err.contains(u"Cannot listen on 127.0.0.1 port %1: another program uses it "
                                 "(perhaps another Wirebench)."_s.arg(base.port())),
             qPrintable(second.err));
    // What to do about it.
    QVERIFY2(second.err.contains(u"--listen 127.0.0.1:0 picks a free port"_s),
             qPrintable(second.err));
    ::kill(pid_t(first.processId()), SIGTERM);
    QVERIFY(first.waitForFinished(10000));
}

void TestCliBasics::serveDemoSeedsTheDemoTenantOnce()
{
    QTemporaryDir home; // a first start: no workspace yet
    QVERIFY(home.isValid());
    QProcessEnvironment environment = wb::test::cliEnvironment(home.path());
    const auto tenants = [&environment] {
        return wb::test::runCli({u"tenants"_s, u"list"_s, u"--json"_s}, environment).array();
    };
    for (int start = 1; start <= 2; ++start) {
        QProcess serve;
        serve.setProcessEnvironment(environment);
        serve.start(wb::test::cliPath(), {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--demo"_s});
        QVERIFY(serve.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine(), 15000); // the base URL: webhooks accepted
        const QJsonArray listed = tenants();
        QCOMPARE(listed.size(), 1); // the second start adds no second demo tenant
        QCOMPARE(listed.first().toObject().value(u"display_name"_s).toString(),
                 u"Acme Corp (demo)"_s);
        ::kill(pid_t(serve.processId()), SIGINT);
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitCode(), 0);
        const QByteArray err = serve.readAllStandardError();
        QCOMPARE(err.contains("created the demo tenant"), start == 1);
    }
    // Without --demo a new workspace stays empty.
    QTemporaryDir other;
    QVERIFY(other.isValid());
    environment = wb::test::cliEnvironment(other.path());
    QProcess serve;
    serve.setProcessEnvironment(environment);
    serve.start(wb::test::cliPath(), {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
    QVERIFY(serve.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine(), 15000);
    QCOMPARE(tenants().size(), 0);
    ::kill(pid_t(serve.processId()), SIGINT);
    QVERIFY(serve.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
