// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/events/inboundeventrepository.h"
#include "core/util/result.h"
#include "models/roles.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QHash>
#include <QStringList>
#include <QTimer>

namespace wb::core {
class Store;
}

namespace wb::models {

// The inbound events of a workspace as a table that stays fast at a million rows: it never loads
// them all. Rows come in pages of `pageSize` through keyset paging in SQL
// (core::InboundEventRepository::list on one of the Store's reader threads), the next page when a
// view asks (canFetchMore/fetchMore: scrolling to the end). Filtering and sorting are the SQL
// query's (core::InboundEventFilter: free text, connection, tenant, provider, event type, verdict,
// time range; sort()), never a proxy over the rows fetched so far. Bodies are not loaded: rows
// carry bodySize; event() loads one event with its bytes.
//
// New arrivals: pollNewEvents() (a timer every `pollIntervalMs` while live) asks for events with
// an id above the newest seen and, in the default order (newest first), inserts them at the top
// in one batch; in another order it only counts them (newArrivals()) until the next refresh().
//
// Answers that arrive after the filter or sort changed are dropped (a request token).
//
// Thread: GUI thread. `store` (not owned) must outlive the model.
class InboundEventListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboundEventListModel)

public:
    enum Column { Received, Tenant, Connection, Provider, EventType, Verdict, Size, Forwarding };
    Q_ENUM(Column)
    static constexpr int columnCountValue = Forwarding + 1;

    enum Role : int {
        VerdictRole = FirstModelRole, // core::InboundVerdict as int
        ForwardingRole,               // core::ForwardingState as int
        ReceivedAtMsRole,             // qint64, UTC ms
    };

    static constexpr int pageSize = 200;
    static constexpr int pollIntervalMs = 1'000;

    explicit InboundEventListModel(core::Store &store, QObject *parent = nullptr);
    ~InboundEventListModel() override;

    core::Store &store() const { return m_store; }
    // Replaces the filter (its paging fields, sort and limit are the model's own) and reloads.
    void setFilter(const core::InboundEventFilter &filter);
    const core::InboundEventFilter &filter() const { return m_filter; }
    // Reloads the first page (and the labels, and the total).
    void refresh();
    // Follow new arrivals (polling the store; also sees events written by wirebench-cli serve).
    void setLive(bool live);
    bool isLive() const { return m_pollTimer.isActive(); }
    // Looks for events newer than the newest seen (see the class comment).
    void pollNewEvents();

    // The rows matching the filter in the whole table (-1 until counted).
    qint64 totalCount() const { return m_total; }
    // Events that arrived after the last refresh and are not shown (another sort than the default).
    int newArrivals() const { return m_newArrivals; }
    bool isLoading() const { return m_loading; }
    // The event of `row` without its body (bodySize is set).
    const core::InboundEvent &eventAt(int row) const { return m_rows.at(row); }
    // The row showing event `eventId`, -1 when it is not loaded.
    int rowOf(qint64 eventId) const;
    // One event with its bytes, from a reader thread. Error `store.unknown_inbound_event`.
    QFuture<core::Result<core::InboundEvent>> event(qint64 eventId) const;
    // "Acme Corp · github" for a connection id, from the labels read with the first page.
    QString connectionLabel(std::optional<qint64> connectionId) const;
    QString tenantLabel(std::optional<qint64> tenantId) const;
    // The Tenant column of an event without a tenant: why, in words ("— (T0001 not mapped)").
    static QString unresolvedTenantText(const core::InboundEvent &event);
    // The filter bar's choices (id, label), by label: the workspace's tenants, its connections
    // (only `tenantId`'s when given), the providers of its connections and events, the event types
    // stored (InboundEventRepository::distinctValues). Read with the first page and when new
    // events arrive; labelsChanged() says when they changed.
    QList<std::pair<qint64, QString>> tenantChoices() const;
    QList<std::pair<qint64, QString>> connectionChoices(std::optional<qint64> tenantId = {}) const;
    QStringList providerChoices() const;
    QStringList eventTypeChoices() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Sorting is SQL's: every column but Tenant and Connection (names live in other tables).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QHash<int, QByteArray> roleNames() const override;

    // The column's SQL sort, nullopt for a column that cannot be sorted.
    static std::optional<core::InboundEventSort> sortFor(int column);

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    void loadingChanged(bool loading);
    // A page or count could not be read (the rows already shown stay).
    void loadFailed(const wb::core::Error &error);
    // A refresh's first page is in (also when it is empty).
    void firstPageLoaded();
    void newArrivalsChanged(int count);
    // The tenant and connection names (and so the filter choices) were read again.
    void labelsChanged();
    // A pollNewEvents() answered: `inserted` rows went in at the top (0: none, or another order).
    void pollFinished(int inserted);

private:
    struct Labels
    {
        QHash<qint64, QString> connections;
        QHash<qint64, QString> tenants;
        QHash<qint64, qint64> connectionTenant;
        QStringList providers;  // of the connections and of the events stored
        QStringList eventTypes; // of the events stored
    };
    static core::Result<Labels> readLabels(core::SqlSession &session);
    bool knowsLabelsOf(const QList<core::InboundEvent> &events) const;
    struct Page
    {
        QList<core::InboundEvent> events;
        std::optional<Labels> labels;
        qint64 newestId = 0;
    };

    void requestPage(bool first);
    void onPage(quint64 token, bool first, const core::Result<Page> &page);
    void requestCount();
    int applyNewEvents(const Page &page);
    void setLoading(bool loading);
    QString displayText(const core::InboundEvent &event, int column) const;

    core::Store &m_store;
    core::InboundEventFilter m_filter;
    QList<core::InboundEvent> m_rows;
    Labels m_labels;
    quint64 m_token = 0;
    bool m_loading = false;
    bool m_exhausted = false;
    bool m_polling = false;
    bool m_firstPageIn = false;
    qint64 m_total = -1;
    qint64 m_newestId = 0;
    int m_newArrivals = 0;
    QTimer m_pollTimer;
};

} // namespace wb::models
