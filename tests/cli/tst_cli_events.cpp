// SPDX-License-Identifier: GPL-3.0-or-later
// `wirebench-cli events list|show|replay` on the real binary, over events that a real `serve`
// received: a GitHub webhook signed with the documented secret (forwarded by serve to the
// connection's forward target, a scripted receiver in this process), a tampered copy, then
// replays to the forward target and to another URL, and the documented input errors; and
// `trigger` sending a signed sample that serve verifies and resolves to the tenant.
#include "scriptedsink.h"
#include "support/clirunner.h"
#include "support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace Qt::StringLiterals;
using wb::test::ScriptedSink;
using Answer = wb::test::ScriptedSink::Answer;

namespace {

// The secret of GitHub's "Validating webhook deliveries" docs.
const QByteArray kSecret = "It's a Secret to Everybody";

QByteArray githubSignature(const QByteArray &body)
{
    return "sha256="
           + QMessageAuthenticationCode::hash(body, kSecret, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestCliEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listAndFilter();
    void showGivesTheExactBytes();
    void replayToTheForwardTargetAndElsewhere();
    void refused_data();
    void refused();
    void triggerSendsASignedSample();
    void triggerRefusals_data();
    void triggerRefusals();

private:
    using Run = wb::test::CliRun;
    Run cli(const QStringList &arguments, const QByteArray &input = {});
    int post(const QByteArray &body, const QByteArray &signature);

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_keyFile;
    ScriptedSink m_target;
    QProcess m_serve;
    QUrl m_hookUrl;
    qint64 m_connection = 0;
    qint64 m_tenant = 0;
    qint64 m_verified = 0;
    qint64 m_tampered = 0;
    // Not UTF-8 and an emoji, in a real GitHub payload's shape.
    const QByteArray m_body = "{\"action\":\"opened\",\"installation\":{\"id\":4242},"
                              "\"issue\":{\"title\":\"caf\xe9 \xf0\x9f\x90\x9b\"}}";
};

TestCliEvents::Run TestCliEvents::cli(const QStringList &arguments, const QByteArray &input)
{
    QProcessEnvironment environment = wb::test::cliEnvironment(m_dir.path());
    environment.insert(u"WIREBENCH_WORKSPACE"_s, m_workspace);
    environment.insert(u"WIREBENCH_MASTER_KEY_FILE"_s, m_keyFile);
    return wb::test::runCli(arguments, environment, input);
}

int TestCliEvents::post(const QByteArray &body, const QByteArray &signature)
{
    QNetworkAccessManager network;
    QNetworkRequest request(m_hookUrl);
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("X-GitHub-Event", "issues");
    request.setRawHeader("X-GitHub-Delivery", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setRawHeader("X-Hub-Signature-256", signature);
    QNetworkReply *reply = network.post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(15'000))
        return -1;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void TestCliEvents::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(u"workspace.sqlite"_s);
    m_keyFile = m_dir.filePath(u"master.key"_s);
    QCOMPARE(cli({u"secrets"_s, u"generate-key"_s, u"--out"_s, m_keyFile}).exitCode, 0);
    QCOMPARE(cli({u"secrets"_s, u"migrate"_s, u"--to"_s, u"sealed"_s}).exitCode, 0);
    QVERIFY(m_target.listen());
    m_target.setFallback(Answer::respond(204));
    m_tenant = cli({u"tenants"_s, u"add"_s, u"Acme"_s, u"--json"_s})
                       .object()
                       .value(u"id"_s)
                       .toInteger();
    m_connection = cli({u"connections"_s, u"add"_s, u"--tenant"_s, QString::number(m_tenant),
                        u"--provider"_s, u"github"_s, u"--forward-to"_s,
                        m_target.url(u"/app/github"_s).toString(), u"--json"_s})
                           .object()
                           .value(u"id"_s)
                           .toInteger();
    QVERIFY(m_connection > 0);
    QCOMPARE(cli({u"secrets"_s, u"set"_s, u"--connection"_s, QString::number(m_connection),
                  u"--kind"_s, u"webhook"_s},
                 kSecret)
                     .exitCode,
             0);
    QCOMPARE(cli({u"identities"_s, u"add"_s, u"--provider"_s, u"github"_s, u"--account"_s,
                  u"4242"_s, u"--tenant"_s, QString::number(m_tenant)})
                     .exitCode,
             0);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, m_dir.path());
    environment.insert(u"WIREBENCH_MASTER_KEY_FILE"_s, m_keyFile);
    m_serve.setProcessEnvironment(environment);
    m_serve.start(wb::test::cliPath(),
                  {u"--workspace"_s, m_workspace, u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
    QTRY_VERIFY_WITH_TIMEOUT(m_serve.canReadLine(), 15000);
    m_hookUrl = QUrl(QString::fromUtf8(m_serve.readLine()).trimmed()
                     + u"/hooks/%1"_s.arg(m_connection));

    QCOMPARE(post(m_body, githubSignature(m_body)), 200);
    QByteArray tampered = m_body;
    tampered.replace("opened", "closed");
    QCOMPARE(post(tampered, githubSignature(m_body)), 401);
    // serve forwarded the verified event to the target by itself.
    QTRY_COMPARE_WITH_TIMEOUT(m_target.requests().size(), 1, 15000);

    const QJsonArray events = cli({u"events"_s, u"list"_s, u"--json"_s}).array();
    QCOMPARE(events.size(), 2);
    m_tampered = events.at(0).toObject().value(u"id"_s).toInteger();
    m_verified = events.at(1).toObject().value(u"id"_s).toInteger();
}

void TestCliEvents::cleanupTestCase()
{
    if (m_serve.state() == QProcess::Running) {
        ::kill(pid_t(m_serve.processId()), SIGTERM);
        QVERIFY(m_serve.waitForFinished(15000));
        QCOMPARE(m_serve.exitCode(), 0);
    }
}

void TestCliEvents::listAndFilter()
{
    const QJsonArray all = cli({u"events"_s, u"list"_s, u"--json"_s}).array();
    QCOMPARE(all.size(), 2);
    const QJsonObject verified = all.at(1).toObject();
    QCOMPARE(verified.value(u"verdict"_s).toString(), u"verified"_s);
    QCOMPARE(verified.value(u"provider"_s).toString(), u"github"_s);
    QCOMPARE(verified.value(u"event_type"_s).toString(), u"issues"_s);
    QCOMPARE(verified.value(u"tenant_id"_s).toInteger(), m_tenant);
    QCOMPARE(verified.value(u"connection_id"_s).toInteger(), m_connection);
    QCOMPARE(verified.value(u"body_bytes"_s).toInteger(), m_body.size());
    QVERIFY(!verified.contains(u"body_base64"_s));
    QTRY_COMPARE_WITH_TIMEOUT(cli({u"events"_s, u"show"_s, QString::number(m_verified), u"--json"_s})
                                      .object()
                                      .value(u"forwarding_state"_s)
                                      .toString(),
                              u"forwarded"_s, 10000);
    const QJsonObject tampered = all.at(0).toObject();
    QCOMPARE(tampered.value(u"verdict"_s).toString(), u"failed"_s);
    QCOMPARE(tampered.value(u"verification_reason"_s).toString(), u"signature_mismatch"_s);
    QCOMPARE(tampered.value(u"response_status"_s).toInt(), 401);

    const QJsonArray failed
            = cli({u"events"_s, u"list"_s, u"--verdict"_s, u"failed"_s, u"--json"_s}).array();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).toObject().value(u"id"_s).toInteger(), m_tampered);
    QCOMPARE(cli({u"events"_s, u"list"_s, u"--since"_s, u"1h"_s, u"--json"_s}).array().size(), 2);
    QCOMPARE(cli({u"events"_s, u"list"_s, u"--since"_s, u"2999-01-01T00:00:00Z"_s, u"--json"_s})
                     .array()
                     .size(),
             0);
    QCOMPARE(cli({u"events"_s, u"list"_s, u"--connection"_s, u"999"_s, u"--json"_s}).array().size(),
             0);
    const Run table = cli({u"events"_s, u"list"_s});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.startsWith("ID "), table.out.constData());
    QVERIFY2(table.out.contains("issues"), table.out.constData());
}

void TestCliEvents::showGivesTheExactBytes()
{
    const Run run = cli({u"events"_s, u"show"_s, QString::number(m_verified), u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject event = run.object();
    QCOMPARE(QByteArray::fromBase64(event.value(u"body_base64"_s).toString().toLatin1()), m_body);
    QString signature;
    for (const QJsonValue &field : event.value(u"headers"_s).toArray()) {
        if (field.toObject().value(u"name"_s).toString() == u"X-Hub-Signature-256")
            signature = field.toObject().value(u"value"_s).toString();
    }
    QCOMPARE(signature.toLatin1(), githubSignature(m_body));
    QCOMPARE(event.value(u"method"_s).toString(), u"POST"_s);
    // Not UTF-8: the text form says so rather than print mojibake.
    const Run text = cli({u"events"_s, u"show"_s, QString::number(m_verified)});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("not UTF-8"), text.out.constData());
    // A verified event's reason is the verdict itself: said once.
    QVERIFY2(text.out.contains("  verdict:    verified\n"), text.out.constData());
    // A failed one says why.
    const Run failed = cli({u"events"_s, u"show"_s, QString::number(m_tampered)});
    QVERIFY2(failed.out.contains("  verdict:    failed (signature_mismatch)\n"),
             failed.out.constData());
    QVERIFY2(text.out.contains(QByteArray("X-Hub-Signature-256: " + githubSignature(m_body))),
             text.out.constData());
}

void TestCliEvents::replayToTheForwardTargetAndElsewhere()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_target.requests().size(), 1, 10000);
    const Run again = cli({u"events"_s, u"replay"_s, QString::number(m_verified), u"--json"_s});
    QCOMPARE(again.exitCode, 0);
    const QJsonObject delivery = again.object().value(u"replayed"_s).toObject();
    QCOMPARE(delivery.value(u"idempotency_key"_s).toString(), u"inbound-%1-2"_s.arg(m_verified));
    QTRY_COMPARE_WITH_TIMEOUT(m_target.requests().size(), 2, 15000);
    QCOMPARE(m_target.requests().at(1).target, "/app/github"_ba);
    QCOMPARE(m_target.requests().at(1).body, m_body);
    QCOMPARE(m_target.requests().at(1).headers.value("Idempotency-Key"),
             u"inbound-%1-2"_s.arg(m_verified).toLatin1());
    QCOMPARE(m_target.requests().at(1).headers.value("X-Hub-Signature-256"),
             githubSignature(m_body));

    // --to: any URL, even for an event that failed verification; the event is not changed.
    const Run elsewhere = cli({u"events"_s, u"replay"_s, QString::number(m_tampered), u"--to"_s,
                               m_target.url(u"/debug"_s).toString(), u"--json"_s});
    QCOMPARE(elsewhere.exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_target.requests().size(), 3, 15000);
    QCOMPARE(m_target.requests().at(2).target, "/debug"_ba);
    QVERIFY(m_target.requests().at(2).body.contains("closed"));
    QCOMPARE(cli({u"events"_s, u"show"_s, QString::number(m_tampered), u"--json"_s})
                     .object()
                     .value(u"forwarding_state"_s)
                     .toString(),
             u"none"_s);
}

void TestCliEvents::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown event")
            << QStringList{u"show"_s, u"999"_s} << u"store.unknown_inbound_event"_s << u"999"_s;
    QTest::newRow("failed event is not forwardable")
            << QStringList{u"replay"_s, u"TAMPERED"_s} << u"inbound.not_forwardable"_s << QString();
    QTest::newRow("bad since") << QStringList{u"list"_s, u"--since"_s, u"yesterday"_s}
                               << u"cli.invalid_option"_s << u"got 'yesterday'"_s;
    QTest::newRow("local time since")
            << QStringList{u"list"_s, u"--since"_s, u"2026-11-29T10:00:00"_s}
            << u"cli.invalid_option"_s << u"RFC 3339 with an offset"_s;
    QTest::newRow("bad verdict") << QStringList{u"list"_s, u"--verdict"_s, u"ok"_s}
                                 << u"cli.invalid_option"_s << u"verified, failed or unsigned"_s;
    QTest::newRow("bad url") << QStringList{u"replay"_s, u"1"_s, u"--to"_s, u"ftp://x/y"_s}
                             << u"cli.invalid_option"_s << u"absolute http or https URL"_s;
    QTest::newRow("--to on list") << QStringList{u"list"_s, u"--to"_s, u"http://x/y"_s}
                                  << u"cli.option_not_allowed"_s << u"--to"_s;
    QTest::newRow("bad id") << QStringList{u"show"_s, u"abc"_s} << u"cli.invalid_id"_s
                            << u"got 'abc'"_s;
}

