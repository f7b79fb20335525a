// SPDX-License-Identifier: GPL-3.0-or-later
// `wirebench-cli verify` on the real binary: captured requests from the providers' published test
// vectors (tests/fixtures/providers/test_vectors.json) and signed by the official SDKs (stripe,
// @octokit/webhooks-methods via tests/peers/webhook-sdks.mjs), tampered copies, stale timestamps,
// a rotation, and every documented input error with exit code 2.
#include "support/clirunner.h"
#include "support/nodepeer.h"
#include "support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject vector(const QString &id)
{
    const QJsonArray vectors = QJsonDocument::fromJson(
                                       wb::test::readFixture(u"providers/test_vectors.json"_s))
                                       .array();
    for (const QJsonValue &value : vectors) {
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    }
    return {};
}

QByteArray utf8(const QJsonObject &object, const QString &key)
{
    return object.value(key).toString().toUtf8();
}

} // namespace

class TestCliVerify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void publishedVectors_data();
    void publishedVectors();
    void sdkSignedRequests_data();
    void sdkSignedRequests();
    void explainsAStaleTimestamp();
    void secondSecretOfARotation();
    void inputErrors_data();
    void inputErrors();

private:
    using Run = wb::test::CliRun;
    Run verify(const QString &provider, const QByteArray &headers, const QByteArray &body,
               const QList<QByteArray> &secrets, const QStringList &extra = {});
    QString write(const QString &name, const QByteArray &bytes);
    Run cli(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliVerify::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestCliVerify::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

TestCliVerify::Run TestCliVerify::cli(const QStringList &arguments)
{
    QProcessEnvironment environment = wb::test::cliEnvironment(m_dir->path());
    environment.insert(u"WB_TEST_SECRET"_s, u"It's a Secret to Everybody"_s);
    environment.remove(u"WB_TEST_UNSET"_s);
    return wb::test::runCli(arguments, environment);
}

TestCliVerify::Run TestCliVerify::verify(const QString &provider, const QByteArray &headers,
                                         const QByteArray &body, const QList<QByteArray> &secrets,
                                         const QStringList &extra)
{
    QStringList arguments{u"verify"_s,
                          u"--provider"_s,
                          provider,
                          u"--headers"_s,
                          write(u"headers.txt"_s, headers),
                          u"--body"_s,
                          write(u"body.bin"_s, body),
                          u"--json"_s};
    for (qsizetype i = 0; i < secrets.size(); ++i) {
        // One trailing line break is dropped, as an editor leaves it.
        arguments << u"--secret-file"_s
                  << write(u"secret-%1.txt"_s.arg(i), secrets.at(i) + (i == 0 ? "\n" : ""));
    }
    return cli(arguments + extra);
}

void TestCliVerify::publishedVectors_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QStringList>("extra");

    const QJsonObject github = vector(u"github-docs"_s);
    QTest::newRow("github docs") << u"github"_s
                                 << "X-GitHub-Event: ping\r\nX-Hub-Signature-256: "
                                            + utf8(github, u"expected"_s) + "\r\n"
                                 << utf8(github, u"message"_s) << utf8(github, u"key"_s)
                                 << QStringList();
    // The same captured with its request line, as copied from a proxy.
    QTest::newRow("github with a request line")
            << u"github"_s
            << "POST /hooks/p/github HTTP/1.1\nHost: 127.0.0.1:8480\nX-Hub-Signature-256: "
                       + utf8(github, u"expected"_s) + "\n\n"
            << utf8(github, u"message"_s) << utf8(github, u"key"_s) << QStringList();
    const QJsonObject slack = vector(u"slack-docs"_s);
    QTest::newRow("slack docs")
            << u"slack"_s
            << "Content-Type: application/x-www-form-urlencoded\nX-Slack-Request-Timestamp: "
                       + utf8(slack, u"timestamp"_s)
                       + "\nX-Slack-Signature: " + utf8(slack, u"expected"_s)
            << utf8(slack, u"body"_s) << utf8(slack, u"key"_s)
            << QStringList{u"--now"_s, slack.value(u"timestamp"_s).toString()};
    const QJsonObject standard = vector(u"standard-webhooks-sign"_s);
    QTest::newRow("standard webhooks spec")
            << u"standard-webhooks"_s
            << "webhook-id: " + utf8(standard, u"msg_id"_s)
                       + "\nwebhook-timestamp: " + utf8(standard, u"timestamp"_s)
                       + "\nwebhook-signature: " + utf8(standard, u"expected"_s)
            << utf8(standard, u"body"_s) << utf8(standard, u"key"_s)
            << QStringList{u"--now"_s, standard.value(u"timestamp"_s).toString()};
    const QJsonObject shopify = vector(u"shopify-webhook"_s);
    QTest::newRow("shopify") << u"shopify"_s
                             << "X-Shopify-Hmac-Sha256: " + utf8(shopify, u"expected"_s)
                             << utf8(shopify, u"message"_s) << utf8(shopify, u"key"_s)
                             << QStringList();
    // Twilio signs the public URL and the sorted form parameters: --url gives the URL.
    const QJsonObject twilio = vector(u"twilio-form"_s);
    QByteArray form;
    const QJsonObject params = twilio.value(u"params"_s).toObject();
    for (auto it = params.begin(); it != params.end(); ++it) {
        form += (form.isEmpty() ? "" : "&") + it.key().toUtf8() + '='
                + QUrl::toPercentEncoding(it.value().toString());
    }
    QTest::newRow("twilio form")
            << u"twilio"_s
            << "Content-Type: application/x-www-form-urlencoded\nX-Twilio-Signature: "
                       + utf8(twilio, u"expected"_s)
            << form << utf8(twilio, u"key"_s)
            << QStringList{u"--url"_s, twilio.value(u"url"_s).toString()};
}

