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
    const qint64 scheduleId = m_scheduleId;
    // The runs, then each run's jobs (applied together once all have answered).
    auto read = m_service->runs(scheduleId, 50);
    core::whenFinished(
            read, this, [this, generation](const core::Result<QList<core::ScheduleRun>> &runs) {
                if (generation != m_generation)
                    return;
                if (!runs) {
                    m_loaded = true;
                    Q_EMIT loaded();
                    return;
                }
                auto collected = std::make_shared<QList<RunRow>>();
                auto pending = std::make_shared<int>(int(runs->size()));
                for (const core::ScheduleRun &run : *runs)
                    collected->append({run, {}});
                if (runs->isEmpty()) {
                    apply({});
                    return;
                }
                for (int i = 0; i < runs->size(); ++i) {
                    core::whenFinished(m_service->jobs(runs->at(i).id), this,
                                       [this, generation, collected, pending,
                                        i](const core::Result<QList<core::ScheduleRunJob>> &jobs) {
                                           if (generation != m_generation)
                                               return;
                                           if (jobs)
                                               (*collected)[i].jobs = *jobs;
                                           if (--*pending == 0)
                                               apply(*collected);
                                       });
                }
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

void ScheduleRunModel::apply(const QList<RunRow> &runs)
{
    // Runs are newest first and never disappear while shown (only with their schedule): new ones
    // go on top, known ones are updated in place.
    int insertAt = 0;
    for (const RunRow &incoming : runs) {
        const int row = rowOfRun(incoming.run.id);
        if (row < 0) {
            beginInsertRows({}, insertAt, insertAt);
            m_runs.insert(insertAt, incoming);
            endInsertRows();
            ++insertAt;
            continue;
        }
        RunRow &current = m_runs[row];
        const QModelIndex parent = index(row, 0);
        if (current.run != incoming.run) {
            current.run = incoming.run;
            Q_EMIT dataChanged(parent, index(row, ColumnCount - 1));
        }
        const int known = int(current.jobs.size());
        for (int j = 0; j < qMin(known, int(incoming.jobs.size())); ++j) {
            if (current.jobs.at(j) != incoming.jobs.at(j)) {
                current.jobs[j] = incoming.jobs.at(j);
                Q_EMIT dataChanged(index(j, 0, parent), index(j, ColumnCount - 1, parent));
            }
        }
        if (incoming.jobs.size() > known) {
            beginInsertRows(parent, known, int(incoming.jobs.size()) - 1);
            current.jobs = incoming.jobs;
            endInsertRows();
        }
    }
    m_loaded = true;
    Q_EMIT loaded();
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
            return core::nameOf(run.state);
        case ValueRole:
            return index.column() == WhenColumn
                           ? QVariant(QDateTime::fromMSecsSinceEpoch(run.scheduledAtMs, Qt::UTC))
                           : QVariant(core::nameOf(run.state));
        case Qt::DisplayRole:
            switch (index.column()) {
            case WhenColumn:
                return utcText(run.scheduledAtMs);
            case StateColumn:
                return tr("%1 (%2)").arg(core::nameOf(run.state), core::nameOf(run.trigger));
            case OutcomeColumn:
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
        return core::nameOf(job.state);
    case ValueRole:
        return index.column() == DeliveryColumn ? QVariant(job.deliveryId.value_or(0))
                                                : QVariant(core::nameOf(job.state));
    case Qt::ToolTipRole:
        return job.deliveryId ? tr("Double-click to open delivery %1").arg(*job.deliveryId)
                              : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            if (!job.tenantId)
                return tr("connection %1").arg(job.connectionId.value_or(0));
            return job.connectionId
                           ? tr("tenant %1 · connection %2").arg(*job.tenantId).arg(*job.connectionId)
                           : tr("tenant %1").arg(*job.tenantId);
        case StateColumn:
            return core::nameOf(job.state);
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
