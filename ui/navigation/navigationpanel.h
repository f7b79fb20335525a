// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QMenu;
class QModelIndex;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace wb::models {
class NavigationFilterProxy;
}

namespace wb::ui {

class EmptyStateWidget;

// The left-hand navigation: tenants and, under each, their connections (a TenantTreeModel), with a
// filter field and a "needs attention" toggle. Shows an empty state with an "Add tenant" action
// while the model has no rows.
//
// Context menus and keys (the tree has the focus):
//  - tenant: Add connection…, Remove tenant… (Delete);
//  - connection: Open (Enter), Authorize / Re-authorize in browser…, Refresh now, Disable/Enable,
//    Remove connection… (Delete);
//  - empty space: Add tenant…;
//  - Ctrl+F focuses the filter; Down in the filter moves to the tree; Escape clears the filter.
// Removal asks for confirmation (window-modal, asynchronous) before the request signal is emitted.
// The panel only emits requests; the application carries them out.
class NavigationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationPanel)

public:
    explicit NavigationPanel(QWidget *parent = nullptr);

    // The model is not owned: normally a models::TenantTreeModel (whose roles the context menu
    // reads); any tree model shows. The panel filters it through its own proxy.
    void setModel(QAbstractItemModel *model);

    // Selects (and scrolls to) the row whose IdRole is `connectionId` / the tenant `tenantId`.
    bool selectConnection(qint64 connectionId);
    bool selectTenant(qint64 tenantId);
    void setAttentionOnly(bool attentionOnly);

    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    QToolButton *attentionToggle() const { return m_attentionToggle; }
    EmptyStateWidget *emptyState() const { return m_empty; }
    models::NavigationFilterProxy *proxy() const { return m_proxy; }

    // The context menu for a row of the tree (an invalid index: the empty space). Owned by the
    // caller. Public for tests and for the main window's Connection menu.
    QMenu *createContextMenu(const QModelIndex &proxyIndex, QWidget *parent);

Q_SIGNALS:
    void addTenantRequested();
    void addConnectionRequested(qint64 tenantId);
    void authorizeRequested(qint64 connectionId);
    void refreshRequested(qint64 connectionId);
    void disableRequested(qint64 connectionId, bool disable);
    // Emitted only after the user confirmed.
    void removeTenantRequested(qint64 tenantId);
    void removeConnectionRequested(qint64 connectionId);
    // The current row changed: a connection (tenantId is its tenant) or a tenant (connectionId 0),
    // or nothing (both 0).
    void currentChanged(qint64 tenantId, qint64 connectionId);
    // Enter or double-click on a connection.
    void connectionActivated(qint64 connectionId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateEmptyState();
    void showContextMenu(const QPoint &position);
    void confirmRemoval(const QModelIndex &proxyIndex);
    void onCurrentChanged(const QModelIndex &current);
    bool selectRow(int kind, qint64 id);

    QLineEdit *m_filter = nullptr;
    QToolButton *m_attentionToggle = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_tree = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    models::NavigationFilterProxy *m_proxy = nullptr;
    QAbstractItemModel *m_source = nullptr;
};

} // namespace wb::ui
