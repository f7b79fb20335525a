// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/browserlauncher.h"

#include <QProcess>

using namespace Qt::StringLiterals;

namespace wb::core {

BrowserLauncher::BrowserLauncher(QString configuredCommand, QProcessEnvironment environment,
                                 QObject *parent)
    : QObject(parent)
    , m_configuredCommand(std::move(configuredCommand))
    , m_environment(std::move(environment))
{}

BrowserLauncher::~BrowserLauncher()
{
    for (QProcess *process : findChildren<QProcess *>(Qt::FindDirectChildrenOnly)) {
        process->disconnect(this);
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(1000);
        }
    }
}

QString BrowserLauncher::command() const
{
    if (!m_configuredCommand.trimmed().isEmpty())
        return m_configuredCommand;
    const QString fromEnvironment = m_environment.value(QLatin1StringView(environmentVariable));
    if (!fromEnvironment.trimmed().isEmpty())
        return fromEnvironment;
    return QString::fromLatin1(fallbackCommand);
}

QString BrowserLauncher::commandSource() const
{
    if (!m_configuredCommand.trimmed().isEmpty())
        return u"setting"_s;
    if (!m_environment.value(QLatin1StringView(environmentVariable)).trimmed().isEmpty())
        return QString::fromLatin1(environmentVariable);
    return QString::fromLatin1(fallbackCommand);
}

bool BrowserLauncher::hasCommand() const
{
    return commandSource() != QLatin1StringView(fallbackCommand);
}

Result<QStringList> BrowserLauncher::commandFor(const QUrl &url) const
{
    const QString line = command();
    QStringList arguments = QProcess::splitCommand(line);
    // splitCommand() drops an unterminated quote silently: count the quotes to notice it.
    const bool unbalanced = line.count(u'"') % 2 != 0;
    if (arguments.isEmpty() || unbalanced) {
        return fail(u"browser.command_invalid"_s,
                    tr("The browser command '%1' (from %2) is not a command line.")
                            .arg(line, commandSource()));
    }
    arguments.append(url.toString(QUrl::FullyEncoded));
    return arguments;
}

Result<void> BrowserLauncher::launch(const QUrl &url)
{
    if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s)) {
        return fail(u"browser.bad_url"_s,
                    tr("Refusing to open '%1' in a browser: only http and https URLs are opened.")
                            .arg(url.toDisplayString()));
    }
    Result<QStringList> arguments = commandFor(url);
    if (!arguments)
        return fail(arguments.error());
    const QString program = arguments->takeFirst();

    auto *process = new QProcess(this);
    process->setProcessEnvironment(m_environment);
    connect(process, &QProcess::errorOccurred, this,
            [this, process, program](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return;
                Q_EMIT failedToStart(
                        Error{u"browser.start_failed"_s,
                              tr("Cannot start the browser command '%1' (from %2): %3.")
                                      .arg(program, commandSource(), process->errorString())});
                process->deleteLater();
            });
    connect(process, &QProcess::finished, this,
            [this, process](int exitCode, QProcess::ExitStatus status) {
                BrowserExit exit;
                exit.exitCode = exitCode;
                exit.crashed = status == QProcess::CrashExit;
                exit.output = process->readAllStandardOutput();
                exit.errorOutput = process->readAllStandardError();
                process->deleteLater();
                Q_EMIT exited(exit);
            });
    process->start(program, *arguments);
    return {};
}

} // namespace wb::core
