// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/stackedview.h"

class QModelIndex;

namespace wb::core {
class Clock;
}

namespace wb::ui {

class ConnectionPage;

// The "Connection" tab: the ConnectionPage of the connection selected in the navigation, or an
// empty state saying how to pick one.
class ConnectionView final : public StackedView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionView)

public:
    explicit ConnectionView(const core::Clock *clock, QWidget *parent = nullptr);

    // A connection row of a TenantTreeModel; an invalid index shows the empty state.
    void showConnection(const QModelIndex &connection);
    ConnectionPage *page() const { return m_page; }

private:
    ConnectionPage *m_page = nullptr;
    int m_pageIndex = -1;
};

} // namespace wb::ui
