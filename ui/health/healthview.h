// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/stackedview.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace wb::models {
class HealthModel;
}

namespace wb::ui {

// The Health tab: the connections whose webhooks need attention, worst first, each with the
// reason and the action (models::HealthModel), "Show all connections" for the healthy and unknown
// ones too, and the selected connection's findings in full below. "Check now" asks the
// application to check every registration at once. Until a first assessment arrives it shows an
// empty state that explains what is monitored. The view issues no requests itself.
class HealthView final : public StackedView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthView)

public:
    explicit HealthView(QWidget *parent = nullptr);
    ~HealthView() override;

    // Not owned.
    void setModel(models::HealthModel *model);
    // While a round runs: the button is disabled and says so.
    void setChecking(bool checking);

    QTableView *table() const { return m_table; }
    QCheckBox *showAllBox() const { return m_showAll; }
    QPushButton *checkNowButton() const { return m_checkNow; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *detailsLabel() const { return m_details; }
    // Shown instead of the table when no assessed connection needs attention.
    QLabel *allClearLabel() const { return m_allClear; }

Q_SIGNALS:
    void checkNowRequested();
    // Double-click or Enter on a row.
    void connectionActivated(qint64 connectionId);

private:
    // updateSummary(), updatePage() and updateAllClear() together.
    void updateState();
    void updateSummary();
    void updatePage();
    void updateDetails();
    void updateAllClear();

    models::HealthModel *m_model = nullptr;
    int m_contentPage = -1;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_showAll = nullptr;
    QPushButton *m_checkNow = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_allClear = nullptr;
};

} // namespace wb::ui
