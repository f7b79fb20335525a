// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connections/registrationdialog.h"
#include "ui/connections/registrationssection.h"

#include "core/health/registrationrepository.h"
#include "models/registrationlistmodel.h"
#include "models/tenanttreemodel.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "ui/connections/connectionpage.h"
#include "ui/connections/connectionview.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using Model = models::RegistrationListModel;

// The "Webhook registrations" section of the connection page and its Add dialog, over a real
// temporary workspace: what they store is read back through core::RegistrationRepository.
class TestRegistrationsSection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyStateNamesTheProvider();
    void addStoresTheExactValues();
    void invalidFieldIsRefused_data();
    void invalidFieldIsRefused();
    void duplicateIsRefusedByTheCore();
    void removeAsksThenRemoves();
    void removeShowsTheCoresError();
    void toggleStoresReregisterAllowed();
    void connectionPageScopesTheModel();
    void screenshots();

private:
    core::Registration addThroughRepository(const QString &externalId);
    QList<core::Registration> stored();
    ui::RegistrationDialog *openDialog();
    void selectRow(int row);

    std::unique_ptr<test::TempWorkspace> m_workspace;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<ui::RegistrationsSection> m_section;
    qint64 m_tenantId = 0;
    qint64 m_connectionId = 0;
};

core::Registration TestRegistrationsSection::addThroughRepository(const QString &externalId)
{
    core::Registration r;
    r.connectionId = m_connectionId;
    r.externalId = externalId;
    r.scope = u"repos/acme/shop"_s;
    auto future = m_workspace->store->write([r](core::SqlSession &session) {
        return core::RegistrationRepository::add(session, r);
    });
    if (!test::waitForFinished(future) || !future.result())
        return {};
    return *future.result();
}

QList<core::Registration> TestRegistrationsSection::stored()
{
    auto future = m_workspace->store->read([id = m_connectionId](core::SqlSession &session) {
        return core::RegistrationRepository::list(session, id);
    });
    if (!test::waitForFinished(future) || !future.result()) {
        core::Registration unreadable; // a failed read must not look like "nothing stored"
        unreadable.id = -1;
        return {unreadable};
    }
    return *future.result();
}

ui::RegistrationDialog *TestRegistrationsSection::openDialog()
{
    m_section->addButton()->click();
    ui::RegistrationDialog *dialog = m_section->addDialog();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestRegistrationsSection::selectRow(int row)
{
    m_section->table()->selectRow(row);
}

void TestRegistrationsSection::init()
{
    m_workspace = std::make_unique<test::TempWorkspace>();
    QVERIFY(m_workspace->open().has_value());
    core::Tenant tenant;
    tenant.displayName = u"Acme Corp"_s;
    WB_AWAIT_OK(acme, m_workspace->store->addTenant(tenant));
    m_tenantId = acme->id;
    core::Connection c;
    c.tenantId = m_tenantId;
    c.providerId = u"github"_s;
    WB_AWAIT_OK(github, m_workspace->store->addConnection(c));
    m_connectionId = github->id;
    m_model = std::make_unique<Model>(m_workspace->store.get(), &m_workspace->clock);
    m_section = std::make_unique<ui::RegistrationsSection>(&m_workspace->clock);
    m_section->setModel(m_model.get());
    m_section->setProviderName(u"GitHub"_s);
    m_section->resize(900, 320);
    m_section->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_section.get()));
}

void TestRegistrationsSection::cleanup()
{
    m_section.reset();
    m_model.reset();
    m_workspace.reset();
}

