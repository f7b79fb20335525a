// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/appsettings.h"
#include "core/settings/qsettingssource.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using Field = core::SettingsIssue::Field;
using Severity = core::SettingsIssue::Severity;

Q_DECLARE_METATYPE(wb::core::AppSettings)

namespace {

// Only "firefox" and /opt/browser/run exist on this imaginary machine.
core::SettingsEnvironment fakeMachine()
{
    core::SettingsEnvironment env;
    env.findExecutable = [](const QString &program) {
        if (program == u"firefox"_s)
            return u"/usr/bin/firefox"_s;
        if (program == u"/opt/browser/run"_s)
            return program;
        return QString();
    };
    env.retryPolicyNames = {u"default"_s, u"svix"_s};
    return env;
}

QString codesOf(const QList<core::SettingsIssue> &issues)
{
    QStringList codes;
    for (const core::SettingsIssue &issue : issues)
        codes << u"%1:%2:%3"_s.arg(core::settingsKey(issue.field), issue.error.code,
                                   issue.severity == Severity::Error ? u"error"_s : u"warning"_s);
    return codes.join(u' ');
}

} // namespace

class TestAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreValid();
    void validate_data();
    void validate();
    void messagesNameTheValue();
    void roundTripThroughIniFile();
    void saveRefusesInvalidAndKeepsStored();
    void loadReplacesBadStoredValues();
    void systemEnvironmentFindsRealPrograms();
};

void TestAppSettings::defaultsAreValid()
{
    QCOMPARE(codesOf(core::validateSettings(core::AppSettings{}, fakeMachine())), QString());
    const core::AppSettings defaults;
    QCOMPARE(defaults.receiverAddress, u"127.0.0.1"_s);
    QCOMPARE(defaults.receiverPort, 8480);
    QCOMPARE(defaults.defaultRetryPolicy, u"default"_s);
}

