// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/sqlsession.h"

#include "core/store/sqldialect.h"
#include "core/util/clock.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

QString statementStart(const QString &sql)
{
    const QString simplified = sql.simplified();
    return simplified.size() > 80 ? simplified.left(77) + u"..."_s : simplified;
}

Error statementError(const SqlDialect &dialect, const QSqlError &error, const QString &sql,
                     bool preparing)
{
    if (dialect.isBusy(error)) {
        return Error{u"store.busy"_s,
                     SqlSession::tr("The workspace is locked by another program (or another "
                                    "Wirebench) for longer than the busy timeout: %1 (in \"%2\").")
                             .arg(error.text(), statementStart(sql))};
    }
    return Error{u"store.query_failed"_s,
                 preparing
                         ? SqlSession::tr("The workspace database refused a statement: %1 (in "
                                          "\"%2\").")
                                   .arg(error.text(), statementStart(sql))
                         : SqlSession::tr("A workspace database statement failed: %1 (in \"%2\").")
                                   .arg(error.text(), statementStart(sql))};
}

void bind(QSqlQuery &query, const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // Qt binds a null QString as SQL NULL; our text columns are NOT NULL with '' for "none".
        if (value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull())
            query.bindValue(int(i), QString(u""_s));
        else
            query.bindValue(int(i), value);
    }
}

} // namespace

SqlSession::SqlSession(QSqlDatabase database, const SqlDialect &dialect, const Clock &clock,
                       bool writable)
    : m_database(std::move(database))
    , m_dialect(dialect)
    , m_clock(clock)
    , m_writable(writable)
{}

SqlSession::~SqlSession() = default;

qint64 SqlSession::nowMs() const
{
    return m_clock.nowMs();
}

Result<QSqlQuery> SqlSession::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (values.isEmpty() && !m_dialect.preparesEveryStatement()) {
        if (!query.exec(sql))
            return fail(statementError(m_dialect, query.lastError(), sql, false));
        m_failed.clear();
        return query;
    }
    if (!query.prepare(sql))
        return fail(statementError(m_dialect, query.lastError(), sql, true));
    bind(query, values);
    if (!query.exec()) {
        const Error error = statementError(m_dialect, query.lastError(), sql, false);
        m_failed.push_back(std::move(query));
        return fail(error);
    }
    m_failed.clear();
    return query;
}

Result<SqlSession::KeptQuery> SqlSession::execKept(const QString &sql, const QVariantList &values)
{
    // Plain statements (PostgreSQL, without values) take one round trip anyway; they are kept
    // too, so that the caller's view has something to point at.
    const bool plain = values.isEmpty() && !m_dialect.preparesEveryStatement();
    // The callers' views are over (KeptQuery): reset their statements, so none stays open across
    // the end of a job or a transaction (an SQLite statement left mid-result keeps its read open).
    for (auto &[text, kept] : m_prepared) {
        if (kept.isActive())
            kept.finish();
    }
    auto cached = m_prepared.find(sql);
    if (cached == m_prepared.end()) {
        if (m_prepared.size() >= 128) // callers' views are over: see KeptQuery
            m_prepared.clear();
        QSqlQuery query(m_database);
        query.setForwardOnly(true);
        if (!plain && !query.prepare(sql))
            return fail(statementError(m_dialect, query.lastError(), sql, true));
        cached = m_prepared.emplace(sql, std::move(query)).first;
    }
    QSqlQuery &query = cached->second;
    bool ok = false;
    if (plain) {
        ok = query.exec(sql);
    } else {
        bind(query, values);
        ok = query.exec();
    }
    if (!ok) {
        const Error error = statementError(m_dialect, query.lastError(), sql, false);
        query.finish();
        return fail(error);
    }
    m_failed.clear();
    return KeptQuery(query);
}

Result<void> SqlSession::execute(const QString &sql, const QVariantList &values)
{
    // No rows go back to the caller, so the prepared statement can be kept and reused: the writer
    // runs SAVEPOINT/RELEASE and the same INSERTs thousands of times.
    Result<SqlSession::KeptQuery> done = execKept(sql, values);
    if (!done)
        return fail(done.error());
    done->finish();
    return {};
}

Result<QSqlQuery> SqlSession::execOneRow(const QString &sql, const QVariantList &values)
{
    Result<QSqlQuery> query = exec(sql, values);
    if (!query)
        return query;
    if (!query->next()) {
        return fail(u"store.no_row"_s,
                    tr("A workspace database statement returned no row (in \"%1\").")
                            .arg(statementStart(sql)));
    }
    return query;
}

Result<void> SqlSession::beginWriteTransaction(WriteConcurrency concurrency)
{
    const QStringList statements = m_dialect.beginWriteTransaction(concurrency);
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (Result<void> done = execute(statements.at(i)); !done) {
            if (i > 0) // the transaction began: end it
                execute(u"ROLLBACK"_s);
            return done;
        }
    }
    return {};
}

void SqlSession::afterCommit(AfterCommit notify)
{
    Q_ASSERT_X(m_writable, "SqlSession::afterCommit", "only write jobs have commits");
    if (m_writable)
        m_afterCommit.push_back(std::move(notify));
}

void SqlSession::notifyAtCommit(const QString &channel)
{
    Q_ASSERT_X(m_writable, "SqlSession::notifyAtCommit", "only write jobs have commits");
    if (m_writable)
        m_notifyChannels.insert(channel);
}

std::set<QString> SqlSession::takeNotifyChannels()
{
    return std::exchange(m_notifyChannels, {});
}

std::vector<SqlSession::AfterCommit> SqlSession::takeAfterCommit()
{
    return std::exchange(m_afterCommit, {});
}

QVariant toSqlValue(const std::optional<qint64> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant toSqlValue(const std::optional<double> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<double>());
}

QVariant toSqlValue(const std::optional<int> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<int>());
}

std::optional<qint64> optionalInt64(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

std::optional<double> optionalDouble(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

std::optional<int> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

} // namespace wb::core
