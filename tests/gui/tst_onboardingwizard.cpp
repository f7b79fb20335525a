// SPDX-License-Identifier: GPL-3.0-or-later
// The onboarding wizard driven page by page: against oidc-provider (npm) as the provider, described
// by a profile in a temporary user folder, with Debian's Chromium (playwright-core,
// oauth-browser.mjs) as the system browser that signs in and consents or refuses; the inline
// validation of each page; the timeout; a provider without OAuth.
#include "core/inbound/receiver.h"
#include "core/oauth/browserlauncher.h"
#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "oauthworkspace.h"
#include "oidcpeer.h"
#include "support/futures.h"
#include "support/results.h"
#include "ui/onboarding/onboardingwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;
using wb::ui::OnboardingWizard;

namespace {
const QString peerProvider = u"oidc-peer"_s;
}

class TestOnboardingWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inTheBrowser_data();
    void inTheBrowser();
    void clientValidation_data();
    void clientValidation();
    void tenantNameValidation();
    void timeoutIsExplained();
    void providerWithoutOAuth();
    void verifyTokenAnswersTheSubscriptionCheck();
    void cancelAfterCreation_data();
    void cancelAfterCreation();

private:
    std::unique_ptr<OnboardingWizard> makeWizard(qint64 tenantId = 0);
    void screenshot(QWidget *widget, const QString &name);
    bool writePeerProfile(const QString &folder);

    OidcPeer m_oidc;
    OAuthWorkspace m_workspace; // its catalog is not used: m_catalog describes the peer
    QTemporaryDir m_userProfiles;
    QNetworkAccessManager m_network;
    Receiver m_receiver;
    std::unique_ptr<ProviderCatalog> m_catalog;
};

// Next, as a person would press it: only when the wizard enables it.
#define WB_NEXT(wizard) \
    do { \
        QTRY_VERIFY((wizard).button(QWizard::NextButton)->isEnabled()); \
        (wizard).button(QWizard::NextButton)->click(); \
    } while (false)

bool TestOnboardingWizard::writePeerProfile(const QString &folder)
{
    // The peer as a provider profile (resources/providers/README.md): its endpoints, PKCE,
    // prompt=consent for a refresh token, the account from the ID Token's `sub`, and an HMAC
    // signature whose secret you choose.
    const QJsonObject profile{
            {u"format"_s, 1},
            {u"id"_s, peerProvider},
            {u"display_name"_s, u"OIDC Peer"_s},
            {u"description"_s, u"oidc-provider (npm) standing in for a provider."_s},
            {u"oauth"_s,
             QJsonObject{
                     {u"authorize_url"_s, m_oidc.endpoint("authorization_endpoint").toString()},
                     {u"token_url"_s, m_oidc.endpoint("token_endpoint").toString()},
                     {u"revoke_url"_s, m_oidc.endpoint("revocation_endpoint").toString()},
                     {u"check_url"_s, m_oidc.endpoint("userinfo_endpoint").toString()},
                     {u"default_scopes"_s, QJsonArray{u"openid"_s, u"offline_access"_s}},
                     {u"pkce"_s, u"required"_s},
                     {u"extra_authorize_params"_s, QJsonObject{{u"prompt"_s, u"consent"_s}}},
                     {u"token_response"_s, QJsonObject{{u"account_id_claim"_s, u"sub"_s}}},
             }},
            {u"webhook"_s,
             QJsonObject{{u"secret_chosen_by"_s, u"you"_s},
                         {u"signature"_s, QJsonObject{{u"family"_s, u"hmac"_s},
                                                      {u"algorithm"_s, u"sha256"_s},
                                                      {u"header"_s, u"X-Peer-Signature"_s},
                                                      {u"encoding"_s, u"hex"_s},
                                                      {u"prefix"_s, u"sha256="_s},
                                                      {u"signed_payload"_s, u"{body}"_s}}}}},
    };
    QFile file(QDir(folder).filePath(peerProvider + u".json"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(profile).toJson()) <= 0)
        return false;
    // Meta's webhook without its OAuth (which needs Facebook): the signature with the app secret
    // and the hub.challenge subscription check with a verify token.
    const QJsonObject hub{
            {u"format"_s, 1},
            {u"id"_s, u"hub-peer"_s},
            {u"display_name"_s, u"Hub Peer"_s},
            {u"description"_s, u"Meta's webhook scheme without its OAuth."_s},
            {u"webhook"_s,
             QJsonObject{{u"signature"_s, QJsonObject{{u"family"_s, u"hmac"_s},
                                                      {u"algorithm"_s, u"sha256"_s},
                                                      {u"header"_s, u"X-Hub-Signature-256"_s},
                                                      {u"encoding"_s, u"hex"_s},
                                                      {u"prefix"_s, u"sha256="_s},
                                                      {u"signed_payload"_s, u"{body}"_s}}},
                         {u"handshake"_s, QJsonObject{{u"kind"_s, u"meta_hub_challenge"_s}}}}},
    };
    QFile hubFile(QDir(folder).filePath(u"hub-peer.json"_s));
    return hubFile.open(QIODevice::WriteOnly) && hubFile.write(QJsonDocument(hub).toJson()) > 0;
}

