// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/events/inboundeventrepository.h"
#include "models/inbound/bulkredelivery.h"
#include "ui/widgets/stackedview.h"

#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QStringListModel;
class QTimer;

namespace wb::core {
class Dispatcher;
}
namespace wb::models {
class InboundEventListModel;
}

namespace wb::ui {

class BulkRedeliveryDialog;
class InboundActionBar;
class InboundEventInspector;

// The Inbound tab: webhooks received by the receiver, their verification verdict and tenant.
// A filter bar (free text; tenant, connection, provider and event type; verdict, forwarding
// state, time range; live), the events table over an
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
    // The dispatch engine bulk re-deliveries go through (not owned; null: dry runs only).
    void setDispatcher(core::Dispatcher *dispatcher);

    // "Re-deliver many…": the selected events when two or more are selected, else every event
    // the filter matches; `description` says which in words.
    models::BulkRedeliverySelection bulkSelection(QString *description = nullptr) const;
    // Opens the bulk re-delivery dialog on bulkSelection() and starts its dry run.
    BulkRedeliveryDialog *openBulkRedelivery();
    QPushButton *bulkRedeliverButton() const { return m_bulk; }

    QLineEdit *searchField() const { return m_search; }
    QComboBox *tenantFilter() const { return m_tenant; }
    QComboBox *connectionFilter() const { return m_connection; }
    QComboBox *providerFilter() const { return m_provider; }
    QLineEdit *eventTypeFilter() const { return m_eventType; }
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
    void bulkRedeliveryOpened(wb::ui::BulkRedeliveryDialog *dialog);

private:
    void arrangeColumns();
    void applyFilter();
    void updateStatus();
    void updatePage();
    void onCurrentRowChanged();
    void updateChoices();

    models::InboundEventListModel *m_model = nullptr; // not owned; see setModel()
    QWidget *m_content = nullptr;
    int m_contentIndex = -1;
    QLineEdit *m_search = nullptr;
    QComboBox *m_tenant = nullptr;
    QComboBox *m_connection = nullptr;
    QComboBox *m_provider = nullptr;
    QLineEdit *m_eventType = nullptr;
    QStringListModel *m_eventTypes = nullptr; // the event type field's completions
    QComboBox *m_verdict = nullptr;
    QComboBox *m_forwarding = nullptr;
    QComboBox *m_range = nullptr;
    QCheckBox *m_live = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_bulk = nullptr;
    QPointer<core::Dispatcher> m_dispatcher;
    QTableView *m_table = nullptr;
    InboundEventInspector *m_inspector = nullptr;
    InboundActionBar *m_actions = nullptr;
    QTimer *m_filterTimer = nullptr;
    qint64 m_shownEventId = 0;
    bool m_everHadEvents = false;
};

} // namespace wb::ui
