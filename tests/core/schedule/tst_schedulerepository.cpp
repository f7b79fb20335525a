// SPDX-License-Identifier: GPL-3.0-or-later
// Schedules in the workspace: validation errors that name the field, storage round trip,
// enable/disable, removal, and the job template's placeholders.
#include "core/schedule/jobtemplate.h"
#include "core/schedule/schedulerepository.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/futures.h"
#include "support/results.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

namespace {

constexpr qint64 startMs = 1'717'200'000'000; // 2024-06-01T00:00:00Z

Schedule validSchedule()
{
    Schedule s;
    s.name = u"Nightly sync"_s;
    s.cronExpression = u"30 2 * * *"_s;
    s.timeZoneId = u"Europe/Berlin"_s;
    s.job.url = u"{{connection.base_url}}/sync?tenant={{tenant.id}}"_s;
    s.job.headers = HttpHeaders{{"Content-Type", "application/json"}};
    s.job.body = R"({"tenant":"{{tenant.name}}","run":{{run.id}}})"_ba;
    s.targetKind = ScheduleTargetKind::Tenants;
    s.providerId = u"generic"_s;
    s.smoothingWindowMs = 600'000;
    s.concurrencyLimit = 5;
    return s;
}

} // namespace

class TestScheduleRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void validation_data();
    void validation();
    void roundTrip();
    void noHeadersNoBody();
    void duplicateNameAndUnknownTargets();
    void enableStartsAfresh();
    void removeTakesRunsAlong();
    void editKeepsRunsAndRestartsTiming();
    void editRefusalChangesNothing_data();
    void editRefusalChangesNothing();
    void placeholders_data();
    void placeholders();

private:
    QTemporaryDir m_dir;
    ManualClock m_clock{startMs};
    std::unique_ptr<Store> m_store;
};

void TestScheduleRepository::init()
{
    auto opened = openWorkspace(m_dir.filePath(u"ws.sqlite"_s), StoreServices{&m_clock});
    QVERIFY2(opened, qPrintable(errorMessage(opened)));
    m_store = std::move(*opened);
}

void TestScheduleRepository::cleanup()
{
    m_store.reset();
    QFile::remove(m_dir.filePath(u"ws.sqlite"_s));
}

void TestScheduleRepository::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("valid") << u""_s << u""_s << u"<ok>"_s << u""_s;
    QTest::newRow("empty-name") << u"name"_s << u"  "_s << u"schedule.invalid_name"_s
                                << u"needs a name"_s;
    QTest::newRow("name-with-newline")
            << u"name"_s << u"a\nb"_s << u"schedule.invalid_name"_s << u"control characters"_s;
    QTest::newRow("cron-out-of-range")
            << u"cron"_s << u"0 25 * * *"_s << u"cron.out_of_range"_s << u"hour: 25"_s;
    QTest::newRow("cron-four-fields")
            << u"cron"_s << u"0 1 * *"_s << u"cron.field_count"_s << u"0 1 * *"_s;
    QTest::newRow("cron-never-fires")
            << u"cron"_s << u"0 0 30 2 *"_s << u"cron.never_fires"_s << u"day-of-month"_s;
    QTest::newRow("zone-unknown") << u"zone"_s << u"Europe/Berlim"_s
                                  << u"schedule.unknown_time_zone"_s << u"Europe/Berlim"_s;
    QTest::newRow("zone-legacy-abbreviation")
            << u"zone"_s << u"CET"_s << u"schedule.unknown_time_zone"_s << u"CET"_s;
    QTest::newRow("tenants-without-provider")
            << u"provider"_s << u""_s << u"schedule.missing_provider"_s << u"needs a provider"_s;
    QTest::newRow("window-negative") << u"window"_s << u"-1"_s << u"schedule.invalid_window"_s
                                     << u"smoothing window -1 ms"_s;
    QTest::newRow("window-over-a-day")
            << u"window"_s << u"86400001"_s << u"schedule.invalid_window"_s << u"86400001"_s;
    QTest::newRow("concurrency-zero")
            << u"concurrency"_s << u"0"_s << u"schedule.invalid_concurrency"_s
            << u"concurrency limit 0"_s;
    QTest::newRow("target-listed-twice")
            << u"targets"_s << u"3,3"_s << u"schedule.invalid_target"_s << u"listed twice"_s;
    QTest::newRow("url-unknown-placeholder")
            << u"url"_s << u"https://x.example/{{tenant.slug}}"_s << u"schedule.invalid_job_url"_s
            << u"unknown placeholder {{tenant.slug}}"_s;
    QTest::newRow("url-unclosed-placeholder") << u"url"_s << u"https://x.example/{{tenant.id"_s
                                              << u"schedule.invalid_job_url"_s << u"not closed"_s;
    QTest::newRow("url-not-http") << u"url"_s << u"ftp://x.example/"_s
                                  << u"schedule.invalid_job_url"_s << u"absolute http(s) URL"_s;
    QTest::newRow("method-get") << u"method"_s << u"GET"_s << u"schedule.invalid_job_method"_s
                                << u"'GET' is not one of"_s;
    QTest::newRow("url-naming-a-body-path")
            << u"url"_s << u"https://x.example/body/{{tenant.slug}}"_s
            << u"schedule.invalid_job_url"_s << u"url: unknown placeholder {{tenant.slug}}"_s;
    QTest::newRow("header-unknown-placeholder")
            << u"header"_s << u"{{tenant.token}}"_s << u"schedule.invalid_job_header"_s
            << u"header X-Tenant: unknown placeholder {{tenant.token}}"_s;
    QTest::newRow("body-unknown-placeholder")
            << u"body"_s << u"{{tenant.secret}}"_s << u"schedule.invalid_job_body"_s
            << u"body: unknown"_s;
}