void TestCliVerify::publishedVectors()
{
    QFETCH(QString, provider);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, secret);
    QFETCH(QStringList, extra);

    const Run run = verify(provider, headers, body, {secret}, extra);
    QVERIFY2(run.exitCode == 0, run.out.constData());
    QCOMPARE(run.object().value(u"verified"_s).toBool(), true);
    QCOMPARE(run.object().value(u"reason"_s).toString(), u"verified"_s);
    QCOMPARE(run.object().value(u"provider"_s).toString(), provider);
    QCOMPARE(run.object().value(u"matched_secret_slot"_s).toInt(), 1);
    QVERIFY(!run.object().value(u"scheme"_s).toString().isEmpty());

    // One byte changed: not verified, exit 1, and why.
    QByteArray tampered = body;
    tampered[tampered.size() / 2] = tampered.at(tampered.size() / 2) ^ 0x01;
    const Run refused = verify(provider, headers, tampered, {secret}, extra);
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.object().value(u"verified"_s).toBool(), false);
    QCOMPARE(refused.object().value(u"reason"_s).toString(), u"signature_mismatch"_s);
    QVERIFY(!refused.object().value(u"explanation"_s).toString().isEmpty());
    // The explanation never contains the secret (too short a secret, like Twilio's "12345", also
    // occurs in the request's own bytes).
    if (secret.size() >= 8)
        QVERIFY(!refused.out.contains(secret));
}

void TestCliVerify::sdkSignedRequests_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("secret");

    QTest::newRow("stripe SDK") << u"stripe"_s << u"stripe.sign"_s << "Stripe-Signature"_ba
                                << "whsec_wirebench_verify_cli"_ba;
    QTest::newRow("octokit") << u"github"_s << u"octokit.sign"_s << "X-Hub-Signature-256"_ba
                             << "octokit-secret"_ba;
}

