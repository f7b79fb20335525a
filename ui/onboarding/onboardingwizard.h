// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/connectionauthorizer.h"
#include "core/util/result.h"
#include "ui/onboarding/onboardingplan.h"

#include <QUrl>
#include <QWizard>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace wb::core {
class Clock;
class ConnectionSecrets;
class ProviderCatalog;
class Store;
} // namespace wb::core

namespace wb::ui {

// Everything the person chose and what the wizard created, as the pages fill it in.
struct OnboardingState
{
    qint64 tenantId = 0; // the existing tenant chosen, or the new one once created
    QString tenantName;  // its display name
    bool newTenant = false;
    QString providerId;
    onboarding::ClientInput client;
    QByteArray clientSecret; // handed to the authorizer, which stores it in the keychain
    qint64 connectionId = 0; // once created
    std::optional<core::AuthorizationReport> report;
    // An authorization that stored the tokens but could not map the account
    // (store.identity_mapping_conflict).
    std::optional<core::Error> mappingConflict;
    bool webhookSecretStored = false;
};

// "Add connection…": onboards one tenant's connection to one provider.
//  1. Tenant: an existing one (preselected when given) or a new one (its name checked inline).
//  2. Provider: every profile of the catalog with its icon and what it needs (OAuth, how its
//     webhooks are signed, its handshake).
//  3. OAuth client (only for providers with OAuth): client id, client secret (a password field;
//     the value goes to the keychain through the authorizer, never to the database), the profile's
//     URL placeholders and scopes, checked inline.
//  4. Authorize in browser: creates the new tenant and the connection (once), then runs a
//     ConnectionAuthorizer (core/oauth/connectionauthorizer.h): stage, address to copy or open
//     again, cancel, timeout, a readable error. Next only after success (or after an authorization
//     whose account is mapped to another tenant, which page 5 explains).
//  5. Account: the external account and the identity mapping, or the conflict.
//  6. Webhook: the receiver's URL for the connection and its signing secret (pasted, or generated
//     for providers where you choose it), stored as the connection's webhook signing secret.
//  7. Done: a summary.
// Cancelling once the connection exists asks whether to keep it (and the tenant created here) to
// finish later, remove it (discardRequested()), or go on onboarding.
// The wizard never opens a browser itself: openUrlRequested() asks its owner. Services are not
// owned and must outlive the wizard. Thread: GUI thread; every store and keychain call is
// asynchronous.
class OnboardingWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnboardingWizard)

public:
    enum PageId {
        TenantPage,
        ProviderPage,
        ClientPage,
        AuthorizePage,
        AccountPage,
        WebhookPage,
        DonePage
    };
    Q_ENUM(PageId)

    struct Services
    {
        core::Store *store = nullptr;
        core::ConnectionSecrets *secrets = nullptr; // null: the keychain is not open
        const core::ProviderCatalog *catalog = nullptr;
        QNetworkAccessManager *network = nullptr;
        const core::Clock *clock = nullptr;
        // The receiver's URL for a connection (<receiver base URL>/hooks/<id>); empty when the
        // receiver is not listening.
        std::function<QUrl(qint64 connectionId)> webhookUrl;
    };

    // `tenantId`: the tenant to preselect (0: none).
    OnboardingWizard(const Services &services, qint64 tenantId, QWidget *parent = nullptr);
    ~OnboardingWizard() override;

    const Services &services() const { return m_services; }
    OnboardingState &state() { return m_state; }
    const OnboardingState &state() const { return m_state; }
    // The provider chosen on page 2 (nullptr before).
    const core::ProviderProfile *provider() const;
    // The chosen provider's display name (its id when the catalog does not know it).
    QString providerName() const;

    // How long the browser may take, real milliseconds (AuthorizationFlow::defaultTimeoutMs).
    void setAuthorizationTimeoutMs(qint64 timeoutMs) { m_authorizationTimeoutMs = timeoutMs; }
    qint64 authorizationTimeoutMs() const { return m_authorizationTimeoutMs; }

    // Creates the new tenant (when one was asked for) and the connection, once; later calls
    // answer the same id. `done` runs on the GUI thread with the connection id or the store's
    // error (nothing is created twice when a later step failed).
    void ensureConnection(std::function<void(const core::Result<qint64> &)> done);

    int nextId() const override;

Q_SIGNALS:
    void openUrlRequested(const QUrl &url);
    // The connection exists (the navigation shows it from now on).
    void connectionCreated(qint64 connectionId);
    // The authorization stored the tokens (the runtime should watch the connection).
    void authorized(qint64 connectionId);
    // Finish was pressed: select the connection.
    void connectionAdded(qint64 connectionId);
    // Cancelled, and the user chose to remove what the wizard created: the connection, and the
    // tenant when the wizard created it too (`tenantId`, else 0: the tenant existed before). The
    // owner removes them as the navigation's Remove does (revoking tokens where it does).
    void discardRequested(qint64 connectionId, qint64 tenantId);

protected:
    void done(int result) override;

private:
    void createConnection(qint64 tenantId);
    void finishCreation(const core::Result<qint64> &result);
    // done(Rejected) once the connection exists: keep, remove or go back (asynchronous).
    void askBeforeCancelling();

    Services m_services;
    OnboardingState m_state;
    qint64 m_authorizationTimeoutMs;
    QList<std::function<void(const core::Result<qint64> &)>> m_waiting;
    bool m_cancelDecided = false;
};

} // namespace wb::ui
