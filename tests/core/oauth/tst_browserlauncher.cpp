// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/browserlauncher.h"

#include "support/results.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

namespace {
QProcessEnvironment environmentWith(const QString &browser)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QString::fromLatin1(BrowserLauncher::environmentVariable));
    if (!browser.isNull())
        environment.insert(QString::fromLatin1(BrowserLauncher::environmentVariable), browser);
    return environment;
}
} // namespace

class TestBrowserLauncher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void command_data();
    void command();
    void launchPassesTheUrlAsOneArgument();
    void exitCodeIsReported();
    void missingProgramFailsToStart();
    void onlyWebUrlsAreOpened_data();
    void onlyWebUrlsAreOpened();
};

void TestBrowserLauncher::command_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("environment");  // null: WIREBENCH_BROWSER unset
    QTest::addColumn<QStringList>("expected"); // empty: error
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("hasCommand"); // false: the front end may open the desktop's browser

    const QString url = u"https://auth.example/authorize?client_id=a&state=b%20c"_s;
    QTest::newRow("setting-wins-over-environment")
            << u"firefox --new-window"_s << u"chromium"_s
            << QStringList{u"firefox"_s, u"--new-window"_s, url} << u"setting"_s << true;
    QTest::newRow("environment-when-no-setting")
            << QString() << u"node tests/peers/oauth-browser.mjs"_s
            << QStringList{u"node"_s, u"tests/peers/oauth-browser.mjs"_s, url}
            << u"WIREBENCH_BROWSER"_s << true;
    QTest::newRow("xdg-open-fallback")
            << QString() << QString() << QStringList{u"xdg-open"_s, url} << u"xdg-open"_s << false;
    QTest::newRow("blank-setting-ignored")
            << u"   "_s << QString() << QStringList{u"xdg-open"_s, url} << u"xdg-open"_s << false;
    QTest::newRow("blank-environment-ignored")
            << QString() << u" "_s << QStringList{u"xdg-open"_s, url} << u"xdg-open"_s << false;
    QTest::newRow("quoted-path-with-spaces")
            << u"node \"/opt/my tools/browser.mjs\""_s << QString()
            << QStringList{u"node"_s, u"/opt/my tools/browser.mjs"_s, url} << u"setting"_s << true;
    QTest::newRow("unterminated-quote")
            << u"node \"/opt/browser.mjs"_s << QString() << QStringList() << u"setting"_s << true;
}

void TestBrowserLauncher::command()
{
    QFETCH(QString, setting);
    QFETCH(QString, environment);
    QFETCH(QStringList, expected);
    const BrowserLauncher launcher(setting, environmentWith(environment));
    QTEST(launcher.commandSource(), "source");
    QTEST(launcher.hasCommand(), "hasCommand");
    const Result<QStringList> command = launcher.commandFor(
            QUrl(u"https://auth.example/authorize?client_id=a&state=b%20c"_s));
    if (expected.isEmpty()) {
        QVERIFY(!command);
        QCOMPARE(errorCode(command), u"browser.command_invalid"_s);
        QVERIFY2(command.error().message.contains(u"/opt/browser.mjs"_s),
                 qPrintable(command.error().message));
        return;
    }
    QVERIFY2(command, qPrintable(errorMessage(command)));
    QCOMPARE(*command, expected);
}

void TestBrowserLauncher::launchPassesTheUrlAsOneArgument()
{
    // `printf %s <url>` prints exactly the argument it got.
    BrowserLauncher launcher(u"printf %s"_s, environmentWith(QString()));
    QSignalSpy exited(&launcher, &BrowserLauncher::exited);
    const QUrl url(
            u"https://auth.example/authorize?scope=openid%20email&state=x y&redirect_uri=http://127.0.0.1:5/callback"_s);
    QVERIFY(launcher.launch(url));
    QVERIFY(exited.wait(10000));
    const auto exit = exited.takeFirst().at(0).value<BrowserExit>();
    QCOMPARE(exit.exitCode, 0);
    QVERIFY(!exit.crashed);
    QCOMPARE(exit.output, url.toEncoded());
    QVERIFY(exit.output.contains("state=x%20y"));
}

void TestBrowserLauncher::exitCodeIsReported()
{
    // The URL becomes $0 of the shell script.
    BrowserLauncher launcher(u"sh -c \"echo refused >&2; exit 3\""_s, environmentWith(QString()));
    QSignalSpy exited(&launcher, &BrowserLauncher::exited);
    QVERIFY(launcher.launch(QUrl(u"https://auth.example/"_s)));
    QVERIFY(exited.wait(10000));
    const auto exit = exited.takeFirst().at(0).value<BrowserExit>();
    QCOMPARE(exit.exitCode, 3);
    QCOMPARE(exit.errorOutput, "refused\n"_ba);
}

void TestBrowserLauncher::missingProgramFailsToStart()
{
    BrowserLauncher launcher(QString(), environmentWith(u"/nonexistent/wirebench-browser"_s));
    QSignalSpy failed(&launcher, &BrowserLauncher::failedToStart);
    QSignalSpy exited(&launcher, &BrowserLauncher::exited);
    QVERIFY(launcher.launch(QUrl(u"https://auth.example/"_s)));
    QVERIFY(failed.wait(10000));
    const auto error = failed.takeFirst().at(0).value<Error>();
    QCOMPARE(error.code, u"browser.start_failed"_s);
    QVERIFY2(error.message.contains(u"/nonexistent/wirebench-browser"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"WIREBENCH_BROWSER"_s), qPrintable(error.message));
    QCOMPARE(exited.size(), 0);
}

void TestBrowserLauncher::onlyWebUrlsAreOpened_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("file") << QUrl(u"file:///etc/passwd"_s);
    QTest::newRow("javascript") << QUrl(u"javascript:alert(1)"_s);
    QTest::newRow("empty") << QUrl();
}

void TestBrowserLauncher::onlyWebUrlsAreOpened()
{
    QFETCH(QUrl, url);
    BrowserLauncher launcher(u"printf %s"_s, environmentWith(QString()));
    const Result<void> launched = launcher.launch(url);
    QVERIFY(!launched);
    QCOMPARE(errorCode(launched), u"browser.bad_url"_s);
}

QTEST_GUILESS_MAIN(TestBrowserLauncher)
#include "tst_browserlauncher.moc"
