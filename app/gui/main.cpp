// SPDX-License-Identifier: GPL-3.0-or-later
#include "guiapplication.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    wb::gui::initializeApplication();
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
            "main", "Wirebench: onboard tenants, inspect webhooks, triage deliveries."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption
            workspace(QStringLiteral("workspace"),
                      QApplication::translate("main",
                                              "Workspace to open (default: $WIREBENCH_WORKSPACE, "
                                              "else the Settings' workspace file, else the one "
                                              "in your data folder)."),
                      QStringLiteral("path"));
    parser.addOption(workspace);
    parser.process(app);

    wb::gui::GuiApplication wirebench;
    wirebench.start(parser.value(workspace));
    return QApplication::exec();
}
