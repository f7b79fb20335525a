// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/stackedview.h"

namespace wb::ui {

// The Schedules tab: cron schedules that fan a job out over tenants.
class SchedulesView final : public StackedView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchedulesView)

public:
    explicit SchedulesView(QWidget *parent = nullptr);
};

} // namespace wb::ui
