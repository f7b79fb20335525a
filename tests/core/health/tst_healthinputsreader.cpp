// SPDX-License-Identifier: GPL-3.0-or-later
// What a health round reads from the workspace: every connection's registrations, passive
// signals and OAuth credential facts, each read once for all connections and handed to the
// connection it belongs to.
#include "healthtestbed.h"

#include "core/health/healthinputsreader.h"

#include "support/futures.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {
constexpr qint64 minute = 60'000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 now = wb::test::HealthTestbed::startMs;

const HealthInputs *inputsOf(const QList<HealthInputs> &all, qint64 connectionId)
{
    for (const HealthInputs &inputs : all) {
        if (inputs.connection.id == connectionId)
            return &inputs;
    }
    return nullptr;
}

QStringList externalIds(const HealthInputs &inputs)
{
    QStringList ids;
    for (const Registration &registration : inputs.registrations)
        ids << registration.externalId;
    return ids;
}
} // namespace

class TestHealthInputsReader : public QObject
{
    Q_OBJECT

private:
    // Three connections of the testbed's tenant:
    // GitHub: two hooks, an OAuth credential whose client asks for its own scope, two events;
    // Stripe: one endpoint, no OAuth credential, no events;
    // Slack: no registration, an OAuth credential without a client scope (the profile's defaults).
    struct Workspace
    {
        wb::test::HealthTestbed bed;
        qint64 github = 0;
        qint64 stripe = 0;
        qint64 slack = 0;

        bool addRegistration(qint64 connectionId, const QString &externalId)
        {
            Registration registration;
            registration.connectionId = connectionId;
            registration.externalId = externalId;
            registration.origin = RegistrationOrigin::Manual;
            return bed.addRegistration(registration).id > 0;
        }

        bool fill()
        {
            if (!bed.ok())
                return false;
            github = bed.addConnection(u"github"_s, QUrl());
            stripe = bed.addConnection(u"stripe"_s, QUrl());
            slack = bed.addConnection(u"slack"_s, QUrl());
            return github > 0 && stripe > 0 && slack > 0 && addRegistration(github, u"11"_s)
                   && addRegistration(stripe, u"we_1"_s) && addRegistration(github, u"12"_s)
                   && bed.addOAuthCredential(
                           github, u"repo,admin:repo_hook"_s, now + hour, true,
                           R"({"profile":"github","client_id":"c","scope":"repo admin:repo_hook"})"_ba)
                   && bed.addOAuthCredential(slack, u"chat:write"_s, now + 2 * hour, false,
                                             R"({"profile":"slack","client_id":"s"})"_ba)
                   && bed.addEvents(github, {now - 2 * minute, now - minute});
        }

        // readHealthInputs, or readRegistrationInputs when `registrationsOnly`.
        Result<QList<HealthInputs>> read(std::optional<qint64> connectionId = std::nullopt,
                                         bool registrationsOnly = false)
        {
            auto future = bed.store().read([connectionId, registrationsOnly](SqlSession &session) {
                return registrationsOnly ? readRegistrationInputs(session, connectionId)
                                         : readHealthInputs(session, connectionId);
            });
            if (!wb::test::waitForFinished(future))
                return fail(u"test.timeout"_s, u"the read did not finish"_s);
            return future.result();
        }
    };

private slots:
    void everyConnectionGetsItsOwnInputs()
    {
        Workspace w;
        QVERIFY2(w.fill(), qPrintable(w.bed.error()));
        const Result<QList<HealthInputs>> all = w.read();
        QVERIFY2(all.has_value(), qPrintable(all ? QString() : all.error().message));
        QCOMPARE(all->size(), 3);
        QVERIFY(all->at(0).connection.id < all->at(1).connection.id);
        QVERIFY(all->at(1).connection.id < all->at(2).connection.id);

        const HealthInputs *github = inputsOf(*all, w.github);
        QVERIFY(github);
        QCOMPARE(externalIds(*github), (QStringList{u"11"_s, u"12"_s}));
        QCOMPARE(github->credentials.grantedScopes, (QStringList{u"repo"_s, u"admin:repo_hook"_s}));
        QCOMPARE(github->credentials.requestedScopes,
                 (QStringList{u"repo"_s, u"admin:repo_hook"_s}));
        QCOMPARE(github->credentials.clientProfile, QString());
        QCOMPARE(github->credentials.expiresAtMs, std::optional<qint64>(now + hour));
        QCOMPARE(github->credentials.hasRefreshToken, true);
        QCOMPARE(github->passive.acceptedAtMs, (QList<qint64>{now - minute, now - 2 * minute}));

        const HealthInputs *stripe = inputsOf(*all, w.stripe);
        QVERIFY(stripe);
        QCOMPARE(externalIds(*stripe), QStringList{u"we_1"_s});
        QCOMPARE(stripe->credentials, CredentialFacts{});
        QCOMPARE(stripe->passive, PassiveSignals{});

        const HealthInputs *slack = inputsOf(*all, w.slack);
        QVERIFY(slack);
        QCOMPARE(externalIds(*slack), QStringList{});
        QCOMPARE(slack->credentials.grantedScopes, QStringList{u"chat:write"_s});
        QCOMPARE(slack->credentials.requestedScopes, QStringList{});
        QCOMPARE(slack->credentials.clientProfile, u"slack"_s);
        QCOMPARE(slack->credentials.expiresAtMs, std::optional<qint64>(now + 2 * hour));
        QCOMPARE(slack->credentials.hasRefreshToken, false);
        QCOMPARE(slack->passive.acceptedAtMs, QList<qint64>{});
    }

