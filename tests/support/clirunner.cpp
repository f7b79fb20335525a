// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/clirunner.h"

#include "support/testenv.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

namespace wb::test {

QProcessEnvironment cliEnvironment(const QString &dataHome)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, dataHome);
    environment.remove(u"WIREBENCH_MASTER_KEY_FILE"_s);
    return environment;
}

CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment,
              const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(cliPath(), arguments);
    if (!process.waitForStarted())
        return {-1, {}, u"wirebench-cli did not start: "_s + process.errorString()};
    process.write(input);
    process.closeWriteChannel();
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; },
                         timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, process.readAllStandardOutput(),
                u"wirebench-cli did not finish within %1 ms: "_s.arg(timeoutMs)
                        + QString::fromUtf8(process.readAllStandardError())};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace wb::test
