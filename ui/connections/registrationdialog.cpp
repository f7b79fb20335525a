// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connections/registrationdialog.h"

#include "core/health/registrationrepository.h"
#include "core/util/clock.h"
#include "core/util/futures.h"
#include "models/registrationlistmodel.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {

constexpr qsizetype maxBodyBytes = 64 * 1024;   // as `wirebench-cli registrations add --body-file`
constexpr int maxRenewLifetimeMinutes = 527040; // RegistrationRepository: a year

// A form body as Stripe's POST /v1/webhook_endpoints takes it: key=value pairs joined by '&'.
bool isFormBody(const QByteArray &body)
{
    if (body.isEmpty() || body.contains(' ') || body.contains('\n') || body.contains('\t'))
        return false;
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (equals <= 0)
            return false;
    }
    return true;
}

} // namespace

RegistrationDialog::RegistrationDialog(models::RegistrationListModel *model,
                                       const core::Clock *clock, qint64 connectionId,
                                       const QString &providerName, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_clock(clock)
    , m_providerName(providerName)
    , m_connectionId(connectionId)
    , m_externalId(new QLineEdit(this))
    , m_scope(new QLineEdit(this))
    , m_targetUrl(new QLineEdit(this))
    , m_events(new QLineEdit(this))
    , m_expires(new QCheckBox(tr("E&xpires at"), this))
    , m_expiresAt(new QDateTimeEdit(this))
    , m_renewLifetime(new QSpinBox(this))
    , m_reregister(new QCheckBox(tr("Allow the health monitor to &register it again when %1 "
                                    "lost it")
                                         .arg(providerName),
                                 this))
    , m_body(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"registrationDialog"_s);
    setWindowTitle(tr("Add webhook registration"));
    m_externalId->setObjectName(u"externalId"_s);
    m_externalId->setPlaceholderText(
            tr("required: the hook or subscription id at %1").arg(providerName));
    m_scope->setObjectName(u"scope"_s);
    m_scope->setPlaceholderText(tr("where it lives: repos/OWNER/REPO, orgs/ORG or app (GitHub), "
                                   "the app id (HubSpot), the account id (Zoom)"));
    m_targetUrl->setObjectName(u"targetUrl"_s);
    m_targetUrl->setPlaceholderText(
            tr("optional: https://… where %1 sends the events").arg(providerName));
    m_events->setObjectName(u"events"_s);
    m_events->setPlaceholderText(tr("comma-separated, e.g. push, pull_request"));
    m_expires->setObjectName(u"expires"_s);
    m_expiresAt->setObjectName(u"expiresAt"_s);
    m_expiresAt->setTimeSpec(Qt::LocalTime);
    m_expiresAt->setCalendarPopup(true);
    m_expiresAt->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    m_expiresAt->setDateTime(clock->nowUtc().toLocalTime().addDays(3));
    m_expiresAt->setEnabled(false);
    m_expiresAt->setToolTip(tr("Your local time; stored in UTC."));
    m_renewLifetime->setObjectName(u"renewLifetime"_s);
    m_renewLifetime->setRange(0, maxRenewLifetimeMinutes);
    m_renewLifetime->setSuffix(tr(" min"));
    m_renewLifetime->setSpecialValueText(tr("the provider profile's"));
    m_reregister->setObjectName(u"reregisterAllowed"_s);
    m_body->setObjectName(u"registrationBody"_s);
    m_body->setPlaceholderText(
            tr("optional: the creation request's body (JSON, or a form body key=value&…), sent "
               "again to register it anew; may hold {expires_at}. Never a secret."));
    m_body->setTabChangesFocus(true);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));

    auto *expiry = new QHBoxLayout;
    expiry->addWidget(m_expires);
    expiry->addWidget(m_expiresAt, 1);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("External &id:"), m_externalId);
    form->addRow(tr("&Scope:"), m_scope);
    form->addRow(tr("&Target URL:"), m_targetUrl);
    form->addRow(tr("&Events:"), m_events);
    form->addRow(tr("Expiry:"), expiry);
    form->addRow(tr("Renew &lifetime:"), m_renewLifetime);
    form->addRow(QString(), m_reregister);
    form->addRow(tr("Registration &body:"), m_body);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RegistrationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RegistrationDialog::reject);
    connect(m_expires, &QCheckBox::toggled, m_expiresAt, &QWidget::setEnabled);
    connect(m_expires, &QCheckBox::toggled, this, &RegistrationDialog::recheck);
    connect(m_expiresAt, &QDateTimeEdit::dateTimeChanged, this, &RegistrationDialog::recheck);
    for (QLineEdit *edit : {m_externalId, m_scope, m_targetUrl, m_events})
        connect(edit, &QLineEdit::textChanged, this, &RegistrationDialog::recheck);
    connect(m_body, &QPlainTextEdit::textChanged, this, &RegistrationDialog::recheck);
}