void TestRegistrationsSection::emptyStateNamesTheProvider()
{
    QVERIFY(!m_section->addButton()->isEnabled()); // no connection yet
    m_model->setConnection(m_connectionId);
    QTRY_VERIFY(m_section->emptyLabel()->isVisible());
    QCOMPARE(m_section->emptyLabel()->text(),
             u"No registrations recorded for this connection. Add the webhook you registered at "
             "GitHub so Wirebench can check it."_s);
    QVERIFY(!m_section->table()->isVisible());
    QVERIFY(m_section->addButton()->isEnabled());
    QVERIFY(!m_section->removeButton()->isEnabled());
    QVERIFY(!m_section->reregisterBox()->isEnabled());

    addThroughRepository(u"1001"_s);
    m_model->refresh();
    QTRY_VERIFY(m_section->table()->isVisible());
    QVERIFY(!m_section->emptyLabel()->isVisible());
    // The target URL and the events are in the details; the header's menu shows them as columns.
    QHeaderView *header = m_section->table()->horizontalHeader();
    QVERIFY(header->isSectionHidden(Model::TargetUrlColumn));
    QVERIFY(header->isSectionHidden(Model::EventsColumn));
    QVERIFY(!header->isSectionHidden(Model::StateColumn));
    QCOMPARE(header->actions().size(), int(Model::ColumnCount));
    QAction *targetUrl = header->actions().at(Model::TargetUrlColumn);
    QCOMPARE(targetUrl->text(), u"Target URL"_s);
    targetUrl->trigger();
    QVERIFY(!header->isSectionHidden(Model::TargetUrlColumn));
}

void TestRegistrationsSection::addStoresTheExactValues()
{
    m_model->setConnection(m_connectionId);
    QTRY_VERIFY(m_model->isLoaded());
    ui::RegistrationDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->externalIdEdit()->setText(u"  12345678 "_s);
    dialog->scopeEdit()->setText(u"repos/acme/shop"_s);
    dialog->targetUrlEdit()->setText(u"https://hooks.acme.example/github"_s);
    dialog->eventsEdit()->setText(u"push, pull_request,, issues "_s);
    const QDateTime expires(QDate(2025, 6, 20), QTime(9, 30), Qt::LocalTime);
    dialog->expiresBox()->setChecked(true);
    QVERIFY(dialog->expiresEdit()->isEnabled());
    dialog->expiresEdit()->setDateTime(expires);
    dialog->renewLifetimeBox()->setValue(4230);
    dialog->reregisterBox()->setChecked(true);
    const QByteArray body
            = R"({"name":"web","active":true,"events":["push"],"config":{"url":"https://hooks.acme.example/github","content_type":"json"}})"_ba;
    dialog->bodyEdit()->setPlainText(QString::fromUtf8(body));
    QSignalSpy added(dialog, &ui::RegistrationDialog::registrationAdded);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(added.size(), 1);
    QTRY_VERIFY(!m_section->addDialog());

    const QList<core::Registration> rows = stored();
    QCOMPARE(rows.size(), 1);
    const core::Registration &r = rows.first();
    QCOMPARE(r.connectionId, m_connectionId);
    QCOMPARE(r.externalId, u"12345678"_s);
    QCOMPARE(r.scope, u"repos/acme/shop"_s);
    QCOMPARE(r.targetUrl, u"https://hooks.acme.example/github"_s);
    QCOMPARE(r.events, (QStringList{u"push"_s, u"pull_request"_s, u"issues"_s}));
    QVERIFY(r.expiresAtMs.has_value());
    QCOMPARE(*r.expiresAtMs, expires.toMSecsSinceEpoch());
    QCOMPARE(r.renewLifetimeMinutes, 4230);
    QCOMPARE(r.reregisterAllowed, true);
    QCOMPARE(r.registrationBody, body);
    QCOMPARE(core::nameOf(r.origin), u"manual"_s);
    QCOMPARE(core::nameOf(r.state), u"unchecked"_s);
    // The new row is shown and selected.
    QTRY_COMPARE(m_section->selectedRegistrationId(), r.id);
    QVERIFY(m_section->reregisterBox()->isChecked());
}

