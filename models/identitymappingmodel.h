// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/identitymapping.h"
#include "models/roles.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <functional>
#include <optional>

namespace wb::core {
class Store;
}

namespace wb::models {

// The identity mappings of one connection (or of one tenant), for the connection page: which
// external account ids (Slack team_id, GitHub installation.id, …) route events to the tenant.
//
// Loads asynchronously from Store::identityMappings() (empty until the answer arrives), then
// follows the store's identityMapping* signals with row inserts, removals and dataChanged — never a
// reset. Rows are ordered by provider, then external account id. Changing the scope (setScope)
// removes the old rows and loads the new ones.
//
// Thread: the GUI thread. The store is not owned and must outlive the model.
class IdentityMappingModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdentityMappingModel)

public:
    enum Column { ExternalAccountColumn, ProviderColumn, NoteColumn, CreatedColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role : int {
        MappingRole = FirstModelRole, // QVariant<wb::core::IdentityMapping>
        ExternalAccountIdRole,        // QString
        ConnectionIdRole,             // qint64, 0 when the mapping has no connection
        CreatedAtRole,                // QDateTime UTC
    };
    Q_ENUM(Role)

    explicit IdentityMappingModel(core::Store *store, QObject *parent = nullptr);

    // Which mappings to show: those of `tenantId` and, when `connectionId` is set, only those of
    // that connection. A tenant id of 0 shows nothing.
    void setScope(qint64 tenantId, std::optional<qint64> connectionId = {});
    bool isLoaded() const { return m_loaded; }
    QString loadError() const { return m_loadError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loaded();

private:
    bool inScope(const core::IdentityMapping &mapping) const;
    int rowOf(qint64 mappingId) const;
    int insertRowFor(const core::IdentityMapping &mapping) const;
    void insert(const core::IdentityMapping &mapping);
    void onAdded(const core::IdentityMapping &mapping);
    void onUpdated(const core::IdentityMapping &mapping);
    void onRemoved(qint64 mappingId);

    QPointer<core::Store> m_store;
    qint64 m_tenantId = 0;
    std::optional<qint64> m_connectionId;
    QList<core::IdentityMapping> m_rows;
    quint64 m_generation = 0; // drops answers of an older scope
    bool m_loaded = false;
    QString m_loadError;
};

} // namespace wb::models