void TestOnboardingWizard::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
    QVERIFY(m_userProfiles.isValid());
    QVERIFY(writePeerProfile(m_userProfiles.path()));
    m_catalog = std::make_unique<ProviderCatalog>(ProviderCatalog::load(m_userProfiles.path()));
    for (const ProviderCatalog::Issue &issue : m_catalog->issues())
        qWarning("%s", qPrintable(issue.error.message));
    QVERIFY(m_catalog->issues().isEmpty());
    QVERIFY(m_catalog->find(peerProvider));
    QVERIFY2(m_workspace.open(), qPrintable(m_workspace.failure()));
    QVERIFY(m_receiver.listen(QHostAddress::LocalHost, 0));
}

std::unique_ptr<OnboardingWizard> TestOnboardingWizard::makeWizard(qint64 tenantId)
{
    OnboardingWizard::Services services;
    services.store = &m_workspace.store();
    services.secrets = &m_workspace.secrets();
    services.catalog = m_catalog.get();
    services.network = &m_network;
    services.clock = SystemClock::instance();
    services.webhookUrl = [this](qint64 id) {
        return m_receiver.connectionUrl(id);
    };
    auto wizard = std::make_unique<OnboardingWizard>(services, tenantId);
    wizard->show();
    return wizard;
}

void TestOnboardingWizard::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

