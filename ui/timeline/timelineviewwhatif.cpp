// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineView: the "what would this policy do" overlay (the rest is in timelineview.cpp).
#include "ui/timeline/timelineview.h"

#include "models/timeline/policysimulator.h"
#include "models/timeline/policywhatif.h"
#include "ui/timeline/timelineplot.h"

#include <QTimer>

using wb::models::TimelineScope;

namespace wb::ui {

void TimelineView::selectDelivery(const QString &deliveryId)
{
    m_selectedDelivery = deliveryId;
    updateWhatIfAvailability();
    applyWhatIf(true);
}

void TimelineView::setWhatIfPreset(const QString &preset)
{
    m_whatIfPreset = preset;
    m_toolBar->setWhatIfPreset(preset);
    if (!preset.isEmpty() && !m_selectedDelivery.isEmpty()
        && m_scope.kind != TimelineScope::Kind::Delivery) {
        // Compare on the delivery's own lane.
        setScope(TimelineScope::delivery(m_selectedDelivery, m_selectedDelivery));
        return; // the reload applies the overlay
    }
    applyWhatIf(true);
}

void TimelineView::updateWhatIfAvailability()
{
    if (!m_simulator) {
        m_toolBar->setWhatIfAvailable(false, {});
        return;
    }
    if (m_selectedDelivery.isEmpty()) {
        m_toolBar->setWhatIfAvailable(false, tr("Click an attempt of a failing delivery first"));
        return;
    }
    const bool failing = models::whatIfInputFor(m_data, m_selectedDelivery).has_value();
    m_toolBar->setWhatIfAvailable(failing, tr("Delivery %1 did not fail: nothing to compare")
                                                   .arg(m_selectedDelivery));
}

void TimelineView::applyWhatIf(bool fit)
{
    m_whatIfError.clear();
    if (!m_simulator || m_whatIfPreset.isEmpty() || m_selectedDelivery.isEmpty()) {
        if (m_plot->hasWhatIf())
            m_plot->setWhatIf({}, {});
        return;
    }
    const std::optional<models::WhatIfInput> input = models::whatIfInputFor(m_builtData,
                                                                            m_selectedDelivery);
    if (!input) {
        m_plot->setWhatIf({}, {});
        return;
    }
    const core::Result<QList<models::WhatIfAttempt>> simulated
            = m_simulator->simulate(m_whatIfPreset, *input);
    if (!simulated) {
        m_whatIfError = simulated.error().message;
        m_plot->setWhatIf({}, {});
        updateStatus();
        return;
    }
    m_plot->setWhatIf(*simulated, m_simulator->presetLabel(m_whatIfPreset));
    if (!fit || simulated->isEmpty())
        return;
    // Show the real and the simulated attempts together.
    qint64 from = input->firstStartMs;
    qint64 to = from;
    for (const models::AttemptSample &sample : std::as_const(m_builtData.attempts)) {
        if (sample.deliveryId == m_selectedDelivery)
            to = qMax(to, sample.finishedMs + qMax<qint64>(0, sample.waitMs));
    }
    for (const models::WhatIfAttempt &attempt : *simulated) {
        from = qMin(from, attempt.startedMs);
        to = qMax(to, attempt.finishedMs + qMax<qint64>(0, attempt.waitMs));
    }
    const qint64 margin = qMax<qint64>(1000, (to - from) / 20);
    m_plot->setVisibleRange({from - margin, to + margin});
    m_rebinTimer->start();
}

} // namespace wb::ui
