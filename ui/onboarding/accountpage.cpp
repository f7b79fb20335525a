// SPDX-License-Identifier: GPL-3.0-or-later
// Page 5 of the onboarding wizard: the external account and its identity mapping.
#include "onboardingpages_p.h"
#include "onboardingwizard.h"
#include "ui/connections/authorizationdialog.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

AccountPage::AccountPage(QWidget *parent)
    : OnboardingPage(parent)
    , m_text(new QLabel(this))
{
    setObjectName(u"accountPage"_s);
    setTitle(tr("External account"));
    m_text->setObjectName(u"accountText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addStretch(1);
}

void AccountPage::initializePage()
{
    const OnboardingState &state = owner()->state();
    const QString provider = owner()->providerName();
    if (state.mappingConflict) {
        setSubTitle(tr("The account is mapped to another tenant."));
        m_text->setText(
                tr("<p>The connection is authorized, but the %1 account you signed in with "
                   "already belongs to another tenant. Its webhooks keep going to that tenant.</p>"
                   "<p>%2</p><p>If the account really moved to %3, remove the other tenant's "
                   "identity mapping (Connection page ▸ Identity mappings) and authorize again. "
                   "Otherwise sign in with %3's own account.</p>")
                        .arg(provider.toHtmlEscaped(),
                             state.mappingConflict->message.toHtmlEscaped(),
                             state.tenantName.toHtmlEscaped()));
        return;
    }
    if (!state.report)
        return;
    const core::AuthorizationReport &report = *state.report;
    if (report.outcome.accountId.isEmpty()) {
        setSubTitle(tr("%1 named no account.").arg(provider));
        m_text->setText(tr("<p>%1 did not say which account authorized, so no identity mapping "
                           "was created. Webhooks sent to this connection's own URL (next page) "
                           "still reach %2.</p>")
                                .arg(provider.toHtmlEscaped(), state.tenantName.toHtmlEscaped()));
        return;
    }
    setSubTitle(tr("Events of this account now go to %1.").arg(state.tenantName));
    QString html = tr("<p>External %1 account: <b>%2</b></p>")
                           .arg(provider.toHtmlEscaped(), report.outcome.accountId.toHtmlEscaped());
    if (report.mapping)
        html += tr("<p>Identity mapping %1: %2 account %3 → tenant %4. Webhooks that name this "
                   "account are routed to %4, also those sent to a provider-wide URL.</p>")
                        .arg(report.mapping->id)
                        .arg(provider.toHtmlEscaped(), report.outcome.accountId.toHtmlEscaped(),
                             state.tenantName.toHtmlEscaped());
    if (!report.outcome.scope.isEmpty())
        html += tr("<p>Granted scopes: %1</p>").arg(report.outcome.scope.toHtmlEscaped());
    m_text->setText(html);
}

} // namespace wb::ui