namespace {
template<typename T>
T *child(QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    if (!widget)
        qWarning("no %s", qPrintable(name));
    return widget;
}

bool chooseProvider(QWidget &wizard, const QString &id)
{
    auto *list = wizard.findChild<QListWidget *>(u"providerList"_s);
    for (int row = 0; list && row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == id) {
            list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}
} // namespace

void TestOnboardingWizard::inTheBrowser_data()
{
    QTest::addColumn<QString>("tenant"); // a new tenant's name; "existing:<name>" preselected
    QTest::addColumn<QString>("client"); // "confidential" or "native" (public)
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("action");   // consent | deny
    QTest::addColumn<QString>("mappedTo"); // the account is mapped to this tenant already
    QTest::addColumn<QString>("outcome");  // "authorized" | "denied" | "conflict"

    QTest::newRow("consent-new-tenant-confidential-client")
            << u"Umbrella Corp"_s << u"confidential"_s << u"umbrella-admin"_s << u"consent"_s
            << QString() << u"authorized"_s;
    QTest::newRow("deny-existing-tenant-public-client")
            << u"existing:Cyberdyne"_s << u"native"_s << u"cyberdyne-admin"_s << u"deny"_s
            << QString() << u"denied"_s;
    QTest::newRow("consent-account-of-another-tenant")
            << u"existing:Tyrell"_s << u"native"_s << u"shared-admin"_s << u"consent"_s
            << u"Wallace Corp"_s << u"conflict"_s;
}

void TestOnboardingWizard::inTheBrowser()
{
    QFETCH(QString, tenant);
    QFETCH(QString, client);
    QFETCH(QString, login);
    QFETCH(QString, action);
    QFETCH(QString, mappedTo);
    QFETCH(QString, outcome);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const bool shots = tag == u"consent-new-tenant-confidential-client"_s;

    if (!mappedTo.isEmpty()) {
        IdentityMapping mapping;
        mapping.providerId = peerProvider;
        mapping.externalAccountId = login;
        mapping.tenantId = m_workspace.addTenant(mappedTo);
        WB_AWAIT_OK(mapped, m_workspace.store().addIdentityMapping(mapping));
    }
    qint64 existingId = 0;
    const bool existing = tenant.startsWith(u"existing:"_s);
    const QString tenantName = existing ? tenant.mid(9) : tenant;
    if (existing) {
        existingId = m_workspace.addTenant(tenantName);
        QVERIFY(existingId > 0);
    }
    WB_AWAIT_OK(before, m_workspace.store().tenants());

    auto wizard = makeWizard(existingId);
    QSignalSpy created(wizard.get(), &OnboardingWizard::connectionCreated);
    QSignalSpy authorized(wizard.get(), &OnboardingWizard::authorized);
    QSignalSpy added(wizard.get(), &OnboardingWizard::connectionAdded);
    BrowserLauncher browser(QString(), browserEnvironment(u"oauth-browser.mjs"_s,
                                                          {{u"WB_BROWSER_LOGIN"_s, login},
                                                           {u"WB_BROWSER_ACTION"_s, action}}));
    QSignalSpy opened(wizard.get(), &OnboardingWizard::openUrlRequested);
    connect(wizard.get(), &OnboardingWizard::openUrlRequested, &browser,
            [&browser](const QUrl &url) { QVERIFY(browser.launch(url)); });

    // 1. Tenant: the preselected one, or a new one.
    QCOMPARE(wizard->currentId(), int(OnboardingWizard::TenantPage));
    auto *combo = child<QComboBox>(*wizard, u"tenantCombo"_s);
    if (existing) {
        QTRY_COMPARE(combo->currentText(), tenantName);
    } else {
        child<QLineEdit>(*wizard, u"tenantName"_s)->setText(tenantName);
        QVERIFY(child<QRadioButton>(*wizard, u"newTenant"_s)->isChecked());
    }
    QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled()); // the tenants are read
    if (shots)
        screenshot(wizard.get(), u"onboarding-1-tenant.png"_s);
    WB_NEXT(*wizard);

    // 2. Provider.
    QCOMPARE(wizard->currentId(), int(OnboardingWizard::ProviderPage));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(chooseProvider(*wizard, peerProvider));
    QVERIFY(child<QLabel>(*wizard, u"providerDetails"_s)->text().contains(u"X-Peer-Signature"_s));
    if (shots)
        screenshot(wizard.get(), u"onboarding-2-provider.png"_s);
    WB_NEXT(*wizard);

    // 3. OAuth client: scopes from the profile.
    QCOMPARE(wizard->currentId(), int(OnboardingWizard::ClientPage));
    QCOMPARE(child<QLineEdit>(*wizard, u"scope"_s)->text(), u"openid offline_access"_s);
    const OAuthClientConfig peerClient = client == u"confidential"_s ? m_oidc.confidentialClient()
                                                                     : m_oidc.nativeClient();
    child<QLineEdit>(*wizard, u"clientId"_s)->setText(peerClient.clientId);
    auto *auth = child<QComboBox>(*wizard, u"clientAuth"_s);
    auth->setCurrentIndex(auth->findData(int(peerClient.clientAuth)));
    child<QLineEdit>(*wizard, u"clientSecret"_s)->setText(peerClient.clientSecret);
    if (shots)
        screenshot(wizard.get(), u"onboarding-3-client.png"_s);
    WB_NEXT(*wizard);

