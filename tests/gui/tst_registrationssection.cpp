// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connections/appcredentialdialog.h"
#include "ui/connections/registrationdialog.h"
#include "ui/connections/registrationssection.h"

#include "core/health/registrationrepository.h"
#include "core/secrets/connectionsecrets.h"
#include "models/registrationlistmodel.h"
#include "models/tenanttreemodel.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "support/memorysecretstore.h"
#include "ui/connections/connectionpage.h"
#include "ui/connections/connectionview.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
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
    void editSavesTheCorrection();
    void editKeepsWhatTheMonitorChangedMeanwhile();
    void pastExpiryIsRefused();
    void refreshShowsChangesMadeElsewhere();
    void appCredentialIsStored();
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
    // appCredentialIsStored's functions refer to its locals, also when it failed half-way.
    if (m_section)
        m_section->setAppCredentialAccess({});
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

void TestRegistrationsSection::editSavesTheCorrection()
{
    core::Registration first = addThroughRepository(u"1001"_s);
    const core::Registration second = addThroughRepository(u"1002"_s);
    // The last check found it active.
    core::RegistrationObservation active;
    active.state = core::RegistrationState::Active;
    active.detail = u"active is true"_s;
    auto checked = m_workspace->store->write(
            [id = first.id, at = m_workspace->clock.nowMs(), active](core::SqlSession &session) {
                return core::RegistrationRepository::recordCheck(session, id, at, active);
            });
    QVERIFY(test::waitForFinished(checked));
    m_model->setConnection(m_connectionId);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QVERIFY(!m_section->editButton()->isEnabled());

    // A double-click opens the selected registration for editing, filled in.
    selectRow(0);
    QVERIFY(m_section->editButton()->isEnabled());
    const QRect cell = m_section->table()->visualRect(m_model->index(0, 0));
    // An item view takes a double-click as such after the press that starts it.
    QTest::mouseClick(m_section->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(m_section->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_VERIFY(m_section->addDialog());
    ui::RegistrationDialog *dialog = m_section->addDialog();
    QVERIFY(dialog->isEditing());
    QCOMPARE(dialog->windowTitle(), u"Edit webhook registration"_s);
    QCOMPARE(dialog->externalIdEdit()->text(), u"1001"_s);
    QCOMPARE(dialog->scopeEdit()->text(), u"repos/acme/shop"_s);
    QVERIFY(!dialog->expiresBox()->isChecked());

    // Its id taken by the other one: refused by the core, nothing stored.
    dialog->externalIdEdit()->setText(u"1002"_s);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(dialog->invalidField(), u"externalId"_s);
    QCOMPARE(stored().value(0).externalId, u"1001"_s);

    // Moved to the organization: saved, checked anew, the row and the selection follow.
    dialog->externalIdEdit()->setText(u"1001"_s);
    dialog->scopeEdit()->setText(u"orgs/acme"_s);
    dialog->eventsEdit()->setText(u"push, issues"_s);
    QSignalSpy updated(dialog, &ui::RegistrationDialog::registrationUpdated);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(updated.size(), 1);
    QTRY_VERIFY(!m_section->addDialog());
    const core::Registration saved = stored().value(0);
    QCOMPARE(saved.id, first.id);
    QCOMPARE(saved.scope, u"orgs/acme"_s);
    QCOMPARE(saved.events, (QStringList{u"push"_s, u"issues"_s}));
    QCOMPARE(saved.state, core::RegistrationState::Unchecked);
    QCOMPARE(saved.origin, first.origin);
    QCOMPARE(stored().value(1), second);
    QCOMPARE(m_model->index(0, Model::RegistrationColumn).data().toString(), u"orgs/acme #1001"_s);
    QCOMPARE(m_section->selectedRegistrationId(), first.id);
}

void TestRegistrationsSection::editKeepsWhatTheMonitorChangedMeanwhile()
{
    core::Registration graph;
    graph.connectionId = m_connectionId;
    graph.externalId = u"sub-1"_s;
    graph.expiresAtMs = m_workspace->clock.nowMs() + 3'600'000;
    auto added = m_workspace->store->write(
            [graph](core::SqlSession &s) { return core::RegistrationRepository::add(s, graph); });
    QVERIFY(test::waitForFinished(added) && added.result());
    m_model->setConnection(m_connectionId);
    QTRY_COMPARE(m_model->rowCount(), 1);
    selectRow(0);
    m_section->editButton()->click();
    ui::RegistrationDialog *dialog = m_section->addDialog();
    QVERIFY(dialog);

    // While the editor is open the monitor re-registers it: a new id and expiry.
    const qint64 renewedUntil = m_workspace->clock.nowMs() + 72 * 3'600'000;
    auto reregistered = m_workspace->store->write([id = added.result()->id, renewedUntil,
                                                   at = m_workspace->clock.nowMs()](
                                                          core::SqlSession &s) {
        return core::RegistrationRepository::recordAction(s, id,
                                                          core::RegistrationAction::Reregistered,
                                                          u"registered again"_s, at, renewedUntil,
                                                          u"sub-2"_s);
    });
    QVERIFY(test::waitForFinished(reregistered) && reregistered.result());

    // The engineer only corrects the events: the monitor's id and expiry stay.
    dialog->eventsEdit()->setText(u"created, updated"_s);
    QSignalSpy updated(dialog, &ui::RegistrationDialog::registrationUpdated);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(updated.size(), 1);
    const core::Registration saved = stored().value(0);
    QCOMPARE(saved.externalId, u"sub-2"_s);
    QCOMPARE(saved.expiresAtMs, std::optional<qint64>(renewedUntil));
    QCOMPARE(saved.events, (QStringList{u"created"_s, u"updated"_s}));
    QCOMPARE(saved.lastAction, core::RegistrationAction::Reregistered);
}

void TestRegistrationsSection::pastExpiryIsRefused()
{
    m_model->setConnection(m_connectionId);
    QTRY_VERIFY(m_model->isLoaded());
    ui::RegistrationDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->externalIdEdit()->setText(u"1001"_s);
    dialog->expiresBox()->setChecked(true);
    const QDateTime yesterday
            = QDateTime::fromMSecsSinceEpoch(m_workspace->clock.nowMs()).toLocalTime().addDays(-1);
    dialog->expiresEdit()->setDateTime(yesterday);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog->invalidField(), u"expiresAt"_s);
    QVERIFY2(dialog->errorText().contains(u"is in the past"_s), qPrintable(dialog->errorText()));
    QVERIFY(stored().isEmpty());
    // A later expiry clears the message as you type.
    dialog->expiresEdit()->setDateTime(yesterday.addDays(3));
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));

    // An edited registration whose expiry has passed (a lapsed Graph subscription) may keep it.
    dialog->reject();
    QTRY_VERIFY(!m_section->addDialog());
    core::Registration lapsed;
    lapsed.connectionId = m_connectionId;
    lapsed.externalId = u"lapsed"_s;
    lapsed.expiresAtMs = m_workspace->clock.nowMs() - 3'600'000;
    auto added = m_workspace->store->write([lapsed](core::SqlSession &session) {
        return core::RegistrationRepository::add(session, lapsed);
    });
    QVERIFY(test::waitForFinished(added) && added.result());
    m_model->refresh();
    QTRY_COMPARE(m_model->rowCount(), 1);
    selectRow(0);
    m_section->editButton()->click();
    QVERIFY(m_section->addDialog());
    m_section->addDialog()->eventsEdit()->setText(u"created"_s);
    m_section->addDialog()->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(!m_section->addDialog());
    QCOMPARE(stored().value(0).events, QStringList{u"created"_s});
    QCOMPARE(stored().value(0).expiresAtMs, lapsed.expiresAtMs);
}

