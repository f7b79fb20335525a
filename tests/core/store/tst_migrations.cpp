// SPDX-License-Identifier: GPL-3.0-or-later
// Schema migrations: a fresh workspace, an upgrade from every older version with data in it, and
// refusals (newer schema, not a workspace, damaged file) that leave the file byte for byte as it
// was.
#include "storetestutil.h"

#include "core/store/migration.h"
#include "core/store/sqlite/sqlitedialect.h"
#include "core/util/clock.h"
#include "support/futures.h"
#include "support/results.h"
#include "support/testenv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migrationListIsContiguousAndExpands();
    void dialectExpandsTokens_data();
    void dialectExpandsTokens();
    void freshWorkspaceIsAtLatestVersionInWalMode();
    void reopeningKeepsTheWorkspaceRecord();
    void logsOneLinePerCreationOrUpgrade();
    void everyVersionHasAFrozenFixture();
    void upgradeKeepsData_data();
    void upgradeKeepsData();
    void newerSchemaIsRefusedAndUntouched();
    void unusableFileIsRefusedAndUntouched_data();
    void unusableFileIsRefusedAndUntouched();
    void badLocations_data();
    void badLocations();

private:
    ManualClock m_clock{1'750'000'000'000};
};

void TestMigrations::migrationListIsContiguousAndExpands()
{
    const Result<void> valid = MigrationRunner::validate(workspaceMigrations(), SqliteDialect());
    QVERIFY2(valid, qPrintable(errorMessage(valid)));
    QCOMPARE(latestSchemaVersion(), workspaceMigrations().size());

    // validate() must catch a gap and an unknown token.
    QList<Migration> gap = workspaceMigrations();
    Migration skipped;
    skipped.version = latestSchemaVersion() + 2;
    skipped.description = u"skips a number"_s;
    gap << skipped;
    QCOMPARE(errorCode(MigrationRunner::validate(gap, SqliteDialect())),
             u"store.bad_migration_list"_s);
    QList<Migration> typo = workspaceMigrations();
    Migration misspelt;
    misspelt.version = latestSchemaVersion() + 1;
    misspelt.description = u"typo"_s;
    misspelt.statements = {u"CREATE TABLE t (id {{pkey}})"_s};
    typo << misspelt;
    const Result<void> typoResult = MigrationRunner::validate(typo, SqliteDialect());
    QCOMPARE(errorCode(typoResult), u"store.bad_migration_list"_s);
    QVERIFY2(errorMessage(typoResult).contains(u"{{pkey}}"_s), qPrintable(errorMessage(typoResult)));
}

void TestMigrations::dialectExpandsTokens_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expanded");
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("primary-key-never-reused")
            << u"id {{pk}}"_s << u"id INTEGER PRIMARY KEY AUTOINCREMENT"_s << QString();
    QTest::newRow("timestamp-ms-and-int64")
            << u"a {{ms}}, b {{int64}}"_s << u"a INTEGER, b INTEGER"_s << QString();
    QTest::newRow("blob-and-real") << u"{{blob}} {{real}}"_s << u"BLOB REAL"_s << QString();
    QTest::newRow("no-tokens-unchanged")
            << u"SELECT '{' || '}'"_s << u"SELECT '{' || '}'"_s << QString();
    QTest::newRow("unknown-token-refused")
            << u"x {{uuid}}"_s << QString() << u"store.dialect_unknown_token"_s;
}

void TestMigrations::dialectExpandsTokens()
{
    QFETCH(QString, sql);
    QFETCH(QString, expanded);
    QFETCH(QString, errorCode);
    const Result<QString> result = SqliteDialect().expand(sql);
    if (errorCode.isEmpty()) {
        QVERIFY(result);
        QCOMPARE(*result, expanded);
    } else {
        QCOMPARE(wb::test::errorCode(result), errorCode);
    }
}

namespace {
// The info lines of the migrations' logging category, while a MigrationLog lives.
QStringList *capturedMigrationLines = nullptr;
QtMessageHandler previousHandler = nullptr;

void captureMigrationLine(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (capturedMigrationLines && type == QtInfoMsg && context.category
        && QByteArrayView(context.category) == "wb.store.migrations")
        capturedMigrationLines->append(text);
    previousHandler(type, context, text);
}

struct MigrationLog
{
    QStringList lines;
    MigrationLog()
    {
        capturedMigrationLines = &lines;
        previousHandler = qInstallMessageHandler(captureMigrationLine);
    }
    ~MigrationLog()
    {
        qInstallMessageHandler(previousHandler);
        capturedMigrationLines = nullptr;
    }
};
} // namespace

