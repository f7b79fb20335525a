// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/deliveries/deliveriesview.h"

#include "ui/widgets/emptystatewidget.h"

using namespace Qt::StringLiterals;

namespace wb::ui {

DeliveriesView::DeliveriesView(QWidget *parent)
    : StackedView(u"deliveriesEmptyState"_s, u":/icons/empty-deliveries.svg"_s, parent)
{
    emptyState()->setTitle(tr("No deliveries yet"));
    emptyState()->setDescription(
            tr("Outgoing deliveries appear here, failing ones first, with every attempt, the "
               "answer it got and why the next one waited. Send one with "
               "<code>wirebench-cli deliver</code> or re-deliver an inbound event."));
}

} // namespace wb::ui
