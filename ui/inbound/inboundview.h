// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/stackedview.h"

namespace wb::ui {

// The Inbound tab: webhooks received by the receiver, their verification verdict and tenant.
class InboundView final : public StackedView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboundView)

public:
    explicit InboundView(QWidget *parent = nullptr);
};

} // namespace wb::ui
