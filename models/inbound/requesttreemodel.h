// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/inbound/requestdissection.h"
#include "models/roles.h"

#include <QAbstractItemModel>

namespace wb::models {

// The inspector's packet-detail tree: a RequestDissection's fields (request line, headers, the
// JSON body member by member) as a two-column tree (field, value). Each index knows its byte range
// in the dissection's bytes (ByteOffsetRole, ByteLengthRole), so the bytes view can highlight it,
// and indexAtOffset() answers the field holding a clicked byte.
//
// Thread: GUI thread. Owns a copy of the dissection (build it on a worker: dissectRequest()).
class RequestTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestTreeModel)

public:
    enum Column { FieldColumn, ValueColumn };
    enum Role : int {
        ByteOffsetRole = FirstModelRole, // qsizetype as qlonglong, in dissection().bytes
        ByteLengthRole,
        OverriddenRole, // bool: a duplicate JSON member a later one overrides
        KindRole,       // DissectedField::Kind as int
    };

    explicit RequestTreeModel(QObject *parent = nullptr);

    void setDissection(RequestDissection dissection);
    const RequestDissection &dissection() const { return m_dissection; }
    // The index (column 0) of field `field`, invalid for -1.
    QModelIndex indexOfField(int field) const;
    // The deepest field holding byte `offset` (column 0), invalid when none.
    QModelIndex indexAtOffset(qsizetype offset) const;
    int fieldOf(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const QList<int> &childrenOf(int field) const;
    int rowInParent(int field) const;

    RequestDissection m_dissection;
    QList<int> m_rowInParent; // per field
};

} // namespace wb::models