void TestScheduleRepository::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    Schedule s = validSchedule();
    if (field == u"name")
        s.name = value;
    else if (field == u"cron")
        s.cronExpression = value;
    else if (field == u"zone")
        s.timeZoneId = value;
    else if (field == u"provider")
        s.providerId = value;
    else if (field == u"window")
        s.smoothingWindowMs = value.toLongLong();
    else if (field == u"concurrency")
        s.concurrencyLimit = value.toInt();
    else if (field == u"targets")
        s.targetIds = {3, 3};
    else if (field == u"url")
        s.job.url = value;
    else if (field == u"method")
        s.job.method = value.toLatin1();
    else if (field == u"body")
        s.job.body = value.toUtf8();
    else if (field == u"header")
        s.job.headers.append("X-Tenant", value.toUtf8());

    const Result<void> valid = ScheduleRepository::validate(s);
    QCOMPARE(errorCode(valid), code);
    QVERIFY2(errorMessage(valid).contains(messagePart), qPrintable(errorMessage(valid)));

    // The store refuses it the same way and keeps nothing.
    WB_AWAIT(added, m_store->write([s](SqlSession &session) {
        return ScheduleRepository::add(session, s);
    }));
    QCOMPARE(errorCode(added), code);
    WB_AWAIT_OK(listed, m_store->read([](SqlSession &session) {
        return ScheduleRepository::list(session);
    }));
    QCOMPARE(listed->size(), code == u"<ok>" ? 1 : 0);
}

void TestScheduleRepository::roundTrip()
{
    Schedule s = validSchedule();
    s.name = u"  Nightly sync  "_s;
    s.missedRunPolicy = MissedRunPolicy::Skip;
    s.job.method = "PUT"_ba;
    s.job.retryPolicy = u"svix"_s;
    s.job.body = "\xff\x00raw"_ba; // bytes that are not UTF-8 are kept as they are
    m_clock.setNowMs(startMs + 5);
    WB_AWAIT_OK(added, m_store->write([s](SqlSession &session) {
        return ScheduleRepository::add(session, s);
    }));
    QVERIFY(added->id > 0);
    QCOMPARE(added->name, u"Nightly sync"_s);
    QCOMPARE(added->consideredThroughMs, startMs + 5);
    QCOMPARE(added->createdAtMs, startMs + 5);

    WB_AWAIT_OK(read, m_store->read([id = added->id](SqlSession &session) {
        return ScheduleRepository::get(session, id);
    }));
    QCOMPARE(*read, *added);
    QCOMPARE(read->job.body, "\xff\x00raw"_ba);
    QCOMPARE(read->job.method, "PUT"_ba);
    QCOMPARE(read->job.headers.value("content-type"), "application/json"_ba);
    QCOMPARE(read->missedRunPolicy, MissedRunPolicy::Skip);
    QCOMPARE(read->timeZoneId, u"Europe/Berlin"_s);
    QVERIFY(read->leaseOwner.isEmpty());
}

