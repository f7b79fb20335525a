// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/navigation/navigationpanel.h"

#include "models/navigationfilterproxy.h"
#include "models/tenanttreemodel.h"
#include "storetestutil.h"
#include "support/futures.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace wb;
using Model = models::TenantTreeModel;

namespace {

// The object names of the enabled actions of a menu, in order ("-" for separators, "!" in front
// of disabled ones).
QStringList actionsOf(const QMenu &menu)
{
    QStringList names;
    for (const QAction *action : menu.actions()) {
        if (action->isSeparator())
            names << u"-"_s;
        else
            names << (action->isEnabled() ? QString() : u"!"_s) + action->objectName();
    }
    return names;
}

} // namespace

// The navigation panel over a real TenantTreeModel: context menus per connection status,
// confirmation before removal, keyboard navigation and the attention filter.
class TestNavigationPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void connectionMenu_data();
    void connectionMenu();
    void tenantAndEmptySpaceMenus();
    void removalAsksFirst_data();
    void removalAsksFirst();
    void keyboardNavigation();
    void attentionToggle();

private:
    qint64 addConnection(const QString &provider, core::ConnectionStatus status);
    QModelIndex proxyIndexOfConnection(qint64 connectionId) const;

    std::unique_ptr<test::TempWorkspace> m_workspace;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<ui::NavigationPanel> m_panel;
    qint64 m_tenantId = 0;
};

void TestNavigationPanel::init()
{
    m_workspace = std::make_unique<test::TempWorkspace>();
    QVERIFY(m_workspace->open().has_value());
    core::Tenant acme;
    acme.displayName = u"Acme Corp"_s;
    WB_AWAIT_OK(added, m_workspace->store->addTenant(acme));
    m_tenantId = added->id;
    m_model = std::make_unique<Model>(m_workspace->store.get(), &m_workspace->clock);
    QTRY_VERIFY(m_model->isLoaded());
    m_panel = std::make_unique<ui::NavigationPanel>();
    m_panel->setModel(m_model.get());
    m_panel->resize(320, 400);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestNavigationPanel::cleanup()
{
    m_panel.reset();
    m_model.reset();
    m_workspace.reset();
}

qint64 TestNavigationPanel::addConnection(const QString &provider, core::ConnectionStatus status)
{
    core::Connection c;
    c.tenantId = m_tenantId;
    c.providerId = provider;
    auto added = m_workspace->store->addConnection(c);
    if (!test::waitForFinished(added) || !added.result())
        return 0;
    auto set = m_workspace->store->setConnectionStatus(added.result()->id, status, std::nullopt);
    if (!test::waitForFinished(set) || !set.result())
        return 0;
    const qint64 id = added.result()->id;
    // The change signal reached the model (and so the proxy) once the row shows the status.
    if (!QTest::qWaitFor([&] {
            return proxyIndexOfConnection(id).data(Model::StatusRole).toString()
                   == core::nameOf(status);
        }))
        return 0;
    return id;
}

QModelIndex TestNavigationPanel::proxyIndexOfConnection(qint64 connectionId) const
{
    return m_panel->proxy()->mapFromSource(m_model->connectionIndex(connectionId));
}

void TestNavigationPanel::connectionMenu_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("expected");
    using S = core::ConnectionStatus;
    const QString open = u"actionOpenConnection"_s;
    const QString remove = u"actionRemoveConnection"_s;
    const QString toggle = u"actionToggleDisabled"_s;
    QTest::newRow("unauthorized") << int(S::Unauthorized) << QStringList{open,
                                                                         u"-"_s,
                                                                         u"actionAuthorize"_s,
                                                                         u"!actionRefreshNow"_s,
                                                                         toggle,
                                                                         u"-"_s,
                                                                         remove};
    QTest::newRow("authorized") << int(S::Authorized) << QStringList{open,
                                                                     u"-"_s,
                                                                     u"actionAuthorize"_s,
                                                                     u"actionRefreshNow"_s,
                                                                     toggle,
                                                                     u"-"_s,
                                                                     remove};
    QTest::newRow("needs-reauthorization")
            << int(S::NeedsReauthorization)
            << QStringList{open,   u"-"_s, u"actionAuthorize"_s, u"actionRefreshNow"_s, toggle,
                           u"-"_s, remove};
    QTest::newRow("revoked-cannot-refresh")
            << int(S::Revoked)
            << QStringList{open,   u"-"_s, u"actionAuthorize"_s, u"!actionRefreshNow"_s, toggle,
                           u"-"_s, remove};
    QTest::newRow("disabled-only-enable-or-remove")
            << int(S::Disabled)
            << QStringList{open,   u"-"_s, u"!actionAuthorize"_s, u"!actionRefreshNow"_s, toggle,
                           u"-"_s, remove};
}

