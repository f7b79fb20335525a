// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/postgres/workspacepassword.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr char serviceName[] = "wirebench"; // the service of every Wirebench keychain entry

// Runs a new `Job` for `location`'s entry (`prepare` sets its data) to its end. A job that does
// not finish within `timeoutMs` is left to delete itself when it does, and the error says
// `timedOut`.
template<typename Job, typename Prepare>
Result<std::unique_ptr<Job>> runJob(const PostgresLocation &location, int timeoutMs,
                                    const QString &timedOut, Prepare prepare)
{
    auto *job = new Job(QString::fromLatin1(serviceName));
    job->setAutoDelete(false);
    job->setKey(WorkspacePassword::entryName(location));
    prepare(*job);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&finished, &loop] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->start();
    timer.start(timeoutMs);
    if (!finished)
        loop.exec();
    if (!finished) {
        job->setAutoDelete(true);
        return fail(u"store.keychain_failed"_s, timedOut);
    }
    return std::unique_ptr<Job>(job);
}

} // namespace

QString WorkspacePassword::entryName(const PostgresLocation &location)
{
    return u"database/"_s + location.display();
}

Result<std::optional<QString>> WorkspacePassword::read(const PostgresLocation &location,
                                                       int timeoutMs)
{
    Result<std::unique_ptr<QKeychain::ReadPasswordJob>> ran = runJob<QKeychain::ReadPasswordJob>(
            location, timeoutMs,
            tr("The OS keychain did not answer within %1 s when asked for the password of "
               "%2.")
                    .arg(timeoutMs / 1000)
                    .arg(location.display()),
            [](QKeychain::ReadPasswordJob &) {});
    if (!ran)
        return fail(ran.error());
    const auto &done = *ran;
    if (done->error() == QKeychain::EntryNotFound)
        return std::optional<QString>();
    if (done->error() != QKeychain::NoError) {
        return fail(u"store.keychain_failed"_s,
                    tr("Cannot read the password of %1 from the OS keychain: %2")
                            .arg(location.display(), done->errorString()));
    }
    return std::optional<QString>(done->textData());
}

Result<void> WorkspacePassword::write(const PostgresLocation &location, const QString &password,
                                      int timeoutMs)
{
    if (password.isEmpty()) {
        return fail(u"store.bad_password"_s,
                    tr("The password for %1 is empty: nothing was stored.").arg(location.display()));
    }
    Result<std::unique_ptr<QKeychain::WritePasswordJob>> ran = runJob<QKeychain::WritePasswordJob>(
            location, timeoutMs,
            tr("The OS keychain did not answer within %1 s when storing the password of "
               "%2.")
                    .arg(timeoutMs / 1000)
                    .arg(location.display()),
            [&password](QKeychain::WritePasswordJob &job) { job.setTextData(password); });
    if (!ran)
        return fail(ran.error());
    const auto &done = *ran;
    if (done->error() != QKeychain::NoError) {
        return fail(u"store.keychain_failed"_s,
                    tr("Cannot store the password of %1 in the OS keychain: %2")
                            .arg(location.display(), done->errorString()));
    }
    return {};
}

Result<bool> WorkspacePassword::remove(const PostgresLocation &location, int timeoutMs)
{
    // Secret Service reports no error for deleting a missing entry: look first.
    Result<std::optional<QString>> existing = read(location, timeoutMs);
    if (!existing)
        return fail(existing.error());
    if (!*existing)
        return false;
    Result<std::unique_ptr<QKeychain::DeletePasswordJob>> ran = runJob<QKeychain::DeletePasswordJob>(
            location, timeoutMs,
            tr("The OS keychain did not answer within %1 s when removing the password of "
               "%2.")
                    .arg(timeoutMs / 1000)
                    .arg(location.display()),
            [](QKeychain::DeletePasswordJob &) {});
    if (!ran)
        return fail(ran.error());
    const auto &done = *ran;
    if (done->error() != QKeychain::NoError) {
        return fail(u"store.keychain_failed"_s,
                    tr("Cannot remove the password of %1 from the OS keychain: %2")
                            .arg(location.display(), done->errorString()));
    }
    return true;
}

} // namespace wb::core