void TestScheduleRepository::noHeadersNoBody()
{
    Schedule s = validSchedule();
    s.job.headers = {};
    s.job.body = {};
    WB_AWAIT_OK(added, m_store->write([s](SqlSession &session) {
        return ScheduleRepository::add(session, s);
    }));
    WB_AWAIT_OK(read, m_store->read([id = added->id](SqlSession &session) {
        return ScheduleRepository::get(session, id);
    }));
    QVERIFY(read->job.headers.isEmpty());
    QVERIFY(read->job.body.isEmpty());
}

void TestScheduleRepository::duplicateNameAndUnknownTargets()
{
    WB_AWAIT_OK(first, m_store->write([](SqlSession &session) {
        return ScheduleRepository::add(session, validSchedule());
    }));
    WB_AWAIT(second, m_store->write([](SqlSession &session) {
        return ScheduleRepository::add(session, validSchedule());
    }));
    QCOMPARE(errorCode(second), u"schedule.duplicate_name"_s);
    QVERIFY2(errorMessage(second).contains(u"Nightly sync"_s), qPrintable(errorMessage(second)));

    Schedule byTenant = validSchedule();
    byTenant.name = u"other"_s;
    byTenant.targetIds = {41};
    WB_AWAIT(unknownTenant, m_store->write([byTenant](SqlSession &session) {
        return ScheduleRepository::add(session, byTenant);
    }));
    QCOMPARE(errorCode(unknownTenant), u"schedule.unknown_tenant"_s);
    QVERIFY(errorMessage(unknownTenant).contains(u"41"_s));

    Schedule byConnection = byTenant;
    byConnection.targetKind = ScheduleTargetKind::Connections;
    byConnection.targetIds = {42};
    WB_AWAIT(unknownConnection, m_store->write([byConnection](SqlSession &session) {
        return ScheduleRepository::add(session, byConnection);
    }));
    QCOMPARE(errorCode(unknownConnection), u"schedule.unknown_connection"_s);
    QVERIFY(errorMessage(unknownConnection).contains(u"42"_s));
}

void TestScheduleRepository::enableStartsAfresh()
{
    WB_AWAIT_OK(added, m_store->write([](SqlSession &session) {
        return ScheduleRepository::add(session, validSchedule());
    }));
    const qint64 id = added->id;
    m_clock.advanceMs(1000);
    WB_AWAIT_OK(disabled, m_store->write([id](SqlSession &session) {
        return ScheduleRepository::setEnabled(session, id, false);
    }));
    QVERIFY(!disabled->enabled);
    QCOMPARE(disabled->consideredThroughMs, added->consideredThroughMs);

    m_clock.advanceMs(3 * 86'400'000LL); // three nightly firings pass while disabled
    WB_AWAIT_OK(enabled, m_store->write([id](SqlSession &session) {
        return ScheduleRepository::setEnabled(session, id, true);
    }));
    QVERIFY(enabled->enabled);
    // Firings while it was disabled are not missed runs.
    QCOMPARE(enabled->consideredThroughMs, m_clock.nowMs());

    WB_AWAIT(unknown, m_store->write([](SqlSession &session) {
        return ScheduleRepository::setEnabled(session, 999, true);
    }));
    QCOMPARE(errorCode(unknown), u"schedule.unknown_schedule"_s);
    QVERIFY(errorMessage(unknown).contains(u"999"_s));
}

void TestScheduleRepository::removeTakesRunsAlong()
{
    WB_AWAIT_OK(added, m_store->write([](SqlSession &session) {
        return ScheduleRepository::add(session, validSchedule());
    }));
    const qint64 id = added->id;
    WB_AWAIT_OK(inserted, m_store->write([id](SqlSession &session) -> Result<qint64> {
        auto run = session.execOneRow(
                u"INSERT INTO schedule_runs (schedule_id, scheduled_at_ms, run_trigger, state, "
                "started_at_ms) VALUES (?, 1, 'manual', 'succeeded', 1) RETURNING id"_s,
                {id});
        if (!run)
            return fail(run.error());
        const qint64 runId = run->value(0).toLongLong();
        if (auto job = session.execute(u"INSERT INTO schedule_run_jobs (run_id, ordinal, "
                                       "not_before_ms, state) VALUES (?, 0, 1, 'succeeded')"_s,
                                       {runId});
            !job) {
            return fail(job.error());
        }
        return runId;
    }));
    WB_AWAIT_OK(removed, m_store->write([id](SqlSession &session) {
        return ScheduleRepository::remove(session, id);
    }));
    WB_AWAIT_OK(left, m_store->read([](SqlSession &session) -> Result<int> {
        auto q = session.execOneRow(u"SELECT (SELECT COUNT(*) FROM schedules) + (SELECT COUNT(*) "
                                    "FROM schedule_runs) + (SELECT COUNT(*) FROM "
                                    "schedule_run_jobs)"_s);
        if (!q)
            return fail(q.error());
        return q->value(0).toInt();
    }));
    QCOMPARE(*left, 0);
    WB_AWAIT(again, m_store->write([id](SqlSession &session) {
        return ScheduleRepository::remove(session, id);
    }));
    QCOMPARE(errorCode(again), u"schedule.unknown_schedule"_s);
}

