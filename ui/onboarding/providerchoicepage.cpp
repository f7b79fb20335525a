// SPDX-License-Identifier: GPL-3.0-or-later
// Page 2 of the onboarding wizard: the provider.
#include "core/providers/providercatalog.h"
#include "onboardingpages_p.h"
#include "onboardingwizard.h"
#include "ui/widgets/providericon.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

ProviderChoicePage::ProviderChoicePage(QWidget *parent)
    : OnboardingPage(parent)
    , m_list(new QListWidget(this))
    , m_details(new QLabel(this))
    , m_locked(new QLabel(this))
{
    setObjectName(u"providerPage"_s);
    setTitle(tr("Provider"));
    setSubTitle(tr("Which external system does the tenant connect?"));
    m_list->setObjectName(u"providerList"_s);
    m_list->setIconSize(QSize(32, 32));
    m_list->setUniformItemSizes(true);
    m_details->setObjectName(u"providerDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setMinimumHeight(110);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_locked->setWordWrap(true);
    m_locked->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_locked);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        showDetails();
        Q_EMIT completeChanged();
    });
}

void ProviderChoicePage::initializePage()
{
    if (m_list->count() > 0)
        return;
    const core::ProviderCatalog *catalog = owner()->services().catalog;
    if (!catalog)
        return;
    for (const core::ProviderProfile &profile : catalog->profiles()) {
        const onboarding::ProviderNeeds needs = onboarding::providerNeeds(profile);
        const QString name = profile.displayName.isEmpty() ? profile.id : profile.displayName;
        const QString summary = needs.oauth ? tr("OAuth in the browser") : tr("No OAuth");
        auto *item = new QListWidgetItem(providerIcon(profile.id, name),
                                         tr("%1\n%2 · %3")
                                                 .arg(name, summary,
                                                      profile.signatureSchemes.isEmpty()
                                                              ? tr("unsigned webhooks")
                                                              : tr("signed webhooks")),
                                         m_list);
        item->setData(Qt::UserRole, profile.id);
        item->setToolTip(profile.description);
    }
}

void ProviderChoicePage::showDetails()
{
    const QListWidgetItem *item = m_list->currentItem();
    const core::ProviderCatalog *catalog = owner() ? owner()->services().catalog : nullptr;
    const core::ProviderProfile *profile = item && catalog ? catalog->find(
                                                   item->data(Qt::UserRole).toString())
                                                           : nullptr;
    if (!profile) {
        m_details->clear();
        return;
    }
    const onboarding::ProviderNeeds needs = onboarding::providerNeeds(*profile);
    QString html = u"<p><b>%1</b> — %2</p><ul>"_s.arg(profile->displayName.toHtmlEscaped(),
                                                      profile->description.toHtmlEscaped());
    for (const QString &line : {needs.authorization, needs.signature, needs.handshake}) {
        if (!line.isEmpty())
            html += u"<li>%1</li>"_s.arg(line.toHtmlEscaped());
    }
    m_details->setText(html + u"</ul>"_s);
}

bool ProviderChoicePage::isComplete() const
{
    return m_list->currentItem() != nullptr;
}

bool ProviderChoicePage::validatePage()
{
    OnboardingState &state = owner()->state();
    if (state.connectionId == 0)
        state.providerId = m_list->currentItem()->data(Qt::UserRole).toString();
    return true;
}

void ProviderChoicePage::lock()
{
    m_list->setEnabled(false);
    m_locked->setText(tr("The connection to this provider was created; to choose another, "
                         "cancel and remove it."));
    m_locked->show();
}

} // namespace wb::ui
