// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/croncalendar.h"
#include "core/schedule/scheduleservice.h"
#include "models/roles.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimeZone>

#include <optional>

namespace wb::core {
class Clock;
}

namespace wb::models {

// The workspace's schedules for the Schedules view: name, expression, the next run in the
// schedule's zone and in the user's, the last run's state, enabled.
//
// Loads asynchronously from ScheduleService::overviews() (empty until the answer arrives);
// refresh() reads again and merges by id (row inserts, removals, moves of renamed schedules and
// dataChanged — never a reset), which also recomputes the next runs from the clock. Follows the service's signals (schedules
// added, updated, removed; runs changed). Ordered by name, then id.
//
// Thread: the GUI thread. Service and clock are not owned and must outlive the model.
class ScheduleListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleListModel)

public:
    enum Column {
        NameColumn,
        ExpressionColumn,
        ZoneColumn,         // the schedule's IANA zone: "America/New_York"
        NextRunColumn,      // in the schedule's zone: "2024-06-03 02:30 EDT"
        NextRunLocalColumn, // in the user's zone (userZone())
        LastRunColumn,
        EnabledColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role : int {
        ScheduleRole = FirstModelRole, // QVariant<wb::core::Schedule>
        NextRunRole,                   // QDateTime UTC, invalid when it never runs (disabled)
        LastRunStateRole,              // QString core::runStatusName(), empty before the first run
        LastRunRole,                   // QVariant<wb::core::ScheduleRun>, invalid before
    };
    Q_ENUM(Role)

    // `userZone`: the zone of the "your time" column (the system's by default).
    ScheduleListModel(core::ScheduleService *service, const core::Clock *clock,
                      QTimeZone userZone = QTimeZone::systemTimeZone(), QObject *parent = nullptr);

    void refresh();
    bool isLoaded() const { return m_loaded; }
    QString loadError() const { return m_loadError; }
    int rowOf(qint64 scheduleId) const;
    std::optional<core::Schedule> scheduleAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // A load or refresh finished (loadError() says whether it failed).
    void loaded();

private:
    struct Row
    {
        core::ScheduleOverview overview;
        std::optional<core::CronFiring> next;
    };
    Row makeRow(const core::ScheduleOverview &overview) const;
    void merge(const QList<core::ScheduleOverview> &overviews);
    void upsert(const core::ScheduleOverview &overview);
    // Where `schedule` goes in name order among the rows other than `skipRow` (-1: all rows).
    int insertPosition(const core::Schedule &schedule, int skipRow) const;

    QPointer<core::ScheduleService> m_service;
    const core::Clock *m_clock;
    QTimeZone m_userZone;
    QList<Row> m_rows;
    quint64 m_generation = 0;
    bool m_loaded = false;
    QString m_loadError;
};

} // namespace wb::models