void TestRegistrationsSection::invalidFieldIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("invalidField");
    QTest::addColumn<QString>("message");

    QTest::newRow("external-id-empty") << u"externalId"_s << QString() << u"externalId"_s
                                       << u"Enter the registration's id at the provider"_s;
    QTest::newRow("external-id-blank") << u"externalId"_s << u"   "_s << u"externalId"_s
                                       << u"Enter the registration's id at the provider"_s;
    QTest::newRow("external-id-too-long")
            << u"externalId"_s << QString(201, u'7') << u"externalId"_s
            << u"must be 1 to 200 characters without control characters"_s;
    QTest::newRow("scope-with-space") << u"scope"_s << u"repos/acme shop"_s << u"scope"_s
                                      << u"The scope \"repos/acme shop\" may hold only"_s;
    QTest::newRow("target-url-ftp")
            << u"targetUrl"_s << u"ftp://hooks.acme.example/"_s << u"targetUrl"_s
            << u"The target URL \"ftp://hooks.acme.example/\" must be an absolute http:// or "
               "https:// URL"_s;
    QTest::newRow("target-url-relative")
            << u"targetUrl"_s << u"/hooks/github"_s << u"targetUrl"_s
            << u"The target URL \"/hooks/github\" must be an absolute"_s;
    QTest::newRow("event-with-control-character")
            << u"events"_s << u"push, pull\x07request"_s << u"events"_s
            << u"without commas or control characters"_s;
    QTest::newRow("body-unterminated-json")
            << u"registrationBody"_s << u"{\"name\":\"web\",\"active\":true"_s
            << u"registrationBody"_s << u"The registration body is not well-formed JSON:"_s;
    QTest::newRow("body-json-trailing-comma")
            << u"registrationBody"_s << u"{\"events\":[\"push\",]}"_s << u"registrationBody"_s
            << u"The registration body is not well-formed JSON:"_s;
    QTest::newRow("body-neither-json-nor-form")
            << u"registrationBody"_s << u"name: web"_s << u"registrationBody"_s
            << u"must be a JSON object or array, or a form body"_s;
}

void TestRegistrationsSection::invalidFieldIsRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, invalidField);
    QFETCH(QString, message);

    m_model->setConnection(m_connectionId);
    QTRY_VERIFY(m_model->isLoaded());
    ui::RegistrationDialog *dialog = openDialog();
    QVERIFY(dialog);
    // A valid form, then the one invalid field.
    dialog->externalIdEdit()->setText(u"12345678"_s);
    dialog->targetUrlEdit()->setText(u"https://hooks.acme.example/github"_s);
    dialog->eventsEdit()->setText(u"push"_s);
    if (auto *edit = dialog->findChild<QLineEdit *>(field))
        edit->setText(value);
    else if (auto *body = dialog->findChild<QPlainTextEdit *>(field))
        body->setPlainText(value);
    else
        QFAIL(qPrintable(u"no field "_s + field));
    QVERIFY(dialog->errorText().isEmpty()); // not before the first OK

    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog->invalidField(), invalidField);
    QVERIFY2(dialog->errorText().contains(message), qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->focusWidget(), dialog->findChild<QWidget *>(invalidField));
    QVERIFY(!dialog->registration().has_value());
    QCOMPARE(dialog->registration().error().code, u"health.invalid_registration"_s);
    QVERIFY(stored().isEmpty());
    QCOMPARE(m_model->rowCount(), 0);

    // Correcting the field clears the message as you type.
    if (auto *edit = dialog->findChild<QLineEdit *>(field))
        edit->setText(field == u"externalId"  ? u"12345678"_s
                      : field == u"targetUrl" ? u"https://hooks.acme.example/github"_s
                      : field == u"events"    ? u"push"_s
                                              : QString());
    else
        dialog->bodyEdit()->setPlainText(
                u"url=https%3A%2F%2Fhooks.acme.example%2F&enabled_events[]=*"_s);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QVERIFY(dialog->invalidField().isEmpty());
}

void TestRegistrationsSection::duplicateIsRefusedByTheCore()
{
    const core::Registration first = addThroughRepository(u"12345678"_s);
    m_model->setConnection(m_connectionId);
    QTRY_COMPARE(m_model->rowCount(), 1);
    ui::RegistrationDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->externalIdEdit()->setText(u"12345678"_s);
    dialog->targetUrlEdit()->setText(u"https://other.example/"_s);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(!dialog->errorText().isEmpty());
    QCOMPARE(dialog->invalidField(), u"externalId"_s);
    QVERIFY2(dialog->errorText().contains(u"12345678"_s), qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    const QList<core::Registration> rows = stored();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first(), first);
}

