// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/schedulerunmodel.h"

#include "core/store/store.h"
#include "core/util/futures.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

// Internal ids: 0 for a run row, run row + 1 for its jobs.
constexpr quintptr runRowId = 0;

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
}

} // namespace

// "Globex · slack “EU workspace”": the names the job was sent for; ids only for a tenant or
// connection removed since.
QString ScheduleRunModel::targetText(const core::ScheduleRunJob &job)
{
    QString tenant;
    if (job.tenantId) {
        tenant = job.tenantName.isEmpty() ? tr("tenant %1 (removed)").arg(*job.tenantId)
                                          : job.tenantName;
    }
    QString connection;
    if (job.connectionId) {
        if (job.connectionProviderId.isEmpty())
            connection = tr("connection %1 (removed)").arg(*job.connectionId);
        else if (job.connectionLabel.isEmpty())
            connection = job.connectionProviderId;
        else
            connection = tr("%1 “%2”").arg(job.connectionProviderId, job.connectionLabel);
    }
    if (tenant.isEmpty())
        return connection;
    return connection.isEmpty() ? tenant : tr("%1 · %2").arg(tenant, connection);
}

QString ScheduleRunModel::targetIds(const core::ScheduleRunJob &job)
{
    if (!job.tenantId)
        return tr("connection %1").arg(job.connectionId.value_or(0));
    return job.connectionId
                   ? tr("tenant %1 · connection %2").arg(*job.tenantId).arg(*job.connectionId)
                   : tr("tenant %1").arg(*job.tenantId);
}

ScheduleRunModel::ScheduleRunModel(core::ScheduleService *service, QObject *parent)
    : QAbstractItemModel(parent)
    , m_service(service)
{
    connect(service, &core::ScheduleService::runChanged, this, [this](const core::ScheduleRun &run) {
        if (run.scheduleId == m_scheduleId)
            refresh();
    });
}

void ScheduleRunModel::setSchedule(qint64 scheduleId)
{
    if (scheduleId == m_scheduleId && m_loaded)
        return;
    m_scheduleId = scheduleId;
    ++m_scheduleGeneration;
    if (!m_runs.isEmpty()) {
        beginRemoveRows({}, 0, int(m_runs.size()) - 1);
        m_runs.clear();
        endRemoveRows();
    }
    m_loaded = false;
    refresh();
}

void ScheduleRunModel::refresh()
{
    const quint64 generation = ++m_generation;
    if (m_scheduleId == 0 || !m_service) {
        m_loaded = true;
        Q_EMIT loaded();
        return;
    }
    core::whenFinished(m_service->runs(m_scheduleId, 50), this,
                       [this, generation](const core::Result<QList<core::ScheduleRun>> &runs) {
                           if (generation != m_generation)
                               return;
                           apply(runs ? *runs : QList<core::ScheduleRun>());
                       });
}

int ScheduleRunModel::rowOfRun(qint64 runId) const
{
    for (int row = 0; row < m_runs.size(); ++row) {
        if (m_runs.at(row).run.id == runId)
            return row;
    }
    return -1;
}

void ScheduleRunModel::apply(const QList<core::ScheduleRun> &runs)
{
    // Runs are newest first and never disappear while shown (only with their schedule): new ones
    // go on top, known ones are updated in place, with the jobs already read of changed ones.
    int insertAt = 0;
    for (const core::ScheduleRun &incoming : runs) {
        const int row = rowOfRun(incoming.id);
        if (row < 0) {
            beginInsertRows({}, insertAt, insertAt);
            m_runs.insert(insertAt, RunRow{incoming, {}, false});
            endInsertRows();
            ++insertAt;
            continue;
        }
        RunRow &current = m_runs[row];
        if (current.run == incoming)
            continue;
        current.run = incoming;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        if (!current.jobs.isEmpty())
            reloadJobs(incoming.id, int(current.jobs.size()));
    }
    m_loaded = true;
    Q_EMIT loaded();
}

bool ScheduleRunModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_runs.isEmpty();
    if (parent.internalId() != runRowId || parent.column() != 0)
        return false;
    const RunRow &row = m_runs.at(parent.row());
    return !row.jobs.isEmpty() || row.run.jobCount > 0;
}

bool ScheduleRunModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.internalId() != runRowId || parent.column() != 0)
        return false;
    const RunRow &row = m_runs.at(parent.row());
    return !row.fetching && row.jobs.size() < row.run.jobCount;
}

void ScheduleRunModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_service)
        return;
    RunRow &row = m_runs[parent.row()];
    row.fetching = true;
    const qint64 runId = row.run.id;
    const int after = row.jobs.isEmpty() ? -1 : row.jobs.constLast().ordinal;
    const quint64 generation = m_scheduleGeneration;
    core::whenFinished(m_service->jobPage(runId, after, m_jobPageSize), this,
                       [this, runId,
                        generation](const core::Result<QList<core::ScheduleRunJob>> &jobs) {
                           if (generation != m_scheduleGeneration)
                               return;
                           if (jobs)
                               appendJobs(runId, *jobs);
                           // Only now: a view asking again while the rows go in gets nothing.
                           if (const int row = rowOfRun(runId); row >= 0)
                               m_runs[row].fetching = false;
                       });
}

