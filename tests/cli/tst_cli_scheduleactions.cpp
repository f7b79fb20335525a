// SPDX-License-Identifier: GPL-3.0-or-later
// The real wirebench-cli binary on a real workspace: `schedules add|edit|list|enable|disable|
// remove|run-now|runs|cancel-run` — JSON fields, text tables, every refused input with its exit
// code, error code and message (and nothing stored changed, no workspace created), a run recorded
// by run-now with its per-tenant jobs named by tenant and connection, and its cancellation.
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/clirunner.h"
#include "support/testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliScheduleActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void lifecycle();
    void textOutput();
    void refusedInput_data();
    void refusedInput();
    void runNowRecordsPerTenantJobs();
    void editChangesOnlyWhatIsNamed();
    void editRefusals_data();
    void editRefusals();

private:
    using Run = wb::test::CliRun;
    Run cli(const QStringList &arguments);
    QStringList addArguments(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void TestCliScheduleActions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(u"workspace.sqlite"_s);
}

TestCliScheduleActions::Run TestCliScheduleActions::cli(const QStringList &arguments)
{
    QProcessEnvironment environment = wb::test::cliEnvironment(m_dir->path());
    environment.insert(u"WIREBENCH_WORKSPACE"_s, m_workspace);
    return wb::test::runCli(arguments, environment);
}

QStringList TestCliScheduleActions::addArguments(const QString &name) const
{
    return {u"schedules"_s,
            u"add"_s,
            name,
            u"--expr"_s,
            u"30 2 * * MON-FRI"_s,
            u"--tz"_s,
            u"America/New_York"_s,
            u"--url"_s,
            u"https://hooks.example.com/sync/{{tenant.id}}"_s,
            u"--header"_s,
            u"Content-Type: application/json"_s,
            u"--body"_s,
            uR"({"tenant":"{{tenant.name}}"})"_s,
            u"--provider"_s,
            u"slack"_s,
            u"--window"_s,
            u"10m"_s,
            u"--concurrency"_s,
            u"4"_s,
            u"--missed"_s,
            u"skip"_s,
            u"--json"_s};
}

