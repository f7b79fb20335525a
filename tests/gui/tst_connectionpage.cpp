// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connections/connectionpage.h"
#include "ui/connections/connectionview.h"
#include "ui/connections/durationtext.h"

#include "core/health/registrationrepository.h"
#include "models/identitymappingmodel.h"
#include "models/registrationlistmodel.h"
#include "models/tenanttreemodel.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/providericon.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using Model = models::TenantTreeModel;

// The connection page over a real workspace with a manual clock.
class TestConnectionPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countdownText_data();
    void countdownText();
    void init();
    void cleanup();
    void showsStatusAndCountdown();
    void followsTheRow();
    void buttonsFollowStatus_data();
    void buttonsFollowStatus();
    void showsIdentityMappings();
    void showsTheWebhookUrl();
    void providerIconInitials_data();
    void providerIconInitials();
    void providerLogos_data();
    void providerLogos();
    void screenshot();

private:
    std::unique_ptr<test::TempWorkspace> m_workspace;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<models::IdentityMappingModel> m_mappings;
    std::unique_ptr<ui::ConnectionView> m_view;
    qint64 m_tenantId = 0;
    qint64 m_connectionId = 0;
};

void TestConnectionPage::countdownText_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("negative-is-zero") << qint64(-5000) << u"0 s"_s;
    QTest::newRow("seconds") << qint64(35'400) << u"35 s"_s;
    QTest::newRow("minutes-and-padded-seconds") << qint64((4 * 60 + 9) * 1000) << u"4 min 09 s"_s;
    QTest::newRow("hours-and-padded-minutes")
            << qint64((3600 + 5 * 60 + 59) * 1000) << u"1 h 05 min"_s;
    QTest::newRow("days-and-hours") << qint64((2 * 86400 + 3 * 3600 + 120) * 1000) << u"2 d 3 h"_s;
}

void TestConnectionPage::countdownText()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(ui::countdownText(ms), expected);
}

void TestConnectionPage::init()
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
    c.label = u"production"_s;
    WB_AWAIT_OK(github, m_workspace->store->addConnection(c));
    m_connectionId = github->id;
    m_model = std::make_unique<Model>(m_workspace->store.get(), &m_workspace->clock);
    m_model->setProviderDisplayName(
            [](const QString &id) { return id == u"github"_s ? u"GitHub"_s : id; });
    m_model->setProviderIcon([](const QString &id) {
        return ui::providerIcon(id, id == u"github"_s ? u"GitHub"_s : id);
    });
    QTRY_VERIFY(m_model->isLoaded());
    m_mappings = std::make_unique<models::IdentityMappingModel>(m_workspace->store.get());
    m_view = std::make_unique<ui::ConnectionView>(&m_workspace->clock);
    m_view->page()->setIdentityMappings(m_mappings.get());
    m_view->resize(900, 640);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestConnectionPage::cleanup()
{
    m_view.reset();
    m_mappings.reset();
    m_model.reset();
    m_workspace.reset();
}

