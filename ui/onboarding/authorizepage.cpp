// SPDX-License-Identifier: GPL-3.0-or-later
// Page 4 of the onboarding wizard: the connection is created and authorized in the browser.
#include "onboardingpages_p.h"
#include "onboardingwizard.h"
#include "ui/connections/authorizationdialog.h"
#include "ui/connections/authorizationprogress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

AuthorizePage::AuthorizePage(QWidget *parent)
    : OnboardingPage(parent)
    , m_start(new QPushButton(tr("&Authorize in browser"), this))
    , m_cancel(new QPushButton(tr("Cancel a&uthorization"), this))
    , m_progress(new AuthorizationProgress(this))
    , m_outcome(new QLabel(this))
{
    setObjectName(u"authorizePage"_s);
    setTitle(tr("Authorize in browser"));
    m_start->setObjectName(u"startAuthorization"_s);
    m_cancel->setObjectName(u"cancelAuthorization"_s);
    m_cancel->setEnabled(false);
    m_outcome->setObjectName(u"outcome"_s);
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->hide();

    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_start);
    startRow->addStretch(1);
    startRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(startRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_outcome);
    layout->addStretch(1);

    connect(m_start, &QPushButton::clicked, this, &AuthorizePage::start);
    connect(m_cancel, &QPushButton::clicked, this, &AuthorizePage::cancel);
    connect(m_progress, &AuthorizationProgress::openUrlRequested, this,
            [this](const QUrl &url) { Q_EMIT owner()->openUrlRequested(url); });
}

void AuthorizePage::initializePage()
{
    const OnboardingState &state = owner()->state();
    const QString provider = owner()->providerName();
    setSubTitle(tr("Sign in at %1 as %2's administrator and allow access.")
                        .arg(provider, state.tenantName));
    if (!m_done && !m_authorizer)
        m_progress->setText(
                state.connectionId == 0
                        ? tr("Wirebench first creates the connection%1, then opens your "
                             "browser at %2.")
                                  .arg(state.newTenant ? tr(" and the tenant") : QString(), provider)
                        : tr("Opens your browser at %1.").arg(provider));
}

void AuthorizePage::cleanupPage()
{
    cancel(); // Back while the browser is out
}

bool AuthorizePage::isComplete() const
{
    const OnboardingState &state = owner()->state();
    return m_done && (state.report || state.mappingConflict);
}

void AuthorizePage::cancel()
{
    if (m_authorizer)
        m_authorizer->cancel();
}

void AuthorizePage::start()
{
    OnboardingState &state = owner()->state();
    state.report.reset();
    state.mappingConflict.reset();
    m_done = false;
    m_start->setEnabled(false);
    m_outcome->hide();
    m_progress->setBusy(true);
    m_progress->setText(tr("Creating the connection…"));
    Q_EMIT completeChanged();
    owner()->ensureConnection([this](const core::Result<qint64> &connection) {
        if (!connection) {
            onFinished(core::fail(connection.error()));
            return;
        }
        run(*connection);
    });
}

void AuthorizePage::run(qint64 connectionId)
{
    OnboardingWizard *wizard = owner();
    const OnboardingWizard::Services &services = wizard->services();
    if (!services.secrets) {
        onFinished(core::fail(u"secrets.unavailable"_s,
                              tr("The workspace's secrets are not open, so no token could be "
                                 "stored. See the status bar for why.")));
        return;
    }
    core::ConnectionAuthorizer::Services authorizerServices;
    authorizerServices.store = services.store;
    authorizerServices.secrets = services.secrets;
    authorizerServices.catalog = services.catalog;
    authorizerServices.network = services.network;
    authorizerServices.clock = services.clock;
    m_authorizer = new core::ConnectionAuthorizer(authorizerServices, this);
    m_progress->follow(m_authorizer);
    connect(m_authorizer, &core::ConnectionAuthorizer::finished, this, &AuthorizePage::onFinished);
    m_cancel->setEnabled(true);
    const OnboardingState &state = wizard->state();
    core::AuthorizationRequest request;
    request.connectionId = connectionId;
    request.clientJson = onboarding::clientJson(state.providerId, state.client);
    request.clientSource = tr("the Add connection wizard");
    if (!state.clientSecret.isEmpty())
        request.clientSecret = state.clientSecret;
    request.timeoutMs = wizard->authorizationTimeoutMs();
    m_authorizer->start(request);
}

void AuthorizePage::onFinished(const core::Result<core::AuthorizationReport> &result)
{
    OnboardingState &state = owner()->state();
    if (m_authorizer) {
        m_authorizer->deleteLater();
        m_authorizer = nullptr;
    }
    m_done = true;
    m_cancel->setEnabled(false);
    m_progress->setBusy(false); // also when no authorizer ran (the connection was not created)
    m_outcome->show();
    const bool conflict = !result && result.error().code == u"store.identity_mapping_conflict"_s;
    if (result) {
        state.report = *result;
        m_progress->setText(tr("Authorized."));
        m_outcome->setStyleSheet(QString());
        m_outcome->setText(result->outcome.accountId.isEmpty()
                                   ? tr("The tokens are in the keychain. Next: the account.")
                                   : tr("The tokens are in the keychain; the external account is "
                                        "%1. Next: the account and its identity mapping.")
                                             .arg(result->outcome.accountId));
    } else if (conflict) {
        state.mappingConflict = result.error();
        m_progress->setText(tr("Authorized, but the account belongs to another tenant."));
        m_outcome->setStyleSheet(u"color: #8a5a00;"_s);
        m_outcome->setText(tr("Next explains what that means."));
    } else {
        m_progress->setText(tr("Not authorized. What happened, and what to do:"));
        m_outcome->setStyleSheet(u"color: #b3261e;"_s);
        m_outcome->setText(authorizationFailureAdvice(result.error()));
        m_start->setText(tr("&Try again"));
        m_start->setEnabled(true);
    }
    if (result || conflict)
        Q_EMIT owner()->authorized(state.connectionId);
    Q_EMIT completeChanged();
}

} // namespace wb::ui
