// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/schedules/scheduleeditordialog.h"

#include "core/schedule/croncalendar.h"
#include "core/schedule/schedulerepository.h"
#include "core/schedule/scheduleservice.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {

QString timeIn(qint64 instantMs, const QTimeZone &zone)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(instantMs, zone);
    return at.toString(u"ddd yyyy-MM-dd HH:mm"_s) + u' ' + zone.abbreviation(at);
}

} // namespace

ScheduleEditorDialog::ScheduleEditorDialog(core::ScheduleService *service, const core::Clock *clock,
                                           QTimeZone userZone, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_clock(clock)
    , m_userZone(std::move(userZone))
{
    setObjectName(u"scheduleEditor"_s);
    setWindowTitle(tr("Add schedule"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"name"_s);
    m_expression = new QLineEdit(u"0 9 * * MON-FRI"_s, this);
    m_expression->setObjectName(u"expression"_s);
    m_expression->setPlaceholderText(tr("minute hour day-of-month month day-of-week, or @daily"));
    m_zone = new QComboBox(this);
    m_zone->setObjectName(u"zone"_s);
    m_zone->setEditable(true);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        if (id.contains('/') || id == "UTC")
            m_zone->addItem(QString::fromUtf8(id));
    }
    m_zone->setCurrentText(QString::fromUtf8(m_userZone.id()));
    m_preview = new QListWidget(this);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setMinimumHeight(150);

    m_method = new QComboBox(this);
    m_method->setObjectName(u"method"_s);
    m_method->addItems({u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s});
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"url"_s);
    m_url->setPlaceholderText(u"{{connection.base_url}}/sync?tenant={{tenant.id}}"_s);
    m_headers = new QPlainTextEdit(u"Content-Type: application/json"_s, this);
    m_headers->setObjectName(u"headers"_s);
    m_headers->setMaximumHeight(60);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(u"body"_s);
    m_body->setMaximumHeight(70);
    m_body->setPlaceholderText(uR"({"tenant": "{{tenant.id}}", "run": {{run.id}}})"_s);

    m_targetKind = new QComboBox(this);
    m_targetKind->setObjectName(u"targetKind"_s);
    m_targetKind->addItem(tr("Tenants (with their connection to the provider)"), u"tenants"_s);
    m_targetKind->addItem(tr("Connections"), u"connections"_s);
    m_targets = new QLineEdit(this);
    m_targets->setObjectName(u"targets"_s);
    m_targets->setPlaceholderText(tr("all, or ids such as 1, 2, 3"));
    m_provider = new QLineEdit(this);
    m_provider->setObjectName(u"provider"_s);
    m_provider->setPlaceholderText(u"slack"_s);
    m_windowMinutes = new QSpinBox(this);
    m_windowMinutes->setObjectName(u"window"_s);
    m_windowMinutes->setRange(0, 24 * 60);
    m_windowMinutes->setSuffix(tr(" min"));
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(u"concurrency"_s);
    m_concurrency->setRange(1, 1000);
    m_concurrency->setValue(10);
    m_missed = new QComboBox(this);
    m_missed->setObjectName(u"missed"_s);
    m_missed->addItem(tr("Run once when back"), u"run_once"_s);
    m_missed->addItem(tr("Skip"), u"skip"_s);

    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e"_s);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Cron expression:"), m_expression);
    form->addRow(tr("&Time zone:"), m_zone);
    form->addRow(tr("Next ten runs:"), m_preview);
    auto *request = new QHBoxLayout;
    request->addWidget(m_method);
    request->addWidget(m_url, 1);
    form->addRow(tr("Request:"), request);
    form->addRow(tr("&Headers:"), m_headers);
    form->addRow(tr("&Body:"), m_body);
    form->addRow(tr("T&argets:"), m_targetKind);
    form->addRow(tr("&Ids:"), m_targets);
    form->addRow(tr("&Provider:"), m_provider);
    form->addRow(tr("&Smoothing window:"), m_windowMinutes);
    form->addRow(tr("C&oncurrency limit:"), m_concurrency);
    form->addRow(tr("&Missed runs:"), m_missed);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ScheduleEditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ScheduleEditorDialog::reject);
    connect(m_expression, &QLineEdit::textChanged, this, &ScheduleEditorDialog::updatePreview);
    connect(m_zone, &QComboBox::currentTextChanged, this, &ScheduleEditorDialog::updatePreview);
    updatePreview();
}