void TestScheduleRepository::editKeepsRunsAndRestartsTiming()
{
    WB_AWAIT_OK(added, m_store->write([](SqlSession &session) {
        return ScheduleRepository::add(session, validSchedule());
    }));
    const qint64 id = added->id;
    WB_AWAIT_OK(run, m_store->write([id](SqlSession &session) -> Result<qint64> {
        auto inserted = session.execOneRow(
                u"INSERT INTO schedule_runs (schedule_id, scheduled_at_ms, run_trigger, state, "
                "started_at_ms) VALUES (?, 5, 'manual', 'succeeded', 5) RETURNING id"_s,
                {id});
        if (!inserted)
            return fail(inserted.error());
        return inserted->value(0).toLongLong();
    }));

    // Same expression and zone, other job and limits: the timing is untouched.
    m_clock.advanceMs(2 * 86'400'000LL);
    Schedule edited = *added;
    edited.name = u"  Nightly sync (v2)  "_s;
    edited.job.url = u"{{connection.base_url}}/v2/sync"_s;
    edited.job.headers = HttpHeaders{{"X-Version", "2"}};
    edited.concurrencyLimit = 20;
    edited.smoothingWindowMs = 0;
    edited.enabled = false; // ignored: enable/disable has its own call
    WB_AWAIT_OK(same, m_store->write([edited](SqlSession &session) {
        return ScheduleRepository::update(session, edited);
    }));
    QCOMPARE(same->name, u"Nightly sync (v2)"_s);
    QCOMPARE(same->job.url, u"{{connection.base_url}}/v2/sync"_s);
    QCOMPARE(same->job.headers, (HttpHeaders{{"X-Version", "2"}}));
    QCOMPARE(same->concurrencyLimit, 20);
    QCOMPARE(same->smoothingWindowMs, 0);
    QVERIFY(same->enabled);
    QCOMPARE(same->createdAtMs, added->createdAtMs);
    QCOMPARE(same->updatedAtMs, m_clock.nowMs());
    QCOMPARE(same->consideredThroughMs, added->consideredThroughMs);

    // A new expression starts afresh: its firings that already passed are not missed runs.
    m_clock.advanceMs(86'400'000LL);
    Schedule retimed = *same;
    retimed.cronExpression = u"0 */4 * * *"_s;
    retimed.timeZoneId = u"America/New_York"_s;
    WB_AWAIT_OK(moved, m_store->write([retimed](SqlSession &session) {
        return ScheduleRepository::update(session, retimed);
    }));
    QCOMPARE(moved->cronExpression, u"0 */4 * * *"_s);
    QCOMPARE(moved->timeZoneId, u"America/New_York"_s);
    QCOMPARE(moved->consideredThroughMs, m_clock.nowMs());

    // The run history is kept.
    WB_AWAIT_OK(runs, m_store->read([id](SqlSession &session) {
        return ScheduleRepository::runs(session, id, 10);
    }));
    QCOMPARE(runs->size(), 1);
    QCOMPARE(runs->first().id, *run);
}

void TestScheduleRepository::editRefusalChangesNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("cron-bad-step")
            << u"cron"_s << u"*/0 * * * *"_s << u"cron.invalid_step"_s << u"minute"_s;
    QTest::newRow("zone-unknown") << u"zone"_s << u"Mars/Olympus"_s
                                  << u"schedule.unknown_time_zone"_s << u"Mars/Olympus"_s;
    QTest::newRow("name-of-another-schedule")
            << u"name"_s << u"Other"_s << u"schedule.duplicate_name"_s << u"\"Other\""_s;
    QTest::newRow("target-tenant-missing")
            << u"targets"_s << u"4242"_s << u"schedule.unknown_tenant"_s << u"4242"_s;
    QTest::newRow("url-unknown-placeholder")
            << u"url"_s << u"https://x.example/{{tenant.slug}}"_s << u"schedule.invalid_job_url"_s
            << u"{{tenant.slug}}"_s;
    QTest::newRow("unknown-schedule")
            << u"id"_s << u"999"_s << u"schedule.unknown_schedule"_s << u"999"_s;
}

