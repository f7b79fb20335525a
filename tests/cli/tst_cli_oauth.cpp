// SPDX-License-Identifier: GPL-3.0-or-later
// `wirebench-cli oauth` as users run it: a real authorization server (oidc-provider, npm),
// Debian's Chromium as the browser (playwright-core), the OS keychain (gnome-keyring in the test
// session), and several CLI processes racing to refresh one connection. On SQLite and, as
// tst_cli_oauth_pg, on one PostgreSQL database (refresh single-flight across processes).
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretstore.h"
#include "core/store/store.h"
#include "core/util/buildinfo.h"
#include "core/util/clock.h"
#include "oauthworkspace.h"
#include "oidcpeer.h"
#include "support/clirunner.h"
#include "support/futures.h"
#include "support/results.h"
#include "support/testenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <array>
#include <memory>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

namespace {

using Run = wb::test::CliRun;

QByteArray sha256Hex(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestCliOAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void authorizeInTheBrowser();
    void refreshRaceSpendsOneRefreshToken();
    void timeoutLeavesTheConnectionUnauthorized();
    void revokeEndsTheGrantAndRemovesTheTokens();
    void providerProfileAndTheStoredClient();
    void connectionsRemoveRevokesFirst_data();
    void connectionsRemoveRevokesFirst();
    void badInput_data();
    void badInput();

private:
    // A workspace with tenant "Globex" and one oidc-test connection; returns the connection id.
    qint64 createWorkspace();
    QString writeClientConfig(const QJsonObject &overrides = {});
    // A user provider profile "oidc-test" with the peer's endpoints, where the CLI finds it.
    bool writeUserProfile();
    // The CLI's environment: the browser script as the system browser, this test's folders.
    QProcessEnvironment cliEnvironment(const QString &browserScript,
                                       const QMap<QString, QString> &browserEnvironment) const;
    void startCli(QProcess &process, const QStringList &arguments, const QString &browserScript,
                  const QMap<QString, QString> &browserEnvironment = {});
    Run runCli(const QStringList &arguments, const QString &browserScript = u"oidc-login.mjs"_s,
               const QMap<QString, QString> &browserEnvironment = {});
    // Opens the workspace in this process (the CLI has exited) to look at what it left.
    bool openWorkspaceHere();

    OidcPeer m_oidc;
    ManualClock m_clock{0};
    std::unique_ptr<OAuthWorkspace> m_workspace; // a new one for each test function
    QString m_workspacePath;
};

void TestCliOAuth::initTestCase()
{
    QVERIFY2(QFileInfo(u"/usr/bin/chromium"_s).isExecutable(),
             "Chromium is missing: /usr/bin/chromium is the system browser of the OAuth tests "
             "(Debian package 'chromium', listed in installer/debian-packages.txt)");
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
}

void TestCliOAuth::init()
{
    m_workspace = std::make_unique<OAuthWorkspace>();
    m_workspacePath = m_workspace->filePath(u"workspace.sqlite"_s);
    m_clock.setNowMs(QDateTime::currentMSecsSinceEpoch());
}

qint64 TestCliOAuth::createWorkspace()
{
    if (!openWorkspaceHere())
        return 0;
    const qint64 id = m_workspace->addTenantWithConnection(u"Globex"_s);
    m_workspace->close(); // the CLI opens it next
    return id;
}

bool TestCliOAuth::openWorkspaceHere()
{
    if (!m_workspace->open(m_clock, u"workspace.sqlite"_s)) {
        qWarning("%s", qPrintable(m_workspace->failure()));
        return false;
    }
    m_workspacePath = m_workspace->path(); // on tst_cli_oauth_pg a postgresql:// URL
    return true;
}

QString TestCliOAuth::writeClientConfig(const QJsonObject &overrides)
{
    QJsonObject config{{u"provider"_s, u"oidc-test"_s},
                       {u"issuer"_s, m_oidc.issuer()},
                       {u"authorization_endpoint"_s,
                        m_oidc.endpoint("authorization_endpoint").toString()},
                       {u"token_endpoint"_s, m_oidc.endpoint("token_endpoint").toString()},
                       {u"revocation_endpoint"_s, m_oidc.endpoint("revocation_endpoint").toString()},
                       {u"userinfo_endpoint"_s, m_oidc.endpoint("userinfo_endpoint").toString()},
                       {u"client_id"_s, u"wirebench-native"_s},
                       {u"token_endpoint_auth_method"_s, u"none"_s},
                       {u"scope"_s, u"openid offline_access"_s},
                       {u"authorize_parameters"_s, QJsonObject{{u"prompt"_s, u"consent"_s}}},
                       {u"account_id"_s,
                        QJsonObject{{u"source"_s, u"id_token"_s}, {u"path"_s, u"sub"_s}}}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        config.insert(it.key(), it.value());
    const QString path = m_workspace->filePath(u"client.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(QJsonDocument(config).toJson());
    return path;
}

bool TestCliOAuth::writeUserProfile()
{
    const QJsonObject profile{
            {u"format"_s, 1},
            {u"id"_s, u"oidc-test"_s},
            {u"display_name"_s, u"oidc-provider (tests)"_s},
            {u"oauth"_s,
             QJsonObject{{u"authorize_url"_s, m_oidc.endpoint("authorization_endpoint").toString()},
                         {u"token_url"_s, m_oidc.endpoint("token_endpoint").toString()},
                         {u"revoke_url"_s, m_oidc.endpoint("revocation_endpoint").toString()},
                         {u"check_url"_s, m_oidc.endpoint("userinfo_endpoint").toString()},
                         {u"default_scopes"_s, QJsonArray{u"openid"_s}},
                         {u"pkce"_s, u"required"_s},
                         {u"extra_authorize_params"_s, QJsonObject{{u"prompt"_s, u"consent"_s}}}}},
            {u"webhook"_s, QJsonObject{{u"signature"_s, QJsonObject{{u"family"_s, u"none"_s}}},
                                       {u"handshake"_s, QJsonObject{{u"kind"_s, u"none"_s}}}}}};
    const QString folder = m_workspace->filePath(
            u"data/%1/%2/providers"_s.arg(QString::fromLatin1(wb::core::buildinfo::organizationName),
                                          QString::fromLatin1(
                                                  wb::core::buildinfo::applicationName)));
    if (!QDir().mkpath(folder))
        return false;
    QFile file(folder + u"/oidc-test.json"_s);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(profile).toJson()) > 0;
}

QProcessEnvironment TestCliOAuth::cliEnvironment(
        const QString &browserScript, const QMap<QString, QString> &browserEnvironment) const
{
    QProcessEnvironment environment = wb::test::browserEnvironment(browserScript,
                                                                   browserEnvironment);
    environment.insert(u"XDG_CONFIG_HOME"_s,
                       m_workspace->filePath(u"config"_s));                   // no browser setting
    environment.insert(u"XDG_DATA_HOME"_s, m_workspace->filePath(u"data"_s)); // the user's profiles
    // Short commands hide the core's info lines; the race test reads wb.oauth.refresh's.
    environment.insert(u"QT_LOGGING_RULES"_s, u"wb.oauth.refresh.info=true"_s);
    return environment;
}

void TestCliOAuth::startCli(QProcess &process, const QStringList &arguments,
                            const QString &browserScript,
                            const QMap<QString, QString> &browserEnvironment)
{
    process.setProcessEnvironment(cliEnvironment(browserScript, browserEnvironment));
    process.start(wb::test::cliPath(), QStringList{u"--workspace"_s, m_workspacePath} + arguments);
}

Run TestCliOAuth::runCli(const QStringList &arguments, const QString &browserScript,
                         const QMap<QString, QString> &browserEnvironment)
{
    return wb::test::runCli(QStringList{u"--workspace"_s, m_workspacePath} + arguments,
                            cliEnvironment(browserScript, browserEnvironment), {}, 180'000);
}

void TestCliOAuth::authorizeInTheBrowser()
{
    const qint64 connection = createWorkspace();
    QVERIFY(connection > 0);
    const QString config = writeClientConfig();
    QVERIFY(!config.isEmpty());

    const Run run = runCli({u"oauth"_s, u"authorize"_s, u"--connection"_s,
                            QString::number(connection), u"--client-config"_s, config, u"--json"_s},
                           u"oauth-browser.mjs"_s, {{u"WB_BROWSER_LOGIN"_s, u"zoe"_s}});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + QString::fromUtf8(run.out)));
    // The URL goes to stderr with --json (stdout carries one JSON document).
    QVERIFY2(run.err.contains(u"Open this address in a browser"_s), qPrintable(run.err));
    // QOAuth2AuthorizationCodeFlow (6.4) leaves ':' and '/' of the redirect URI bare, which a
    // query may hold (RFC 3986 §3.4).
    QVERIFY2(run.err.contains(u"redirect_uri=http://127.0.0.1:"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"code_challenge_method=S256"_s), qPrintable(run.err));
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result.value(u"connection_id"_s).toInteger(), connection);
    QCOMPARE(result.value(u"provider"_s).toString(), u"oidc-test"_s);
    QCOMPARE(result.value(u"account_id"_s).toString(), u"zoe"_s);
    QCOMPARE(result.value(u"scope"_s).toString(), u"openid offline_access"_s);
    QCOMPARE(result.value(u"refresh_token"_s).toBool(), true);
    QVERIFY(QDateTime::fromString(result.value(u"expires_at"_s).toString(), Qt::ISODateWithMs)
                    .isValid());
    const qint64 mappingId = result.value(u"identity_mapping_id"_s).toInteger();
    QVERIFY(mappingId > 0);

