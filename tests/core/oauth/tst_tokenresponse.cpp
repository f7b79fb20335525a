// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/tokenresponse.h"
#include "support/testenv.h"

#include "support/results.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

namespace {
constexpr qint64 receivedAt = 1'700'000'000'000;

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// An id_token with the given claims. The signature is not checked (OpenID Connect Core
// §3.1.3.7 (6): the token came straight from the token endpoint over TLS).
QString idToken(const QByteArray &claimsJson)
{
    return QString::fromLatin1(base64Url(R"({"typ":"JWT","alg":"RS256","kid":"test"})"_ba) + '.'
                               + base64Url(claimsJson) + '.' + base64Url("not checked"));
}
} // namespace

class TestTokenResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void idTokenClaimsRefusesMalformed_data();
    void idTokenClaimsRefusesMalformed();
    void mergeKeepsWhatRefreshOmits();
    void transientErrors_data();
    void transientErrors();
    void outageNamesTheEndpoint();
};

void TestTokenResponse::parse_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("accountIdSource");
    QTest::addColumn<QString>("accountIdPath");
    QTest::addColumn<QString>("accountIdPattern");
    QTest::addColumn<QStringList>("keptFields");
    QTest::addColumn<QStringList>("invalidGrantErrors");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("messageContains");
    QTest::addColumn<QString>("accessToken");
    QTest::addColumn<QString>("refreshToken");
    QTest::addColumn<QString>("tokenType");
    QTest::addColumn<QString>("accountId");
    QTest::addColumn<qint64>("expiresAtMs");
    QTest::addColumn<QByteArray>("extra");

    const QByteArray json = "application/json; charset=utf-8";
    const QByteArray form = "application/x-www-form-urlencoded";
    const int none = int(AccountIdSource::None);
    const int fromResponse = int(AccountIdSource::TokenResponse);
    const int fromIdToken = int(AccountIdSource::IdTokenClaim);
    const QStringList defaultInvalidGrant{u"invalid_grant"_s};
    const QByteArray rfcExample
            = R"({"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,)"
              R"("refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","example_parameter":"example_value"})";

    // RFC 6749 §5.1: the example response; expiry = receipt + 3600 s − 60 s margin.
    QTest::newRow("rfc6749-5.1-example")
            << 200 << json << rfcExample << none << QString() << QString() << QStringList()
            << defaultInvalidGrant << QString() << QString() << u"2YotnFZFEjr1zCsicMWpAA"_s
            << u"tGzv3JOkF0XG5Qx2TlKWIA"_s << u"example"_s << QString() << receivedAt + 3'540'000
            << "{}"_ba;
    QTest::newRow("short-lifetime-margin-capped-at-a-quarter")
            << 200 << json << R"({"access_token":"a","expires_in":8})"_ba << none << QString()
            << QString() << QStringList() << defaultInvalidGrant << QString() << QString() << u"a"_s
            << QString() << QString() << QString() << receivedAt + 6'000 << "{}"_ba;
    QTest::newRow("expires-in-as-string")
            << 200 << json << R"({"access_token":"a","expires_in":"3600"})"_ba << none << QString()
            << QString() << QStringList() << defaultInvalidGrant << QString() << QString() << u"a"_s
            << QString() << QString() << QString() << receivedAt + 3'540'000 << "{}"_ba;
    QTest::newRow("expires-in-missing-means-unknown")
            << 200 << json << R"({"access_token":"a"})"_ba << none << QString() << QString()
            << QStringList() << defaultInvalidGrant << QString() << QString() << u"a"_s << QString()
            << QString() << QString() << qint64(0) << "{}"_ba;
    QTest::newRow("expires-in-negative")
            << 200 << json << R"({"access_token":"a","expires_in":-5})"_ba << none << QString()
            << QString() << QStringList() << defaultInvalidGrant << u"oauth.bad_token_response"_s
            << u"expires_in '-5'"_s << QString() << QString() << QString() << QString() << qint64(0)
            << QByteArray();
    QTest::newRow("expires-in-not-a-number")
            << 200 << json << R"({"access_token":"a","expires_in":"soon"})"_ba << none << QString()
            << QString() << QStringList() << defaultInvalidGrant << u"oauth.bad_token_response"_s
            << u"expires_in 'soon'"_s << QString() << QString() << QString() << QString()
            << qint64(0) << QByteArray();
    QTest::newRow("no-access-token")
            << 200 << json << R"({"token_type":"bearer"})"_ba << none << QString() << QString()
            << QStringList() << defaultInvalidGrant << u"oauth.bad_token_response"_s
            << u"without an access_token"_s << QString() << QString() << QString() << QString()
            << qint64(0) << QByteArray();
    QTest::newRow("html-instead-of-a-token-response")
            << 200 << "text/html"_ba
            << "<html><body>Sign in</body></html>"_ba << none << QString() << QString()
            << QStringList() << defaultInvalidGrant << u"oauth.bad_token_response"_s
            << u"Content-Type 'text/html'"_s << QString() << QString() << QString() << QString()
            << qint64(0) << QByteArray();
    // RFC 6749 §5.2.
    QTest::newRow("invalid-grant-400")
            << 400 << json
            << R"({"error":"invalid_grant","error_description":"grant request is invalid"})"_ba
            << none << QString() << QString() << QStringList() << defaultInvalidGrant
            << u"oauth.invalid_grant"_s << u"invalid_grant (grant request is invalid)"_s
            << QString() << QString() << QString() << QString() << qint64(0) << QByteArray();
    QTest::newRow("invalid-client-401")
            << 401 << json
            << R"({"error":"invalid_client","error_description":"client authentication failed"})"_ba
            << none << QString() << QString() << QStringList() << defaultInvalidGrant
            << u"oauth.token_error"_s << u"HTTP 401 with the error invalid_client"_s << QString()
            << QString() << QString() << QString() << qint64(0) << QByteArray();
    QTest::newRow("bad-request-without-body")
            << 400 << "text/plain"_ba << QByteArray() << none << QString() << QString()
            << QStringList() << defaultInvalidGrant << u"oauth.token_error"_s << u"HTTP 400"_s
            << QString() << QString() << QString() << QString() << qint64(0) << QByteArray();
    QTest::newRow("service-unavailable-503")
            << 503 << "text/plain"_ba
            << "down"_ba << none << QString() << QString() << QStringList() << defaultInvalidGrant
            << u"oauth.provider_unavailable"_s << u"HTTP 503"_s << QString() << QString()
            << QString() << QString() << qint64(0) << QByteArray();
    QTest::newRow("rate-limited-429")
            << 429 << json << R"({"error":"slow_down"})"_ba << none << QString() << QString()
            << QStringList() << defaultInvalidGrant << u"oauth.provider_unavailable"_s
            << u"HTTP 429"_s << QString() << QString() << QString() << QString() << qint64(0)
            << QByteArray();
    QTest::newRow("no-http-response")
            << 0 << QByteArray() << QByteArray() << none << QString() << QString() << QStringList()
            << defaultInvalidGrant << u"oauth.network_error"_s
            << u"Cannot reach the token endpoint"_s << QString() << QString() << QString()
            << QString() << qint64(0) << QByteArray();

    // Provider examples (tests/fixtures/oauth/README.md).
    QTest::newRow("slack-team-id-and-kept-fields-without-secrets")
            << 200 << json << wb::test::readFixture(u"oauth/slack-oauth-v2-access.json"_s)
            << fromResponse << u"team.id"_s << QString()
            << QStringList{u"team"_s, u"authed_user"_s, u"bot_user_id"_s, u"access_token"_s}
            << defaultInvalidGrant << QString() << QString()
            << u"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"_s << QString() << u"bot"_s
            << u"T9TK3CUKW"_s << qint64(0)
            << R"({"authed_user":{"id":"U1234","scope":"chat:write","token_type":"user"},)"
               R"("bot_user_id":"U0KRQLJ9H","team":{"id":"T9TK3CUKW","name":"Slack Softball Team"}})"_ba;
    QTest::newRow("slack-ok-false-under-200-is-invalid-grant")
            << 200 << json << wb::test::readFixture(u"oauth/slack-oauth-v2-access-error.json"_s)
            << fromResponse << u"team.id"_s << QString() << QStringList()
            << QStringList{u"invalid_grant"_s, u"invalid_refresh_token"_s}
            << u"oauth.invalid_grant"_s << u"invalid_refresh_token"_s << QString() << QString()
            << QString() << QString() << qint64(0) << QByteArray();
    QTest::newRow("slack-error-not-listed-is-token-error")
            << 200 << json << wb::test::readFixture(u"oauth/slack-oauth-v2-access-error.json"_s)
            << none << QString() << QString() << QStringList() << defaultInvalidGrant
            << u"oauth.token_error"_s << u"HTTP 200 with the error invalid_refresh_token"_s
            << QString() << QString() << QString() << QString() << qint64(0) << QByteArray();
    QTest::newRow("salesforce-organization-id-and-instance-url")
            << 200 << json << wb::test::readFixture(u"oauth/salesforce-token.json"_s)
            << fromResponse << u"id"_s << u"/id/([^/]+)/"_s
            << QStringList{u"instance_url"_s, u"signature"_s} << defaultInvalidGrant << QString()
            << QString()
            << u"00Dx0000000BV7z!AR8AQAxo9UfVkh8AlV0Gomt9Czx9LjHnSSpwBMmbRcgKFmxOtvxjTrKW19ye6PE3Ds1eQz3z8jr3W7_VbWmEu4Q8TVGSTHxs"_s
            << QString() << u"Bearer"_s << u"00Dx0000000BV7z"_s << qint64(0)
            << R"({"instance_url":"https://yourInstance.salesforce.com/","signature":"0CmxinZir53Yex7nE0TD+zMpvIWYGb/bdJh6XfOH6EQ="})"_ba;
    QTest::newRow("github-form-encoded")
            << 200 << form << wb::test::readFixture(u"oauth/github-access-token.form"_s) << none
            << QString() << QString() << QStringList() << defaultInvalidGrant << QString()
            << QString() << u"gho_16C7e42F292c6912E7710c838347Ae178B4a"_s << QString()
            << u"bearer"_s << QString() << qint64(0) << "{}"_ba;
    QTest::newRow("github-form-encoded-error-under-200")
            << 200 << form << wb::test::readFixture(u"oauth/github-access-token-error.form"_s)
            << none << QString() << QString() << QStringList() << defaultInvalidGrant
            << u"oauth.token_error"_s
            << u"bad_verification_code (The code passed is incorrect or expired.)"_s << QString()
            << QString() << QString() << QString() << qint64(0) << QByteArray();
    const QByteArray microsoft
            = R"({"token_type":"Bearer","scope":"openid offline_access","expires_in":3599,)"
              R"("access_token":"eyJ0eXAiOiJKV1QiLCJub25jZSI6IkFRQUJBQUFBQUFCbmZpRy1","refresh_token":"M.R3_BAY.-CY5S",)"
              R"("id_token":")"
              + idToken(wb::test::readFixture(u"oauth/microsoft-id-token-claims.json"_s)).toLatin1()
              + R"("})";
    QTest::newRow("microsoft-tenant-from-id-token")
            << 200 << json << microsoft << fromIdToken << u"tid"_s << QString()
            << QStringList{u"id_token"_s} << defaultInvalidGrant << QString() << QString()
            << u"eyJ0eXAiOiJKV1QiLCJub25jZSI6IkFRQUJBQUFBQUFCbmZpRy1"_s << u"M.R3_BAY.-CY5S"_s
            << u"Bearer"_s << u"9122040d-6c67-4c5b-b112-36a304b66dad"_s
            << receivedAt + 3'599'000 - 60'000 << "{}"_ba;
    QTest::newRow("account-id-required-but-missing")
            << 200 << json << rfcExample << fromResponse << u"team.id"_s << QString()
            << QStringList() << defaultInvalidGrant << u"oauth.account_id_missing"_s
            << u"no 'team.id' field"_s << QString() << QString() << QString() << QString()
            << qint64(0) << QByteArray();
    QTest::newRow("numeric-account-id-as-decimal-text")
            << 200 << json << R"({"access_token":"a","account":{"number":62515}})"_ba
            << fromResponse << u"account.number"_s << QString() << QStringList()
            << defaultInvalidGrant << QString() << QString() << u"a"_s << QString() << QString()
            << u"62515"_s << qint64(0) << "{}"_ba;
}

