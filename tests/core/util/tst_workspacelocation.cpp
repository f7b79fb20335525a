// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/workspacelocation.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

class TestWorkspaceLocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolve_data();
    void resolve();
};

void TestWorkspaceLocation::initTestCase()
{
    QCoreApplication::setOrganizationName(u"Wirebench"_s);
    QCoreApplication::setApplicationName(u"wirebench"_s);
    qputenv("XDG_DATA_HOME", "/tmp/wb-xdg-data");
}

void TestWorkspaceLocation::resolve_data()
{
    QTest::addColumn<QString>("explicitPath");
    QTest::addColumn<QByteArray>("environment");
    QTest::addColumn<QString>("settings"); // the Settings' workspace file
    QTest::addColumn<QString>("expected");

    QTest::newRow("default-in-app-data")
            << QString() << QByteArray() << QString()
            << u"/tmp/wb-xdg-data/Wirebench/wirebench/workspace.sqlite"_s;
    QTest::newRow("settings-win-over-default")
            << QString() << QByteArray() << u"/home/a/team.sqlite"_s << u"/home/a/team.sqlite"_s;
    QTest::newRow("blank-settings-are-none")
            << QString() << QByteArray() << u"  "_s
            << u"/tmp/wb-xdg-data/Wirebench/wirebench/workspace.sqlite"_s;
    QTest::newRow("environment-wins-over-settings")
            << QString() << QByteArray("/srv/wb/ws.sqlite") << u"/home/a/team.sqlite"_s
            << u"/srv/wb/ws.sqlite"_s;
    QTest::newRow("environment-wins-over-default")
            << QString() << QByteArray("/srv/wb/ws.sqlite") << QString() << u"/srv/wb/ws.sqlite"_s;
    QTest::newRow("explicit-wins-over-environment-and-settings")
            << u"/home/a/x.sqlite"_s << QByteArray("/srv/wb/ws.sqlite") << u"/home/a/team.sqlite"_s
            << u"/home/a/x.sqlite"_s;
    QTest::newRow("postgresql-url-passes-through")
            << u"postgresql://wb@db:5432/wb"_s << QByteArray() << QString()
            << u"postgresql://wb@db:5432/wb"_s;
}

void TestWorkspaceLocation::resolve()
{
    QFETCH(QString, explicitPath);
    QFETCH(QByteArray, environment);
    QFETCH(QString, settings);
    QFETCH(QString, expected);
    if (environment.isEmpty())
        qunsetenv("WIREBENCH_WORKSPACE");
    else
        qputenv("WIREBENCH_WORKSPACE", environment);
    QCOMPARE(resolveWorkspacePath(explicitPath, settings), expected);
}

QTEST_GUILESS_MAIN(TestWorkspaceLocation)
#include "tst_workspacelocation.moc"
