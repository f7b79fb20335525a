// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/stackedview.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace wb::models {
class AttemptListModel;
class DeliveryListModel;
} // namespace wb::models

namespace wb::ui {

// The Deliveries tab: outgoing deliveries, failing first (DeliveryListModel), a state filter and a
// search field; below, the attempts of the selected delivery (AttemptListModel) with the engine's
// decision and reason for each; "Retry now" (pending), "Cancel" (pending) and "Requeue" (dead,
// failed or cancelled). Without models (no workspace) or deliveries: the empty state.
class DeliveriesView final : public StackedView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveriesView)

public:
    static constexpr int filterDelayMs = 250;

    explicit DeliveriesView(QWidget *parent = nullptr);
    ~DeliveriesView() override;

    // Not owned; must outlive the view or be replaced (null) first. Null: the empty state.
    void setModels(models::DeliveryListModel *deliveries, models::AttemptListModel *attempts);
    models::DeliveryListModel *deliveries() const { return m_deliveries; }
    models::AttemptListModel *attempts() const { return m_attempts; }

    // Selects delivery `deliveryId` (the timeline's click): the filter is cleared when it hides it,
    // and the selection happens once the row is loaded; with `attemptNumber` (1-based), that
    // attempt is selected once the delivery's attempts are loaded. False without models.
    bool selectDelivery(qint64 deliveryId, int attemptNumber = 0);
    // The number of the attempt selected in the attempts table, 0 when none.
    int selectedAttemptNumber() const;
    qint64 selectedDeliveryId() const;

    QComboBox *stateFilter() const { return m_state; }
    QLineEdit *searchField() const { return m_search; }
    QTableView *deliveryTable() const { return m_table; }
    QTableView *attemptTable() const { return m_attemptTable; }
    QPushButton *retryNowButton() const { return m_retryNow; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *requeueButton() const { return m_requeue; }
    QString statusText() const;

private:
    void applyFilter();
    void onCurrentRowChanged();
    void updateActions();
    void updatePage();
    void reselect();
    void selectWantedAttempt();
    void showActionResult(const QString &error);

    models::DeliveryListModel *m_deliveries = nullptr; // not owned; see setModels()
    models::AttemptListModel *m_attempts = nullptr;
    QWidget *m_content = nullptr;
    int m_contentIndex = -1;
    QComboBox *m_state = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    QTableView *m_attemptTable = nullptr;
    QPushButton *m_retryNow = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_requeue = nullptr;
    QTimer *m_filterTimer = nullptr;
    qint64 m_wantedDelivery = 0;  // to select once loaded
    qint64 m_wantedAttemptOf = 0; // the delivery of m_wantedAttempt
    int m_wantedAttempt = 0;      // the attempt number to select once the attempts are loaded
    bool m_everHadDeliveries = false;
};

} // namespace wb::ui
