// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/scheduleservice.h"
#include "models/roles.h"

#include <QAbstractItemModel>
#include <QPointer>

namespace wb::models {

// The run history of one schedule: its runs, newest first, each with its per-tenant jobs as
// children (the outcome of each, and the delivery it became, which the view links to).
//
// setSchedule() loads the runs and all their jobs asynchronously (answers for an older schedule
// are dropped); refresh() reads again and updates rows in place (new runs are inserted at the
// top, changed cells emit dataChanged — never a reset). Follows ScheduleService::runChanged for
// the shown schedule.
//
// Thread: the GUI thread. The service is not owned and must outlive the model.
class ScheduleRunModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleRunModel)

public:
    enum Column {
        WhenColumn,     // run: its scheduled instant (UTC); job: the tenant and connection
        StateColumn,    // run: state and trigger; job: its state
        OutcomeColumn,  // run: "3 succeeded, 1 failed, 0 skipped"; job: the delivery's outcome
        DeliveryColumn, // job: "#42", the dispatch engine's delivery
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role : int {
        RunRole = FirstModelRole, // QVariant<wb::core::ScheduleRun> (run rows and job rows)
        JobRole,                  // QVariant<wb::core::ScheduleRunJob> (job rows)
        DeliveryIdRole,           // qint64, 0 when the job has no delivery (job rows)
        StateRole,                // QString: the run's or the job's state name
    };
    Q_ENUM(Role)

    explicit ScheduleRunModel(core::ScheduleService *service, QObject *parent = nullptr);

    // 0 shows nothing.
    void setSchedule(qint64 scheduleId);
    qint64 scheduleId() const { return m_scheduleId; }
    void refresh();
    bool isLoaded() const { return m_loaded; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loaded();

private:
    struct RunRow
    {
        core::ScheduleRun run;
        QList<core::ScheduleRunJob> jobs;
    };
    void apply(const QList<RunRow> &runs);
    int rowOfRun(qint64 runId) const;

    QPointer<core::ScheduleService> m_service;
    qint64 m_scheduleId = 0;
    QList<RunRow> m_runs;
    quint64 m_generation = 0;
    bool m_loaded = false;
};

} // namespace wb::models
