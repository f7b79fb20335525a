// SPDX-License-Identifier: GPL-3.0-or-later
// The onboarding wizard's decisions without widgets: what a provider needs (from the built-in
// profiles), inline validation, the client JSON (read back by the core's own parser) and generated
// webhook signing secrets.
#include "core/oauth/clientconfigjson.h"
#include "core/providers/providercatalog.h"
#include "support/results.h"
#include "ui/onboarding/onboardingplan.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;
namespace plan = wb::ui::onboarding;

using Placeholders = QMap<QString, QString>;

class TestOnboardingPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void providerNeeds_data();
    void providerNeeds();
    void tenantName_data();
    void tenantName();
    void clientProblems_data();
    void clientProblems();
    void clientJsonIsWhatTheCoreReads();
    void generatedSecrets();

private:
    QTemporaryDir m_noUserProfiles;
    ProviderCatalog m_catalog;
};

void TestOnboardingPlan::initTestCase()
{
    QVERIFY(m_noUserProfiles.isValid());
    m_catalog = ProviderCatalog::load(m_noUserProfiles.path());
    QVERIFY(m_catalog.issues().isEmpty());
}

void TestOnboardingPlan::providerNeeds_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<bool>("oauth");
    QTest::addColumn<QString>("signatureContains");
    QTest::addColumn<QString>("handshakeContains");

    QTest::newRow("github-hmac-you-choose")
            << u"github"_s << true
            << u"HMAC-SHA-256 of the body in X-Hub-Signature-256, with a shared signing secret. "
               "You choose the secret."_s
            << QString();
    QTest::newRow("slack-url-verification")
            << u"slack"_s << true << u"X-Slack-Signature"_s << u"url_verification"_s;
    QTest::newRow("microsoft-graph-unsigned-validation-token")
            << u"microsoft-graph"_s << true << u"Webhooks are not signed."_s
            << u"validationToken"_s;
    QTest::newRow("twilio-no-oauth")
            << u"twilio"_s << false << u"Twilio's HMAC-SHA1"_s << QString();
    QTest::newRow("discord-ed25519-public-key")
            << u"discord"_s << true << u"Ed25519"_s << u"PING"_s;
}

void TestOnboardingPlan::providerNeeds()
{
    QFETCH(QString, provider);
    QFETCH(bool, oauth);
    QFETCH(QString, signatureContains);
    QFETCH(QString, handshakeContains);
    const ProviderProfile *profile = m_catalog.find(provider);
    QVERIFY(profile);
    const plan::ProviderNeeds needs = plan::providerNeeds(*profile);
    QCOMPARE(needs.oauth, oauth);
    QVERIFY2(needs.authorization.startsWith(oauth ? u"OAuth 2.0"_s : u"No OAuth"_s),
             qPrintable(needs.authorization));
    QVERIFY2(needs.signature.contains(signatureContains), qPrintable(needs.signature));
    if (handshakeContains.isEmpty())
        QVERIFY2(needs.handshake.isEmpty(), qPrintable(needs.handshake));
    else
        QVERIFY2(needs.handshake.contains(handshakeContains), qPrintable(needs.handshake));
}

void TestOnboardingPlan::tenantName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problemContains"); // "" = accepted

    QTest::newRow("new-name") << u"Umbrella Corp"_s << QString();
    QTest::newRow("surrounding-spaces-are-trimmed") << u"  Umbrella Corp "_s << QString();
    QTest::newRow("empty") << QString() << u"Enter the tenant's name"_s;
    QTest::newRow("only-spaces") << u"   "_s << u"Enter the tenant's name"_s;
    QTest::newRow("taken-other-case") << u"acme corp"_s << u"“Acme Corp” exists already"_s;
    QTest::newRow("too-long") << QString(201, u'x') << u"at most 200"_s;
}

void TestOnboardingPlan::tenantName()
{
    QFETCH(QString, name);
    QFETCH(QString, problemContains);
    const QString problem = plan::tenantNameProblem(name, {u"Acme Corp"_s, u"Tyrell"_s});
    if (problemContains.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(problemContains), qPrintable(problem));
}