void TestConnectionPage::showsStatusAndCountdown()
{
    QVERIFY(m_view->isShowingEmptyState());
    QCOMPARE(m_view->emptyState()->title(), u"No connection selected"_s);
    const qint64 expiresAt = m_workspace->clock.nowMs() + (65 * 60 + 3) * 1000;
    WB_AWAIT_OK(set, m_workspace->store->setConnectionStatus(m_connectionId,
                                                             core::ConnectionStatus::Authorized,
                                                             expiresAt));
    QTRY_COMPARE(m_model->connectionIndex(m_connectionId).data(Model::StatusRole).toString(),
                 u"authorized"_s);
    m_view->showConnection(m_model->connectionIndex(m_connectionId));
    QVERIFY(!m_view->isShowingEmptyState());
    ui::ConnectionPage *page = m_view->page();
    QCOMPARE(page->connectionId(), m_connectionId);
    QCOMPARE(page->findChild<QLabel *>(u"connectionTitle"_s)->text(), u"GitHub · production"_s);
    QCOMPARE(page->findChild<QLabel *>(u"connectionTenant"_s)->text(), u"Tenant: Acme Corp"_s);
    QCOMPARE(page->statusLabel()->text(), u"Authorized"_s);
    QCOMPARE(page->explanationLabel()->text(),
             u"Authorized; the access token expires in 1 h 5 min."_s);
    QVERIFY2(page->expiryLabel()->text().startsWith(u"expires in 1 h 05 min (at "_s),
             qPrintable(page->expiryLabel()->text()));
    QCOMPARE(page->findChild<QLabel *>(u"lastCheck"_s)->text(), u"never checked"_s);
    QCOMPARE(page->findChild<QLabel *>(u"grantedScopes"_s)->text(), u"not recorded"_s);

    // The countdown ticks with the clock (the page re-reads it every second).
    m_workspace->clock.advanceMs(64 * 60 * 1000);
    QTRY_VERIFY2(page->expiryLabel()->text().startsWith(u"expires in 1 min 03 s"_s),
                 qPrintable(page->expiryLabel()->text()));
    m_workspace->clock.advanceMs(2 * 60 * 1000);
    QTRY_VERIFY2(page->expiryLabel()->text().startsWith(u"expired 57 s ago"_s),
                 qPrintable(page->expiryLabel()->text()));

    page->setGrantDetails({u"read:user"_s, u"repo"_s}, m_workspace->clock.nowMs() - 90'000);
    QCOMPARE(page->findChild<QLabel *>(u"grantedScopes"_s)->text(), u"read:user, repo"_s);
    QVERIFY2(page->findChild<QLabel *>(u"lastRefresh"_s)->text().endsWith(u"(1 min 30 s ago)"_s),
             qPrintable(page->findChild<QLabel *>(u"lastRefresh"_s)->text()));
}

void TestConnectionPage::followsTheRow()
{
    m_view->showConnection(m_model->connectionIndex(m_connectionId));
    ui::ConnectionPage *page = m_view->page();
    QCOMPARE(page->statusLabel()->text(), u"Not authorized"_s);
    const qint64 checkedAt = m_workspace->clock.nowMs();
    WB_AWAIT_OK(check,
                m_workspace->store->recordConnectionCheck(m_connectionId, checkedAt,
                                                          u"token refresh failed: invalid_grant"_s));
    WB_AWAIT_OK(set,
                m_workspace->store->setConnectionStatus(m_connectionId,
                                                        core::ConnectionStatus::NeedsReauthorization,
                                                        std::nullopt));
    QTRY_COMPARE(page->statusLabel()->text(), u"Needs re-authorization"_s);
    QVERIFY(page->statusLabel()->styleSheet().contains(u"#c0392b"_s));
    QVERIFY(page->explanationLabel()->text().startsWith(u"Needs re-authorization: refreshing"_s));
    QVERIFY2(page->findChild<QLabel *>(u"lastCheck"_s)
                     ->text()
                     .endsWith(u": token refresh failed: invalid_grant"_s),
             qPrintable(page->findChild<QLabel *>(u"lastCheck"_s)->text()));
    QCOMPARE(page->expiryLabel()->text(), u"no expiry known"_s);

    // Removed: the page empties and the view shows its empty state again.
    QSignalSpy gone(page, &ui::ConnectionPage::connectionGone);
    WB_AWAIT_OK(removed, m_workspace->store->removeConnection(m_connectionId));
    QTRY_COMPARE(gone.count(), 1);
    QCOMPARE(page->connectionId(), 0);
    QVERIFY(m_view->isShowingEmptyState());
}

void TestConnectionPage::buttonsFollowStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("refresh");
    QTest::addColumn<bool>("authorize");
    QTest::addColumn<QString>("authorizeText");
    using S = core::ConnectionStatus;
    QTest::newRow("unauthorized") << int(S::Unauthorized) << false << true
                                  << u"&Authorize in browser…"_s;
    QTest::newRow("expiring") << int(S::Expiring) << true << true << u"Re-&authorize in browser…"_s;
    QTest::newRow("revoked") << int(S::Revoked) << false << true << u"Re-&authorize in browser…"_s;
    QTest::newRow("disabled") << int(S::Disabled) << false << false
                              << u"Re-&authorize in browser…"_s;
}