    // What the CLI left in the workspace and the keychain.
    QVERIFY(openWorkspaceHere());
    WB_AWAIT_OK(stored, m_workspace->store().connection(connection));
    QCOMPARE(stored->status, ConnectionStatus::Authorized);
    QVERIFY(stored->tokenExpiresAtMs);
    WB_AWAIT_OK(mappings, m_workspace->store().identityMappings());
    QCOMPARE(mappings->size(), 1);
    QCOMPARE(mappings->first().id, mappingId);
    QCOMPARE(mappings->first().externalAccountId, u"zoe"_s);
    QCOMPARE(mappings->first().tenantId, stored->tenantId);
    QCOMPARE(mappings->first().connectionId, connection);
    WB_AWAIT_OK(accessToken, m_workspace->secrets().get(
                                     {connection, SecretKind::AccessToken, SecretSlot::Primary}));
    WB_AWAIT_OK(refreshToken, m_workspace->secrets().get(
                                      {connection, SecretKind::RefreshToken, SecretSlot::Primary}));
    const EndpointReply userinfo = m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"),
                                                        QString::fromUtf8(*accessToken));
    QCOMPARE(userinfo.httpStatus, 200);
    QCOMPARE(QJsonDocument::fromJson(userinfo.body).object().value(u"sub"_s).toString(), u"zoe"_s);

    m_workspace->close();
    const QByteArray bytes = workspaceBytes(m_workspacePath);
    QVERIFY(bytes.contains("zoe")); // positive control
    QVERIFY2(!bytes.contains(*accessToken), "the access token reached the database");
    QVERIFY2(!bytes.contains(*refreshToken), "the refresh token reached the database");
}

