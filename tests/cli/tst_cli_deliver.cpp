// SPDX-License-Identifier: GPL-3.0-or-later
// The real wirebench-cli binary delivering over real HTTP to a scripted receiver (a raw TCP server
// in this process): `deliver` with Retry-After, dead-lettering, refused input; `deliveries list`,
// `show` and `retry` on what it left in the workspace; `serve` delivering what `deliveries retry`
// queued, signed with the connection's secret from a sealed workspace (checked by the official
// standardwebhooks verifier).
#include "scriptedsink.h"
#include "support/clirunner.h"
#include "support/nodepeer.h"
#include "support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using wb::test::ScriptedSink;
using Answer = wb::test::ScriptedSink::Answer;

class TestCliDeliver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void retryAfterIsHonouredThenSucceeds();
    void deadLetteredAfterMaxAttempts();
    void refusedInput_data();
    void refusedInput();
    void deliveriesListShowAndRetry();
    void serveSendsARetriedConnectionDeliverySigned();

private:
    using Run = wb::test::CliRun;
    // Runs the CLI without blocking this thread's event loop (the sink answers on it).
    Run cli(const QStringList &arguments, const QByteArray &input = {});
    QString writeFile(const QString &name, const QByteArray &content);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
    QString m_body;
    QString m_fastPolicy;
    QString m_keyFileEnv; // WIREBENCH_MASTER_KEY_FILE for cli(), when set
    const QByteArray m_payload = R"({"type":"invoice.paid","data":{"id":"in_1","amount":4200}})";
};

void TestCliDeliver::init()
{
    m_keyFileEnv.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(u"workspace.sqlite"_s);
    m_body = writeFile(u"body.json"_s, m_payload);
    // Short waits so the test takes seconds; no jitter so the waits are exact.
    m_fastPolicy = writeFile(u"fast.json"_s,
                             R"({"name":"fast","basedOn":"default","baseMs":100,"capMs":400,)"
                             R"("jitter":"none","maxAttempts":5})");
}

QString TestCliDeliver::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

TestCliDeliver::Run TestCliDeliver::cli(const QStringList &arguments, const QByteArray &input)
{
    QProcessEnvironment environment = wb::test::cliEnvironment(m_dir->path());
    environment.insert(u"WIREBENCH_WORKSPACE"_s, m_workspace);
    if (!m_keyFileEnv.isEmpty())
        environment.insert(u"WIREBENCH_MASTER_KEY_FILE"_s, m_keyFileEnv);
    return wb::test::runCli(arguments, environment, input);
}

void TestCliDeliver::retryAfterIsHonouredThenSucceeds()
{
    ScriptedSink sink;
    QVERIFY(sink.listen());
    sink.play({Answer::respond(429, {{"Retry-After", "1"}}), Answer::respond(204)});

    const Run run = cli({u"deliver"_s, u"--url"_s, sink.url().toString(), u"--body"_s, m_body,
                         u"--header"_s, u"Content-Type: application/json"_s, u"--policy"_s,
                         m_fastPolicy, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject delivery = run.object();
    QCOMPARE(delivery.value(u"state"_s).toString(), u"succeeded"_s);
    QCOMPARE(delivery.value(u"retry_policy"_s).toString(), u"fast"_s);
    const QJsonArray attempts = delivery.value(u"attempts"_s).toArray();
    QCOMPARE(attempts.size(), 2);

    const QJsonObject first = attempts.at(0).toObject();
    QCOMPARE(first.value(u"number"_s).toInt(), 1);
    QCOMPARE(first.value(u"status"_s).toInt(), 429);
    QCOMPARE(first.value(u"decision"_s).toString(), u"rate_limited"_s);
    QCOMPARE(first.value(u"retry_after"_s).toString(), u"1"_s);
    QCOMPARE(first.value(u"retry_after_ms"_s).toInteger(), 1000);
    QVERIFY(first.value(u"error"_s).isNull());
    // Retry-After is a lower bound: the 100 ms schedule gives way to 1 s.
    QCOMPARE(first.value(u"wait_ms"_s).toInteger(), 1000);

    const QJsonObject second = attempts.at(1).toObject();
    QCOMPARE(second.value(u"number"_s).toInt(), 2);
    QCOMPARE(second.value(u"status"_s).toInt(), 204);
    QCOMPARE(second.value(u"decision"_s).toString(), u"succeeded"_s);
    const QDateTime firstEnd = QDateTime::fromString(first.value(u"finished_at"_s).toString(),
                                                     Qt::ISODateWithMs);
    const QDateTime secondStart = QDateTime::fromString(second.value(u"started_at"_s).toString(),
                                                        Qt::ISODateWithMs);
    QVERIFY2(firstEnd.msecsTo(secondStart) >= 1000,
             qPrintable(
                     u"second attempt %1 ms after the first"_s.arg(firstEnd.msecsTo(secondStart))));

    // What the receiver got: the body byte for byte, the header field, one idempotency key.
    QCOMPARE(sink.requests().size(), 2);
    for (const ScriptedSink::Request &request : sink.requests()) {
        QCOMPARE(request.method, "POST"_ba);
        QCOMPARE(request.body, m_payload);
        QCOMPARE(request.headers.value("Content-Type"), "application/json"_ba);
    }
    QCOMPARE(sink.requests().at(0).headers.value("Idempotency-Key"),
             sink.requests().at(1).headers.value("Idempotency-Key"));
    QCOMPARE(QString::fromLatin1(sink.requests().at(0).headers.value("Idempotency-Key")),
             delivery.value(u"idempotency_key"_s).toString());
}

void TestCliDeliver::deadLetteredAfterMaxAttempts()
{
    ScriptedSink sink;
    QVERIFY(sink.listen());
    sink.setFallback(Answer::respond(503, {}, "upstream down"));

    const Run run = cli({u"deliver"_s, u"--url"_s, sink.url().toString(), u"--body"_s, m_body,
                         u"--policy"_s, m_fastPolicy, u"--max-attempts"_s, u"3"_s});
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).contains(u": dead after 3 attempts"_s), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(u"503  retry"_s), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(3).contains(u"503  dead"_s), qPrintable(lines.at(3)));
    QCOMPARE(sink.requests().size(), 3);
}

