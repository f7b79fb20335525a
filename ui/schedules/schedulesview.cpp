// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/schedules/schedulesview.h"

#include "core/schedule/runcancellation.h"
#include "core/schedule/scheduleservice.h"
#include "core/util/futures.h"
#include "models/schedulelistmodel.h"
#include "models/schedulerunmodel.h"
#include "ui/schedules/scheduleeditordialog.h"
#include "ui/widgets/emptystatewidget.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

SchedulesView::SchedulesView(QWidget *parent)
    : StackedView(u"schedulesEmptyState"_s, u":/icons/empty-schedules.svg"_s, parent)
{
    emptyState()->setTitle(tr("No schedules"));
    emptyState()->setDescription(
            tr("A schedule runs a job for every tenant on a cron expression, spread over a "
               "smoothing window so neither side's rate limits break. Add one here, or with "
               "<code>wirebench-cli schedules add</code>."));
    emptyState()->setActionText(tr("Add schedule…"));
    connect(emptyState(), &EmptyStateWidget::actionTriggered, this, &SchedulesView::addSchedule);

    auto *page = new QWidget(this);
    auto *toolbar = new QToolBar(page);
    toolbar->setObjectName(u"schedulesToolbar"_s);
    m_add = toolbar->addAction(tr("Add…"), this, &SchedulesView::addSchedule);
    m_edit = toolbar->addAction(tr("Edit…"), this, &SchedulesView::editSchedule);
    m_toggle = toolbar->addAction(tr("Disable"));
    m_runNow = toolbar->addAction(tr("Run now"));
    m_remove = toolbar->addAction(tr("Remove"));
    m_add->setObjectName(u"addSchedule"_s);
    m_edit->setObjectName(u"editSchedule"_s);
    m_toggle->setObjectName(u"toggleSchedule"_s);
    m_runNow->setObjectName(u"runScheduleNow"_s);
    m_remove->setObjectName(u"removeSchedule"_s);

    m_table = new QTableView(page);
    m_table->setObjectName(u"scheduleTable"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_tree = new QTreeView(page);
    m_tree->setObjectName(u"runTree"_s);
    m_tree->setUniformRowHeights(true);
    m_status = new QLabel(page);
    m_status->setObjectName(u"schedulesStatus"_s);

    auto *history = new QWidget(page);
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto *historyBar = new QToolBar(history);
    historyBar->setObjectName(u"runHistoryToolbar"_s);
    auto *historyTitle = new QLabel(tr("<b>Run history</b>"), historyBar);
    historyTitle->setContentsMargins(0, 0, 12, 0);
    historyBar->addWidget(historyTitle);
    m_cancelRun = historyBar->addAction(tr("Cancel run"), this, &SchedulesView::cancelRun);
    m_cancelRun->setObjectName(u"cancelRun"_s);
    m_cancelRun->setToolTip(tr("Withdraw the selected run's jobs that have not been sent; jobs "
                               "in flight finish."));
    historyLayout->addWidget(historyBar);
    m_noRuns = new QLabel(tr("No runs yet. The schedule runs at its next firing, or use "
                             "<b>Run now</b>."),
                          history);
    m_noRuns->setObjectName(u"noRuns"_s);
    m_noRuns->setContentsMargins(6, 6, 6, 6);
    m_noRuns->hide();
    historyLayout->addWidget(m_noRuns);
    historyLayout->addWidget(m_tree);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->addWidget(m_table);
    splitter->addWidget(history);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    m_contentPage = addContentPage(page);

    connect(m_toggle, &QAction::triggered, this, [this] {
        const qint64 id = currentScheduleId();
        const auto schedule = m_schedules->scheduleAt(m_schedules->rowOf(id));
        if (!schedule || !m_service)
            return;
        core::whenFinished(m_service->setEnabled(id, !schedule->enabled), this,
                           [this](const core::Result<core::Schedule> &changed) {
                               if (!changed)
                                   return report(changed.error().message);
                               updateActions();
                           });
    });
    connect(m_runNow, &QAction::triggered, this, [this] {
        if (!m_service)
            return;
        core::whenFinished(m_service->runNow(currentScheduleId()), this,
                           [this](const core::Result<core::ScheduleRun> &run) {
                               if (!run)
                                   return report(run.error().message);
                               report(tr("Run %1 started: %2 job(s).")
                                              .arg(run->id)
                                              .arg(run->jobCount));
                               m_runs->refresh();
                           });
    });
    connect(m_remove, &QAction::triggered, this, [this] {
        if (!m_service)
            return;
        core::whenFinished(m_service->remove(currentScheduleId()), this,
                           [this](const core::Result<void> &removed) {
                               if (!removed)
                                   report(removed.error().message);
                           });
    });
    connect(m_table, &QTableView::activated, this, &SchedulesView::editSchedule);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const qint64 delivery = index.data(models::ScheduleRunModel::DeliveryIdRole).toLongLong();
        if (delivery > 0)
            Q_EMIT deliveryActivated(delivery);
    });
    m_refresh.setInterval(30'000);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (m_schedules)
            m_schedules->refresh();
        if (m_runs)
            m_runs->refresh();
    });
    updateActions();
}

SchedulesView::~SchedulesView() = default;