void ScheduleRunModel::appendJobs(qint64 runId, const QList<core::ScheduleRunJob> &jobs)
{
    const int row = rowOfRun(runId);
    if (row < 0 || jobs.isEmpty())
        return;
    RunRow &current = m_runs[row];
    // A page extends the list past the last ordinal shown; anything at or before it is known.
    const int last = current.jobs.isEmpty() ? -1 : current.jobs.constLast().ordinal;
    QList<core::ScheduleRunJob> added;
    for (const core::ScheduleRunJob &job : jobs) {
        if (job.ordinal > last)
            added.append(job);
    }
    if (added.isEmpty())
        return;
    const int first = int(current.jobs.size());
    beginInsertRows(index(row, 0), first, first + int(added.size()) - 1);
    current.jobs.append(added);
    endInsertRows();
}

void ScheduleRunModel::reloadJobs(qint64 runId, int count)
{
    const quint64 generation = m_scheduleGeneration;
    core::whenFinished(m_service->jobPage(runId, -1, count), this,
                       [this, runId,
                        generation](const core::Result<QList<core::ScheduleRunJob>> &jobs) {
                           if (generation == m_scheduleGeneration && jobs)
                               updateJobs(runId, *jobs);
                       });
}

void ScheduleRunModel::updateJobs(qint64 runId, const QList<core::ScheduleRunJob> &jobs)
{
    const int row = rowOfRun(runId);
    if (row < 0)
        return;
    RunRow &current = m_runs[row];
    const QModelIndex parent = index(row, 0);
    // The jobs of a run never change order or go away; a job is matched by its position.
    const int known = int(qMin(current.jobs.size(), jobs.size()));
    for (int j = 0; j < known; ++j) {
        if (current.jobs.at(j) != jobs.at(j)) {
            current.jobs[j] = jobs.at(j);
            Q_EMIT dataChanged(index(j, 0, parent), index(j, ColumnCount - 1, parent));
        }
    }
}

QModelIndex ScheduleRunModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, runRowId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ScheduleRunModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == runRowId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, runRowId);
}

int ScheduleRunModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_runs.size());
    if (parent.internalId() == runRowId && parent.column() == 0 && parent.row() < m_runs.size())
        return int(m_runs.at(parent.row()).jobs.size());
    return 0;
}

int ScheduleRunModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ScheduleRunModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isRun = index.internalId() == runRowId;
    const RunRow &runRow = m_runs.at(isRun ? index.row() : int(index.internalId() - 1));
    const core::ScheduleRun &run = runRow.run;
    if (role == RunRole)
        return QVariant::fromValue(run);
    if (isRun) {
        switch (role) {
        case IdRole:
            return run.id;
        case StateRole:
            return core::runStatusName(run);
        case Qt::ToolTipRole:
            return run.cancelRequestedAtMs && !run.cancelReason.isEmpty()
                           ? tr("Cancelled: %1").arg(run.cancelReason)
                           : QVariant();
        case ValueRole:
            return index.column() == WhenColumn
                           ? QVariant(QDateTime::fromMSecsSinceEpoch(run.scheduledAtMs, Qt::UTC))
                           : QVariant(core::runStatusName(run));
        case Qt::DisplayRole:
            switch (index.column()) {
            case WhenColumn:
                return utcText(run.scheduledAtMs);
            case StateColumn:
                return tr("%1 (%2)").arg(core::runStatusName(run), core::nameOf(run.trigger));
            case OutcomeColumn:
                if (run.cancelRequestedAtMs) {
                    return tr("%1 succeeded, %2 failed, %3 cancelled, %4 skipped of %5")
                            .arg(run.succeededCount)
                            .arg(run.failedCount)
                            .arg(run.cancelledCount)
                            .arg(run.skippedCount)
                            .arg(run.jobCount);
                }
                return tr("%1 succeeded, %2 failed, %3 skipped of %4")
                        .arg(run.succeededCount)
                        .arg(run.failedCount)
                        .arg(run.skippedCount)
                        .arg(run.jobCount);
            default:
                return {};
            }
        default:
            return {};
        }
    }
    const core::ScheduleRunJob &job = runRow.jobs.at(index.row());
    switch (role) {
    case IdRole:
        return job.id;
    case JobRole:
        return QVariant::fromValue(job);
    case DeliveryIdRole:
        return job.deliveryId.value_or(0);
    case StateRole:
        return core::runJobStatusName(job);
    case ValueRole:
        return index.column() == DeliveryColumn ? QVariant(job.deliveryId.value_or(0))
                                                : QVariant(core::runJobStatusName(job));
    case Qt::ToolTipRole:
        if (index.column() == WhenColumn)
            return targetIds(job);
        return job.deliveryId ? tr("Double-click to open delivery %1").arg(*job.deliveryId)
                              : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            return targetText(job);
        case StateColumn:
            return core::runJobStatusName(job);
        case OutcomeColumn:
            return job.outcome;
        case DeliveryColumn:
            return job.deliveryId ? u"#%1"_s.arg(*job.deliveryId) : QString();
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ScheduleRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("Run / tenant");
    case StateColumn:
        return tr("State");
    case OutcomeColumn:
        return tr("Outcome");
    case DeliveryColumn:
        return tr("Delivery");
    default:
        return {};
    }
}

QHash<int, QByteArray> ScheduleRunModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(ValueRole, sharedRoleName(ValueRole));
    names.insert(IdRole, sharedRoleName(IdRole));
    names.insert(RunRole, "run");
    names.insert(JobRole, "job");
    names.insert(DeliveryIdRole, "deliveryId");
    names.insert(StateRole, "state");
    return names;
}

} // namespace wb::models
