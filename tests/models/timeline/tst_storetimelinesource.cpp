// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's source over a real workspace: deliveries and attempts written through the
// dispatch engine's repository (claim + complete, as the Dispatcher does), read back as samples.
#include "core/dispatch/deliveryrepository.h"
#include "core/inbound/events/inboundeventrepository.h"
#include "core/store/store.h"
#include "models/timeline/storetimelinesource.h"
#include "storetestutil.h"
#include "support/futures.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using models::TimelineScope;

namespace {
constexpr qint64 minuteMs = 60'000;

struct Step
{
    qint64 startMs;
    qint64 endMs;
    std::optional<int> status;
    QString errorKind;
    QString decision;
    qint64 waitMs;
    QByteArray retryAfter;
};

// Adds a delivery on `connectionId` and logs `steps` as its attempts.
core::Result<qint64> addDelivery(core::SqlSession &session, qint64 connectionId, qint64 createdMs,
                                 const QList<Step> &steps, const QString &key)
{
    core::NewDelivery delivery;
    delivery.connectionId = connectionId;
    delivery.url = QUrl(u"https://hooks.example.com/in"_s);
    delivery.body = "{}"_ba;
    delivery.notBeforeMs = createdMs;
    const core::Result<core::Delivery> added = core::DeliveryRepository::add(session, delivery, key);
    if (!added)
        return core::fail(added.error());
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const Step &step = steps.at(i);
        const auto claimed = core::DeliveryRepository::claimOne(session, added->id, u"w1"_s,
                                                                step.startMs, 60'000);
        if (!claimed)
            return core::fail(claimed.error());
        if (!claimed->has_value())
            return core::fail(u"test.not_claimed"_s, u"attempt %1 not claimable"_s.arg(i + 1));
        core::DeliveryRepository::Completion completion;
        completion.workerId = u"w1"_s;
        completion.attempt.deliveryId = added->id;
        completion.attempt.attemptNumber = int(i + 1);
        completion.attempt.tenantId = added->tenantId;
        completion.attempt.connectionId = connectionId;
        completion.attempt.startedAtMs = step.startMs;
        completion.attempt.endedAtMs = step.endMs;
        completion.attempt.httpStatus = step.status;
        completion.attempt.errorKind = step.errorKind;
        completion.attempt.decision = step.decision;
        completion.attempt.reason = u"test"_s;
        completion.attempt.waitMs = step.waitMs;
        completion.attempt.retryAfter = step.retryAfter;
        if (!step.retryAfter.isEmpty())
            completion.attempt.retryAfterMs = step.retryAfter.toLongLong() * 1000;
        const bool retry = step.waitMs > 0;
        completion.state = retry                             ? core::DeliveryState::Pending
                           : step.decision == u"succeeded"_s ? core::DeliveryState::Succeeded
                                                             : core::DeliveryState::Dead;
        completion.nextAttemptAtMs = step.endMs + step.waitMs;
        const auto completed = core::DeliveryRepository::complete(session, completion);
        if (!completed)
            return core::fail(completed.error());
    }
    return added->id;
}
} // namespace

class TestStoreTimelineSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readsTheAttemptLog();
    void waitReachingIntoTheRangeIsIncluded();
    void scopes_data();
    void scopes();
    void badScopeIsAnError();
    void recordedAttemptsAreAppended();
    void inboundRatesPerSecond_data();
    void inboundRatesPerSecond();

private:
    core::Result<models::TimelineData> ask(const models::TimelineQuery &query);

    std::unique_ptr<test::TempWorkspace> m_workspace;
    std::unique_ptr<models::StoreTimelineSource> m_source;
    qint64 m_t0 = 0;
    qint64 m_acmeTenant = 0;
    qint64 m_acmeGithub = 0;
    qint64 m_betaSlack = 0;
    qint64 m_rateLimited = 0;
    qint64 m_healthy = 0;
    qint64 m_other = 0;
};

