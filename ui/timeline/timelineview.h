// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/stackedview.h"

namespace wb::ui {

// The Timeline tab: attempts, waits and rate-limit levels over time (QCustomPlot).
class TimelineView final : public StackedView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    explicit TimelineView(QWidget *parent = nullptr);
};

} // namespace wb::ui
