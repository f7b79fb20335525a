// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/inbound/bulkredelivery.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace wb::core {
class Dispatcher;
class Store;
} // namespace wb::core

namespace wb::ui {

// Bulk re-delivery of the selected events or of every event the filter matches: choose the
// destination (each event's forward target, or one URL), run the dry run (how many, to where,
// what is left out and why), then send through the dispatch engine with progress, Pause/Resume
// and Cancel. The logic is models::BulkRedelivery / BulkRedeliveryJob; this only shows it.
// Modeless; deletes itself when closed (a running job is cancelled first).
class BulkRedeliveryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkRedeliveryDialog)

public:
    // `store` and `dispatcher` (not owned) must outlive the dialog; a null dispatcher allows the
    // dry run only (the engine is not running). `description`: what is selected, in words.
    BulkRedeliveryDialog(core::Store &store, core::Dispatcher *dispatcher,
                         const models::BulkRedeliverySelection &selection,
                         const QString &description, QWidget *parent = nullptr);
    ~BulkRedeliveryDialog() override;

    void dryRun();
    void send();

    QRadioButton *forwardTargetChoice() const { return m_toForward; }
    QRadioButton *urlChoice() const { return m_toUrl; }
    QLineEdit *urlField() const { return m_url; }
    QTableWidget *destinationTable() const { return m_destinations; }
    QLabel *summaryLabel() const { return m_summary; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }
    models::BulkRedeliveryJob *job() const { return m_job; }

Q_SIGNALS:
    // The dry run answered (also with an error: summaryLabel() says it).
    void dryRunShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    models::BulkRedeliveryTarget target() const;
    void showPlan(const models::BulkRedeliveryPlan &plan);
    void showProgress(const models::BulkRedeliveryProgress &progress);
    void updateButtons();

    core::Store &m_store;
    core::Dispatcher *m_dispatcher;
    models::BulkRedeliverySelection m_selection;
    std::optional<models::BulkRedeliveryPlan> m_plan;
    models::BulkRedeliveryJob *m_job = nullptr; // child
    quint64 m_dryRunToken = 0;

    QRadioButton *m_toForward = nullptr;
    QRadioButton *m_toUrl = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_dryRun = nullptr;
    QTableWidget *m_destinations = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace wb::ui
