// SPDX-License-Identifier: GPL-3.0-or-later
// The Health tab's model (worst first, fine-grained updates) and the navigation's health badges.
#include "models/healthbadgeproxy.h"
#include "models/healthcolours.h"
#include "models/healthmodel.h"
#include "models/roles.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QImage>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::models;

namespace {
ConnectionHealth health(qint64 connectionId, HealthStatus status, const QString &reason = {},
                        HealthAction action = HealthAction::None)
{
    ConnectionHealth h;
    h.connectionId = connectionId;
    h.tenantId = 1;
    h.providerId = u"github"_s;
    h.label = u"main"_s;
    h.status = status;
    if (status == HealthStatus::Failing || status == HealthStatus::Attention)
        h.findings << HealthFinding{u"registration.missing"_s, status, reason, action, 5};
    else
        h.note = reason;
    return h;
}

QList<qint64> order(const HealthModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(HealthModel::ConnectionIdRole).toLongLong();
    return ids;
}
} // namespace

class TestHealthModel : public QObject
{
    Q_OBJECT

private slots:
    void worstFirstAndMovesOnStatusChange()
    {
        HealthModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy attention(&model, &HealthModel::attentionCountChanged);
        model.setHealth(health(1, HealthStatus::Healthy, u"fine"_s));
        model.setHealth(health(2, HealthStatus::Attention, u"silent"_s, HealthAction::Investigate));
        model.setHealth(health(3, HealthStatus::Failing, u"gone"_s, HealthAction::Reregister));
        model.setHealth(health(4, HealthStatus::Unknown, u"nothing"_s));
        QCOMPARE(order(model), (QList<qint64>{3, 2, 4, 1}));
        QCOMPARE(model.attentionCount(), 2);
        QCOMPARE(attention.size(), 2);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // Same status, new reason: changed in place.
        model.setHealth(health(3, HealthStatus::Failing, u"still gone"_s, HealthAction::Reregister));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.index(0, HealthModel::ReasonColumn).data().toString(), u"still gone"_s);
        // Fixed: moves to the healthy end.
        model.setHealth(health(3, HealthStatus::Healthy, u"fine again"_s));
        QCOMPARE(order(model), (QList<qint64>{2, 4, 1, 3}));
        QCOMPARE(model.attentionCount(), 1);
        QCOMPARE(attention.constLast().constFirst().toInt(), 1);

