// SPDX-License-Identifier: GPL-3.0-or-later
// The Deliveries tab over a real workspace whose attempts were logged through the dispatch
// engine's repository (claim + complete, as the Dispatcher does): failing first, the attempts
// with their decisions and reasons, retry now / cancel / requeue; a screenshot for people.
#include "core/dispatch/deliveryrepository.h"
#include "core/store/store.h"
#include "models/deliveries/attemptlistmodel.h"
#include "models/deliveries/deliverylistmodel.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "ui/deliveries/deliveriesview.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using Deliveries = models::DeliveryListModel;
using Attempts = models::AttemptListModel;

namespace {

struct Step
{
    qint64 startMs;
    qint64 endMs;
    std::optional<int> status;
    QString errorKind;
    QString decision;
    QString reason;
    qint64 waitMs;
    QByteArray retryAfter;
};

// Adds a delivery and logs `steps` as its attempts; the last step decides its state.
core::Result<qint64> addDelivery(core::SqlSession &session, qint64 connectionId, const QUrl &url,
                                 qint64 createdMs, const QList<Step> &steps, const QString &key)
{
    core::NewDelivery delivery;
    delivery.connectionId = connectionId;
    delivery.url = url;
    delivery.body = R"({"event":"invoice.paid","id":"evt_1"})"_ba;
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
        completion.attempt.reason = step.reason;
        completion.attempt.waitMs = step.waitMs;
        completion.attempt.retryAfter = step.retryAfter;
        if (step.waitMs > 0)
            completion.attempt.nextAttemptAtMs = step.endMs + step.waitMs;
        completion.state = step.waitMs > 0                   ? core::DeliveryState::Pending
                           : step.decision == u"succeeded"_s ? core::DeliveryState::Succeeded
                           : step.decision == u"failed"_s    ? core::DeliveryState::Failed
                                                             : core::DeliveryState::Dead;
        completion.nextAttemptAtMs = step.endMs + step.waitMs;
        const auto completed = core::DeliveryRepository::complete(session, completion);
        if (!completed)
            return core::fail(completed.error());
    }
    return added->id;
}

} // namespace

class TestDeliveriesView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void failingFirstWithAttempts();
    void requeueDeadLetter();
    void cancelAndRetryNowPending();
    void selectDeliveryNotLoaded();
    void selectAnAttemptOfADelivery();

private:
    std::unique_ptr<test::TempWorkspace> m_workspace;
    std::unique_ptr<Deliveries> m_deliveries;
    std::unique_ptr<Attempts> m_attempts;
    std::unique_ptr<ui::DeliveriesView> m_view;
    qint64 m_dead = 0;
    qint64 m_retrying = 0;
    qint64 m_succeeded = 0;
    qint64 m_failed = 0;
    qint64 m_new = 0;
};