void TestCliEvents::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, code);
    QFETCH(QString, message);
    arguments.replaceInStrings(u"TAMPERED"_s, QString::number(m_tampered));
    const qsizetype before = m_target.requests().size();
    const Run run = cli(QStringList{u"events"_s} + arguments + QStringList{u"--json"_s});
    QCOMPARE(run.exitCode, 2);
    const QJsonObject error = run.object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QVERIFY2(error.value(u"message"_s).toString().contains(message), qPrintable(run.err));
    QCOMPARE(m_target.requests().size(), before);
}

void TestCliEvents::triggerSendsASignedSample()
{
    const qsizetype forwardedBefore = m_target.requests().size();
    // The provider URL: the tenant is resolved from installation.id through the identity mapping.
    QUrl providerUrl = m_hookUrl;
    providerUrl.setPath(u"/hooks/p/github"_s);
    const Run run = cli({u"trigger"_s, u"--connection"_s, QString::number(m_connection),
                         u"--event"_s, u"issues.opened"_s, u"--to"_s, providerUrl.toString(),
                         u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + QString::fromUtf8(run.out)));
    const QJsonObject sent = run.object();
    QCOMPARE(sent.value(u"status"_s).toInt(), 200);
    QCOMPARE(sent.value(u"account_id"_s).toString(), u"4242"_s);
    const QByteArray body = QByteArray::fromBase64(
            sent.value(u"body_base64"_s).toString().toLatin1());
    QVERIFY(body.contains("\"installation\":{\"id\":4242,"));

    const QJsonObject event = cli({u"events"_s, u"list"_s, u"--limit"_s, u"1"_s, u"--json"_s})
                                      .array()
                                      .at(0)
                                      .toObject();
    QCOMPARE(event.value(u"verdict"_s).toString(), u"verified"_s);
    QCOMPARE(event.value(u"route"_s).toString(), u"provider"_s);
    QCOMPARE(event.value(u"event_type"_s).toString(), u"issues"_s);
    QCOMPARE(event.value(u"identity_value"_s).toString(), u"4242"_s);
    QCOMPARE(event.value(u"tenant_id"_s).toInteger(), m_tenant);
    QCOMPARE(event.value(u"body_bytes"_s).toInteger(), body.size());
    // And serve forwards it like any verified event.
    QTRY_COMPARE_WITH_TIMEOUT(m_target.requests().size(), forwardedBefore + 1, 15000);
    QCOMPARE(m_target.requests().last().body, body);
}