void TestAppSettings::validate_data()
{
    QTest::addColumn<core::AppSettings>("settings");
    QTest::addColumn<QString>("expected");
    const core::AppSettings base;
    const QString existingFolder = QDir::tempPath();
    const auto with = [&](auto change) {
        core::AppSettings s = base;
        change(s);
        return s;
    };
    QTest::newRow("ipv6-loopback-ok")
            << with([](auto &s) { s.receiverAddress = u"::1"_s; }) << QString();
    QTest::newRow("host-name-refused") << with([](auto &s) { s.receiverAddress = u"localhost"_s; })
                                       << u"receiver/address:settings.address_invalid:error"_s;
    QTest::newRow("empty-address") << with([](auto &s) { s.receiverAddress = u" "_s; })
                                   << u"receiver/address:settings.address_invalid:error"_s;
    QTest::newRow("all-interfaces-warns") << with([](auto &s) { s.receiverAddress = u"0.0.0.0"_s; })
                                          << u"receiver/address:settings.address_exposed:warning"_s;
    QTest::newRow("port-0-any-free") << with([](auto &s) { s.receiverPort = 0; }) << QString();
    QTest::newRow("port-65536") << with([](auto &s) { s.receiverPort = 65536; })
                                << u"receiver/port:settings.port_out_of_range:error"_s;
    QTest::newRow("port-negative") << with([](auto &s) { s.receiverPort = -1; })
                                   << u"receiver/port:settings.port_out_of_range:error"_s;
    QTest::newRow("public-url-tunnel")
            << with([](auto &s) { s.publicBaseUrl = u"https://abc.ngrok.app"_s; }) << QString();
    QTest::newRow("public-url-with-path-prefix")
            << with([](auto &s) { s.publicBaseUrl = u"https://proxy.example/wirebench"_s; })
            << QString();
    QTest::newRow("public-url-plain-http-warns")
            << with([](auto &s) { s.publicBaseUrl = u"http://203.0.113.7:8480"_s; })
            << u"receiver/publicUrl:settings.public_url_not_https:warning"_s;
    QTest::newRow("public-url-no-scheme")
            << with([](auto &s) { s.publicBaseUrl = u"abc.ngrok.app"_s; })
            << u"receiver/publicUrl:settings.public_url_invalid:error"_s;
    QTest::newRow("public-url-ftp")
            << with([](auto &s) { s.publicBaseUrl = u"ftp://files.example"_s; })
            << u"receiver/publicUrl:settings.public_url_invalid:error"_s;
    QTest::newRow("public-url-with-query")
            << with([](auto &s) { s.publicBaseUrl = u"https://abc.ngrok.app/?x=1"_s; })
            << u"receiver/publicUrl:settings.public_url_invalid:error"_s;
    QTest::newRow("workspace-file-in-existing-folder")
            << with([&](auto &s) { s.workspaceLocation = existingFolder + u"/w.sqlite"_s; })
            << QString();
    QTest::newRow("workspace-is-folder")
            << with([&](auto &s) { s.workspaceLocation = existingFolder; })
            << u"workspace/location:settings.workspace_is_folder:error"_s;
    QTest::newRow("workspace-folder-missing") << with([&](auto &s) {
        s.workspaceLocation = existingFolder + u"/no-such-folder-wb/w.sqlite"_s;
    }) << u"workspace/location:settings.workspace_folder_missing:error"_s;
    QTest::newRow("retry-policy-known")
            << with([](auto &s) { s.defaultRetryPolicy = u"svix"_s; }) << QString();
    QTest::newRow("retry-policy-unknown")
            << with([](auto &s) { s.defaultRetryPolicy = u"aggressive"_s; })
            << u"dispatch/defaultRetryPolicy:settings.retry_policy_unknown:error"_s;
    QTest::newRow("zero-requests-per-second")
            << with([](auto &s) { s.requestsPerSecond = 0; })
            << u"dispatch/requestsPerSecond:settings.limit_out_of_range:error"_s;
    QTest::newRow("fractional-rate-ok")
            << with([](auto &s) { s.requestsPerSecond = 0.5; }) << QString();
    QTest::newRow("burst-and-concurrency-zero")
            << with([](auto &s) {
                   s.burst = 0;
                   s.concurrencyLimit = 0;
               })
            << u"dispatch/burst:settings.limit_out_of_range:error "
               "dispatch/concurrencyLimit:settings.limit_out_of_range:error"_s;
    QTest::newRow("browser-by-name")
            << with([](auto &s) { s.browserCommand = u"firefox --new-window"_s; }) << QString();
    QTest::newRow("browser-by-path-quoted")
            << with([](auto &s) { s.browserCommand = u"\"/opt/browser/run\" --flag"_s; })
            << QString();
    QTest::newRow("browser-missing") << with([](auto &s) { s.browserCommand = u"netscape %u"_s; })
                                     << u"oauth/browserCommand:settings.browser_not_found:error"_s;
    QTest::newRow("browser-unterminated-quote")
            << with([](auto &s) { s.browserCommand = u"\"firefox"_s; })
            << u"oauth/browserCommand:settings.browser_command_invalid:error"_s;
}

void TestAppSettings::validate()
{
    QFETCH(core::AppSettings, settings);
    QFETCH(QString, expected);
    const auto issues = core::validateSettings(settings, fakeMachine());
    QCOMPARE(codesOf(issues), expected);
    QCOMPARE(core::hasErrors(issues), expected.contains(u":error"_s));
}

void TestAppSettings::messagesNameTheValue()
{
    core::AppSettings s;
    s.receiverAddress = u"my-host"_s;
    s.defaultRetryPolicy = u"aggressive"_s;
    s.browserCommand = u"netscape"_s;
    const auto issues = core::validateSettings(s, fakeMachine());
    QCOMPARE(issues.size(), 3);
    QVERIFY2(issues.at(0).error.message.contains(u"“my-host”"_s),
             qPrintable(issues.at(0).error.message));
    QVERIFY(issues.at(1).error.message.contains(u"“aggressive”"_s));
    QVERIFY(issues.at(1).error.message.contains(u"default, svix"_s));
    QVERIFY(issues.at(2).error.message.contains(u"“netscape”"_s));
}