    void storedValidityCheckReachesItsConnection()
    {
        Workspace w;
        QVERIFY2(w.fill(), qPrintable(w.bed.error()));
        const ValidityCheck refused{ValidityCheck::Verdict::Invalid, now + 3 * minute, 403,
                                    u"HTTP 403: Resource not accessible by integration"_s};
        QVERIFY2(w.bed.recordValidityCheck(w.github, refused), qPrintable(w.bed.error()));
        const ValidityCheck unknown{ValidityCheck::Verdict::Unknown, now + minute, 0,
                                    u"Connection refused"_s};
        QVERIFY2(w.bed.recordValidityCheck(w.slack, unknown), qPrintable(w.bed.error()));
        // A later check replaces the earlier one.
        const ValidityCheck valid{ValidityCheck::Verdict::Valid, now + 4 * minute, 200, u"ok"_s};
        QVERIFY2(w.bed.recordValidityCheck(w.slack, valid), qPrintable(w.bed.error()));

        const Result<QList<HealthInputs>> all = w.read();
        QVERIFY2(all.has_value(), qPrintable(all ? QString() : all.error().message));
        QCOMPARE(inputsOf(*all, w.github)->credentials.lastCheck, std::optional(refused));
        // addOAuthCredential: received one hour before the expiry.
        QCOMPARE(inputsOf(*all, w.github)->credentials.receivedAtMs, now);
        QCOMPARE(inputsOf(*all, w.slack)->credentials.lastCheck, std::optional(valid));
        QCOMPARE(inputsOf(*all, w.stripe)->credentials.lastCheck, std::nullopt);

        const Result<QList<HealthInputs>> one = w.read(w.slack);
        QVERIFY(one.has_value());
        QCOMPARE(one->size(), 1);
        QCOMPARE(one->first().credentials.lastCheck, std::optional(valid));
    }

    void oneConnectionReadsOnlyItsOwn()
    {
        Workspace w;
        QVERIFY2(w.fill(), qPrintable(w.bed.error()));
        const Result<QList<HealthInputs>> one = w.read(w.github);
        QVERIFY2(one.has_value(), qPrintable(one ? QString() : one.error().message));
        QCOMPARE(one->size(), 1);
        QCOMPARE(one->constFirst().connection.id, w.github);
        QCOMPARE(externalIds(one->constFirst()), (QStringList{u"11"_s, u"12"_s}));
        QCOMPARE(one->constFirst().credentials.expiresAtMs, std::optional<qint64>(now + hour));

        // Before the checks a round reads the registrations only: no events, no credential.
        const Result<QList<HealthInputs>> registrationsOnly = w.read(w.github, true);
        QVERIFY(registrationsOnly.has_value());
        QCOMPARE(registrationsOnly->size(), 1);
        QCOMPARE(registrationsOnly->constFirst().connection.id, w.github);
        QCOMPARE(externalIds(registrationsOnly->constFirst()), (QStringList{u"11"_s, u"12"_s}));
        QCOMPARE(registrationsOnly->constFirst().passive, PassiveSignals{});
        QCOMPARE(registrationsOnly->constFirst().credentials, CredentialFacts{});
    }

    void unknownConnection()
    {
        Workspace w;
        QVERIFY2(w.fill(), qPrintable(w.bed.error()));
        const Result<QList<HealthInputs>> none = w.read(w.slack + 100);
        QVERIFY(!none.has_value());
        QCOMPARE(none.error().code, u"store.unknown_connection"_s);
        QVERIFY2(none.error().message.contains(QString::number(w.slack + 100)),
                 qPrintable(none.error().message));
    }
};

QTEST_GUILESS_MAIN(TestHealthInputsReader)
#include "tst_healthinputsreader.moc"
