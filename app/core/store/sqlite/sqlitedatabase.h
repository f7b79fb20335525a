// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/database.h"
#include "core/store/sqlite/sqlitedialect.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace wb::core {

class Clock;
class GroupCommitWriter;
class ReaderPool;
struct StoreOptions;

// The SQLite workspace backend: one file in WAL mode; one writer connection on its own thread with
// group commit; reader threads with read-only connections of their own.
class SqliteDatabase final : public Database
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SqliteDatabase)
    Q_DISABLE_COPY_MOVE(SqliteDatabase)

public:
    // inspect runs on a read-only connection to an existing, non-empty file; prepare on the
    // read-write connection in WAL mode.
    using OpenSteps = DatabaseOpenSteps;

    // Checks the file without changing it (header, schema readable, steps.inspect), then prepares
    // it and starts the threads. Errors: see openWorkspace() in store.h.
    static Result<std::unique_ptr<SqliteDatabase>> open(const QString &path, const Clock &clock,
                                                        const StoreOptions &options,
                                                        const OpenSteps &steps);
    ~SqliteDatabase() override;

    const SqlDialect &dialect() const override { return m_dialect; }
    QString location() const override { return m_path; }
    void submitWrite(std::unique_ptr<WriteJob> job) override;
    void submitRead(std::unique_ptr<ReadJob> job) override;
    WriterStatistics writerStatistics() const override;
    void close() override;

private:
    SqliteDatabase(QString path, const Clock &clock);
    Result<void> start(const StoreOptions &options);

    const QString m_path;
    const Clock &m_clock;
    SqliteDialect m_dialect;
    std::unique_ptr<GroupCommitWriter> m_writer;
    std::unique_ptr<ReaderPool> m_readers;
};

} // namespace wb::core
