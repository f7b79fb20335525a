// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include "core/store/secretreference.h"
#include "core/util/futures.h"
#include "core/util/result.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace wb::core {
class SecretStore;
class Store;
} // namespace wb::core

namespace wb::cli {

// The open workspace of one short wirebench-cli command (`tenants list`, `connections add`, …):
// opens the Store of CommandContext::workspacePath, runs the command's store operations on the
// event loop, and ends the application with the command's exit code.
//
// Thread: the main thread; the Store it owns lives there. Every continuation registered with
// whenDone() runs there too, and none runs after finish().
class WorkspaceSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceSession)

public:
    ~WorkspaceSession() override;

    // Whether a command may create the workspace when its file does not exist. Only the commands
    // that start a workspace do (`serve`, `deliver`, `tenants add`, `schedules add`: the GUI's
    // first start and what a new workspace can begin with); every other one refuses, so a
    // mistyped --workspace never leaves an empty workspace behind.
    enum class Creation { MustExist, MayCreate };

    // Opens the workspace. Errors:
    // `cli.no_workspace` (noWorkspaceError) for a file that does not exist under
    // Creation::MustExist; the Store's (`store.open_failed`, `store.not_a_workspace`,
    // `store.newer_schema`, …; see core/store/store.h); nothing on disk is changed by a refused
    // open.
    static core::Result<std::unique_ptr<WorkspaceSession>> open(
            const CommandContext &context, Creation creation = Creation::MustExist);
    // True unless `location` is a workspace file that does not exist (a postgresql:// URL counts
    // as existing: the server says).
    static bool workspaceExists(const QString &location);
    // `cli.no_workspace`, naming the path and how a workspace is chosen and created.
    static core::Error noWorkspaceError(const QString &location);

    core::Store &store() { return *m_store; }

    // Runs `handler(result)` on the main thread when `future` finishes, unless finish() ran first.
    template<typename T, typename Handler>
    void whenDone(const QFuture<T> &future, Handler &&handler)
    {
        core::whenFinished(future, this,
                           [this,
                            handler = std::forward<Handler>(handler)](const T &result) mutable {
                               if (!m_finished)
                                   handler(result);
                           });
    }

    // Ends the command: QCoreApplication::exit(exitCode) once the event loop runs (so it also works
    // before QCoreApplication::exec() started). Later calls are ignored.
    void finish(int exitCode);

private:
    explicit WorkspaceSession(std::unique_ptr<core::Store> store);

    std::unique_ptr<core::Store> m_store;
    bool m_finished = false;
};

} // namespace wb::cli