void TestConnectionPage::buttonsFollowStatus()
{
    QFETCH(int, status);
    QFETCH(bool, refresh);
    QFETCH(bool, authorize);
    QFETCH(QString, authorizeText);
    WB_AWAIT_OK(set, m_workspace->store->setConnectionStatus(m_connectionId,
                                                             core::ConnectionStatus(status),
                                                             std::nullopt));
    QTRY_COMPARE(m_model->connectionIndex(m_connectionId).data(Model::StatusRole).toString(),
                 core::nameOf(core::ConnectionStatus(status)));
    ui::ConnectionPage *page = m_view->page();
    m_view->showConnection(m_model->connectionIndex(m_connectionId));
    QCOMPARE(page->refreshButton()->isEnabled(), refresh);
    QCOMPARE(page->authorizeButton()->isEnabled(), authorize);
    QCOMPARE(page->authorizeButton()->text(), authorizeText);
    QSignalSpy refreshSpy(page, &ui::ConnectionPage::refreshRequested);
    QSignalSpy authorizeSpy(page, &ui::ConnectionPage::authorizeRequested);
    QTest::mouseClick(page->refreshButton(), Qt::LeftButton);
    QTest::mouseClick(page->authorizeButton(), Qt::LeftButton);
    QCOMPARE(refreshSpy.count(), refresh ? 1 : 0);
    QCOMPARE(authorizeSpy.count(), authorize ? 1 : 0);
    if (authorize)
        QCOMPARE(authorizeSpy.at(0).at(0).toLongLong(), m_connectionId);
}

void TestConnectionPage::showsIdentityMappings()
{
    m_mappings->setScope(m_tenantId, m_connectionId);
    m_view->showConnection(m_model->connectionIndex(m_connectionId));
    ui::ConnectionPage *page = m_view->page();
    auto *empty = page->findChild<QLabel *>(u"identityMappingsEmpty"_s);
    auto *table = page->findChild<QTableView *>(u"identityMappings"_s);
    QTRY_VERIFY(m_mappings->isLoaded());
    QVERIFY(empty->isVisible());
    QVERIFY(!table->isVisible());
    core::IdentityMapping mapping;
    mapping.providerId = u"github"_s;
    mapping.externalAccountId = u"12345678"_s;
    mapping.tenantId = m_tenantId;
    mapping.connectionId = m_connectionId;
    mapping.note = u"installation of acme-corp"_s;
    WB_AWAIT_OK(added, m_workspace->store->addIdentityMapping(mapping));
    QTRY_VERIFY(table->isVisible());
    QVERIFY(!empty->isVisible());
    QCOMPARE(table->model()->index(0, 0).data().toString(), u"12345678"_s);
}