void TestDeliveriesView::init()
{
    m_workspace = std::make_unique<test::TempWorkspace>();
    QVERIFY(m_workspace->open());
    core::Store &store = *m_workspace->store;
    core::Tenant acme;
    acme.displayName = u"Acme Corp"_s;
    WB_AWAIT_OK(tenant, store.addTenant(acme));
    core::Connection jira;
    jira.tenantId = tenant->id;
    jira.providerId = u"jira"_s;
    WB_AWAIT_OK(connection, store.addConnection(jira));
    const qint64 c = connection->id;
    const qint64 t0 = m_workspace->clock.nowMs() - 3'600'000;
    const QUrl url(u"https://acme.atlassian.net/rest/webhooks/1.0/in"_s);
    WB_AWAIT_OK(ids, store.write([c, t0,
                                  url](core::SqlSession &session) -> core::Result<QList<qint64>> {
        QList<qint64> ids;
        const QList<QList<Step>> plans{
                // Dead-lettered after a 5xx storm.
                {{t0, t0 + 900, 503, {}, u"retry"_s, u"503, backoff 30 s"_s, 30'000, {}},
                 {t0 + 31'000, t0 + 31'800, 502, {}, u"retry"_s, u"502, backoff 60 s"_s, 60'000, {}},
                 {t0 + 92'000,
                  t0 + 92'700,
                  500,
                  {},
                  u"dead"_s,
                  u"500, 3 attempts used: dead-lettered"_s,
                  0,
                  {}}},
                // Waiting out a Retry-After.
                {{t0 + 600'000,
                  t0 + 600'300,
                  429,
                  {},
                  u"rate_limited"_s,
                  u"429, Retry-After 120 s, parked until 14:02:10Z"_s,
                  120'000,
                  "120"}},
                // Succeeded after a timeout.
                {{t0 + 700'000,
                  t0 + 730'000,
                  std::nullopt,
                  u"timeout"_s,
                  u"retry"_s,
                  u"timeout after 30 s, backoff 10 s"_s,
                  10'000,
                  {}},
                 {t0 + 740'000, t0 + 740'120, 200, {}, u"succeeded"_s, u"200"_s, 0, {}}},
                // Failed permanently.
                {{t0 + 800'000,
                  t0 + 800'100,
                  410,
                  {},
                  u"failed"_s,
                  u"410 Gone: the destination is gone"_s,
                  0,
                  {}}},
                // New, not attempted yet.
                {},
        };
        for (qsizetype i = 0; i < plans.size(); ++i) {
            const auto id = addDelivery(session, c, url, t0 + i * 100'000, plans.at(i),
                                        u"key-%1"_s.arg(i));
            if (!id)
                return core::fail(id.error());
            ids << *id;
        }
        return ids;
    }));
    m_dead = ids->at(0);
    m_retrying = ids->at(1);
    m_succeeded = ids->at(2);
    m_failed = ids->at(3);
    m_new = ids->at(4);

    m_deliveries = std::make_unique<Deliveries>(store);
    m_attempts = std::make_unique<Attempts>(store);
    m_view = std::make_unique<ui::DeliveriesView>();
    m_view->resize(1280, 800);
    m_view->setModels(m_deliveries.get(), m_attempts.get());
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_COMPARE(m_deliveries->rowCount(), 5);
}

void TestDeliveriesView::cleanup()
{
    m_view.reset();
    m_attempts.reset();
    m_deliveries.reset();
    m_workspace.reset();
}

void TestDeliveriesView::failingFirstWithAttempts()
{
    QVERIFY(!m_view->isShowingEmptyState());
    // Dead, failed, retrying, pending (new), succeeded.
    QList<qint64> order;
    for (int row = 0; row < m_deliveries->rowCount(); ++row)
        order << m_deliveries->rowAt(row).delivery.id;
    QCOMPARE(order, (QList<qint64>{m_dead, m_failed, m_retrying, m_new, m_succeeded}));
    QCOMPARE(m_deliveries->index(0, Deliveries::State).data().toString(), u"dead-lettered"_s);
    QCOMPARE(m_deliveries->index(0, Deliveries::Attempts).data().toString(), u"3"_s);
    QCOMPARE(m_deliveries->index(0, Deliveries::LastStatus).data().toString(), u"500"_s);
    QCOMPARE(m_deliveries->index(2, Deliveries::State).data().toString(), u"retrying"_s);
    QCOMPARE(m_deliveries->index(2, Deliveries::Connection).data().toString(),
             u"Acme Corp · jira"_s);
    QCOMPARE(m_deliveries->index(3, Deliveries::LastStatus).data().toString(), u"—"_s);
    QCOMPARE(m_deliveries->index(4, Deliveries::LastStatus).data().toString(), u"200"_s);

    QSignalSpy loaded(m_attempts.get(), &Attempts::loaded);
    m_view->deliveryTable()->selectRow(2);
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(m_attempts->rowCount(), 1);
    QCOMPARE(m_attempts->index(0, Attempts::Status).data().toString(), u"429"_s);
    QCOMPARE(m_attempts->index(0, Attempts::Decision).data().toString(), u"rate_limited"_s);
    QCOMPARE(m_attempts->index(0, Attempts::Wait).data().toString(), u"2 min"_s);
    QCOMPARE(m_attempts->index(0, Attempts::Reason).data().toString(),
             u"429, Retry-After 120 s, parked until 14:02:10Z"_s);
    QVERIFY(m_view->retryNowButton()->isEnabled());
    QVERIFY(m_view->cancelButton()->isEnabled());
    QVERIFY(!m_view->requeueButton()->isEnabled());

    m_view->deliveryTable()->selectRow(0);
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(m_attempts->rowCount(), 3);
    QCOMPARE(m_attempts->index(1, Attempts::Wait).data().toString(), u"60 s"_s);
    QCOMPARE(m_attempts->index(2, Attempts::Reason).data().toString(),
             u"500, 3 attempts used: dead-lettered"_s);
    QVERIFY(!m_view->retryNowButton()->isEnabled());
    QVERIFY(m_view->requeueButton()->isEnabled());

    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(m_view->grab().save(QDir(dir).filePath(u"deliveries.png"_s)));
    }
}

void TestDeliveriesView::requeueDeadLetter()
{
    m_view->deliveryTable()->selectRow(0);
    QCOMPARE(m_view->selectedDeliveryId(), m_dead);
    QSignalSpy loaded(m_deliveries.get(), &Deliveries::firstPageLoaded);
    m_view->requeueButton()->click();
    QVERIFY(loaded.wait(10'000));
    // Pending again after 3 attempts: "retrying", and still selected.
    QTRY_COMPARE(m_view->selectedDeliveryId(), m_dead);
    const int row = m_deliveries->rowOf(m_dead);
    QCOMPARE(m_deliveries->rowAt(row).delivery.state, core::DeliveryState::Pending);
    QCOMPARE(m_deliveries->rowAt(row).delivery.replayCount, 1);
    QCOMPARE(m_deliveries->rowAt(0).delivery.id, m_failed); // now the first failing one
    // Requeueing a pending delivery is refused with the store's message.
    QVERIFY(!m_view->requeueButton()->isEnabled());
    WB_AWAIT(again, m_deliveries->requeue(m_dead));
    QVERIFY(!again);
    QCOMPARE(again.error().code, u"dispatch.not_replayable"_s);
}

void TestDeliveriesView::cancelAndRetryNowPending()
{
    const int retrying = m_deliveries->rowOf(m_retrying);
    const qint64 parkedUntil = m_deliveries->rowAt(retrying).delivery.nextAttemptAtMs;
    QVERIFY(parkedUntil > m_workspace->clock.nowMs() - 3'600'000);
    m_view->deliveryTable()->selectRow(retrying);
    QSignalSpy loaded(m_deliveries.get(), &Deliveries::firstPageLoaded);
    m_view->retryNowButton()->click();
    QVERIFY(loaded.wait(10'000));
    const core::Delivery due = m_deliveries->rowAt(m_deliveries->rowOf(m_retrying)).delivery;
    QCOMPARE(due.nextAttemptAtMs, m_workspace->clock.nowMs());
    QCOMPARE(due.state, core::DeliveryState::Pending);

    QTRY_COMPARE(m_view->selectedDeliveryId(), m_retrying);
    m_view->cancelButton()->click();
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(m_deliveries->rowAt(m_deliveries->rowOf(m_retrying)).delivery.state,
             core::DeliveryState::Cancelled);
    // A cancelled delivery is not pending: retry now answers false and changes nothing.
    WB_AWAIT_OK(retried, m_deliveries->retryNow(m_retrying));
    QCOMPARE(*retried, false);
}

void TestDeliveriesView::selectDeliveryNotLoaded()
{
    // Filtered to failed ones, the succeeded delivery is not loaded: selecting it (a timeline
    // click) looks it up by id.
    const int failedIndex = m_view->stateFilter()->findData(int(core::DeliveryState::Failed));
    QSignalSpy loaded(m_deliveries.get(), &Deliveries::firstPageLoaded);
    m_view->stateFilter()->setCurrentIndex(failedIndex);
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(m_deliveries->rowCount(), 1);
    QVERIFY(m_view->selectDelivery(m_succeeded));
    QTRY_COMPARE(m_view->selectedDeliveryId(), m_succeeded);
    QCOMPARE(m_view->searchField()->text(), QString::number(m_succeeded));
    QCOMPARE(m_view->stateFilter()->currentIndex(), 0);
}

void TestDeliveriesView::selectAnAttemptOfADelivery()
{
    // A click on the timeline names the delivery and the attempt: both are selected, once the
    // delivery's attempts are loaded; then another attempt of the delivery already shown.
    QVERIFY(m_view->selectDelivery(m_dead, 2));
    QTRY_COMPARE(m_view->selectedDeliveryId(), m_dead);
    QTRY_COMPARE(m_view->selectedAttemptNumber(), 2);
    const QModelIndex current = m_view->attemptTable()->currentIndex();
    QCOMPARE(current.siblingAtColumn(models::AttemptListModel::Status).data().toString(), u"502"_s);
    QVERIFY(m_view->selectDelivery(m_dead, 3));
    QTRY_COMPARE(m_view->selectedAttemptNumber(), 3);
}

QTEST_MAIN(TestDeliveriesView)
#include "tst_deliveriesview.moc"
