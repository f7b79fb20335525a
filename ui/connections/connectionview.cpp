// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connections/connectionview.h"

#include "ui/connections/connectionpage.h"
#include "ui/widgets/emptystatewidget.h"

#include <QScrollArea>

using namespace Qt::StringLiterals;

namespace wb::ui {

ConnectionView::ConnectionView(const core::Clock *clock, QWidget *parent)
    : StackedView(u"connectionEmptyState"_s, u":/icons/empty-tenants.svg"_s, parent)
    , m_page(new ConnectionPage(clock, this))
{
    emptyState()->setTitle(tr("No connection selected"));
    emptyState()->setDescription(
            tr("Pick a connection in the navigation to see its authorization, token expiry, "
               "scopes and identity mappings. Add one from a tenant's context menu."));
    m_pageIndex = addContentPage(m_page);
    connect(m_page, &ConnectionPage::connectionGone, this, [this] { showEmptyState(); });
}

void ConnectionView::showConnection(const QModelIndex &connection)
{
    m_page->setConnection(connection);
    if (connection.isValid())
        showContentPage(m_pageIndex);
    else
        showEmptyState();
}

} // namespace wb::ui
