// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/deliveries/deliveriesview.h"

#include "core/util/futures.h"
#include "models/deliveries/attemptlistmodel.h"
#include "models/deliveries/deliverylistmodel.h"
#include "ui/widgets/emptystatewidget.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {

void setUpTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace

DeliveriesView::DeliveriesView(QWidget *parent)
    : StackedView(u"deliveriesEmptyState"_s, u":/icons/empty-deliveries.svg"_s, parent)
    , m_content(new QWidget(this))
    , m_state(new QComboBox(m_content))
    , m_search(new QLineEdit(m_content))
    , m_status(new QLabel(m_content))
    , m_table(new QTableView(m_content))
    , m_attemptTable(new QTableView(m_content))
    , m_retryNow(new QPushButton(tr("Retry now"), m_content))
    , m_cancel(new QPushButton(tr("Cancel"), m_content))
    , m_requeue(new QPushButton(tr("Requeue"), m_content))
    , m_filterTimer(new QTimer(this))
{
    emptyState()->setTitle(tr("No deliveries yet"));
    emptyState()->setDescription(
            tr("Outgoing deliveries appear here, failing ones first, with every attempt, the "
               "answer it got and why the next one waited. Send one with "
               "<code>wirebench-cli deliver</code> or re-deliver an inbound event."));

    m_state->setObjectName(u"deliveriesStateFilter"_s);
    m_state->addItem(tr("All states"));
    m_state->addItem(tr("Dead-lettered"), int(core::DeliveryState::Dead));
    m_state->addItem(tr("Failed"), int(core::DeliveryState::Failed));
    m_state->addItem(tr("Pending or retrying"), int(core::DeliveryState::Pending));
    m_state->addItem(tr("In flight"), int(core::DeliveryState::InFlight));
    m_state->addItem(tr("Succeeded"), int(core::DeliveryState::Succeeded));
    m_state->addItem(tr("Cancelled"), int(core::DeliveryState::Cancelled));
    m_search->setObjectName(u"deliveriesSearch"_s);
    m_search->setPlaceholderText(tr("Search URL, idempotency key, reason, id…"));
    m_search->setClearButtonEnabled(true);
    m_status->setObjectName(u"deliveriesStatus"_s);
    m_table->setObjectName(u"deliveriesTable"_s);
    m_attemptTable->setObjectName(u"attemptsTable"_s);
    setUpTable(m_table);
    setUpTable(m_attemptTable);
    m_retryNow->setObjectName(u"retryNowButton"_s);
    m_retryNow->setToolTip(tr("Make the selected pending delivery due now"));
    m_cancel->setObjectName(u"cancelDeliveryButton"_s);
    m_cancel->setToolTip(tr("Withdraw the selected pending delivery"));
    m_requeue->setObjectName(u"requeueButton"_s);
    m_requeue->setToolTip(tr("Put a dead-lettered, failed or cancelled delivery back in the "
                             "queue with a fresh retry budget (same idempotency key and bytes)"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_state);
    bar->addWidget(m_search, 2);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_retryNow);
    bar->addWidget(m_cancel);
    bar->addWidget(m_requeue);
    auto *attemptsBox = new QWidget(m_content);
    auto *attemptsLayout = new QVBoxLayout(attemptsBox);
    attemptsLayout->setContentsMargins(0, 0, 0, 0);
    auto *attemptsTitle = new QLabel(tr("<b>Attempts of the selected delivery</b>"), attemptsBox);
    attemptsLayout->addWidget(attemptsTitle);
    attemptsLayout->addWidget(m_attemptTable);
    auto *split = new QSplitter(Qt::Vertical, m_content);
    split->addWidget(m_table);
    split->addWidget(attemptsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(m_content);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    m_contentIndex = addContentPage(m_content);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(filterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &DeliveriesView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_state, &QComboBox::currentIndexChanged, this, &DeliveriesView::applyFilter);

    const auto act = [this](auto action) {
        const qint64 id = selectedDeliveryId();
        if (!m_deliveries || id <= 0)
            return;
        m_wantedDelivery = id; // keep it selected after the refresh
        action(id);
    };
    connect(m_retryNow, &QPushButton::clicked, this, [this, act] {
        act([this](qint64 id) {
            core::whenFinished(m_deliveries->retryNow(id), this,
                               [this](const core::Result<bool> &done) {
                                   showActionResult(!done   ? done.error().message
                                                    : *done ? QString()
                                                            : tr("The delivery is no longer "
                                                                 "pending."));
                               });
        });
    });
    connect(m_cancel, &QPushButton::clicked, this, [this, act] {
        act([this](qint64 id) {
            core::whenFinished(m_deliveries->cancel(id), this,
                               [this](const core::Result<bool> &done) {
                                   showActionResult(!done   ? done.error().message
                                                    : *done ? QString()
                                                            : tr("Only a pending delivery can be "
                                                                 "cancelled."));
                               });
        });
    });
    connect(m_requeue, &QPushButton::clicked, this, [this, act] {
        act([this](qint64 id) {
            core::whenFinished(m_deliveries->requeue(id), this,
                               [this](const core::Result<core::Delivery> &done) {
                                   showActionResult(done ? QString() : done.error().message);
                               });
        });
    });
    updateActions();
}

DeliveriesView::~DeliveriesView() = default;

void DeliveriesView::setModels(models::DeliveryListModel *deliveries,
                               models::AttemptListModel *attempts)
{
    if (m_deliveries)
        disconnect(m_deliveries, nullptr, this, nullptr);
    if (m_attempts)
        disconnect(m_attempts, nullptr, this, nullptr);
    m_deliveries = deliveries;
    m_attempts = attempts;
    m_table->setModel(deliveries);
    m_attemptTable->setModel(attempts);
    if (deliveries) {
        connect(deliveries, &models::DeliveryListModel::totalCountChanged, this, [this] {
            m_status->setText(tr("%1 deliveries").arg(m_deliveries->totalCount()));
            updatePage();
        });
        connect(deliveries, &models::DeliveryListModel::loadFailed, this,
                [this](const core::Error &error) { m_status->setText(error.message); });
        connect(deliveries, &models::DeliveryListModel::firstPageLoaded, this,
                &DeliveriesView::reselect);
        connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &DeliveriesView::onCurrentRowChanged);
        m_table->setColumnWidth(models::DeliveryListModel::State, 110);
        m_table->setColumnWidth(models::DeliveryListModel::Destination, 280);
        m_table->setColumnWidth(models::DeliveryListModel::Connection, 180);
        m_table->setColumnWidth(models::DeliveryListModel::Attempts, 70);
        m_table->setColumnWidth(models::DeliveryListModel::LastStatus, 90);
        m_table->setColumnWidth(models::DeliveryListModel::NextAttempt, 150);
    }
    if (attempts) {
        connect(attempts, &models::AttemptListModel::loaded, this,
                &DeliveriesView::selectWantedAttempt);
        m_attemptTable->setColumnWidth(models::AttemptListModel::Number, 40);
        m_attemptTable->setColumnWidth(models::AttemptListModel::Started, 180);
        m_attemptTable->setColumnWidth(models::AttemptListModel::Duration, 70);
        m_attemptTable->setColumnWidth(models::AttemptListModel::Status, 90);
        m_attemptTable->setColumnWidth(models::AttemptListModel::Decision, 110);
        m_attemptTable->setColumnWidth(models::AttemptListModel::Wait, 80);
        m_attemptTable->setColumnWidth(models::AttemptListModel::NextAttempt, 90);
    }
    updateActions();
    updatePage();
}