void TestConnectionPage::showsTheWebhookUrl()
{
    ui::ConnectionPage *page = m_view->page();
    bool listening = true;
    QList<qint64> asked;
    page->setWebhookUrl([&](qint64 connectionId) {
        asked.append(connectionId);
        return listening ? QUrl(u"https://abc.ngrok.app/wb/hooks/%1"_s.arg(connectionId)) : QUrl();
    });
    // No connection shown: nothing to copy, and nobody asked for a URL.
    QCOMPARE(page->webhookUrlLabel()->text(), QString());
    QVERIFY(!page->copyWebhookUrlButton()->isEnabled());
    QCOMPARE(asked, QList<qint64>());

    m_view->showConnection(m_model->connectionIndex(m_connectionId));
    const QString expected = u"https://abc.ngrok.app/wb/hooks/%1"_s.arg(m_connectionId);
    QCOMPARE(page->webhookUrlLabel()->text(), expected);
    QVERIFY(asked.contains(m_connectionId));
    QVERIFY(page->copyWebhookUrlButton()->isEnabled());
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(page->copyWebhookUrlButton(), Qt::LeftButton);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), expected);

    // The receiver stopped listening: the page says so once told, and offers nothing to copy.
    listening = false;
    page->updateWebhookUrl();
    QVERIFY2(page->webhookUrlLabel()->text().contains(u"receiver is not listening"_s),
             qPrintable(page->webhookUrlLabel()->text()));
    QVERIFY(!page->copyWebhookUrlButton()->isEnabled());

    // Removed: the page empties.
    WB_AWAIT_OK(removed, m_workspace->store->removeConnection(m_connectionId));
    QTRY_COMPARE(page->connectionId(), 0);
    QCOMPARE(page->webhookUrlLabel()->text(), QString());
}

void TestConnectionPage::providerIconInitials_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("initials");
    QTest::newRow("one-word") << u"GitHub"_s << u"G"_s;
    QTest::newRow("two-words") << u"Microsoft Graph"_s << u"MG"_s;
    QTest::newRow("three-words-two-letters") << u"standard webhooks ed25519"_s << u"SW"_s;
    QTest::newRow("dashes") << u"generic-hmac"_s << u"GH"_s;
    QTest::newRow("parenthesis-left-out") << u"Meta (WhatsApp, Messenger, Instagram)"_s << u"M"_s;
    QTest::newRow("punctuation-left-out") << u"X (Twitter)"_s << u"X"_s;
    QTest::newRow("empty") << QString() << u"?"_s;
}

void TestConnectionPage::providerIconInitials()
{
    QFETCH(QString, name);
    QFETCH(QString, initials);
    QCOMPARE(ui::providerInitials(name), initials);
    const QIcon icon = ui::providerIcon(u"x-"_s + name, name);
    QVERIFY(!icon.isNull());
    QCOMPARE(icon.availableSizes().size(), 5);
    // Cached: the same icon for the same provider.
    QCOMPARE(ui::providerIcon(u"x-"_s + name, name).cacheKey(), icon.cacheKey());
}

void TestConnectionPage::providerLogos_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QColor>("colour"); // invalid: no logo, a monogram
    QTest::newRow("github") << u"github"_s << u"GitHub"_s << QColor(0x18, 0x17, 0x17);
    QTest::newRow("slack") << u"slack"_s << u"Slack"_s << QColor(0x4a, 0x15, 0x4b);
    QTest::newRow("microsoft-graph")
            << u"microsoft-graph"_s << u"Microsoft Graph"_s << QColor(0x00, 0x78, 0xd4);
    QTest::newRow("dropbox") << u"dropbox"_s << u"Dropbox"_s << QColor(0x00, 0x61, 0xff);
    QTest::newRow("discord") << u"discord"_s << u"Discord"_s << QColor(0x58, 0x65, 0xf2);
    QTest::newRow("meta") << u"meta"_s << u"Meta (WhatsApp, Messenger, Instagram)"_s
                          << QColor(0x08, 0x66, 0xff);
    QTest::newRow("stripe-has-none") << u"stripe"_s << u"Stripe"_s << QColor();
}

