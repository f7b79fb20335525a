// SPDX-License-Identifier: GPL-3.0-or-later
#include "onboardingwizard.h"

#include "core/oauth/authorizationflow.h"
#include "core/providers/providercatalog.h"
#include "core/store/store.h"
#include "core/util/futures.h"
#include "onboardingpages_p.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace wb::ui {

OnboardingWizard::OnboardingWizard(const Services &services, qint64 tenantId, QWidget *parent)
    : QWizard(parent)
    , m_services(services)
    , m_authorizationTimeoutMs(core::AuthorizationFlow::defaultTimeoutMs)
{
    setObjectName(u"onboardingWizard"_s);
    setWindowTitle(tr("Add connection"));
    setWizardStyle(QWizard::ClassicStyle); // the same on every desktop (and in screenshots)
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(TenantPage, new TenantChoicePage(tenantId, this));
    setPage(ProviderPage, new ProviderChoicePage(this));
    setPage(ClientPage, new ui::ClientPage(this));
    setPage(AuthorizePage, new ui::AuthorizePage(this));
    setPage(AccountPage, new ui::AccountPage(this));
    setPage(WebhookPage, new ui::WebhookPage(this));
    setPage(DonePage, new ui::DonePage(this));
    setStartId(TenantPage);
    resize(680, 520);
}

OnboardingWizard::~OnboardingWizard() = default;

const core::ProviderProfile *OnboardingWizard::provider() const
{
    return m_services.catalog ? m_services.catalog->find(m_state.providerId) : nullptr;
}

QString OnboardingWizard::providerName() const
{
    return m_services.catalog ? m_services.catalog->displayName(m_state.providerId)
                              : m_state.providerId;
}

int OnboardingWizard::nextId() const
{
    switch (currentId()) {
    case ProviderPage: {
        const core::ProviderProfile *profile = provider();
        return profile && profile->oauth.present ? ClientPage : WebhookPage;
    }
    case AuthorizePage:
        return AccountPage;
    case AccountPage:
        return WebhookPage;
    default:
        return QWizard::nextId();
    }
}

void OnboardingWizard::ensureConnection(std::function<void(const core::Result<qint64> &)> done)
{
    if (m_state.connectionId != 0) {
        done(m_state.connectionId);
        return;
    }
    m_waiting.append(std::move(done));
    if (m_waiting.size() > 1)
        return; // already creating
    if (m_state.tenantId != 0) {
        createConnection(m_state.tenantId);
        return;
    }
    core::Tenant tenant;
    tenant.displayName = m_state.tenantName.trimmed();
    core::whenFinished(m_services.store->addTenant(tenant), this,
                       [this](const core::Result<core::Tenant> &added) {
                           if (!added) {
                               finishCreation(core::fail(added.error()));
                               return;
                           }
                           // Kept even if the connection fails: never created twice.
                           m_state.tenantId = added->id;
                           m_state.tenantName = added->displayName;
                           createConnection(added->id);
                       });
}

void OnboardingWizard::createConnection(qint64 tenantId)
{
    core::Connection connection;
    connection.tenantId = tenantId;
    connection.providerId = m_state.providerId;
    core::whenFinished(m_services.store->addConnection(connection), this,
                       [this](const core::Result<core::Connection> &added) {
                           if (!added) {
                               finishCreation(core::fail(added.error()));
                               return;
                           }
                           m_state.connectionId = added->id;
                           static_cast<TenantChoicePage *>(page(TenantPage))->lock();
                           static_cast<ProviderChoicePage *>(page(ProviderPage))->lock();
                           Q_EMIT connectionCreated(added->id);
                           finishCreation(added->id);
                       });
}

void OnboardingWizard::finishCreation(const core::Result<qint64> &result)
{
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        done(result);
}

void OnboardingWizard::done(int result)
{
    if (result == QDialog::Rejected && m_state.connectionId != 0 && !m_cancelDecided) {
        askBeforeCancelling();
        return;
    }
    static_cast<ui::AuthorizePage *>(page(AuthorizePage))->cancel();
    QWizard::done(result);
    if (result == QDialog::Accepted && m_state.connectionId != 0)
        Q_EMIT connectionAdded(m_state.connectionId);
}

void OnboardingWizard::askBeforeCancelling()
{
    if (findChild<QMessageBox *>(u"cancelOnboarding"_s))
        return; // already asking
    const QString providerName = this->providerName();
    auto *box = new QMessageBox(this);
    box->setObjectName(u"cancelOnboarding"_s);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(tr("Cancel onboarding"));
    box->setText(m_state.newTenant
                         ? tr("The tenant “%1” and its %2 connection were created already.")
                                   .arg(m_state.tenantName, providerName)
                         : tr("The %1 connection of “%2” was created already.")
                                   .arg(providerName, m_state.tenantName));
    box->setInformativeText(tr("Keep it to finish later from the navigation (Authorize, "
                               "secrets), or remove it with its stored tokens and secrets."));
    QPushButton *keep = box->addButton(tr("&Keep"), QMessageBox::AcceptRole);
    keep->setObjectName(u"keepCreated"_s);
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"removeCreated"_s);
    QPushButton *back = box->addButton(tr("&Continue onboarding"), QMessageBox::RejectRole);
    back->setObjectName(u"continueOnboarding"_s);
    box->setDefaultButton(keep);
    box->setEscapeButton(back);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, keep, remove](QAbstractButton *button) {
        if (button != keep && button != remove)
            return; // back to the wizard
        m_cancelDecided = true;
        if (button == remove) {
            Q_EMIT discardRequested(m_state.connectionId, m_state.newTenant ? m_state.tenantId : 0);
        }
        done(QDialog::Rejected);
    });
    box->open();
}

// OnboardingPage

OnboardingWizard *OnboardingPage::owner() const
{
    return static_cast<OnboardingWizard *>(wizard());
}

} // namespace wb::ui