void TestRegistrationsSection::removeAsksThenRemoves()
{
    const core::Registration kept = addThroughRepository(u"1001"_s);
    const core::Registration removed = addThroughRepository(u"1002"_s);
    m_model->setConnection(m_connectionId);
    QTRY_COMPARE(m_model->rowCount(), 2);
    selectRow(1);
    QCOMPARE(m_section->selectedRegistrationId(), removed.id);
    QVERIFY(m_section->removeButton()->isEnabled());

    // Cancel keeps it.
    m_section->removeButton()->click();
    QMessageBox *question = m_section->removeQuestion();
    QVERIFY(question);
    QTRY_VERIFY(question->isVisible());
    QVERIFY2(question->text().contains(u"repos/acme/shop #1002"_s), qPrintable(question->text()));
    QVERIFY(question->informativeText().contains(u"stays registered at GitHub"_s));
    question->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!m_section->removeQuestion());
    QCOMPARE(stored().size(), 2);

    m_section->removeButton()->click();
    question = m_section->removeQuestion();
    QVERIFY(question);
    QTRY_VERIFY(question->isVisible());
    question->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(m_model->rowCount(), 1);
    const QList<core::Registration> rows = stored();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().id, kept.id);
    QVERIFY(!m_section->errorLabel()->isVisible());
}

void TestRegistrationsSection::removeShowsTheCoresError()
{
    const core::Registration r = addThroughRepository(u"1001"_s);
    m_model->setConnection(m_connectionId);
    QTRY_COMPARE(m_model->rowCount(), 1);
    selectRow(0);
    // Someone else (the CLI) removed it meanwhile.
    auto gone = m_workspace->store->write([id = r.id](core::SqlSession &s) -> core::Result<bool> {
        if (auto removed = core::RegistrationRepository::remove(s, id); !removed)
            return core::fail(removed.error());
        return true;
    });
    QVERIFY(test::waitForFinished(gone));
    m_section->removeButton()->click();
    QVERIFY(m_section->removeQuestion());
    m_section->removeQuestion()->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(m_section->errorLabel()->isVisible());
    QCOMPARE(m_section->errorLabel()->text(),
             u"Cannot remove the registration: There is no webhook registration %1."_s.arg(r.id));
}

void TestRegistrationsSection::toggleStoresReregisterAllowed()
{
    addThroughRepository(u"1001"_s);
    const core::Registration second = addThroughRepository(u"1002"_s);
    m_model->setConnection(m_connectionId);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QVERIFY(!m_section->reregisterBox()->isEnabled());
    selectRow(1);
    QVERIFY(m_section->reregisterBox()->isEnabled());
    QVERIFY(!m_section->reregisterBox()->isChecked());

    m_section->reregisterBox()->click();
    QTRY_VERIFY(stored().value(1).reregisterAllowed);
    QVERIFY(!stored().value(0).reregisterAllowed);
    QTRY_VERIFY(m_section->reregisterBox()->isEnabled());
    QVERIFY(m_section->reregisterBox()->isChecked());
    QCOMPARE(m_model->index(1, Model::ReregisterColumn).data().toString(), u"allowed"_s);
    QCOMPARE(m_section->selectedRegistrationId(), second.id); // the selection survived
    QVERIFY(m_section->detailsLabel()->isVisible());
    QVERIFY2(m_section->detailsLabel()->text().contains(u"\nState: not checked yet.\n"_s),
             qPrintable(m_section->detailsLabel()->text()));

    m_section->reregisterBox()->click();
    QTRY_VERIFY(!stored().value(1).reregisterAllowed);
    QTRY_VERIFY(!m_section->reregisterBox()->isChecked());
}

