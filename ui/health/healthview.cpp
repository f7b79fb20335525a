// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/health/healthview.h"

#include "models/healthmodel.h"
#include "ui/widgets/emptystatewidget.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

HealthView::HealthView(QWidget *parent)
    : StackedView(u"healthEmptyState"_s, u":/icons/empty-health.svg"_s, parent)
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(u"healthView"_s);
    emptyState()->setTitle(tr("No health assessed yet"));
    emptyState()->setDescription(
            tr("Wirebench watches each connection's webhooks: it asks the provider whether our "
               "registration is still there and active, renews Microsoft Graph subscriptions "
               "before they expire, notices when events stop or fail verification, and watches "
               "the credentials. Record registrations with "
               "<code>wirebench-cli registrations add</code>."));
    auto *page = new QWidget(this);
    m_summary = new QLabel(page);
    m_showAll = new QCheckBox(tr("Show &all connections"), page);
    m_checkNow = new QPushButton(tr("&Check now"), page);
    m_table = new QTableView(page);
    m_details = new QLabel(page);
    m_allClear = new QLabel(page);
    m_allClear->setObjectName(u"healthAllClear"_s);
    m_allClear->setAlignment(Qt::AlignCenter);
    m_allClear->setWordWrap(true);
    m_allClear->setEnabled(false); // the palette's placeholder grey
    m_allClear->hide();
    m_summary->setObjectName(u"healthSummary"_s);
    m_summary->setWordWrap(true);
    m_checkNow->setObjectName(u"healthCheckNow"_s);
    m_checkNow->setToolTip(tr("Ask every provider about every webhook registration now."));
    m_showAll->setObjectName(u"healthShowAll"_s);
    m_table->setObjectName(u"healthTable"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setModel(m_proxy);
    m_details->setObjectName(u"healthDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumHeight(fontMetrics().lineSpacing() * 4);

    m_proxy->setFilterRole(models::HealthModel::NeedsAttentionRole);
    m_proxy->setFilterFixedString(u"true"_s);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_showAll);
    top->addWidget(m_checkNow);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_allClear, 1);
    layout->addWidget(m_details);
    m_contentPage = addContentPage(page);

    connect(m_showAll, &QCheckBox::toggled, this, [this](bool all) {
        m_proxy->setFilterFixedString(all ? QString() : u"true"_s);
        updateState();
    });
    connect(m_checkNow, &QPushButton::clicked, this, &HealthView::checkNowRequested);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit connectionActivated(index.data(models::HealthModel::ConnectionIdRole).toLongLong());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HealthView::updateDetails);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HealthView::updateDetails);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &HealthView::updateDetails);
    // Status, connection and action fit their text; the reason takes the rest (in full below).
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, [this] {
            for (int column :
                 {models::HealthModel::StatusColumn, models::HealthModel::ConnectionColumn,
                  models::HealthModel::ActionColumn}) {
                m_table->resizeColumnToContents(column);
            }
            if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
                m_table->setCurrentIndex(m_proxy->index(0, 0));
            updateDetails();
        });
    }
    // The summary, the page and the all-clear text follow what is assessed and what is shown.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &HealthView::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HealthView::updateState);
    updateDetails();
    updateState();
}

HealthView::~HealthView() = default;

void HealthView::updateState()
{
    updateSummary();
    updatePage();
    updateAllClear();
}

void HealthView::updatePage()
{
    if (m_model && m_model->rowCount() > 0)
        showContentPage(m_contentPage);
    else
        showEmptyState();
}

void HealthView::setModel(models::HealthModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_proxy->setSourceModel(model);
    // Rows the filter hides change the counts too.
    if (model) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, &HealthView::updateState);
        connect(model, &models::HealthModel::attentionCountChanged, this, &HealthView::updateState);
    }
    updateDetails();
    updateState();
}

void HealthView::updateAllClear()
{
    // The filtered table is empty while connections were assessed: say that this is good news and
    // how to see them, instead of an empty grid.
    const int assessed = m_model ? m_model->rowCount() : 0;
    const bool allClear = assessed > 0 && m_proxy->rowCount() == 0;
    m_table->setVisible(!allClear);
    m_allClear->setVisible(allClear);
    if (allClear)
        m_allClear->setText(tr("All %n assessed connection(s) are healthy: their registrations are "
                               "active, events arrive and verify, and their credentials are "
                               "valid.\nTick “Show all connections” to list them.",
                               nullptr, assessed));
}

void HealthView::setChecking(bool checking)
{
    m_checkNow->setEnabled(!checking);
    m_checkNow->setText(checking ? tr("Checking…") : tr("&Check now"));
}

void HealthView::updateSummary()
{
    if (!m_model) {
        m_summary->setText(tr("No workspace open."));
        return;
    }
    const int attention = m_model->attentionCount();
    const int total = m_model->rowCount();
    if (total == 0)
        m_summary->setText(tr("No connections assessed yet."));
    else if (attention == 0)
        m_summary->setText(tr("No connection needs attention (%n assessed).", nullptr, total));
    else
        m_summary->setText(
                tr("<b>%n connection(s) need attention</b>, worst first.", nullptr, attention));
}

void HealthView::updateDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->setText(m_proxy->rowCount() > 0
                                   ? tr("Select a connection to see everything found about it.")
                                   : QString());
        return;
    }
    const QString title
            = m_proxy->index(current.row(), models::HealthModel::ConnectionColumn).data().toString();
    const QString findings = current.data(models::HealthModel::FindingsTextRole).toString();
    const QString check = current.data(models::HealthModel::CredentialCheckTextRole).toString();
    m_details->setText(
            u"<b>%1</b><br>%2%3"_s.arg(title.toHtmlEscaped(),
                                       findings.toHtmlEscaped().replace(u"\n"_s, u"<br>"_s),
                                       check.isEmpty() ? QString()
                                                       : QString(u"<br><i>"_s + check.toHtmlEscaped()
                                                                 + u"</i>"_s)));
}

} // namespace wb::ui