qint64 DeliveriesView::selectedDeliveryId() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!m_deliveries || !current.isValid())
        return 0;
    return m_deliveries->rowAt(current.row()).delivery.id;
}

bool DeliveriesView::selectDelivery(qint64 deliveryId, int attemptNumber)
{
    if (!m_deliveries)
        return false;
    m_wantedDelivery = deliveryId;
    m_wantedAttemptOf = attemptNumber > 0 ? deliveryId : 0;
    m_wantedAttempt = attemptNumber;
    if (m_attempts && m_attempts->deliveryId() == deliveryId && m_attempts->rowCount() > 0)
        selectWantedAttempt(); // already shown: its attempts will not load again
    if (m_deliveries->rowOf(deliveryId) >= 0) {
        reselect();
        return true;
    }
    // Not loaded (further down, or filtered out): look it up by id.
    const QSignalBlocker blockState(m_state);
    const QSignalBlocker blockSearch(m_search);
    m_state->setCurrentIndex(0);
    m_search->setText(QString::number(deliveryId));
    applyFilter();
    return true;
}

void DeliveriesView::selectWantedAttempt()
{
    if (!m_attempts || m_wantedAttempt <= 0 || m_attempts->deliveryId() != m_wantedAttemptOf)
        return;
    for (int row = 0; row < m_attempts->rowCount(); ++row) {
        if (m_attempts->attemptAt(row).attemptNumber == m_wantedAttempt) {
            m_attemptTable->selectRow(row);
            m_attemptTable->scrollTo(m_attempts->index(row, 0));
            break;
        }
    }
    m_wantedAttempt = 0;
    m_wantedAttemptOf = 0;
}

