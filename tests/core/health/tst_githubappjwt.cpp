// SPDX-License-Identifier: GPL-3.0-or-later
// GitHub App tokens (RS256 JWTs) signed by GitHubAppJwt and checked by a real verifier: jose from
// npm (tests/peers/github-app-jwt.mjs), with fresh RSA keys the peer makes in both PEM forms
// GitHub's key files come in. What GitHub requires: iat 60 s in the past, exp at most 10 min
// ahead, iss the app id (docs.github.com/apps/creating-github-apps/authenticating-with-a-github-
// app/generating-a-json-web-token-jwt-for-a-github-app).
#include "core/health/githubappjwt.h"

#include "support/nodepeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {
constexpr qint64 nowMs = 1'796'035'325'123; // 2026-11-30T10:42:05.123Z
}

class TestGitHubAppJwt : public QObject
{
    Q_OBJECT

private:
    // Runs the peer's jobs; an empty list on failure (the test then fails on the error).
    QJsonArray peer(const QJsonArray &jobs, QString *error)
    {
        wb::test::NodePeer node;
        const QByteArray out = node.run(u"github-app-jwt.mjs"_s, {},
                                        QJsonDocument(QJsonObject{{u"jobs"_s, jobs}}).toJson());
        *error = node.errorString();
        return QJsonDocument::fromJson(out).object().value(u"results"_s).toArray();
    }

private slots:
    void initTestCase()
    {
        if (!wb::test::NodePeer::available())
            QSKIP("npm peers not installed (cd tests/peers && npm ci)");
    }

    void joseAcceptsTheToken_data()
    {
        QTest::addColumn<QString>("keyFormat");
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<QJsonValue>("issClaim");
        QTest::newRow("pkcs1-key-numeric-app-id")
                << u"pkcs1"_s << u"123456"_s << QJsonValue(u"123456"_s);
        QTest::newRow("pkcs8-key-client-id")
                << u"pkcs8"_s << u"Iv1.8a61f9b3a7aba766"_s << QJsonValue(u"Iv1.8a61f9b3a7aba766"_s);
    }

