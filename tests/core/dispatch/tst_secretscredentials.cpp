// SPDX-License-Identifier: GPL-3.0-or-later
// SecretsConnectionCredentials: the dispatcher's credentials from the workspace's connection
// secrets, end to end: a token and a signing secret stored through ConnectionSecrets reach the
// receiver as "Authorization: Bearer …" and a Standard Webhooks signature; a connection without a
// token sends none; a missing signing secret is a credentials error and nothing is sent.
#include "dispatchharness.h"

#include "core/dispatch/standardwebhookssigner.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretstore.h"
#include "support/futures.h"

#include <QMap>
#include <QSignalSpy>
#include <QTest>

using namespace wb::core;
using namespace wb::test;
using namespace Qt::StringLiterals;

namespace {

const qint64 kNow = QDateTime(QDate(2025, 3, 2), QTime(14, 0, 10), Qt::UTC).toMSecsSinceEpoch();

// Values in a map, futures ready at once (the keychain backend has its own suite).
class MemorySecretStore final : public SecretStore
{
public:
    QMap<QString, QByteArray> values;

    QString backendName() const override { return u"keychain"_s; }
    QString keyName(const SecretKey &key) const override
    {
        return u"mem/%1/%2/%3"_s.arg(key.connectionId).arg(nameOf(key.kind), nameOf(key.slot));
    }
    QFuture<Result<void>> write(const SecretKey &key, const QByteArray &value) override
    {
        values.insert(keyName(key), value);
        return QtFuture::makeReadyFuture(Result<void>());
    }
    QFuture<Result<QByteArray>> read(const SecretKey &key) override
    {
        if (!values.contains(keyName(key)))
            return QtFuture::makeReadyFuture(
                    Result<QByteArray>(fail(u"secrets.not_found"_s, u"not in memory"_s)));
        return QtFuture::makeReadyFuture(Result<QByteArray>(values.value(keyName(key))));
    }
    QFuture<Result<void>> remove(const SecretKey &key) override
    {
        values.remove(keyName(key));
        return QtFuture::makeReadyFuture(Result<void>());
    }
};

} // namespace

class TestSecretsCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void credentialsComeFromConnectionSecrets();
};

void TestSecretsCredentials::initTestCase()
{
    qRegisterMetaType<AttemptRecord>();
    qRegisterMetaType<DeliveryState>();
}

void TestSecretsCredentials::credentialsComeFromConnectionSecrets()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    MemorySecretStore backend;
    ConnectionSecrets secrets(*h.store, backend);
    SecretsConnectionCredentials credentials(secrets);
    h.credentialsOverride = &credentials;
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));

    const qint64 withToken = h.addConnection(u"acme"_s);
    const qint64 withoutToken = h.addConnection(u"acme"_s);
    QVERIFY2(withToken > 0 && withoutToken > 0, qPrintable(h.error));
    WB_AWAIT_OK(token,
                secrets.put(SecretKey{withToken, SecretKind::AccessToken, SecretSlot::Primary},
                            "tok-123"));
    WB_AWAIT_OK(signing, secrets.put(SecretKey{withToken, SecretKind::WebhookSigningSecret,
                                               SecretSlot::Primary},
                                     "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    NewDelivery signedDelivery = h.toSink(withToken);
    signedDelivery.signing = DeliverySigning::StandardWebhooks;
    signedDelivery.idempotencyKey = u"msg_p5jXN8AQM9LWM0D4loKWxJek"_s;
    QVERIFY(h.enqueue(signedDelivery));
    QTRY_COMPARE(recordedSpy.count(), 1);
    QCOMPARE(recordedSpy.at(0).at(0).value<AttemptRecord>().decision, u"succeeded"_s);
    QCOMPARE(h.sink.requests().size(), 1);
    const ScriptedSink::Request &sent = h.sink.requests().at(0);
    QCOMPARE(sent.headers.value("Authorization"), "Bearer tok-123"_ba);
    const auto key = standardwebhooks::decodeSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    QVERIFY(key);
    QCOMPARE(sent.headers.value("webhook-signature"),
             standardwebhooks::sign(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek", kNow / 1000,
                                    signedDelivery.body));

    // No token stored: the request goes without Authorization.
    QVERIFY(h.enqueue(h.toSink(withoutToken)));
    QTRY_COMPARE(recordedSpy.count(), 2);
    QCOMPARE(recordedSpy.at(1).at(0).value<AttemptRecord>().decision, u"succeeded"_s);
    QCOMPARE(h.sink.requests().size(), 2);
    QVERIFY(!h.sink.requests().at(1).headers.contains("Authorization"));

    // Signing without a stored secret: a credentials error, retried later, nothing sent.
    NewDelivery unsignable = h.toSink(withoutToken);
    unsignable.signing = DeliverySigning::StandardWebhooks;
    QVERIFY(h.enqueue(unsignable));
    QTRY_COMPARE(recordedSpy.count(), 3);
    const AttemptRecord failed = recordedSpy.at(2).at(0).value<AttemptRecord>();
    QCOMPARE(failed.errorKind, u"credentials"_s);
    QCOMPARE(failed.decision, u"retry"_s);
    QCOMPARE(h.sink.requests().size(), 2);
    // The secret's value never reaches the attempt log.
    QVERIFY(!failed.errorDetail.contains(u"whsec_"_s));
}

QTEST_GUILESS_MAIN(TestSecretsCredentials)
#include "tst_secretscredentials.moc"
