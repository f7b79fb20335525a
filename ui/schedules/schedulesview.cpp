// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/schedules/schedulesview.h"

#include "ui/widgets/emptystatewidget.h"

using namespace Qt::StringLiterals;

namespace wb::ui {

SchedulesView::SchedulesView(QWidget *parent)
    : StackedView(u"schedulesEmptyState"_s, u":/icons/empty-schedules.svg"_s, parent)
{
    emptyState()->setTitle(tr("No schedules"));
    emptyState()->setDescription(
            tr("A schedule runs a job for every tenant on a cron expression, spread over a "
               "smoothing window so neither side's rate limits break. Add one with "
               "<code>wirebench-cli schedules add</code>."));
}

} // namespace wb::ui