    // 4. Authorize: the tenant and the connection are created, then the browser goes out.
    QCOMPARE(wizard->currentId(), int(OnboardingWizard::AuthorizePage));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    child<QPushButton>(*wizard, u"startAuthorization"_s)->click();
    QTRY_COMPARE(created.count(), 1);
    const qint64 connectionId = created.first().first().toLongLong();
    QTRY_COMPARE(opened.count(), 1);
    auto *url = child<QLineEdit>(*wizard, u"authorizationUrl"_s);
    QVERIFY2(url->text().startsWith(m_oidc.endpoint("authorization_endpoint").toString()),
             qPrintable(url->text()));
    child<QPushButton>(*wizard, u"copyUrl"_s)->click();
    QCOMPARE(QApplication::clipboard()->text(), url->text());
    if (shots)
        screenshot(wizard.get(), u"onboarding-4-authorize-waiting.png"_s);
    auto *outcomeLabel = child<QLabel>(*wizard, u"outcome"_s);
    QTRY_VERIFY_WITH_TIMEOUT(outcomeLabel->isVisible(), 90'000);
    WB_AWAIT_OK(connection, m_workspace.store().connection(connectionId));
    WB_AWAIT_OK(after, m_workspace.store().tenants());
    QCOMPARE(after->size(), before->size() + (existing ? 0 : 1));
    QCOMPARE(connection->providerId, peerProvider);
    if (outcome == u"denied"_s) {
        QVERIFY2(outcomeLabel->text().contains(u"refused access"_s),
                 qPrintable(outcomeLabel->text()));
        QVERIFY2(outcomeLabel->text().contains(u"access_denied"_s),
                 qPrintable(outcomeLabel->text()));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(wizard->button(QWizard::BackButton)->isEnabled());
        QVERIFY(child<QPushButton>(*wizard, u"startAuthorization"_s)->isEnabled());
        QCOMPARE(connection->status, ConnectionStatus::Unauthorized);
        QCOMPARE(authorized.count(), 0);
        screenshot(wizard.get(), u"onboarding-4-authorize-denied.png"_s);
        // Back to the client, forward again and try again: nothing is created twice; Cancel
        // ends the second attempt (no browser this time).
        wizard->back();
        QCOMPARE(wizard->currentId(), int(OnboardingWizard::ClientPage));
        WB_NEXT(*wizard);
        disconnect(wizard.get(), &OnboardingWizard::openUrlRequested, &browser, nullptr);
        child<QPushButton>(*wizard, u"startAuthorization"_s)->click();
        QTRY_COMPARE(opened.count(), 2);
        child<QPushButton>(*wizard, u"cancelAuthorization"_s)->click();
        QTRY_VERIFY2(outcomeLabel->text().contains(u"You cancelled"_s),
                     qPrintable(outcomeLabel->text()));
        QCOMPARE(created.count(), 1);
        WB_AWAIT_OK(finally, m_workspace.store().tenants());
        QCOMPARE(finally->size(), before->size());
        return;
    }
    QCOMPARE(connection->status, ConnectionStatus::Authorized);
    QCOMPARE(authorized.count(), 1);
    if (client == u"confidential"_s) {
        // The client secret went straight to the keychain.
        WB_AWAIT_OK(secret,
                    m_workspace.secrets().get(SecretKey{connectionId, SecretKind::OAuthClientSecret,
                                                        SecretSlot::Primary}));
        QCOMPARE(*secret, peerClient.clientSecret.toUtf8());
    }
    if (shots)
        screenshot(wizard.get(), u"onboarding-4-authorize-done.png"_s);
    WB_NEXT(*wizard);

    // 5. Account and identity mapping, or the conflict.
    QCOMPARE(wizard->currentId(), int(OnboardingWizard::AccountPage));
    const QString account = child<QLabel>(*wizard, u"accountText"_s)->text();
    QVERIFY2(account.contains(login), qPrintable(account));
    if (outcome == u"conflict"_s) {
        QVERIFY2(account.contains(u"already belongs to another tenant"_s), qPrintable(account));
        QVERIFY2(account.contains(mappedTo), qPrintable(account));
        screenshot(wizard.get(), u"onboarding-5-account-conflict.png"_s);
    } else {
        WB_AWAIT_OK(mappings,
                    m_workspace.store().identityMappings(IdentityMappingFilter{peerProvider, {}}));
        const auto mapping = std::find_if(mappings->cbegin(), mappings->cend(),
                                          [&](const IdentityMapping &m) {
                                              return m.externalAccountId == login;
                                          });
        QVERIFY(mapping != mappings->cend());
        QCOMPARE(mapping->tenantId, connection->tenantId);
        QVERIFY2(account.contains(u"Identity mapping %1"_s.arg(mapping->id)), qPrintable(account));
        if (shots)
            screenshot(wizard.get(), u"onboarding-5-account.png"_s);
    }
    WB_NEXT(*wizard);

    // 6. Webhook: the receiver's URL and a generated signing secret, stored in the keychain.
    QCOMPARE(wizard->currentId(), int(OnboardingWizard::WebhookPage));
    auto *webhookUrl = child<QLineEdit>(*wizard, u"webhookUrl"_s);
    QTRY_COMPARE(webhookUrl->text(), m_receiver.connectionUrl(connectionId).toString());
    QVERIFY(webhookUrl->text().endsWith(u"/hooks/%1"_s.arg(connectionId)));
    child<QPushButton>(*wizard, u"copyWebhookUrl"_s)->click();
    QCOMPARE(QApplication::clipboard()->text(), webhookUrl->text());
    auto *generate = child<QPushButton>(*wizard, u"generateSecret"_s);
    QVERIFY(generate->isVisible());
    generate->click();
    const QString signingSecret = child<QLineEdit>(*wizard, u"webhookSecret"_s)->text();
    QCOMPARE(signingSecret.size(), 64);
    child<QPushButton>(*wizard, u"copySecret"_s)->click();
    QCOMPARE(QApplication::clipboard()->text(), signingSecret);
    if (shots)
        screenshot(wizard.get(), u"onboarding-6-webhook.png"_s);
    WB_NEXT(*wizard);

    // 7. Done, once the keychain has the secret.
    QTRY_COMPARE(wizard->currentId(), int(OnboardingWizard::DonePage));
    WB_AWAIT_OK(stored,
                m_workspace.secrets().get(SecretKey{connectionId, SecretKind::WebhookSigningSecret,
                                                    SecretSlot::Primary}));
    QCOMPARE(*stored, signingSecret.toUtf8());
    const QString summary = child<QLabel>(*wizard, u"summary"_s)->text();
    QVERIFY2(summary.contains(tenantName) && summary.contains(u"in the keychain"_s),
             qPrintable(summary));
    if (shots)
        screenshot(wizard.get(), u"onboarding-7-done.png"_s);
    QTRY_VERIFY(wizard->button(QWizard::FinishButton)->isVisible());
    wizard->button(QWizard::FinishButton)->click();
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().toLongLong(), connectionId);
}