void SchedulesView::setServices(core::ScheduleService *service, const core::Clock *clock,
                                QTimeZone userZone)
{
    m_service = service;
    m_clock = clock;
    m_userZone = std::move(userZone);
    delete m_schedules;
    delete m_runs;
    m_schedules = new models::ScheduleListModel(service, clock, m_userZone, this);
    m_runs = new models::ScheduleRunModel(service, this);
    m_table->setModel(m_schedules);
    m_tree->setModel(m_runs);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_schedules, &models::ScheduleListModel::loaded, this, &SchedulesView::onLoaded);
    connect(m_schedules, &QAbstractItemModel::rowsInserted, this, &SchedulesView::onLoaded);
    connect(m_schedules, &QAbstractItemModel::rowsRemoved, this, &SchedulesView::onLoaded);
    connect(m_schedules, &QAbstractItemModel::dataChanged, this, &SchedulesView::updateActions);
    connect(m_runs, &QAbstractItemModel::rowsInserted, m_tree, [this](const QModelIndex &parent) {
        if (parent.isValid())
            return;
        // The newest run is open and, unless another row is, current: Cancel run applies to it.
        m_tree->expand(m_runs->index(0, 0));
        if (!m_tree->currentIndex().isValid())
            m_tree->setCurrentIndex(m_runs->index(0, 0));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_runs->setSchedule(currentScheduleId());
        updateActions();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SchedulesView::updateActions);
    connect(m_runs, &QAbstractItemModel::dataChanged, this, &SchedulesView::updateActions);
    const auto showHint = [this] {
        m_noRuns->setVisible(m_runs->isLoaded() && m_runs->scheduleId() != 0
                             && m_runs->rowCount() == 0);
    };
    connect(m_runs, &models::ScheduleRunModel::loaded, this, showHint);
    connect(m_runs, &QAbstractItemModel::rowsInserted, this, showHint);
    connect(m_runs, &QAbstractItemModel::rowsRemoved, this, showHint);
    m_refresh.start();
}

void SchedulesView::onLoaded()
{
    if (!m_schedules)
        return;
    if (m_schedules->rowCount() == 0) {
        showEmptyState();
        m_runs->setSchedule(0);
    } else {
        showContentPage(m_contentPage);
        if (!m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_schedules->index(0, 0));
    }
    updateActions();
}

void SchedulesView::addSchedule()
{
    if (!m_service)
        return;
    auto *editor = new ScheduleEditorDialog(m_service, m_clock, m_userZone, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ScheduleEditorDialog::scheduleAdded, this,
            [this](const core::Schedule &schedule) {
                selectSchedule(schedule.id);
                report(tr("Added schedule “%1”.").arg(schedule.name));
            });
    editor->open();
}

void SchedulesView::editSchedule()
{
    const auto schedule = m_schedules
                                  ? m_schedules->scheduleAt(m_schedules->rowOf(currentScheduleId()))
                                  : std::nullopt;
    if (!m_service || !schedule)
        return;
    auto *editor = new ScheduleEditorDialog(m_service, m_clock, m_userZone, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->editSchedule(*schedule);
    connect(editor, &ScheduleEditorDialog::scheduleEdited, this,
            [this](const core::Schedule &edited) {
                selectSchedule(edited.id);
                report(tr("Changed schedule “%1”.").arg(edited.name));
            });
    editor->open();
}

std::optional<core::ScheduleRun> SchedulesView::currentRun() const
{
    QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || !m_runs)
        return std::nullopt;
    const QVariant run = current.data(models::ScheduleRunModel::RunRole);
    if (!run.isValid())
        return std::nullopt;
    return run.value<core::ScheduleRun>();
}

void SchedulesView::cancelRun()
{
    const auto run = currentRun();
    if (!m_service || !run || run->state != core::RunState::Running)
        return;
    m_cancelRun->setEnabled(false);
    // Stored with the run and shown to whoever reads it later: English, like every stored reason.
    core::whenFinished(m_service->cancelRun(run->id, u"cancelled in the Schedules view"_s), this,
                       [this](const core::Result<core::CancelledRun> &cancelled) {
                           updateActions();
                           if (!cancelled)
                               return report(cancelled.error().message);
                           report(tr("Run %1 cancelled: %2 job(s) withdrawn, %3 in flight "
                                     "finishing.")
                                          .arg(cancelled->run.id)
                                          .arg(cancelled->withdrawnJobs)
                                          .arg(cancelled->inFlight));
                       });
}

void SchedulesView::selectSchedule(qint64 scheduleId)
{
    const int row = m_schedules ? m_schedules->rowOf(scheduleId) : -1;
    if (row >= 0)
        m_table->setCurrentIndex(m_schedules->index(row, 0));
}

qint64 SchedulesView::currentScheduleId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(models::IdRole).toLongLong() : 0;
}

void SchedulesView::updateActions()
{
    const qint64 id = currentScheduleId();
    const auto schedule = m_schedules ? m_schedules->scheduleAt(m_schedules->rowOf(id))
                                      : std::nullopt;
    m_add->setEnabled(m_service);
    m_edit->setEnabled(schedule.has_value());
    const auto run = currentRun();
    m_cancelRun->setEnabled(run && run->state == core::RunState::Running
                            && !run->cancelRequestedAtMs);
    m_toggle->setEnabled(schedule.has_value());
    m_runNow->setEnabled(schedule.has_value());
    m_remove->setEnabled(schedule.has_value());
    m_toggle->setText(schedule && !schedule->enabled ? tr("Enable") : tr("Disable"));
}

void SchedulesView::report(const QString &message)
{
    m_status->setText(message);
}

} // namespace wb::ui