void TestCliOAuth::refreshRaceSpendsOneRefreshToken()
{
    const qint64 connection = createWorkspace();
    QVERIFY(connection > 0);
    const QString config = writeClientConfig();
    const Run authorized = runCli({u"oauth"_s, u"authorize"_s, u"--connection"_s,
                                   QString::number(connection), u"--client-config"_s, config});
    QVERIFY2(authorized.exitCode == 0, qPrintable(authorized.err));
    QVERIFY2(authorized.out.contains("is authorized for account alice"), authorized.out.constData());

    QVERIFY(openWorkspaceHere());
    WB_AWAIT_OK(before, m_workspace->secrets().get(
                                {connection, SecretKind::AccessToken, SecretSlot::Primary}));
    const QByteArray rejected = sha256Hex(QString::fromUtf8(*before));
    m_workspace->close();
    const int refreshGrantsBefore = m_oidc.grantCount(u"refresh_token"_s);
    const qsizetype grantErrorsBefore = m_oidc.stats().value(u"grantErrors"_s).toArray().size();

    // Three processes get the same 401 for the same token and refresh at once.
    constexpr int processes = 3;
    std::array<QProcess, processes> cli;
    for (QProcess &process : cli) {
        startCli(process,
                 {u"oauth"_s, u"refresh"_s, u"--connection"_s, QString::number(connection),
                  u"--client-config"_s, config, u"--rejected-token-sha256"_s,
                  QString::fromLatin1(rejected), u"--json"_s},
                 u"oidc-login.mjs"_s);
    }
    QSet<QString> fingerprints;
    int spenders = 0;
    for (QProcess &process : cli) {
        QVERIFY(process.waitForFinished(120'000));
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0, qPrintable(QString::fromUtf8(err + out)));
        // wb.oauth.refresh logs which process spent the refresh token (and who waited).
        if (err.contains(QByteArray("connection " + QByteArray::number(connection) + ": refreshed")))
            ++spenders;
        const QJsonObject result = QJsonDocument::fromJson(out).object();
        QCOMPARE(result.value(u"connection_id"_s).toInteger(), connection);
        fingerprints.insert(result.value(u"access_token_sha256"_s).toString());
    }
    // One refresh token spent, one new access token for everybody, and the grant alive (a
    // reused rotated refresh token would have made oidc-provider revoke it).
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + 1);
    QCOMPARE(m_oidc.stats().value(u"grantErrors"_s).toArray().size(), grantErrorsBefore);
    QCOMPARE(fingerprints.size(), 1);
    QVERIFY(*fingerprints.begin() != QString::fromLatin1(rejected));
    QCOMPARE(spenders, 1);

    QVERIFY(openWorkspaceHere());
    WB_AWAIT_OK(after, m_workspace->secrets().get(
                               {connection, SecretKind::AccessToken, SecretSlot::Primary}));
    QCOMPARE(QString::fromLatin1(sha256Hex(QString::fromUtf8(*after))), *fingerprints.begin());
    QCOMPARE(m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"), QString::fromUtf8(*after))
                     .httpStatus,
             200);
    WB_AWAIT_OK(stored, m_workspace->store().connection(connection));
    QCOMPARE(stored->status, ConnectionStatus::Authorized);
}

