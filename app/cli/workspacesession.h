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

    // Opens the workspace (creating it when the file does not exist, like the GUI). Errors are the
    // Store's (`store.open_failed`, `store.not_a_workspace`, `store.newer_schema`, …; see
    // core/store/store.h); nothing on disk is changed by a refused open.
    static core::Result<std::unique_ptr<WorkspaceSession>> open(const CommandContext &context);

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

    // The secret references of one connection, or of every connection of one tenant (one read
    // snapshot). Errors: the Store's (`store.unknown_connection`, …).
    QFuture<core::Result<QList<core::SecretReference>>> secretReferences(
            std::optional<qint64> tenantId, std::optional<qint64> connectionId);

    // Deletes the values behind `references` from the workspace's secret backend, then calls
    // `done` with one warning per value that could not be deleted. For `remove` commands: the Store
    // drops the references with the connection, but a short-lived process must wait for the
    // keychain before it exits, or the values would stay behind in the user's keychain.
    void deleteSecretValues(const QList<core::SecretReference> &references,
                            std::function<void(const QStringList &warnings)> done);

    // Ends the command: QCoreApplication::exit(exitCode) once the event loop runs (so it also works
    // before QCoreApplication::exec() started). Later calls are ignored.
    void finish(int exitCode);

private:
    explicit WorkspaceSession(std::unique_ptr<core::Store> store);

    std::unique_ptr<core::Store> m_store;
    std::shared_ptr<core::SecretStore> m_secrets;
    bool m_finished = false;
};

} // namespace wb::cli