void TestNavigationPanel::connectionMenu()
{
    QFETCH(int, status);
    QFETCH(QStringList, expected);
    const auto s = core::ConnectionStatus(status);
    const qint64 id = addConnection(u"github"_s, s);
    QVERIFY(id);
    std::unique_ptr<QMenu> menu(m_panel->createContextMenu(proxyIndexOfConnection(id), nullptr));
    QCOMPARE(actionsOf(*menu), expected);

    auto *authorize = menu->findChild<QAction *>(u"actionAuthorize"_s);
    QCOMPARE(authorize->text(), s == core::ConnectionStatus::Unauthorized
                                        ? u"&Authorize in browser…"_s
                                        : u"Re-&authorize in browser…"_s);
    auto *toggle = menu->findChild<QAction *>(u"actionToggleDisabled"_s);
    QCOMPARE(toggle->text(), s == core::ConnectionStatus::Disabled ? u"&Enable"_s : u"&Disable"_s);

    // Each enabled action emits its request with the connection's id; a disabled one does not.
    QSignalSpy authorizeSpy(m_panel.get(), &ui::NavigationPanel::authorizeRequested);
    QSignalSpy refreshSpy(m_panel.get(), &ui::NavigationPanel::refreshRequested);
    QSignalSpy disableSpy(m_panel.get(), &ui::NavigationPanel::disableRequested);
    QSignalSpy openSpy(m_panel.get(), &ui::NavigationPanel::connectionActivated);
    auto *refresh = menu->findChild<QAction *>(u"actionRefreshNow"_s);
    for (QAction *action : menu->actions())
        action->trigger();
    QCOMPARE(openSpy.count(), 1);
    QCOMPARE(openSpy.at(0).at(0).toLongLong(), id);
    QCOMPARE(authorizeSpy.count(), authorize->isEnabled() ? 1 : 0);
    if (authorize->isEnabled())
        QCOMPARE(authorizeSpy.at(0).at(0).toLongLong(), id);
    QCOMPARE(refreshSpy.count(), refresh->isEnabled() ? 1 : 0);
    QCOMPARE(disableSpy.count(), 1);
    QCOMPARE(disableSpy.at(0).at(0).toLongLong(), id);
    QCOMPARE(disableSpy.at(0).at(1).toBool(), s != core::ConnectionStatus::Disabled);
    // "Remove connection…" asks first (removalAsksFirst); close the question it opened.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>(u"confirmRemoval"_s)));
    box->button(QMessageBox::Cancel)->click();
}

void TestNavigationPanel::tenantAndEmptySpaceMenus()
{
    const QModelIndex tenant = m_panel->proxy()->mapFromSource(m_model->tenantIndex(m_tenantId));
    std::unique_ptr<QMenu> menu(m_panel->createContextMenu(tenant, nullptr));
    QCOMPARE(actionsOf(*menu),
             (QStringList{u"actionAddConnection"_s, u"-"_s, u"actionRemoveTenant"_s}));
    QSignalSpy addConnection(m_panel.get(), &ui::NavigationPanel::addConnectionRequested);
    menu->actions().first()->trigger();
    QCOMPARE(addConnection.count(), 1);
    QCOMPARE(addConnection.at(0).at(0).toLongLong(), m_tenantId);

    std::unique_ptr<QMenu> empty(m_panel->createContextMenu({}, nullptr));
    QCOMPARE(actionsOf(*empty), QStringList{u"actionAddTenant"_s});
    QSignalSpy addTenant(m_panel.get(), &ui::NavigationPanel::addTenantRequested);
    empty->actions().first()->trigger();
    QCOMPARE(addTenant.count(), 1);

    // A right click on the tree pops the menu of the row under the mouse.
    QTreeView *tree = m_panel->treeView();
    const QRect rect = tree->visualRect(tenant);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QMetaObject::invokeMethod(tree, "customContextMenuRequested", Q_ARG(QPoint, rect.center()));
    QMenu *popup = nullptr;
    QTRY_VERIFY((popup = m_panel->findChild<QMenu *>(u"navigationContextMenu"_s))
                && popup->isVisible());
    QCOMPARE(actionsOf(*popup).first(), u"actionAddConnection"_s);
    popup->close();
}

void TestNavigationPanel::removalAsksFirst_data()
{
    QTest::addColumn<bool>("tenant");
    QTest::addColumn<bool>("confirm");
    QTest::newRow("connection-confirmed") << false << true;
    QTest::newRow("connection-cancelled") << false << false;
    QTest::newRow("tenant-confirmed") << true << true;
    QTest::newRow("tenant-cancelled") << true << false;
}

