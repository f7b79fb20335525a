// SPDX-License-Identifier: GPL-3.0-or-later
// No stored secret reaches an export, with either backend: a workspace whose GitHub connection has
// a webhook signing secret (both slots) and an OAuth client secret receives signed webhooks
// through a real `serve` (verified with the secret, forwarded as deliveries), and a `trigger`
// signs a sample with it; then every export is taken — the CLI's JSON and text output of events,
// deliveries, connections, tenants, identities, schedules and the secret backend, the trigger's
// answer, serve's log at debug level, and the GUI's exports of an event (a saved request file,
// "copy as curl") — and its raw bytes, with the database file, its -wal and -shm, are searched
// for every secret (as is, base64, base64url, hex, UTF-16), next to positive controls that must be
// found in the same bytes.
#include "scriptedsink.h"
#include "support/clirunner.h"
#include "support/futures.h"
#include "support/secretscan.h"
#include "support/testenv.h"

#include "core/inbound/events/inboundeventrepository.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "models/inbound/requestexport.h"

#include <QDir>
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

#include <signal.h>

using namespace Qt::StringLiterals;
using Answer = wb::test::ScriptedSink::Answer;

class TestCliNoSecretLeak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportsCarryNoSecret_data();
    void exportsCarryNoSecret();

private:
    using Run = wb::test::CliRun;
    Run cli(const QStringList &arguments, const QByteArray &input = {});
    int post(const QUrl &url, const QByteArray &body, const QByteArray &signature);
    // Runs an export and keeps its stdout and stderr under `name`; fails on a non-zero exit.
    void take(const QString &name, const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
    QString m_keyFile;
    QHash<QString, QByteArray> m_exports; // what was taken, by name
};

TestCliNoSecretLeak::Run TestCliNoSecretLeak::cli(const QStringList &arguments,
                                                  const QByteArray &input)
{
    QProcessEnvironment environment = wb::test::cliEnvironment(m_dir->path());
    environment.insert(u"WIREBENCH_WORKSPACE"_s, m_workspace);
    environment.insert(u"QT_LOGGING_RULES"_s, u"wb.*.debug=true"_s);
    if (!m_keyFile.isEmpty())
        environment.insert(u"WIREBENCH_MASTER_KEY_FILE"_s, m_keyFile);
    return wb::test::runCli(arguments, environment, input);
}

int TestCliNoSecretLeak::post(const QUrl &url, const QByteArray &body, const QByteArray &signature)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
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

void TestCliNoSecretLeak::take(const QString &name, const QStringList &arguments)
{
    const Run run = cli(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(name + u": "_s + run.err));
    QVERIFY2(!run.out.isEmpty(), qPrintable(name));
    m_exports.insert(name, run.out);
    m_exports.insert(name + u" (stderr)"_s, run.err.toUtf8());
}

void TestCliNoSecretLeak::exportsCarryNoSecret_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("keychain") << u"keychain"_s;
    QTest::newRow("sealed") << u"sealed"_s;
}

