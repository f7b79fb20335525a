// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/stackedview.h"

namespace wb::ui {

// The Deliveries tab: outgoing deliveries, failing first, with their attempts.
class DeliveriesView final : public StackedView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveriesView)

public:
    explicit DeliveriesView(QWidget *parent = nullptr);
};

} // namespace wb::ui