void ScheduleEditorDialog::editSchedule(const core::Schedule &schedule)
{
    m_edited = schedule;
    setWindowTitle(tr("Edit schedule “%1”").arg(schedule.name));
    m_name->setText(schedule.name);
    m_zone->setCurrentText(schedule.timeZoneId);
    m_expression->setText(schedule.cronExpression);
    m_method->setCurrentText(QString::fromLatin1(schedule.job.method));
    m_url->setText(schedule.job.url);
    QStringList headers;
    for (const auto &[name, value] : schedule.job.headers.fields())
        headers.append(QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value));
    m_headers->setPlainText(headers.join(u'\n'));
    m_body->setPlainText(QString::fromUtf8(schedule.job.body));
    m_targetKind->setCurrentIndex(m_targetKind->findData(core::nameOf(schedule.targetKind)));
    QStringList ids;
    for (qint64 id : schedule.targetIds)
        ids.append(QString::number(id));
    m_targets->setText(ids.isEmpty() ? QString() : ids.join(u", "_s));
    m_provider->setText(schedule.providerId);
    m_windowMinutes->setValue(int(schedule.smoothingWindowMs / 60'000));
    m_concurrency->setValue(schedule.concurrencyLimit);
    m_missed->setCurrentIndex(
            m_missed->findData(core::missedRunPolicyName(schedule.missedRunPolicy)));
    updatePreview();
}

QString ScheduleEditorDialog::invalidField() const
{
    return m_invalid ? m_invalid->objectName() : QString();
}

core::Schedule ScheduleEditorDialog::schedule() const
{
    core::Schedule s = m_edited; // editing keeps what the form does not show (the retry policy)
    s.job.headers = {};
    s.targetIds.clear();
    s.name = m_name->text();
    s.cronExpression = m_expression->text();
    s.timeZoneId = m_zone->currentText();
    s.job.method = m_method->currentText().toLatin1();
    s.job.url = m_url->text();
    for (const QString &line : m_headers->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon > 0) {
            s.job.headers.append(line.left(colon).trimmed().toLatin1(),
                                 line.mid(colon + 1).trimmed().toUtf8());
        }
    }
    s.job.body = m_body->toPlainText().toUtf8();
    s.targetKind = m_targetKind->currentData().toString() == u"connections"
                           ? core::ScheduleTargetKind::Connections
                           : core::ScheduleTargetKind::Tenants;
    const QString ids = m_targets->text().trimmed();
    if (!ids.isEmpty() && ids != u"all") {
        // A part that is not a number becomes 0, which validation refuses naming the ids.
        for (const QString &part : ids.split(u',', Qt::SkipEmptyParts))
            s.targetIds.append(part.trimmed().toLongLong());
    }
    s.providerId = m_provider->text().trimmed();
    s.smoothingWindowMs = qint64(m_windowMinutes->value()) * 60'000;
    s.concurrencyLimit = m_concurrency->value();
    s.missedRunPolicy = *core::missedRunPolicyFromName(m_missed->currentData().toString());
    return s;
}

QStringList ScheduleEditorDialog::previewLines() const
{
    QStringList lines;
    for (int i = 0; i < m_preview->count(); ++i)
        lines.append(m_preview->item(i)->text());
    return lines;
}

QString ScheduleEditorDialog::errorText() const
{
    return m_error->text();
}

void ScheduleEditorDialog::updatePreview()
{
    m_preview->clear();
    markInvalid(nullptr);
    const auto expression = core::CronExpression::parse(m_expression->text());
    if (!expression) {
        m_error->setText(expression.error().message());
        markInvalid(m_expression);
        return;
    }
    const auto zone = core::timeZoneFromId(m_zone->currentText());
    if (!zone) {
        m_error->setText(zone.error().message);
        markInvalid(m_zone);
        return;
    }
    m_error->clear();
    const core::CronCalendar calendar(*expression, *zone);
    for (const core::CronFiring &firing : calendar.next(m_clock->nowMs(), 10)) {
        QString line = timeIn(firing.instantMs, *zone);
        if (*zone != m_userZone)
            line += tr(" · %1 your time").arg(timeIn(firing.instantMs, m_userZone));
        if (firing.shifted)
            line += tr(" (moved: the clock skipped that time)");
        m_preview->addItem(line);
    }
}

QWidget *ScheduleEditorDialog::fieldFor(const core::Error &error) const
{
    // The codes of ScheduleRepository::validate(), add() and update() (schedulerepository.h).
    if (error.code.startsWith(u"cron."_s))
        return m_expression;
    const std::pair<QStringView, QWidget *> fields[] = {
            {u"schedule.invalid_name", m_name},
            {u"schedule.duplicate_name", m_name},
            {u"schedule.unknown_time_zone", m_zone},
            {u"schedule.missing_provider", m_provider},
            {u"schedule.invalid_target", m_targets},
            {u"schedule.unknown_tenant", m_targets},
            {u"schedule.unknown_connection", m_targets},
            {u"schedule.invalid_window", m_windowMinutes},
            {u"schedule.invalid_concurrency", m_concurrency},
            {u"schedule.invalid_job_method", m_method},
            {u"schedule.invalid_job_url", m_url},
            {u"schedule.invalid_job_header", m_headers},
            {u"schedule.invalid_job_body", m_body},
    };
    for (const auto &[code, field] : fields) {
        if (error.code == code)
            return field;
    }
    return nullptr; // not about one field (the workspace failed): the message alone
}

void ScheduleEditorDialog::markInvalid(QWidget *field)
{
    if (m_invalid == field)
        return;
    if (m_invalid)
        m_invalid->setStyleSheet({});
    m_invalid = field;
    if (field)
        field->setStyleSheet(u"border: 1px solid #b3261e"_s);
}

void ScheduleEditorDialog::showError(const core::Error &error)
{
    m_error->setText(error.message);
    QWidget *field = fieldFor(error);
    markInvalid(field);
    if (!field)
        return;
    field->setFocus(Qt::OtherFocusReason);
    if (field == m_expression) {
        // Point at the offending part of the expression itself.
        if (const auto parsed = core::CronExpression::parse(m_expression->text()); !parsed) {
            const core::CronSyntaxError &e = parsed.error();
            if (e.length > 0)
                m_expression->setSelection(qMax(0, e.column - 1), e.length);
        }
    }
}

void ScheduleEditorDialog::accept()
{
    const core::Schedule s = schedule();
    if (auto valid = core::ScheduleRepository::validate(s); !valid) {
        showError(valid.error());
        return;
    }
    if (!m_service)
        return;
    m_buttons->setEnabled(false);
    const bool editing = m_edited.id != 0;
    auto saved = editing ? m_service->update(s) : m_service->add(s);
    core::whenFinished(saved, this, [this, editing](const core::Result<core::Schedule> &stored) {
        m_buttons->setEnabled(true);
        if (!stored) {
            showError(stored.error());
            return;
        }
        if (editing)
            Q_EMIT scheduleEdited(*stored);
        else
            Q_EMIT scheduleAdded(*stored);
        QDialog::accept();
    });
}

} // namespace wb::ui
