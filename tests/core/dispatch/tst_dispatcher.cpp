// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatch engine delivering over real HTTP to the scripted sink, on a manual clock with the
// jitter scripted (u = 0.5): every attempt's outcome, decision and wait asserted exactly, and what
// the receiver got (idempotency key, signature, token).
#include "dispatchharness.h"

#include "core/dispatch/httpdate.h"
#include "core/dispatch/standardwebhookssigner.h"
#include "support/nodepeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace wb::core;
using namespace wb::test;
using namespace Qt::StringLiterals;

namespace {

// Sunday 2025-03-02 14:00:10 UTC.
const qint64 kNow = QDateTime(QDate(2025, 3, 2), QTime(14, 0, 10), Qt::UTC).toMSecsSinceEpoch();
using Answer = ScriptedSink::Answer;

struct Expected
{
    QString outcome;  // "503" or an error kind
    QString decision; // decisionKindCode
    qint64 waitMs = 0;
    qint64 retryAfterMs = -1; // -1: no valid Retry-After
};

QString outcomeOf(const AttemptRecord &attempt)
{
    return attempt.httpStatus ? QString::number(*attempt.httpStatus) : attempt.errorKind;
}

AttemptRecord recorded(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<AttemptRecord>();
}

} // namespace

Q_DECLARE_METATYPE(Expected)
Q_DECLARE_METATYPE(ScriptedSink::Answer)

class TestDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deliversThroughScriptedAnswers_data();
    void deliversThroughScriptedAnswers();
    void signsEachAttemptAfresh();
    void signsTheOfficialVector();
    void missingSigningSecretIsAnAttempt();
    void refreshesTheTokenOnceAfter401_data();
    void refreshesTheTokenOnceAfter401();
    void disablesTheConnectionOn410();
    void retriesADnsFailure();
};

void TestDispatcher::initTestCase()
{
    qRegisterMetaType<AttemptRecord>();
    qRegisterMetaType<DeliveryState>();
}

