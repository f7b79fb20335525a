// SPDX-License-Identifier: GPL-3.0-or-later
// The Inbound tab over a real workspace: the events table (paged model), the filter bar, and the
// inspector's tree and bytes linked both ways; a screenshot for people to judge.
#include "core/dispatch/deliveryrepository.h"
#include "core/inbound/events/inboundeventrepository.h"
#include "core/providers/providercatalog.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "models/inbound/inboundeventlistmodel.h"
#include "models/inbound/requesttreemodel.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "ui/inbound/bulkredeliverydialog.h"
#include "ui/inbound/editredeliverdialog.h"
#include "ui/inbound/hexview.h"
#include "ui/inbound/inboundactionbar.h"
#include "ui/inbound/inboundeventinspector.h"
#include "ui/inbound/inboundview.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMessageAuthenticationCode>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace wb;
using Model = models::InboundEventListModel;

namespace {

// A GitHub push as GitHub sends it (compact JSON), with an installation id above 2^53.
const QByteArray githubPush
        = R"({"ref":"refs/heads/main","before":"6113728f27ae82c7b1a177c8d03f9e96e0adf246",)"
          R"("after":"0000000000000000000000000000000000000000","repository":{"id":186853002,)"
          R"("name":"Hello-World","full_name":"Codertocat/Hello-World","private":false},)"
          R"("pusher":{"name":"Codertocat","email":"21031067+Codertocat@users.noreply.github.com"},)"
          R"("installation":{"id":9007199254740993,"node_id":"MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMjM0NTY3ODk="}})"_ba;

core::InboundEvent makeEvent(qint64 receivedAtMs, std::optional<qint64> connectionId,
                             const QString &provider, const QByteArray &body,
                             core::InboundVerdict verdict, const QString &eventType)
{
    core::InboundEvent event;
    event.receivedAtMs = receivedAtMs;
    event.connectionId = connectionId;
    event.providerId = provider;
    event.peerAddress = u"140.82.115.10"_s;
    event.requestTarget = "/hooks/1"_ba;
    event.request.method = "POST"_ba;
    event.request.url = "http://127.0.0.1:8480/hooks/1"_ba;
    event.request.headers
            = {{"Host"_ba, "127.0.0.1:8480"_ba},
               {"User-Agent"_ba, "GitHub-Hookshot/a1b2c3d"_ba},
               {"Content-Type"_ba, "application/json"_ba},
               {"X-GitHub-Event"_ba, eventType.toUtf8()},
               {"X-GitHub-Delivery"_ba, "72d3162e-cc78-11e3-81ab-4c9367dc0958"_ba},
               {"X-Hub-Signature-256"_ba,
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"_ba}};
    event.request.body = body;
    event.bodySize = body.size();
    event.verdict = verdict;
    event.verificationReason = verdict == core::InboundVerdict::Failed ? u"signature_mismatch"_s
                                                                       : u"ok"_s;
    event.verificationExplanation
            = verdict == core::InboundVerdict::Failed
                      ? u"HMAC-SHA256 over the raw body (header X-Hub-Signature-256) does not "
                        "match the connection's secret."_s
                      : u"HMAC-SHA256 over the raw body matches X-Hub-Signature-256."_s;
    event.eventType = eventType;
    event.responseStatus = verdict == core::InboundVerdict::Failed ? 401 : 202;
    return event;
}

} // namespace

class TestInboundView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tableShowsTheEvents();
    void treeAndBytesAreLinked();
    void verdictFilterRunsInSql();
    void tenantConnectionProviderAndTypeFilters();
    void bulkRedeliveryDryRun();
    void editAndRedeliverResigns();
    void emptyWorkspaceShowsTheEmptyState();

private:
    std::unique_ptr<test::TempWorkspace> m_workspace;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<ui::InboundView> m_view;
    qint64 m_connection = 0;
    qint64 m_tenant = 0;
};

void TestInboundView::initTestCase()
{
    m_workspace = std::make_unique<test::TempWorkspace>();
    QVERIFY(m_workspace->open());
    core::Store &store = *m_workspace->store;
    core::Tenant acme;
    acme.displayName = u"Acme Corp"_s;
    WB_AWAIT_OK(tenant, store.addTenant(acme));
    core::Connection github;
    github.tenantId = tenant->id;
    github.providerId = u"github"_s;
    WB_AWAIT_OK(connection, store.addConnection(github));
    m_tenant = tenant->id;
    m_connection = connection->id;

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<core::InboundEvent> events;
    core::InboundEvent push = makeEvent(now - 50'000, m_connection, u"github"_s, githubPush,
                                        core::InboundVerdict::Verified, u"push"_s);
    push.tenantId = m_tenant;
    push.identityOutcome = u"matched"_s;
    push.identityValue = u"9007199254740993"_s;
    push.resolutionExplanation
            = u"installation.id 9007199254740993 is mapped to Acme Corp (mapping 1)."_s;
    push.forwardingState = core::ForwardingState::Forwarded;
    push.forwardCount = 1;
    push.deliveryId = 12;
    events << push;
    events << makeEvent(now - 40'000, m_connection, u"github"_s,
                        R"({"action":"opened","issue":{"number":1347}})"_ba,
                        core::InboundVerdict::Failed, u"issues"_s);
    events << makeEvent(now - 30'000, m_connection, u"github"_s,
                        "{\"zen\":\"Keep it logically "
                        "awesome.\",\"hook_id\":12345678}"_ba,
                        core::InboundVerdict::Verified, u"ping"_s);
    events << makeEvent(now - 20'000, std::nullopt, u"stripe"_s, "{\"id\":\"evt_1\",}"_ba,
                        core::InboundVerdict::Failed, u"invoice.paid"_s);
    WB_AWAIT_OK(written, store.write([events](core::SqlSession &session) -> core::Result<int> {
        for (const core::InboundEvent &event : events) {
            const auto inserted = core::InboundEventRepository::insert(session, event,
                                                                       u"connection:1"_s);
            if (!inserted)
                return core::fail(inserted.error());
        }
        return int(events.size());
    }));

    m_model = std::make_unique<Model>(store);
    m_view = std::make_unique<ui::InboundView>();
    m_view->resize(1280, 800);
    m_view->setModel(m_model.get());
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestInboundView::cleanupTestCase()
{
    m_view.reset();
    m_model.reset();
    m_workspace.reset();
}

void TestInboundView::tableShowsTheEvents()
{
    QTRY_COMPARE(m_model->rowCount(), 4);
    QTRY_VERIFY(!m_view->isShowingEmptyState());
    QTRY_COMPARE(m_view->statusText(), u"4 events"_s);
    QTableView *table = m_view->table();
    QCOMPARE(table->model(), m_model.get());
    // Newest first: the Stripe event with invalid JSON, then ping, issues, push.
    QCOMPARE(m_model->index(0, Model::Provider).data().toString(), u"stripe"_s);
    QCOMPARE(m_model->index(3, Model::EventType).data().toString(), u"push"_s);
    QCOMPARE(m_model->index(3, Model::Tenant).data().toString(), u"Acme Corp"_s);
    QCOMPARE(m_model->index(3, Model::Connection).data().toString(), u"Acme Corp · github"_s);
    QCOMPARE(m_model->index(3, Model::Forwarding).data().toString(), u"forwarded"_s);
    QCOMPARE(m_model->index(2, Model::Verdict).data().toString(), u"failed: signature_mismatch"_s);
}

void TestInboundView::treeAndBytesAreLinked()
{
    QTRY_COMPARE(m_model->rowCount(), 4);
    ui::InboundEventInspector *inspector = m_view->inspector();
    // Nothing selected yet: the detail says what to do instead of showing empty panes.
    m_view->table()->clearSelection();
    inspector->clear();
    QVERIFY(inspector->emptyHint()->isVisible());
    QVERIFY(!inspector->pages()->isVisible());
    QSignalSpy dissected(inspector, &ui::InboundEventInspector::dissected);
    m_view->table()->selectRow(3); // the push
    QVERIFY(dissected.wait(10'000));
    QVERIFY(!inspector->emptyHint()->isVisible());
    QVERIFY(inspector->pages()->isVisible());
    QCOMPARE(inspector->event().eventType, u"push"_s);
    QCOMPARE(inspector->event().request.body, githubPush); // the full bytes, read for the detail
    models::RequestTreeModel *tree = inspector->fieldModel();
    ui::HexView *hex = inspector->hexView();
    QCOMPARE(hex->bytes(), tree->dissection().bytes);

    // Tree → bytes: the installation id selects exactly its member's bytes.
    const qsizetype idAt = tree->dissection().bodyOffset + githubPush.indexOf("\"installation\"");
    const QModelIndex installation = tree->indexAtOffset(idAt);
    QCOMPARE(installation.data().toString(), u"installation"_s);
    const QModelIndex id = tree->index(0, 0, installation);
    QCOMPARE(id.data().toString(), u"id"_s);
    QCOMPARE(id.siblingAtColumn(1).data().toString(), u"9007199254740993"_s);
    inspector->fieldTree()->setCurrentIndex(id);
    QCOMPARE(hex->bytes().mid(hex->highlightOffset(), hex->highlightLength()),
             "\"id\":9007199254740993"_ba);

    // Bytes → tree: a click on a byte of "Codertocat/Hello-World" selects full_name.
    const qsizetype nameByte = tree->dissection().bodyOffset
                               + githubPush.indexOf("Codertocat/Hello-World") + 3;
    hex->setHighlight(nameByte, 1); // scrolls it into view
    const QRect cell = hex->hexCellRect(nameByte);
    QVERIFY(hex->viewport()->rect().contains(cell.center()));
    QCOMPARE(hex->offsetAt(cell.center()), nameByte);
    QTest::mouseClick(hex->viewport(), Qt::LeftButton, {}, cell.center());
    const QModelIndex current = inspector->fieldTree()->currentIndex();
    QCOMPARE(current.data().toString(), u"full_name"_s);
    QCOMPARE(current.parent().data().toString(), u"repository"_s);
    QCOMPARE(hex->bytes().mid(hex->highlightOffset(), hex->highlightLength()),
             "\"full_name\":\"Codertocat/Hello-World\""_ba);

    // The other pages: headers in order, the text, the explanations.
    QCOMPARE(inspector->headerTable()->rowCount(), 6);
    QVERIFY(inspector->textView()->toPlainText().contains(
            u"\"installation\":{\"id\":9007199254740993"_s));
    const QString summary = inspector->summary()->toPlainText();
    QVERIFY2(summary.contains(u"HMAC-SHA256 over the raw body matches"_s), qPrintable(summary));
    QVERIFY(summary.contains(u"installation.id 9007199254740993 is mapped to Acme Corp"_s));

    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        inspector->fieldTree()->setCurrentIndex(id);
        QVERIFY(m_view->grab().save(QDir(dir).filePath(u"inbound-inspector.png"_s)));
    }

    // Invalid JSON: the body stays one field and the page says why.
    QSignalSpy again(inspector, &ui::InboundEventInspector::dissected);
    m_view->table()->selectRow(0);
    QVERIFY(again.wait(10'000));
    QVERIFY(tree->dissection().bodyError.has_value());
    QCOMPARE(tree->dissection().bodyError->code, u"json.invalid"_s);
}

void TestInboundView::verdictFilterRunsInSql()
{
    QSignalSpy loaded(m_model.get(), &Model::firstPageLoaded);
    const int failed = m_view->verdictFilter()->findData(int(core::InboundVerdict::Failed));
    QVERIFY(failed > 0);
    m_view->verdictFilter()->setCurrentIndex(failed);
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(m_model->rowCount(), 2);
    QTRY_COMPARE(m_view->statusText(), u"2 events"_s);
    m_view->searchField()->setText(u"invoice"_s);
    QVERIFY(loaded.wait(10'000)); // after the typing delay
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->eventAt(0).eventType, u"invoice.paid"_s);
    m_view->searchField()->setText(u"nothing like this"_s);
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_view->isShowingEmptyState()); // a filter with no match is not "no webhooks yet"
    m_view->searchField()->clear();
    m_view->verdictFilter()->setCurrentIndex(0);
    QTRY_COMPARE(m_model->rowCount(), 4);
}

void TestInboundView::tenantConnectionProviderAndTypeFilters()
{
    QTRY_COMPARE(m_model->rowCount(), 4);
    // The choices: the workspace's tenants and connections by name, the providers and event
    // types stored.
    QComboBox *tenant = m_view->tenantFilter();
    QTRY_COMPARE(tenant->count(), 2);
    QCOMPARE(tenant->itemText(0), u"Any tenant"_s);
    QCOMPARE(tenant->itemText(1), u"Acme Corp"_s);
    QComboBox *connection = m_view->connectionFilter();
    QCOMPARE(connection->count(), 2);
    QCOMPARE(connection->itemText(1), u"Acme Corp · github"_s);
    QComboBox *provider = m_view->providerFilter();
    QCOMPARE(provider->count(), 3);
    QCOMPARE(provider->itemText(1), u"github"_s);
    QCOMPARE(provider->itemText(2), u"stripe"_s);
    QCOMPARE(m_view->eventTypeFilter()->completer()->model()->rowCount(), 4);

    QSignalSpy loaded(m_model.get(), &Model::firstPageLoaded);
    tenant->setCurrentIndex(1); // only the push was resolved to Acme Corp
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->eventAt(0).eventType, u"push"_s);
    QCOMPARE(m_view->currentFilter().tenantId, std::optional<qint64>(m_tenant));
    tenant->setCurrentIndex(0);
    QVERIFY(loaded.wait(10'000));
    connection->setCurrentIndex(1); // the three GitHub events came to the connection's URL
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(m_model->rowCount(), 3);
    connection->setCurrentIndex(0);
    QVERIFY(loaded.wait(10'000));
    provider->setCurrentIndex(2);
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->eventAt(0).providerId, u"stripe"_s);
    provider->setCurrentIndex(0);
    QVERIFY(loaded.wait(10'000));
    m_view->eventTypeFilter()->setText(u"issues"_s);
    QVERIFY(loaded.wait(10'000)); // after the typing delay
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->eventAt(0).eventType, u"issues"_s);
    m_view->eventTypeFilter()->setText(u"issue"_s); // an exact type, not a part of one
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_view->isShowingEmptyState());
    m_view->eventTypeFilter()->clear();
    QTRY_COMPARE(m_model->rowCount(), 4);
    // The Tenant column says why an event has none, in words.
    QCOMPARE(m_model->index(0, Model::Tenant).data().toString(), u"— (not resolved)"_s);
}

void TestInboundView::bulkRedeliveryDryRun()
{
    QTRY_COMPARE(m_model->rowCount(), 4);
    m_view->table()->clearSelection();
    QString description;
    const models::BulkRedeliverySelection all = m_view->bulkSelection(&description);
    QVERIFY(all.eventIds.isEmpty());
    QCOMPARE(description, u"Every event the filter matches (4)."_s);
    m_view->table()->selectRow(0);
    m_view->table()->selectionModel()->select(m_model->index(2, 0),
                                              QItemSelectionModel::Select
                                                      | QItemSelectionModel::Rows);
    const models::BulkRedeliverySelection two = m_view->bulkSelection(&description);
    QCOMPARE(two.eventIds.size(), 2);
    QCOMPARE(description, u"The selected events (2)."_s);
    m_view->table()->clearSelection();

    QSignalSpy opened(m_view.get(), &ui::InboundView::bulkRedeliveryOpened);
    m_view->bulkRedeliverButton()->click();
    QCOMPARE(opened.count(), 1);
    auto *dialog = opened.at(0).at(0).value<ui::BulkRedeliveryDialog *>();
    QSignalSpy shown(dialog, &ui::BulkRedeliveryDialog::dryRunShown);
    QVERIFY(shown.wait(10'000));
    // To forward targets: none of the four can go (the connection has no target, the others
    // failed verification or have no connection).
    QCOMPARE(dialog->destinationTable()->rowCount(), 0);
    const QString summary = dialog->summaryLabel()->text();
    QVERIFY2(summary.startsWith(u"To re-deliver: 0 · destinations: 0 · left out: 4 ("_s),
             qPrintable(summary));
    QVERIFY2(summary.contains(u"failed verification: 2; no tenant or connection resolved: 1; "
                              "the connection has no forward target: 1)"_s),
             qPrintable(summary));
    QVERIFY(!dialog->sendButton()->isEnabled());

    // To one URL: all four (failed verifications too: to test the receiving side).
    dialog->urlChoice()->setChecked(true);
    dialog->urlField()->setText(u"https://staging.example.com/webhooks"_s);
    dialog->dryRun();
    QVERIFY(shown.wait(10'000));
    QCOMPARE(dialog->destinationTable()->rowCount(), 1);
    QCOMPARE(dialog->destinationTable()->item(0, 0)->text(),
             u"https://staging.example.com/webhooks"_s);
    QCOMPARE(dialog->destinationTable()->item(0, 1)->text(), u"4"_s);
    // No dispatch engine in this test: the dry run only, and it says why.
    QVERIFY(dialog->summaryLabel()->text().contains(u"not running"_s));
    QVERIFY(!dialog->sendButton()->isEnabled());
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        dialog->layout()->activate(); // the new summary's height, before the event loop would
        QVERIFY(dialog->grab().save(QDir(dir).filePath(u"bulk-redelivery.png"_s)));
    }
    dialog->close();
}

void TestInboundView::editAndRedeliverResigns()
{
    QTRY_COMPARE(m_model->rowCount(), 4);
    ui::InboundActionBar *actions = m_view->actions();
    core::ManualClock clock(1'750'000'000'000);
    actions->setClock(&clock);
    const core::ProviderCatalog catalog = core::ProviderCatalog::load(QString());
    const core::SignatureScheme github = catalog.find(u"github")->signatureSchemes.first();
    actions->setSigningMaterialSource([github](const core::InboundEvent &) {
        return QtFuture::makeReadyFuture(
                core::Result<ui::SigningMaterial>(ui::SigningMaterial{github, {"octo-secret"_ba}}));
    });
    QSignalSpy dissected(m_view->inspector(), &ui::InboundEventInspector::dissected);
    m_view->table()->selectRow(3); // the push
    QTRY_COMPARE(m_view->inspector()->event().eventType, u"push"_s);
    QSignalSpy opened(actions, &ui::InboundActionBar::editorOpened);
    actions->editAndRedeliver();
    QVERIFY(opened.wait(5'000));
    auto *dialog = opened.at(0).at(0).value<ui::EditRedeliverDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->resignChoice()->isChecked());
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // no URL yet
    dialog->urlField()->setText(u"https://receiver.example/in"_s);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog->changesText(),
             u"Changes: re-signed with the connection's secret (X-Hub-Signature-256)."_s);
    // Invalid JSON is refused while typing, with the byte offset.
    dialog->bodyEditor()->setPlainText(u"{\"ref\":"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog->problemText().contains(u"byte 7"_s), qPrintable(dialog->problemText()));
    QByteArray edited = githubPush;
    edited.replace("refs/heads/main", "refs/heads/release");
    dialog->bodyEditor()->setPlainText(QString::fromUtf8(edited));
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog->changesText().contains(u"body changed"_s));

    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(dialog->grab().save(QDir(dir).filePath(u"inbound-edit-redeliver.png"_s)));

    QSignalSpy queued(actions, &ui::InboundActionBar::redeliveryQueued);
    ok->click();
    QVERIFY(queued.wait(10'000));
    const qint64 deliveryId = queued.at(0).at(0).toLongLong();
    QVERIFY(actions->resultText().contains(u"Changed: body changed"_s));
    WB_AWAIT_OK(delivery, m_workspace->store->read([deliveryId](core::SqlSession &session) {
        return core::DeliveryRepository::get(session, deliveryId);
    }));
    QCOMPARE(delivery->body, edited);
    QCOMPARE(delivery->url, QUrl(u"https://receiver.example/in"_s));
    // The signature is GitHub's HMAC-SHA256 of the edited bytes with the secret.
    const QByteArray expected = "sha256="
                                + QMessageAuthenticationCode::hash(edited, "octo-secret",
                                                                   QCryptographicHash::Sha256)
                                          .toHex();
    QCOMPARE(delivery->headers.value("X-Hub-Signature-256"), expected);
}

void TestInboundView::emptyWorkspaceShowsTheEmptyState()
{
    test::TempWorkspace empty;
    QVERIFY(empty.open());
    Model model(*empty.store);
    ui::InboundView view;
    QVERIFY(view.isShowingEmptyState()); // no model yet
    QSignalSpy counted(&model, &Model::totalCountChanged);
    view.setModel(&model);
    QTRY_COMPARE(model.totalCount(), 0);
    QVERIFY(view.isShowingEmptyState());
    view.setModel(nullptr);
}

QTEST_MAIN(TestInboundView)
#include "tst_inboundview.moc"