void TestCliScheduleActions::lifecycle()
{
    const Run added = cli(addArguments(u"Nightly sync"_s));
    QCOMPARE(added.exitCode, 0);
    QVERIFY2(added.err.isEmpty(), qPrintable(added.err));
    const QJsonObject schedule = added.json().object();
    QCOMPARE(schedule.value(u"id"_s).toInt(), 1);
    QCOMPARE(schedule.value(u"name"_s).toString(), u"Nightly sync"_s);
    QCOMPARE(schedule.value(u"expression"_s).toString(), u"30 2 * * MON-FRI"_s);
    QCOMPARE(schedule.value(u"time_zone"_s).toString(), u"America/New_York"_s);
    QCOMPARE(schedule.value(u"enabled"_s).toBool(), true);
    QCOMPARE(schedule.value(u"missed_run_policy"_s).toString(), u"skip"_s);
    QCOMPARE(schedule.value(u"smoothing_window_ms"_s).toInteger(), 600'000);
    QCOMPARE(schedule.value(u"concurrency_limit"_s).toInt(), 4);
    const QJsonObject target = schedule.value(u"target"_s).toObject();
    QCOMPARE(target.value(u"kind"_s).toString(), u"tenants"_s);
    QCOMPARE(target.value(u"ids"_s).toArray(), QJsonArray());
    QCOMPARE(target.value(u"provider"_s).toString(), u"slack"_s);
    const QJsonObject job = schedule.value(u"job"_s).toObject();
    QCOMPARE(job.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(job.value(u"url"_s).toString(), u"https://hooks.example.com/sync/{{tenant.id}}"_s);
    QCOMPARE(job.value(u"headers"_s).toArray(), QJsonArray{u"Content-Type: application/json"_s});
    QCOMPARE(job.value(u"body"_s).toString(), uR"({"tenant":"{{tenant.name}}"})"_s);
    // 02:30 in New York on a weekday: 06:30Z or 07:30Z depending on daylight saving time.
    const QJsonObject next = schedule.value(u"next_run"_s).toObject();
    QVERIFY2(next.value(u"local"_s).toString().contains(u"T02:30:00.000-0"_s),
             qPrintable(next.value(u"local"_s).toString()));
    QVERIFY(next.value(u"utc"_s).toString().contains(u":30:00.000Z"_s));
    QVERIFY(schedule.value(u"lease_owner"_s).isNull());

    const Run disabled = cli({u"schedules"_s, u"disable"_s, u"1"_s, u"--json"_s});
    QCOMPARE(disabled.exitCode, 0);
    QCOMPARE(disabled.json().object().value(u"enabled"_s).toBool(), false);
    QVERIFY(disabled.json().object().value(u"next_run"_s).isNull());

    const Run listed = cli({u"schedules"_s, u"list"_s, u"--json"_s});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray array = listed.json().array();
    QCOMPARE(array.size(), 1);
    QCOMPARE(array.first().toObject().value(u"enabled"_s).toBool(), false);
    QVERIFY(array.first().toObject().value(u"last_run"_s).isNull());

    const Run enabled = cli({u"schedules"_s, u"enable"_s, u"1"_s, u"--json"_s});
    QCOMPARE(enabled.exitCode, 0);
    QCOMPARE(enabled.json().object().value(u"enabled"_s).toBool(), true);

    const Run noRuns = cli({u"schedules"_s, u"runs"_s, u"1"_s, u"--json"_s});
    QCOMPARE(noRuns.exitCode, 0);
    QCOMPARE(noRuns.json().array(), QJsonArray());

    const Run removed = cli({u"schedules"_s, u"remove"_s, u"1"_s, u"--json"_s});
    QCOMPARE(removed.exitCode, 0);
    QCOMPARE(removed.json().object(),
             (QJsonObject{{u"removed"_s, QJsonObject{{u"schedule_id"_s, 1}}}}));
    const Run gone = cli({u"schedules"_s, u"remove"_s, u"1"_s, u"--json"_s});
    QCOMPARE(gone.exitCode, 2);
    QCOMPARE(gone.json().object().value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"schedule.unknown_schedule"_s);
    QCOMPARE(gone.err, u"wirebench-cli schedules remove: There is no schedule with id 1.\n"_s);
}

void TestCliScheduleActions::textOutput()
{
    // An empty workspace: `schedules list` never creates one (WorkspaceSession::Creation).
    QVERIFY(wb::core::openWorkspace(m_workspace,
                                    wb::core::StoreServices{wb::core::SystemClock::instance()}));
    const Run empty = cli({u"schedules"_s, u"list"_s});
    QCOMPARE(empty.exitCode, 0);
    QVERIFY(empty.out.startsWith("No schedules."));

    QStringList arguments = addArguments(u"Hourly ping"_s);
    arguments.removeLast(); // text, not JSON
    arguments[4] = u"@hourly"_s;
    arguments[6] = u"UTC"_s;
    const Run added = cli(arguments);
    QCOMPARE(added.exitCode, 0);
    QVERIFY2(added.out.startsWith("Added schedule 1 \"Hourly ping\"; next run "),
             added.out.constData());

    const Run listed = cli({u"schedules"_s, u"list"_s});
    QCOMPARE(listed.exitCode, 0);
    const QList<QByteArray> lines = listed.out.split('\n');
    QVERIFY(lines.at(0).startsWith("ID"));
    QVERIFY(lines.at(0).contains("NEXT RUN"));
    QVERIFY2(lines.at(1).contains("Hourly ping") && lines.at(1).contains("@hourly")
                     && lines.at(1).contains(":00:00+00:00 ("),
             lines.at(1).constData());
}

void TestCliScheduleActions::refusedInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const auto with = [this](int index, const QString &value) {
        QStringList a = addArguments(u"x"_s);
        a[index] = value;
        return a;
    };
    QTest::newRow("bad-cron-names-the-field")
            << with(4, u"30 25 * * MON-FRI"_s) << 2 << u"cron.out_of_range"_s
            << u"hour: 25 is out of range 0–23 (field \"25\", column 4)"_s;
    QTest::newRow("unknown-zone") << with(6, u"America/Gotham"_s) << 2
                                  << u"schedule.unknown_time_zone"_s << u"America/Gotham"_s;
    QTest::newRow("unknown-placeholder")
            << with(8, u"https://x.example/{{tenant.slug}}"_s) << 2 << u"schedule.invalid_job_url"_s
            << u"url: unknown placeholder {{tenant.slug}}"_s;
    QTest::newRow("window-without-unit") << with(16, u"10"_s) << 2 << u"cli.invalid_duration"_s
                                         << u"--window expects a duration"_s;
    QTest::newRow("concurrency-zero") << with(18, u"0"_s) << 2 << u"schedule.invalid_concurrency"_s
                                      << u"concurrency limit 0 is outside 1 to 1000"_s;
    QTest::newRow("missed-policy") << with(20, u"catch_up"_s) << 2 << u"cli.invalid_policy"_s
                                   << u"--missed expects run_once or skip, got 'catch_up'"_s;
    QTest::newRow("header-without-colon")
            << with(10, u"Content-Type"_s) << 2 << u"cli.invalid_header"_s << u"\"Name: value\""_s;
    QTest::newRow("unknown-target-tenant")
            << (addArguments(u"x"_s) << u"--tenants"_s << u"7"_s) << 2
            << u"schedule.unknown_tenant"_s << u"Target tenant 7 does not exist."_s;
    QTest::newRow("bad-target-list") << (addArguments(u"x"_s) << u"--tenants"_s << u"1,two"_s) << 2
                                     << u"cli.invalid_id"_s << u"got '1,two'"_s;
    QTest::newRow("missing-expr") << QStringList{u"schedules"_s,
                                                 u"add"_s,
                                                 u"x"_s,
                                                 u"--url"_s,
                                                 u"https://a.example/"_s,
                                                 u"--json"_s}
                                  << 2 << u"cli.missing_option"_s << u"add needs --expr"_s;
    QTest::newRow("bad-id") << QStringList{u"schedules"_s, u"enable"_s, u"one"_s, u"--json"_s} << 2
                            << u"cli.invalid_id"_s << u"got 'one'"_s;
    QTest::newRow("unknown-schedule-run-now")
            << QStringList{u"schedules"_s, u"run-now"_s, u"9"_s, u"--json"_s} << 2
            << u"schedule.unknown_schedule"_s << u"There is no schedule with id 9."_s;
    QTest::newRow("runs-limit") << QStringList{u"schedules"_s, u"runs"_s, u"1"_s,
                                               u"--limit"_s,   u"0"_s,    u"--json"_s}
                                << 2 << u"cli.invalid_count"_s << u"got '0'"_s;
}

void TestCliScheduleActions::refusedInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QFETCH(QString, message);

    const bool refusedBeforeOpening = code.startsWith(u"cli."_s) || code.startsWith(u"cron."_s)
                                      || code == u"schedule.unknown_time_zone"_s
                                      || code.startsWith(u"schedule.invalid_"_s);
    // The others look into an (empty) workspace; `run-now` and `runs` never create one.
    if (!refusedBeforeOpening) {
        QVERIFY(wb::core::openWorkspace(m_workspace, wb::core::StoreServices{
                                                             wb::core::SystemClock::instance()}));
    }
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    const QJsonObject error = run.json().object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QVERIFY2(error.value(u"message"_s).toString().contains(message),
             qPrintable(error.value(u"message"_s).toString()));
    QVERIFY2(run.err.startsWith(u"wirebench-cli schedules "_s), qPrintable(run.err));
    if (refusedBeforeOpening) {
        // Refused before the workspace was opened: nothing was created.
        QVERIFY(!QFile::exists(m_workspace));
    } else {
        const Run listed = cli({u"schedules"_s, u"list"_s, u"--json"_s});
        QCOMPARE(listed.json().array(), QJsonArray());
    }
}

