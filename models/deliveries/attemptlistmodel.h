// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "core/util/result.h"
#include "models/roles.h"

#include <QAbstractTableModel>

namespace wb::core {
class Store;
}

namespace wb::models {

// The attempts of one delivery (core::DeliveryRepository::attempts, on a reader thread): number,
// start, duration, status, the engine's decision, the wait it chose and until when, and the
// decision's reason as logged (for example "429, Retry-After 120 s, parked until 14:02:10Z").
//
// Thread: GUI thread. `store` (not owned) must outlive the model.
class AttemptListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttemptListModel)

public:
    enum Column { Number, Started, Duration, Status, Decision, Wait, NextAttempt, Reason };
    Q_ENUM(Column)
    static constexpr int columnCountValue = Reason + 1;

    explicit AttemptListModel(core::Store &store, QObject *parent = nullptr);

    // Loads delivery `deliveryId`'s attempts (0 clears). A newer call wins.
    void setDelivery(qint64 deliveryId);
    qint64 deliveryId() const { return m_deliveryId; }
    const core::AttemptRecord &attemptAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const wb::core::Error &error);

private:
    core::Store &m_store;
    qint64 m_deliveryId = 0;
    quint64 m_token = 0;
    QList<core::AttemptRecord> m_rows;
};

// "120 s", "2 min 5 s", "1 h 3 min", "250 ms".
QString waitText(qint64 ms);

} // namespace wb::models
