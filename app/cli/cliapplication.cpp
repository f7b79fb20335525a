// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapplication.h"

#include "connectionscommand.h"
#include "delivercommand.h"
#include "deliveriescommand.h"
#include "eventscommand.h"
#include "healthcommand.h"
#include "identitiescommand.h"
#include "oauthcommand.h"
#include "providerscommand.h"
#include "registrationscommand.h"
#include "schedulescommand.h"
#include "secretscommand.h"
#include "servecommand.h"
#include "tenantscommand.h"
#include "triggercommand.h"
#include "verifycommand.h"
#include "workspacecommand.h"

#include "core/settings/qsettingssource.h"
#include "core/util/buildinfo.h"
#include "core/util/workspacelocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

QCommandLineOption workspaceOption()
{
    return QCommandLineOption(u"workspace"_s,
                              u"Workspace to open: a SQLite file (default: $WIREBENCH_WORKSPACE, "
                              u"else the workspace file in the GUI's Settings, else the default "
                              u"file in your data folder)."_s,
                              u"path"_s);
}

} // namespace

CliApplication::CliApplication()
    : m_out(std::make_unique<QTextStream>(stdout))
    , m_err(std::make_unique<QTextStream>(stderr))
{
    m_commands.push_back(std::make_unique<ServeCommand>());
    m_commands.push_back(std::make_unique<TenantsCommand>());
    m_commands.push_back(std::make_unique<ConnectionsCommand>());
    m_commands.push_back(std::make_unique<IdentitiesCommand>());
    m_commands.push_back(std::make_unique<ProvidersCommand>());
    m_commands.push_back(std::make_unique<VerifyCommand>());
    m_commands.push_back(std::make_unique<SecretsCommand>());
    m_commands.push_back(std::make_unique<DeliverCommand>());
    m_commands.push_back(std::make_unique<DeliveriesCommand>());
    m_commands.push_back(std::make_unique<EventsCommand>());
    m_commands.push_back(std::make_unique<TriggerCommand>());
    m_commands.push_back(std::make_unique<SchedulesCommand>());
    m_commands.push_back(std::make_unique<OAuthCommand>());
    m_commands.push_back(std::make_unique<RegistrationsCommand>());
    m_commands.push_back(std::make_unique<HealthCommand>());
    m_commands.push_back(std::make_unique<WorkspaceCommand>());
}

CliApplication::~CliApplication() = default;

Command *CliApplication::findCommand(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

QString CliApplication::commandListHelp() const
{
    QString text = u"\nCommands:\n"_s;
    // One column as wide as the longest name, as QCommandLineParser aligns its options.
    qsizetype width = 0;
    for (const auto &command : m_commands)
        width = std::max(width, command->name().size());
    for (const auto &command : m_commands)
        text += u"  %1  %2\n"_s.arg(command->name(), -int(width)).arg(command->summary());
    text += u"\nRun 'wirebench-cli <command> --help' for a command's options.\n"_s;
    return text;
}

namespace {
// QCommandLineParser::helpText() names the program by QCoreApplication::arguments().first(): the
// path it was started by ("build/release/app/cli/wirebench-cli"). The usage line says
// "wirebench-cli" instead, followed by the command's name for a command's help (parse() was
// given the arguments after the program, so Qt cannot know it).
QString helpTextFor(const QCommandLineParser &parser, const QString &commandName = {})
{
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype lineEnd = text.indexOf(u'\n');
    const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
    if (at >= 0 && (lineEnd < 0 || at < lineEnd)) {
        const QString named = commandName.isEmpty() ? u"wirebench-cli"_s
                                                    : u"wirebench-cli "_s + commandName;
        text.replace(at, program.size(), named);
    }
    return text;
}
} // namespace

std::optional<int> CliApplication::start(const QStringList &arguments)
{
    QCommandLineParser global;
    global.setApplicationDescription(
            u"Wirebench headless: the dispatch core for local runs, scripts and servers."_s);
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help = global.addHelpOption();
    const QCommandLineOption version = global.addVersionOption();
    global.addOption(workspaceOption());
    global.addPositionalArgument(u"command"_s, u"The command to run (see below)."_s,
                                 u"<command> [options]"_s);

    if (!global.parse(arguments)) {
        *m_err << "wirebench-cli: " << global.errorText() << "\n";
        m_err->flush();
        return ExitUsage;
    }
    if (global.isSet(version)) {
        *m_out << "wirebench-cli " << core::buildinfo::version() << " (Qt "
               << core::buildinfo::qtVersion() << ", QtKeychain "
               << core::buildinfo::keychainVersion() << ", " << core::buildinfo::opensslVersion()
               << ", libsodium " << core::buildinfo::sodiumVersion() << ")\n";
        m_out->flush();
        return ExitOk;
    }
    const QStringList positional = global.positionalArguments();
    if (global.isSet(help)) {
        *m_out << helpTextFor(global) << commandListHelp();
        m_out->flush();
        return ExitOk;
    }
    if (positional.isEmpty()) {
        // A usage error: said first, then the usage on stderr (stdout stays clean for scripts).
        *m_err << "wirebench-cli: no command given; run one of the commands below, such as "
                  "'wirebench-cli serve'.\n\n"
               << helpTextFor(global) << commandListHelp();
        m_err->flush();
        return ExitUsage;
    }

    Command *command = findCommand(positional.first());
    if (!command) {
        *m_err << "wirebench-cli: unknown command '" << positional.first()
               << "'. Run 'wirebench-cli --help' for the list.\n";
        m_err->flush();
        return ExitUsage;
    }

    if (!command->logsProgress())
        QLoggingCategory::setFilterRules(u"wb.*.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary());
    const QCommandLineOption commandHelp = parser.addHelpOption();
    command->addOptions(parser);
    // parse() skips the first argument, here the command's name.
    if (!parser.parse(positional)) {
        *m_err << "wirebench-cli " << command->name() << ": " << parser.errorText();
        // Global options only work before the command (setOptionsAfterPositionalArgumentsMode).
        for (const QString &unknown : parser.unknownOptionNames()) {
            if (unknown == u"workspace"_s || unknown == u"version"_s) {
                *m_err << " --" << unknown
                       << " is a global option: give it before the command, as in "
                          "'wirebench-cli --"
                       << unknown << (unknown == u"workspace"_s ? " PATH " : " ") << command->name()
                       << " ...'.";
                break;
            }
        }
        *m_err << "\n";
        m_err->flush();
        return ExitUsage;
    }
    if (parser.isSet(commandHelp)) {
        *m_out << helpTextFor(parser, command->name());
        m_out->flush();
        return ExitOk;
    }

    // The GUI's precedence (resolveWorkspacePath): --workspace, $WIREBENCH_WORKSPACE, the
    // Settings' workspace file (the GUI's settings, read only), the default file.
    const QString workspacePath
            = core::resolveWorkspacePath(global.value(workspaceOption()),
                                         core::QSettingsSource().load().settings.workspaceLocation);
    m_context = std::make_unique<CommandContext>(CommandContext{workspacePath, *m_out, *m_err});
    return command->run(parser, *m_context);
}

} // namespace wb::cli
