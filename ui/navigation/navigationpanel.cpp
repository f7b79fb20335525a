// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/navigation/navigationpanel.h"

#include "ui/widgets/emptystatewidget.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

NavigationPanel::NavigationPanel(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeView(this))
    , m_empty(new EmptyStateWidget(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_filter->setObjectName(u"navigationFilter"_s);
    m_filter->setPlaceholderText(tr("Filter tenants and connections"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setObjectName(u"navigationTree"_s);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_tree->setModel(m_proxy);

    m_empty->setObjectName(u"navigationEmptyState"_s);
    m_empty->setIcon(QIcon(u":/icons/empty-tenants.svg"_s));
    m_empty->setTitle(tr("No tenants"));
    m_empty->setDescription(tr("A tenant is one of your customers. Add one, then connect it to "
                               "its Slack, GitHub, Stripe or other external systems."));
    m_empty->setActionText(tr("Add tenant…"));

    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_stack);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    // Tenants arrive asynchronously: show their connections as they come.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_tree,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid()) {
                    m_tree->expand(parent);
                    return;
                }
                for (int row = first; row <= last; ++row)
                    m_tree->expand(m_proxy->index(row, 0));
            });
    connect(m_empty, &EmptyStateWidget::actionTriggered, this, &NavigationPanel::addTenantRequested);
    updateEmptyState();
}

void NavigationPanel::setModel(QAbstractItemModel *model)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = model;
    m_proxy->setSourceModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &NavigationPanel::updateEmptyState);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &NavigationPanel::updateEmptyState);
        connect(model, &QAbstractItemModel::modelReset, this, &NavigationPanel::updateEmptyState);
        m_tree->expandAll();
    }
    updateEmptyState();
}

void NavigationPanel::updateEmptyState()
{
    const bool empty = !m_source || m_source->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_tree);
    m_filter->setEnabled(!empty);
}

} // namespace wb::ui
