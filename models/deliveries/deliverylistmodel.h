// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/deliverytriage.h"
#include "core/util/result.h"
#include "models/roles.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QHash>

namespace wb::core {
class Store;
}

namespace wb::models {

// The deliveries view's table, failing first (core::DeliveryTriageRepository): state,
// destination, connection, attempts, last status, next attempt. Rows come in windows of
// `pageSize` read on a reader thread (fetchMore when a view scrolls to the end); the filter is
// SQL's. Bodies are not loaded. refresh() reads the first window again (after an action, or on a
// timer: a delivery's place in the order changes with its state).
//
// Thread: GUI thread. `store` (not owned) must outlive the model.
class DeliveryListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryListModel)

public:
    enum Column { State, Destination, Connection, Attempts, LastStatus, NextAttempt, Reason };
    Q_ENUM(Column)
    static constexpr int columnCountValue = Reason + 1;
    enum Role : int {
        StateRole = FirstModelRole, // core::DeliveryState as int
    };
    static constexpr int pageSize = 200;

    explicit DeliveryListModel(core::Store &store, QObject *parent = nullptr);
    ~DeliveryListModel() override;

    void setFilter(const core::DeliveryTriageFilter &filter);
    const core::DeliveryTriageFilter &filter() const { return m_filter; }
    void refresh();
    qint64 totalCount() const { return m_total; }
    bool isLoading() const { return m_loading; }
    const core::DeliveryTriageRow &rowAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 deliveryId) const;

    // Actions (store writes; each refreshes the list when it committed):
    // "Retry now": a pending delivery becomes due now (false: it is not pending).
    QFuture<core::Result<bool>> retryNow(qint64 deliveryId);
    // Cancels a pending delivery (false: in flight or final).
    QFuture<core::Result<bool>> cancel(qint64 deliveryId);
    // Requeues a dead, failed or cancelled delivery with a fresh retry budget
    // (core::DeliveryRepository::replay). Errors: "dispatch.not_replayable" naming the state.
    QFuture<core::Result<core::Delivery>> requeue(qint64 deliveryId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    void loadFailed(const wb::core::Error &error);
    // A refresh's first window is in.
    void firstPageLoaded();

private:
    struct Page
    {
        QList<core::DeliveryTriageRow> rows;
        qint64 total = -1;
        QHash<qint64, QString> connections;
    };
    void requestPage(bool first);
    QString displayText(const core::DeliveryTriageRow &row, int column) const;

    template<typename T>
    QFuture<core::Result<T>> refreshAfter(QFuture<core::Result<T>> future);

    core::Store &m_store;
    core::DeliveryTriageFilter m_filter;
    QList<core::DeliveryTriageRow> m_rows;
    QHash<qint64, QString> m_connections;
    quint64 m_token = 0;
    bool m_loading = false;
    bool m_exhausted = false;
    qint64 m_total = -1;
};

// A delivery's state for people ("dead-lettered", "retrying", …).
QString deliveryStateText(const core::Delivery &delivery);

} // namespace wb::models
