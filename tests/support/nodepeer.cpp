// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/nodepeer.h"

#include "support/testenv.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace wb::test {

namespace {
QString nodeProgram()
{
    const QString fromEnv = qEnvironmentVariable("WB_NODE");
    return fromEnv.isEmpty() ? u"node"_s : fromEnv;
}
} // namespace

NodePeer::~NodePeer()
{
    stop();
}

bool NodePeer::available()
{
    return QFileInfo(QDir(peersDir()).filePath(u"node_modules"_s)).isDir();
}

QByteArray NodePeer::run(const QString &script, const QStringList &args, const QByteArray &input)
{
    m_process.setWorkingDirectory(peersDir());
    m_process.start(nodeProgram(), QStringList{QDir(peersDir()).filePath(script)} + args);
    if (!m_process.waitForStarted(10000)) {
        m_error = u"cannot start node: %1"_s.arg(m_process.errorString());
        return {};
    }
    m_process.write(input);
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(30000)) {
        m_error = u"%1 did not finish within 30 s"_s.arg(script);
        m_process.kill();
        m_process.waitForFinished();
        return {};
    }
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) {
        m_error = u"%1 failed (exit %2): %3"_s.arg(script)
                          .arg(m_process.exitCode())
                          .arg(QString::fromUtf8(m_process.readAllStandardError()));
        return {};
    }
    return m_process.readAllStandardOutput();
}

bool NodePeer::start(const QString &script, const QStringList &args)
{
    m_process.setWorkingDirectory(peersDir());
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(nodeProgram(), QStringList{QDir(peersDir()).filePath(script)} + args);
    if (!m_process.waitForStarted(10000)) {
        m_error = u"cannot start node: %1"_s.arg(m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(15000);
    while (!m_process.canReadLine()) {
        if (m_process.state() != QProcess::Running || deadline.hasExpired()) {
            m_error = u"%1 did not report ready: %2"_s
                              .arg(script, QString::fromUtf8(m_process.readAllStandardError()));
            return false;
        }
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    const QByteArray line = m_process.readLine();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject()) {
        m_error = u"%1 printed %2 instead of a JSON ready line"_s.arg(script,
                                                                      QString::fromUtf8(line));
        return false;
    }
    m_ready = document.object();
    return true;
}

void NodePeer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

} // namespace wb::test