// A new workspace's many steps are one line in the log; an upgrade says from and to what.
void TestMigrations::logsOneLinePerCreationOrUpgrade()
{
    QTemporaryDir dir;
    {
        MigrationLog log;
        Result<std::unique_ptr<Store>> store = openWorkspace(dir.filePath(u"new.sqlite"_s),
                                                             StoreServices{&m_clock});
        QVERIFY2(store, qPrintable(errorMessage(store)));
        QCOMPARE(log.lines.size(), 1);
        QVERIFY2(log.lines.constFirst().endsWith(
                         u": created the workspace schema (version %1)"_s.arg(
                                 latestSchemaVersion())),
                 qPrintable(log.lines.constFirst()));
    }
    const QString path = dir.filePath(u"old.sqlite"_s);
    const int from = latestSchemaVersion() - 1;
    const Result<void> loaded = wb::test::loadSqlDump(path, QString::fromUtf8(wb::test::readFixture(
                                                                    u"store/workspace-v%1.sql"_s.arg(
                                                                            from))));
    QVERIFY2(loaded, qPrintable(errorMessage(loaded)));
    MigrationLog log;
    Result<std::unique_ptr<Store>> store = openWorkspace(path, StoreServices{&m_clock});
    QVERIFY2(store, qPrintable(errorMessage(store)));
    QCOMPARE(log.lines.size(), 1);
    const Migration &last = workspaceMigrations().constLast();
    QVERIFY2(log.lines.constFirst().endsWith(
                     u": upgraded the workspace schema from version %1 to %2: %2 (%3)"_s.arg(from)
                             .arg(last.version)
                             .arg(last.description)),
             qPrintable(log.lines.constFirst()));
    // Opened again: nothing to do, nothing said.
    store->reset();
    log.lines.clear();
    Result<std::unique_ptr<Store>> again = openWorkspace(path, StoreServices{&m_clock});
    QVERIFY2(again, qPrintable(errorMessage(again)));
    QVERIFY2(log.lines.isEmpty(), qPrintable(log.lines.join(u'\n')));
}

void TestMigrations::freshWorkspaceIsAtLatestVersionInWalMode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"new.sqlite"_s);
    Result<std::unique_ptr<Store>> store = openWorkspace(path, StoreServices{&m_clock});
    QVERIFY2(store, qPrintable(errorMessage(store)));
    QCOMPARE((*store)->schemaVersion(), latestSchemaVersion());
    QCOMPARE((*store)->workspaceInfo().secretBackend, u"keychain"_s);
    QCOMPARE((*store)->workspaceInfo().createdAtMs, 1'750'000'000'000);
    QVERIFY(!(*store)->workspaceInfo().workspaceId.isNull());
    QVERIFY(!(*store)->workspaceInfo().demoSeededAtMs);

    // Seen from outside, through a connection of its own.
    QCOMPARE(wb::test::rawScalar(path, u"PRAGMA journal_mode"_s)->toString(), u"wal"_s);
    QCOMPARE(wb::test::rawScalar(path, u"SELECT MAX(version) FROM schema_version"_s)->toInt(),
             latestSchemaVersion());
    QCOMPARE(wb::test::rawScalar(path, u"SELECT workspace_uuid FROM workspace"_s)->toString(),
             (*store)->workspaceInfo().workspaceId.toString(QUuid::WithoutBraces));
    for (const QString &table :
         {u"tenants"_s, u"connections"_s, u"identity_mappings"_s, u"secret_references"_s}) {
        QCOMPARE(wb::test::rawScalar(path, u"SELECT COUNT(*) FROM sqlite_master "
                                           "WHERE type = 'table' AND name = '%1'"_s.arg(table))
                         ->toInt(),
                 1);
    }
}

