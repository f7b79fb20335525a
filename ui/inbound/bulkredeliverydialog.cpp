// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inbound/bulkredeliverydialog.h"

#include "core/util/futures.h"

#include <QButtonGroup>
#include <QCloseEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

BulkRedeliveryDialog::BulkRedeliveryDialog(core::Store &store, core::Dispatcher *dispatcher,
                                           const models::BulkRedeliverySelection &selection,
                                           const QString &description, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_dispatcher(dispatcher)
    , m_selection(selection)
    , m_toForward(new QRadioButton(tr("Each event's &forward target"), this))
    , m_toUrl(new QRadioButton(tr("One &URL:"), this))
    , m_url(new QLineEdit(this))
    , m_dryRun(new QPushButton(tr("&Dry run"), this))
    , m_destinations(new QTableWidget(0, 2, this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_cancel(new QPushButton(tr("Ca&ncel sending"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(u"bulkRedeliveryDialog"_s);
    setWindowTitle(tr("Re-deliver events"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *what = new QLabel(description, this);
    what->setObjectName(u"bulkRedeliverySelection"_s);
    what->setWordWrap(true);

    auto *group = new QButtonGroup(this);
    group->addButton(m_toForward);
    group->addButton(m_toUrl);
    m_toForward->setChecked(true);
    m_url->setObjectName(u"bulkRedeliveryUrl"_s);
    m_url->setPlaceholderText(u"https://staging.example.com/webhooks"_s);
    m_url->setEnabled(false);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_toUrl);
    urlRow->addWidget(m_url, 1);

    m_destinations->setObjectName(u"bulkRedeliveryDestinations"_s);
    m_destinations->setHorizontalHeaderLabels({tr("Destination"), tr("Events")});
    m_destinations->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_destinations->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_destinations->verticalHeader()->setVisible(false);
    m_destinations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_destinations->setSelectionMode(QAbstractItemView::NoSelection);
    m_summary->setObjectName(u"bulkRedeliverySummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Run the dry run to see how many events go where. Nothing is sent "
                          "until you press Send."));
    m_progress->setObjectName(u"bulkRedeliveryProgress"_s);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progressText->setObjectName(u"bulkRedeliveryProgressText"_s);
    m_progressText->setWordWrap(true);
    m_send->setObjectName(u"bulkRedeliverySend"_s);
    m_pause->setObjectName(u"bulkRedeliveryPause"_s);
    m_cancel->setObjectName(u"bulkRedeliveryCancel"_s);
    m_send->setToolTip(tr("Send through the dispatch engine, within each destination's limits"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_dryRun);
    buttons->addStretch(1);
    buttons->addWidget(m_send);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(m_toForward);
    layout->addLayout(urlRow);
    layout->addWidget(m_destinations, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressText);
    layout->addLayout(buttons);
    resize(640, 420);

    connect(m_toUrl, &QRadioButton::toggled, m_url, &QLineEdit::setEnabled);
    const auto invalidate = [this] {
        if (m_job)
            return;
        m_plan.reset();
        ++m_dryRunToken;
        m_destinations->setRowCount(0);
        updateButtons();
    };
    connect(m_toUrl, &QRadioButton::toggled, this, invalidate);
    connect(m_url, &QLineEdit::textChanged, this, invalidate);
    connect(m_dryRun, &QPushButton::clicked, this, &BulkRedeliveryDialog::dryRun);
    connect(m_send, &QPushButton::clicked, this, &BulkRedeliveryDialog::send);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (!m_job)
            return;
        if (m_job->state() == models::BulkRedeliveryJob::State::Paused)
            m_job->resume();
        else
            m_job->pause();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    updateButtons();
}

BulkRedeliveryDialog::~BulkRedeliveryDialog() = default;

models::BulkRedeliveryTarget BulkRedeliveryDialog::target() const
{
    if (m_toUrl->isChecked())
        return {models::BulkRedeliveryTarget::Kind::Url, QUrl(m_url->text().trimmed())};
    return {};
}

void BulkRedeliveryDialog::dryRun()
{
    if (m_job)
        return;
    const quint64 token = ++m_dryRunToken;
    m_plan.reset();
    m_summary->setText(tr("Counting…"));
    updateButtons();
    core::whenFinished(models::BulkRedelivery::plan(m_store, m_selection, target()), this,
                       [this, token](const core::Result<models::BulkRedeliveryPlan> &plan) {
                           if (token != m_dryRunToken)
                               return;
                           if (!plan)
                               m_summary->setText(plan.error().message);
                           else
                               showPlan(*plan);
                           updateButtons();
                           Q_EMIT dryRunShown();
                       });
}

void BulkRedeliveryDialog::showPlan(const models::BulkRedeliveryPlan &plan)
{
    m_plan = plan;
    const QLocale locale;
    m_destinations->setRowCount(int(plan.destinations.size()));
    for (int row = 0; row < plan.destinations.size(); ++row) {
        const models::BulkRedeliveryDestination &destination = plan.destinations.at(row);
        QString text = destination.label == destination.url.toDisplayString()
                               ? destination.label
                               : u"%1 → %2"_s.arg(destination.label,
                                                  destination.url.toDisplayString());
        if (destination.concurrencyLimit > 0)
            text += tr(" (at most %n at a time)", nullptr, destination.concurrencyLimit);
        m_destinations->setItem(row, 0, new QTableWidgetItem(text));
        auto *count = new QTableWidgetItem(locale.toString(destination.count));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_destinations->setItem(row, 1, count);
    }
    // Counts as labels, not in sentences: no plural forms to get wrong.
    QString text = tr("To re-deliver: %1 · destinations: %2")
                           .arg(locale.toString(qsizetype(plan.eventIds.size())),
                                locale.toString(qsizetype(plan.destinations.size())));
    if (plan.skippedCount() > 0) {
        QStringList reasons;
        for (auto it = plan.skipped.cbegin(); it != plan.skipped.cend(); ++it) {
            reasons.append(tr("%1: %2").arg(models::BulkRedelivery::skipReasonText(it.key()),
                                            locale.toString(it.value())));
        }
        reasons.sort();
        text += tr(" · left out: %1 (%2)")
                        .arg(locale.toString(plan.skippedCount()), reasons.join(u"; "_s));
    }
    if (!m_dispatcher)
        text += u'\n' + tr("The dispatch engine is not running: nothing can be sent now.");
    m_summary->setText(text);
    m_progress->setRange(0, qMax(1, int(plan.eventIds.size())));
    m_progress->setValue(0);
}

void BulkRedeliveryDialog::send()
{
    if (m_job || !m_plan || m_plan->eventIds.isEmpty() || !m_dispatcher)
        return;
    m_job = new models::BulkRedeliveryJob(m_store, *m_dispatcher, *m_plan,
                                          models::BulkRedeliveryJob::defaultWindow, this);
    connect(m_job, &models::BulkRedeliveryJob::progressChanged, this,
            &BulkRedeliveryDialog::showProgress);
    connect(m_job, &models::BulkRedeliveryJob::stateChanged, this,
            [this] { showProgress(m_job->progress()); });
    m_toForward->setEnabled(false);
    m_toUrl->setEnabled(false);
    m_url->setEnabled(false);
    m_job->start();
    showProgress(m_job->progress());
}

void BulkRedeliveryDialog::showProgress(const models::BulkRedeliveryProgress &progress)
{
    m_progress->setRange(0, qMax(1, progress.total));
    m_progress->setValue(progress.finished());
    const QLocale locale;
    QString text = tr("%1 of %2 done: %3 delivered, %4 failed")
                           .arg(locale.toString(progress.finished()),
                                locale.toString(progress.total),
                                locale.toString(progress.succeeded),
                                locale.toString(progress.failed));
    if (progress.cancelled > 0)
        text += tr(", %1 withdrawn").arg(locale.toString(progress.cancelled));
    if (progress.refused > 0)
        text += tr(", %1 refused (%2)").arg(locale.toString(progress.refused), progress.lastError);
    text += tr("; %1 in the engine's queue").arg(locale.toString(progress.inFlight()));
    switch (m_job ? m_job->state() : models::BulkRedeliveryJob::State::Ready) {
    case models::BulkRedeliveryJob::State::Paused:
        text += tr(" · paused (the queued ones go on)");
        break;
    case models::BulkRedeliveryJob::State::Cancelling:
        text += tr(" · cancelling");
        break;
    case models::BulkRedeliveryJob::State::Finished:
        text += tr(" · finished");
        break;
    default:
        break;
    }
    m_progressText->setText(text);
    updateButtons();
}

void BulkRedeliveryDialog::updateButtons()
{
    using State = models::BulkRedeliveryJob::State;
    const State state = m_job ? m_job->state() : State::Ready;
    const bool active = state == State::Running || state == State::Paused;
    m_dryRun->setEnabled(!m_job);
    m_send->setEnabled(!m_job && m_plan && !m_plan->eventIds.isEmpty() && m_dispatcher);
    m_pause->setEnabled(active);
    m_pause->setText(state == State::Paused ? tr("&Resume") : tr("&Pause"));
    m_cancel->setEnabled(active);
}

void BulkRedeliveryDialog::closeEvent(QCloseEvent *event)
{
    // Closing while sending cancels: nothing more is handed over, and the queued deliveries not
    // yet attempted are withdrawn.
    if (m_job)
        m_job->cancel();
    QDialog::closeEvent(event);
}

} // namespace wb::ui
