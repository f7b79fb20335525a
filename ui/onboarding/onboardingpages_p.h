// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The onboarding wizard's pages (onboardingwizard.h). Private to ui/onboarding; tests find their
// widgets by object name.

#include "core/oauth/connectionauthorizer.h"
#include "core/util/result.h"
#include "ui/onboarding/onboardingplan.h"

#include <QFuture>
#include <QMap>
#include <QPointer>
#include <QWizardPage>

#include <functional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace wb::ui {

class AuthorizationProgress;
class OnboardingWizard;

class OnboardingPage : public QWizardPage
{
    Q_OBJECT
public:
    using QWizardPage::QWizardPage;

protected:
    OnboardingWizard *owner() const;
};

class TenantChoicePage final : public OnboardingPage
{
    Q_OBJECT
public:
    TenantChoicePage(qint64 preselectedTenantId, QWidget *parent);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    void lock();

private:
    void update();

    QRadioButton *m_existing;
    QRadioButton *m_new;
    QComboBox *m_tenants;
    QLineEdit *m_name;
    QLabel *m_problem;
    QLabel *m_locked;
    QStringList m_names;
    qint64 m_preselected;
    bool m_requested = false;
    bool m_loaded = false;
};

class ProviderChoicePage final : public OnboardingPage
{
    Q_OBJECT
public:
    explicit ProviderChoicePage(QWidget *parent);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    void lock();

private:
    void showDetails();

    QListWidget *m_list;
    QLabel *m_details;
    QLabel *m_locked;
};

class ClientPage final : public OnboardingPage
{
    Q_OBJECT
public:
    explicit ClientPage(QWidget *parent);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    onboarding::ClientInput input() const;
    void check();
    QLabel *problemLabel(const QString &field);

    QFormLayout *m_form;
    QLabel *m_intro;
    QLineEdit *m_clientId;
    QLineEdit *m_secret;
    QComboBox *m_auth;
    QLineEdit *m_scope;
    QMap<QString, QLineEdit *> m_placeholders;
    QMap<QString, QLabel *> m_problems;
    QList<QWidget *> m_placeholderRows;
    QString m_providerId;
    bool m_valid = false;
};

class AuthorizePage final : public OnboardingPage
{
    Q_OBJECT
public:
    explicit AuthorizePage(QWidget *parent);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    void cancel();

private:
    void start();
    void run(qint64 connectionId);
    void onFinished(const core::Result<core::AuthorizationReport> &result);

    QPushButton *m_start;
    QPushButton *m_cancel;
    AuthorizationProgress *m_progress;
    QLabel *m_outcome;
    QPointer<core::ConnectionAuthorizer> m_authorizer;
    bool m_done = false;
};

class AccountPage final : public OnboardingPage
{
    Q_OBJECT
public:
    explicit AccountPage(QWidget *parent);
    void initializePage() override;

private:
    QLabel *m_text;
};

class WebhookPage final : public OnboardingPage
{
    Q_OBJECT
public:
    explicit WebhookPage(QWidget *parent);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void showConnection(qint64 connectionId);
    bool storeSecret();
    bool storeVerifyToken();
    void showSecretState();
    void showVerifyTokenState();
    // Shows `busy` in `status` and holds Next while `future` runs; then `stored` and on to the
    // next page, or the error in `status`.
    template<typename T>
    void storeThenNext(const QFuture<core::Result<T>> &future, QLabel *status, const QString &busy,
                       std::function<void()> stored);

    QLineEdit *m_url;
    QPushButton *m_copyUrl;
    QLabel *m_signature;
    QLineEdit *m_secret;
    QCheckBox *m_showSecret;
    QPushButton *m_generate;
    QPushButton *m_copySecret;
    QLabel *m_status;
    // Meta's hub.verify_token: chosen by the engineer, entered at Meta with the callback URL.
    QLabel *m_verifyLabel;
    QLineEdit *m_verifyToken;
    QPushButton *m_generateToken;
    QPushButton *m_copyToken;
    QLabel *m_verifyStatus;
    QString m_storedVerifyToken;
    QByteArray m_storedSecret;
    bool m_ready = false;
    bool m_storing = false;
};

class DonePage final : public OnboardingPage
{
    Q_OBJECT
public:
    explicit DonePage(QWidget *parent);
    void initializePage() override;

private:
    QLabel *m_summary;
};

} // namespace wb::ui
