// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inbound/inboundeventlistmodel.h"

#include "core/store/connectionrepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"
#include "core/util/futures.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

core::Result<qint64> readNewestId(core::SqlSession &session)
{
    return core::InboundEventRepository::newestId(session);
}

} // namespace

// The names the table shows instead of ids, and the choices of the filter bar: every tenant and
// connection (small tables, read with a first page and when new events name one not known).
core::Result<InboundEventListModel::Labels> InboundEventListModel::readLabels(
        core::SqlSession &session)
{
    const auto tenants = core::TenantRepository::list(session);
    if (!tenants)
        return core::fail(tenants.error());
    const auto connections = core::ConnectionRepository::list(session, std::nullopt);
    if (!connections)
        return core::fail(connections.error());
    Labels labels;
    for (const core::Tenant &tenant : *tenants)
        labels.tenants.insert(tenant.id, tenant.displayName);
    for (const core::Connection &connection : *connections) {
        const QString system = connection.label.isEmpty()
                                       ? connection.providerId
                                       : u"%1 (%2)"_s.arg(connection.providerId, connection.label);
        labels.connections.insert(connection.id,
                                  u"%1 · %2"_s.arg(labels.tenants.value(connection.tenantId),
                                                   system));
        labels.connectionTenant.insert(connection.id, connection.tenantId);
        labels.providers.append(connection.providerId);
    }
    auto providers = core::InboundEventRepository::distinctValues(session,
                                                                  core::InboundEventSort::Provider);
    if (!providers)
        return core::fail(providers.error());
    labels.providers += *providers;
    labels.providers.sort();
    labels.providers.removeDuplicates();
    auto eventTypes = core::InboundEventRepository::distinctValues(session,
                                                                   core::InboundEventSort::EventType);
    if (!eventTypes)
        return core::fail(eventTypes.error());
    labels.eventTypes = std::move(*eventTypes);
    return labels;
}

InboundEventListModel::InboundEventListModel(core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_pollTimer.setInterval(pollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &InboundEventListModel::pollNewEvents);
    refresh();
}

InboundEventListModel::~InboundEventListModel() = default;

void InboundEventListModel::setFilter(const core::InboundEventFilter &filter)
{
    const core::InboundEventSort sort = m_filter.sort;
    const bool ascending = m_filter.ascending;
    m_filter = filter;
    m_filter.sort = sort;
    m_filter.ascending = ascending;
    refresh();
}

void InboundEventListModel::refresh()
{
    ++m_token;
    beginResetModel();
    m_rows.clear();
    m_exhausted = false;
    m_firstPageIn = false;
    m_total = -1;
    m_newArrivals = 0;
    endResetModel();
    Q_EMIT totalCountChanged(m_total);
    Q_EMIT newArrivalsChanged(0);
    requestPage(true);
    requestCount();
}

void InboundEventListModel::setLive(bool live)
{
    if (live)
        m_pollTimer.start();
    else
        m_pollTimer.stop();
}

void InboundEventListModel::requestPage(bool first)
{
    core::InboundEventFilter filter = m_filter;
    filter.limit = pageSize;
    filter.withBodies = false;
    filter.idAbove.reset();
    if (!first && !m_rows.isEmpty())
        filter.after = core::InboundEventCursor::after(m_rows.constLast(), filter.sort);
    else
        filter.after.reset();
    setLoading(true);
    const quint64 token = m_token;
    QFuture<core::Result<Page>> future = m_store.read(
            [filter, first](core::SqlSession &session) -> core::Result<Page> {
                Page page;
                auto events = core::InboundEventRepository::list(session, filter);
                if (!events)
                    return core::fail(events.error());
                page.events = std::move(*events);
                if (!first)
                    return page;
                const auto newest = readNewestId(session);
                if (!newest)
                    return core::fail(newest.error());
                page.newestId = *newest;
                auto labels = readLabels(session);
                if (!labels)
                    return core::fail(labels.error());
                page.labels = std::move(*labels);
                return page;
            });
    core::whenFinished(future, this, [this, token, first](const core::Result<Page> &page) {
        onPage(token, first, page);
    });
}

