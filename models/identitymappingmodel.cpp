// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/identitymappingmodel.h"

#include "core/store/store.h"
#include "core/util/futures.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

bool mappingLess(const core::IdentityMapping &a, const core::IdentityMapping &b)
{
    if (a.providerId != b.providerId)
        return a.providerId < b.providerId;
    if (a.externalAccountId != b.externalAccountId)
        return a.externalAccountId < b.externalAccountId;
    return a.id < b.id;
}

} // namespace

IdentityMappingModel::IdentityMappingModel(core::Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &core::Store::identityMappingAdded, this, &IdentityMappingModel::onAdded);
    connect(store, &core::Store::identityMappingUpdated, this, &IdentityMappingModel::onUpdated);
    connect(store, &core::Store::identityMappingRemoved, this,
            [this](qint64 mappingId, qint64) { onRemoved(mappingId); });
}

void IdentityMappingModel::setScope(qint64 tenantId, std::optional<qint64> connectionId)
{
    if (tenantId == m_tenantId && connectionId == m_connectionId && m_loaded)
        return;
    m_tenantId = tenantId;
    m_connectionId = connectionId;
    const quint64 generation = ++m_generation;
    if (!m_rows.isEmpty()) {
        beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        endRemoveRows();
    }
    m_loaded = false;
    m_loadError.clear();
    if (tenantId == 0 || !m_store) {
        m_loaded = true;
        Q_EMIT loaded();
        return;
    }
    core::IdentityMappingFilter filter;
    filter.tenantId = tenantId;
    core::whenFinished(m_store->identityMappings(filter), this,
                       [this, generation](const core::Result<QList<core::IdentityMapping>> &r) {
                           if (generation != m_generation)
                               return; // the scope changed meanwhile
                           if (r) {
                               // Signals that arrived during the load may already have inserted
                               // some of these rows: insert() skips those.
                               for (const core::IdentityMapping &mapping : *r) {
                                   if (inScope(mapping) && rowOf(mapping.id) < 0)
                                       insert(mapping);
                               }
                           } else {
                               m_loadError = r.error().message;
                           }
                           m_loaded = true;
                           Q_EMIT loaded();
                       });
}

bool IdentityMappingModel::inScope(const core::IdentityMapping &mapping) const
{
    if (m_tenantId == 0 || mapping.tenantId != m_tenantId)
        return false;
    return !m_connectionId || mapping.connectionId == m_connectionId;
}

int IdentityMappingModel::rowOf(qint64 mappingId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == mappingId)
            return row;
    }
    return -1;
}

int IdentityMappingModel::insertRowFor(const core::IdentityMapping &mapping) const
{
    return int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), mapping, mappingLess)
               - m_rows.cbegin());
}

void IdentityMappingModel::insert(const core::IdentityMapping &mapping)
{
    const int row = insertRowFor(mapping);
    beginInsertRows({}, row, row);
    m_rows.insert(row, mapping);
    endInsertRows();
}

void IdentityMappingModel::onAdded(const core::IdentityMapping &mapping)
{
    if (inScope(mapping) && rowOf(mapping.id) < 0)
        insert(mapping);
}

void IdentityMappingModel::onUpdated(const core::IdentityMapping &mapping)
{
    const int row = rowOf(mapping.id);
    if (row >= 0 && !inScope(mapping)) {
        onRemoved(mapping.id);
        return;
    }
    if (row < 0) {
        onAdded(mapping);
        return;
    }
    // Re-sort by removing and inserting when the order key changed; else update in place.
    if (mapping.providerId != m_rows.at(row).providerId
        || mapping.externalAccountId != m_rows.at(row).externalAccountId) {
        onRemoved(mapping.id);
        insert(mapping);
        return;
    }
    m_rows[row] = mapping;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void IdentityMappingModel::onRemoved(qint64 mappingId)
{
    const int row = rowOf(mappingId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int IdentityMappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IdentityMappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IdentityMappingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::IdentityMapping &mapping = m_rows.at(index.row());
    const QDateTime created = QDateTime::fromMSecsSinceEpoch(mapping.createdAtMs, Qt::UTC);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ExternalAccountColumn:
            return mapping.externalAccountId;
        case ProviderColumn:
            return mapping.providerId;
        case NoteColumn:
            return mapping.note;
        case CreatedColumn:
            return QLocale().toString(created.toLocalTime(), QLocale::ShortFormat);
        }
        return {};
    case ValueRole:
        switch (index.column()) {
        case ExternalAccountColumn:
            return mapping.externalAccountId;
        case ProviderColumn:
            return mapping.providerId;
        case NoteColumn:
            return mapping.note;
        case CreatedColumn:
            return created;
        }
        return {};
    case Qt::ToolTipRole:
        return tr("Events from %1 whose account id is “%2” belong to this tenant.")
                .arg(mapping.providerId, mapping.externalAccountId);
    case IdRole:
        return mapping.id;
    case MappingRole:
        return QVariant::fromValue(mapping);
    case ExternalAccountIdRole:
        return mapping.externalAccountId;
    case ConnectionIdRole:
        return mapping.connectionId.value_or(0);
    case CreatedAtRole:
        return created;
    default:
        return {};
    }
}

QVariant IdentityMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ExternalAccountColumn:
        return tr("External account");
    case ProviderColumn:
        return tr("Provider");
    case NoteColumn:
        return tr("Note");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

QHash<int, QByteArray> IdentityMappingModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ValueRole, sharedRoleName(ValueRole));
    names.insert(IdRole, sharedRoleName(IdRole));
    names.insert(MappingRole, "mapping");
    names.insert(ExternalAccountIdRole, "externalAccountId");
    names.insert(ConnectionIdRole, "connectionId");
    names.insert(CreatedAtRole, "createdAt");
    return names;
}

} // namespace wb::models
