// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timelineview.h"

#include "ui/widgets/emptystatewidget.h"

using namespace Qt::StringLiterals;

namespace wb::ui {

TimelineView::TimelineView(QWidget *parent)
    : StackedView(u"timelineEmptyState"_s, u":/icons/empty-timeline.svg"_s, parent)
{
    emptyState()->setTitle(tr("Nothing to plot yet"));
    emptyState()->setDescription(
            tr("The timeline draws each delivery attempt, the wait before the next one "
               "(Retry-After, backoff or a rate-limit pause) and how close each connection ran "
               "to its rate limit. It fills in as deliveries are attempted."));
}

} // namespace wb::ui