void TestRegistrationsSection::connectionPageScopesTheModel()
{
    const core::Registration added = addThroughRepository(u"1001"_s);
    models::TenantTreeModel tenants(m_workspace->store.get(), &m_workspace->clock);
    QTRY_VERIFY(tenants.isLoaded());
    ui::ConnectionView view(&m_workspace->clock);
    view.page()->setProviderDisplayName(
            [](const QString &id) { return id == u"github"_s ? u"GitHub"_s : id; });
    Model model(m_workspace->store.get(), &m_workspace->clock);
    view.page()->setRegistrations(&model);
    QCOMPARE(model.connectionId(), 0);
    view.showConnection(tenants.connectionIndex(m_connectionId));
    QCOMPARE(model.connectionId(), m_connectionId);
    // Asked before the read answered (the Health tab's jump): selected once the row arrives.
    ui::RegistrationsSection *section = view.page()->registrationsSection();
    section->selectRegistration(added.id);
    QTRY_COMPARE(model.rowCount(), 1);
    QTRY_COMPARE(section->selectedRegistrationId(), added.id);
    // Picking the same connection again reads again: a registration the CLI added meanwhile.
    const core::Registration later = addThroughRepository(u"1002"_s);
    view.showConnection(tenants.connectionIndex(m_connectionId));
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(later.id), 1);
    QCOMPARE(section->selectedRegistrationId(), added.id); // the selection survived
    QVERIFY(view.page()->registrationsSection()->emptyLabel()->text().contains(u"GitHub"_s));
    view.showConnection({});
    QCOMPARE(model.connectionId(), 0);
    QTRY_COMPARE(model.rowCount(), 0);
}

void TestRegistrationsSection::screenshots()
{
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("WB_SCREENSHOT_DIR is not set");
    QVERIFY(QDir().mkpath(dir));
    m_model->setConnection(m_connectionId);
    QTRY_VERIFY(m_model->isLoaded());
    core::Registration hook;
    hook.connectionId = m_connectionId;
    hook.externalId = u"4815162342"_s;
    hook.scope = u"repos/acme/shop"_s;
    hook.targetUrl = u"https://hooks.acme.example/github"_s;
    hook.events = {u"push"_s, u"pull_request"_s};
    hook.reregisterAllowed = true;
    hook.registrationBody = R"({"name":"web","active":true,"events":["push","pull_request"],)"
                            R"("config":{"url":"https://hooks.acme.example/github"}})"_ba;
    WB_AWAIT_OK(added, m_model->add(hook));
    core::Registration org;
    org.connectionId = m_connectionId;
    org.externalId = u"16"_s;
    org.scope = u"orgs/acme"_s;
    org.targetUrl = u"https://hooks.acme.example/github-org"_s;
    org.events = {u"repository"_s, u"member"_s};
    org.expiresAtMs = m_workspace->clock.nowMs() + (2 * 24 + 5) * 3'600'000;
    WB_AWAIT_OK(orgAdded, m_model->add(org));
    core::RegistrationObservation active;
    active.state = core::RegistrationState::Active;
    active.detail = u"active is true"_s;
    auto orgChecked = m_workspace->store->write([id = orgAdded->id,
                                                 at = m_workspace->clock.nowMs() - 600'000,
                                                 active](core::SqlSession &s) {
        return core::RegistrationRepository::recordCheck(s, id, at, active);
    });
    QVERIFY(test::waitForFinished(orgChecked));
    core::RegistrationObservation seen;
    seen.state = core::RegistrationState::Disabled;
    seen.detail = u"active is false"_s;
    seen.lastDeliveryStatus = u"502 Bad Gateway"_s;
    auto checked = m_workspace->store->write(
            [id = added->id, at = m_workspace->clock.nowMs() - 600'000, seen](core::SqlSession &s) {
                return core::RegistrationRepository::recordCheck(s, id, at, seen);
            });
    QVERIFY(test::waitForFinished(checked));
    m_model->refresh();
    QTRY_COMPARE(m_model->index(0, Model::StateColumn).data(Model::StateNameRole).toString(),
                 u"disabled"_s);
    QTRY_COMPARE(m_model->index(1, Model::StateColumn).data(Model::StateNameRole).toString(),
                 u"active"_s);
    selectRow(0);
    QVERIFY(m_section->grab().save(QDir(dir).filePath(u"registrations-section.png"_s)));

    ui::RegistrationDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->externalIdEdit()->setText(u"4815162342"_s);
    dialog->targetUrlEdit()->setText(u"ftp://hooks.acme.example/github"_s);
    dialog->eventsEdit()->setText(u"push, pull_request"_s);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog->invalidField(), u"targetUrl"_s);
    QVERIFY(dialog->grab().save(QDir(dir).filePath(u"registration-dialog.png"_s)));
}

QTEST_MAIN(TestRegistrationsSection)
#include "tst_registrationssection.moc"