void TestTokenResponse::parse()
{
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, accountIdSource);
    QFETCH(QString, accountIdPath);
    QFETCH(QString, accountIdPattern);
    QFETCH(QStringList, keptFields);
    QFETCH(QStringList, invalidGrantErrors);
    QFETCH(QString, error);
    QFETCH(QString, messageContains);

    OAuthClientConfig config;
    config.providerId = u"example"_s;
    config.accountIdSource = AccountIdSource(accountIdSource);
    config.accountIdPath = accountIdPath;
    config.accountIdPattern = accountIdPattern;
    config.keptResponseFields = keptFields;
    config.invalidGrantErrors = invalidGrantErrors;

    EndpointReply reply;
    reply.url = QUrl(u"https://auth.example/token"_s);
    reply.httpStatus = httpStatus;
    reply.contentType = contentType;
    reply.body = body;
    if (httpStatus == 0) {
        reply.networkError = QNetworkReply::ConnectionRefusedError;
        reply.networkErrorString = u"Connection refused"_s;
    }

    const Result<TokenSet> parsed = parseTokenResponse(reply, config, receivedAt, true);
    if (!error.isEmpty()) {
        QVERIFY2(!parsed, "expected an error");
        QCOMPARE(errorCode(parsed), error);
        QVERIFY2(parsed.error().message.contains(messageContains),
                 qPrintable(parsed.error().message));
        return;
    }
    QVERIFY2(parsed, qPrintable(errorMessage(parsed)));
    QTEST(parsed->accessToken, "accessToken");
    QTEST(parsed->refreshToken, "refreshToken");
    QTEST(parsed->tokenType, "tokenType");
    QTEST(parsed->accountId, "accountId");
    QTEST(parsed->expiresAtMs, "expiresAtMs");
    QCOMPARE(parsed->receivedAtMs, receivedAt);
    QTEST(QJsonDocument(parsed->extra).toJson(QJsonDocument::Compact), "extra");
}