void TestDispatcher::deliversThroughScriptedAnswers_data()
{
    QTest::addColumn<QList<Answer>>("answers");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QList<Expected>>("expected");
    QTest::addColumn<QString>("finalState");

    const Answer ok = Answer::respond(204);
    QTest::newRow("204-succeeds") << QList<Answer>{ok} << QString()
                                  << QList<Expected>{{u"204"_s, u"succeeded"_s}} << u"succeeded"_s;
    QTest::newRow("503-then-204") << QList<Answer>{Answer::respond(503), ok} << QString()
                                  << QList<Expected>{{u"503"_s, u"retry"_s, 2'500},
                                                     {u"204"_s, u"succeeded"_s}}
                                  << u"succeeded"_s;
    QTest::newRow("429-retry-after-delay-seconds")
            << QList<Answer>{Answer::respond(429, {{"Retry-After", "120"}}), ok} << QString()
            << QList<Expected>{{u"429"_s, u"rate_limited"_s, 120'000, 120'000},
                               {u"204"_s, u"succeeded"_s}}
            << u"succeeded"_s;
    QTest::newRow("429-retry-after-http-date")
            << QList<Answer>{Answer::respond(429, {{"Retry-After", formatHttpDate(kNow + 90'000)}}),
                             ok}
            << QString()
            << QList<Expected>{{u"429"_s, u"rate_limited"_s, 90'000, 90'000},
                               {u"204"_s, u"succeeded"_s}}
            << u"succeeded"_s;
    QTest::newRow("429-retry-after-rfc850")
            << QList<Answer>{Answer::respond(429, {{"Retry-After",
                                                    formatHttpDate(kNow + 60'000,
                                                                   HttpDateForm::Rfc850)}}),
                             ok}
            << QString()
            << QList<Expected>{{u"429"_s, u"rate_limited"_s, 60'000, 60'000},
                               {u"204"_s, u"succeeded"_s}}
            << u"succeeded"_s;
    QTest::newRow("429-retry-after-asctime")
            << QList<Answer>{Answer::respond(429, {{"Retry-After",
                                                    formatHttpDate(kNow + 300'000,
                                                                   HttpDateForm::Asctime)}}),
                             ok}
            << QString()
            << QList<Expected>{{u"429"_s, u"rate_limited"_s, 300'000, 300'000},
                               {u"204"_s, u"succeeded"_s}}
            << u"succeeded"_s;
    QTest::newRow("429-retry-after-negative-uses-backoff")
            << QList<Answer>{Answer::respond(429, {{"Retry-After", "-5"}}), ok} << QString()
            << QList<Expected>{{u"429"_s, u"rate_limited"_s, 2'500}, {u"204"_s, u"succeeded"_s}}
            << u"succeeded"_s;
    QTest::newRow("503-absurd-retry-after-capped")
            << QList<Answer>{Answer::respond(503, {{"Retry-After", "999999"}}), ok}
            << uR"({"basedOn":"default","retryAfterCapMs":60000})"_s
            << QList<Expected>{{u"503"_s, u"retry"_s, 60'000, 60'000}, {u"204"_s, u"succeeded"_s}}
            << u"succeeded"_s;
    QTest::newRow("403-rate-limit-headers")
            << QList<Answer>{Answer::respond(403, {{"X-RateLimit-Limit", "60"},
                                                   {"X-RateLimit-Remaining", "0"},
                                                   {"X-RateLimit-Reset", "30"}}),
                             ok}
            << QString()
            << QList<Expected>{{u"403"_s, u"rate_limited"_s, 30'000}, {u"204"_s, u"succeeded"_s}}
            << u"succeeded"_s;
    QTest::newRow("301-fails-not-followed")
            << QList<Answer>{Answer::respond(301, {{"Location", "/elsewhere"}})} << QString()
            << QList<Expected>{{u"301"_s, u"failed"_s}} << u"failed"_s;
    QTest::newRow("400-fails") << QList<Answer>{Answer::respond(400)} << QString()
                               << QList<Expected>{{u"400"_s, u"failed"_s}} << u"failed"_s;
    QTest::newRow("410-fails-and-disables")
            << QList<Answer>{Answer::respond(410)} << QString()
            << QList<Expected>{{u"410"_s, u"destination_disabled"_s}} << u"failed"_s;
    QTest::newRow("hang-times-out-then-204")
            << QList<Answer>{Answer::hang(), ok} << QString()
            << QList<Expected>{{u"timeout"_s, u"retry"_s, 2'500}, {u"204"_s, u"succeeded"_s}}
            << u"succeeded"_s;
    QTest::newRow("reset-then-204") << QList<Answer>{Answer::reset(), ok} << QString()
                                    << QList<Expected>{{u"connection_reset"_s, u"retry"_s, 2'500},
                                                       {u"204"_s, u"succeeded"_s}}
                                    << u"succeeded"_s;
    QTest::newRow("closed-without-answer-then-204")
            << QList<Answer>{Answer::close(), ok} << QString()
            << QList<Expected>{{u"connection_reset"_s, u"retry"_s, 2'500},
                               {u"204"_s, u"succeeded"_s}}
            << u"succeeded"_s;
    QTest::newRow("dead-after-the-last-attempt")
            << QList<Answer>{Answer::respond(503), Answer::respond(502)}
            << uR"({"basedOn":"default","maxAttempts":2})"_s
            << QList<Expected>{{u"503"_s, u"retry"_s, 2'500}, {u"502"_s, u"dead"_s}} << u"dead"_s;
    QTest::newRow("svix-preset-429-waits-a-minute")
            << QList<Answer>{Answer::respond(429), ok} << u"svix"_s
            << QList<Expected>{{u"429"_s, u"rate_limited"_s, 60'000}, {u"204"_s, u"succeeded"_s}}
            << u"succeeded"_s;
}

void TestDispatcher::deliversThroughScriptedAnswers()
{
    QFETCH(QList<Answer>, answers);
    QFETCH(QString, policy);
    QFETCH(QList<Expected>, expected);
    QFETCH(QString, finalState);

    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.play(answers);
    DispatcherOptions options = DispatchHarness::testOptions();
    options.attemptTimeoutMs = 500; // the "hang" row waits for it
    QVERIFY2(h.startDispatcher(options), qPrintable(h.error));
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    QSignalSpy finishedSpy(h.dispatcher.get(), &Dispatcher::deliveryFinished);

    NewDelivery delivery = h.toSink();
    delivery.retryPolicy = policy;
    const Result<Delivery> queued = h.enqueue(delivery);
    QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().message));

    qint64 at = kNow;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(recordedSpy.count(), i + 1, 10'000);
        const AttemptRecord attempt = recorded(recordedSpy, i);
        const Expected &want = expected.at(i);
        QCOMPARE(attempt.deliveryId, queued->id);
        QCOMPARE(attempt.attemptNumber, int(i + 1));
        QCOMPARE(outcomeOf(attempt), want.outcome);
        QCOMPARE(attempt.decision, want.decision);
        QCOMPARE(attempt.waitMs, want.waitMs);
        QCOMPARE(attempt.retryAfterMs.value_or(-1), want.retryAfterMs);
        QCOMPARE(attempt.workerId, u"test-worker"_s);
        QCOMPARE(attempt.startedAtMs, at);
        QCOMPARE(attempt.endedAtMs, at);
        const bool waits = want.decision == u"retry" || want.decision == u"rate_limited";
        QCOMPARE(attempt.nextAttemptAtMs.value_or(-1), waits ? at + want.waitMs : -1);
        if (waits) {
            // Parked in the queue until then, with no attempt running.
            const Result<Delivery> parked = h.reload(queued->id);
            QVERIFY(parked);
            QCOMPARE(parked->state, DeliveryState::Pending);
            QCOMPARE(parked->nextAttemptAtMs, at + want.waitMs);
            QCOMPARE(parked->attemptCount, int(i + 1));
            at += want.waitMs;
            h.clock.setNowMs(at);
            h.dispatcher->wake();
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, 10'000);
    QCOMPARE(finishedSpy.first().at(0).toLongLong(), queued->id);

    const Result<Delivery> done = h.reload(queued->id);
    QVERIFY(done);
    QCOMPARE(nameOf(done->state), finalState);
    QCOMPARE(done->attemptCount, int(expected.size()));
    QCOMPARE(done->lastDecision, expected.last().decision);
    const Result<QList<AttemptRecord>> log = h.attempts(queued->id);
    QVERIFY(log);
    QCOMPARE(log->size(), expected.size());
    for (qsizetype i = 0; i < log->size(); ++i)
        QCOMPARE(log->at(i), recorded(recordedSpy, i)); // what was signalled is what is stored

    // One request per attempt (a redirect is not followed, QNAM re-sends nothing), each with the
    // delivery's idempotency key and exact body.
    QCOMPARE(h.sink.requests().size(), expected.size());
    for (const ScriptedSink::Request &request : h.sink.requests()) {
        QCOMPARE(request.target, "/hook"_ba);
        QCOMPARE(request.headers.value("Idempotency-Key"), queued->idempotencyKey.toLatin1());
        QCOMPARE(request.body, delivery.body);
    }
    QCOMPARE(h.dispatcher->attemptsInFlight(), 0);
}

void TestDispatcher::signsEachAttemptAfresh()
{
    if (!NodePeer::available())
        QSKIP("npm peers missing: cd tests/peers && npm ci --no-audit --no-fund");
    // The real clock's time: the reference verifier checks the timestamp against it (±5 min).
    const qint64 start = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    DispatchHarness h(start);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.play({Answer::respond(503), Answer::respond(204)});
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    const qint64 connectionId = h.addConnection(u"acme"_s);
    QVERIFY2(connectionId > 0, qPrintable(h.error));
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);

    NewDelivery delivery = h.toSink(connectionId);
    delivery.signing = DeliverySigning::StandardWebhooks;
    delivery.idempotencyKey = u"msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"_s;
    QVERIFY(h.enqueue(delivery));
    QTRY_COMPARE(recordedSpy.count(), 1);
    h.clock.advanceMs(2'500);
    h.dispatcher->wake();
    QTRY_COMPARE(recordedSpy.count(), 2);
    QCOMPARE(recorded(recordedSpy, 1).decision, u"succeeded"_s);

    QCOMPARE(h.sink.requests().size(), 2);
    QJsonArray requests;
    for (qsizetype i = 0; i < 2; ++i) {
        const ScriptedSink::Request &request = h.sink.requests().at(i);
        QCOMPARE(request.headers.value("webhook-id"), "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"_ba);
        QCOMPARE(request.headers.value("Idempotency-Key"), "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"_ba);
        QCOMPARE(request.headers.value("Authorization"), "Bearer first-token"_ba);
        const qint64 sentAt = start + (i == 0 ? 0 : 2'500);
        QCOMPARE(request.headers.value("webhook-timestamp"), QByteArray::number(sentAt / 1000));
        QJsonObject headers;
        for (const auto &[name, value] : request.headers.fields())
            headers.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        requests.append(
                QJsonObject{{u"headers"_s, headers},
                            {u"bodyBase64"_s, QString::fromLatin1(request.body.toBase64())}});
    }
    // Re-signed: a new timestamp gives a new signature for the same id and body.
    QVERIFY(h.sink.requests().at(0).headers.value("webhook-signature")
            != h.sink.requests().at(1).headers.value("webhook-signature"));
    // A tampered copy must fail, or the verifier proves nothing.
    QJsonObject tampered = requests.at(0).toObject();
    tampered.insert(u"bodyBase64"_s, QString::fromLatin1(QByteArray(R"({"type":"x"})").toBase64()));
    requests.append(tampered);

    NodePeer peer;
    const QByteArray output
            = peer.run(u"standardwebhooks-verify.mjs"_s, {},
                       QJsonDocument(QJsonObject{{u"secret"_s,
                                                  QString::fromLatin1(h.credentials.signingSecret)},
                                                 {u"requests"_s, requests}})
                               .toJson(QJsonDocument::Compact));
    QVERIFY2(!output.isEmpty(), qPrintable(peer.errorString()));
    const QJsonArray results = QJsonDocument::fromJson(output).object().value(u"results"_s).toArray();
    QCOMPARE(results.size(), 3);
    const QJsonObject verified{{u"ok"_s, true}};
    QCOMPARE(results.at(0).toObject(), verified);
    QCOMPARE(results.at(1).toObject(), verified);
    QCOMPARE(results.at(2).toObject().value(u"error"_s).toString(),
             u"No matching signature found"_s);
}

void TestDispatcher::signsTheOfficialVector()
{
    // tests/fixtures/providers/test_vectors.json "standard-webhooks-sign" (standard-webhooks
    // libraries' TestWebhookSign).
    const auto key = standardwebhooks::decodeSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    QVERIFY(key);
    QCOMPARE(standardwebhooks::sign(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                                    R"({"test": 2432232314})"),
             "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="_ba);
    const auto bad = standardwebhooks::decodeSecret("whsec_not base64!");
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, u"signing.bad_secret"_s);
    QVERIFY(!bad.error().message.contains(u"not base64!"_s));
}

void TestDispatcher::missingSigningSecretIsAnAttempt()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.credentials.failSecret = true;
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    const qint64 connectionId = h.addConnection(u"acme"_s);
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    NewDelivery delivery = h.toSink(connectionId);
    delivery.signing = DeliverySigning::StandardWebhooks;
    QVERIFY(h.enqueue(delivery));
    QTRY_COMPARE(recordedSpy.count(), 1);
    const AttemptRecord attempt = recorded(recordedSpy, 0);
    QCOMPARE(attempt.errorKind, u"credentials"_s);
    QCOMPARE(attempt.errorDetail,
             u"no webhook signing secret (primary) of connection %1"_s.arg(connectionId));
    QCOMPARE(attempt.decision, u"retry"_s);
    QCOMPARE(attempt.waitMs, 2'500);
    QCOMPARE(h.sink.requests().size(), 0); // nothing unsigned went out
}

void TestDispatcher::refreshesTheTokenOnceAfter401_data()
{
    QTest::addColumn<QList<Answer>>("answers");
    QTest::addColumn<bool>("refreshSucceeds");
    QTest::addColumn<QStringList>("decisions");
    QTest::addColumn<QString>("lastReason");
    QTest::addColumn<QList<QByteArray>>("tokensSent");

    QTest::newRow("401-refresh-then-204")
            << QList<Answer>{Answer::respond(401), Answer::respond(204)} << true
            << QStringList{u"refresh_and_retry"_s, u"succeeded"_s} << u"204"_s
            << QList<QByteArray>{"Bearer first-token", "Bearer refreshed-token"};
    QTest::newRow("401-twice-fails")
            << QList<Answer>{Answer::respond(401), Answer::respond(401)} << true
            << QStringList{u"refresh_and_retry"_s, u"failed"_s}
            << u"401, again after a token refresh: not retried"_s
            << QList<QByteArray>{"Bearer first-token", "Bearer refreshed-token"};
    QTest::newRow("refresh-rejected-fails")
            << QList<Answer>{Answer::respond(401)} << false << QStringList{u"failed"_s}
            << u"401, refreshing the access token, then one retry, token refresh failed "
               u"(oauth.refresh_rejected): invalid_grant: the refresh token was revoked"_s
            << QList<QByteArray>{"Bearer first-token"};
}

void TestDispatcher::refreshesTheTokenOnceAfter401()
{
    QFETCH(QList<Answer>, answers);
    QFETCH(bool, refreshSucceeds);
    QFETCH(QStringList, decisions);
    QFETCH(QString, lastReason);
    QFETCH(QList<QByteArray>, tokensSent);

    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.play(answers);
    h.refresher.succeed = refreshSucceeds;
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    const qint64 connectionId = h.addConnection(u"hubspot"_s);
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    QSignalSpy finishedSpy(h.dispatcher.get(), &Dispatcher::deliveryFinished);
    const Result<Delivery> queued = h.enqueue(h.toSink(connectionId));
    QVERIFY(queued);
    QTRY_COMPARE(finishedSpy.count(), 1);

    QStringList seen;
    for (qsizetype i = 0; i < recordedSpy.count(); ++i)
        seen.append(recorded(recordedSpy, i).decision);
    QCOMPARE(seen, decisions);
    QCOMPARE(recorded(recordedSpy, recordedSpy.count() - 1).reason, lastReason);
    QCOMPARE(recorded(recordedSpy, 0).waitMs, 0);
    QCOMPARE(h.refresher.calls, QList<qint64>{connectionId}); // once, whatever happens
    QList<QByteArray> sent;
    for (const ScriptedSink::Request &request : h.sink.requests())
        sent.append(request.headers.value("Authorization"));
    QCOMPARE(sent, tokensSent);
    const Result<Delivery> done = h.reload(queued->id);
    QVERIFY(done);
    QVERIFY(done->tokenRefreshed);
}

void TestDispatcher::disablesTheConnectionOn410()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.play({Answer::respond(410)});
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    const qint64 connectionId = h.addConnection(u"acme"_s);
    QSignalSpy finishedSpy(h.dispatcher.get(), &Dispatcher::deliveryFinished);
    QVERIFY(h.enqueue(h.toSink(connectionId)));
    QTRY_COMPARE(finishedSpy.count(), 1);
    QTRY_VERIFY(h.connection(connectionId)->status == ConnectionStatus::Disabled);

    // A later delivery to the disabled connection waits, while one queued after it to an ad-hoc
    // URL goes out: the queue skips the connection, it is not stuck behind it.
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    const Result<Delivery> later = h.enqueue(h.toSink(connectionId));
    QVERIFY(later);
    const Result<Delivery> adHoc = h.enqueue(h.toSink());
    QVERIFY(adHoc);
    QTRY_COMPARE(recordedSpy.count(), 1);
    QCOMPARE(recorded(recordedSpy, 0).deliveryId, adHoc->id);
    QCOMPARE(h.sink.requests().size(), 2);
    QCOMPARE(h.reload(later->id)->state, DeliveryState::Pending);
    QCOMPARE(h.reload(later->id)->attemptCount, 0);
}

void TestDispatcher::retriesADnsFailure()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    NewDelivery delivery = h.toSink();
    // ".invalid" never resolves (RFC 6761 §6.4).
    delivery.url = QUrl(u"http://wirebench-dispatch-test.invalid/hook"_s);
    const Result<Delivery> queued = h.enqueue(delivery);
    QVERIFY(queued);
    QTRY_COMPARE_WITH_TIMEOUT(recordedSpy.count(), 1, 10'000);
    const AttemptRecord attempt = recorded(recordedSpy, 0);
    QCOMPARE(attempt.errorKind, u"dns"_s);
    QCOMPARE(attempt.httpStatus, std::nullopt);
    QCOMPARE(attempt.decision, u"retry"_s);
    QCOMPARE(attempt.waitMs, 2'500);
    QCOMPARE(h.reload(queued->id)->state, DeliveryState::Pending);
}

QTEST_GUILESS_MAIN(TestDispatcher)
#include "tst_dispatcher.moc"