void TestNavigationPanel::removalAsksFirst()
{
    QFETCH(bool, tenant);
    QFETCH(bool, confirm);
    const qint64 connection = addConnection(u"slack"_s, core::ConnectionStatus::Authorized);
    QVERIFY(connection);
    const QModelIndex row = tenant ? m_panel->proxy()->mapFromSource(
                                    m_model->tenantIndex(m_tenantId))
                                   : proxyIndexOfConnection(connection);
    QSignalSpy removeTenant(m_panel.get(), &ui::NavigationPanel::removeTenantRequested);
    QSignalSpy removeConnection(m_panel.get(), &ui::NavigationPanel::removeConnectionRequested);
    std::unique_ptr<QMenu> menu(m_panel->createContextMenu(row, nullptr));
    menu->findChild<QAction *>(tenant ? u"actionRemoveTenant"_s : u"actionRemoveConnection"_s)
            ->trigger();

    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>(u"confirmRemoval"_s)) && box->isVisible());
    QCOMPARE(box->text(),
             tenant ? u"Remove the tenant “Acme Corp”?"_s : u"Remove the connection “slack”?"_s);
    if (tenant)
        QVERIFY2(box->informativeText().startsWith(u"Its 1 connection(s)"_s),
                 qPrintable(box->informativeText()));
    // Nothing is requested before the answer.
    QCOMPARE(removeTenant.count() + removeConnection.count(), 0);
    if (confirm)
        box->findChild<QPushButton *>(u"confirmRemove"_s)->click();
    else
        box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!m_panel->findChild<QMessageBox *>(u"confirmRemoval"_s));
    QCOMPARE(removeTenant.count(), tenant && confirm ? 1 : 0);
    QCOMPARE(removeConnection.count(), !tenant && confirm ? 1 : 0);
    if (confirm) {
        QSignalSpy &spy = tenant ? removeTenant : removeConnection;
        QCOMPARE(spy.at(0).at(0).toLongLong(), tenant ? m_tenantId : connection);
    }
}

void TestNavigationPanel::keyboardNavigation()
{
    const qint64 github = addConnection(u"github"_s, core::ConnectionStatus::Authorized);
    const qint64 slack = addConnection(u"slack"_s, core::ConnectionStatus::Authorized);
    QVERIFY(github && slack);
    QTreeView *tree = m_panel->treeView();
    QLineEdit *filter = m_panel->filterEdit();
    QSignalSpy current(m_panel.get(), &ui::NavigationPanel::currentChanged);
    QSignalSpy activated(m_panel.get(), &ui::NavigationPanel::connectionActivated);

    // Ctrl+F focuses the filter; typing filters; Down moves into the tree at the first row.
    m_panel->activateWindow();
    QApplication::setActiveWindow(m_panel.get());
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    QTest::keySequence(m_panel.get(), QKeySequence::Find);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, u"slack"_s);
    QCOMPARE(m_panel->proxy()->rowCount(m_panel->proxy()->index(0, 0)), 1);
    QTest::keyClick(filter, Qt::Key_Down);
    QTRY_VERIFY(tree->hasFocus());
    QCOMPARE(tree->currentIndex().data().toString(), u"Acme Corp"_s);
    QCOMPARE(current.last().at(0).toLongLong(), m_tenantId);
    QCOMPARE(current.last().at(1).toLongLong(), 0);
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(tree->currentIndex().data(models::IdRole).toLongLong(), slack);
    QCOMPARE(current.last().at(1).toLongLong(), slack);
    // Enter opens the connection.
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), slack);

    // Escape in the filter clears it.
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(m_panel->proxy()->rowCount(m_panel->proxy()->index(0, 0)), 2);

    // Delete on a row asks for confirmation.
    QVERIFY(m_panel->selectConnection(github));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Delete);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>(u"confirmRemoval"_s)) && box->isVisible());
    QCOMPARE(box->text(), u"Remove the connection “github”?"_s);
    box->button(QMessageBox::Cancel)->click();
}

void TestNavigationPanel::attentionToggle()
{
    const qint64 healthy = addConnection(u"github"_s, core::ConnectionStatus::Authorized);
    const qint64 broken = addConnection(u"slack"_s, core::ConnectionStatus::Revoked);
    QVERIFY(healthy && broken);
    QToolButton *toggle = m_panel->attentionToggle();
    QVERIFY(toggle->isEnabled());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(m_panel->proxy()->attentionOnly());
    const QModelIndex tenant = m_panel->proxy()->index(0, 0);
    QCOMPARE(m_panel->proxy()->rowCount(tenant), 1);
    QCOMPARE(m_panel->proxy()->index(0, 0, tenant).data(models::IdRole).toLongLong(), broken);
    // setAttentionOnly() (the status bar badge) checks the toggle too.
    m_panel->setAttentionOnly(false);
    QVERIFY(!toggle->isChecked());
    m_panel->setAttentionOnly(true);
    QVERIFY(toggle->isChecked());
}

QTEST_MAIN(TestNavigationPanel)
#include "tst_navigationpanel.moc"
