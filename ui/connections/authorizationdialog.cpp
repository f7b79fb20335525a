// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorizationdialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

AuthorizationDialog::AuthorizationDialog(core::ConnectionAuthorizer *authorizer,
                                         const QString &subject, QWidget *parent)
    : QDialog(parent)
    , m_authorizer(authorizer)
    , m_subject(subject)
    , m_heading(new QLabel(this))
    , m_progress(new AuthorizationProgress(this))
    , m_outcome(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(u"authorizationDialog"_s);
    setWindowTitle(tr("Authorize in browser"));
    m_heading->setText(tr("<b>Authorizing %1</b>").arg(subject.toHtmlEscaped()));
    m_heading->setTextFormat(Qt::RichText);
    m_outcome->setObjectName(u"outcome"_s);
    m_outcome->setWordWrap(true);
    m_outcome->setMinimumWidth(480); // stays readable once the address row is hidden
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->hide();

    auto *layout = new QVBoxLayout(this);
    // Never smaller than the wrapped texts need.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addWidget(m_heading);
    layout->addWidget(m_progress);
    layout->addWidget(m_outcome);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &AuthorizationDialog::reject);
    connect(m_progress, &AuthorizationProgress::openUrlRequested, this,
            &AuthorizationDialog::openUrlRequested);
    if (m_authorizer) {
        m_progress->follow(m_authorizer);
        connect(m_authorizer, &core::ConnectionAuthorizer::finished, this,
                &AuthorizationDialog::onFinished);
    }
}

QString AuthorizationDialog::outcomeText() const
{
    return m_finished ? m_outcome->text() : QString();
}

void AuthorizationDialog::onFinished(const core::Result<core::AuthorizationReport> &result)
{
    m_finished = true;
    m_succeeded = result.has_value();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_outcome->show();
    if (!result) {
        m_heading->setText(tr("<b>%1 was not authorized</b>").arg(m_subject.toHtmlEscaped()));
        m_progress->setText(tr("What happened, and what to do:"));
        m_outcome->setStyleSheet(u"color: palette(highlighted-text); background: #b3261e; "
                                 "padding: 6px; border-radius: 3px;"_s);
        m_outcome->setText(authorizationFailureAdvice(result.error()));
        adjustSize();
        return;
    }
    const core::AuthorizationReport &report = *result;
    m_heading->setText(tr("<b>%1 is authorized</b>").arg(m_subject.toHtmlEscaped()));
    m_progress->setText(
            tr("Wirebench keeps the tokens in the keychain and the connection ready for "
               "deliveries."));
    QStringList lines;
    if (!report.outcome.accountId.isEmpty())
        lines << tr("External account: %1").arg(report.outcome.accountId);
    if (report.mapping)
        lines << tr("Identity mapping %1 routes this account's events to the tenant.")
                         .arg(report.mapping->id);
    if (!report.outcome.scope.isEmpty())
        lines << tr("Granted scopes: %1").arg(report.outcome.scope);
    if (report.outcome.expiresAtMs > 0) {
        const QDateTime expires
                = QDateTime::fromMSecsSinceEpoch(report.outcome.expiresAtMs, Qt::UTC).toLocalTime();
        lines << (report.outcome.hasRefreshToken
                          ? tr("The access token expires at %1; Wirebench refreshes it ahead of "
                               "time.")
                          : tr("The access token expires at %1 and cannot be refreshed: "
                               "authorize again then."))
                         .arg(QLocale().toString(expires, QLocale::ShortFormat));
    }
    m_outcome->setText(lines.join(u'\n'));
    adjustSize();
}

void AuthorizationDialog::reject()
{
    if (!m_finished && m_authorizer)
        m_authorizer->cancel();
    QDialog::reject();
}

QString authorizationFailureAdvice(const core::Error &error)
{
    const QString &code = error.code;
    QString advice;
    if (code == u"oauth.timeout"_s)
        advice = AuthorizationDialog::tr("The browser did not come back in time. Start again "
                                         "and finish signing in within five minutes.");
    else if (code == u"oauth.cancelled"_s)
        advice = AuthorizationDialog::tr("You cancelled the authorization. Nothing was stored.");
    else if (code == u"oauth.authorization_denied"_s)
        advice = AuthorizationDialog::tr("The provider or the person signing in refused access. "
                                         "Check the app's scopes and that the account may "
                                         "install it.");
    else if (code == u"oauth.no_client"_s || code == u"oauth.config_invalid"_s)
        advice = AuthorizationDialog::tr("The connection's OAuth client is missing or wrong: "
                                         "enter the client id of the app registered at the "
                                         "provider (Add connection… walks you through it).");
    else if (code == u"secrets.not_found"_s)
        advice = AuthorizationDialog::tr("The OAuth client secret is not in the keychain: enter "
                                         "it again.");
    else if (code == u"store.identity_mapping_conflict"_s)
        advice = AuthorizationDialog::tr("The tokens are stored, but the external account "
                                         "already belongs to another tenant, so its events still "
                                         "go there.");
    if (advice.isEmpty())
        return error.message;
    return advice + u"\n\n"_s + error.message;
}

} // namespace wb::ui
