// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inbound/inboundview.h"

#include "core/dispatch/dispatcher.h"
#include "core/util/futures.h"
#include "models/inbound/inboundeventlistmodel.h"
#include "ui/inbound/bulkredeliverydialog.h"
#include "ui/inbound/inboundactionbar.h"
#include "ui/inbound/inboundeventinspector.h"
#include "ui/widgets/emptystatewidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {
constexpr qint64 minuteMs = 60'000;
}

InboundView::InboundView(QWidget *parent)
    : StackedView(u"inboundEmptyState"_s, u":/icons/empty-inbound.svg"_s, parent)
    , m_content(new QWidget(this))
    , m_search(new QLineEdit(m_content))
    , m_tenant(new QComboBox(m_content))
    , m_connection(new QComboBox(m_content))
    , m_provider(new QComboBox(m_content))
    , m_eventType(new QLineEdit(m_content))
    , m_eventTypes(new QStringListModel(this))
    , m_verdict(new QComboBox(m_content))
    , m_forwarding(new QComboBox(m_content))
    , m_range(new QComboBox(m_content))
    , m_live(new QCheckBox(tr("Live"), m_content))
    , m_status(new QLabel(m_content))
    , m_bulk(new QPushButton(tr("Re-deliver &many…"), m_content))
    , m_table(new QTableView(m_content))
    , m_inspector(new InboundEventInspector(m_content))
    , m_actions(new InboundActionBar(m_content))
    , m_filterTimer(new QTimer(this))
{
    emptyState()->setTitle(tr("No webhooks received yet"));
    emptyState()->setDescription(
            tr("Register the receiver URL shown in the status bar with a provider, or send a "
               "sample event with <code>wirebench-cli trigger</code>. Every request is stored "
               "byte for byte with its verification verdict and tenant."));

    m_search->setObjectName(u"inboundSearch"_s);
    m_search->setPlaceholderText(tr("Search event type, provider, event id, account, address…"));
    m_search->setClearButtonEnabled(true);
    m_tenant->setObjectName(u"inboundTenantFilter"_s);
    m_connection->setObjectName(u"inboundConnectionFilter"_s);
    m_provider->setObjectName(u"inboundProviderFilter"_s);
    for (QComboBox *box : {m_tenant, m_connection, m_provider})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_eventType->setObjectName(u"inboundEventTypeFilter"_s);
    m_eventType->setPlaceholderText(tr("Event type"));
    m_eventType->setToolTip(tr("Only events of exactly this type (push, invoice.paid, …)"));
    m_eventType->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_eventTypes, m_eventType);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_eventType->setCompleter(completer);
    updateChoices();
    m_verdict->setObjectName(u"inboundVerdictFilter"_s);
    m_verdict->addItem(tr("Any verdict"));
    m_verdict->addItem(tr("Verified"), int(core::InboundVerdict::Verified));
    m_verdict->addItem(tr("Failed"), int(core::InboundVerdict::Failed));
    m_verdict->addItem(tr("Unsigned"), int(core::InboundVerdict::Unsigned));
    m_forwarding->setObjectName(u"inboundForwardingFilter"_s);
    m_forwarding->addItem(tr("Any forwarding"));
    m_forwarding->addItem(tr("Not forwarded"), int(core::ForwardingState::None));
    m_forwarding->addItem(tr("Pending"), int(core::ForwardingState::Pending));
    m_forwarding->addItem(tr("Queued"), int(core::ForwardingState::Queued));
    m_forwarding->addItem(tr("Forwarded"), int(core::ForwardingState::Forwarded));
    m_forwarding->addItem(tr("Forwarding failed"), int(core::ForwardingState::Failed));
    m_range->setObjectName(u"inboundRangeFilter"_s);
    m_range->addItem(tr("Any time"), qint64(0));
    m_range->addItem(tr("Last 15 minutes"), 15 * minuteMs);
    m_range->addItem(tr("Last hour"), 60 * minuteMs);
    m_range->addItem(tr("Last day"), 24 * 60 * minuteMs);
    m_range->addItem(tr("Last 7 days"), 7 * 24 * 60 * minuteMs);
    m_live->setObjectName(u"inboundLive"_s);
    m_live->setChecked(true);
    m_live->setToolTip(tr("Show new events as they arrive"));
    m_status->setObjectName(u"inboundStatus"_s);

    // Two rows: what to look for, then when and in which state (one row is too wide at 1280 px).
    auto *whoBar = new QHBoxLayout;
    whoBar->addWidget(m_search, 3);
    whoBar->addWidget(m_tenant);
    whoBar->addWidget(m_connection);
    whoBar->addWidget(m_provider);
    whoBar->addWidget(m_eventType, 1);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_verdict);
    bar->addWidget(m_forwarding);
    bar->addWidget(m_range);
    bar->addWidget(m_live);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_bulk);

    m_table->setObjectName(u"inboundTable"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->setWordWrap(false);

    auto *split = new QSplitter(Qt::Vertical, m_content);
    auto *detail = new QWidget(m_content);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_actions);
    detailLayout->addWidget(m_inspector, 1);
    split->addWidget(m_table);
    split->addWidget(detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(m_content);
    layout->addLayout(whoBar);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    m_contentIndex = addContentPage(m_content);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(filterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &InboundView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_eventType, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    for (QComboBox *box : {m_verdict, m_forwarding, m_range, m_connection, m_provider})
        connect(box, &QComboBox::currentIndexChanged, this, &InboundView::applyFilter);
    // A tenant narrows the connection choices to its own (and the filter to the tenant).
    connect(m_tenant, &QComboBox::currentIndexChanged, this, [this] {
        updateChoices();
        applyFilter();
    });
    connect(m_actions, &InboundActionBar::requestLoaded, this,
            [this](const core::InboundEvent &event) {
                m_table->clearSelection();
                m_shownEventId = 0;
                m_inspector->setEvent(event, {}, {});
            });
    connect(m_actions, &InboundActionBar::redeliveryQueued, this, &InboundView::redeliveryQueued);
    m_bulk->setObjectName(u"inboundBulkRedeliver"_s);
    m_bulk->setToolTip(tr("Re-deliver the selected events, or every event the filter matches "
                          "when one or none is selected: a dry run first"));
    connect(m_bulk, &QPushButton::clicked, this, &InboundView::openBulkRedelivery);
    connect(m_live, &QCheckBox::toggled, this, [this](bool live) {
        if (m_model)
            m_model->setLive(live);
    });
}

InboundView::~InboundView() = default;

void InboundView::arrangeColumns()
{
    // The verdict is what a triage looks at first: right after the time. Widths from the font,
    // so that every column fits a window of ordinary width (the forwarding state takes the rest).
    using Model = models::InboundEventListModel;
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(Model::Verdict), 1);
    const QFontMetrics metrics(m_table->font());
    const auto width = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 16;
    };
    // Longer texts are elided; the detail below has them in full.
    header->resizeSection(Model::Received, width(u"2026-11-30 18:01:51.308"_s));
    header->resizeSection(Model::Verdict, width(u"failed: signature_mis"_s));
    header->resizeSection(Model::Tenant, width(u"Acme Corp"_s));
    header->resizeSection(Model::Connection, width(u"Acme Corp · github"_s));
    header->resizeSection(Model::Provider, width(u"shopify"_s));
    header->resizeSection(Model::EventType, width(u"pull_request"_s));
    header->resizeSection(Model::Size, width(u"1023.9 KiB"_s));
}

