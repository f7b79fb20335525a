// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordcommand.h"

#include "output.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace wb::cli {

const QCommandLineOption &RecordCommand::jsonOption()
{
    return cli::jsonOption();
}

core::Result<qint64> RecordCommand::parseId(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id < 1) {
        return core::fail(u"cli.invalid_id"_s,
                          u"%1 must be a whole number of 1 or more, got '%2'"_s.arg(what, text));
    }
    return id;
}

core::Result<void> RecordCommand::checkArguments(const QString &, const QStringList &,
                                                 const QCommandLineParser &) const
{
    return {};
}

QString RecordCommand::commandName() const
{
    return m_action.isEmpty() ? name() : name() + u' ' + m_action;
}

std::optional<int> RecordCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    m_context = &context;
    m_json = parser.isSet(jsonOption());
    QTextStream *jsonOut = m_json ? &context.out : nullptr;
    QStringList arguments = parser.positionalArguments();
    const QString available = actions().join(u", "_s);
    if (arguments.isEmpty()) {
        return reportError(context.err, jsonOut, name(),
                           {u"cli.missing_action"_s,
                            u"give an action (available: %1)"_s.arg(available)},
                           ExitUsage);
    }
    m_action = arguments.takeFirst();
    if (!actions().contains(m_action)) {
        const QString action = m_action;
        m_action.clear();
        return reportError(context.err, jsonOut, name(),
                           {u"cli.unknown_action"_s,
                            u"unknown action '%1' (available: %2)"_s.arg(action, available)},
                           ExitUsage);
    }
    const int expected = argumentCount(m_action);
    if (arguments.size() != expected) {
        return reportError(context.err, jsonOut, commandName(),
                           {u"cli.wrong_arguments"_s,
                            u"expects %1 argument(s) after '%2', got %3 (see --help)"_s
                                    .arg(expected)
                                    .arg(m_action)
                                    .arg(arguments.size())},
                           ExitUsage);
    }
    if (const auto checked = checkArguments(m_action, arguments, parser); !checked)
        return reportError(context.err, jsonOut, commandName(), checked.error(), ExitUsage);

    auto session = WorkspaceSession::open(context, createsWorkspace(m_action)
                                                           ? WorkspaceSession::Creation::MayCreate
                                                           : WorkspaceSession::Creation::MustExist);
    if (!session)
        return reportError(context.err, jsonOut, commandName(), session.error(), ExitRuntime);
    m_session = std::move(*session);
    runAction(m_action, arguments, parser);
    return std::nullopt;
}

bool RecordCommand::createsWorkspace(const QString &action) const
{
    Q_UNUSED(action)
    return false;
}

void RecordCommand::finish(int exitCode)
{
    m_context->out.flush();
    m_session->finish(exitCode);
}

void RecordCommand::fail(const core::Error &error)
{
    fail(error, exitCodeFor(error));
}

void RecordCommand::fail(const core::Error &error, int exitCode)
{
    reportError(m_context->err, m_json ? &m_context->out : nullptr, commandName(), error, exitCode);
    m_session->finish(exitCode);
}

} // namespace wb::cli