void TestOnboardingPlan::clientProblems_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<int>("auth");
    QTest::addColumn<bool>("hasSecret");
    QTest::addColumn<Placeholders>("placeholders");
    QTest::addColumn<QStringList>("fields"); // with problems, in order

    const int post = int(ClientAuthMethod::ClientSecretPost);
    const int none = int(ClientAuthMethod::None);
    QTest::newRow("complete") << u"slack"_s << u"123.456"_s << post << true << Placeholders()
                              << QStringList();
    QTest::newRow("empty-client-id") << u"slack"_s << QString() << post << true << Placeholders()
                                     << QStringList{u"client_id"_s};
    QTest::newRow("client-id-with-space") << u"slack"_s << u"123 "_s << post << true
                                          << Placeholders() << QStringList{u"client_id"_s};
    QTest::newRow("secret-missing") << u"slack"_s << u"123"_s << post << false << Placeholders()
                                    << QStringList{u"client_secret"_s};
    QTest::newRow("public-client-needs-no-secret")
            << u"slack"_s << u"123"_s << none << false << Placeholders() << QStringList();
    QTest::newRow("shopify-shop-missing") << u"shopify"_s << u"abc"_s << post << true
                                          << Placeholders() << QStringList{u"placeholder:shop"_s};
    QTest::newRow("shopify-shop-changes-the-host")
            << u"shopify"_s << u"abc"_s << post << true
            << Placeholders{{u"shop"_s, u"evil.example/x"_s}} << QStringList{u"placeholder:shop"_s};
    QTest::newRow("microsoft-tenant-default-common")
            << u"microsoft-graph"_s << u"abc"_s << none << false << Placeholders() << QStringList();
    QTest::newRow("everything-missing")
            << u"shopify"_s << QString() << post << false << Placeholders()
            << QStringList{u"client_id"_s, u"client_secret"_s, u"placeholder:shop"_s};
}

void TestOnboardingPlan::clientProblems()
{
    QFETCH(QString, provider);
    QFETCH(QString, clientId);
    QFETCH(int, auth);
    QFETCH(bool, hasSecret);
    QFETCH(Placeholders, placeholders);
    QFETCH(QStringList, fields);
    const ProviderProfile *profile = m_catalog.find(provider);
    QVERIFY(profile);
    plan::ClientInput input;
    input.clientId = clientId;
    input.clientAuth = ClientAuthMethod(auth);
    input.hasSecret = hasSecret;
    input.placeholders = placeholders;
    QStringList found;
    for (const plan::FieldProblem &problem : plan::clientProblems(*profile, input)) {
        found << problem.field;
        QVERIFY(!problem.message.isEmpty());
    }
    QCOMPARE(found, fields);
    // What the wizard lets through, the core accepts; what the core refuses (no client id, a
    // placeholder), the wizard refuses first. (The wizard is stricter about spaces around the id.)
    const Result<OAuthClientConfig> config = clientConfigFromJson(plan::clientJson(provider, input),
                                                                  u"test"_s, m_catalog);
    const bool coreProblem = clientId.isEmpty() || fields.contains(u"placeholder:shop"_s);
    QCOMPARE(bool(config), !coreProblem);
}

void TestOnboardingPlan::clientJsonIsWhatTheCoreReads()
{
    plan::ClientInput input;
    input.clientId = u"shpca_1"_s;
    input.clientAuth = ClientAuthMethod::ClientSecretBasic;
    input.hasSecret = true;
    input.placeholders = {{u"shop"_s, u"umbrella"_s}};
    input.scope = u" read_orders   write_orders "_s;
    const QByteArray json = plan::clientJson(u"shopify"_s, input);
    QVERIFY2(!json.contains("secret\":"), json.constData());
    const Result<OAuthClientConfig> config = clientConfigFromJson(json, u"test"_s, m_catalog);
    QVERIFY2(config, qPrintable(errorMessage(config)));
    QCOMPARE(config->providerId, u"shopify"_s);
    QCOMPARE(config->clientId, u"shpca_1"_s);
    QCOMPARE(config->clientAuth, ClientAuthMethod::ClientSecretBasic);
    QCOMPARE(config->authorizationUrl,
             QUrl(u"https://umbrella.myshopify.com/admin/oauth/authorize"_s));
    QCOMPARE(config->scopes, (QStringList{u"read_orders"_s, u"write_orders"_s}));
}

void TestOnboardingPlan::generatedSecrets()
{
    const QByteArray first = plan::generateWebhookSecret();
    const QByteArray second = plan::generateWebhookSecret();
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    QVERIFY2(hex.match(QString::fromLatin1(first)).hasMatch(), first.constData());
    QVERIFY2(hex.match(QString::fromLatin1(second)).hasMatch(), second.constData());
    QVERIFY(first != second);
}

QTEST_GUILESS_MAIN(TestOnboardingPlan)
#include "tst_onboardingplan.moc"