void RegistrationDialog::setRegistration(const core::Registration &existing)
{
    m_editing = existing;
    m_connectionId = existing.connectionId;
    setWindowTitle(tr("Edit webhook registration"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    m_externalId->setText(existing.externalId);
    m_scope->setText(existing.scope);
    m_targetUrl->setText(existing.targetUrl);
    m_events->setText(existing.events.join(u", "_s));
    m_expires->setChecked(existing.expiresAtMs.has_value());
    if (existing.expiresAtMs)
        m_expiresAt->setDateTime(
                QDateTime::fromMSecsSinceEpoch(*existing.expiresAtMs).toLocalTime());
    m_renewLifetime->setValue(existing.renewLifetimeMinutes);
    m_reregister->setChecked(existing.reregisterAllowed);
    m_body->setPlainText(QString::fromUtf8(existing.registrationBody));
}

core::Registration RegistrationDialog::formValues() const
{
    core::Registration r;
    if (m_editing)
        r = *m_editing; // id, origin and what the monitor recorded stay
    else
        r.origin = core::RegistrationOrigin::Manual;
    r.connectionId = m_connectionId;
    r.externalId = m_externalId->text().trimmed();
    r.scope = m_scope->text().trimmed();
    r.targetUrl = m_targetUrl->text().trimmed();
    r.events.clear();
    for (const QString &event : m_events->text().split(u',', Qt::SkipEmptyParts)) {
        if (!event.trimmed().isEmpty())
            r.events << event.trimmed();
    }
    r.expiresAtMs.reset();
    if (m_expires->isChecked()) {
        r.expiresAtMs = m_expiresAt->dateTime().toMSecsSinceEpoch();
        // The editor shows minutes: an unchanged minute keeps the stored value exactly.
        if (m_editing && m_editing->expiresAtMs
            && *m_editing->expiresAtMs / 60'000 == *r.expiresAtMs / 60'000)
            r.expiresAtMs = m_editing->expiresAtMs;
    }
    r.renewLifetimeMinutes = m_renewLifetime->value();
    r.reregisterAllowed = m_reregister->isChecked();
    const QString body = m_body->toPlainText();
    r.registrationBody = body.trimmed().isEmpty() ? QByteArray() : body.trimmed().toUtf8();
    return r;
}

std::optional<RegistrationDialog::FieldError> RegistrationDialog::check() const
{
    const core::Registration r = formValues();
    if (r.externalId.isEmpty())
        return FieldError{m_externalId,
                          tr("Enter the registration's id at the provider (the hook, endpoint or "
                             "subscription id it answered when you registered the webhook).")};
    if (!r.targetUrl.isEmpty()) {
        const QUrl url(r.targetUrl, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s))
            return FieldError{m_targetUrl,
                              tr("The target URL \"%1\" must be an absolute http:// or https:// "
                                 "URL, such as https://hooks.example.com/github.")
                                      .arg(r.targetUrl.left(100))};
    }
    if (r.expiresAtMs && *r.expiresAtMs <= m_clock->nowMs()) {
        // An edited registration may keep the expiry it had (minute precision: the editor has
        // no seconds), already past; a new past expiry is a typo.
        const bool kept = m_editing && m_editing->expiresAtMs == r.expiresAtMs;
        if (!kept)
            return FieldError{m_expiresAt,
                              tr("The expiry %1 is in the past. Enter when %2 drops the "
                                 "registration unless it is renewed, or clear \"Expires at\".")
                                      .arg(QLocale().toString(m_expiresAt->dateTime(),
                                                              QLocale::ShortFormat),
                                           m_providerName)};
    }
    if (!r.registrationBody.isEmpty()) {
        if (r.registrationBody.size() > maxBodyBytes)
            return FieldError{m_body, tr("The registration body is %1 bytes; at most %2 are kept.")
                                              .arg(r.registrationBody.size())
                                              .arg(maxBodyBytes)};
        const char first = r.registrationBody.front();
        if (first == '{' || first == '[') {
            QJsonParseError error;
            QJsonDocument::fromJson(r.registrationBody, &error);
            if (error.error != QJsonParseError::NoError)
                return FieldError{m_body, tr("The registration body is not well-formed JSON: %1 at "
                                             "character %2.")
                                                  .arg(error.errorString())
                                                  .arg(error.offset + 1)};
        } else if (!isFormBody(r.registrationBody)) {
            return FieldError{m_body,
                              tr("The registration body must be a JSON object or array, or a "
                                 "form body such as url=https%3A%2F%2F…&enabled_events[]=*.")};
        }
    }
    if (const auto valid = core::RegistrationRepository::validate(r); !valid)
        return FieldError{fieldOf(valid.error()), valid.error().message};
    return std::nullopt;
}

core::Result<core::Registration> RegistrationDialog::registration() const
{
    if (const auto invalid = check())
        return core::fail(u"health.invalid_registration"_s, invalid->message);
    return formValues();
}

QWidget *RegistrationDialog::fieldOf(const core::Error &error) const
{
    if (error.code == u"health.duplicate_registration")
        return m_externalId;
    if (error.code != u"health.invalid_registration")
        return nullptr;
    // Which field the core refused: validate each one alone (no need to parse its message).
    const core::Registration form = formValues();
    core::Registration alone;
    alone.externalId = u"x"_s;
    const auto refuses = [](const core::Registration &r) {
        return !core::RegistrationRepository::validate(r).has_value();
    };
    core::Registration r = alone;
    r.externalId = form.externalId;
    if (refuses(r))
        return m_externalId;
    r = alone;
    r.scope = form.scope;
    if (refuses(r))
        return m_scope;
    r = alone;
    r.targetUrl = form.targetUrl;
    if (refuses(r))
        return m_targetUrl;
    r = alone;
    r.events = form.events;
    if (refuses(r))
        return m_events;
    return m_renewLifetime;
}

QString RegistrationDialog::invalidField() const
{
    return m_invalid ? m_invalid->objectName() : QString();
}

QString RegistrationDialog::errorText() const
{
    return m_error->text();
}

void RegistrationDialog::showError(QWidget *field, const QString &message)
{
    m_error->setText(message);
    // A wrapped label gets no height of its own from the layout: reserve its lines (the body
    // editor gives way).
    m_error->setMinimumHeight(message.isEmpty() ? 0 : m_error->heightForWidth(m_error->width()));
    if (m_invalid != field) {
        if (m_invalid)
            m_invalid->setStyleSheet({});
        m_invalid = field;
        if (field)
            field->setStyleSheet(u"border: 1px solid #b3261e"_s);
    }
}

void RegistrationDialog::recheck()
{
    if (!m_refused)
        return;
    const auto invalid = check();
    showError(invalid ? invalid->field : nullptr, invalid ? invalid->message : QString());
}

void RegistrationDialog::accept()
{
    if (const auto invalid = check()) {
        m_refused = true;
        showError(invalid->field, invalid->message);
        if (invalid->field)
            invalid->field->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!m_model)
        return;
    m_buttons->setEnabled(false);
    const bool editing = m_editing.has_value();
    core::whenFinished(editing ? m_model->update(*m_editing, formValues())
                               : m_model->add(formValues()),
                       this, [this, editing](const core::Result<core::Registration> &added) {
                           m_buttons->setEnabled(true);
                           if (!added) {
                               m_refused = true;
                               QWidget *field = fieldOf(added.error());
                               showError(field, added.error().message);
                               if (field)
                                   field->setFocus(Qt::OtherFocusReason);
                               return;
                           }
                           if (editing)
                               Q_EMIT registrationUpdated(*added);
                           else
                               Q_EMIT registrationAdded(*added);
                           QDialog::accept();
                       });
}

} // namespace wb::ui