void TestMigrations::reopeningKeepsTheWorkspaceRecord()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ws.sqlite"_s);
    WorkspaceInfo first;
    {
        StoreOptions sealed;
        sealed.secretBackendForNewWorkspace = u"sealed"_s;
        Result<std::unique_ptr<Store>> store = openWorkspace(path, StoreServices{&m_clock}, sealed);
        QVERIFY(store);
        first = (*store)->workspaceInfo();
        QCOMPARE(first.secretBackend, u"sealed"_s);
    }
    // A clean close checkpoints the WAL into the file and removes it.
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    m_clock.advanceMs(60'000);
    // The backend choice belongs to the workspace: a different option on reopening changes nothing.
    Result<std::unique_ptr<Store>> again = openWorkspace(path, StoreServices{&m_clock});
    QVERIFY(again);
    QCOMPARE((*again)->workspaceInfo(), first);
    QCOMPARE(wb::test::rawScalar(path, u"SELECT COUNT(*) FROM schema_version"_s)->toInt(),
             latestSchemaVersion());
}

void TestMigrations::everyVersionHasAFrozenFixture()
{
    for (int version = 1; version <= latestSchemaVersion(); ++version) {
        for (const QString &ext : {u"sql"_s, u"json"_s}) {
            const QString name = u"store/workspace-v%1.%2"_s.arg(version).arg(ext);
            QVERIFY2(QFile::exists(wb::test::fixturePath(name)),
                     qPrintable(name + u" is missing: see tests/fixtures/store/README.md"_s));
        }
    }
}

void TestMigrations::upgradeKeepsData_data()
{
    QTest::addColumn<int>("fromVersion");
    for (int version = 1; version <= latestSchemaVersion(); ++version)
        QTest::addRow("from-v%d-with-data", version) << version;
}

void TestMigrations::upgradeKeepsData()
{
    QFETCH(int, fromVersion);
    const QByteArray dump = wb::test::readFixture(u"store/workspace-v%1.sql"_s.arg(fromVersion));
    const QJsonObject expected = QJsonDocument::fromJson(
                                         wb::test::readFixture(
                                                 u"store/workspace-v%1.json"_s.arg(fromVersion)))
                                         .object();
    QCOMPARE(expected.value(u"schemaVersion"_s).toInt(), fromVersion);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.sqlite"_s);
    const Result<void> loaded = wb::test::loadSqlDump(path, QString::fromUtf8(dump));
    QVERIFY2(loaded, qPrintable(errorMessage(loaded)));
    QCOMPARE(wb::test::rawScalar(path, u"SELECT MAX(version) FROM schema_version"_s)->toInt(),
             fromVersion);

    Result<std::unique_ptr<Store>> store = openWorkspace(path, StoreServices{&m_clock});
    QVERIFY2(store, qPrintable(errorMessage(store)));
    QCOMPARE((*store)->schemaVersion(), latestSchemaVersion());

    WB_AWAIT_OK(snapshot, wb::test::workspaceSnapshot(**store));
    QString difference;
    QJsonObject expectedData = expected;
    expectedData.remove(u"schemaVersion"_s);
    QVERIFY2(wb::test::jsonContains(expectedData, *snapshot, &difference), qPrintable(difference));
    // Sanity: the fixture does hold data (so the comparison above compared something).
    QCOMPARE(snapshot->value(u"tenants"_s).toArray().size(), 3);
    QCOMPARE(snapshot->value(u"identityMappings"_s).toArray().size(), 4);

    // The upgraded workspace works: the old mapping resolves, and the demo is not seeded again.
    WB_AWAIT_OK(resolution, (*store)->resolveIdentity(
                                    {u"github"_s, u"4242"_s, u"JSON pointer /installation/id"_s}));
    QCOMPARE(resolution->tenant->displayName, u"Globex Corporation"_s);
    WB_AWAIT_OK(seeded, (*store)->seedDemoWorkspace());
    QCOMPARE(*seeded, false);
    // New rows get fresh ids after the old ones.
    Tenant tenant;
    tenant.displayName = u"After the upgrade"_s;
    WB_AWAIT_OK(added, (*store)->addTenant(tenant));
    const QJsonArray tenants = snapshot->value(u"tenants"_s).toArray();
    qint64 maxOldId = 0;
    for (const QJsonValue &t : tenants)
        maxOldId = qMax<qint64>(maxOldId, t.toObject().value(u"id"_s).toInteger());
    QVERIFY(added->id > maxOldId);
}

