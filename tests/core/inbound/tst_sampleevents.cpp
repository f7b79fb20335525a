// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in sample events of `wirebench-cli trigger` (resources/samples): every one parses,
// renders to a body of its content type, signs with its provider's scheme, verifies through the
// receiver's own examine(), and carries the account id where the profile's identity field looks
// for it; broken sample files are refused with the file and line.
#include "core/inbound/flow/inboundexaminer.h"
#include "core/inbound/trigger/samplecatalog.h"
#include "core/inbound/verification/signaturesigner.h"
#include "core/providers/providercatalog.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

class TestSampleEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInSamplesLoad();
    void everySampleVerifiesAndResolves_data();
    void everySampleVerifiesAndResolves();
    void defaultsWithoutAnAccount();
    void brokenSamples_data();
    void brokenSamples();
    void unknownEventNamesTheKnownOnes();
};

void TestSampleEvents::builtInSamplesLoad()
{
    const SampleCatalog catalog = SampleCatalog::load();
    QVERIFY2(catalog.issues().isEmpty(), qPrintable(catalog.issues().value(0).message));
    QVERIFY(catalog.samples(u"github").size() >= 3);
    // Every sample belongs to a provider of the built-in catalog.
    const ProviderCatalog providers = ProviderCatalog::load(QString());
    for (const QString &id :
         {u"github"_s, u"stripe"_s, u"slack"_s, u"shopify"_s, u"standard-webhooks"_s,
          u"generic-hmac"_s, u"zoom"_s, u"linear"_s, u"pagerduty"_s}) {
        QVERIFY2(!catalog.samples(id).isEmpty(), qPrintable(id));
        QVERIFY2(providers.find(id), qPrintable(id));
    }
}

void TestSampleEvents::everySampleVerifiesAndResolves_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("event");
    const SampleCatalog catalog = SampleCatalog::load();
    const ProviderCatalog providers = ProviderCatalog::load(QString());
    for (const ProviderProfile &profile : providers.profiles()) {
        for (const SampleEvent &sample : catalog.samples(profile.id)) {
            QTest::addRow("%s %s", qPrintable(profile.id), qPrintable(sample.event))
                    << profile.id << sample.event;
        }
    }
}

void TestSampleEvents::everySampleVerifiesAndResolves()
{
    QFETCH(QString, provider);
    QFETCH(QString, event);
    const SampleCatalog catalog = SampleCatalog::load();
    const ProviderCatalog providers = ProviderCatalog::load(QString());
    const ProviderProfile profile = *providers.profile(provider);
    const SampleEvent sample = *catalog.find(provider, event);
    QVERIFY(!sample.description.isEmpty());

    const qint64 now = 1'764'000'000'000; // 2025-11-24T16:00:00Z
    // An account id in the shape of the provider's own.
    const QByteArray account = provider == u"github" ? "7654321"_ba : "acct-from-mapping"_ba;
    const RenderedSample rendered
            = renderSample(sample, SampleValues{account, now, "6f1c2b3a-0000-4000-8000-00000000abcd",
                                                "1A2b3C4d5E6f7G8h9I0jK1lM"});
    QVERIFY2(!rendered.body.contains("{{"), rendered.body.constData());
    if (rendered.contentType.startsWith("application/json")) {
        QJsonParseError error;
        QJsonDocument::fromJson(rendered.body, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    }

    const QByteArray secret = provider == u"standard-webhooks"
                                      ? "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_ba
                                      : "sample-secret-1"_ba;
    ExaminationInput input;
    input.request.method = "POST";
    input.request.url = "http://127.0.0.1:8480/hooks/p/" + provider.toLatin1();
    input.request.headers = rendered.headers;
    input.request.body = rendered.body;
    if (!profile.signatureSchemes.isEmpty()) {
        SigningRequest signing;
        signing.url = input.request.url;
        signing.body = rendered.body;
        signing.contentType = rendered.contentType;
        signing.messageId = "msg_6f1c2b3a";
        signing.timestampMs = now;
        const Result<QList<ReceivedHeader>> signature = signRequest(profile.signatureSchemes.first(),
                                                                    {secret}, signing);
        QVERIFY2(signature, qPrintable(signature ? QString() : signature.error().message));
        input.request.headers += *signature;
    }
    input.profile = profile;
    input.providerId = provider;
    input.secrets = {secret};
    input.nowMs = now;
    input.maxDecodedBytes = 1 << 20;
    const Examination examination = examine(input);
    QVERIFY2(examination.verification.verified() || profile.signatureSchemes.isEmpty(),
             qPrintable(examination.explanation));
    if (!profile.identityFields.isEmpty()) {
        QCOMPARE(examination.identity.value, std::optional<QString>(QString::fromLatin1(account)));
        QCOMPARE(rendered.accountId, account);
    }
    if (!profile.eventTypeFields.isEmpty())
        QVERIFY2(!examination.eventType.isEmpty(), qPrintable(event));
}

void TestSampleEvents::defaultsWithoutAnAccount()
{
    const SampleEvent sample = *SampleCatalog::load().find(u"github", u"issues.opened");
    const RenderedSample rendered = renderSample(sample, SampleValues{{}, 0, "u", "e"});
    QCOMPARE(rendered.accountId, "12345678"_ba);
    QVERIFY(rendered.body.contains("\"installation\":{\"id\":12345678,"));
    QVERIFY(rendered.body.contains("\"created_at\":\"1970-01-01T00:00:00Z\""));
}

void TestSampleEvents::brokenSamples_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("no blank line")
            << "# description: d\n# source: s\nX-A: 1\n"_ba << u"line 3: no blank line"_s;
    QTest::newRow("bad header line") << "# description: d\n# source: s\nnot a header\n\n{}"_ba
                                     << u"line 3: expected 'Name: value'"_s;
    QTest::newRow("unknown placeholder")
            << "# description: d\n# source: s\n\n{\"a\":\"{{tenant_name}}\"}"_ba
            << u"unknown placeholder {{tenant_name}}"_s;
    QTest::newRow("no description")
            << "# source: s\nX-A: 1\n\n{}"_ba << u"needs '# description:' and '# source:'"_s;
}

void TestSampleEvents::brokenSamples()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const Result<SampleEvent> parsed = parseSample(text, u"acme"_s, u"x"_s, u"acme/x.sample"_s);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, u"sample.invalid"_s);
    QVERIFY2(parsed.error().message.startsWith(u"acme/x.sample, line "_s),
             qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
}

void TestSampleEvents::unknownEventNamesTheKnownOnes()
{
    const SampleCatalog catalog = SampleCatalog::load();
    const Result<SampleEvent> unknown = catalog.find(u"github", u"star.created");
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, u"sample.unknown_event"_s);
    QCOMPARE(unknown.error().message,
             u"no sample event \"star.created\" for github (known: issues.opened, ping, push)"_s);
    QCOMPARE(catalog.find(u"asana", u"x").error().message,
             u"there are no sample events for the provider \"asana\" yet"_s);
}

QTEST_GUILESS_MAIN(TestSampleEvents)
#include "tst_sampleevents.moc"