void TestOnboardingWizard::clientValidation_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("field");   // the problem label shown
    QTest::addColumn<QString>("message"); // part of its text
    QTest::addColumn<QString>("fixWith"); // text typed into that field that makes Next work

    QTest::newRow("empty-client-id")
            << peerProvider << QString() << u"s"_s << u"clientId"_s
            << u"Enter the client id of your app at OIDC Peer"_s << u"wirebench-native"_s;
    QTest::newRow("missing-shopify-shop")
            << u"shopify"_s << u"abc"_s << u"s"_s << u"placeholder:shop"_s
            << u"is needed: the provider's addresses contain it"_s << u"umbrella"_s;
    QTest::newRow("shop-that-changes-the-host")
            << u"shopify"_s << u"abc"_s << u"s"_s << u"placeholder:shop"_s << u"no /, ?"_s
            << u"umbrella"_s;
    QTest::newRow("secret-missing")
            << peerProvider << u"wirebench-confidential"_s << QString() << u"clientSecret"_s
            << u"Enter the client secret"_s << u"s3cret"_s;
}

void TestOnboardingWizard::clientValidation()
{
    QFETCH(QString, provider);
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QFETCH(QString, fixWith);
    auto wizard = makeWizard();
    child<QLineEdit>(*wizard, u"tenantName"_s)
            ->setText(u"Validation %1"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    WB_NEXT(*wizard);
    QVERIFY(chooseProvider(*wizard, provider));
    WB_NEXT(*wizard);
    QCOMPARE(wizard->currentId(), int(OnboardingWizard::ClientPage));
    child<QLineEdit>(*wizard, u"clientId"_s)->setText(clientId);
    child<QLineEdit>(*wizard, u"clientSecret"_s)->setText(secret);
    if (QString::fromLatin1(QTest::currentDataTag()) == u"shop-that-changes-the-host"_s)
        child<QLineEdit>(*wizard, field)->setText(u"evil.example/x"_s);
    const QString problemName = field == u"clientId"_s       ? u"problem:client_id"_s
                                : field == u"clientSecret"_s ? u"problem:client_secret"_s
                                                             : u"problem:"_s + field;
    auto *problem = child<QLabel>(*wizard, problemName);
    QVERIFY(problem);
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(message), qPrintable(problem->text()));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    if (QString::fromLatin1(QTest::currentDataTag()) == u"missing-shopify-shop"_s)
        screenshot(wizard.get(), u"onboarding-3-client-invalid.png"_s);
    child<QLineEdit>(*wizard, field)->setText(fixWith);
    QTRY_VERIFY(!problem->isVisible());
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
}