void TestCliOAuth::timeoutLeavesTheConnectionUnauthorized()
{
    const qint64 connection = createWorkspace();
    QVERIFY(connection > 0);
    const QString config = writeClientConfig();
    // A "browser" that opens nothing: `true` ignores the URL.
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"WIREBENCH_BROWSER"_s, u"true"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, m_workspace->filePath(u"config"_s));
    process.setProcessEnvironment(environment);
    process.start(wb::test::cliPath(),
                  {u"--workspace"_s, m_workspacePath, u"oauth"_s, u"authorize"_s, u"--connection"_s,
                   QString::number(connection), u"--client-config"_s, config, u"--timeout"_s,
                   u"1"_s, u"--json"_s});
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitCode(), 1);
    const QJsonObject error = QJsonDocument::fromJson(process.readAllStandardOutput())
                                      .object()
                                      .value(u"error"_s)
                                      .toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"oauth.timeout"_s);

    QVERIFY(openWorkspaceHere());
    WB_AWAIT_OK(stored, m_workspace->store().connection(connection));
    QCOMPARE(stored->status, ConnectionStatus::Unauthorized);
    WB_AWAIT_OK(references, m_workspace->store().secretReferences(connection));
    QVERIFY(references->isEmpty());
}

void TestCliOAuth::revokeEndsTheGrantAndRemovesTheTokens()
{
    const qint64 connection = createWorkspace();
    QVERIFY(connection > 0);
    const QString config = writeClientConfig();
    const Run authorized = runCli({u"oauth"_s, u"authorize"_s, u"--connection"_s,
                                   QString::number(connection), u"--client-config"_s, config});
    QVERIFY2(authorized.exitCode == 0, qPrintable(authorized.err));
    QVERIFY(openWorkspaceHere());
    WB_AWAIT_OK(accessToken, m_workspace->secrets().get(
                                     {connection, SecretKind::AccessToken, SecretSlot::Primary}));
    WB_AWAIT_OK(refreshToken, m_workspace->secrets().get(
                                      {connection, SecretKind::RefreshToken, SecretSlot::Primary}));
    m_workspace->close();
    const QStringList revoke{u"oauth"_s,           u"revoke"_s,
                             u"--connection"_s,    QString::number(connection),
                             u"--client-config"_s, config,
                             u"--json"_s};

    const Run revoked = runCli(revoke);
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err + QString::fromUtf8(revoked.out)));
    QCOMPARE(QJsonDocument::fromJson(revoked.out).object(),
             (QJsonObject{{u"connection_id"_s, connection},
                          {u"had_credential"_s, true},
                          {u"revoked_at_provider"_s, true},
                          {u"provider_supports_revocation"_s, true}}));

    // The provider ended the grant: neither token works any more (RFC 7009 §2.1).
    QCOMPARE(m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"),
                                  QString::fromUtf8(*accessToken))
                     .httpStatus,
             401);
    const EndpointReply refresh = m_oidc.post(m_oidc.endpoint("token_endpoint"),
                                              {{u"grant_type"_s, u"refresh_token"_s},
                                               {u"refresh_token"_s,
                                                QString::fromUtf8(*refreshToken)},
                                               {u"client_id"_s, u"wirebench-native"_s}});
    QCOMPARE(refresh.httpStatus, 400);
    QVERIFY2(refresh.body.contains("invalid_grant"), refresh.body.constData());
    // And nothing of it is left in the keychain or the workspace.
    QVERIFY(openWorkspaceHere());
    WB_AWAIT_OK(stored, m_workspace->store().connection(connection));
    QCOMPARE(stored->status, ConnectionStatus::Unauthorized);
    for (const SecretKind kind : {SecretKind::AccessToken, SecretKind::RefreshToken}) {
        auto read = m_workspace->secrets().get({connection, kind, SecretSlot::Primary});
        QVERIFY(waitForFinished(read));
        QVERIFY(!read.result());
        QCOMPARE(errorCode(read.result()), u"secrets.not_found"_s);
    }
    m_workspace->close();

    // Again: nothing to revoke, which is not an error.
    const Run again = runCli(revoke);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value(u"had_credential"_s).toBool(), false);
}

