// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"
#include "workspacesession.h"

#include "core/util/result.h"

#include <QCommandLineOption>
#include <QStringList>

#include <functional>
#include <memory>

namespace wb::cli {

// The common part of the commands that list and edit the workspace's records (`tenants`,
// `connections`, `identities`): an action word followed by its arguments, `--json`, the open
// workspace, and error reporting with exit codes from exitCodeFor() (output.h).
//
// Thread: the main thread. run() opens the workspace and calls runAction(); the action answers
// later with finish() or fail(), which end the application.
class RecordCommand : public Command
{
public:
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) final;

    // A record id: a whole number of 1 or more. Error `cli.invalid_id` naming `what`.
    static core::Result<qint64> parseId(const QString &text, const QString &what);

protected:
    // The action words this command accepts, for messages ("list", "add", …).
    virtual QStringList actions() const = 0;
    // How many positional arguments (after the action word) `action` takes.
    virtual int argumentCount(const QString &action) const = 0;
    // Checks the arguments and options of `action` before the workspace is opened (cli.* errors,
    // exit 2), so a mistyped command never creates or touches a workspace.
    virtual core::Result<void> checkArguments(const QString &action, const QStringList &arguments,
                                              const QCommandLineParser &parser) const;
    // Starts `action` on the open workspace; it ends with finish() or fail().
    virtual void runAction(const QString &action, const QStringList &arguments,
                           const QCommandLineParser &parser)
            = 0;

    static const QCommandLineOption &jsonOption();
    // Whether `action` may create the workspace when it does not exist (WorkspaceSession::
    // Creation): false unless a command says so (`tenants add`).
    virtual bool createsWorkspace(const QString &action) const;

    core::Store &store() { return m_session->store(); }
    WorkspaceSession &session() { return *m_session; }
    QTextStream &out() { return m_context->out; }
    QTextStream &err() { return m_context->err; }
    bool json() const { return m_json; }
    QString commandName() const;

    void finish(int exitCode = ExitOk);
    void fail(const core::Error &error);
    void fail(const core::Error &error, int exitCode);

private:
    std::unique_ptr<WorkspaceSession> m_session;
    CommandContext *m_context = nullptr;
    QString m_action;
    bool m_json = false;
};

} // namespace wb::cli