void TestCliDeliver::refusedInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("message");
    const QString url = u"http://127.0.0.1:9/hook"_s;
    const QString body = u"BODY"_s; // replaced by the body file's path
    QTest::newRow("no-url") << QStringList{u"--body"_s, body} << u"cli.missing_option"_s
                            << u"--url is required"_s;
    QTest::newRow("no-body") << QStringList{u"--url"_s, url} << u"cli.missing_option"_s
                             << u"--body FILE is required"_s;
    QTest::newRow("ftp-url") << QStringList{u"--url"_s, u"ftp://example.com/x"_s, u"--body"_s, body}
                             << u"dispatch.invalid_delivery"_s << u"ftp"_s;
    QTest::newRow("header-without-colon")
            << QStringList{u"--url"_s, url, u"--body"_s, body, u"--header"_s, u"X-Tenant 42"_s}
            << u"cli.invalid_header"_s << u"--header expects 'Name: value', got 'X-Tenant 42'"_s;
    QTest::newRow("header-set-by-engine")
            << QStringList{u"--url"_s, url, u"--body"_s, body, u"--header"_s, u"Host: evil"_s}
            << u"dispatch.invalid_delivery"_s << u"Host"_s;
    QTest::newRow("get-method") << QStringList{u"--url"_s, url,           u"--body"_s,
                                               body,       u"--method"_s, u"get"_s}
                                << u"dispatch.invalid_delivery"_s << u"GET"_s;
    QTest::newRow("unknown-preset")
            << QStringList{u"--url"_s, url, u"--body"_s, body, u"--policy"_s, u"forever"_s}
            << u"retry_policy.unknown_preset"_s << u"forever"_s;
    QTest::newRow("zero-attempts")
            << QStringList{u"--url"_s, url, u"--body"_s, body, u"--max-attempts"_s, u"0"_s}
            << u"cli.invalid_option"_s << u"--max-attempts must be a whole number of 1 or more"_s;
    QTest::newRow("unreadable-body")
            << QStringList{u"--url"_s, url, u"--body"_s, u"/nonexistent/body.json"_s}
            << u"cli.unreadable_file"_s << u"cannot read the body from /nonexistent/body.json"_s;
}

void TestCliDeliver::refusedInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorCode);
    QFETCH(QString, message);
    arguments.replaceInStrings(u"BODY"_s, m_body);
    const Run run = cli(QStringList{u"deliver"_s} + arguments + QStringList{u"--json"_s});
    QCOMPARE(run.exitCode, 2);
    const QJsonObject error = run.object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), errorCode);
    QVERIFY2(error.value(u"message"_s).toString().contains(message), run.out.constData());
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    // Refused before the workspace was opened: nothing was created.
    QVERIFY(!QFile::exists(m_workspace));
}