void TestRegistrationsSection::refreshShowsChangesMadeElsewhere()
{
    m_section->setRefreshIntervalMs(50);
    m_model->setConnection(m_connectionId);
    QTRY_VERIFY(m_model->isLoaded());
    // Hidden and shown again: the timer runs while the section is shown.
    m_section->hide();
    m_section->show();
    const core::Registration added = addThroughRepository(u"from-the-cli"_s);
    QTRY_COMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowOf(added.id), 0);
    QVERIFY(m_section->table()->isVisible());
    QVERIFY(!m_section->emptyLabel()->isVisible());
}

void TestRegistrationsSection::appCredentialIsStored()
{
    test::MemorySecretStore backend;
    core::ConnectionSecrets secrets(*m_workspace->store, backend);
    QString hint = u"the GitHub App's private key"_s;
    bool refuse = false;
    m_section->setAppCredentialAccess(
            {[&hint](qint64) { return hint; },
             [&](qint64 connectionId, const QByteArray &value) -> QFuture<core::Result<void>> {
                 if (refuse)
                     return QtFuture::makeReadyFuture(
                             core::Result<void>(core::fail(u"secrets.keychain_locked"_s,
                                                           u"The keychain is locked."_s)));
                 return secrets
                         .put({connectionId, core::SecretKind::AppCredential,
                               core::SecretSlot::Primary},
                              value)
                         .then(QtFuture::Launch::Sync,
                               [](const core::Result<core::SecretReference> &r)
                                       -> core::Result<void> {
                                   if (!r)
                                       return core::fail(r.error());
                                   return {};
                               });
             }});
    m_model->setConnection(m_connectionId);
    QTRY_VERIFY(m_model->isLoaded());
    QVERIFY(m_section->appCredentialButton()->isVisible());

    m_section->appCredentialButton()->click();
    ui::AppCredentialDialog *dialog = m_section->appCredentialDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->findChild<QLabel *>(u"hint"_s)->text().contains(hint));
    // Nothing entered: refused, nothing stored.
    dialog->storeButton()->click();
    QVERIFY2(dialog->errorText().contains(u"Paste the credential"_s),
             qPrintable(dialog->errorText()));

    // Loaded from a .pem file; the file's last line break is not part of it.
    const QByteArray pem
            = "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBg\n-----END PRIVATE KEY-----"_ba;
    const QString file = m_workspace->dir.filePath(u"app.pem"_s);
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(pem + '\n');
    }
    QVERIFY(dialog->loadFile(file));
    QVERIFY(!dialog->loadFile(file + u".missing"_s));
    QVERIFY(dialog->errorText().contains(u"Cannot read"_s));

    // The store refuses: said in the dialog, which stays open.
    refuse = true;
    QVERIFY(dialog->loadFile(file));
    dialog->storeButton()->click();
    QTRY_VERIFY(dialog->errorText().contains(u"The keychain is locked."_s));
    QVERIFY(dialog->isVisible());

    refuse = false;
    QSignalSpy stored(dialog, &ui::AppCredentialDialog::stored);
    dialog->storeButton()->click();
    QTRY_COMPARE(stored.size(), 1);
    QTRY_VERIFY(!m_section->appCredentialDialog());
    WB_AWAIT_OK(value, secrets.get({m_connectionId, core::SecretKind::AppCredential,
                                    core::SecretSlot::Primary}));
    QCOMPARE(*value, pem);
    QVERIFY(m_section->noticeLabel()->isVisible());
    QVERIFY(m_section->noticeLabel()->text().contains(u"App credential stored"_s));

    // A provider that needs none: no button.
    hint.clear();
    m_model->refresh();
    QTRY_VERIFY(!m_section->appCredentialButton()->isVisible());
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
    // A GitHub connection may check its app's own webhook: "App credential…" is offered.
    m_section->setAppCredentialAccess(
            {[](qint64) { return u"the GitHub App's private key (the .pem file)"_s; },
             [](qint64, const QByteArray &) {
                 return QtFuture::makeReadyFuture(core::Result<void>());
             }});
    selectRow(0);
    QVERIFY(m_section->grab().save(QDir(dir).filePath(u"registrations-section.png"_s)));
    m_section->appCredentialButton()->click();
    QVERIFY(m_section->appCredentialDialog());
    QVERIFY(QTest::qWaitForWindowExposed(m_section->appCredentialDialog()));
    QVERIFY(m_section->appCredentialDialog()->grab().save(
            QDir(dir).filePath(u"app-credential-dialog.png"_s)));
    m_section->appCredentialDialog()->reject();
    QTRY_VERIFY(!m_section->appCredentialDialog());

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
