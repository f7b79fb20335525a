// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/scheduleservice.h"
#include "models/roles.h"

#include <QAbstractItemModel>
#include <QPointer>

namespace wb::models {

// The run history of one schedule: its runs, newest first (the latest 50), each with its
// per-tenant jobs as children — the tenant's and connection's names, the outcome, and the
// delivery it became, which the view links to.
//
// setSchedule() loads the runs asynchronously (answers for an older schedule are dropped). A
// run's jobs are read in pages (setJobPageSize(), 200 by default) through SQL (ScheduleService::jobPage) when the
// view asks (canFetchMore()/fetchMore(): expanding a run, scrolling to its last job), never all
// at once. refresh() reads the runs again and updates rows in place (new runs are inserted at the
// top, changed cells emit dataChanged — never a reset), and re-reads the jobs already shown of
// runs that changed. Follows ScheduleService::runChanged for the shown schedule.
//
// Thread: the GUI thread. The service is not owned and must outlive the model.
class ScheduleRunModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleRunModel)

public:
    enum Column {
        WhenColumn,    // run: its scheduled instant (UTC); job: the tenant's and connection's names
        StateColumn,   // run: state and trigger; job: its state
        OutcomeColumn, // run: "3 succeeded, 1 failed, 0 skipped"; job: the delivery's outcome
        DeliveryColumn, // job: "#42", the dispatch engine's delivery
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role : int {
        RunRole = FirstModelRole, // QVariant<wb::core::ScheduleRun> (run rows and job rows)
        JobRole,                  // QVariant<wb::core::ScheduleRunJob> (job rows)
        DeliveryIdRole,           // qint64, 0 when the job has no delivery (job rows)
        StateRole,                // QString: the run's core::runStatusName() or the job's
        // core::runJobStatusName() (ValueRole of the state column says the same)
    };
    Q_ENUM(Role)

    explicit ScheduleRunModel(core::ScheduleService *service, QObject *parent = nullptr);

    static constexpr int defaultJobPageSize = 200;
    // How many jobs one fetchMore() reads (tests make it small).
    void setJobPageSize(int jobs) { m_jobPageSize = qMax(1, jobs); }

    // 0 shows nothing.
    void setSchedule(qint64 scheduleId);
    qint64 scheduleId() const { return m_scheduleId; }
    void refresh();
    bool isLoaded() const { return m_loaded; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loaded();

private:
    // A job's target as shown ("Globex · slack “EU”"), and its ids (the tooltip).
    static QString targetText(const core::ScheduleRunJob &job);
    static QString targetIds(const core::ScheduleRunJob &job);

    struct RunRow
    {
        core::ScheduleRun run;
        QList<core::ScheduleRunJob> jobs; // the pages read so far, in plan order
        bool fetching = false;
    };
    void apply(const QList<core::ScheduleRun> &runs);
    void reloadJobs(qint64 runId, int count);
    void appendJobs(qint64 runId, const QList<core::ScheduleRunJob> &jobs);
    void updateJobs(qint64 runId, const QList<core::ScheduleRunJob> &jobs);
    int rowOfRun(qint64 runId) const;

    QPointer<core::ScheduleService> m_service;
    qint64 m_scheduleId = 0;
    QList<RunRow> m_runs;
    quint64 m_generation = 0;         // of refresh(): a newer one drops older answers
    quint64 m_scheduleGeneration = 0; // of setSchedule(): job pages for another schedule drop
    bool m_loaded = false;
    int m_jobPageSize = defaultJobPageSize;
};

} // namespace wb::models