void TestMigrations::newerSchemaIsRefusedAndUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"future.sqlite"_s);
    {
        Result<std::unique_ptr<Store>> store = openWorkspace(path, StoreServices{&m_clock});
        QVERIFY(store);
        Tenant tenant;
        tenant.displayName = u"Written by the future"_s;
        WB_AWAIT_OK(added, (*store)->addTenant(tenant));
    }
    const int newer = latestSchemaVersion() + 1;
    QVERIFY(wb::test::runRawSql(path, {u"CREATE TABLE future_things (id INTEGER)"_s,
                                       u"INSERT INTO schema_version VALUES (%1, 'from the future', "
                                       "1)"_s.arg(newer)}));
    const QByteArray before = wb::test::readBytes(path);
    QVERIFY(!before.isEmpty());
    const QStringList listingBefore = wb::test::folderListing(dir.path());

    Result<std::unique_ptr<Store>> refused = openWorkspace(path, StoreServices{&m_clock});
    QCOMPARE(errorCode(refused), u"store.newer_schema"_s);
    const QString message = errorMessage(refused);
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(u"schema version %1"_s.arg(newer)), qPrintable(message));
    QVERIFY2(message.contains(u"up to %1"_s.arg(latestSchemaVersion())), qPrintable(message));
    QCOMPARE(wb::test::readBytes(path), before);
    QCOMPARE(wb::test::folderListing(dir.path()), listingBefore);
}

void TestMigrations::unusableFileIsRefusedAndUntouched_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("text-file") << QByteArray("These are my notes, not a database.\n")
                               << u"store.not_a_workspace"_s << u"not an SQLite database"_s;
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += QByteArray(2000, '\x07');
    QTest::newRow("png-image") << png << u"store.not_a_workspace"_s << u"SQLite header"_s;
    QTest::newRow("sqlite-header-only")
            << QByteArray("SQLite format 3\0", 16) << u"store.corrupt"_s << u"damaged"_s;

    // A real workspace whose first page (the schema) was overwritten after the 100-byte header.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"model.sqlite"_s);
    {
        ManualClock clock;
        Result<std::unique_ptr<Store>> store = openWorkspace(path, StoreServices{&clock});
        QVERIFY(store);
    }
    QByteArray damaged = wb::test::readBytes(path);
    QVERIFY(damaged.size() > 4096);
    for (int i = 100; i < 4096; ++i)
        damaged[i] = char((i * 37) & 0xff);
    QTest::newRow("workspace-with-garbled-schema-page")
            << damaged << u"store.corrupt"_s << u"damaged"_s;

    // Another program's SQLite database.
    const QString foreign = dir.filePath(u"foreign.sqlite"_s);
    QVERIFY(wb::test::runRawSql(foreign, {u"CREATE TABLE customers (id INTEGER, name TEXT)"_s,
                                          u"INSERT INTO customers VALUES (1, 'Ann')"_s}));
    QTest::newRow("another-programs-database")
            << wb::test::readBytes(foreign) << u"store.not_a_workspace"_s << u"customers"_s;
}

void TestMigrations::unusableFileIsRefusedAndUntouched()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, errorCode);
    QFETCH(QString, messagePart);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"workspace.sqlite"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }
    const QStringList listingBefore = wb::test::folderListing(dir.path());

    Result<std::unique_ptr<Store>> refused = openWorkspace(path, StoreServices{&m_clock});
    QCOMPARE(wb::test::errorCode(refused), errorCode);
    QVERIFY2(errorMessage(refused).contains(path), qPrintable(errorMessage(refused)));
    QVERIFY2(errorMessage(refused).contains(messagePart), qPrintable(errorMessage(refused)));
    QCOMPARE(wb::test::readBytes(path), content);
    QCOMPARE(wb::test::folderListing(dir.path()), listingBefore);
}

void TestMigrations::badLocations_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("a-folder") << u"folder"_s << u"store.not_a_file"_s;
    QTest::newRow("missing-parent-folder") << u"nowhere/ws.sqlite"_s << u"store.open_failed"_s;
    // PostgreSQL URLs have their own suite (tst_postgres); one that cannot be parsed fails early.
    QTest::newRow("postgresql-url-bad-port")
            << u"postgresql://wb@db:port/wb"_s << u"store.bad_location"_s;
}

void TestMigrations::badLocations()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, errorCode);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
    const QString location = relativePath.contains(u"://"_s) ? relativePath
                                                             : dir.filePath(relativePath);
    Result<std::unique_ptr<Store>> refused = openWorkspace(location, StoreServices{&m_clock});
    QCOMPARE(wb::test::errorCode(refused), errorCode);
    QVERIFY(!QFile::exists(dir.filePath(u"nowhere"_s)));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