void TestStoreTimelineSource::init()
{
    m_workspace = std::make_unique<test::TempWorkspace>();
    QVERIFY(m_workspace->open());
    core::Store &store = *m_workspace->store;
    m_t0 = m_workspace->clock.nowMs();

    core::Tenant acme;
    acme.displayName = u"Acme Corp"_s;
    WB_AWAIT_OK(acmeTenant, store.addTenant(acme));
    core::Tenant beta;
    beta.displayName = u"Beta LLC"_s;
    WB_AWAIT_OK(betaTenant, store.addTenant(beta));
    core::Connection github;
    github.tenantId = acmeTenant->id;
    github.providerId = u"github"_s;
    github.label = u"main"_s;
    WB_AWAIT_OK(githubConnection, store.addConnection(github));
    core::Connection slack;
    slack.tenantId = betaTenant->id;
    slack.providerId = u"slack"_s;
    WB_AWAIT_OK(slackConnection, store.addConnection(slack));
    m_acmeTenant = acmeTenant->id;
    m_acmeGithub = githubConnection->id;
    m_betaSlack = slackConnection->id;

    const qint64 t0 = m_t0;
    const qint64 gh = m_acmeGithub;
    const qint64 sl = m_betaSlack;
    WB_AWAIT_OK(ids, store.write([t0, gh,
                                  sl](core::SqlSession &session) -> core::Result<QList<qint64>> {
        // A 429 with Retry-After: 120, then a 200.
        const auto limited
                = addDelivery(session, gh, t0,
                              {{t0, t0 + 300, 429, {}, u"rate_limited"_s, 120'000, "120"},
                               {t0 + 120'300, t0 + 120'500, 200, {}, u"succeeded"_s, 0, {}}},
                              u"k1"_s);
        if (!limited)
            return core::fail(limited.error());
        const auto healthy
                = addDelivery(session, gh, t0 + minuteMs,
                              {{t0 + minuteMs, t0 + minuteMs + 80, 200, {}, u"succeeded"_s, 0, {}}},
                              u"k2"_s);
        if (!healthy)
            return core::fail(healthy.error());
        // A timeout, 2 h backoff, then dead.
        const auto other = addDelivery(session, sl, t0 + 2 * minuteMs,
                                       {{t0 + 2 * minuteMs,
                                         t0 + 2 * minuteMs + 10'000,
                                         std::nullopt,
                                         u"timeout"_s,
                                         u"retry"_s,
                                         7'200'000,
                                         {}},
                                        {t0 + 2 * minuteMs + 7'210'000,
                                         t0 + 2 * minuteMs + 7'210'100,
                                         503,
                                         {},
                                         u"dead"_s,
                                         0,
                                         {}}},
                                       u"k3"_s);
        if (!other)
            return core::fail(other.error());
        return QList<qint64>{*limited, *healthy, *other};
    }));
    m_rateLimited = ids->at(0);
    m_healthy = ids->at(1);
    m_other = ids->at(2);
    m_source = std::make_unique<models::StoreTimelineSource>(store);
}

void TestStoreTimelineSource::cleanup()
{
    m_source.reset();
    m_workspace.reset();
}

core::Result<models::TimelineData> TestStoreTimelineSource::ask(const models::TimelineQuery &query)
{
    QFuture<core::Result<models::TimelineData>> future = m_source->query(query);
    if (!test::waitForFinished(future))
        return core::fail(u"test.timeout"_s, u"no answer"_s);
    return future.result();
}

void TestStoreTimelineSource::readsTheAttemptLog()
{
    const auto data = ask({{m_t0, m_t0 + 10 * minuteMs}, TimelineScope::global()});
    QVERIFY2(data, qPrintable(data ? QString() : data.error().message));
    QCOMPARE(data->attempts.size(), 4);
    const models::AttemptSample &first = data->attempts.at(0);
    QCOMPARE(first.deliveryId, QString::number(m_rateLimited));
    QCOMPARE(first.connectionId, QString::number(m_acmeGithub));
    QCOMPARE(first.connectionLabel, u"Acme Corp · github (main)"_s);
    QCOMPARE(first.tenantId, QString::number(m_acmeTenant));
    QCOMPARE(first.tenantLabel, u"Acme Corp"_s);
    QCOMPARE(first.attemptNumber, 1);
    QCOMPARE(first.startedMs, m_t0);
    QCOMPARE(first.finishedMs, m_t0 + 300);
    QCOMPARE(first.httpStatus, 429);
    QCOMPARE(first.decision, models::AttemptDecision::RateLimited);
    QCOMPARE(first.waitMs, 120'000);
    QCOMPARE(first.waitCause, models::WaitCause::RetryAfter);
    QCOMPARE(first.retryAfter, "120"_ba);
    // In start order: the healthy delivery's attempt, the timeout, then the 200 after the wait.
    QCOMPARE(data->attempts.at(1).deliveryId, QString::number(m_healthy));
    const models::AttemptSample &timeout = data->attempts.at(2);
    QCOMPARE(timeout.connectionLabel, u"Beta LLC · slack"_s);
    QCOMPARE(timeout.httpStatus, 0);
    QCOMPARE(timeout.transportError, u"timeout"_s);
    QCOMPARE(timeout.waitCause, models::WaitCause::Backoff);
    QCOMPARE(data->attempts.at(3).attemptNumber, 2);
    QCOMPARE(data->attempts.at(3).httpStatus, 200);
}

void TestStoreTimelineSource::waitReachingIntoTheRangeIsIncluded()
{
    // An hour into the slack delivery's 2 h backoff: its first attempt started before the range
    // but its wait covers it.
    const qint64 from = m_t0 + 60 * minuteMs;
    const auto data = ask({{from, from + 15 * minuteMs}, TimelineScope::global()});
    QVERIFY(data);
    QCOMPARE(data->attempts.size(), 1);
    QCOMPARE(data->attempts.at(0).deliveryId, QString::number(m_other));
    QCOMPARE(data->attempts.at(0).attemptNumber, 1);
}

void TestStoreTimelineSource::scopes_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("which");
    QTest::addColumn<QStringList>("deliveries");
    QTest::newRow("tenant-acme") << int(TimelineScope::Kind::Tenant) << u"acme"_s
                                 << QStringList{u"limited"_s, u"healthy"_s, u"limited"_s};
    QTest::newRow("connection-slack")
            << int(TimelineScope::Kind::Connection) << u"slack"_s << QStringList{u"other"_s};
    QTest::newRow("delivery-rate-limited") << int(TimelineScope::Kind::Delivery) << u"limited"_s
                                           << QStringList{u"limited"_s, u"limited"_s};
}

void TestStoreTimelineSource::scopes()
{
    QFETCH(int, kind);
    QFETCH(QString, which);
    QFETCH(QStringList, deliveries);
    const QHash<QString, qint64> ids{{u"acme"_s, m_acmeTenant},
                                     {u"slack"_s, m_betaSlack},
                                     {u"limited"_s, m_rateLimited},
                                     {u"healthy"_s, m_healthy},
                                     {u"other"_s, m_other}};
    TimelineScope scope;
    scope.kind = TimelineScope::Kind(kind);
    scope.id = QString::number(ids.value(which));
    const auto data = ask({{m_t0, m_t0 + 10 * minuteMs}, scope});
    QVERIFY(data);
    QStringList got;
    for (const models::AttemptSample &sample : data->attempts)
        got.append(sample.deliveryId);
    QStringList expected;
    for (const QString &name : deliveries)
        expected.append(QString::number(ids.value(name)));
    QCOMPARE(got, expected);
}

void TestStoreTimelineSource::badScopeIsAnError()
{
    const auto data = ask({{m_t0, m_t0 + minuteMs}, TimelineScope::connection(u"conn-a"_s)});
    QVERIFY(!data);
    QCOMPARE(data.error().code, u"timeline.bad_scope"_s);
    QVERIFY(data.error().message.contains(u"conn-a"_s));
}

void TestStoreTimelineSource::recordedAttemptsAreAppended()
{
    QVERIFY(ask({{m_t0, m_t0 + minuteMs}, TimelineScope::global()})); // learns the labels
    QSignalSpy appended(m_source.get(), &models::TimelineSource::appended);
    core::AttemptRecord record;
    record.deliveryId = 99;
    record.attemptNumber = 1;
    record.connectionId = m_betaSlack;
    record.startedAtMs = m_t0 + 5 * minuteMs;
    record.endedAtMs = m_t0 + 5 * minuteMs + 50;
    record.httpStatus = 503;
    record.decision = u"retry"_s;
    record.waitMs = 5'000;
    m_source->addRecorded(record);
    QCOMPARE(appended.count(), 1);
    const auto data = appended.at(0).at(0).value<models::TimelineData>();
    QCOMPARE(data.attempts.size(), 1);
    QCOMPARE(data.attempts.at(0).connectionLabel, u"Beta LLC · slack"_s);
    QCOMPARE(data.attempts.at(0).waitCause, models::WaitCause::Backoff);
}

void TestStoreTimelineSource::inboundRatesPerSecond_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("which");
    // "connection:second offset:count" for each expected rate sample, in time order.
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("connection-github-handshake-and-out-of-range-left-out")
            << int(TimelineScope::Kind::Connection) << u"github"_s
            << QStringList{u"github:1:3"_s, u"github:2:1"_s};
    QTest::newRow("connection-slack")
            << int(TimelineScope::Kind::Connection) << u"slack"_s << QStringList{u"slack:1:1"_s};
    // Global: the connections the attempts in range name (both have attempts in it).
    QTest::newRow("global-both-connections")
            << int(TimelineScope::Kind::Global) << QString()
            << QStringList{u"github:1:3"_s, u"slack:1:1"_s, u"github:2:1"_s};
    // The tenant scope keeps Acme's connection only.
    QTest::newRow("tenant-acme") << int(TimelineScope::Kind::Tenant) << u"acme"_s
                                 << QStringList{u"github:1:3"_s, u"github:2:1"_s};
}