        model.removeHealth(2);
        QCOMPARE(order(model), (QList<qint64>{4, 1, 3}));
        QCOMPARE(model.attentionCount(), 0);
        model.removeHealth(99); // unknown: nothing
        QCOMPARE(model.rowCount(), 3);
    }

    void columnsAndRoles()
    {
        HealthModel model;
        model.setConnectionTitle([](const ConnectionHealth &h) {
            return u"Acme — connection %1"_s.arg(h.connectionId);
        });
        ConnectionHealth h = health(7, HealthStatus::Failing, u"Hook 12 is gone."_s,
                                    HealthAction::Reregister);
        h.findings << HealthFinding{u"events.silent"_s,
                                    HealthStatus::Attention,
                                    u"No events for 3 h."_s,
                                    HealthAction::Investigate,
                                    {}};
        model.setHealth(h);
        QCOMPARE(model.index(0, HealthModel::StatusColumn).data().toString(), u"Failing"_s);
        QCOMPARE(model.index(0, HealthModel::StatusColumn).data(Qt::DecorationRole).value<QColor>(),
                 healthColour(HealthStatus::Failing));
        QCOMPARE(model.index(0, HealthModel::ConnectionColumn).data().toString(),
                 u"Acme — connection 7"_s);
        QCOMPARE(model.index(0, HealthModel::ReasonColumn).data().toString(), u"Hook 12 is gone."_s);
        QCOMPARE(model.index(0, HealthModel::ActionColumn).data().toString(), u"Register again"_s);
        QCOMPARE(model.index(0, 0).data(HealthModel::StatusRole).toString(), u"failing"_s);
        QCOMPARE(model.index(0, 0).data(HealthModel::ActionRole).toString(), u"reregister"_s);
        QCOMPARE(model.index(0, 0).data(HealthModel::FindingsTextRole).toString(),
                 u"Hook 12 is gone. → Register again\nNo events for 3 h. → Investigate"_s);
        QCOMPARE(model.index(0, 0).data(HealthModel::HealthRole).value<ConnectionHealth>(), h);
        QCOMPARE(model.headerData(HealthModel::ActionColumn, Qt::Horizontal).toString(),
                 u"Action"_s);
        QCOMPARE(model.index(0, 0).data(HealthModel::CredentialCheckTextRole).toString(), QString());
    }

    void credentialCheckText_data()
    {
        QTest::addColumn<ValidityCheck>("check");
        QTest::addColumn<QString>("text");
        // 2026-11-30T10:42:05Z
        const qint64 at = 1'796'035'325'000;
        QTest::newRow("accepted") << ValidityCheck{
                ValidityCheck::Verdict::Valid, at, 200,
                QString()} << u"Access token checked 2026-11-30 10:42 UTC: accepted (HTTP 200)."_s;
        QTest::newRow("refused-with-reason")
                << ValidityCheck{ValidityCheck::Verdict::Invalid, at, 403, u"insufficient_scope"_s}
                << u"Access token checked 2026-11-30 10:42 UTC: refused (HTTP 403). "
                   "insufficient_scope"_s;
        QTest::newRow("no-answer")
                << ValidityCheck{ValidityCheck::Verdict::Unknown, at, 0, u"Connection refused"_s}
                << u"Access token checked 2026-11-30 10:42 UTC: no verdict. Connection refused"_s;
    }

    void credentialCheckText()
    {
        QFETCH(ValidityCheck, check);
        QFETCH(QString, text);
        HealthModel model;
        ConnectionHealth h = health(7, HealthStatus::Healthy, u"fine"_s, HealthAction::None);
        h.credentialCheck = check;
        model.setHealth(h);
        QCOMPARE(model.index(0, 0).data(HealthModel::CredentialCheckTextRole).toString(), text);
    }

    void setAllReplaces()
    {
        HealthModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAll({health(1, HealthStatus::Healthy), health(2, HealthStatus::Failing)});
        QCOMPARE(order(model), (QList<qint64>{2, 1}));
        model.setAll({health(2, HealthStatus::Healthy), health(5, HealthStatus::Attention)});
        QCOMPARE(order(model), (QList<qint64>{5, 2}));
    }

    void badgesOnTheNavigationTree()
    {
        // A tenant with two connections, as TenantTreeModel exposes them (IdRole on each row).
        QStandardItemModel tree;
        auto *tenant = new QStandardItem(u"Acme Corp"_s);
        tenant->setData(qint64(1), IdRole);
        auto *github = new QStandardItem(u"GitHub"_s);
        github->setData(qint64(7), IdRole);
        github->setToolTip(u"GitHub\nAuthorized"_s);
        QPixmap blue(16, 16);
        blue.fill(Qt::blue);
        github->setIcon(QIcon(blue));
        auto *stripe = new QStandardItem(u"Stripe"_s);
        stripe->setData(qint64(8), IdRole);
        tenant->appendRow(github);
        tenant->appendRow(stripe);
        tree.appendRow(tenant);

        HealthModel healthModel;
        HealthBadgeProxy proxy(&healthModel);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&tree);
        const QModelIndex tenantIndex = proxy.index(0, 0);
        const QModelIndex githubIndex = proxy.index(0, 0, tenantIndex);
        QCOMPARE(githubIndex.data(HealthBadgeProxy::HealthStatusRole).toString(), QString());

        QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
        healthModel.setHealth(
                health(7, HealthStatus::Failing, u"Hook 12 is gone."_s, HealthAction::Reregister));
        QCOMPARE(changed.size(), 2); // the connection and its tenant
        QCOMPARE(githubIndex.data(HealthBadgeProxy::HealthStatusRole).toString(), u"failing"_s);
        QCOMPARE(githubIndex.data(HealthBadgeProxy::HealthActionRole).toString(), u"reregister"_s);
        QCOMPARE(tenantIndex.data(HealthBadgeProxy::HealthStatusRole).toString(), u"failing"_s);
        const QString tip = githubIndex.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(u"GitHub\nAuthorized\n"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"Hook 12 is gone."_s) && tip.contains(u"Register again"_s),
                 qPrintable(tip));
        // The badge: the provider icon's pixels stay, a red dot sits in the lower right corner.
        const QImage badged
                = githubIndex.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
        QCOMPARE(badged.pixelColor(2, 2), QColor(Qt::blue));
        QCOMPARE(badged.pixelColor(12, 12), healthColour(HealthStatus::Failing));

        healthModel.setHealth(health(7, HealthStatus::Healthy, u"fine"_s));
        const QImage plain
                = githubIndex.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
        QCOMPARE(plain.pixelColor(12, 12), QColor(Qt::blue));
        QCOMPARE(tenantIndex.data(HealthBadgeProxy::HealthStatusRole).toString(), u"healthy"_s);

        healthModel.removeHealth(7);
        QCOMPARE(githubIndex.data(HealthBadgeProxy::HealthStatusRole).toString(), QString());
        QCOMPARE(githubIndex.data(Qt::ToolTipRole).toString(), u"GitHub\nAuthorized"_s);
    }
};

QTEST_MAIN(TestHealthModel)
#include "tst_healthmodel.moc"
