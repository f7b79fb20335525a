// SPDX-License-Identifier: GPL-3.0-or-later
// Page 7 of the onboarding wizard: what was set up.
#include "onboardingpages_p.h"
#include "onboardingwizard.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

DonePage::DonePage(QWidget *parent)
    : OnboardingPage(parent)
    , m_summary(new QLabel(this))
{
    setObjectName(u"donePage"_s);
    setTitle(tr("Done"));
    setFinalPage(true);
    m_summary->setObjectName(u"summary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch(1);
}

void DonePage::initializePage()
{
    const OnboardingState &state = owner()->state();
    const core::ProviderProfile *profile = owner()->provider();
    const QString provider = owner()->providerName();
    setSubTitle(tr("%1 is connected to %2.").arg(state.tenantName, provider));
    QStringList rows;
    const auto row = [&rows](const QString &name, const QString &value) {
        rows << u"<tr><td>%1&nbsp;&nbsp;</td><td><b>%2</b></td></tr>"_s.arg(name.toHtmlEscaped(),
                                                                            value.toHtmlEscaped());
    };
    row(tr("Tenant"), state.tenantName);
    row(tr("Provider"), provider);
    row(tr("Connection"), QString::number(state.connectionId));
    if (profile && profile->oauth.present) {
        if (state.report)
            row(tr("Authorization"),
                state.report->outcome.accountId.isEmpty()
                        ? tr("authorized")
                        : tr("authorized as %1").arg(state.report->outcome.accountId));
        else if (state.mappingConflict)
            row(tr("Authorization"), tr("authorized; the account belongs to another tenant"));
    }
    if (state.report && state.report->mapping)
        row(tr("Identity mapping"), QString::number(state.report->mapping->id));
    const auto &webhookUrl = owner()->services().webhookUrl;
    if (webhookUrl)
        row(tr("Webhook URL"), webhookUrl(state.connectionId).toString());
    if (profile && !profile->signatureSchemes.isEmpty())
        row(tr("Signing secret"),
            state.webhookSecretStored ? tr("in the keychain") : tr("not set yet"));
    m_summary->setText(u"<table>%1</table><p>%2</p>"_s.arg(
            rows.join(QString()),
            tr("Finish selects the connection in the navigation. Wirebench refreshes its token "
               "ahead of expiry and checks it regularly.")
                    .toHtmlEscaped()));
}

} // namespace wb::ui
