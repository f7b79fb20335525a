// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inbound/inboundview.h"

#include "ui/widgets/emptystatewidget.h"

using namespace Qt::StringLiterals;

namespace wb::ui {

InboundView::InboundView(QWidget *parent)
    : StackedView(u"inboundEmptyState"_s, u":/icons/empty-inbound.svg"_s, parent)
{
    emptyState()->setTitle(tr("No webhooks received yet"));
    emptyState()->setDescription(
            tr("Register the receiver URL shown in the status bar with a provider, or send a "
               "sample event with <code>wirebench-cli trigger</code>. Every request is stored "
               "byte for byte with its verification verdict and tenant."));
}

} // namespace wb::ui