void TestCliDeliver::deliveriesListShowAndRetry()
{
    ScriptedSink sink;
    QVERIFY(sink.listen());
    sink.play({Answer::respond(400, {}, "bad request")});
    QCOMPARE(cli({u"deliver"_s, u"--url"_s, sink.url().toString(), u"--body"_s, m_body,
                  u"--policy"_s, m_fastPolicy})
                     .exitCode,
             1);

    const QJsonArray failed
            = cli({u"deliveries"_s, u"list"_s, u"--state"_s, u"failed"_s, u"--json"_s}).array();
    QCOMPARE(failed.size(), 1);
    const qint64 id = failed.at(0).toObject().value(u"id"_s).toInteger();
    QCOMPARE(failed.at(0).toObject().value(u"body_bytes"_s).toInteger(), m_payload.size());
    QCOMPARE(cli({u"deliveries"_s, u"list"_s, u"--state"_s, u"succeeded"_s, u"--json"_s})
                     .array()
                     .size(),
             0);

    const QJsonObject shown = cli({u"deliveries"_s, u"show"_s, QString::number(id), u"--json"_s})
                                      .object();
    QCOMPARE(shown.value(u"state"_s).toString(), u"failed"_s);
    QCOMPARE(QByteArray::fromBase64(shown.value(u"body_base64"_s).toString().toLatin1()), m_payload);
    QCOMPARE(shown.value(u"attempts"_s).toArray().size(), 1);
    QCOMPARE(shown.value(u"attempts"_s).toArray().at(0).toObject().value(u"status"_s).toInt(), 400);
    QCOMPARE(shown.value(u"attempts"_s).toArray().at(0).toObject().value(u"decision"_s).toString(),
             u"failed"_s);

    const Run retried = cli({u"deliveries"_s, u"retry"_s, QString::number(id), u"--json"_s});
    QCOMPARE(retried.exitCode, 0);
    const QJsonObject again = retried.object().value(u"retried"_s).toObject();
    QCOMPARE(again.value(u"id"_s).toInteger(), id);
    QCOMPARE(again.value(u"state"_s).toString(), u"pending"_s);
    // The same message again: one idempotency key, the same body and policy.
    QCOMPARE(again.value(u"idempotency_key"_s), shown.value(u"idempotency_key"_s));
    QCOMPARE(again.value(u"retry_policy"_s).toString(), u"fast"_s);
    QCOMPARE(again.value(u"body_bytes"_s).toInteger(), m_payload.size());

    // Now pending: a second retry is refused (it will be attempted anyway).
    const Run twice = cli({u"deliveries"_s, u"retry"_s, QString::number(id), u"--json"_s});
    QCOMPARE(twice.exitCode, 2);
    QCOMPARE(twice.object().value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"dispatch.not_replayable"_s);

    // `deliver` runs the engine, which sends the replayed delivery too, and waits for it.
    sink.setFallback(Answer::respond(204));
    QCOMPARE(cli({u"deliver"_s, u"--url"_s, sink.url().toString(), u"--body"_s, m_body}).exitCode,
             0);
    QCOMPARE(cli({u"deliveries"_s, u"show"_s, QString::number(id), u"--json"_s})
                     .object()
                     .value(u"state"_s)
                     .toString(),
             u"succeeded"_s);
    QCOMPARE(sink.requests().size(), 3);
    // The replay carried the original's key; the new delivery its own.
    const QByteArray replayedKey = sink.requests().at(0).headers.value("Idempotency-Key");
    int sameKey = 0;
    for (int i = 1; i < 3; ++i)
        sameKey += sink.requests().at(i).headers.value("Idempotency-Key") == replayedKey ? 1 : 0;
    QCOMPARE(sameKey, 1);

    const Run unknown = cli({u"deliveries"_s, u"show"_s, u"999"_s, u"--json"_s});
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.object().value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"dispatch.unknown_delivery"_s);
}

