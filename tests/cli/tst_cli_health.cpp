// SPDX-License-Identifier: GPL-3.0-or-later
// `wirebench-cli registrations` and `wirebench-cli health` through the real binary, against a
// local fake of GitHub's hooks API played by this test (the process runs while the test's event
// loop answers): JSON shape, exit codes (0 healthy, 1 needs attention, 2 bad input), --check.
#include "fakeproviderapi.h"

#include "core/oauth/storetokenstore.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/clirunner.h"
#include "support/futures.h"
#include "support/memorysecretstore.h"
#include "support/testenv.h"

#include <QDateTime>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using wb::test::FakeProviderApi;

class TestCliHealth : public QObject
{
    Q_OBJECT

private:
    using Run = wb::test::CliRun;

    // Runs the CLI without blocking the event loop, so the fake provider can answer it.
    Run cli(const QStringList &arguments)
    {
        QProcessEnvironment environment = wb::test::cliEnvironment(m_dir->path());
        environment.insert(u"WIREBENCH_WORKSPACE"_s, m_dir->filePath(u"workspace.sqlite"_s));
        return wb::test::runCli(arguments, environment);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeProviderApi> m_api;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_api = std::make_unique<FakeProviderApi>();
        QVERIFY(m_api->listen());
        QCOMPARE(cli({u"tenants"_s, u"add"_s, u"Acme Corp"_s}).exitCode, 0);
        const Run added = cli({u"connections"_s, u"add"_s, u"--tenant"_s, u"1"_s, u"--provider"_s,
                               u"github"_s, u"--base-url"_s, m_api->baseUrl().toString()});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    void registrationsAddAndList()
    {
        const Run added = cli({u"registrations"_s, u"add"_s, u"--connection"_s, u"1"_s,
                               u"--external-id"_s, u"12345678"_s, u"--scope"_s,
                               u"repos/octocat/Hello-World"_s, u"--events"_s,
                               u"push,pull_request"_s, u"--origin"_s, u"onboarding"_s,
                               u"--allow-reregister"_s, u"--json"_s});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QJsonObject registration = added.json().object();
        QCOMPARE(registration.value(u"id"_s).toInt(), 1);
        QCOMPARE(registration.value(u"external_id"_s).toString(), u"12345678"_s);
        QCOMPARE(registration.value(u"scope"_s).toString(), u"repos/octocat/Hello-World"_s);
        QCOMPARE(registration.value(u"events"_s).toArray(),
                 (QJsonArray{u"push"_s, u"pull_request"_s}));
        QCOMPARE(registration.value(u"origin"_s).toString(), u"onboarding"_s);
        QCOMPARE(registration.value(u"state"_s).toString(), u"unchecked"_s);
        QCOMPARE(registration.value(u"reregister_allowed"_s).toBool(), true);
        QVERIFY(registration.value(u"last_checked_at"_s).isNull());

        // In words: what was recorded, as the list names it.
        const Run text = cli({u"registrations"_s, u"add"_s, u"--connection"_s, u"1"_s,
                              u"--external-id"_s, u"16"_s, u"--scope"_s, u"orgs/octocat"_s});
        QCOMPARE(text.out, "Added registration 2 (orgs/octocat #16) of connection 1.\n"_ba);
        const Run listed = cli({u"registrations"_s, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains("repos/octocat/Hello-World #12345678"), listed.out.constData());

        const Run denied = cli({u"registrations"_s, u"deny-reregister"_s, u"1"_s, u"--json"_s});
        QCOMPARE(denied.exitCode, 0);
        QCOMPARE(denied.json().object().value(u"reregister_allowed"_s).toBool(), false);

        const Run removed = cli({u"registrations"_s, u"remove"_s, u"1"_s, u"--json"_s});
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(removed.json().object(),
                 (QJsonObject{{u"removed"_s, QJsonObject{{u"registration_id"_s, 1}}}}));
    }

    // What we registered can be corrected; a change of where it lives makes the old check result
    // void (unchecked until the next check), other changes keep it.
    void registrationsUpdate()
    {
        QCOMPARE(cli({u"registrations"_s, u"add"_s, u"--connection"_s, u"1"_s, u"--external-id"_s,
                      u"12345678"_s, u"--scope"_s, u"repos/octocat/Hello-World"_s, u"--expires"_s,
                      u"2026-12-24T10:00:00Z"_s})
                         .exitCode,
                 0);
        QCOMPARE(cli({u"registrations"_s, u"add"_s, u"--connection"_s, u"1"_s, u"--external-id"_s,
                      u"777"_s, u"--scope"_s, u"orgs/octocat"_s})
                         .exitCode,
                 0);
        m_api->on("GET"_ba, "/repos/octocat/Hello-World/hooks/12345678"_ba,
                  {{200, wb::test::readFixture(u"health/github-hook.json"_s)}});
        // Exit 1: the organization hook 777 is not at the fake (missing).
        QCOMPARE(cli({u"health"_s, u"--check"_s, u"--json"_s}).exitCode, 1);

        // Events only: the check result stays.
        const Run events = cli({u"registrations"_s, u"update"_s, u"1"_s, u"--events"_s,
                                u"push,issues"_s, u"--expires"_s, u"none"_s, u"--json"_s});
        QVERIFY2(events.exitCode == 0, qPrintable(events.err));
        QJsonObject r = events.json().object();
        QCOMPARE(r.value(u"events"_s).toArray(), (QJsonArray{u"push"_s, u"issues"_s}));
        QVERIFY(r.value(u"expires_at"_s).isNull());
        QCOMPARE(r.value(u"state"_s).toString(), u"active"_s);
        QCOMPARE(r.value(u"scope"_s).toString(), u"repos/octocat/Hello-World"_s);

        // Moved to the organization: unchecked again.
        const Run moved = cli({u"registrations"_s, u"update"_s, u"1"_s, u"--scope"_s,
                               u"orgs/octocat"_s, u"--target-url"_s,
                               u"https://hooks.acme.example/github"_s, u"--json"_s});
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        r = moved.json().object();
        QCOMPARE(r.value(u"scope"_s).toString(), u"orgs/octocat"_s);
        QCOMPARE(r.value(u"target_url"_s).toString(), u"https://hooks.acme.example/github"_s);
        QCOMPARE(r.value(u"state"_s).toString(), u"unchecked"_s);
        QVERIFY(r.value(u"last_checked_at"_s).isNull());
        QCOMPARE(r.value(u"events"_s).toArray(), (QJsonArray{u"push"_s, u"issues"_s}));

        // Refused: nothing changes.
        const QJsonArray before = cli({u"registrations"_s, u"list"_s, u"--json"_s}).json().array();
        const QList<std::pair<QStringList, QString>> refused = {
                {{u"update"_s, u"1"_s, u"--external-id"_s, u"777"_s},
                 u"health.duplicate_registration"_s},
                {{u"update"_s, u"9"_s, u"--scope"_s, u"orgs/x"_s}, u"health.unknown_registration"_s},
                {{u"update"_s, u"1"_s}, u"cli.missing_option"_s},
                {{u"update"_s, u"1"_s, u"--target-url"_s, u"ftp://x.example/"_s},
                 u"health.invalid_registration"_s},
                {{u"update"_s, u"1"_s, u"--connection"_s, u"1"_s, u"--scope"_s, u"orgs/x"_s},
                 u"cli.option_not_allowed"_s},
        };
        for (const auto &[arguments, code] : refused) {
            const Run run = cli(QStringList{u"registrations"_s} + arguments
                                + QStringList{u"--json"_s});
            QCOMPARE(run.exitCode, 2);
            QCOMPARE(run.json().object().value(u"error"_s).toObject().value(u"code"_s).toString(),
                     code);
        }
        QCOMPARE(cli({u"registrations"_s, u"list"_s, u"--json"_s}).json().array(), before);
    }

    // The text report shows every finding of a connection, the worst on the connection's row.
    void healthTextListsEveryFinding()
    {
        for (const QString &id : {u"111"_s, u"222"_s}) {
            QCOMPARE(cli({u"registrations"_s, u"add"_s, u"--connection"_s, u"1"_s,
                          u"--external-id"_s, id, u"--scope"_s, u"orgs/octocat"_s})
                             .exitCode,
                     0);
        }
        // Neither hook is at the fake: both are missing.
        const Run run = cli({u"health"_s, u"--check"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("orgs/octocat #111"), run.out.constData());
        QVERIFY2(run.out.contains("orgs/octocat #222"), run.out.constData());
        QCOMPARE(run.out.count("reregister"), 2);
    }

    void registrationsRefuseBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("code");
        const QStringList add = {u"registrations"_s, u"add"_s, u"--json"_s};
        QTest::newRow("unknown-connection")
                << (add + QStringList{u"--connection"_s, u"9"_s, u"--external-id"_s, u"1"_s})
                << u"store.unknown_connection"_s;
        QTest::newRow("scope-with-spaces")
                << (add
                    + QStringList{u"--connection"_s, u"1"_s, u"--external-id"_s, u"1"_s,
                                  u"--scope"_s, u"repos/a b"_s})
                << u"health.invalid_registration"_s;
        QTest::newRow("bad-expiry") << (add
                                        + QStringList{u"--connection"_s, u"1"_s, u"--external-id"_s,
                                                      u"1"_s, u"--expires"_s, u"tomorrow"_s})
                                    << u"cli.invalid_option"_s;
        QTest::newRow("missing-external-id")
                << (add + QStringList{u"--connection"_s, u"1"_s}) << u"cli.missing_option"_s;
        QTest::newRow("unknown-registration")
                << QStringList{u"registrations"_s, u"remove"_s, u"4"_s, u"--json"_s}
                << u"health.unknown_registration"_s;
    }

    void registrationsRefuseBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, code);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.json().object().value(u"error"_s).toObject().value(u"code"_s).toString(), code);
        QVERIFY(run.err.startsWith(u"wirebench-cli registrations"_s));
        // Nothing was stored.
        QCOMPARE(cli({u"registrations"_s, u"list"_s, u"--json"_s}).json().array().size(), 0);
    }

    void healthWithoutRegistrations()
    {
        const Run run = cli({u"health"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = run.json().object();
        const QJsonArray connections = report.value(u"connections"_s).toArray();
        QCOMPARE(connections.size(), 1);
        const QJsonObject first = connections.first().toObject();
        QCOMPARE(first.value(u"connection_id"_s).toInt(), 1);
        QCOMPARE(first.value(u"tenant_id"_s).toInt(), 1);
        QCOMPARE(first.value(u"provider_id"_s).toString(), u"github"_s);
        QCOMPARE(first.value(u"status"_s).toString(), u"unknown"_s);
        QCOMPARE(first.value(u"action"_s).toString(), u"none"_s);
        QVERIFY(first.value(u"reason"_s).toString().contains(u"no registration recorded"_s));
        QVERIFY(first.value(u"assessed_at"_s).toString().endsWith(u'Z'));
        QCOMPARE(first.value(u"findings"_s).toArray().size(), 0);
        QCOMPARE(report.value(u"summary"_s).toObject(), (QJsonObject{{u"healthy"_s, 0},
                                                                     {u"attention"_s, 0},
                                                                     {u"failing"_s, 0},
                                                                     {u"unknown"_s, 1}}));
        QCOMPARE(m_api->requests().size(), 0); // nothing asked without --check
    }

    void healthCheck_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("health");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("action");
        QTest::newRow("active-hook")
                << 200 << u"github-hook.json"_s << 0 << u"healthy"_s << QString() << u"none"_s;
        QTest::newRow("disabled-hook") << 200 << u"github-hook-inactive.json"_s << 1 << u"failing"_s
                                       << u"registration.disabled"_s << u"reenable"_s;
        QTest::newRow("missing-hook") << 404 << QString() << 1 << u"failing"_s
                                      << u"registration.missing"_s << u"reregister"_s;
    }

    void healthCheck()
    {
        QFETCH(int, status);
        QFETCH(QString, fixture);
        QFETCH(int, exitCode);
        QFETCH(QString, health);
        QFETCH(QString, code);
        QFETCH(QString, action);
        const QByteArray path = "/repos/octocat/Hello-World/hooks/12345678"_ba;
        m_api->on("GET"_ba, path,
                  {{status, fixture.isEmpty() ? "{\"message\":\"Not Found\"}"_ba
                                              : wb::test::readFixture(u"health/"_s + fixture)}});
        QCOMPARE(cli({u"registrations"_s, u"add"_s, u"--connection"_s, u"1"_s, u"--external-id"_s,
                      u"12345678"_s, u"--scope"_s, u"repos/octocat/Hello-World"_s})
                         .exitCode,
                 0);
        const Run run = cli({u"health"_s, u"--check"_s, u"--json"_s});
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.err));
        QCOMPARE(m_api->requestsTo("GET"_ba, path).size(), 1);
        const QJsonObject first
                = run.json().object().value(u"connections"_s).toArray().first().toObject();
        QCOMPARE(first.value(u"status"_s).toString(), health);
        QCOMPARE(first.value(u"action"_s).toString(), action);
        const QJsonArray findings = first.value(u"findings"_s).toArray();
        QCOMPARE(findings.isEmpty() ? QString()
                                    : findings.first().toObject().value(u"code"_s).toString(),
                 code);
        if (!findings.isEmpty())
            QCOMPARE(findings.first().toObject().value(u"registration_id"_s).toInt(), 1);

        // The check was recorded: a plain `health` (no network) shows the same.
        const Run again = cli({u"health"_s});
        QCOMPARE(again.exitCode, exitCode);
        QVERIFY2(again.out.contains(health.toUtf8()), again.out.constData());
        QCOMPARE(m_api->requests().size(), 1);
        const Run listed = cli({u"registrations"_s, u"list"_s, u"--json"_s});
        QVERIFY(!listed.json().array().first().toObject().value(u"last_checked_at"_s).isNull());
    }

    // The OAuth layer of another process (the GUI, `serve`) stored its latest validity check;
    // `health` shows it and judges by it.
    void healthShowsTheStoredCredentialCheck()
    {
        const qint64 checkedAtMs = QDateTime::currentMSecsSinceEpoch() - 60'000;
        {
            auto store = wb::core::openWorkspace(m_dir->filePath(u"workspace.sqlite"_s),
                                                 wb::core::StoreServices{
                                                         wb::core::SystemClock::instance()});
            QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
            wb::test::MemorySecretStore backend;
            wb::core::ConnectionSecrets secrets(**store, backend);
            wb::core::StoreTokenStore tokens(**store, secrets);
            const wb::core::ValidityCheck
                    refused{wb::core::ValidityCheck::Verdict::Invalid, checkedAtMs, 403,
                            u"HTTP 403: Resource not accessible by integration"_s};
            WB_AWAIT_OK(recorded, tokens.recordValidityCheck(1, refused));
        }
        const Run run = cli({u"health"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(run.err));
        const QJsonObject first
                = run.json().object().value(u"connections"_s).toArray().first().toObject();
        QCOMPARE(first.value(u"credential_check"_s).toObject(),
                 (QJsonObject{{u"verdict"_s, u"invalid"_s},
                              {u"checked_at"_s, QDateTime::fromMSecsSinceEpoch(checkedAtMs, Qt::UTC)
                                                        .toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s)},
                              {u"http_status"_s, 403},
                              {u"message"_s,
                               u"HTTP 403: Resource not accessible by integration"_s}}));
        QCOMPARE(first.value(u"status"_s).toString(), u"failing"_s);
        QCOMPARE(first.value(u"action"_s).toString(), u"reauthorize"_s);
        const QJsonObject finding = first.value(u"findings"_s).toArray().first().toObject();
        QCOMPARE(finding.value(u"code"_s).toString(), u"credential.refused"_s);
        QVERIFY2(finding.value(u"reason"_s).toString().contains(u"Resource not accessible"_s),
                 qPrintable(finding.value(u"reason"_s).toString()));
    }

    void healthWithoutACheckSaysNull()
    {
        const Run run = cli({u"health"_s, u"--json"_s});
        const QJsonObject first
                = run.json().object().value(u"connections"_s).toArray().first().toObject();
        QVERIFY(first.contains(u"credential_check"_s));
        QVERIFY(first.value(u"credential_check"_s).isNull());
    }

    void healthUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("code");
        QTest::newRow("check-and-repair")
                << QStringList{u"health"_s, u"--check"_s, u"--repair"_s, u"--json"_s}
                << u"cli.option_conflict"_s;
        QTest::newRow("bad-connection-id")
                << QStringList{u"health"_s, u"--connection"_s, u"x"_s, u"--json"_s}
                << u"cli.invalid_id"_s;
        QTest::newRow("unknown-connection")
                << QStringList{u"health"_s, u"--connection"_s, u"42"_s, u"--json"_s}
                << u"store.unknown_connection"_s;
        QTest::newRow("stray-argument")
                << QStringList{u"health"_s, u"now"_s, u"--json"_s} << u"cli.wrong_arguments"_s;
    }

    void healthUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, code);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.json().object().value(u"error"_s).toObject().value(u"code"_s).toString(), code);
    }
};

QTEST_GUILESS_MAIN(TestCliHealth)
#include "tst_cli_health.moc"