void TestCliNoSecretLeak::exportsCarryNoSecret()
{
    QFETCH(QString, backend);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(u"workspace.sqlite"_s);
    m_keyFile.clear();
    m_exports.clear();

    // Distinctive per run, so a value left in the keychain by another run cannot be confused.
    const QByteArray run = QUuid::createUuid().toByteArray(QUuid::Id128).left(10);
    const QByteArray webhookSecret = "whsec-primary-" + run + "-Zq7";
    const QByteArray secondarySecret = "whsec-secondary-" + run + "-Kp2";
    const QByteArray clientSecret = "client-secret-" + run + "-Vx9";
    const QList<QByteArray> secrets{webhookSecret, secondarySecret, clientSecret};

    if (backend == u"sealed") {
        m_keyFile = m_dir->filePath(u"master.key"_s);
        QCOMPARE(cli({u"secrets"_s, u"generate-key"_s, u"--out"_s, m_keyFile}).exitCode, 0);
        QCOMPARE(cli({u"secrets"_s, u"migrate"_s, u"--to"_s, u"sealed"_s}).exitCode, 0);
    }
    wb::test::ScriptedSink target;
    QVERIFY(target.listen());
    target.setFallback(Answer::respond(204));
    const qint64 tenant = cli({u"tenants"_s, u"add"_s, u"Acme Leakcheck"_s, u"--json"_s})
                                  .object()
                                  .value(u"id"_s)
                                  .toInteger();
    QVERIFY(tenant > 0);
    const qint64 connection = cli({u"connections"_s, u"add"_s, u"--tenant"_s,
                                   QString::number(tenant), u"--provider"_s, u"github"_s,
                                   u"--label"_s, u"leakcheck-label"_s, u"--forward-to"_s,
                                   target.url(u"/app/github"_s).toString(), u"--json"_s})
                                      .object()
                                      .value(u"id"_s)
                                      .toInteger();
    QVERIFY(connection > 0);
    const QString id = QString::number(connection);
    QCOMPARE(cli({u"secrets"_s, u"set"_s, u"--connection"_s, id, u"--kind"_s, u"webhook"_s},
                 webhookSecret + '\n')
                     .exitCode,
             0);
    QCOMPARE(cli({u"secrets"_s, u"set"_s, u"--connection"_s, id, u"--kind"_s, u"webhook"_s,
                  u"--slot"_s, u"secondary"_s},
                 secondarySecret)
                     .exitCode,
             0);
    QCOMPARE(cli({u"secrets"_s, u"set"_s, u"--connection"_s, id, u"--kind"_s, u"client"_s},
                 clientSecret)
                     .exitCode,
             0);
    QCOMPARE(cli({u"identities"_s, u"add"_s, u"--provider"_s, u"github"_s, u"--account"_s,
                  u"4242"_s, u"--tenant"_s, QString::number(tenant)})
                     .exitCode,
             0);
    QCOMPARE(cli({u"schedules"_s, u"add"_s, u"Nightly leakcheck"_s, u"--expr"_s, u"@daily"_s,
                  u"--url"_s, target.url(u"/sync"_s).toString(), u"--provider"_s, u"github"_s})
                     .exitCode,
             0);

    // A real serve verifies with the secret and forwards; its log at debug level is an export.
    QProcess serve;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, m_dir->path());
    environment.insert(u"QT_LOGGING_RULES"_s, u"wb.*.debug=true"_s);
    if (!m_keyFile.isEmpty())
        environment.insert(u"WIREBENCH_MASTER_KEY_FILE"_s, m_keyFile);
    serve.setProcessEnvironment(environment);
    serve.start(wb::test::cliPath(),
                {u"--workspace"_s, m_workspace, u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
    QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine(), 15000);
    const QString base = QString::fromUtf8(serve.readLine()).trimmed();
    const QByteArray body = "{\"action\":\"opened\",\"installation\":{\"id\":4242},"
                            "\"issue\":{\"title\":\"leakcheck payload\"}}";
    const QByteArray signature = "sha256="
                                 + QMessageAuthenticationCode::hash(body, webhookSecret,
                                                                    QCryptographicHash::Sha256)
                                           .toHex();
    QCOMPARE(post(QUrl(base + u"/hooks/%1"_s.arg(connection)), body, signature), 200);
    QCOMPARE(post(QUrl(base + u"/hooks/%1"_s.arg(connection)), body, "sha256=00"), 401);
    take(u"trigger"_s, {u"trigger"_s, u"--connection"_s, id, u"--event"_s, u"issues.opened"_s,
                        u"--to"_s, base + u"/hooks/p/github"_s, u"--json"_s});
    QTRY_COMPARE_WITH_TIMEOUT(target.requests().size(), 2, 15000);

    // The files while serve still has them open (the WAL is not checkpointed yet).
    m_exports.insert(u"database (open)"_s, wb::test::fileBytes(m_workspace));
    m_exports.insert(u"database-wal (open)"_s, wb::test::fileBytes(m_workspace + u"-wal"_s));
    m_exports.insert(u"database-shm (open)"_s, wb::test::fileBytes(m_workspace + u"-shm"_s));

    const QJsonArray events = cli({u"events"_s, u"list"_s, u"--json"_s}).array();
    QCOMPARE(events.size(), 3);
    const QJsonArray deliveries = cli({u"deliveries"_s, u"list"_s, u"--json"_s}).array();
    QCOMPARE(deliveries.size(), 2);
    take(u"events list --json"_s, {u"events"_s, u"list"_s, u"--json"_s});
    take(u"events list"_s, {u"events"_s, u"list"_s});
    for (const QJsonValue &event : events) {
        const QString eventId = QString::number(event.toObject().value(u"id"_s).toInteger());
        take(u"events show %1 --json"_s.arg(eventId),
             {u"events"_s, u"show"_s, eventId, u"--json"_s});
        take(u"events show %1"_s.arg(eventId), {u"events"_s, u"show"_s, eventId});
    }
    take(u"deliveries list --json"_s, {u"deliveries"_s, u"list"_s, u"--json"_s});
    for (const QJsonValue &delivery : deliveries) {
        const QString deliveryId = QString::number(delivery.toObject().value(u"id"_s).toInteger());
        take(u"deliveries show %1 --json"_s.arg(deliveryId),
             {u"deliveries"_s, u"show"_s, deliveryId, u"--json"_s});
    }
    take(u"connections show --json"_s, {u"connections"_s, u"show"_s, id, u"--json"_s});
    take(u"connections show"_s, {u"connections"_s, u"show"_s, id});
    take(u"connections list --json"_s, {u"connections"_s, u"list"_s, u"--json"_s});
    take(u"tenants list --json"_s, {u"tenants"_s, u"list"_s, u"--json"_s});
    take(u"identities list --json"_s, {u"identities"_s, u"list"_s, u"--json"_s});
    take(u"schedules list --json"_s, {u"schedules"_s, u"list"_s, u"--json"_s});
    take(u"secrets backend --json"_s, {u"secrets"_s, u"backend"_s, u"--json"_s});
    take(u"secrets backend"_s, {u"secrets"_s, u"backend"_s});

    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(15000));
    QCOMPARE(serve.exitCode(), 0);
    m_exports.insert(u"serve log"_s, serve.readAllStandardError());
    m_exports.insert(u"serve output"_s, serve.readAllStandardOutput());
    QVERIFY2(m_exports.value(u"serve log"_s).contains("wb."),
             "serve logged nothing at debug level: the log check would prove nothing");

    // The GUI's exports of each event: the request saved to a file, and "copy as curl".
    {
        auto opened = wb::core::openWorkspace(m_workspace, {wb::core::SystemClock::instance()});
        QVERIFY(opened);
        for (const QJsonValue &event : events) {
            const qint64 eventId = event.toObject().value(u"id"_s).toInteger();
            WB_AWAIT_OK(stored, (*opened)->read([eventId](wb::core::SqlSession &session) {
                return wb::core::InboundEventRepository::get(session, eventId);
            }));
            const wb::core::RawRequest &request = stored->request;
            m_exports.insert(u"request file %1"_s.arg(eventId),
                             wb::models::requestFileBytes(request,
                                                          QUrl::fromEncoded(request.url)
                                                                  .toEncoded(
                                                                          QUrl::RemoveScheme
                                                                          | QUrl::RemoveAuthority)));
            m_exports.insert(u"curl %1"_s.arg(eventId),
                             wb::models::curlCommand(request, {}, false).toUtf8());
        }
    }
    m_exports.insert(u"database"_s, wb::test::fileBytes(m_workspace));
    m_exports.insert(u"database-wal"_s, wb::test::fileBytes(m_workspace + u"-wal"_s));

    // Positive controls: the search finds what is there.
    QVERIFY(m_exports.value(u"events list --json"_s).contains("issues"));
    QVERIFY(m_exports.value(u"connections show --json"_s).contains("leakcheck-label"));
    QVERIFY(m_exports.value(u"database"_s).contains("leakcheck-label"));
    bool payloadInAnExport = false;
    for (auto it = m_exports.cbegin(); it != m_exports.cend(); ++it) {
        if (it.key().startsWith(u"request file"_s) && it.value().contains("leakcheck payload"))
            payloadInAnExport = true;
    }
    QVERIFY(payloadInAnExport);
    // The received signature is in the exports (it is no secret); the secret is not.
    QVERIFY(m_exports.value(u"database"_s).contains(signature));

    for (auto it = m_exports.cbegin(); it != m_exports.cend(); ++it) {
        const auto found = wb::test::findSecret(it.value(), secrets);
        QVERIFY2(!found,
                 qPrintable(found ? u"%1 contains the secret \"%2\" as \"%3\""_s
                                            .arg(it.key(), QString::fromLatin1(found->secret),
                                                 QString::fromLatin1(found->form.toHex()))
                                  : QString()));
    }

    // The keychain entries go with the connection.
    QCOMPARE(cli({u"connections"_s, u"remove"_s, id}).exitCode, 0);
}

QTEST_MAIN(TestCliNoSecretLeak)
#include "tst_cli_nosecretleak.moc"