int DeliveriesView::selectedAttemptNumber() const
{
    const QModelIndex current = m_attemptTable->currentIndex();
    if (!m_attempts || !current.isValid())
        return 0;
    return m_attempts->attemptAt(current.row()).attemptNumber;
}

void DeliveriesView::reselect()
{
    if (!m_deliveries || m_wantedDelivery <= 0)
        return;
    const int row = m_deliveries->rowOf(m_wantedDelivery);
    if (row < 0)
        return;
    m_wantedDelivery = 0;
    m_table->setCurrentIndex(m_deliveries->index(row, 0));
    m_table->scrollTo(m_deliveries->index(row, 0));
}

void DeliveriesView::applyFilter()
{
    m_filterTimer->stop();
    if (!m_deliveries)
        return;
    core::DeliveryTriageFilter filter;
    filter.text = m_search->text().trimmed();
    if (m_state->currentData().isValid())
        filter.state = core::DeliveryState(m_state->currentData().toInt());
    m_deliveries->setFilter(filter);
}

void DeliveriesView::onCurrentRowChanged()
{
    if (m_attempts)
        m_attempts->setDelivery(selectedDeliveryId());
    updateActions();
}

void DeliveriesView::updateActions()
{
    const QModelIndex current = m_table->currentIndex();
    std::optional<core::DeliveryState> state;
    if (m_deliveries && current.isValid())
        state = m_deliveries->rowAt(current.row()).delivery.state;
    const bool pending = state == core::DeliveryState::Pending;
    m_retryNow->setEnabled(pending);
    m_cancel->setEnabled(pending);
    m_requeue->setEnabled(state == core::DeliveryState::Dead || state == core::DeliveryState::Failed
                          || state == core::DeliveryState::Cancelled);
}

void DeliveriesView::showActionResult(const QString &error)
{
    if (!error.isEmpty())
        m_status->setText(error);
}

QString DeliveriesView::statusText() const
{
    return m_status->text();
}

void DeliveriesView::updatePage()
{
    const bool narrowed = !m_search->text().trimmed().isEmpty() || m_state->currentIndex() > 0;
    if (m_deliveries && (m_deliveries->totalCount() > 0 || narrowed || m_everHadDeliveries)) {
        m_everHadDeliveries = m_everHadDeliveries || m_deliveries->totalCount() > 0;
        showContentPage(m_contentIndex);
    } else {
        showEmptyState();
    }
}

} // namespace wb::ui