void TestStoreTimelineSource::inboundRatesPerSecond()
{
    QFETCH(int, kind);
    QFETCH(QString, which);
    QFETCH(QStringList, expected);
    const QHash<QString, qint64> ids{{u"acme"_s, m_acmeTenant},
                                     {u"github"_s, m_acmeGithub},
                                     {u"slack"_s, m_betaSlack}};
    const qint64 base = (m_t0 / 1000 + 1) * 1000; // a whole second after the first attempt
    // {connection, received at, handshake}
    struct Arrival
    {
        qint64 connection;
        qint64 atMs;
        bool handshake;
    };
    const QList<Arrival> arrivals{{m_acmeGithub, base + 1000, false},
                                  {m_acmeGithub, base + 1400, false},
                                  {m_acmeGithub, base + 1999, false},
                                  {m_acmeGithub, base + 1500, true}, // a handshake: not counted
                                  {m_acmeGithub, base + 2000, false},
                                  {m_betaSlack, base + 1700, false},
                                  {m_acmeGithub, base + 11 * minuteMs, false}}; // after the range
    WB_AWAIT_OK(stored, m_workspace->store->write([arrivals](core::SqlSession &session)
                                                          -> core::Result<int> {
        for (const Arrival &arrival : arrivals) {
            core::InboundEvent event;
            event.receivedAtMs = arrival.atMs;
            event.connectionId = arrival.connection;
            event.providerId = u"github"_s;
            event.request.method = "POST"_ba;
            event.request.body = "{}"_ba;
            event.bodySize = 2;
            event.handshake = arrival.handshake;
            event.verdict = core::InboundVerdict::Verified;
            event.verificationReason = u"ok"_s;
            event.responseStatus = 202;
            const auto inserted = core::InboundEventRepository::insert(session, event,
                                                                       u"connection:%1"_s.arg(
                                                                               arrival.connection));
            if (!inserted)
                return core::fail(inserted.error());
        }
        return int(arrivals.size());
    }));
    QCOMPARE(*stored, 7);

    TimelineScope scope;
    scope.kind = TimelineScope::Kind(kind);
    if (!which.isEmpty())
        scope.id = QString::number(ids.value(which));
    const auto data = ask({{m_t0, m_t0 + 10 * minuteMs}, scope});
    QVERIFY2(data, qPrintable(data ? QString() : data.error().message));
    QStringList got;
    for (const models::InboundRateSample &rate : data->inbound) {
        QCOMPARE(rate.secondStartMs % 1000, 0);
        const QString connection = rate.connectionId == QString::number(m_acmeGithub) ? u"github"_s
                                   : rate.connectionId == QString::number(m_betaSlack)
                                           ? u"slack"_s
                                           : rate.connectionId;
        got.append(u"%1:%2:%3"_s.arg(connection)
                           .arg((rate.secondStartMs - base) / 1000)
                           .arg(rate.count));
    }
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestStoreTimelineSource)
#include "tst_storetimelinesource.moc"