void TestConnectionPage::providerLogos()
{
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QColor, colour);
    // The test machine has fonts-fork-awesome (installer/debian-packages.txt).
    QVERIFY(!ui::brandFontFamily().isEmpty());
    const ui::BrandGlyph brand = ui::brandGlyph(id);
    QCOMPARE(brand.glyph.isNull(), !colour.isValid());
    const QImage logo = ui::providerIcon(id, name).pixmap(32).toImage();
    // The same name without a logo: the monogram.
    const QImage monogram = ui::providerIcon(u"no-logo-"_s + id, name).pixmap(32).toImage();
    if (!colour.isValid()) {
        QCOMPARE(ui::providerIcon(id, name).pixmap(32).toImage().pixelColor(16, 2).alpha(), 255);
        return;
    }
    QCOMPARE(logo.pixelColor(16, 2), colour); // the brand colour at the top edge
    QVERIFY(logo != monogram);
    // White glyph pixels: the logo is drawn, not an empty square.
    int white = 0;
    for (int y = 0; y < logo.height(); ++y) {
        for (int x = 0; x < logo.width(); ++x)
            white += logo.pixelColor(x, y).lightness() > 240 ? 1 : 0;
    }
    QVERIFY2(white > 40, qPrintable(QString::number(white)));
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(ui::providerIcon(id, name).pixmap(64).save(
                QDir(dir).filePath(u"provider-logo-%1.png"_s.arg(id))));
    }
}

void TestConnectionPage::screenshot()
{
    WB_AWAIT_OK(set, m_workspace->store->setConnectionStatus(m_connectionId,
                                                             core::ConnectionStatus::Expiring,
                                                             m_workspace->clock.nowMs()
                                                                     + 4 * 60 * 1000 + 9000));
    WB_AWAIT_OK(check,
                m_workspace->store
                        ->recordConnectionCheck(m_connectionId, m_workspace->clock.nowMs() - 120'000,
                                                u"GET https://api.github.com/user answered 200"_s));
    core::IdentityMapping mapping;
    mapping.providerId = u"github"_s;
    mapping.externalAccountId = u"12345678"_s;
    mapping.tenantId = m_tenantId;
    mapping.connectionId = m_connectionId;
    mapping.note = u"GitHub App installation on acme-corp"_s;
    WB_AWAIT_OK(added, m_workspace->store->addIdentityMapping(mapping));
    m_mappings->setScope(m_tenantId, m_connectionId);
    QTRY_VERIFY(m_mappings->isLoaded());
    QTRY_COMPARE(m_model->connectionIndex(m_connectionId).data(Model::StatusRole).toString(),
                 u"expiring"_s);
    core::Registration hook;
    hook.connectionId = m_connectionId;
    hook.externalId = u"4815162342"_s;
    hook.scope = u"repos/acme-corp/shop"_s;
    hook.targetUrl = u"https://abc.ngrok.app/wb/hooks/%1"_s.arg(m_connectionId);
    hook.events = {u"push"_s, u"pull_request"_s};
    hook.origin = core::RegistrationOrigin::Onboarding;
    hook.state = core::RegistrationState::Active;
    hook.stateDetail = u"active: active is true"_s;
    hook.lastCheckedAtMs = m_workspace->clock.nowMs() - 600'000;
    WB_AWAIT_OK(registered, m_workspace->store->write([hook](core::SqlSession &session) {
        return core::RegistrationRepository::add(session, hook);
    }));
    models::RegistrationListModel registrations(m_workspace->store.get(), &m_workspace->clock);
    ui::ConnectionPage *page = m_view->page();
    page->setProviderDisplayName(
            [](const QString &id) { return id == u"github"_s ? u"GitHub"_s : id; });
    page->setRegistrations(&registrations);
    page->setWebhookUrl([](qint64 connectionId) {
        return QUrl(u"https://abc.ngrok.app/wb/hooks/%1"_s.arg(connectionId));
    });
    m_view->showConnection(m_model->connectionIndex(m_connectionId));
    page->setGrantDetails({u"read:user"_s, u"repo"_s}, m_workspace->clock.nowMs() - 3'600'000);
    QTRY_COMPARE(registrations.rowCount(), 1);
    QTRY_VERIFY(m_view->page()->findChild<QTableView *>(u"identityMappings"_s)->isVisible());
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    QVERIFY(!dir.isEmpty());
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(m_view->grab().save(QDir(dir).filePath(u"connection-page.png"_s)));
    page->setRegistrations(nullptr);
}

QTEST_MAIN(TestConnectionPage)
#include "tst_connectionpage.moc"
