// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace wb::ui {

class EmptyStateWidget;

// The left-hand navigation: tenants and, under each, its connections, with a filter field. Shows
// an empty state with an "Add tenant" action while the model has no rows.
class NavigationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationPanel)

public:
    explicit NavigationPanel(QWidget *parent = nullptr);

    // The model is not owned. The panel filters it through its own proxy (recursively, so a
    // matching connection keeps its tenant visible).
    void setModel(QAbstractItemModel *model);

    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    EmptyStateWidget *emptyState() const { return m_empty; }

Q_SIGNALS:
    void addTenantRequested();

private:
    void updateEmptyState();

    QLineEdit *m_filter = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_tree = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QAbstractItemModel *m_source = nullptr;
};

} // namespace wb::ui