void TestAppSettings::roundTripThroughIniFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"settings.ini"_s);
    core::QSettingsSource source(file, fakeMachine());
    QCOMPARE(source.load().settings, core::AppSettings{});
    QVERIFY(source.load().issues.isEmpty());

    core::AppSettings changed;
    changed.receiverAddress = u"::1"_s;
    changed.receiverPort = 9000;
    changed.publicBaseUrl = u"https://abc.ngrok.app"_s;
    changed.workspaceLocation = dir.filePath(u"team.sqlite"_s);
    changed.defaultRetryPolicy = u"svix"_s;
    changed.requestsPerSecond = 2.5;
    changed.burst = 5;
    changed.concurrencyLimit = 2;
    changed.browserCommand = u"firefox --private-window"_s;
    QVERIFY(source.save(changed).has_value());

    const core::QSettingsSource reopened(file, fakeMachine());
    QCOMPARE(reopened.load().settings, changed);
    QSettings raw(file, QSettings::IniFormat);
    QCOMPARE(raw.value(u"receiver/port"_s).toInt(), 9000);
    QCOMPARE(raw.value(u"receiver/publicUrl"_s).toString(), u"https://abc.ngrok.app"_s);
    QCOMPARE(raw.value(u"oauth/browserCommand"_s).toString(), u"firefox --private-window"_s);
}

void TestAppSettings::saveRefusesInvalidAndKeepsStored()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"settings.ini"_s);
    core::QSettingsSource source(file, fakeMachine());
    core::AppSettings good;
    good.receiverPort = 9100;
    QVERIFY(source.save(good).has_value());

    core::AppSettings bad = good;
    bad.receiverPort = 70000;
    bad.burst = 3;
    const auto saved = source.save(bad);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, u"settings.invalid"_s);
    QVERIFY2(saved.error().message.contains(u"receiver/port"_s), qPrintable(saved.error().message));
    QVERIFY(saved.error().message.contains(u"70000"_s));
    // Nothing of the refused save was written, not even its valid fields.
    QCOMPARE(source.load().settings, good);
}

void TestAppSettings::loadReplacesBadStoredValues()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"settings.ini"_s);
    {
        QFile ini(file);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[receiver]\naddress=not an address\nport=eighty\npublicUrl=abc.ngrok.app\n"
                  "[dispatch]\nburst=7\ndefaultRetryPolicy=nope\n");
    }
    const core::QSettingsSource source(file, fakeMachine());
    const auto loaded = source.load();
    QCOMPARE(loaded.settings.receiverAddress, u"127.0.0.1"_s);
    QCOMPARE(loaded.settings.receiverPort, 8480);
    QCOMPARE(loaded.settings.publicBaseUrl, QString());
    QCOMPARE(loaded.settings.burst, 7); // the valid value is kept
    QCOMPARE(loaded.settings.defaultRetryPolicy, u"default"_s);
    QCOMPARE(codesOf(loaded.issues),
             u"receiver/port:settings.not_a_number:error "
             "receiver/address:settings.address_invalid:error "
             "receiver/publicUrl:settings.public_url_invalid:error "
             "dispatch/defaultRetryPolicy:settings.retry_policy_unknown:error"_s);
    QVERIFY2(loaded.issues.at(0).error.message.contains(u"“eighty”"_s),
             qPrintable(loaded.issues.at(0).error.message));
    QVERIFY(loaded.issues.at(1).error.message.contains(u"(setting receiver/address"_s));
}

void TestAppSettings::systemEnvironmentFindsRealPrograms()
{
    const auto env = core::SettingsEnvironment::system();
    // /bin/sh exists on every machine that runs this suite; the second name on none.
    QVERIFY(!env.findExecutable(u"sh"_s).isEmpty());
    QCOMPARE(env.findExecutable(u"/bin/sh"_s), u"/bin/sh"_s);
    QVERIFY(env.findExecutable(u"wirebench-no-such-program-7f3a"_s).isEmpty());
    QTemporaryDir dir;
    QFile plain(dir.filePath(u"not-executable"_s));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    QVERIFY(env.findExecutable(plain.fileName()).isEmpty()); // a file, not executable
    QVERIFY(env.retryPolicyNames.contains(u"default"_s));
    QVERIFY(env.retryPolicyNames.contains(u"svix"_s));
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
