// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/providers/profileparser.h"
#include "core/providers/providercatalog.h"

#include "support/testenv.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {
struct BrokenRow
{
    const char *file;
    const char *code;
    const char *key;
};

// The corpus under tests/fixtures/providers/broken: each file, the error code and the key named.
const BrokenRow kBrokenRows[] = {
        {"not-json", "profile.invalid_json", ""},
        {"top-level-array", "profile.invalid_json", ""},
        {"missing-display-name", "profile.missing_key", "display_name"},
        {"format-2", "profile.unsupported_format", "format"},
        {"id-mismatch", "profile.id_mismatch", "id"},
        {"Bad_Id", "profile.bad_value", "id"},
        {"root-typo", "profile.unknown_key", "rate_limit"},
        {"missing-signature", "profile.missing_key", "webhook.signature"},
        {"unknown-family", "profile.unknown_scheme", "webhook.signature.family"},
        {"unknown-handshake", "profile.unknown_handshake", "webhook.handshake.kind"},
        {"typo-key", "profile.unknown_key", "webhook.signature.tolerance_secs"},
        {"tolerance-without-timestamp", "profile.inconsistent",
         "webhook.signature.tolerance_seconds"},
        {"negative-tolerance", "profile.bad_value", "webhook.signature.tolerance_seconds"},
        {"timestamp-not-declared", "profile.inconsistent", "webhook.signature.signed_payload"},
        {"unknown-placeholder", "profile.bad_value", "webhook.signature.signed_payload"},
        {"unclosed-placeholder", "profile.bad_value", "webhook.signature.signed_payload"},
        {"payload-without-body", "profile.inconsistent", "webhook.signature.signed_payload"},
        {"secret-outside-digest", "profile.inconsistent", "webhook.signature.signed_payload"},
        {"digest-without-secret", "profile.inconsistent", "webhook.signature.signed_payload"},
        {"bad-encoding-type", "profile.bad_type", "webhook.signature.encoding"},
        {"unknown-encoding", "profile.bad_value", "webhook.signature.encoding"},
        {"empty-header-list", "profile.bad_value", "webhook.signature.header"},
        {"list-without-separator", "profile.inconsistent", "webhook.signature.format"},
        {"key-value-without-signature-key", "profile.inconsistent", "webhook.signature.format"},
        {"signature-header-timestamp-single-format", "profile.inconsistent",
         "webhook.signature.timestamp.source"},
        {"ed25519-with-algorithm", "profile.inconsistent", "webhook.signature.algorithm"},
        {"ed25519-without-key-encoding", "profile.missing_key", "webhook.signature.key_encoding"},
        {"twilio-with-template", "profile.inconsistent", "webhook.signature.signed_payload"},
        {"second-scheme-shadowed", "profile.inconsistent", "webhook.signature[1]"},
        {"missing-timestamp-unit", "profile.missing_key", "webhook.signature.timestamp.unit"},
        {"http-token-url", "profile.bad_value", "oauth.token_url"},
        {"undeclared-placeholder", "profile.undeclared_placeholder", "oauth.url_placeholders"},
        {"bad-pkce", "profile.bad_value", "oauth.pkce"},
        {"scopes-not-a-list", "profile.bad_type", "oauth.default_scopes"},
        {"bad-token-pointer", "profile.bad_pointer", "oauth.token_response.account_id"},
        {"account-pointer-and-claim", "profile.inconsistent",
         "oauth.token_response.account_id_claim"},
        {"revoke-request-without-url", "profile.inconsistent", "oauth.revoke_request"},
        {"unknown-revoke-request", "profile.bad_value", "oauth.revoke_request"},
        {"token-info-and-token-response", "profile.inconsistent", "oauth.token_info"},
        {"token-info-without-account-id", "profile.missing_key", "oauth.token_info.account_id"},
        {"bad-identity-pointer", "profile.bad_pointer", "webhook.identity[0].json_pointer"},
        {"identity-two-sources", "profile.bad_value", "webhook.identity[1]"},
        {"identity-no-source", "profile.missing_key", "webhook.identity"},
        {"reset-header-without-unit", "profile.inconsistent", "rate_limits.reset_unit"},
        {"schedule-not-integers", "profile.bad_type", "provider_retry_policy.schedule_seconds[1]"},
        {"sources-not-strings", "profile.bad_type", "sources.signature"},
};
} // namespace

class TestProviderProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyShippedFileIsEmbeddedAndLoads();
    void requiredProviders_data();
    void requiredProviders();
    void shippedProfilesNameTheirSources();
    void minimalProfileLoads();
    void brokenProfiles_data();
    void brokenProfiles();
    void everyBrokenFixtureHasARow();
    void userFolderOverridesAndAdds();
    void brokenUserOverrideKeepsBuiltIn();
    void missingUserFolderIsFine();
    void unknownProviderIsExplained();

private:
    static bool write(const QString &path, const QByteArray &bytes);
    ProviderCatalog m_catalog;
};

bool TestProviderProfiles::write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

void TestProviderProfiles::initTestCase()
{
    const QTemporaryDir empty;
    QVERIFY(empty.isValid());
    m_catalog = ProviderCatalog::load(empty.path());
}

void TestProviderProfiles::everyShippedFileIsEmbeddedAndLoads()
{
    for (const ProviderCatalog::Issue &issue : m_catalog.issues())
        qWarning("%s", qPrintable(issue.error.message));
    QVERIFY(m_catalog.issues().isEmpty());
    QStringList sourceFiles = QDir(wb::test::sourceDir() + u"/resources/providers"_s)
                                      .entryList({u"*.json"_s}, QDir::Files);
    sourceFiles.sort();
    QVERIFY(sourceFiles.size() >= 20);
    QStringList files;
    for (const ProviderProfile &profile : m_catalog.profiles()) {
        files << profile.id + u".json"_s;
        QCOMPARE(profile.origin, ProviderProfile::Origin::BuiltIn);
        QCOMPARE(profile.originPath, u":/providers/%1.json"_s.arg(profile.id));
        QVERIFY(!profile.overridesBuiltIn);
    }
    files.sort();
    QCOMPARE(files, sourceFiles);
}

void TestProviderProfiles::requiredProviders_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<SignatureFamily>("family");
    QTest::addColumn<QString>("signatureHeader");
    QTest::addColumn<HandshakeKind>("handshake");
    QTest::addColumn<QString>("identity");

    const auto row = [](const char *id, SignatureFamily family, const QString &header,
                        HandshakeKind handshake, const QString &identity) {
        QTest::newRow(id) << QString::fromLatin1(id) << family << header << handshake << identity;
    };
    using F = SignatureFamily;
    using H = HandshakeKind;
    row("slack", F::Hmac, u"X-Slack-Signature"_s, H::SlackUrlVerification, u"/team_id"_s);
    row("github", F::Hmac, u"X-Hub-Signature-256"_s, H::None, u"/installation/id"_s);
    row("stripe", F::Hmac, u"Stripe-Signature"_s, H::None, u"/account"_s);
    row("shopify", F::Hmac, u"X-Shopify-Hmac-Sha256"_s, H::None, u"X-Shopify-Shop-Domain"_s);
    row("hubspot", F::Hmac, u"X-HubSpot-Signature-v3"_s, H::None, u"/0/portalId"_s);
    row("salesforce", F::None, QString(), H::None, u"OrganizationId"_s);
    row("microsoft-graph", F::None, QString(), H::GraphValidationToken, u"/value/0/tenantId"_s);
    row("zoom", F::Hmac, u"x-zm-signature"_s, H::ZoomUrlValidation, u"/payload/account_id"_s);
    row("twilio", F::Twilio, u"X-Twilio-Signature"_s, H::None, u"AccountSid"_s);
    row("discord", F::Ed25519, u"X-Signature-Ed25519"_s, H::DiscordPing, u"/guild_id"_s);
    row("square", F::Hmac, u"x-square-hmacsha256-signature"_s, H::None, u"/merchant_id"_s);
    row("intercom", F::Hmac, u"X-Hub-Signature"_s, H::None, u"/app_id"_s);
    row("linear", F::Hmac, u"linear-signature"_s, H::None, u"/organizationId"_s);
    row("asana", F::Hmac, u"X-Hook-Signature"_s, H::AsanaHookSecret, QString());
    row("dropbox", F::Hmac, u"X-Dropbox-Signature"_s, H::DropboxChallenge,
        u"/list_folder/accounts/0"_s);
    row("pagerduty", F::Hmac, u"X-PagerDuty-Signature"_s, H::None, u"X-Webhook-Subscription"_s);
    row("sendgrid", F::EcdsaP256, u"X-Twilio-Email-Event-Webhook-Signature"_s, H::None, QString());
    row("meta", F::Hmac, u"X-Hub-Signature-256"_s, H::MetaHubChallenge, u"/entry/0/id"_s);
    row("standard-webhooks", F::Hmac, u"webhook-signature"_s, H::None, QString());
    row("standard-webhooks-ed25519", F::Ed25519, u"webhook-signature"_s, H::None, QString());
    row("generic-hmac", F::Hmac, u"X-Signature"_s, H::None, QString());
    row("x", F::Hmac, u"x-twitter-webhooks-signature"_s, H::XCrc, u"/for_user_id"_s);
}