void TestOnboardingWizard::tenantNameValidation()
{
    QVERIFY(m_workspace.addTenant(u"Soylent"_s) > 0);
    auto wizard = makeWizard();
    auto *name = child<QLineEdit>(*wizard, u"tenantName"_s);
    auto *problem = child<QLabel>(*wizard, u"tenantProblem"_s);
    QTRY_VERIFY(child<QComboBox>(*wizard, u"tenantCombo"_s)->count() > 0);
    name->setText(u"soylent"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"“Soylent” exists already"_s), qPrintable(problem->text()));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    screenshot(wizard.get(), u"onboarding-1-tenant-invalid.png"_s);
    name->setText(u"Soylent Green"_s);
    QVERIFY(!problem->isVisible());
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
}

void TestOnboardingWizard::timeoutIsExplained()
{
    auto wizard = makeWizard();
    wizard->setAuthorizationTimeoutMs(1500); // nobody opens the address
    child<QLineEdit>(*wizard, u"tenantName"_s)->setText(u"Initech"_s);
    WB_NEXT(*wizard);
    QVERIFY(chooseProvider(*wizard, peerProvider));
    WB_NEXT(*wizard);
    child<QLineEdit>(*wizard, u"clientId"_s)->setText(m_oidc.nativeClient().clientId);
    auto *auth = child<QComboBox>(*wizard, u"clientAuth"_s);
    auth->setCurrentIndex(auth->findData(int(ClientAuthMethod::None)));
    WB_NEXT(*wizard);
    QSignalSpy opened(wizard.get(), &OnboardingWizard::openUrlRequested);
    child<QPushButton>(*wizard, u"startAuthorization"_s)->click();
    QTRY_COMPARE(opened.count(), 1);
    auto *outcome = child<QLabel>(*wizard, u"outcome"_s);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->isVisible(), 20'000);
    QVERIFY2(outcome->text().contains(u"did not come back in time"_s), qPrintable(outcome->text()));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(child<QPushButton>(*wizard, u"startAuthorization"_s)->text(), u"&Try again"_s);
}

