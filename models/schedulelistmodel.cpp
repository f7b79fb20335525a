// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/schedulelistmodel.h"

#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QDateTime>
#include <QSet>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

bool scheduleLess(const core::Schedule &a, const core::Schedule &b)
{
    if (a.name != b.name)
        return a.name < b.name;
    return a.id < b.id;
}

QString timeIn(qint64 instantMs, const QTimeZone &zone)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(instantMs, zone);
    return at.toString(u"yyyy-MM-dd HH:mm"_s) + u' ' + zone.abbreviation(at);
}

} // namespace

ScheduleListModel::ScheduleListModel(core::ScheduleService *service, const core::Clock *clock,
                                     QTimeZone userZone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
    , m_clock(clock)
    , m_userZone(std::move(userZone))
{
    connect(service, &core::ScheduleService::scheduleAdded, this,
            [this](const core::Schedule &schedule) {
                upsert({schedule, std::nullopt});
            });
    connect(service, &core::ScheduleService::scheduleUpdated, this,
            [this](const core::Schedule &schedule) {
                const int row = rowOf(schedule.id);
                upsert({schedule, row >= 0 ? m_rows.at(row).overview.lastRun : std::nullopt});
            });
    connect(service, &core::ScheduleService::scheduleRemoved, this, [this](qint64 scheduleId) {
        const int row = rowOf(scheduleId);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    });
    connect(service, &core::ScheduleService::runChanged, this, [this](const core::ScheduleRun &run) {
        const int row = rowOf(run.scheduleId);
        if (row < 0)
            return;
        auto &last = m_rows[row].overview.lastRun;
        if (last && last->scheduledAtMs > run.scheduledAtMs)
            return; // an older run's news
        last = run;
        Q_EMIT dataChanged(index(row, LastRunColumn), index(row, LastRunColumn));
    });
    refresh();
}

void ScheduleListModel::refresh()
{
    if (!m_service)
        return;
    const quint64 generation = ++m_generation;
    core::whenFinished(m_service->overviews(), this,
                       [this, generation](const core::Result<QList<core::ScheduleOverview>> &r) {
                           if (generation != m_generation)
                               return;
                           if (r) {
                               m_loadError.clear();
                               merge(*r);
                           } else {
                               m_loadError = r.error().message;
                           }
                           m_loaded = true;
                           Q_EMIT loaded();
                       });
}

ScheduleListModel::Row ScheduleListModel::makeRow(const core::ScheduleOverview &overview) const
{
    Row row{overview, std::nullopt};
    const auto expression = core::CronExpression::parse(overview.schedule.cronExpression);
    const auto zone = core::timeZoneFromId(overview.schedule.timeZoneId);
    if (overview.schedule.enabled && expression && zone)
        row.next = core::CronCalendar(*expression, *zone).next(m_clock->nowMs());
    return row;
}

void ScheduleListModel::merge(const QList<core::ScheduleOverview> &overviews)
{
    QSet<qint64> present;
    for (const core::ScheduleOverview &overview : overviews)
        present.insert(overview.schedule.id);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!present.contains(m_rows.at(row).overview.schedule.id)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (const core::ScheduleOverview &overview : overviews)
        upsert(overview);
}

void ScheduleListModel::upsert(const core::ScheduleOverview &overview)
{
    const int existing = rowOf(overview.schedule.id);
    if (existing < 0) {
        const int position = insertPosition(overview.schedule, -1);
        beginInsertRows({}, position, position);
        m_rows.insert(position, makeRow(overview));
        endInsertRows();
        return;
    }
    // A rename may move the row to its new sorted place: a move, so views keep their selection
    // and current row on it.
    const int position = insertPosition(overview.schedule, existing);
    if (position != existing) {
        // beginMoveRows counts the destination before the move: below the row, one further.
        beginMoveRows({}, existing, existing, {}, position > existing ? position + 1 : position);
        m_rows.move(existing, position);
        endMoveRows();
    }
    m_rows[position] = makeRow(overview);
    Q_EMIT dataChanged(index(position, 0), index(position, ColumnCount - 1));
}

int ScheduleListModel::insertPosition(const core::Schedule &schedule, int skipRow) const
{
    // Among the rows other than `skipRow` (the schedule's own, when it is there already).
    int position = 0;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (row != skipRow && scheduleLess(m_rows.at(row).overview.schedule, schedule))
            ++position;
    }
    return position;
}

