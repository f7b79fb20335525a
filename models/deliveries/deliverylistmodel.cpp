// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/deliveries/deliverylistmodel.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/store/connectionrepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"
#include "core/util/futures.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace wb::models {

QString deliveryStateText(const core::Delivery &delivery)
{
    switch (delivery.state) {
    case core::DeliveryState::Pending:
        return delivery.attemptCount > 0 ? DeliveryListModel::tr("retrying")
                                         : DeliveryListModel::tr("pending");
    case core::DeliveryState::InFlight:
        return DeliveryListModel::tr("in flight");
    case core::DeliveryState::Succeeded:
        return DeliveryListModel::tr("succeeded");
    case core::DeliveryState::Failed:
        return DeliveryListModel::tr("failed");
    case core::DeliveryState::Dead:
        return DeliveryListModel::tr("dead-lettered");
    case core::DeliveryState::Cancelled:
        return DeliveryListModel::tr("cancelled");
    }
    return {};
}

DeliveryListModel::DeliveryListModel(core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    refresh();
}

DeliveryListModel::~DeliveryListModel() = default;

void DeliveryListModel::setFilter(const core::DeliveryTriageFilter &filter)
{
    m_filter = filter;
    refresh();
}

void DeliveryListModel::refresh()
{
    ++m_token;
    beginResetModel();
    m_rows.clear();
    m_exhausted = false;
    endResetModel();
    requestPage(true);
}

void DeliveryListModel::requestPage(bool first)
{
    core::DeliveryTriageFilter filter = m_filter;
    filter.offset = first ? 0 : int(m_rows.size());
    filter.limit = pageSize;
    m_loading = true;
    const quint64 token = m_token;
    QFuture<core::Result<Page>> future = m_store.read(
            [filter, first](core::SqlSession &session) -> core::Result<Page> {
                Page page;
                auto rows = core::DeliveryTriageRepository::page(session, filter);
                if (!rows)
                    return core::fail(rows.error());
                page.rows = std::move(*rows);
                if (!first)
                    return page;
                const auto total = core::DeliveryTriageRepository::count(session, filter);
                if (!total)
                    return core::fail(total.error());
                page.total = *total;
                const auto tenants = core::TenantRepository::list(session);
                const auto connections = core::ConnectionRepository::list(session, std::nullopt);
                if (!tenants || !connections)
                    return core::fail(tenants ? connections.error() : tenants.error());
                QHash<qint64, QString> tenantNames;
                for (const core::Tenant &tenant : *tenants)
                    tenantNames.insert(tenant.id, tenant.displayName);
                for (const core::Connection &connection : *connections) {
                    page.connections.insert(connection.id,
                                            u"%1 · %2"_s.arg(tenantNames.value(connection.tenantId),
                                                             connection.providerId));
                }
                return page;
            });
    core::whenFinished(future, this, [this, token, first](const core::Result<Page> &page) {
        if (token != m_token)
            return;
        m_loading = false;
        if (!page) {
            m_exhausted = true;
            Q_EMIT loadFailed(page.error());
            if (first)
                Q_EMIT firstPageLoaded();
            return;
        }
        if (first) {
            m_connections = page->connections;
            m_total = page->total;
            Q_EMIT totalCountChanged(m_total);
        }
        m_exhausted = page->rows.size() < pageSize;
        if (!page->rows.isEmpty()) {
            const int from = int(m_rows.size());
            beginInsertRows({}, from, from + int(page->rows.size()) - 1);
            m_rows.append(page->rows);
            endInsertRows();
        }
        if (first)
            Q_EMIT firstPageLoaded();
    });
}

template<typename T>
QFuture<core::Result<T>> DeliveryListModel::refreshAfter(QFuture<core::Result<T>> future)
{
    core::whenFinished(future, this, [this](const core::Result<T> &result) {
        if (result)
            refresh();
    });
    return future;
}

QFuture<core::Result<bool>> DeliveryListModel::retryNow(qint64 deliveryId)
{
    return refreshAfter(m_store.write([deliveryId](core::SqlSession &session) {
        return core::DeliveryTriageRepository::retryNow(session, deliveryId, session.nowMs());
    }));
}

QFuture<core::Result<bool>> DeliveryListModel::cancel(qint64 deliveryId)
{
    return refreshAfter(m_store.write([deliveryId](core::SqlSession &session) {
        return core::DeliveryRepository::cancel(session, deliveryId);
    }));
}

QFuture<core::Result<core::Delivery>> DeliveryListModel::requeue(qint64 deliveryId)
{
    return refreshAfter(m_store.write([deliveryId](core::SqlSession &session) {
        return core::DeliveryRepository::replay(session, deliveryId);
    }));
}

int DeliveryListModel::rowOf(qint64 deliveryId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).delivery.id == deliveryId)
            return int(row);
    }
    return -1;
}

int DeliveryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeliveryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columnCountValue;
}

QString DeliveryListModel::displayText(const core::DeliveryTriageRow &row, int column) const
{
    const core::Delivery &d = row.delivery;
    switch (Column(column)) {
    case State:
        return deliveryStateText(d);
    case Destination:
        return d.url.toDisplayString();
    case Connection:
        if (!d.connectionId)
            return tr("ad hoc");
        return m_connections.value(*d.connectionId, tr("connection %1").arg(*d.connectionId));
    case Attempts:
        return QString::number(d.attemptCount);
    case LastStatus:
        if (row.lastStatus)
            return QString::number(*row.lastStatus);
        return row.lastErrorKind.isEmpty() ? tr("—") : row.lastErrorKind;
    case NextAttempt:
        if (d.state != core::DeliveryState::Pending)
            return tr("—");
        return QDateTime::fromMSecsSinceEpoch(d.nextAttemptAtMs, Qt::LocalTime)
                .toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case Reason:
        return d.lastReason;
    }
    return {};
}

QVariant DeliveryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::DeliveryTriageRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Reason || index.column() == State)
            return row.delivery.lastReason;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == State
            && (row.delivery.state == core::DeliveryState::Dead
                || row.delivery.state == core::DeliveryState::Failed))
            return QBrush(QColor(0xb0, 0x1e, 0x1e));
        return {};
    case IdRole:
        return row.delivery.id;
    case StateRole:
        return int(row.delivery.state);
    case ValueRole:
        switch (Column(index.column())) {
        case State:
            return core::nameOf(row.delivery.state);
        case Destination:
            return row.delivery.url;
        case Connection:
            return row.delivery.connectionId ? QVariant(*row.delivery.connectionId) : QVariant();
        case Attempts:
            return row.delivery.attemptCount;
        case LastStatus:
            return row.lastStatus ? QVariant(*row.lastStatus) : QVariant();
        case NextAttempt:
            return QDateTime::fromMSecsSinceEpoch(row.delivery.nextAttemptAtMs, Qt::UTC);
        case Reason:
            return row.delivery.lastReason;
        }
        return {};
    default:
        return {};
    }
}

QVariant DeliveryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case State:
        return tr("State");
    case Destination:
        return tr("Destination");
    case Connection:
        return tr("Connection");
    case Attempts:
        return tr("Attempts");
    case LastStatus:
        return tr("Last status");
    case NextAttempt:
        return tr("Next attempt");
    case Reason:
        return tr("Reason");
    }
    return {};
}

bool DeliveryListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_rows.isEmpty();
}

void DeliveryListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_loading || m_exhausted)
        return;
    requestPage(false);
}

} // namespace wb::models
