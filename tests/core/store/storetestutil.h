// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/testworkspace.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

// Helpers shared by the store and secrets suites and the fixture tool.
namespace wb::test {

// The whole file, or an empty array when it cannot be read.
QByteArray readBytes(const QString &path);
// The files in `folder` with their sizes ("name:size"), sorted: to prove nothing was created.
QStringList folderListing(const QString &folder);

// Splits an `sqlite3 .dump` into statements (on ';' outside quoted strings).
QStringList splitSqlStatements(const QString &dump);
// Creates `databasePath` from an SQL dump with a plain QSQLITE connection of its own.
core::Result<void> loadSqlDump(const QString &databasePath, const QString &dump);
// Runs `statements` on `databasePath` with a plain QSQLITE connection (bypassing the Store).
core::Result<void> runRawSql(const QString &databasePath, const QStringList &statements);
// One statement on `databasePath` with `values` bound to its `?` placeholders (blobs as
// QByteArray: portable where SQLite's x'…' literals are not).
core::Result<void> runRawSql(const QString &databasePath, const QString &statement,
                             const QVariantList &values);
// Every row of `query` on `databasePath`, each as its column values, through a plain connection.
core::Result<QList<QVariantList>> rawRows(const QString &databasePath, const QString &query);
// The first column of the first row of `query` on `databasePath`, through a plain connection.
core::Result<QVariant> rawScalar(const QString &databasePath, const QString &query);

// Everything a workspace holds, as JSON (workspace record, tenants, connections, identity mappings,
// secret references, inbound events with their bytes in base64), read in one snapshot.
QFuture<core::Result<QJsonObject>> workspaceSnapshot(core::Store &store);
// True when every key and array element of `expected` is in `actual` with the same value (extra
// keys in `actual` are fine: newer versions add fields). `where` names the first difference.
bool jsonContains(const QJsonValue &expected, const QJsonValue &actual, QString *where,
                  const QString &path = QStringLiteral("$"));

// A fresh workspace with a manual clock (starting 2025-06-15T15:06:40Z): a file in a temporary
// folder, or a new PostgreSQL database when the suite runs on PostgreSQL (testworkspace.h).
struct TempWorkspace
{
    QTemporaryDir dir;
    TestWorkspaceLocation where{dir.path()};
    core::ManualClock clock{1'750'000'000'000};
    std::unique_ptr<core::Store> store;

    // The file path or the postgresql:// URL.
    QString path() const { return where.location(); }
    // Opens (or reopens) the store; the error, if any, is returned.
    core::Result<void> open(const core::StoreOptions &options = {});
};

// Delivers the events already posted to this thread (the store's change notifications).
void deliverPostedEvents();

// Fills a workspace with the standard fixture data set (see tests/fixtures/store/README.md).
// Blocks on the store's futures: for the fixture tool only.
core::Result<void> fillStandardData(core::Store &store);

} // namespace wb::test
