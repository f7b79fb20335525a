// SPDX-License-Identifier: GPL-3.0-or-later
#include "guiapplication.h"

#include "core/inbound/receiver.h"
#include "core/util/buildinfo.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/statusbarwidgets.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace wb::gui {

void initializeApplication()
{
    namespace bi = core::buildinfo;
    QApplication::setOrganizationName(QString::fromLatin1(bi::organizationName));
    QApplication::setOrganizationDomain(QString::fromLatin1(bi::organizationDomain));
    QApplication::setApplicationName(QString::fromLatin1(bi::applicationName));
    QApplication::setApplicationDisplayName(QString::fromLatin1(bi::applicationDisplayName));
    QApplication::setApplicationVersion(bi::version());
    QApplication::setDesktopFileName(u"wirebench"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/wirebench.svg"_s));

    const QString override = qEnvironmentVariable("WIREBENCH_LANG");
    const QLocale locale = override.isEmpty() ? QLocale() : QLocale(override);
    auto *qtTranslator = new QTranslator(qApp);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(qApp);
    if (translator->load(locale, u"wirebench"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(translator);
}

GuiApplication::GuiApplication()
    : m_receiver(std::make_unique<core::Receiver>())
{}

GuiApplication::~GuiApplication() = default;

void GuiApplication::start()
{
    m_window = std::make_unique<ui::MainWindow>();
    startReceiver();
    m_window->show();
}

void GuiApplication::startReceiver()
{
    const QHostAddress loopback(QHostAddress::LocalHost);
    core::Result<void> listening = m_receiver->listen(loopback, core::Receiver::defaultPort);
    if (!listening) {
        // Another Wirebench (or wirebench-cli serve) holds the default port: take a free one so
        // the GUI still receives, and say which.
        listening = m_receiver->listen(loopback, 0);
    }
    if (listening)
        m_window->statusWidgets()->setReceiverUrl(m_receiver->baseUrl());
    else
        m_window->statusWidgets()->setReceiverUrl({}, listening.error().message);
}

} // namespace wb::gui