void InboundView::setModel(models::InboundEventListModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        m_table->horizontalHeader()->setSortIndicator(models::InboundEventListModel::Received,
                                                      Qt::DescendingOrder);
    }
    m_table->setModel(model);
    if (model)
        arrangeColumns();
    updateChoices();
    m_inspector->clear();
    m_actions->clearEvent();
    m_actions->setStore(model ? &model->store() : nullptr);
    m_shownEventId = 0;
    if (model) {
        connect(model, &models::InboundEventListModel::totalCountChanged, this, [this] {
            updateStatus();
            updatePage();
        });
        connect(model, &models::InboundEventListModel::loadingChanged, this,
                &InboundView::updateStatus);
        connect(model, &models::InboundEventListModel::newArrivalsChanged, this,
                &InboundView::updateStatus);
        connect(model, &QAbstractItemModel::rowsInserted, this, &InboundView::updateStatus);
        connect(model, &models::InboundEventListModel::labelsChanged, this,
                &InboundView::updateChoices);
        connect(model, &models::InboundEventListModel::loadFailed, this,
                [this](const core::Error &error) { m_status->setText(error.message); });
        connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &InboundView::onCurrentRowChanged);
        m_table->setColumnWidth(models::InboundEventListModel::Received, 180);
        m_table->setColumnWidth(models::InboundEventListModel::Tenant, 130);
        m_table->setColumnWidth(models::InboundEventListModel::Connection, 190);
        m_table->setColumnWidth(models::InboundEventListModel::EventType, 170);
        model->setLive(m_live->isChecked());
    }
    updateStatus();
    updatePage();
}

