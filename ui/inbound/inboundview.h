// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/events/inboundeventrepository.h"
#include "ui/widgets/stackedview.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace wb::models {
class InboundEventListModel;
}

namespace wb::ui {

class InboundActionBar;
class InboundEventInspector;

// The Inbound tab: webhooks received by the receiver, their verification verdict and tenant.
// A filter bar (free text, verdict, forwarding state, time range, live), the events table over an
// InboundEventListModel (paged in SQL, sorted by clicking a header), and the inspector of the
// selected event below it. Without a model (no workspace) or with an empty workspace: the empty
// state.
class InboundView final : public StackedView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboundView)

public:
    static constexpr int filterDelayMs = 250;

    explicit InboundView(QWidget *parent = nullptr);
    ~InboundView() override;

    // Not owned; must outlive the view or be replaced (null) first. Null: the empty state.
    void setModel(models::InboundEventListModel *model);
    models::InboundEventListModel *model() const { return m_model; }

    QLineEdit *searchField() const { return m_search; }
    QComboBox *verdictFilter() const { return m_verdict; }
    QComboBox *forwardingFilter() const { return m_forwarding; }
    QComboBox *rangeFilter() const { return m_range; }
    QCheckBox *liveToggle() const { return m_live; }
    QTableView *table() const { return m_table; }
    InboundEventInspector *inspector() const { return m_inspector; }
    InboundActionBar *actions() const { return m_actions; }
    QString statusText() const;
    // The filter the bar describes now (range relative to the system clock).
    core::InboundEventFilter currentFilter() const;
    // Selects the event in the table when it is loaded; false when it is not.
    bool selectEvent(qint64 eventId);

Q_SIGNALS:
    // The selected event's full bytes are in the inspector.
    void eventShown(qint64 eventId);
    // A re-delivery was queued (the deliveries view can select it).
    void redeliveryQueued(qint64 deliveryId);

private:
    void applyFilter();
    void updateStatus();
    void updatePage();
    void onCurrentRowChanged();

    models::InboundEventListModel *m_model = nullptr; // not owned; see setModel()
    QWidget *m_content = nullptr;
    int m_contentIndex = -1;
    QLineEdit *m_search = nullptr;
    QComboBox *m_verdict = nullptr;
    QComboBox *m_forwarding = nullptr;
    QComboBox *m_range = nullptr;
    QCheckBox *m_live = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    InboundEventInspector *m_inspector = nullptr;
    InboundActionBar *m_actions = nullptr;
    QTimer *m_filterTimer = nullptr;
    qint64 m_shownEventId = 0;
    bool m_everHadEvents = false;
};

} // namespace wb::ui
