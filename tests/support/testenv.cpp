// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testenv.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace wb::test {

namespace {
QString requiredEnv(const char *name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        qFatal("%s is not set: run the tests through ctest (wb_add_test sets it)", name);
    return value;
}
} // namespace

QString sourceDir()
{
    return requiredEnv("WB_SOURCE_DIR");
}

QString binaryDir()
{
    return requiredEnv("WB_BINARY_DIR");
}

QString fixturePath(const QString &relativePath)
{
    return QDir(sourceDir()).filePath(u"tests/fixtures/"_s + relativePath);
}

QByteArray readFixture(const QString &relativePath)
{
    QFile file(fixturePath(relativePath));
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(u"cannot read fixture %1"_s.arg(file.fileName())), __FILE__,
                     __LINE__);
        return {};
    }
    return file.readAll();
}

QString peersDir()
{
    return requiredEnv("WB_PEERS_DIR");
}

QString cliPath()
{
    return requiredEnv("WB_CLI");
}

} // namespace wb::test