void TestOnboardingWizard::providerWithoutOAuth()
{
    auto wizard = makeWizard();
    QSignalSpy created(wizard.get(), &OnboardingWizard::connectionCreated);
    child<QLineEdit>(*wizard, u"tenantName"_s)->setText(u"Hooli"_s);
    WB_NEXT(*wizard);
    QVERIFY(chooseProvider(*wizard, u"twilio"_s));
    WB_NEXT(*wizard);
    // No client, no browser: straight to the webhook, and the connection exists.
    QCOMPARE(wizard->currentId(), int(OnboardingWizard::WebhookPage));
    QTRY_COMPARE(created.count(), 1);
    const qint64 connectionId = created.first().first().toLongLong();
    QTRY_COMPARE(child<QLineEdit>(*wizard, u"webhookUrl"_s)->text(),
                 m_receiver.connectionUrl(connectionId).toString());
    // Twilio issues the secret (the auth token): paste it, nothing to generate.
    QVERIFY(!child<QPushButton>(*wizard, u"generateSecret"_s)->isVisible());
    child<QLineEdit>(*wizard, u"webhookSecret"_s)->setText(u"twilio-auth-token"_s);
    WB_NEXT(*wizard);
    QTRY_COMPARE(wizard->currentId(), int(OnboardingWizard::DonePage));
    WB_AWAIT_OK(stored,
                m_workspace.secrets().get(SecretKey{connectionId, SecretKind::WebhookSigningSecret,
                                                    SecretSlot::Primary}));
    QCOMPARE(*stored, "twilio-auth-token"_ba);
    WB_AWAIT_OK(connection, m_workspace.store().connection(connectionId));
    QCOMPARE(connection->providerId, u"twilio"_s);
}

void TestOnboardingWizard::verifyTokenAnswersTheSubscriptionCheck()
{
    // The receiver routes with this workspace from now on (the other tests only need its URL).
    QSignalSpy ready(&m_receiver, &Receiver::workspaceReady);
    m_receiver.attachWorkspace(ReceiverServices{&m_workspace.store(), m_catalog.get(),
                                                SystemClock::instance(), &m_workspace.secrets()});
    QVERIFY(ready.count() == 1 || ready.wait(10000));

    auto wizard = makeWizard();
    QSignalSpy created(wizard.get(), &OnboardingWizard::connectionCreated);
    child<QLineEdit>(*wizard, u"tenantName"_s)->setText(u"Stark Industries"_s);
    WB_NEXT(*wizard);
    QVERIFY(chooseProvider(*wizard, u"hub-peer"_s));
    WB_NEXT(*wizard);
    QCOMPARE(wizard->currentId(), int(OnboardingWizard::WebhookPage));
    QTRY_COMPARE(created.count(), 1);
    const qint64 connectionId = created.first().first().toLongLong();
    auto *token = child<QLineEdit>(*wizard, u"verifyToken"_s);
    QVERIFY(token->isVisible());
    // A space is not accepted (the store refuses it too).
    QTest::keyClicks(token, u"two words"_s);
    QCOMPARE(token->text(), u"twowords"_s);
    token->clear();
    QTest::mouseClick(child<QPushButton>(*wizard, u"generateVerifyToken"_s), Qt::LeftButton);
    const QString generated = token->text();
    QCOMPARE(generated.size(), 48);
    screenshot(wizard.get(), u"onboarding-6-webhook-verify-token.png"_s);
    WB_NEXT(*wizard);
    QTRY_COMPARE(wizard->currentId(), int(OnboardingWizard::DonePage));
    WB_AWAIT_OK(connection, m_workspace.store().connection(connectionId));
    QCOMPARE(connection->settings.handshakeVerifyToken, generated);

    // Meta's check at the URL the page showed: answered with the challenge for this token only.
    const QUrl url = m_receiver.connectionUrl(connectionId);
    const auto check = [&](const QString &offered) {
        QUrl checkUrl = url;
        checkUrl.setQuery(u"hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="_s
                          + offered);
        std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(checkUrl)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(10000))
            return std::pair{-1, QByteArray()};
        return std::pair{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                         reply->readAll()};
    };
    QCOMPARE(check(generated), std::pair(200, "1158201444"_ba));
    QCOMPARE(check(u"meatyhamhock"_s).first, 403);
}

