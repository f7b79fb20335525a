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

// Runs `job` (not auto-deleted) to its end or `timeoutMs`; false on timeout.
bool runToEnd(QKeychain::Job &job, int timeoutMs)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&finished, &loop] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job.start();
    timer.start(timeoutMs);
    if (!finished)
        loop.exec();
    return finished;
}

} // namespace

QString WorkspacePassword::entryName(const PostgresLocation &location)
{
    return u"database/"_s + location.display();
}

Result<std::optional<QString>> WorkspacePassword::read(const PostgresLocation &location,
                                                       int timeoutMs)
{
    // Parented to nothing and deleted by us: a job that timed out is left to finish on its own.
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(serviceName));
    job->setAutoDelete(false);
    job->setKey(entryName(location));
    if (!runToEnd(*job, timeoutMs)) {
        job->setAutoDelete(true);
        return fail(u"store.keychain_failed"_s,
                    tr("The OS keychain did not answer within %1 s when asked for the password of "
                       "%2.")
                            .arg(timeoutMs / 1000)
                            .arg(location.display()));
    }
    std::unique_ptr<QKeychain::ReadPasswordJob> done(job);
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
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(serviceName));
    job->setAutoDelete(false);
    job->setKey(entryName(location));
    job->setTextData(password);
    if (!runToEnd(*job, timeoutMs)) {
        job->setAutoDelete(true);
        return fail(u"store.keychain_failed"_s,
                    tr("The OS keychain did not answer within %1 s when storing the password of "
                       "%2.")
                            .arg(timeoutMs / 1000)
                            .arg(location.display()));
    }
    std::unique_ptr<QKeychain::WritePasswordJob> done(job);
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
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(serviceName));
    job->setAutoDelete(false);
    job->setKey(entryName(location));
    if (!runToEnd(*job, timeoutMs)) {
        job->setAutoDelete(true);
        return fail(u"store.keychain_failed"_s,
                    tr("The OS keychain did not answer within %1 s when removing the password of "
                       "%2.")
                            .arg(timeoutMs / 1000)
                            .arg(location.display()));
    }
    std::unique_ptr<QKeychain::DeletePasswordJob> done(job);
    if (done->error() != QKeychain::NoError) {
        return fail(u"store.keychain_failed"_s,
                    tr("Cannot remove the password of %1 from the OS keychain: %2")
                            .arg(location.display(), done->errorString()));
    }
    return true;
}

} // namespace wb::core