void TestCliOAuth::providerProfileAndTheStoredClient()
{
    const qint64 connection = createWorkspace();
    QVERIFY(connection > 0);
    QVERIFY(writeUserProfile());
    const QString id = QString::number(connection);

    // The endpoints come from the connection's provider profile; the command line names the
    // client and replaces the profile's scopes.
    const Run authorized = runCli({u"oauth"_s, u"authorize"_s, u"--connection"_s, id,
                                   u"--client-id"_s, u"wirebench-native"_s, u"--scope"_s,
                                   u"openid offline_access"_s, u"--json"_s},
                                  u"oauth-browser.mjs"_s, {{u"WB_BROWSER_LOGIN"_s, u"yann"_s}});
    QVERIFY2(authorized.exitCode == 0,
             qPrintable(authorized.err + QString::fromUtf8(authorized.out)));
    QVERIFY2(authorized.err.contains(u"scope=openid%20offline_access"_s),
             qPrintable(authorized.err));
    QVERIFY2(authorized.err.contains(u"prompt=consent"_s), qPrintable(authorized.err));
    const QJsonObject result = QJsonDocument::fromJson(authorized.out).object();
    QCOMPARE(result.value(u"provider"_s).toString(), u"oidc-test"_s);
    QCOMPARE(result.value(u"refresh_token"_s).toBool(), true);

    // The client went with the connection: refresh needs no client option…
    const Run refreshed = runCli({u"oauth"_s, u"refresh"_s, u"--connection"_s, id, u"--json"_s});
    QVERIFY2(refreshed.exitCode == 0, qPrintable(refreshed.err + QString::fromUtf8(refreshed.out)));
    const QString fingerprint = QJsonDocument::fromJson(refreshed.out)
                                        .object()
                                        .value(u"access_token_sha256"_s)
                                        .toString();
    QCOMPARE(fingerprint.size(), 64);
    QVERIFY(openWorkspaceHere());
    WB_AWAIT_OK(accessToken, m_workspace->secrets().get(
                                     {connection, SecretKind::AccessToken, SecretSlot::Primary}));
    QCOMPARE(QString::fromLatin1(sha256Hex(QString::fromUtf8(*accessToken))), fingerprint);
    WB_AWAIT_OK(refreshToken, m_workspace->secrets().get(
                                      {connection, SecretKind::RefreshToken, SecretSlot::Primary}));
    m_workspace->close();

    // …and removing the connection revokes the grant at the provider first.
    const Run removed = runCli({u"oauth"_s, u"revoke"_s, u"--connection"_s, id,
                                u"--remove-connection"_s, u"--json"_s});
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.err + QString::fromUtf8(removed.out)));
    QCOMPARE(QJsonDocument::fromJson(removed.out).object(),
             (QJsonObject{{u"connection_id"_s, connection},
                          {u"had_credential"_s, true},
                          {u"revoked_at_provider"_s, true},
                          {u"provider_supports_revocation"_s, true},
                          {u"connection_removed"_s, true},
                          {u"warnings"_s, QJsonArray()}}));
    const EndpointReply refresh = m_oidc.post(m_oidc.endpoint("token_endpoint"),
                                              {{u"grant_type"_s, u"refresh_token"_s},
                                               {u"refresh_token"_s,
                                                QString::fromUtf8(*refreshToken)},
                                               {u"client_id"_s, u"wirebench-native"_s}});
    QCOMPARE(refresh.httpStatus, 400);
    QVERIFY2(refresh.body.contains("invalid_grant"), refresh.body.constData());
    QVERIFY(openWorkspaceHere());
    WB_AWAIT(gone, m_workspace->store().connection(connection));
    QCOMPARE(errorCode(gone), u"store.unknown_connection"_s);
    WB_AWAIT(keychainValue, m_workspace->keychain().read(
                                    {connection, SecretKind::RefreshToken, SecretSlot::Primary}));
    QCOMPARE(errorCode(keychainValue), u"secrets.not_found"_s);
}

