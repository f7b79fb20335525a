// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/navigation/navigationpanel.h"

#include "core/store/connection.h"
#include "models/navigationfilterproxy.h"
#include "models/tenanttreemodel.h"
#include "ui/widgets/emptystatewidget.h"

#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {

using Model = models::TenantTreeModel;

Model::ItemKind kindOf(const QModelIndex &index)
{
    return index.data(Model::KindRole).value<Model::ItemKind>();
}

qint64 idOf(const QModelIndex &index)
{
    return index.data(models::IdRole).toLongLong();
}

} // namespace

NavigationPanel::NavigationPanel(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_attentionToggle(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeView(this))
    , m_empty(new EmptyStateWidget(this))
    , m_proxy(new models::NavigationFilterProxy(this))
{
    m_filter->setObjectName(u"navigationFilter"_s);
    m_filter->setPlaceholderText(tr("Filter tenants and connections"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_attentionToggle->setObjectName(u"attentionFilter"_s);
    m_attentionToggle->setCheckable(true);
    // A filter, not an alert: words, and pressed while it filters (the status bar's red badge
    // counts what needs attention).
    m_attentionToggle->setText(tr("Needs attention"));
    m_attentionToggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_attentionToggle->setToolTip(tr("Show only connections that need attention"));
    m_tree->setObjectName(u"navigationTree"_s);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->installEventFilter(this);
    m_tree->setModel(m_proxy);

    m_empty->setObjectName(u"navigationEmptyState"_s);
    m_empty->setIcon(QIcon(u":/icons/empty-tenants.svg"_s));
    m_empty->setTitle(tr("No tenants"));
    m_empty->setDescription(tr("A tenant is one of your customers. Add one, then connect it to "
                               "its Slack, GitHub, Stripe or other external systems."));
    m_empty->setActionText(tr("Add tenant…"));

    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_empty);

    auto *filterRow = new QHBoxLayout;
    filterRow->setSpacing(2);
    filterRow->addWidget(m_filter);
    filterRow->addWidget(m_attentionToggle);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_stack);

    auto *focusFilter = new QShortcut(QKeySequence::Find, this);
    focusFilter->setContext(Qt::WindowShortcut);
    connect(focusFilter, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &models::NavigationFilterProxy::setFilterText);
    connect(m_attentionToggle, &QToolButton::toggled, m_proxy,
            &models::NavigationFilterProxy::setAttentionOnly);
    connect(m_proxy, &models::NavigationFilterProxy::attentionOnlyChanged, m_attentionToggle,
            &QToolButton::setChecked);
    // Filtering re-inserts rows: keep every tenant expanded.
    connect(m_proxy, &QAbstractItemModel::layoutChanged, m_tree, &QTreeView::expandAll);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_tree,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid()) {
                    m_tree->expand(parent);
                    return;
                }
                for (int row = first; row <= last; ++row)
                    m_tree->expand(m_proxy->index(row, 0));
            });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &NavigationPanel::showContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_tree, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (kindOf(index) == Model::ItemKind::Connection)
            Q_EMIT connectionActivated(idOf(index));
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

void NavigationPanel::setAttentionOnly(bool attentionOnly)
{
    m_proxy->setAttentionOnly(attentionOnly);
    if (attentionOnly)
        m_tree->setFocus(Qt::OtherFocusReason);
}

bool NavigationPanel::selectConnection(qint64 connectionId)
{
    return selectRow(int(Model::ItemKind::Connection), connectionId);
}

bool NavigationPanel::selectTenant(qint64 tenantId)
{
    return selectRow(int(Model::ItemKind::Tenant), tenantId);
}

bool NavigationPanel::selectRow(int kind, qint64 id)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex tenant = m_proxy->index(row, 0);
        QModelIndex found;
        if (kind == int(Model::ItemKind::Tenant) && idOf(tenant) == id)
            found = tenant;
        for (int child = 0; !found.isValid() && child < m_proxy->rowCount(tenant); ++child) {
            const QModelIndex connection = m_proxy->index(child, 0, tenant);
            if (kind == int(Model::ItemKind::Connection) && idOf(connection) == id)
                found = connection;
        }
        if (found.isValid()) {
            m_tree->setCurrentIndex(found);
            m_tree->scrollTo(found);
            return true;
        }
    }
    return false;
}

void NavigationPanel::onCurrentChanged(const QModelIndex &current)
{
    if (!current.isValid()) {
        Q_EMIT currentChanged(0, 0);
        return;
    }
    if (kindOf(current) == Model::ItemKind::Connection)
        Q_EMIT currentChanged(current.data(Model::TenantIdRole).toLongLong(), idOf(current));
    else
        Q_EMIT currentChanged(idOf(current), 0);
}

void NavigationPanel::updateEmptyState()
{
    const bool empty = !m_source || m_source->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_tree);
    m_filter->setEnabled(!empty);
    m_attentionToggle->setEnabled(!empty);
}