void TestProviderProfiles::requiredProviders()
{
    QFETCH(QString, id);
    QFETCH(SignatureFamily, family);
    QFETCH(QString, signatureHeader);
    QFETCH(HandshakeKind, handshake);
    QFETCH(QString, identity);

    const ProviderProfile *profile = m_catalog.find(id);
    QVERIFY2(profile, qPrintable(id));
    QVERIFY(!profile->displayName.isEmpty());
    if (family == SignatureFamily::None) {
        QVERIFY(profile->signatureSchemes.isEmpty());
    } else {
        QVERIFY(!profile->signatureSchemes.isEmpty());
        QCOMPARE(profile->signatureSchemes.front().family, family);
        QCOMPARE(profile->signatureSchemes.front().signatureHeaders.front(), signatureHeader);
    }
    QCOMPARE(profile->handshake.kind, handshake);
    if (identity.isEmpty())
        QVERIFY(profile->identityFields.isEmpty());
    else
        QCOMPARE(profile->identityFields.front().name, identity);
    QVERIFY(!profile->retryPolicy.summary.isEmpty());
}

void TestProviderProfiles::shippedProfilesNameTheirSources()
{
    // Every shipped profile says where its facts come from; spot-check some values against
    // ../shared/providers/FACTS.md.
    for (const ProviderProfile &profile : m_catalog.profiles()) {
        QVERIFY2(profile.sources.contains(u"signature"_s), qPrintable(profile.id));
        for (auto it = profile.sources.begin(); it != profile.sources.end(); ++it)
            QVERIFY2(!it.value().isEmpty(), qPrintable(profile.id + u'.' + it.key()));
    }
    const ProviderProfile *slack = m_catalog.find(u"slack");
    QCOMPARE(slack->signatureSchemes.front().signedPayload, u"v0:{timestamp}:{body}"_s);
    QCOMPARE(slack->signatureSchemes.front().toleranceSeconds, 300);
    QCOMPARE(slack->oauth.tokenResponse.accountIdPointer, u"/team/id"_s);
    QCOMPARE(slack->retryPolicy.scheduleSeconds, (QList<int>{0, 60, 300}));

    const ProviderProfile *stripe = m_catalog.find(u"stripe");
    QCOMPARE(stripe->signatureSchemes.front().format, SignatureFormat::KeyValue);
    QCOMPARE(stripe->signatureSchemes.front().timestampSource, TimestampSource::SignatureHeader);
    QCOMPARE(stripe->oauth.tokenResponse.accountIdPointer, u"/stripe_user_id"_s);

    const ProviderProfile *hubspot = m_catalog.find(u"hubspot");
    QCOMPARE(hubspot->signatureSchemes.size(), 3);
    QCOMPARE(hubspot->signatureSchemes.at(0).timestampUnit, TimestampUnit::Milliseconds);
    QCOMPARE(hubspot->signatureSchemes.at(1).family, SignatureFamily::Digest);
    QCOMPARE(hubspot->signatureSchemes.at(1).whenEquals, u"v2"_s);
    QCOMPARE(hubspot->oauth.pkce, PkceSupport::Supported);
    // The hub id from the token metadata (tests/fixtures/oauth/hubspot-access-token-info.json).
    QCOMPARE(hubspot->oauth.tokenInfo.accountIdPointer, u"/hub_id"_s);
    QVERIFY(hubspot->oauth.tokenResponse.accountIdPointer.isEmpty());

    const ProviderProfile *standard = m_catalog.find(u"standard-webhooks");
    QCOMPARE(standard->signatureSchemes.front().signatureHeaders,
             (QStringList{u"webhook-signature"_s, u"svix-signature"_s}));
    QCOMPARE(standard->signatureSchemes.front().keyPrefix, u"whsec_"_s);

    const ProviderProfile *graph = m_catalog.find(u"microsoft-graph");
    QCOMPARE(graph->oauth.urlPlaceholders.value(u"tenant"_s), u"common"_s);

    const ProviderProfile *github = m_catalog.find(u"github");
    QCOMPARE(github->rateLimits.resetHeader, u"x-ratelimit-reset"_s);
    QCOMPARE(github->rateLimits.resetUnit, RateLimitResetUnit::EpochSeconds);
    QCOMPARE(github->oauth.revokeRequest, RevocationRequest::BasicAuthJsonDelete);
    QCOMPARE(slack->oauth.revokeRequest, RevocationRequest::BearerPost);
    QCOMPARE(m_catalog.find(u"salesforce")->oauth.revokeRequest, RevocationRequest::Rfc7009);
    const ProviderProfile *pagerduty = m_catalog.find(u"pagerduty");
    QCOMPARE(pagerduty->rateLimits.resetUnit, RateLimitResetUnit::DeltaSeconds);

    const ProviderProfile *salesforce = m_catalog.find(u"salesforce");
    QCOMPARE(salesforce->oauth.tokenResponse.instanceUrlPointer, u"/instance_url"_s);
    QCOMPARE(m_catalog.find(u"linear")->signatureSchemes.front().toleranceSeconds, 60);
}