int ScheduleListModel::rowOf(qint64 scheduleId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).overview.schedule.id == scheduleId)
            return row;
    }
    return -1;
}

std::optional<core::Schedule> ScheduleListModel::scheduleAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row).overview.schedule;
}

int ScheduleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScheduleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScheduleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const core::Schedule &schedule = row.overview.schedule;
    const auto &lastRun = row.overview.lastRun;
    switch (role) {
    case IdRole:
        return schedule.id;
    case ScheduleRole:
        return QVariant::fromValue(schedule);
    case NextRunRole:
        return row.next ? QDateTime::fromMSecsSinceEpoch(row.next->instantMs, Qt::UTC)
                        : QDateTime();
    case LastRunStateRole:
        return lastRun ? core::runStatusName(*lastRun) : QString();
    case LastRunRole:
        return lastRun ? QVariant::fromValue(*lastRun) : QVariant();
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::CheckStateRole && column == EnabledColumn)
        return schedule.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole && column == ExpressionColumn)
        return tr("%1 in %2").arg(schedule.cronExpression, schedule.timeZoneId);
    if (role == ValueRole) {
        switch (column) {
        case NameColumn:
            return schedule.name;
        case ExpressionColumn:
            return schedule.cronExpression;
        case ZoneColumn:
            return schedule.timeZoneId;
        case NextRunColumn:
        case NextRunLocalColumn:
            return data(index, NextRunRole);
        case LastRunColumn:
            return data(index, LastRunStateRole);
        case EnabledColumn:
            return schedule.enabled;
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case NameColumn:
        return schedule.name;
    case ExpressionColumn:
        return schedule.cronExpression;
    case ZoneColumn:
        return schedule.timeZoneId;
    case NextRunColumn:
        if (!schedule.enabled)
            return tr("disabled");
        return row.next ? timeIn(row.next->instantMs, QTimeZone(schedule.timeZoneId.toUtf8()))
                        : tr("never");
    case NextRunLocalColumn:
        if (!schedule.enabled)
            return QString();
        return row.next ? timeIn(row.next->instantMs, m_userZone) : QString();
    case LastRunColumn:
        if (!lastRun)
            return tr("not run yet");
        return tr("%1 (%2 of %3 succeeded)")
                .arg(core::runStatusName(*lastRun))
                .arg(lastRun->succeededCount)
                .arg(lastRun->jobCount);
    case EnabledColumn:
        return schedule.enabled ? tr("enabled") : tr("disabled");
    default:
        return {};
    }
}

QVariant ScheduleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Schedule");
    case ExpressionColumn:
        return tr("Expression");
    case ZoneColumn:
        return tr("Time zone");
    case NextRunColumn:
        return tr("Next run (schedule's zone)");
    case NextRunLocalColumn:
        return tr("Next run (your time)");
    case LastRunColumn:
        return tr("Last run");
    case EnabledColumn:
        return tr("Enabled");
    default:
        return {};
    }
}

QHash<int, QByteArray> ScheduleListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ValueRole, sharedRoleName(ValueRole));
    names.insert(IdRole, sharedRoleName(IdRole));
    names.insert(ScheduleRole, "schedule");
    names.insert(NextRunRole, "nextRun");
    names.insert(LastRunStateRole, "lastRunState");
    names.insert(LastRunRole, "lastRun");
    return names;
}

} // namespace wb::models