void TestCliDeliver::serveSendsARetriedConnectionDeliverySigned()
{
    if (!wb::test::NodePeer::available())
        QSKIP("npm peers not installed (cd tests/peers && npm ci)");
    // A sealed workspace: its master key in a file, which serve is given with --master-key-file.
    const QString keyFile = m_dir->filePath(u"master.key"_s);
    QCOMPARE(cli({u"secrets"_s, u"generate-key"_s, u"--out"_s, keyFile}).exitCode, 0);
    QCOMPARE(cli({u"secrets"_s, u"migrate"_s, u"--to"_s, u"sealed"_s, u"--master-key-file"_s,
                  keyFile})
                     .exitCode,
             0);
    m_keyFileEnv = keyFile;
    const qint64 tenant = cli({u"tenants"_s, u"add"_s, u"Acme"_s, u"--json"_s})
                                  .object()
                                  .value(u"id"_s)
                                  .toInteger();
    QVERIFY(tenant > 0);
    const qint64 connection = cli({u"connections"_s, u"add"_s, u"--tenant"_s,
                                   QString::number(tenant), u"--provider"_s, u"standard-webhooks"_s,
                                   u"--json"_s})
                                      .object()
                                      .value(u"id"_s)
                                      .toInteger();
    QVERIFY(connection > 0);
    // The example secret of the Standard Webhooks specification.
    const QByteArray secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    QCOMPARE(cli({u"secrets"_s, u"set"_s, u"--connection"_s, QString::number(connection),
                  u"--kind"_s, u"webhook"_s},
                 secret)
                     .exitCode,
             0);

    ScriptedSink sink;
    QVERIFY(sink.listen());
    sink.play({Answer::respond(503)});
    const Run first = cli({u"deliver"_s, u"--connection"_s, QString::number(connection),
                           u"--sign"_s, u"standard_webhooks"_s, u"--url"_s, sink.url().toString(),
                           u"--body"_s, m_body, u"--max-attempts"_s, u"1"_s, u"--json"_s});
    QCOMPARE(first.exitCode, 1);
    const qint64 id = first.object().value(u"id"_s).toInteger();
    QCOMPARE(first.object().value(u"connection_id"_s).toInteger(), connection);
    QCOMPARE(first.object().value(u"tenant_id"_s).toInteger(), tenant);
    QCOMPARE(sink.requests().size(), 1);

    // serve without the key: it says why deliveries wait, and still takes webhooks.
    m_keyFileEnv.clear();
    QProcess serve;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, m_dir->path());
    environment.remove(u"WIREBENCH_MASTER_KEY_FILE"_s);
    serve.setProcessEnvironment(environment);
    const QStringList serveArguments{u"--workspace"_s, m_workspace, u"serve"_s, u"--listen"_s,
                                     u"127.0.0.1:0"_s};
    serve.start(wb::test::cliPath(), serveArguments);
    QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine(), 15000);
    QVERIFY(serve.readLine().startsWith("http://127.0.0.1:"));
    QByteArray serveErrors;
    QTRY_VERIFY_WITH_TIMEOUT((serveErrors += serve.readAllStandardError())
                                     .contains("queued deliveries wait"),
                             15000);
    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(15000));
    QCOMPARE(serve.exitCode(), 0);

    // serve with the key delivers what `deliveries retry` queues.
    serve.start(wb::test::cliPath(), serveArguments + QStringList{u"--master-key-file"_s, keyFile});
    QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine(), 15000);
    sink.play({Answer::respond(204)});
    const Run retried = cli({u"deliveries"_s, u"retry"_s, QString::number(id), u"--json"_s});
    QCOMPARE(retried.exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(sink.requests().size(), 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(cli({u"deliveries"_s, u"show"_s, QString::number(id), u"--json"_s})
                                      .object()
                                      .value(u"state"_s)
                                      .toString(),
                              u"succeeded"_s, 10000);
    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(15000));
    QCOMPARE(serve.exitCode(), 0);

    // Both attempts carry the same webhook-id, each signed afresh; the reference verifier accepts
    // them and refuses a tampered copy.
    const auto &requests = sink.requests();
    QCOMPARE(requests.at(0).headers.value("webhook-id"),
             requests.at(1).headers.value("webhook-id"));
    QVERIFY(!requests.at(1).headers.value("webhook-id").isEmpty());
    QJsonArray checks;
    for (const auto &request : requests) {
        QJsonObject headers;
        for (const auto &[name, value] : request.headers.fields())
            headers.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        checks.append(QJsonObject{{u"headers"_s, headers},
                                  {u"bodyBase64"_s, QString::fromLatin1(request.body.toBase64())}});
    }
    QJsonObject tampered = checks.at(1).toObject();
    tampered.insert(u"bodyBase64"_s, QString::fromLatin1(QByteArray("{}").toBase64()));
    checks.append(tampered);
    wb::test::NodePeer peer;
    const QByteArray output = peer.run(u"standardwebhooks-verify.mjs"_s, {},
                                       QJsonDocument(QJsonObject{{u"secret"_s,
                                                                  QString::fromLatin1(secret)},
                                                                 {u"requests"_s, checks}})
                                               .toJson(QJsonDocument::Compact));
    QVERIFY2(!output.isEmpty(), qPrintable(peer.errorString()));
    const QJsonArray results = QJsonDocument::fromJson(output).object().value(u"results"_s).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject(), QJsonObject({{u"ok"_s, true}}));
    QCOMPARE(results.at(1).toObject(), QJsonObject({{u"ok"_s, true}}));
    QCOMPARE(results.at(2).toObject().value(u"error"_s).toString(),
             u"No matching signature found"_s);
}

QTEST_GUILESS_MAIN(TestCliDeliver)
#include "tst_cli_deliver.moc"
