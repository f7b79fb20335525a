// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testenv.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanIsComplete();
    void mainWindowSpeaksGerman_data();
    void mainWindowSpeaksGerman();
};

void TestTranslations::germanIsComplete()
{
    QFile ts(QDir(wb::test::sourceDir()).filePath(u"translations/wirebench_de.ts"_s));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(ts.readAll());
    const qsizetype messages = text.count(u"<message>"_s) + text.count(u"<message numerus"_s);
    QVERIFY2(messages > 30, "the German catalogue should hold the GUI's strings");
    QCOMPARE(text.count(u"type=\"unfinished\""_s), 0);
    QCOMPARE(text.count(u"type=\"vanished\""_s), 0);
}

void TestTranslations::mainWindowSpeaksGerman_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("german");
    QTest::newRow("inbound") << 0 << u"Eingehend"_s;
    QTest::newRow("deliveries") << 1 << u"Zustellungen"_s;
    QTest::newRow("timeline") << 2 << u"Zeitachse"_s;
    QTest::newRow("schedules") << 3 << u"Zeitpläne"_s;
}

void TestTranslations::mainWindowSpeaksGerman()
{
    QFETCH(int, tab);
    QFETCH(QString, german);
    QTranslator translator;
    QVERIFY(translator.load(u"wirebench_de"_s, qEnvironmentVariable("WB_QM_DIR")));
    QVERIFY(QApplication::installTranslator(&translator));
    wb::ui::MainWindow window;
    QCOMPARE(window.tabs()->tabText(tab), german);
    QCOMPARE(window.menuBar()->actions().first()->text(), u"&Datei"_s);
    QApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