core::InboundEventFilter InboundView::currentFilter() const
{
    core::InboundEventFilter filter;
    filter.text = m_search->text().trimmed();
    if (m_tenant->currentData().isValid())
        filter.tenantId = m_tenant->currentData().toLongLong();
    if (m_connection->currentData().isValid())
        filter.connectionId = m_connection->currentData().toLongLong();
    if (m_provider->currentData().isValid())
        filter.providerId = m_provider->currentData().toString();
    filter.eventType = m_eventType->text().trimmed();
    if (m_verdict->currentData().isValid())
        filter.verdict = core::InboundVerdict(m_verdict->currentData().toInt());
    if (m_forwarding->currentData().isValid())
        filter.forwardingState = core::ForwardingState(m_forwarding->currentData().toInt());
    if (const qint64 span = m_range->currentData().toLongLong(); span > 0)
        filter.receivedFromMs = QDateTime::currentMSecsSinceEpoch() - span;
    return filter;
}

void InboundView::applyFilter()
{
    m_filterTimer->stop();
    if (!m_model)
        return;
    m_inspector->clear();
    m_actions->clearEvent();
    m_shownEventId = 0;
    m_model->setFilter(currentFilter());
}

bool InboundView::selectEvent(qint64 eventId)
{
    if (!m_model)
        return false;
    const int row = m_model->rowOf(eventId);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
    return true;
}

void InboundView::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!m_model || !current.isValid())
        return;
    const core::InboundEvent &row = m_model->eventAt(current.row());
    if (row.id == m_shownEventId)
        return;
    m_shownEventId = row.id;
    const qint64 id = row.id;
    core::whenFinished(m_model->event(id), this,
                       [this, id](const core::Result<core::InboundEvent> &event) {
                           if (id != m_shownEventId || !m_model)
                               return;
                           if (!event) {
                               m_status->setText(event.error().message);
                               return;
                           }
                           m_inspector->setEvent(*event, m_model->tenantLabel(event->tenantId),
                                                 m_model->connectionLabel(event->connectionId));
                           m_actions->setEvent(*event);
                           Q_EMIT eventShown(id);
                       });
}