void InboundEventListModel::onPage(quint64 token, bool first, const core::Result<Page> &page)
{
    if (token != m_token)
        return;
    if (!page) {
        m_exhausted = true; // no retry loop from canFetchMore; refresh() tries again
        setLoading(false);
        Q_EMIT loadFailed(page.error());
        if (first)
            Q_EMIT firstPageLoaded();
        return;
    }
    if (page->labels) {
        m_labels = *page->labels;
        Q_EMIT labelsChanged();
    }
    if (first) {
        m_newestId = page->newestId;
        m_firstPageIn = true;
    }
    m_exhausted = page->events.size() < pageSize;
    if (!page->events.isEmpty()) {
        const int from = int(m_rows.size());
        beginInsertRows({}, from, from + int(page->events.size()) - 1);
        m_rows.append(page->events);
        endInsertRows();
    }
    setLoading(false);
    if (first)
        Q_EMIT firstPageLoaded();
}

void InboundEventListModel::requestCount()
{
    const core::InboundEventFilter filter = m_filter;
    const quint64 token = m_token;
    QFuture<core::Result<qint64>> future = m_store.read([filter](core::SqlSession &session) {
        return core::InboundEventRepository::count(session, filter);
    });
    core::whenFinished(future, this, [this, token](const core::Result<qint64> &count) {
        if (token != m_token)
            return;
        if (!count) {
            Q_EMIT loadFailed(count.error());
            return;
        }
        m_total = *count;
        Q_EMIT totalCountChanged(m_total);
    });
}

void InboundEventListModel::pollNewEvents()
{
    if (m_polling)
        return;
    if (!m_firstPageIn) {
        Q_EMIT pollFinished(0); // the first page reads the newest id itself
        return;
    }
    core::InboundEventFilter filter = m_filter;
    filter.after.reset();
    filter.idAbove = m_newestId;
    filter.withBodies = false;
    filter.sort = core::InboundEventSort::ReceivedAt;
    filter.ascending = false;
    filter.limit = pageSize;
    const quint64 token = m_token;
    m_polling = true;
    QFuture<core::Result<Page>> future = m_store.read(
            [filter](core::SqlSession &session) -> core::Result<Page> {
                Page page;
                const auto newest = readNewestId(session);
                if (!newest)
                    return core::fail(newest.error());
                page.newestId = *newest;
                if (page.newestId <= *filter.idAbove)
                    return page;
                auto events = core::InboundEventRepository::list(session, filter);
                if (!events)
                    return core::fail(events.error());
                page.events = std::move(*events);
                if (!page.events.isEmpty()) { // they may name a tenant or connection added since
                    auto labels = readLabels(session);
                    if (!labels)
                        return core::fail(labels.error());
                    page.labels = std::move(*labels);
                }
                return page;
            });
    core::whenFinished(future, this, [this, token](const core::Result<Page> &page) {
        m_polling = false;
        const int inserted = token == m_token && page ? applyNewEvents(*page) : 0;
        Q_EMIT pollFinished(inserted);
    });
}

int InboundEventListModel::applyNewEvents(const Page &page)
{
    m_newestId = qMax(m_newestId, page.newestId);
    if (page.labels
        && (page.labels->tenants != m_labels.tenants
            || page.labels->connections != m_labels.connections
            || page.labels->providers != m_labels.providers
            || page.labels->eventTypes != m_labels.eventTypes)) {
        m_labels = *page.labels;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, Tenant), index(int(m_rows.size()) - 1, Connection));
        Q_EMIT labelsChanged();
    }
    if (page.events.isEmpty())
        return 0;
    const bool defaultOrder = m_filter.sort == core::InboundEventSort::ReceivedAt
                              && !m_filter.ascending;
    if (!defaultOrder) {
        m_newArrivals += int(page.events.size());
        Q_EMIT newArrivalsChanged(m_newArrivals);
        return 0;
    }
    if (page.events.size() >= pageSize) {
        // More arrived than one batch: the rows in between are unknown; start again.
        refresh();
        return 0;
    }
    beginInsertRows({}, 0, int(page.events.size()) - 1);
    m_rows = page.events + m_rows;
    endInsertRows();
    if (m_total >= 0) {
        m_total += page.events.size();
        Q_EMIT totalCountChanged(m_total);
    }
    return int(page.events.size());
}

void InboundEventListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

int InboundEventListModel::rowOf(qint64 eventId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == eventId)
            return int(row);
    }
    return -1;
}

QFuture<core::Result<core::InboundEvent>> InboundEventListModel::event(qint64 eventId) const
{
    return m_store.read([eventId](core::SqlSession &session) {
        return core::InboundEventRepository::get(session, eventId);
    });
}

QString InboundEventListModel::connectionLabel(std::optional<qint64> connectionId) const
{
    if (!connectionId)
        return {};
    return m_labels.connections.value(*connectionId, tr("connection %1").arg(*connectionId));
}

QString InboundEventListModel::unresolvedTenantText(const core::InboundEvent &event)
{
    // identityOutcome's codes (inboundevent.h) in words: the table shows names, not codes.
    if (event.handshake)
        return tr("— (handshake)");
    if (event.identityOutcome == u"no_mapping") {
        return event.identityValue.isEmpty() ? tr("— (no identity mapping)")
                                             : tr("— (%1 not mapped)").arg(event.identityValue);
    }
    if (event.identityOutcome == u"field_missing")
        return tr("— (no account id in the payload)");
    if (event.identityOutcome == u"empty_value")
        return tr("— (empty account id)");
    return tr("— (not resolved)");
}

QList<std::pair<qint64, QString>> InboundEventListModel::tenantChoices() const
{
    QList<std::pair<qint64, QString>> choices;
    for (auto it = m_labels.tenants.cbegin(); it != m_labels.tenants.cend(); ++it)
        choices.append({it.key(), it.value()});
    std::sort(choices.begin(), choices.end(), [](const auto &a, const auto &b) {
        return a.second.localeAwareCompare(b.second) < 0;
    });
    return choices;
}

QList<std::pair<qint64, QString>> InboundEventListModel::connectionChoices(
        std::optional<qint64> tenantId) const
{
    QList<std::pair<qint64, QString>> choices;
    for (auto it = m_labels.connections.cbegin(); it != m_labels.connections.cend(); ++it) {
        if (!tenantId || m_labels.connectionTenant.value(it.key()) == *tenantId)
            choices.append({it.key(), it.value()});
    }
    std::sort(choices.begin(), choices.end(), [](const auto &a, const auto &b) {
        return a.second.localeAwareCompare(b.second) < 0;
    });
    return choices;
}

QStringList InboundEventListModel::providerChoices() const
{
    return m_labels.providers;
}

QStringList InboundEventListModel::eventTypeChoices() const
{
    return m_labels.eventTypes;
}

QString InboundEventListModel::tenantLabel(std::optional<qint64> tenantId) const
{
    if (!tenantId)
        return {};
    return m_labels.tenants.value(*tenantId, tr("tenant %1").arg(*tenantId));
}

int InboundEventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InboundEventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columnCountValue;
}

QString InboundEventListModel::displayText(const core::InboundEvent &event, int column) const
{
    switch (Column(column)) {
    case Received:
        return QDateTime::fromMSecsSinceEpoch(event.receivedAtMs, Qt::LocalTime)
                .toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    case Tenant:
        return event.tenantId ? tenantLabel(event.tenantId) : unresolvedTenantText(event);
    case Connection:
        return event.connectionId ? connectionLabel(event.connectionId) : tr("—");
    case Provider:
        return event.providerId;
    case EventType:
        if (event.handshake)
            return tr("handshake: %1").arg(event.handshakeKind);
        return event.eventType;
    case Verdict:
        switch (event.verdict) {
        case core::InboundVerdict::Verified:
            return tr("verified");
        case core::InboundVerdict::Failed:
            return tr("failed: %1").arg(event.verificationReason);
        case core::InboundVerdict::Unsigned:
            return tr("unsigned");
        }
        break;
    case Size:
        return QLocale().formattedDataSize(event.bodySize, 1, QLocale::DataSizeTraditionalFormat);
    case Forwarding:
        switch (event.forwardingState) {
        case core::ForwardingState::None:
            return tr("not forwarded");
        case core::ForwardingState::Pending:
            return tr("pending");
        case core::ForwardingState::Queued:
            return tr("queued (delivery %1)").arg(event.deliveryId.value_or(0));
        case core::ForwardingState::Forwarded:
            return event.forwardCount > 1 ? tr("forwarded (%1×)").arg(event.forwardCount)
                                          : tr("forwarded");
        case core::ForwardingState::Failed:
            return tr("forwarding failed");
        }
        break;
    }
    return {};
}

