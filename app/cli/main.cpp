// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapplication.h"

#include "core/util/buildinfo.h"

#include <QCoreApplication>

using namespace wb;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QString::fromLatin1(core::buildinfo::organizationName));
    QCoreApplication::setOrganizationDomain(
            QString::fromLatin1(core::buildinfo::organizationDomain));
    QCoreApplication::setApplicationName(QString::fromLatin1(core::buildinfo::applicationName));
    QCoreApplication::setApplicationVersion(core::buildinfo::version());

    cli::CliApplication cli;
    const std::optional<int> finished = cli.start(QCoreApplication::arguments());
    if (finished)
        return *finished;
    return QCoreApplication::exec();
}