void TestCliOAuth::connectionsRemoveRevokesFirst_data()
{
    QTest::addColumn<bool>("reachable");
    QTest::newRow("provider-revokes") << true;
    QTest::newRow("provider-unreachable-removed-all-the-same") << false;
}

void TestCliOAuth::connectionsRemoveRevokesFirst()
{
    QFETCH(bool, reachable);
    const qint64 connection = createWorkspace();
    QVERIFY(connection > 0);
    const QString id = QString::number(connection);
    QJsonObject overrides;
    if (!reachable) {
        QTcpServer closed; // a port nobody listens on once it is closed again
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        overrides.insert(u"revocation_endpoint"_s,
                         u"http://127.0.0.1:%1/token/revocation"_s.arg(closed.serverPort()));
    }
    const QString config = writeClientConfig(overrides);
    const Run authorized = runCli(
            {u"oauth"_s, u"authorize"_s, u"--connection"_s, id, u"--client-config"_s, config});
    QVERIFY2(authorized.exitCode == 0, qPrintable(authorized.err));
    QVERIFY(openWorkspaceHere());
    WB_AWAIT_OK(refreshToken, m_workspace->secrets().get(
                                      {connection, SecretKind::RefreshToken, SecretSlot::Primary}));
    m_workspace->close();

    // The stored client says where to revoke: `connections remove` needs no OAuth option.
    const Run removed = runCli({u"connections"_s, u"remove"_s, id, u"--json"_s});
    const QJsonObject result = QJsonDocument::fromJson(removed.out).object();
    QCOMPARE(result.value(u"removed"_s).toObject().value(u"connection_id"_s).toInteger(),
             connection);
    const QJsonObject revocation = result.value(u"revocation"_s).toObject();
    QCOMPARE(revocation.value(u"had_credential"_s).toBool(), true);
    QCOMPARE(revocation.value(u"provider_supports_revocation"_s).toBool(), true);
    QCOMPARE(revocation.value(u"revoked_at_provider"_s).toBool(), reachable);
    QCOMPARE(revocation.value(u"secret_warnings"_s).toArray(), QJsonArray());
    const EndpointReply refresh = m_oidc.post(m_oidc.endpoint("token_endpoint"),
                                              {{u"grant_type"_s, u"refresh_token"_s},
                                               {u"refresh_token"_s,
                                                QString::fromUtf8(*refreshToken)},
                                               {u"client_id"_s, u"wirebench-native"_s}});
    if (reachable) {
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY(revocation.value(u"revocation_error"_s).isNull());
        QVERIFY2(removed.err.isEmpty(), qPrintable(removed.err));
        // The refresh token is dead at the provider.
        QCOMPARE(refresh.httpStatus, 400);
        QVERIFY2(refresh.body.contains("invalid_grant"), refresh.body.constData());
    } else {
        // Removed, but the user is told the grant lives on, and why; exit 1.
        QCOMPARE(removed.exitCode, 1);
        QCOMPARE(revocation.value(u"revocation_error"_s).toObject().value(u"code"_s).toString(),
                 u"oauth.revocation_failed"_s);
        QVERIFY2(removed.err.contains(u"NOT revoked"_s) && removed.err.contains(u"Cannot reach"_s),
                 qPrintable(removed.err));
        QCOMPARE(refresh.httpStatus, 200);
    }
    QVERIFY(openWorkspaceHere());
    WB_AWAIT(gone, m_workspace->store().connection(connection));
    QCOMPARE(errorCode(gone), u"store.unknown_connection"_s);
    WB_AWAIT(keychainValue, m_workspace->keychain().read(
                                    {connection, SecretKind::RefreshToken, SecretSlot::Primary}));
    QCOMPARE(errorCode(keychainValue), u"secrets.not_found"_s);
    m_workspace->close();
}