void InboundView::updateChoices()
{
    // Keeps what is chosen when it is still a choice; no filter signal while refilling.
    const auto refill = [](QComboBox *box, const QString &anyText,
                           const QList<std::pair<QVariant, QString>> &choices) {
        const QVariant current = box->currentData();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(anyText);
        for (const auto &[value, label] : choices)
            box->addItem(label, value);
        const int index = current.isValid() ? box->findData(current) : 0;
        box->setCurrentIndex(qMax(0, index));
    };
    QList<std::pair<QVariant, QString>> tenants, connections, providers;
    std::optional<qint64> tenant;
    if (m_model) {
        for (const auto &[id, label] : m_model->tenantChoices())
            tenants.append({id, label});
        if (m_tenant->currentData().isValid())
            tenant = m_tenant->currentData().toLongLong();
        for (const auto &[id, label] : m_model->connectionChoices(tenant))
            connections.append({id, label});
        for (const QString &provider : m_model->providerChoices())
            providers.append({provider, provider});
    }
    refill(m_tenant, tr("Any tenant"), tenants);
    refill(m_connection, tr("Any connection"), connections);
    refill(m_provider, tr("Any provider"), providers);
    m_eventTypes->setStringList(m_model ? m_model->eventTypeChoices() : QStringList());
}

void InboundView::setDispatcher(core::Dispatcher *dispatcher)
{
    m_dispatcher = dispatcher;
}

models::BulkRedeliverySelection InboundView::bulkSelection(QString *description) const
{
    models::BulkRedeliverySelection selection;
    if (!m_model)
        return selection;
    const QModelIndexList rows = m_table->selectionModel()
                                         ? m_table->selectionModel()->selectedRows()
                                         : QModelIndexList();
    if (rows.size() >= 2) {
        for (const QModelIndex &row : rows)
            selection.eventIds.append(m_model->eventAt(row.row()).id);
        if (description)
            *description = tr("The selected events (%1).").arg(QLocale().toString(rows.size()));
        return selection;
    }
    selection.filter = currentFilter();
    if (description) {
        *description = m_model->totalCount() >= 0
                               ? tr("Every event the filter matches (%1).")
                                         .arg(QLocale().toString(m_model->totalCount()))
                               : tr("Every event the filter matches.");
    }
    return selection;
}

BulkRedeliveryDialog *InboundView::openBulkRedelivery()
{
    if (!m_model)
        return nullptr;
    QString description;
    const models::BulkRedeliverySelection selection = bulkSelection(&description);
    auto *dialog = new BulkRedeliveryDialog(m_model->store(), m_dispatcher, selection, description,
                                            this);
    dialog->setWindowModality(Qt::NonModal);
    dialog->show();
    dialog->dryRun();
    Q_EMIT bulkRedeliveryOpened(dialog);
    return dialog;
}

QString InboundView::statusText() const
{
    return m_status->text();
}

void InboundView::updateStatus()
{
    if (!m_model) {
        m_status->clear();
        return;
    }
    const QLocale locale;
    QString text;
    if (m_model->totalCount() < 0)
        text = tr("Counting…");
    else if (m_model->totalCount() == 1)
        text = tr("1 event");
    else
        text = tr("%1 events").arg(locale.toString(m_model->totalCount()));
    if (m_model->rowCount() < m_model->totalCount())
        text += tr(" · %1 loaded").arg(locale.toString(m_model->rowCount()));
    if (m_model->newArrivals() > 0) {
        text += tr(" · %1 new (sort by time to see them)")
                        .arg(locale.toString(m_model->newArrivals()));
    }
    if (m_model->isLoading())
        text += tr(" · loading…");
    m_status->setText(text);
}

void InboundView::updatePage()
{
    const core::InboundEventFilter filter = m_model ? currentFilter() : core::InboundEventFilter();
    const bool narrowed = !filter.text.isEmpty() || filter.verdict || filter.forwardingState
                          || filter.receivedFromMs || filter.tenantId || filter.connectionId
                          || !filter.providerId.isEmpty() || !filter.eventType.isEmpty();
    if (m_model && (m_model->totalCount() > 0 || narrowed || m_everHadEvents)) {
        m_everHadEvents = m_everHadEvents || m_model->totalCount() > 0;
        showContentPage(m_contentIndex);
    } else {
        showEmptyState();
    }
}

} // namespace wb::ui
