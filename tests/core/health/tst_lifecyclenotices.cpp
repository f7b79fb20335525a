// SPDX-License-Identifier: GPL-3.0-or-later
// Microsoft Graph lifecycle notifications (the documented examples in tests/fixtures/health):
// what is read from a body, and which notice still calls for action on a registration.
#include "core/health/lifecyclenotices.h"

#include "support/testenv.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {
constexpr qint64 minute = 60'000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 now = 1'796'035'325'000;
const QString subscription = u"7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_s;
} // namespace

Q_DECLARE_METATYPE(QList<LifecycleNotice>)

class TestLifecycleNotices : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QList<LifecycleNotice>>("notices");
        const auto fixture = [](const QString &name) {
            return wb::test::readFixture(u"health/graph-lifecycle-"_s + name + u".json"_s);
        };
        QTest::newRow("reauthorization-required")
                << fixture(u"reauthorization-required"_s)
                << QList<LifecycleNotice>{{u"reauthorizationRequired"_s, subscription, now}};
        QTest::newRow("subscription-removed")
                << fixture(u"subscription-removed"_s)
                << QList<LifecycleNotice>{{u"subscriptionRemoved"_s, subscription, now}};
        QTest::newRow("missed") << fixture(u"missed"_s)
                                << QList<LifecycleNotice>{{u"missed"_s, subscription, now}};
        QTest::newRow("batch-with-two-events")
                << fixture(u"batch"_s)
                << QList<LifecycleNotice>{{u"missed"_s, subscription, now},
                                          {u"reauthorizationRequired"_s,
                                           u"a3f2c1d0-5b6e-4f7a-8c9d-0e1f2a3b4c5d"_s, now}};
        // A change notification (no lifecycleEvent) and bodies that are not collections.
        QTest::newRow("change-notification")
                << R"({"value":[{"subscriptionId":"s","changeType":"created","resource":"r"}]})"_ba
                << QList<LifecycleNotice>{};
        QTest::newRow("not-json") << "validationToken"_ba << QList<LifecycleNotice>{};
        QTest::newRow("value-not-an-array")
                << R"({"value":{"lifecycleEvent":"missed"}})"_ba << QList<LifecycleNotice>{};
    }

    void parse()
    {
        QFETCH(QByteArray, body);
        QFETCH(QList<LifecycleNotice>, notices);
        QCOMPARE(LifecycleNotices::parse(body, now), notices);
    }

    void pending_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<qint64>("noticeAgoMs");
        QTest::addColumn<int>("lastAction"); // RegistrationAction
        QTest::addColumn<qint64>("actionAgoMs");
        QTest::addColumn<int>("state"); // RegistrationState
        QTest::addColumn<qint64>("checkedAgoMs");
        QTest::addColumn<bool>("pending");
        using A = RegistrationAction;
        using S = RegistrationState;
        const QString reauth = u"reauthorizationRequired"_s;
        const QString removed = u"subscriptionRemoved"_s;
        QTest::newRow("reauthorization-asked") << reauth << 10 * minute << int(A::None) << qint64(0)
                                               << int(S::Active) << 20 * minute << true;
        QTest::newRow("reauthorization-answered-by-a-renewal")
                << reauth << 10 * minute << int(A::Renewed) << 5 * minute << int(S::Active)
                << 5 * minute << false;
        QTest::newRow("renewal-before-the-request-does-not-count")
                << reauth << 10 * minute << int(A::Renewed) << 30 * minute << int(S::Active)
                << 30 * minute << true;
        QTest::newRow("reauthorization-renewal-failed")
                << reauth << 10 * minute << int(A::RenewFailed) << 5 * minute << int(S::Active)
                << 5 * minute << true;
        QTest::newRow("removed") << removed << 10 * minute << int(A::None) << qint64(0)
                                 << int(S::Active) << 20 * minute << true;
        QTest::newRow("removed-but-found-active-since")
                << removed << 10 * minute << int(A::None) << qint64(0) << int(S::Active)
                << 5 * minute << false;
        QTest::newRow("missed-today") << u"missed"_s << 3 * hour << int(A::None) << qint64(0)
                                      << int(S::Active) << minute << true;
        QTest::newRow("missed-two-days-ago") << u"missed"_s << 48 * hour << int(A::None)
                                             << qint64(0) << int(S::Active) << minute << false;
    }

    void pending()
    {
        QFETCH(QString, event);
        QFETCH(qint64, noticeAgoMs);
        QFETCH(int, lastAction);
        QFETCH(qint64, actionAgoMs);
        QFETCH(int, state);
        QFETCH(qint64, checkedAgoMs);
        QFETCH(bool, pending);
        Registration registration;
        registration.externalId = subscription;
        registration.lastAction = RegistrationAction(lastAction);
        if (registration.lastAction != RegistrationAction::None)
            registration.lastActionAtMs = now - actionAgoMs;
        registration.state = RegistrationState(state);
        registration.lastCheckedAtMs = now - checkedAgoMs;
        // Notices about other subscriptions and of other kinds around it change nothing.
        const QList<LifecycleNotice> notices{
                {u"missed"_s, u"another"_s, now - minute},
                {event, u"another"_s, now - minute},
                {event, subscription, now - noticeAgoMs},
        };
        const auto found = LifecycleNotices::pending(notices, registration, event, now);
        QCOMPARE(found.has_value(), pending);
        if (pending)
            QCOMPARE(found->receivedAtMs, now - noticeAgoMs);
    }
};

QTEST_GUILESS_MAIN(TestLifecycleNotices)
#include "tst_lifecyclenotices.moc"