QMenu *NavigationPanel::createContextMenu(const QModelIndex &index, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(u"navigationContextMenu"_s);
    const auto add = [menu](const QString &text, const QString &name, auto slot) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        QObject::connect(action, &QAction::triggered, menu, slot);
        return action;
    };
    if (!index.isValid()) {
        add(tr("Add &tenant…"), u"actionAddTenant"_s, [this] { Q_EMIT addTenantRequested(); });
        return menu;
    }
    const qint64 id = idOf(index);
    const QPersistentModelIndex persistent(index);
    if (kindOf(index) == Model::ItemKind::Tenant) {
        add(tr("Add &connection…"), u"actionAddConnection"_s,
            [this, id] { Q_EMIT addConnectionRequested(id); });
        menu->addSeparator();
        add(tr("&Remove tenant…"), u"actionRemoveTenant"_s,
            [this, persistent] { confirmRemoval(persistent); });
        return menu;
    }

    using S = core::ConnectionStatus;
    const S status = core::connectionStatusFromName(index.data(Model::StatusRole).toString())
                             .value_or(S::Unauthorized);
    const bool disabled = status == S::Disabled;
    QAction *open = add(tr("&Open"), u"actionOpenConnection"_s,
                        [this, id] { Q_EMIT connectionActivated(id); });
    menu->setDefaultAction(open);
    menu->addSeparator();
    QAction *authorize = add(status == S::Unauthorized ? tr("&Authorize in browser…")
                                                       : tr("Re-&authorize in browser…"),
                             u"actionAuthorize"_s, [this, id] { Q_EMIT authorizeRequested(id); });
    authorize->setEnabled(!disabled);
    QAction *refresh = add(tr("Refresh &now"), u"actionRefreshNow"_s,
                           [this, id] { Q_EMIT refreshRequested(id); });
    // Refreshing needs a grant: never authorized, revoked or switched off cannot refresh.
    refresh->setEnabled(status == S::Authorized || status == S::Expiring
                        || status == S::NeedsReauthorization);
    add(disabled ? tr("&Enable") : tr("&Disable"), u"actionToggleDisabled"_s,
        [this, id, disabled] { Q_EMIT disableRequested(id, !disabled); });
    menu->addSeparator();
    add(tr("&Remove connection…"), u"actionRemoveConnection"_s,
        [this, persistent] { confirmRemoval(persistent); });
    return menu;
}

void NavigationPanel::showContextMenu(const QPoint &position)
{
    QModelIndex index = m_tree->indexAt(position);
    QPoint global = m_tree->viewport()->mapToGlobal(position);
    if (!index.isValid() && m_tree->currentIndex().isValid() && !m_tree->underMouse()) {
        // The menu key: the current row.
        index = m_tree->currentIndex();
        global = m_tree->viewport()->mapToGlobal(m_tree->visualRect(index).center());
    }
    QMenu *menu = createContextMenu(index, this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(global);
}

void NavigationPanel::confirmRemoval(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const bool tenant = kindOf(index) == Model::ItemKind::Tenant;
    const qint64 id = idOf(index);
    const QString name = index.data(Qt::DisplayRole).toString();
    auto *box = new QMessageBox(this);
    box->setObjectName(u"confirmRemoval"_s);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tenant ? tr("Remove tenant") : tr("Remove connection"));
    if (tenant) {
        const int connections = m_proxy->sourceModel() ? m_proxy->sourceModel()->rowCount(
                                        m_proxy->mapToSource(index))
                                                       : 0;
        box->setText(tr("Remove the tenant “%1”?").arg(name));
        box->setInformativeText(
                tr("Its %n connection(s), their identity mappings and stored secrets are removed "
                   "too. Inbound events already received are kept.",
                   nullptr, connections));
    } else {
        box->setText(tr("Remove the connection “%1”?").arg(name));
        box->setInformativeText(
                tr("Its tokens are revoked at the provider where the provider allows it, then "
                   "they and its secrets are deleted from the keychain. Its identity mappings "
                   "stay with the tenant, without a connection."));
    }
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"confirmRemove"_s);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, remove, tenant, id](QAbstractButton *button) {
                if (button != remove)
                    return;
                if (tenant)
                    Q_EMIT removeTenantRequested(id);
                else
                    Q_EMIT removeConnectionRequested(id);
            });
    box->open();
}

bool NavigationPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_filter) {
        if (key->key() == Qt::Key_Down) {
            m_tree->setFocus(Qt::TabFocusReason);
            if (!m_tree->currentIndex().isValid() && m_proxy->rowCount() > 0)
                m_tree->setCurrentIndex(m_proxy->index(0, 0));
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_filter->text().isEmpty()) {
            m_filter->clear();
            return true;
        }
    } else if (watched == m_tree && key->key() == Qt::Key_Delete
               && m_tree->currentIndex().isValid()) {
        confirmRemoval(m_tree->currentIndex());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace wb::ui