void TestCliVerify::sdkSignedRequests()
{
    QFETCH(QString, provider);
    QFETCH(QString, op);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, secret);
    if (!wb::test::NodePeer::available())
        QSKIP("npm peers not installed (cd tests/peers && npm ci)");

    // Bytes that are not ASCII, to show nothing is decoded to text on the way.
    const QByteArray body = "{\"id\":\"evt_1\",\"text\":\"gr\xc3\xbc\xc3\x9f \xf0\x9f\x91\x8b\"}";
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    wb::test::NodePeer peer;
    const QByteArray output = peer.run(
            u"webhook-sdks.mjs"_s, {},
            QJsonDocument(
                    QJsonObject{{u"jobs"_s,
                                 QJsonArray{QJsonObject{{u"op"_s, op},
                                                        {u"secret"_s, QString::fromLatin1(secret)},
                                                        {u"timestamp"_s, now},
                                                        {u"body_b64"_s,
                                                         QString::fromLatin1(body.toBase64())}}}}})
                    .toJson(QJsonDocument::Compact));
    QVERIFY2(!output.isEmpty(), qPrintable(peer.errorString()));
    const QByteArray signature = QJsonDocument::fromJson(output)
                                         .object()
                                         .value(u"results"_s)
                                         .toArray()
                                         .first()
                                         .toString()
                                         .toLatin1();
    QVERIFY(!signature.isEmpty());
    const Run run = verify(provider, header + ": " + signature + "\n", body, {secret});
    QVERIFY2(run.exitCode == 0, run.out.constData());
    QCOMPARE(run.object().value(u"reason"_s).toString(), u"verified"_s);
    const Run wrongSecret = verify(provider, header + ": " + signature + "\n", body, {secret + "x"});
    QCOMPARE(wrongSecret.exitCode, 1);
    QCOMPARE(wrongSecret.object().value(u"reason"_s).toString(), u"signature_mismatch"_s);
}

void TestCliVerify::explainsAStaleTimestamp()
{
    const QJsonObject slack = vector(u"slack-docs"_s);
    const QByteArray headers = "X-Slack-Request-Timestamp: " + utf8(slack, u"timestamp"_s)
                               + "\nX-Slack-Signature: " + utf8(slack, u"expected"_s);
    // An hour after the request: the signature matches, the timestamp is out of tolerance.
    const qint64 later = slack.value(u"timestamp"_s).toString().toLongLong() + 3600;
    const Run run = verify(u"slack"_s, headers, utf8(slack, u"body"_s), {utf8(slack, u"key"_s)},
                           {u"--now"_s, QString::number(later)});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.object().value(u"reason"_s).toString(), u"timestamp_out_of_tolerance"_s);
    QCOMPARE(run.object().value(u"skew_seconds"_s).toInteger(), 3600);
    QCOMPARE(run.object().value(u"tolerance_seconds"_s).toInt(), 300);
    QCOMPARE(run.object().value(u"signature_matched_but_stale"_s).toBool(), true);
    QCOMPARE(run.object().value(u"timestamp"_s).toString(), slack.value(u"timestamp"_s).toString());

    // The text form says the same for people.
    QStringList arguments{u"verify"_s,
                          u"--provider"_s,
                          u"slack"_s,
                          u"--headers"_s,
                          m_dir->filePath(u"headers.txt"_s),
                          u"--body"_s,
                          m_dir->filePath(u"body.bin"_s),
                          u"--secret-file"_s,
                          m_dir->filePath(u"secret-0.txt"_s),
                          u"--now"_s,
                          QString::number(later)};
    const Run text = cli(arguments);
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.startsWith("Not verified (timestamp_out_of_tolerance)"), text.out.constData());
    QVERIFY2(text.out.contains("3600 s old, tolerance 300 s"), text.out.constData());
}

void TestCliVerify::secondSecretOfARotation()
{
    const QJsonObject github = vector(u"github-docs"_s);
    const Run run = verify(u"github"_s,
                           "X-Hub-Signature-256: " + utf8(github, u"expected"_s) + "\n",
                           utf8(github, u"message"_s), {"the-new-secret", utf8(github, u"key"_s)});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.object().value(u"matched_secret_slot"_s).toInt(), 2);
    QCOMPARE(run.object().value(u"secrets_tried"_s).toInt(), 2);
    // --secret-env reads the value from the environment (never the command line).
    const Run fromEnv = cli({u"verify"_s, u"--provider"_s, u"github"_s, u"--headers"_s,
                             m_dir->filePath(u"headers.txt"_s), u"--body"_s,
                             m_dir->filePath(u"body.bin"_s), u"--secret-env"_s, u"WB_TEST_SECRET"_s,
                             u"--json"_s});
    QCOMPARE(fromEnv.exitCode, 0);
    QCOMPARE(fromEnv.object().value(u"verified"_s).toBool(), true);
}