void TestOnboardingWizard::cancelAfterCreation_data()
{
    QTest::addColumn<QString>("choice"); // the button's object name
    QTest::addColumn<bool>("newTenant");
    QTest::newRow("remove-new-tenant") << u"removeCreated"_s << true;
    QTest::newRow("remove-connection-of-existing-tenant") << u"removeCreated"_s << false;
    QTest::newRow("keep") << u"keepCreated"_s << true;
    QTest::newRow("continue-onboarding") << u"continueOnboarding"_s << true;
}

void TestOnboardingWizard::cancelAfterCreation()
{
    QFETCH(QString, choice);
    QFETCH(bool, newTenant);
    qint64 existingTenant = 0;
    if (!newTenant) {
        Tenant tenant;
        tenant.displayName = u"Existing %1"_s.arg(QString::fromLatin1(QTest::currentDataTag()));
        WB_AWAIT_OK(added, m_workspace.store().addTenant(tenant));
        existingTenant = added->id;
    }
    auto wizard = makeWizard(existingTenant);
    QSignalSpy created(wizard.get(), &OnboardingWizard::connectionCreated);
    QSignalSpy discard(wizard.get(), &OnboardingWizard::discardRequested);
    QSignalSpy rejected(wizard.get(), &QDialog::rejected);
    if (newTenant) {
        child<QLineEdit>(*wizard, u"tenantName"_s)
                ->setText(u"Cancelled %1"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    }
    WB_NEXT(*wizard);
    QVERIFY(chooseProvider(*wizard, u"twilio"_s));
    WB_NEXT(*wizard);
    QTRY_COMPARE(created.count(), 1);
    const qint64 connectionId = created.first().first().toLongLong();

    wizard->button(QWizard::CancelButton)->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = wizard->findChild<QMessageBox *>(u"cancelOnboarding"_s)));
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(u"Twilio"_s), qPrintable(box->text()));
    QVERIFY(wizard->isVisible()); // nothing is decided before the answer
    screenshot(box, u"onboarding-cancel-after-creation.png"_s);
    box->findChild<QPushButton *>(choice)->click();

    if (choice == u"continueOnboarding"_s) {
        QVERIFY(wizard->isVisible());
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(wizard->currentId(), int(OnboardingWizard::WebhookPage));
        QCOMPARE(discard.count(), 0);
        return;
    }
    QTRY_COMPARE(rejected.count(), 1);
    QVERIFY(!wizard->isVisible());
    if (choice == u"keepCreated"_s) {
        QCOMPARE(discard.count(), 0);
        return;
    }
    QCOMPARE(discard.count(), 1);
    QCOMPARE(discard.first().at(0).toLongLong(), connectionId);
    WB_AWAIT_OK(connection, m_workspace.store().connection(connectionId));
    // The tenant is named only when the wizard created it (an existing one stays).
    QCOMPARE(discard.first().at(1).toLongLong(), newTenant ? connection->tenantId : 0);
}

QTEST_MAIN(TestOnboardingWizard)
#include "tst_onboardingwizard.moc"