void TestScheduleRepository::editRefusalChangesNothing()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    WB_AWAIT_OK(added, m_store->write([](SqlSession &session) {
        return ScheduleRepository::add(session, validSchedule());
    }));
    Schedule other = validSchedule();
    other.name = u"Other"_s;
    WB_AWAIT_OK(second, m_store->write([other](SqlSession &session) {
        return ScheduleRepository::add(session, other);
    }));
    m_clock.advanceMs(60'000);

    Schedule edited = *added;
    edited.concurrencyLimit = 99; // would change if the refusal let anything through
    if (field == u"cron")
        edited.cronExpression = value;
    else if (field == u"zone")
        edited.timeZoneId = value;
    else if (field == u"name")
        edited.name = value;
    else if (field == u"targets")
        edited.targetIds = {value.toLongLong()};
    else if (field == u"url")
        edited.job.url = value;
    else if (field == u"id")
        edited.id = value.toLongLong();
    WB_AWAIT(refused, m_store->write([edited](SqlSession &session) {
        return ScheduleRepository::update(session, edited);
    }));
    QCOMPARE(errorCode(refused), code);
    QVERIFY2(errorMessage(refused).contains(messagePart), qPrintable(errorMessage(refused)));

    const qint64 id = added->id;
    WB_AWAIT_OK(stored, m_store->read([id](SqlSession &session) {
        return ScheduleRepository::get(session, id);
    }));
    QCOMPARE(*stored, *added);
}

void TestScheduleRepository::placeholders_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedUrl");
    QTest::addColumn<QByteArray>("expectedBody");

    QTest::newRow("base-url-as-is-others-percent-encoded")
            << u"{{connection.base_url}}/t/{{tenant.name}}?ref={{tenant.external_reference}}"_s
            << "text/plain"_ba
            << "{{tenant.name}}"_ba << u"https://api.example.com/v2/t/Acme%20%26%20Co?ref=ext%2F7"_s
            << "Acme & Co"_ba;
    QTest::newRow("json-body-escapes-inside-strings")
            << u"https://hooks.example.com/{{connection.id}}"_s << "application/json"_ba
            << R"({"name":"{{tenant.name}}","note":"{{schedule.name}}","run":{{run.id}}})"_ba
            << u"https://hooks.example.com/12"_s
            << R"({"name":"Acme & Co","note":"Say \"hi\"\n","run":7})"_ba;
    QTest::newRow("json-suffix-type-with-parameters")
            << u"https://hooks.example.com/"_s << "application/vnd.api+json; charset=utf-8"_ba
            << R"({"at":"{{run.scheduled_at}}","job":{{job.ordinal}}})"_ba
            << u"https://hooks.example.com/"_s << R"({"at":"2024-06-01T00:00:00.000Z","job":3})"_ba;
}

void TestScheduleRepository::placeholders()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedUrl);
    QFETCH(QByteArray, expectedBody);

    HttpJobTemplate job;
    job.url = url;
    job.headers = HttpHeaders{{"Content-Type", contentType}, {"X-Tenant", "{{tenant.id}}"}};
    job.body = body;
    QVERIFY(job.validate());

    JobContext context;
    context.scheduleId = 2;
    context.scheduleName = u"Say \"hi\"\n"_s;
    context.runId = 7;
    context.scheduledAtMs = startMs;
    context.ordinal = 3;
    context.tenantId = 5;
    context.tenantName = u"Acme & Co"_s;
    context.tenantExternalReference = u"ext/7"_s;
    context.connectionId = 12;
    context.providerId = u"generic"_s;
    context.connectionBaseUrl = u"https://api.example.com/v2"_s;
    const Result<NewDelivery> delivery = job.expand(context);
    QVERIFY2(delivery, qPrintable(errorMessage(delivery)));
    QCOMPARE(delivery->url.toString(QUrl::FullyEncoded), expectedUrl);
    QCOMPARE(delivery->body, expectedBody);
    QCOMPARE(delivery->headers.value("X-Tenant"), "5"_ba);
    QCOMPARE(delivery->connectionId, std::optional<qint64>(12));
    QCOMPARE(delivery->idempotencyKey, u"schedule-run-7-job-3"_s);
}

QTEST_GUILESS_MAIN(TestScheduleRepository)
#include "tst_schedulerepository.moc"
