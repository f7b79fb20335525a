// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using Field = core::SettingsIssue::Field;

namespace {

core::SettingsEnvironment machine()
{
    core::SettingsEnvironment env;
    env.findExecutable = [](const QString &program) {
        return program == u"chromium"_s ? u"/usr/bin/chromium"_s : QString();
    };
    env.retryPolicyNames = {u"default"_s, u"svix"_s, u"standard-webhooks"_s};
    return env;
}

} // namespace

// The Settings dialog validates as the user types and shows each problem under its field.
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheSettings();
    void inlineErrors_data();
    void inlineErrors();
    void warningDoesNotBlock();
    void extraPages();
    void screenshot();
};

void TestSettingsDialog::showsTheSettings()
{
    core::AppSettings s;
    s.receiverPort = 9001;
    s.publicBaseUrl = u"https://abc.ngrok.app"_s;
    s.defaultRetryPolicy = u"svix"_s;
    s.browserCommand = u"chromium --incognito"_s;
    ui::SettingsDialog dialog(s, machine());
    QCOMPARE(dialog.findChild<QSpinBox *>(u"receiverPort"_s)->value(), 9001);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"publicUrl"_s)->text(), u"https://abc.ngrok.app"_s);
    QCOMPARE(dialog.findChild<QComboBox *>(u"defaultRetryPolicy"_s)->currentText(), u"svix"_s);
    QCOMPARE(dialog.settings(), s);
    QVERIFY(dialog.issues().isEmpty());
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestSettingsDialog::inlineErrors_data()
{
    QTest::addColumn<QString>("widget");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("host-name-for-address")
            << u"receiverAddress"_s << u"example.com"_s << int(Field::ReceiverAddress)
            << u"“example.com” is not an IP address."_s;
    QTest::newRow("public-url-without-scheme")
            << u"publicUrl"_s << u"abc.ngrok.app"_s << int(Field::PublicBaseUrl)
            << u"“abc.ngrok.app” is not a public URL such as https://abc.ngrok.app"_s;
    QTest::newRow("browser-not-installed")
            << u"browserCommand"_s << u"firefox %u"_s << int(Field::BrowserCommand)
            << u"The program “firefox” was not found or is not executable."_s;
    QTest::newRow("browser-unterminated-quote")
            << u"browserCommand"_s << u"\"chromium"_s << int(Field::BrowserCommand)
            << u"The browser command “\"chromium” has an unterminated quote."_s;
    QTest::newRow("workspace-in-missing-folder")
            << u"workspaceLocation"_s << u"/no/such/folder/w.sqlite"_s
            << int(Field::WorkspaceLocation) << u"The folder /no/such/folder does not exist."_s;
    QTest::newRow("workspace-is-a-folder")
            << u"workspaceLocation"_s << QDir::tempPath() << int(Field::WorkspaceLocation)
            << u"is a folder; give the workspace file inside it"_s;
}

void TestSettingsDialog::inlineErrors()
{
    QFETCH(QString, widget);
    QFETCH(QString, typed);
    QFETCH(int, field);
    QFETCH(QString, message);
    ui::SettingsDialog dialog(core::AppSettings{}, machine());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QLabel *label = dialog.messageLabel(Field(field));
    QVERIFY(label);
    QVERIFY(!label->isVisible());
    QVERIFY(ok->isEnabled());

    auto *edit = dialog.findChild<QLineEdit *>(widget);
    edit->selectAll();
    QTest::keyClicks(edit, typed);
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(message), qPrintable(label->text()));
    QVERIFY(label->styleSheet().contains(u"#c0392b"_s)); // an error, in red
    QVERIFY(!ok->isEnabled());
    // Only this field shows a message.
    int visible = 0;
    for (int f = int(Field::ReceiverAddress); f <= int(Field::BrowserCommand); ++f)
        visible += dialog.messageLabel(Field(f))->isVisible() ? 1 : 0;
    QCOMPARE(visible, 1);

    // Undoing the change clears the message and enables OK again.
    edit->clear();
    if (widget == u"receiverAddress"_s)
        QTest::keyClicks(edit, u"127.0.0.1"_s);
    QTRY_VERIFY(!label->isVisible());
    QVERIFY(ok->isEnabled());
}

void TestSettingsDialog::warningDoesNotBlock()
{
    ui::SettingsDialog dialog(core::AppSettings{}, machine());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *address = dialog.findChild<QLineEdit *>(u"receiverAddress"_s);
    address->setText(u"0.0.0.0"_s);
    QLabel *label = dialog.messageLabel(Field::ReceiverAddress);
    QTRY_VERIFY(label->isVisible());
    QVERIFY(label->text().contains(u"from the network"_s));
    QVERIFY(label->styleSheet().contains(u"#b9770e"_s)); // a warning, in amber
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    ok->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.settings().receiverAddress, u"0.0.0.0"_s);
}

void TestSettingsDialog::extraPages()
{
    ui::SettingsDialog dialog(core::AppSettings{}, machine());
    auto *page = new QLabel(u"Secret backend"_s);
    dialog.addPage(page, u"Secrets"_s);
    QCOMPARE(dialog.pages()->count(), 2);
    QCOMPARE(dialog.pages()->tabText(1), u"Secrets"_s);
    QCOMPARE(dialog.pages()->widget(1), page);
}

void TestSettingsDialog::screenshot()
{
    core::AppSettings s;
    ui::SettingsDialog dialog(s, machine());
    dialog.findChild<QLineEdit *>(u"browserCommand"_s)->setText(u"firefox"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    QVERIFY(!dir.isEmpty());
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(dialog.grab().save(QDir(dir).filePath(u"settings-dialog.png"_s)));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