QVariant InboundEventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::InboundEvent &event = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(event, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Verdict && !event.verificationExplanation.isEmpty())
            return event.verificationExplanation;
        if (index.column() == Tenant && !event.resolutionExplanation.isEmpty())
            return event.resolutionExplanation;
        if (index.column() == Forwarding && !event.forwardingNote.isEmpty())
            return event.forwardingNote;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Verdict && event.verdict == core::InboundVerdict::Failed)
            return QBrush(QColor(0xb0, 0x1e, 0x1e));
        if (index.column() == Forwarding && event.forwardingState == core::ForwardingState::Failed)
            return QBrush(QColor(0xb0, 0x1e, 0x1e));
        return {};
    case IdRole:
        return event.id;
    case ReceivedAtMsRole:
        return event.receivedAtMs;
    case VerdictRole:
        return int(event.verdict);
    case ForwardingRole:
        return int(event.forwardingState);
    case ValueRole:
        switch (Column(index.column())) {
        case Received:
            return QDateTime::fromMSecsSinceEpoch(event.receivedAtMs, Qt::UTC);
        case Tenant:
            return event.tenantId ? QVariant(*event.tenantId) : QVariant();
        case Connection:
            return event.connectionId ? QVariant(*event.connectionId) : QVariant();
        case Provider:
            return event.providerId;
        case EventType:
            return event.eventType;
        case Verdict:
            return core::nameOf(event.verdict);
        case Size:
            return event.bodySize;
        case Forwarding:
            return core::nameOf(event.forwardingState);
        }
        return {};
    default:
        return {};
    }
}

QVariant InboundEventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Received:
        return tr("Received");
    case Tenant:
        return tr("Tenant");
    case Connection:
        return tr("Connection");
    case Provider:
        return tr("Provider");
    case EventType:
        return tr("Event type");
    case Verdict:
        return tr("Verdict");
    case Size:
        return tr("Size");
    case Forwarding:
        return tr("Forwarding");
    }
    return {};
}

bool InboundEventListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_rows.isEmpty();
}

void InboundEventListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_loading || m_exhausted)
        return;
    requestPage(false);
}

std::optional<core::InboundEventSort> InboundEventListModel::sortFor(int column)
{
    switch (Column(column)) {
    case Received:
        return core::InboundEventSort::ReceivedAt;
    case Provider:
        return core::InboundEventSort::Provider;
    case EventType:
        return core::InboundEventSort::EventType;
    case Verdict:
        return core::InboundEventSort::Verdict;
    case Size:
        return core::InboundEventSort::BodySize;
    case Forwarding:
        return core::InboundEventSort::Forwarding;
    case Tenant:
    case Connection:
        break;
    }
    return std::nullopt;
}

void InboundEventListModel::sort(int column, Qt::SortOrder order)
{
    const auto sort = sortFor(column);
    if (!sort)
        return;
    const bool ascending = order == Qt::AscendingOrder;
    if (m_filter.sort == *sort && m_filter.ascending == ascending)
        return;
    m_filter.sort = *sort;
    m_filter.ascending = ascending;
    refresh();
}

QHash<int, QByteArray> InboundEventListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ValueRole, "value");
    names.insert(IdRole, "id");
    names.insert(VerdictRole, "verdict");
    names.insert(ForwardingRole, "forwarding");
    names.insert(ReceivedAtMsRole, "receivedAtMs");
    return names;
}

} // namespace wb::models
