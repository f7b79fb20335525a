// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QFuture>
#include <QPromise>

#include <functional>
#include <optional>
#include <vector>

namespace wb::core {

class Store;

// A unit of work for the writer. The writer runs many jobs in one transaction (group commit), each
// inside a savepoint of its own, so a failing job rolls back only its own changes.
//
// Thread: run() and complete() are called on the writer thread, once each (complete() without run()
// when the job never got to run: store closed, BEGIN failed).
class WriteJob
{
public:
    virtual ~WriteJob() = default;
    // Does the work. An error rolls back this job's savepoint.
    virtual Result<void> run(SqlSession &session) = 0;
    // The job's final outcome once the transaction has ended: success only when the job's changes
    // are committed (durable).
    virtual void complete(const Result<void> &outcome) = 0;

    // Whether the job needs the workspace's write lock (writeconcurrency.h). Set before submit().
    WriteConcurrency concurrency() const { return m_concurrency; }
    void setConcurrency(WriteConcurrency concurrency) { m_concurrency = concurrency; }

private:
    WriteConcurrency m_concurrency = WriteConcurrency::Exclusive;
};

// A unit of work for a reader: runs on a reader thread inside a read transaction, so all its
// queries see one consistent snapshot of committed data.
class ReadJob
{
public:
    virtual ~ReadJob() = default;
    virtual Result<void> run(SqlSession &session) = 0;
    virtual void complete(const Result<void> &outcome) = 0;
};

namespace detail {
// Posts `notifications` to the thread that owns `store`, in order (no-op for a null store).
void postAfterCommit(Store *store, std::vector<SqlSession::AfterCommit> notifications);
} // namespace detail

// A write job from a function returning Result<T>; its future completes after the commit.
template<typename T>
class FunctionWriteJob final : public WriteJob
{
public:
    // `store` receives the job's afterCommit notifications (may be null); it must outlive the
    // job's completion, which Store guarantees by closing its database before it is destroyed.
    FunctionWriteJob(std::function<Result<T>(SqlSession &)> function, Store *store)
        : m_function(std::move(function))
        , m_store(store)
    {
        m_promise.start();
    }

    QFuture<Result<T>> future() { return m_promise.future(); }

    Result<void> run(SqlSession &session) override
    {
        m_value.emplace(m_function(session));
        m_notifications = session.takeAfterCommit();
        if (!*m_value)
            return fail(m_value->error());
        return {};
    }

    void complete(const Result<void> &outcome) override
    {
        if (outcome && m_value) {
            detail::postAfterCommit(m_store, std::move(m_notifications));
            m_promise.addResult(std::move(*m_value));
        } else {
            m_promise.addResult(Result<T>(tl::unexpected<Error>(
                    outcome ? Error{QStringLiteral("store.job_not_run"),
                                    QStringLiteral("The write job did not run.")}
                            : outcome.error())));
        }
        m_promise.finish();
    }

private:
    std::function<Result<T>(SqlSession &)> m_function;
    Store *m_store = nullptr;
    QPromise<Result<T>> m_promise;
    std::optional<Result<T>> m_value;
    std::vector<SqlSession::AfterCommit> m_notifications;
};

// A read job from a function returning Result<T>.
template<typename T>
class FunctionReadJob final : public ReadJob
{
public:
    explicit FunctionReadJob(std::function<Result<T>(SqlSession &)> function)
        : m_function(std::move(function))
    {
        m_promise.start();
    }

    QFuture<Result<T>> future() { return m_promise.future(); }

    Result<void> run(SqlSession &session) override
    {
        m_value.emplace(m_function(session));
        if (!*m_value)
            return fail(m_value->error());
        return {};
    }

    void complete(const Result<void> &outcome) override
    {
        if (m_value)
            m_promise.addResult(std::move(*m_value));
        else
            m_promise.addResult(Result<T>(tl::unexpected<Error>(outcome.error())));
        m_promise.finish();
    }

private:
    std::function<Result<T>(SqlSession &)> m_function;
    QPromise<Result<T>> m_promise;
    std::optional<Result<T>> m_value;
};

} // namespace wb::core
