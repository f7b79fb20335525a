// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing acknowledged is lost on kill -9: a child process writes tenants and reports each one whose
// future completed; it is killed mid-stream; every reported tenant must be in the workspace, which
// must open cleanly from its leftover -wal file.
#include "storetestutil.h"

#include "support/futures.h"
#include "support/results.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorMessage;

class TestDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedWritesSurviveKill_data();
    void acknowledgedWritesSurviveKill();
};

void TestDurability::acknowledgedWritesSurviveKill_data()
{
    QTest::addColumn<int>("killAfterAcks");
    QTest::newRow("killed-after-1-ack") << 1;
    QTest::newRow("killed-after-120-acks") << 120;
    QTest::newRow("killed-after-600-acks") << 600;
}

void TestDurability::acknowledgedWritesSurviveKill()
{
    QFETCH(int, killAfterAcks);
    wb::test::TempWorkspace ws;
    QProcess writer;
    writer.setProcessChannelMode(QProcess::SeparateChannels);
    writer.start(QCoreApplication::applicationDirPath() + u"/wb_store_writer_probe"_s, {ws.path()});
    QVERIFY(writer.waitForStarted());

    QSet<QString> acked;
    QByteArray pending;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                pending += writer.readAllStandardOutput();
                qsizetype newline;
                while ((newline = pending.indexOf('\n')) >= 0) {
                    const QByteArray line = pending.left(newline);
                    pending.remove(0, newline + 1);
                    if (line.startsWith("acked "))
                        acked.insert(QString::fromLatin1(line.mid(6)));
                }
                return acked.size() >= killAfterAcks || writer.state() == QProcess::NotRunning;
            }(),
            60'000);
    QCOMPARE(writer.state(), QProcess::Running); // still writing when killed
    writer.kill();                               // SIGKILL: no destructor, no checkpoint
    QVERIFY(writer.waitForFinished(10'000));
    // What it acknowledged before dying, including lines still in the pipe.
    pending += writer.readAllStandardOutput();
    for (const QByteArray &line : pending.split('\n')) {
        if (line.startsWith("acked "))
            acked.insert(QString::fromLatin1(line.mid(6)));
    }
    QVERIFY(acked.size() >= killAfterAcks);
    QVERIFY(QFile::exists(ws.path() + u"-wal"_s)); // it did not close cleanly

    const Result<void> reopened = ws.open();
    QVERIFY2(reopened, qPrintable(errorMessage(reopened)));
    WB_AWAIT_OK(tenants, ws.store->tenants());
    QSet<QString> stored;
    for (const Tenant &tenant : *tenants)
        stored.insert(tenant.displayName);
    const QSet<QString> lost = acked - stored;
    QVERIFY2(lost.isEmpty(), qPrintable(u"%1 acknowledged tenants lost, e.g. %2"_s.arg(lost.size())
                                                .arg(lost.isEmpty() ? QString() : *lost.begin())));
    QVERIFY(stored.size() >= acked.size());
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
