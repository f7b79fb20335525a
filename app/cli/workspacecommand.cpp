// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacecommand.h"

#include "inputfile.h"
#include "output.h"

#include "core/store/postgres/workspacepassword.h"
#include "core/util/workspacelocation.h"

#include <QCommandLineParser>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

constexpr qint64 kMaxPasswordBytes = 4096;

// Turns the terminal's echo off for as long as it lives (POSIX termios), when stdin is one.
class EchoOff
{
public:
    EchoOff()
    {
        if (::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    Q_DISABLE_COPY_MOVE(EchoOff)

private:
    termios m_saved{};
    bool m_active = false;
};

// The first line of standard input, without its line break.
core::Result<QString> readPassword(CommandContext &context, const QString &shown)
{
    const bool terminal = ::isatty(STDIN_FILENO);
    if (terminal) {
        context.err << "Password for " << shown << ": ";
        context.err.flush();
    }
    core::Result<QByteArray> input = [] {
        EchoOff quiet;
        return readInputFile(u"-"_s, u"the password"_s, kMaxPasswordBytes);
    }();
    if (terminal) {
        context.err << "\n";
        context.err.flush();
    }
    if (!input)
        return core::fail(input.error());
    if (input->size() > kMaxPasswordBytes) {
        return core::fail(u"cli.invalid_password"_s,
                          u"the password is longer than %1 bytes; nothing was stored"_s.arg(
                                  kMaxPasswordBytes));
    }
    QByteArray line = input->left(input->indexOf('\n') < 0 ? input->size() : input->indexOf('\n'));
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        return core::fail(u"cli.invalid_password"_s,
                          u"the password read from standard input is empty; nothing was stored"_s);
    }
    return QString::fromUtf8(line);
}

} // namespace

QString WorkspaceCommand::name() const
{
    return u"workspace"_s;
}

QString WorkspaceCommand::summary() const
{
    return u"Keep a PostgreSQL workspace's password in the OS keychain (password set|remove)"_s;
}

void WorkspaceCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"password"_s, u"password: the database password"_s);
    parser.addPositionalArgument(u"action"_s, u"set (reads it from standard input) or remove"_s);
    parser.addPositionalArgument(u"url"_s,
                                 u"postgresql://user@host:port/database (default: --workspace)"_s,
                                 u"[url]"_s);
    parser.addOption(jsonOption());
}

std::optional<int> WorkspaceCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const bool json = parser.isSet(jsonOption());
    QTextStream *jsonOut = json ? &context.out : nullptr;
    const auto failed = [&](const core::Error &error, int code) {
        return reportError(context.err, jsonOut, name(), error, code);
    };
    const QStringList arguments = parser.positionalArguments();
    const QString action = arguments.value(1);
    if (arguments.value(0) != u"password" || (action != u"set" && action != u"remove")
        || arguments.size() > 3) {
        return failed(core::Error{u"cli.unknown_action"_s,
                                  u"use: workspace password set|remove [postgresql://…]"_s},
                      ExitUsage);
    }
    const QString url = arguments.size() == 3 ? arguments.at(2) : context.workspacePath;
    if (!core::isPostgresLocation(url)) {
        return failed(core::Error{u"cli.invalid_location"_s,
                                  u"'%1' is not a postgresql:// URL; only PostgreSQL workspaces "
                                  u"have a password"_s.arg(url)},
                      ExitUsage);
    }
    core::Result<core::PostgresLocation> location = core::PostgresLocation::parse(url);
    if (!location)
        return failed(location.error(), ExitUsage);
    if (!location->password.isEmpty()) {
        return failed(core::Error{u"cli.invalid_location"_s,
                                  u"give the URL without its password (%1); the password is read "
                                  u"from standard input"_s.arg(location->display())},
                      ExitUsage);
    }
    const QString entry = core::WorkspacePassword::entryName(*location);

    if (action == u"set") {
        core::Result<QString> password = readPassword(context, location->display());
        if (!password)
            return failed(password.error(), ExitUsage);
        if (core::Result<void> stored = core::WorkspacePassword::write(*location, *password);
            !stored)
            return failed(stored.error(), exitCodeFor(stored.error()));
        if (json)
            writeJson(context.out, QJsonObject{{u"stored"_s, true}, {u"entry"_s, entry}});
        else
            context.out << "Stored the password of " << location->display()
                        << " in the OS keychain (" << entry << ").\n";
        context.out.flush();
        return ExitOk;
    }
    core::Result<bool> removed = core::WorkspacePassword::remove(*location);
    if (!removed)
        return failed(removed.error(), exitCodeFor(removed.error()));
    if (json)
        writeJson(context.out, QJsonObject{{u"removed"_s, *removed}, {u"entry"_s, entry}});
    else if (*removed)
        context.out << "Removed the password of " << location->display()
                    << " from the OS keychain.\n";
    else
        context.out << "The OS keychain had no password for " << location->display() << ".\n";
    context.out.flush();
    return ExitOk;
}

} // namespace wb::cli