void TestCliScheduleActions::runNowRecordsPerTenantJobs()
{
    QCOMPARE(cli({u"tenants"_s, u"add"_s, u"Globex"_s}).exitCode, 0);
    QCOMPARE(cli({u"tenants"_s, u"add"_s, u"Initech"_s}).exitCode, 0);
    QCOMPARE(cli({u"tenants"_s, u"add"_s, u"Umbrella"_s}).exitCode, 0);
    QCOMPARE(cli({u"connections"_s, u"add"_s, u"--tenant"_s, u"1"_s, u"--provider"_s, u"slack"_s})
                     .exitCode,
             0);
    QCOMPARE(cli({u"connections"_s, u"add"_s, u"--tenant"_s, u"2"_s, u"--provider"_s, u"slack"_s})
                     .exitCode,
             0);
    QCOMPARE(cli(addArguments(u"Nightly sync"_s) << u"--tenants"_s << u"1,2,3"_s).exitCode, 0);

    const Run started = cli({u"schedules"_s, u"run-now"_s, u"1"_s, u"--json"_s});
    QCOMPARE(started.exitCode, 0);
    const QJsonObject run = started.json().object();
    QCOMPARE(run.value(u"id"_s).toInt(), 1);
    QCOMPARE(run.value(u"trigger"_s).toString(), u"manual"_s);
    QCOMPARE(run.value(u"state"_s).toString(), u"running"_s);
    QCOMPARE(run.value(u"job_count"_s).toInt(), 3);
    QCOMPARE(run.value(u"skipped"_s).toInt(), 1); // Umbrella has no Slack connection

    // A second run-now while it runs: the answer is no (exit 1).
    const Run again = cli({u"schedules"_s, u"run-now"_s, u"1"_s, u"--json"_s});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.json().object().value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"schedule.already_running"_s);

    const Run runs = cli({u"schedules"_s, u"runs"_s, u"1"_s, u"--jobs"_s, u"--json"_s});
    QCOMPARE(runs.exitCode, 0);
    const QJsonArray array = runs.json().array();
    QCOMPARE(array.size(), 1);
    const QJsonArray jobs = array.first().toObject().value(u"jobs"_s).toArray();
    QCOMPARE(jobs.size(), 3);
    QCOMPARE(jobs.at(0).toObject().value(u"tenant_id"_s).toInt(), 1);
    QCOMPARE(jobs.at(0).toObject().value(u"connection_id"_s).toInt(), 1);
    QCOMPARE(jobs.at(0).toObject().value(u"state"_s).toString(), u"planned"_s);
    QCOMPARE(jobs.at(1).toObject().value(u"tenant_id"_s).toInt(), 2);
    // 10-minute window over two jobs: the second starts 5 minutes after the first.
    const QDateTime first
            = QDateTime::fromString(jobs.at(0).toObject().value(u"not_before"_s).toString(),
                                    Qt::ISODateWithMs);
    const QDateTime second
            = QDateTime::fromString(jobs.at(1).toObject().value(u"not_before"_s).toString(),
                                    Qt::ISODateWithMs);
    QCOMPARE(first.msecsTo(second), 300'000);
    QCOMPARE(jobs.at(2).toObject().value(u"tenant_id"_s).toInt(), 3);
    QCOMPARE(jobs.at(2).toObject().value(u"state"_s).toString(), u"skipped"_s);
    QCOMPARE(jobs.at(2).toObject().value(u"outcome"_s).toString(),
             u"tenant 3 has no connection to slack"_s);
    QVERIFY(jobs.at(2).toObject().value(u"delivery_id"_s).isNull());

    // The lease was given back: a running scheduler can adopt the run.
    const Run listed = cli({u"schedules"_s, u"list"_s, u"--json"_s});
    const QJsonObject schedule = listed.json().array().first().toObject();
    QVERIFY(schedule.value(u"lease_owner"_s).isNull());
    QCOMPARE(schedule.value(u"last_run"_s).toObject().value(u"id"_s).toInt(), 1);

    const Run text = cli({u"schedules"_s, u"runs"_s, u"1"_s, u"--jobs"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(" manual  running  0 succeeded, 0 failed, 1 skipped of 3"),
             text.out.constData());
    QVERIFY2(text.out.contains("tenant 3 has no connection to slack"), text.out.constData());
    // Tenants by name as in every other table (tenantnames.h); the connection with its id.
    QVERIFY2(QRegularExpression(u"\\n0 +Globex +slack \\(1\\) +planned "_s)
                     .match(QString::fromUtf8(text.out))
                     .hasMatch(),
             text.out.constData());
    QVERIFY2(QRegularExpression(u"\\n2 +Umbrella +- +skipped "_s)
                     .match(QString::fromUtf8(text.out))
                     .hasMatch(),
             text.out.constData());
    QVERIFY2(text.out.contains("slack (1)"), text.out.constData());
    QVERIFY2(!text.out.contains("Globex (1)"), text.out.constData());
    QCOMPARE(jobs.at(0).toObject().value(u"tenant_name"_s).toString(), u"Globex"_s);
    QCOMPARE(jobs.at(0).toObject().value(u"connection_provider"_s).toString(), u"slack"_s);
    QCOMPARE(jobs.at(2).toObject().value(u"tenant_name"_s).toString(), u"Umbrella"_s);

    // Cancel it: nothing was sent (no scheduler ran), so both planned jobs are withdrawn and the
    // run ends at once, recorded as cancelled with its counts.
    const Run cancelled = cli({u"schedules"_s, u"cancel-run"_s, u"1"_s, u"--reason"_s,
                               u"wrong tenants"_s, u"--json"_s});
    QCOMPARE(cancelled.exitCode, 0);
    QVERIFY2(cancelled.err.isEmpty(), qPrintable(cancelled.err));
    const QJsonObject after = cancelled.json().object();
    QCOMPARE(after.value(u"state"_s).toString(), u"cancelled"_s);
    QCOMPARE(after.value(u"cancel_reason"_s).toString(), u"wrong tenants"_s);
    QCOMPARE(after.value(u"withdrawn_jobs"_s).toInt(), 2);
    QCOMPARE(after.value(u"in_flight"_s).toInt(), 0);
    QCOMPARE(after.value(u"cancelled"_s).toInt(), 2);
    QCOMPARE(after.value(u"skipped"_s).toInt(), 1);
    QCOMPARE(after.value(u"succeeded"_s).toInt(), 0);
    QVERIFY(!after.value(u"finished_at"_s).isNull());
    QCOMPARE(after.value(u"cancelled_deliveries"_s).toArray(), QJsonArray());
    const Run cancelledJobs = cli({u"schedules"_s, u"runs"_s, u"1"_s, u"--jobs"_s, u"--json"_s});
    const QJsonArray withdrawn
            = cancelledJobs.json().array().first().toObject().value(u"jobs"_s).toArray();
    QCOMPARE(withdrawn.at(0).toObject().value(u"state"_s).toString(), u"cancelled"_s);
    QCOMPARE(withdrawn.at(0).toObject().value(u"outcome"_s).toString(),
             u"cancelled with run 1: wrong tenants"_s);
    QCOMPARE(withdrawn.at(2).toObject().value(u"state"_s).toString(), u"skipped"_s);

    // A finished run: the answer is no (exit 1), and nothing changes.
    const Run twice = cli({u"schedules"_s, u"cancel-run"_s, u"1"_s, u"--json"_s});
    QCOMPARE(twice.exitCode, 1);
    QCOMPARE(twice.json().object().value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"schedule.run_not_running"_s);
    QCOMPARE(twice.err,
             u"wirebench-cli schedules cancel-run: Run 1 has already finished (cancelled); only "
             "a running run can be cancelled.\n"_s);
    // The schedule is free again.
    QCOMPARE(cli({u"schedules"_s, u"run-now"_s, u"1"_s, u"--json"_s}).exitCode, 0);
}

void TestCliScheduleActions::editChangesOnlyWhatIsNamed()
{
    QCOMPARE(cli(addArguments(u"Nightly sync"_s)).exitCode, 0);
    QCOMPARE(cli({u"schedules"_s, u"run-now"_s, u"1"_s}).exitCode, 0);

    const Run edited = cli({u"schedules"_s, u"edit"_s, u"1"_s, u"--name"_s, u"Hourly sync"_s,
                            u"--expr"_s, u"0 * * * *"_s, u"--tz"_s, u"UTC"_s, u"--json"_s});
    QCOMPARE(edited.exitCode, 0);
    QVERIFY2(edited.err.isEmpty(), qPrintable(edited.err));
    const QJsonObject schedule = edited.json().object();
    QCOMPARE(schedule.value(u"id"_s).toInt(), 1);
    QCOMPARE(schedule.value(u"name"_s).toString(), u"Hourly sync"_s);
    QCOMPARE(schedule.value(u"expression"_s).toString(), u"0 * * * *"_s);
    QCOMPARE(schedule.value(u"time_zone"_s).toString(), u"UTC"_s);
    // The next run is the new expression's: on the hour, in UTC.
    QVERIFY2(schedule.value(u"next_run"_s)
                     .toObject()
                     .value(u"utc"_s)
                     .toString()
                     .endsWith(u":00:00.000Z"_s),
             qPrintable(schedule.value(u"next_run"_s).toObject().value(u"utc"_s).toString()));
    // What was not named is kept.
    QCOMPARE(schedule.value(u"concurrency_limit"_s).toInt(), 4);
    QCOMPARE(schedule.value(u"missed_run_policy"_s).toString(), u"skip"_s);
    const QJsonObject job = schedule.value(u"job"_s).toObject();
    QCOMPARE(job.value(u"headers"_s).toArray(), QJsonArray{u"Content-Type: application/json"_s});
    QCOMPARE(job.value(u"body"_s).toString(), uR"({"tenant":"{{tenant.name}}"})"_s);
    // The run history is kept.
    const Run runs = cli({u"schedules"_s, u"runs"_s, u"1"_s, u"--json"_s});
    QCOMPARE(runs.json().array().size(), 1);

    // The body from a file, byte for byte (read once, before the workspace is opened).
    const QString bodyPath = m_dir->filePath(u"body.json"_s);
    QFile bodyFile(bodyPath);
    QVERIFY(bodyFile.open(QIODevice::WriteOnly));
    bodyFile.write("{\"run\":{{run.id}},\n \"tenant\":\"{{tenant.id}}\"}\n");
    bodyFile.close();
    const Run fromFile = cli(
            {u"schedules"_s, u"edit"_s, u"1"_s, u"--body-file"_s, bodyPath, u"--json"_s});
    QCOMPARE(fromFile.exitCode, 0);
    QVERIFY2(fromFile.err.isEmpty(), qPrintable(fromFile.err));
    QCOMPARE(fromFile.json().object().value(u"job"_s).toObject().value(u"body"_s).toString(),
             u"{\"run\":{{run.id}},\n \"tenant\":\"{{tenant.id}}\"}\n"_s);
    QCOMPARE(fromFile.json().object().value(u"name"_s).toString(), u"Hourly sync"_s);

    const Run text = cli({u"schedules"_s, u"edit"_s, u"1"_s, u"--header"_s, u"X-A: 1"_s,
                          u"--header"_s, u"X-B: 2"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.startsWith("Changed schedule 1 \"Hourly sync\"; next run "),
             text.out.constData());
    const Run listed = cli({u"schedules"_s, u"list"_s, u"--json"_s});
    QCOMPARE(listed.json()
                     .array()
                     .first()
                     .toObject()
                     .value(u"job"_s)
                     .toObject()
                     .value(u"headers"_s)
                     .toArray(),
             (QJsonArray{u"X-A: 1"_s, u"X-B: 2"_s}));
}

void TestCliScheduleActions::editRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const QStringList edit{u"schedules"_s, u"edit"_s, u"1"_s, u"--json"_s};
    QTest::newRow("bad-cron-names-the-field")
            << (edit + QStringList{u"--expr"_s, u"0 25 * * *"_s}) << 2 << u"cron.out_of_range"_s
            << u"hour: 25 is out of range 0–23"_s;
    QTest::newRow("unknown-zone") << (edit + QStringList{u"--tz"_s, u"Europe/Atlantis"_s}) << 2
                                  << u"schedule.unknown_time_zone"_s << u"Europe/Atlantis"_s;
    QTest::newRow("nothing-to-change")
            << edit << 2 << u"cli.missing_option"_s << u"edit needs at least one option"_s;
    QTest::newRow("disabled-is-not-an-edit")
            << (edit + QStringList{u"--disabled"_s}) << 2 << u"cli.option_conflict"_s
            << u"schedules disable ID"_s;
    QTest::newRow("name-of-another")
            << (edit + QStringList{u"--name"_s, u"Other"_s}) << 2 << u"schedule.duplicate_name"_s
            << u"already named \"Other\""_s;
    QTest::newRow("unknown-schedule")
            << QStringList{u"schedules"_s, u"edit"_s, u"9"_s, u"--expr"_s, u"@daily"_s, u"--json"_s}
            << 2 << u"schedule.unknown_schedule"_s << u"There is no schedule with id 9."_s;
    QTest::newRow("unknown-target") << (edit + QStringList{u"--tenants"_s, u"77"_s}) << 2
                                    << u"schedule.unknown_tenant"_s << u"Target tenant 77"_s;
    QTest::newRow("unreadable-body-file")
            << (edit + QStringList{u"--body-file"_s, u"/nonexistent/body.json"_s}) << 2
            << u"cli.unreadable_file"_s << u"--body-file '/nonexistent/body.json' cannot be read"_s;
    QTest::newRow("header-without-colon") << (edit + QStringList{u"--header"_s, u"X-Trace"_s}) << 2
                                          << u"cli.invalid_header"_s << u"got 'X-Trace'"_s;
}

void TestCliScheduleActions::editRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QFETCH(QString, message);

    QCOMPARE(cli(addArguments(u"Nightly sync"_s)).exitCode, 0);
    QCOMPARE(cli(addArguments(u"Other"_s)).exitCode, 0);
    const Run before = cli({u"schedules"_s, u"list"_s, u"--json"_s});

    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    const QJsonObject error = run.json().object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QVERIFY2(error.value(u"message"_s).toString().contains(message),
             qPrintable(error.value(u"message"_s).toString()));
    QVERIFY2(run.err.startsWith(u"wirebench-cli schedules edit: "_s), qPrintable(run.err));

    // Nothing stored changed (the next runs are computed from the same clock minute).
    const Run after = cli({u"schedules"_s, u"list"_s, u"--json"_s});
    QJsonArray left = before.json().array();
    QJsonArray right = after.json().array();
    QCOMPARE(left.size(), right.size());
    for (qsizetype i = 0; i < left.size(); ++i) {
        QJsonObject a = left.at(i).toObject();
        QJsonObject b = right.at(i).toObject();
        a.remove(u"next_run"_s);
        b.remove(u"next_run"_s);
        QCOMPARE(b, a);
    }
}

QTEST_GUILESS_MAIN(TestCliScheduleActions)
#include "tst_cli_scheduleactions.moc"
