// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/registration.h"
#include "core/util/result.h"
#include "models/roles.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QPointer>

#include <optional>

namespace wb::core {
class Clock;
class Store;
} // namespace wb::core

namespace wb::models {

// The webhook registrations of one connection (table `webhook_registrations`), for the connection
// page: what the connection registered at its provider, its expiry, what the last check found and
// what the health monitor last did to it.
//
// Reads asynchronously through the store's reader threads (core::RegistrationRepository::list;
// empty until the answer arrives). refresh() reads again and merges by id — row inserts, removals
// and dataChanged, never a reset — so a view's selection survives. The registrations table has no
// change signals: call refresh() after a change made elsewhere (the health monitor, the CLI).
// Changes made through add(), remove(), setReregisterAllowed() and update() update the rows
// themselves.
// Rows are ordered by id (the order they were recorded in).
//
// Times are shown in local time, computed from UTC ms, relative to the clock ("in 2 days",
// "expired 3 h ago"); relative texts are as of the last refresh() or updateTimes().
//
// Thread: the GUI thread. The store and the clock are not owned and must outlive the model.
class RegistrationListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationListModel)

public:
    enum Column {
        RegistrationColumn, // Registration::displayName(): "repos/octo/hello #12345678"
        TargetUrlColumn,
        EventsColumn,     // "push, pull_request"
        ExpiresColumn,    // local time and "in 2 days" / "expired 3 h ago"; "no expiry"
        StateColumn,      // the last check's state, with its detail
        LastActionColumn, // what the monitor last did ("renewed 2 h ago: …"), or "none"
        ReregisterColumn, // "allowed" / "not allowed", with a check state
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role : int {
        RegistrationRole = FirstModelRole, // QVariant<wb::core::Registration>
        StateNameRole,                     // QString core::nameOf(state): "active"
        ExpiresAtRole,                     // QDateTime UTC, invalid when it does not expire
        ReregisterAllowedRole,             // bool
        // QString: everything about the registration for people, several lines (target URL,
        // events, state and when checked, the provider's last delivery, last action, renewal lifetime, stored body,
        // origin, when recorded)
        DetailsTextRole,
    };
    Q_ENUM(Role)

    RegistrationListModel(core::Store *store, const core::Clock *clock, QObject *parent = nullptr);

    // Shows the registrations of `connectionId` (0: none): removes the old rows and loads.
    void setConnection(qint64 connectionId);
    qint64 connectionId() const { return m_connectionId; }
    // Reads the connection's registrations again and merges them in.
    void refresh();
    // The clock moved: the relative times ("in 2 days", "3 h ago") change (dataChanged of the
    // expiry and last-action columns; nothing is read).
    void updateTimes();
    // True once the current connection's first read answered (see loadError()).
    bool isLoaded() const { return m_loaded; }
    // The last read's error message, empty when it succeeded.
    QString loadError() const { return m_loadError; }

    int rowOf(qint64 registrationId) const;
    std::optional<core::Registration> registrationAt(int row) const;

    // Writes through the store's writer thread (core::RegistrationRepository::add, remove,
    // setReregisterAllowed, update; their errors: health.invalid_registration, health.duplicate_registration,
    // store.unknown_connection, health.unknown_registration). When the answer reaches the GUI
    // thread the model updates its row first, then the caller's continuations run (whenFinished
    // watchers run in the order they were made). A refused write changes nothing.
    QFuture<core::Result<core::Registration>> add(const core::Registration &registration);
    // remove() answers the removed registration's id.
    QFuture<core::Result<qint64>> remove(qint64 registrationId);
    QFuture<core::Result<core::Registration>> setReregisterAllowed(qint64 registrationId,
                                                                   bool allowed);
    // Stores an editor's corrections (core::RegistrationRepository::applyEdits, then update():
    // only the fields where `edited` differs from `original`, what the editor showed, change; a
    // changed external id, scope or target URL makes it unchecked again). Errors: those of add(),
    // health.unknown_registration.
    QFuture<core::Result<core::Registration>> update(const core::Registration &original,
                                                     const core::Registration &edited);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The state for people ("active", "missing at the provider").
    static QString stateText(core::RegistrationState state);

Q_SIGNALS:
    // A read finished (loadError() says whether it failed).
    void loaded();

private:
    void merge(const QList<core::Registration> &registrations);
    void wroteThrough();
    void upsert(const core::Registration &registration);
    void removeRow(int row);
    QString displayText(const core::Registration &registration, int column) const;
    QString relativeTime(qint64 atMs) const;
    QString detailsText(const core::Registration &registration) const;

    QPointer<core::Store> m_store;
    const core::Clock *m_clock;
    qint64 m_connectionId = 0;
    QList<core::Registration> m_rows;
    quint64 m_generation = 0; // drops answers for an older connection or an older read
    bool m_loaded = false;
    QString m_loadError;
};

} // namespace wb::models
