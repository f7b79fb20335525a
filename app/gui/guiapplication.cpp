// SPDX-License-Identifier: GPL-3.0-or-later
#include "guiapplication.h"
#include "core/util/futures.h"

#include "core/inbound/receiver.h"
#include "core/store/store.h"
#include "core/util/buildinfo.h"
#include "core/util/clock.h"
#include "models/tenanttreemodel.h"
#include "ui/navigation/navigationpanel.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/statusbarwidgets.h"

#include <QApplication>
#include <QIcon>
#include <QInputDialog>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>
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

void GuiApplication::start(const QString &workspaceLocation)
{
    m_window = std::make_unique<ui::MainWindow>();
    connect(m_window.get(), &ui::MainWindow::addTenantRequested, this, &GuiApplication::addTenant);
    startReceiver();
    m_window->show();
    openWorkspace(workspaceLocation);
}

void GuiApplication::openWorkspace(const QString &location)
{
    const core::Clock *clock = core::SystemClock::instance();
    core::Result<std::unique_ptr<core::Store>> opened
            = core::openDefaultWorkspace(core::StoreServices{clock}, location);
    if (!opened) {
        m_window->statusWidgets()->setWorkspace({}, opened.error().message);
        showProblem(tr("Cannot open the workspace"), opened.error().message);
        return;
    }
    m_store = std::move(*opened);
    m_window->statusWidgets()->setWorkspace(m_store->location());
    m_tenants = std::make_unique<models::TenantTreeModel>(m_store.get(), clock);
    m_window->navigationPanel()->setModel(m_tenants.get());
    connect(m_tenants.get(), &models::TenantTreeModel::attentionCountChanged,
            m_window->statusWidgets(), &ui::StatusBarWidgets::setAttentionCount);
    // First start: a demo tenant, so the window shows what a workspace holds. Never again once
    // the workspace was seeded (or had tenants of its own).
    core::whenFinished(m_store->seedDemoWorkspace(), this, [this](const core::Result<bool> &seeded) {
        if (seeded && *seeded)
            m_window->statusBar()->showMessage(
                    tr("Created the demo tenant “Acme Corp (demo)”: delete it whenever you like."),
                    10000);
    });
}

void GuiApplication::showProblem(const QString &title, const QString &details)
{
    // Window-modal and asynchronous: no nested event loop.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Wirebench"), title, QMessageBox::Close,
                                m_window.get());
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void GuiApplication::addTenant()
{
    if (!m_store)
        return;
    auto *dialog = new QInputDialog(m_window.get());
    dialog->setObjectName(u"addTenantDialog"_s);
    dialog->setWindowTitle(tr("Add tenant"));
    dialog->setLabelText(tr("Name of the tenant (your customer):"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        core::Tenant tenant;
        tenant.displayName = name.trimmed();
        core::whenFinished(m_store->addTenant(tenant), this,
                           [this](const core::Result<core::Tenant> &added) {
                               if (!added)
                                   showProblem(tr("Cannot add the tenant"), added.error().message);
                           });
    });
    dialog->open();
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
