// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacesession.h"

#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/workspacelocation.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wb::cli {

WorkspaceSession::WorkspaceSession(std::unique_ptr<core::Store> store)
    : m_store(std::move(store))
{}

WorkspaceSession::~WorkspaceSession() = default;

bool WorkspaceSession::workspaceExists(const QString &location)
{
    return core::isPostgresLocation(location) || QFileInfo::exists(location);
}

core::Error WorkspaceSession::noWorkspaceError(const QString &location)
{
    return core::Error{u"cli.no_workspace"_s,
                       u"there is no workspace at %1 (choose one with --workspace before the "
                       u"command, $WIREBENCH_WORKSPACE or the GUI's Settings; the GUI, "
                       u"'wirebench-cli serve', 'deliver', 'tenants add' and 'schedules add' "
                       u"create a new one)"_s.arg(location)};
}

core::Result<std::unique_ptr<WorkspaceSession>> WorkspaceSession::open(const CommandContext &context,
                                                                       Creation creation)
{
    const bool exists = workspaceExists(context.workspacePath);
    if (!exists && creation == Creation::MustExist)
        return core::fail(noWorkspaceError(context.workspacePath));
    // The default workspace's folder is created on first use, like the GUI does (a fresh user has
    // no data folder yet); an explicit path's folder never is.
    auto store = core::openDefaultWorkspace(core::StoreServices{core::SystemClock::instance()},
                                            context.workspacePath);
    if (!store)
        return core::fail(store.error());
    return std::unique_ptr<WorkspaceSession>(new WorkspaceSession(std::move(*store)));
}

void WorkspaceSession::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    QTimer::singleShot(0, QCoreApplication::instance(),
                       [exitCode] { QCoreApplication::exit(exitCode); });
}

} // namespace wb::cli