void TestCliOAuth::badInput_data()
{
    QTest::addColumn<QStringList>("arguments"); // {connection} and {config} are replaced
    QTest::addColumn<QJsonObject>("configOverrides");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageContains");
    const QStringList authorize{u"oauth"_s,        u"authorize"_s,       u"--connection"_s,
                                u"{connection}"_s, u"--client-config"_s, u"{config}"_s,
                                u"--json"_s};
    QTest::newRow("unknown-action")
            << QStringList{u"oauth"_s, u"frobnicate"_s, u"--json"_s} << QJsonObject() << 2
            << u"cli.unknown_action"_s << u"authorize, refresh, revoke"_s;
    QTest::newRow("connection-not-a-number")
            << QStringList{u"oauth"_s,           u"authorize"_s, u"--connection"_s, u"seven"_s,
                           u"--client-config"_s, u"{config}"_s,  u"--json"_s}
            << QJsonObject() << 2 << u"cli.invalid_connection"_s << u"got 'seven'"_s;
    QTest::newRow("unknown-connection")
            << QStringList{u"oauth"_s,           u"authorize"_s, u"--connection"_s, u"999"_s,
                           u"--client-config"_s, u"{config}"_s,  u"--json"_s}
            << QJsonObject() << 2 << u"store.unknown_connection"_s << u"999"_s;
    QTest::newRow("client-secret-in-the-file")
            << authorize << QJsonObject{{u"client_secret"_s, u"s3cr3t"_s}} << 2
            << u"oauth.config_invalid"_s << u"keychain"_s;
    QTest::newRow("config-for-another-provider")
            << authorize << QJsonObject{{u"provider"_s, u"slack"_s}} << 2
            << u"oauth.config_invalid"_s << u"is a oidc-test connection"_s;
    QTest::newRow("token-endpoint-not-a-url")
            << authorize << QJsonObject{{u"token_endpoint"_s, u"not a url"_s}} << 2
            << u"oauth.config_invalid"_s << u"\"token_endpoint\""_s;
    QTest::newRow("unknown-auth-method")
            << authorize << QJsonObject{{u"token_endpoint_auth_method"_s, u"private_key_jwt"_s}}
            << 2 << u"oauth.config_invalid"_s << u"private_key_jwt"_s;
    QTest::newRow("refresh-without-credential")
            << QStringList{u"oauth"_s,        u"refresh"_s,         u"--connection"_s,
                           u"{connection}"_s, u"--client-config"_s, u"{config}"_s,
                           u"--json"_s}
            << QJsonObject() << 1 << u"oauth.no_credential"_s << u"oauth authorize"_s;
    QTest::newRow("no-client-and-none-stored")
            << QStringList{u"oauth"_s, u"refresh"_s, u"--connection"_s, u"{connection}"_s,
                           u"--json"_s}
            << QJsonObject() << 2 << u"cli.missing_option"_s << u"no stored OAuth client"_s;
    QTest::newRow("client-config-and-client-id")
            << QStringList{u"oauth"_s,           u"authorize"_s,   u"--connection"_s,
                           u"{connection}"_s,    u"--client-id"_s, u"x"_s,
                           u"--client-config"_s, u"{config}"_s,    u"--json"_s}
            << QJsonObject() << 2 << u"cli.conflicting_options"_s << u"not both"_s;
    QTest::newRow("placeholder-without-equals")
            << QStringList{u"oauth"_s,         u"authorize"_s,   u"--connection"_s,
                           u"{connection}"_s,  u"--client-id"_s, u"x"_s,
                           u"--placeholder"_s, u"shop"_s,        u"--json"_s}
            << QJsonObject() << 2 << u"cli.invalid_placeholder"_s << u"name=value"_s;
    QTest::newRow("profile-not-in-the-catalog")
            << QStringList{u"oauth"_s,       u"authorize"_s, u"--connection"_s, u"{connection}"_s,
                           u"--client-id"_s, u"x"_s,         u"--json"_s}
            << QJsonObject() << 2 << u"provider.unknown"_s << u"oidc-test"_s;
    QTest::newRow("rejected-hash-not-hex")
            << QStringList{u"oauth"_s,
                           u"refresh"_s,
                           u"--connection"_s,
                           u"{connection}"_s,
                           u"--client-config"_s,
                           u"{config}"_s,
                           u"--rejected-token-sha256"_s,
                           u"abc"_s,
                           u"--json"_s}
            << QJsonObject() << 2 << u"cli.invalid_sha256"_s << u"64 hex digits"_s;
}

void TestCliOAuth::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QJsonObject, configOverrides);
    const qint64 connection = createWorkspace();
    QVERIFY(connection > 0);
    const QString config = writeClientConfig(configOverrides);
    arguments.replaceInStrings(u"{connection}"_s, QString::number(connection));
    arguments.replaceInStrings(u"{config}"_s, config);
    const Run run = runCli(arguments, u"oidc-login.mjs"_s);
    QTEST(run.exitCode, "exitCode");
    const QJsonObject error = QJsonDocument::fromJson(run.out).object().value(u"error"_s).toObject();
    QTEST(error.value(u"code"_s).toString(), "code");
    QFETCH(QString, messageContains);
    QVERIFY2(error.value(u"message"_s).toString().contains(messageContains),
             qPrintable(error.value(u"message"_s).toString()));
    QVERIFY2(run.err.contains(u"wirebench-cli oauth"_s), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliOAuth)
#include "tst_cli_oauth.moc"