void TestCliEvents::triggerRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown event")
            << QStringList{u"--event"_s, u"star.created"_s} << 2 << u"sample.unknown_event"_s
            << u"(known: issues.opened, ping, push)"_s;
    QTest::newRow("unknown connection")
            << QStringList{u"--event"_s, u"ping"_s, u"--connection"_s, u"999"_s} << 2
            << u"store.unknown_connection"_s << u"999"_s;
    QTest::newRow("nothing listening")
            << QStringList{u"--event"_s, u"ping"_s, u"--to"_s, u"http://127.0.0.1:9/hooks/1"_s} << 3
            << u"trigger.send_failed"_s << u"is 'wirebench-cli serve' running?"_s;
    QTest::newRow("bad url") << QStringList{u"--event"_s, u"ping"_s, u"--to"_s, u"x"_s} << 2
                             << u"cli.invalid_option"_s << u"absolute http or https URL"_s;
    QTest::newRow("no event") << QStringList{} << 2 << u"cli.missing_option"_s
                              << u"--event TYPE are required"_s;
}

void TestCliEvents::triggerRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QStringList all{u"trigger"_s};
    if (!arguments.contains(u"--connection"_s))
        all << u"--connection"_s << QString::number(m_connection);
    const Run run = cli(all + arguments + QStringList{u"--json"_s});
    QCOMPARE(run.exitCode, exitCode);
    const QJsonObject error = run.object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QVERIFY2(error.value(u"message"_s).toString().contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliEvents)
#include "tst_cli_events.moc"