void TestCliVerify::inputErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const QString headers = u"HEADERS"_s;
    const QString body = u"BODY"_s;
    const QString secret = u"SECRET"_s;
    QTest::newRow("unknown provider")
            << QStringList{u"--provider"_s, u"gitlab"_s, u"--headers"_s,     headers,
                           u"--body"_s,     body,        u"--secret-file"_s, secret}
            << u"provider.unknown"_s << u"gitlab"_s;
    QTest::newRow("no headers file")
            << QStringList{u"--provider"_s,    u"github"_s, u"--body"_s, body,
                           u"--secret-file"_s, secret}
            << u"cli.missing_option"_s << u"--headers is required"_s;
    QTest::newRow("unreadable body")
            << QStringList{u"--provider"_s,    u"github"_s,
                           u"--headers"_s,     headers,
                           u"--body"_s,        u"/nonexistent/body.json"_s,
                           u"--secret-file"_s, secret}
            << u"cli.unreadable_file"_s << u"cannot read the body from /nonexistent/body.json"_s;
    QTest::newRow("malformed headers file")
            << QStringList{u"--provider"_s, u"github"_s, u"--headers"_s,     u"BAD_HEADERS"_s,
                           u"--body"_s,     body,        u"--secret-file"_s, secret}
            << u"cli.invalid_headers_file"_s
            << u"line 2 of the headers file is not 'Name: value': 'this is not a header'"_s;
    QTest::newRow("bad url") << QStringList{u"--provider"_s,    u"twilio"_s,
                                            u"--headers"_s,     headers,
                                            u"--body"_s,        body,
                                            u"--secret-file"_s, secret,
                                            u"--url"_s,         u"mycompany.com/x"_s}
                             << u"cli.invalid_option"_s
                             << u"--url expects an absolute http or https URL"_s;
    QTest::newRow("no secret") << QStringList{u"--provider"_s, u"github"_s, u"--headers"_s,
                                              headers,         u"--body"_s, body}
                               << u"cli.missing_option"_s
                               << u"--secret-file FILE or --secret-env VAR"_s;
    QTest::newRow("unset secret variable")
            << QStringList{u"--provider"_s, u"github"_s, u"--headers"_s,    headers,
                           u"--body"_s,     body,        u"--secret-env"_s, u"WB_TEST_UNSET"_s}
            << u"cli.missing_secret"_s << u"WB_TEST_UNSET is not set"_s;
    QTest::newRow("bad --now") << QStringList{u"--provider"_s,    u"github"_s,
                                              u"--headers"_s,     headers,
                                              u"--body"_s,        body,
                                              u"--secret-file"_s, secret,
                                              u"--now"_s,         u"yesterday"_s}
                               << u"cli.invalid_option"_s
                               << u"--now expects UTC seconds since 1970"_s;
}

void TestCliVerify::inputErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const QMap<QString, QString>
            files{{u"HEADERS"_s, write(u"h.txt"_s, "X-Hub-Signature-256: sha256=00\n")},
                  {u"BAD_HEADERS"_s,
                   write(u"bad.txt"_s, "X-Hub-Signature-256: sha256=00\nthis is not a header\n")},
                  {u"BODY"_s, write(u"b.bin"_s, "{}")},
                  {u"SECRET"_s, write(u"s.txt"_s, "secret")}};
    for (QString &argument : arguments)
        argument = files.value(argument, argument);

    const Run run = cli(QStringList{u"verify"_s} + arguments + QStringList{u"--json"_s});
    QCOMPARE(run.exitCode, 2);
    const QJsonObject error = run.object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QVERIFY2(error.value(u"message"_s).toString().contains(message), qPrintable(run.err));
    QVERIFY2(run.err.startsWith(u"wirebench-cli verify: "_s), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliVerify)
#include "tst_cli_verify.moc"