    void joseAcceptsTheToken()
    {
        QFETCH(QString, keyFormat);
        QFETCH(QString, issuer);
        QFETCH(QJsonValue, issClaim);
        QString error;
        const QJsonArray keys = peer({QJsonObject{{u"op"_s, u"keypair"_s},
                                                  {u"format"_s, keyFormat}}},
                                     &error);
        QVERIFY2(keys.size() == 1, qPrintable(error));
        const QJsonObject pair = keys.first().toObject();
        const Result<QByteArray> token
                = GitHubAppJwt::sign(pair.value(u"private_pem"_s).toString().toUtf8(), issuer,
                                     nowMs);
        QVERIFY2(token.has_value(), qPrintable(token ? QString() : token.error().message));
        QCOMPARE(token->count('.'), 2);
        QVERIFY(!token->contains('='));

        // Verified now, and by a clock at the limits GitHub allows.
        QJsonArray jobs;
        for (const qint64 at : {nowMs, nowMs - 59'000, nowMs + 9 * 60'000 - 1'000}) {
            jobs.append(QJsonObject{{u"op"_s, u"verify"_s},
                                    {u"token"_s, QString::fromLatin1(*token)},
                                    {u"public_pem"_s, pair.value(u"public_pem"_s)},
                                    {u"issuer"_s, issuer},
                                    {u"now_ms"_s, double(at)}});
        }
        const QJsonArray verdicts = peer(jobs, &error);
        QVERIFY2(verdicts.size() == 3, qPrintable(error));
        for (const QJsonValue &verdict : verdicts) {
            QVERIFY2(verdict[u"valid"_s].toBool(), qPrintable(verdict[u"error"_s].toString()));
        }
        const QJsonObject header = verdicts.first()[u"header"_s].toObject();
        QCOMPARE(header, (QJsonObject{{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}}));
        const QJsonObject payload = verdicts.first()[u"payload"_s].toObject();
        const qint64 now = nowMs / 1000;
        QCOMPARE(payload.value(u"iat"_s).toInteger(), now - 60);
        QCOMPARE(payload.value(u"exp"_s).toInteger(), now + 540);
        QVERIFY(payload.value(u"exp"_s).toInteger() - now <= 600);
        QCOMPARE(payload.value(u"iss"_s), issClaim);
        QCOMPARE(payload.keys(), (QStringList{u"exp"_s, u"iat"_s, u"iss"_s}));
    }

    // The verifier is not a rubber stamp: another key, an expired token and a changed payload
    // are refused.
    void joseRefusesWhatGitHubRefuses()
    {
        QString error;
        const QJsonArray keys = peer({QJsonObject{{u"op"_s, u"keypair"_s}},
                                      QJsonObject{{u"op"_s, u"keypair"_s}}},
                                     &error);
        QVERIFY2(keys.size() == 2, qPrintable(error));
        const Result<QByteArray> token
                = GitHubAppJwt::sign(keys.at(0)[u"private_pem"_s].toString().toUtf8(), u"42"_s,
                                     nowMs);
        QVERIFY(token.has_value());
        QList<QByteArray> parts = token->split('.');
        QJsonObject claims = QJsonDocument::fromJson(
                                     QByteArray::fromBase64(parts.at(1),
                                                            QByteArray::Base64UrlEncoding))
                                     .object();
        claims.insert(u"iss"_s, 43);
        parts[1] = QJsonDocument(claims)
                           .toJson(QJsonDocument::Compact)
                           .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray tampered = parts.join('.');

        const auto verify = [&](const QByteArray &jwt, const QJsonValue &publicPem, qint64 at,
                                const QString &issuer) {
            return QJsonObject{{u"op"_s, u"verify"_s},
                               {u"token"_s, QString::fromLatin1(jwt)},
                               {u"public_pem"_s, publicPem},
                               {u"issuer"_s, issuer},
                               {u"now_ms"_s, double(at)}};
        };
        const QJsonArray verdicts
                = peer({verify(*token, keys.at(1)[u"public_pem"_s], nowMs, u"42"_s),
                        verify(*token, keys.at(0)[u"public_pem"_s], nowMs + 10 * 60'000, u"42"_s),
                        verify(tampered, keys.at(0)[u"public_pem"_s], nowMs, u"43"_s),
                        verify(*token, keys.at(0)[u"public_pem"_s], nowMs, u"42"_s)},
                       &error);
        QVERIFY2(verdicts.size() == 4, qPrintable(error));
        QCOMPARE(verdicts.at(0)[u"error"_s].toString(), u"ERR_JWS_SIGNATURE_VERIFICATION_FAILED"_s);
        QCOMPARE(verdicts.at(1)[u"error"_s].toString(), u"ERR_JWT_EXPIRED"_s);
        QCOMPARE(verdicts.at(2)[u"error"_s].toString(), u"ERR_JWS_SIGNATURE_VERIFICATION_FAILED"_s);
        QVERIFY(verdicts.at(3)[u"valid"_s].toBool()); // the untouched token, for contrast
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<int>("lifetime");
        QTest::addColumn<QString>("code");
        // A P-256 key made for this test only (openssl genpkey -algorithm EC): a valid private
        // key, but not RSA.
        const QByteArray ecKey
                = "-----BEGIN PRIVATE KEY-----\n"
                  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgpYusSbtlaVSr5UpU\n"
                  "FPRrd++5Nh09iEXL0bPKFTfvk6ehRANCAARvKpJD7Uf2xLolPBrd7l7mgIgX3fJO\n"
                  "cZXk3ARnZWDGiIglFdHCDJ9tBglP6gYSN2eglBYxyaVFfH3Ljx4Vb3Z8\n"
                  "-----END PRIVATE KEY-----\n";
        QTest::newRow("not-pem") << "not a key"_ba << u"1"_s << 540 << u"health.bad_app_key"_s;
        QTest::newRow("ec-key-not-rsa") << ecKey << u"1"_s << 540 << u"health.bad_app_key"_s;
        QTest::newRow("empty-app-id") << ecKey << QString() << 540 << u"health.bad_app_id"_s;
        QTest::newRow("app-id-with-space") << ecKey << u"12 34"_s << 540 << u"health.bad_app_id"_s;
        QTest::newRow("lifetime-over-ten-minutes")
                << ecKey << u"1"_s << 601 << u"health.bad_lifetime"_s;
        QTest::newRow("lifetime-zero") << ecKey << u"1"_s << 0 << u"health.bad_lifetime"_s;
    }

    void badInput()
    {
        QFETCH(QByteArray, key);
        QFETCH(QString, issuer);
        QFETCH(int, lifetime);
        QFETCH(QString, code);
        const Result<QByteArray> token = GitHubAppJwt::sign(key, issuer, nowMs, lifetime);
        QVERIFY(!token.has_value());
        QCOMPARE(token.error().code, code);
        QVERIFY(!token.error().message.contains(u"MIGHAgEA"_s)); // never quotes the key
        QVERIFY(!token.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGitHubAppJwt)
#include "tst_githubappjwt.moc"
