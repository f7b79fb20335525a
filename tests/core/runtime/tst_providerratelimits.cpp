// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatch engine reads each provider's rate-limit headers as its profile names them, over the
// built-in preset of the same name (core/runtime/providerratelimits.h).
#include "core/providers/providercatalog.h"
#include "core/runtime/providerratelimits.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

class TestProviderRateLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInProfiles_data();
    void builtInProfiles();
    void unknownProviderIsGeneric();
    void epochMillisecondResetIsLeftOut();
};

void TestProviderRateLimits::builtInProfiles_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QByteArray>("limitField");
    QTest::addColumn<QByteArray>("remainingField");
    QTest::addColumn<QByteArray>("resetField");
    QTest::addColumn<int>("resetUnit");
    // A field only the preset knows, and its expected value.
    QTest::addColumn<QByteArray>("presetOnlyField");

    // Profile fields in lower case, as GitHub's docs write them; body markers from the preset.
    QTest::newRow("github: epoch seconds")
            << u"github"_s << "x-ratelimit-limit"_ba
            << "x-ratelimit-remaining"_ba
            << "x-ratelimit-reset"_ba << int(ResetUnit::EpochSeconds) << "rate limit"_ba;
    QTest::newRow("jira: ISO 8601 reset")
            << u"jira"_s << "X-RateLimit-Limit"_ba
            << "X-RateLimit-Remaining"_ba
            << "X-RateLimit-Reset"_ba << int(ResetUnit::Iso8601) << QByteArray();
    // The profile names Reset-After as the reset field, in delta seconds; the preset's
    // resetAfterField stays.
    QTest::newRow("discord: reset after, delta seconds")
            << u"discord"_s << "X-RateLimit-Limit"_ba
            << "X-RateLimit-Remaining"_ba
            << "X-RateLimit-Reset-After"_ba << int(ResetUnit::DeltaSeconds)
            << "X-RateLimit-Reset-After"_ba;
    // HubSpot's profile has no reset header: the preset's window field carries the quota.
    QTest::newRow("hubspot: window from the preset")
            << u"hubspot"_s << "X-HubSpot-RateLimit-Max"_ba
            << "X-HubSpot-RateLimit-Remaining"_ba << QByteArray() << int(ResetUnit::DeltaSeconds)
            << "X-HubSpot-RateLimit-Interval-Milliseconds"_ba;
    QTest::newRow("stripe: Stripe-Should-Retry from the preset")
            << u"stripe"_s << QByteArray() << QByteArray() << QByteArray()
            << int(ResetUnit::DeltaSeconds) << "Stripe-Should-Retry"_ba;
    QTest::newRow("pagerduty: lower-case IETF draft names")
            << u"pagerduty"_s << "ratelimit-limit"_ba
            << "ratelimit-remaining"_ba
            << "ratelimit-reset"_ba << int(ResetUnit::DeltaSeconds) << QByteArray();
}

void TestProviderRateLimits::builtInProfiles()
{
    QFETCH(QString, provider);
    QFETCH(QByteArray, limitField);
    QFETCH(QByteArray, remainingField);
    QFETCH(QByteArray, resetField);
    QFETCH(int, resetUnit);
    QFETCH(QByteArray, presetOnlyField);

    const ProviderCatalog catalog = ProviderCatalog::load(QString());
    QVERIFY2(catalog.find(provider), qPrintable(provider));
    const RateLimitHeaderSpec spec = headerSpecsFrom(catalog)(provider);
    QCOMPARE(spec.name, provider);
    QCOMPARE(spec.limitField, limitField);
    QCOMPARE(spec.remainingField, remainingField);
    QCOMPARE(spec.resetField, resetField);
    if (!resetField.isEmpty())
        QCOMPARE(int(spec.resetUnit), resetUnit);
    if (provider == u"github")
        QVERIFY(spec.rateLimitBodyMarkers.contains(presetOnlyField));
    else if (provider == u"discord")
        QCOMPARE(spec.resetAfterField, presetOnlyField);
    else if (provider == u"hubspot")
        QCOMPARE(spec.windowMsField, presetOnlyField);
    else if (provider == u"stripe")
        QCOMPARE(spec.shouldRetryField, presetOnlyField);
}

void TestProviderRateLimits::unknownProviderIsGeneric()
{
    const ProviderCatalog catalog = ProviderCatalog::load(QString());
    const RateLimitHeaderSpec spec = headerSpecsFrom(catalog)(u"acme-erp"_s);
    QCOMPARE(spec, RateLimitHeaderSpec{});
    QCOMPARE(spec.name, u"generic"_s);
}

void TestProviderRateLimits::epochMillisecondResetIsLeftOut()
{
    QFile builtIn(u":/providers/generic-hmac.json"_s);
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    QJsonObject profile = QJsonDocument::fromJson(builtIn.readAll()).object();
    profile.insert(u"id"_s, u"in-house"_s);
    profile.insert(u"rate_limits"_s, QJsonObject{{u"limit_header"_s, u"X-Quota-Limit"_s},
                                                 {u"remaining_header"_s, u"X-Quota-Left"_s},
                                                 {u"reset_header"_s, u"X-Quota-Reset-Ms"_s},
                                                 {u"reset_unit"_s, u"epoch_milliseconds"_s}});
    QTemporaryDir userFolder;
    QVERIFY(userFolder.isValid());
    QFile file(userFolder.filePath(u"in-house.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(profile).toJson());
    file.close();

    const ProviderCatalog catalog = ProviderCatalog::load(userFolder.path());
    QVERIFY2(catalog.issues().isEmpty(),
             catalog.issues().isEmpty() ? "" : qPrintable(catalog.issues().first().error.message));
    const RateLimitHeaderSpec spec = headerSpecsFrom(catalog)(u"in-house"_s);
    QCOMPARE(spec.limitField, "X-Quota-Limit"_ba);
    QCOMPARE(spec.remainingField, "X-Quota-Left"_ba);
    QCOMPARE(spec.resetField, QByteArray());
}

QTEST_GUILESS_MAIN(TestProviderRateLimits)
#include "tst_providerratelimits.moc"