void TestProviderProfiles::minimalProfileLoads()
{
    const auto profile = parseProviderProfile(wb::test::readFixture(
                                                      u"providers/minimal-valid.json"_s),
                                              u"minimal-valid.json"_s);
    QVERIFY2(profile, qPrintable(profile ? QString() : profile.error().message));
    QCOMPARE(profile->id, u"minimal-valid"_s);
    QCOMPARE(profile->signatureSchemes.size(), 1);
    QCOMPARE(profile->signatureSchemes.front().encoding, SignatureEncoding::Hex);
    QVERIFY(!profile->oauth.present);
}

void TestProviderProfiles::brokenProfiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("key");

    for (const BrokenRow &row : kBrokenRows) {
        QTest::newRow(row.file) << QString::fromLatin1(row.file) << QString::fromLatin1(row.code)
                                << QString::fromLatin1(row.key);
    }
}

void TestProviderProfiles::brokenProfiles()
{
    QFETCH(QString, file);
    QFETCH(QString, code);
    QFETCH(QString, key);

    const QString fileName = u"broken/%1.json"_s.arg(file);
    const auto profile = parseProviderProfile(wb::test::readFixture(u"providers/"_s + fileName),
                                              fileName);
    QVERIFY2(!profile, qPrintable(file + u" loaded although it is broken"_s));
    QCOMPARE(profile.error().code, code);
    const QString message = profile.error().message;
    QVERIFY2(message.startsWith(fileName + u": "_s), qPrintable(message));
    if (key.isEmpty())
        QVERIFY2(!message.contains(u"key \""_s), qPrintable(message));
    else
        QVERIFY2(message.contains(u"key \"%1\": "_s.arg(key)), qPrintable(message));
    // The problem itself follows the key, in words.
    QVERIFY2(message.size() > fileName.size() + key.size() + 15, qPrintable(message));
}

void TestProviderProfiles::everyBrokenFixtureHasARow()
{
    // Every file of the corpus must have a row in brokenProfiles_data() (which checks its exact
    // code and key); the rows are listed in kBrokenRows.
    QStringList files = QDir(wb::test::fixturePath(u"providers/broken"_s))
                                .entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (QString &file : files)
        file.chop(5);
    QStringList rows;
    for (const auto &row : kBrokenRows)
        rows << QString::fromLatin1(row.file);
    rows.sort();
    QCOMPARE(files, rows);
}