void TestTokenResponse::idTokenClaimsRefusesMalformed_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("empty") << QString();
    QTest::newRow("two-parts") << u"eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0"_s;
    QTest::newRow("payload-not-base64url") << u"eyJhbGciOiJub25lIn0.@@@.c2ln"_s;
    QTest::newRow("payload-not-json-object") << idToken("[1,2]");
}

void TestTokenResponse::idTokenClaimsRefusesMalformed()
{
    QFETCH(QString, token);
    QVERIFY(!idTokenClaims(token));
}

void TestTokenResponse::mergeKeepsWhatRefreshOmits()
{
    TokenSet previous;
    previous.accessToken = u"old-access"_s;
    previous.refreshToken = u"old-refresh"_s;
    previous.scope = u"openid offline_access"_s;
    previous.tokenType = u"Bearer"_s;
    previous.accountId = u"T9TK3CUKW"_s;
    previous.extra = QJsonObject{{u"instance_url"_s, u"https://a.example"_s}};

    TokenSet withoutRotation;
    withoutRotation.accessToken = u"new-access"_s;
    withoutRotation.expiresAtMs = 42;
    const TokenSet kept = mergeRefreshed(previous, withoutRotation);
    QCOMPARE(kept.accessToken, u"new-access"_s);
    QCOMPARE(kept.refreshToken, u"old-refresh"_s); // RFC 6749 §6: a new one MAY be issued
    QCOMPARE(kept.scope, u"openid offline_access"_s);
    QCOMPARE(kept.tokenType, u"Bearer"_s);
    QCOMPARE(kept.accountId, u"T9TK3CUKW"_s);
    QCOMPARE(kept.extra.value(u"instance_url"_s).toString(), u"https://a.example"_s);
    QCOMPARE(kept.expiresAtMs, 42);

    TokenSet rotated = withoutRotation;
    rotated.refreshToken = u"new-refresh"_s;
    rotated.extra = QJsonObject{{u"instance_url"_s, u"https://b.example"_s}};
    const TokenSet replaced = mergeRefreshed(previous, rotated);
    QCOMPARE(replaced.refreshToken, u"new-refresh"_s);
    QCOMPARE(replaced.extra.value(u"instance_url"_s).toString(), u"https://b.example"_s);
}

void TestTokenResponse::transientErrors_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("transient");
    QTest::newRow("network") << u"oauth.network_error"_s << true;
    QTest::newRow("outage") << u"oauth.provider_unavailable"_s << true;
    QTest::newRow("invalid-grant") << u"oauth.invalid_grant"_s << false;
    QTest::newRow("token-error") << u"oauth.token_error"_s << false;
    QTest::newRow("bad-response") << u"oauth.bad_token_response"_s << false;
}

void TestTokenResponse::transientErrors()
{
    QFETCH(QString, code);
    QFETCH(bool, transient);
    QCOMPARE(isTransientOAuthError(Error{code, QString()}), transient);
}

void TestTokenResponse::outageNamesTheEndpoint()
{
    EndpointReply reply;
    reply.url = QUrl(u"https://auth.example/token"_s);
    reply.httpStatus = 503;
    const std::optional<Error> failure = endpointFailure(reply, OAuthClientConfig{}, u"token"_s);
    QVERIFY(failure);
    QCOMPARE(failure->code, u"oauth.provider_unavailable"_s);
    QVERIFY2(failure->message.contains(u"https://auth.example/token"_s),
             qPrintable(failure->message));
}

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "tst_tokenresponse.moc"
