// SPDX-License-Identifier: GPL-3.0-or-later
#include "guiapplication.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    wb::gui::initializeApplication();
    wb::gui::GuiApplication wirebench;
    wirebench.start();
    return QApplication::exec();
}