void TestProviderProfiles::userFolderOverridesAndAdds()
{
    QTemporaryDir user;
    QVERIFY(user.isValid());
    // Override: Slack with a 600 s tolerance.
    QFile builtIn(u":/providers/slack.json"_s);
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    QJsonObject slack = QJsonDocument::fromJson(builtIn.readAll()).object();
    slack[u"display_name"_s] = u"Slack (our workspace)"_s;
    QJsonObject webhook = slack[u"webhook"_s].toObject();
    QJsonObject signature = webhook[u"signature"_s].toObject();
    signature[u"tolerance_seconds"_s] = 600;
    webhook[u"signature"_s] = signature;
    slack[u"webhook"_s] = webhook;
    QVERIFY(write(user.filePath(u"slack.json"_s), QJsonDocument(slack).toJson()));
    // Addition: an in-house sender.
    QByteArray acme = wb::test::readFixture(u"providers/minimal-valid.json"_s);
    acme.replace("minimal-valid", "acme-billing");
    QVERIFY(write(user.filePath(u"acme-billing.json"_s), acme));
    // A broken user file is reported and harms nothing else.
    QVERIFY(write(user.filePath(u"broken.json"_s), "{\"format\": 1"));
    QVERIFY(write(user.filePath(u"notes.txt"_s), "not a profile"));

    const ProviderCatalog catalog = ProviderCatalog::load(user.path());
    QCOMPARE(catalog.profiles().size(), m_catalog.profiles().size() + 1);
    const ProviderProfile *overridden = catalog.find(u"slack");
    QVERIFY(overridden);
    QCOMPARE(overridden->displayName, u"Slack (our workspace)"_s);
    QCOMPARE(overridden->signatureSchemes.front().toleranceSeconds, 600);
    QCOMPARE(overridden->origin, ProviderProfile::Origin::User);
    QVERIFY(overridden->overridesBuiltIn);
    QCOMPARE(overridden->originPath, user.filePath(u"slack.json"_s));
    const ProviderProfile *added = catalog.find(u"acme-billing");
    QVERIFY(added);
    QCOMPARE(added->origin, ProviderProfile::Origin::User);
    QVERIFY(!added->overridesBuiltIn);
    QCOMPARE(catalog.find(u"github")->origin, ProviderProfile::Origin::BuiltIn);
    QCOMPARE(catalog.issues().size(), 1);
    QCOMPARE(catalog.issues().front().file, user.filePath(u"broken.json"_s));
    QCOMPARE(catalog.issues().front().error.code, u"profile.invalid_json"_s);
    QVERIFY(catalog.issues().front().error.message.startsWith(user.filePath(u"broken.json"_s)));
    // Sorted by id.
    QStringList ids;
    for (const ProviderProfile &profile : catalog.profiles())
        ids << profile.id;
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(ids, sorted);
}

void TestProviderProfiles::brokenUserOverrideKeepsBuiltIn()
{
    QTemporaryDir user;
    QVERIFY(user.isValid());
    QVERIFY(write(user.filePath(u"github.json"_s),
                  "{\"format\": 1, \"id\": \"github\", \"display_name\": \"GitHub\", "
                  "\"webhook\": {\"signature\": {\"family\": \"hmac_sha256\"}}}"));
    const ProviderCatalog catalog = ProviderCatalog::load(user.path());
    QCOMPARE(catalog.issues().size(), 1);
    QCOMPARE(catalog.issues().front().error.code, u"profile.unknown_scheme"_s);
    QVERIFY(catalog.issues().front().error.message.contains(u"\"webhook.signature.family\""_s));
    QVERIFY(catalog.issues().front().error.message.contains(u"hmac_sha256"_s));
    const ProviderProfile *github = catalog.find(u"github");
    QVERIFY(github);
    QCOMPARE(github->origin, ProviderProfile::Origin::BuiltIn);
    QCOMPARE(github->signatureSchemes.size(), 2);
}

void TestProviderProfiles::missingUserFolderIsFine()
{
    const ProviderCatalog catalog = ProviderCatalog::load(u"/nonexistent/wirebench/providers"_s);
    QCOMPARE(catalog.profiles().size(), m_catalog.profiles().size());
    QVERIFY(catalog.issues().isEmpty());
    QVERIFY(ProviderCatalog::defaultUserFolder().endsWith(u"/providers"_s));
}

void TestProviderProfiles::unknownProviderIsExplained()
{
    const auto profile = m_catalog.profile(u"slak");
    QVERIFY(!profile);
    QCOMPARE(profile.error().code, u"provider.unknown"_s);
    QVERIFY(profile.error().message.contains(u"\"slak\""_s));
    QVERIFY(profile.error().message.contains(u"slack"_s));
    QCOMPARE(m_catalog.profile(u"slack")->id, u"slack"_s);
}

QTEST_GUILESS_MAIN(TestProviderProfiles)
#include "tst_providerprofiles.moc"
