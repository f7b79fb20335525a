// SPDX-License-Identifier: GPL-3.0-or-later
#include "guiapplication.h"
#include "connectionactions.h"
#include "core/util/futures.h"
#include "core/util/workspacelocation.h"

#include "core/dispatch/queuedepthwatcher.h"
#include "core/health/healthmonitor.h"
#include "core/inbound/flow/inboundpipeline.h"
#include "core/inbound/forwarding/inboundforwarder.h"
#include "core/inbound/receiver.h"
#include "core/inbound/verification/signatureverifier.h"
#include "core/providers/providercatalog.h"
#include "core/runtime/workspaceruntime.h"
#include "core/schedule/scheduleservice.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/masterkeycheck.h"
#include "core/secrets/secretkey.h"
#include "core/settings/qsettingssource.h"
#include "core/store/store.h"
#include "core/util/buildinfo.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"
#include "models/deliveries/attemptlistmodel.h"
#include "models/deliveries/deliverylistmodel.h"
#include "models/healthbadgeproxy.h"
#include "models/healthmodel.h"
#include "models/identitymappingmodel.h"
#include "models/inbound/inboundeventlistmodel.h"
#include "models/registrationlistmodel.h"
#include "models/tenanttreemodel.h"
#include "models/timeline/dispatchpolicysimulator.h"
#include "models/timeline/storetimelinesource.h"
#include "ui/connections/connectionpage.h"
#include "ui/connections/connectionview.h"
#include "ui/connections/registrationssection.h"
#include "ui/deliveries/deliveriesview.h"
#include "ui/health/healthview.h"
#include "ui/inbound/inboundactionbar.h"
#include "ui/inbound/inboundview.h"
#include "ui/navigation/navigationpanel.h"
#include "ui/onboarding/onboardingwizard.h"
#include "ui/schedules/schedulesview.h"
#include "ui/settings/masterkeydialog.h"
#include "ui/settings/secretbackendwidget.h"
#include "ui/settings/settingsdialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/statusbarwidgets.h"
#include "ui/timeline/timelineview.h"
#include "ui/widgets/providericon.h"

#include <QApplication>
#include <QIcon>
#include <QInputDialog>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace wb::gui {

void initializeApplication()
{
    namespace bi = core::buildinfo;
    QApplication::setOrganizationName(QString::fromLatin1(bi::organizationName));
    QApplication::setOrganizationDomain(QString::fromLatin1(bi::organizationDomain));
    QApplication::setApplicationName(QString::fromLatin1(bi::applicationName));
    QApplication::setApplicationDisplayName(QString::fromLatin1(bi::applicationDisplayName));
    QApplication::setApplicationVersion(bi::version());
    QApplication::setDesktopFileName(u"wirebench"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/wirebench.svg"_s));

    const QString override = qEnvironmentVariable("WIREBENCH_LANG");
    const QLocale locale = override.isEmpty() ? QLocale() : QLocale(override);
    auto *qtTranslator = new QTranslator(qApp);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(qApp);
    if (translator->load(locale, u"wirebench"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(translator);
}

GuiApplication::GuiApplication(std::unique_ptr<core::SettingsSource> settings)
    : m_settingsSource(settings ? std::move(settings) : std::make_unique<core::QSettingsSource>())
    , m_receiver(std::make_unique<core::Receiver>())
    , m_policySimulator(std::make_unique<models::DispatchPolicySimulator>())
{}

GuiApplication::~GuiApplication() = default;

void GuiApplication::addSettingsPage(const QString &title, SettingsPageFactory create)
{
    m_settingsPages.append({title, std::move(create)});
}

void GuiApplication::start(const QString &workspaceLocation)
{
    const core::SettingsSource::Loaded loaded = m_settingsSource->load();
    m_settings = loaded.settings;
    m_window = std::make_unique<ui::MainWindow>(core::SystemClock::instance());
    connect(m_window.get(), &ui::MainWindow::addTenantRequested, this, &GuiApplication::addTenant);
    connect(m_window.get(), &ui::MainWindow::addConnectionRequested, this,
            &GuiApplication::addConnection);
    connect(m_window.get(), &ui::MainWindow::settingsRequested, this, &GuiApplication::showSettings);
    m_window->timelineView()->setPolicySimulator(m_policySimulator.get());
    // Clicking an attempt on the timeline selects its delivery in the deliveries view (the tab
    // stays: a click also picks the delivery for the what-if overlay).
    connect(m_window->timelineView(), &ui::TimelineView::attemptActivated, this,
            [this](const QString &deliveryId, int attemptNumber) {
                bool ok = false;
                const qint64 id = deliveryId.toLongLong(&ok);
                if (ok)
                    m_window->deliveriesView()->selectDelivery(id, attemptNumber);
            });
    // Activating a run's delivery in the schedules' history shows it in the deliveries view.
    connect(m_window->schedulesView(), &ui::SchedulesView::deliveryActivated, this,
            [this](qint64 deliveryId) {
                m_window->tabs()->setCurrentWidget(m_window->deliveriesView());
                m_window->deliveriesView()->selectDelivery(deliveryId);
            });
    startReceiver();
    m_window->show();
    openWorkspace(workspaceLocation);
    if (!loaded.issues.isEmpty()) {
        QStringList problems;
        for (const core::SettingsIssue &issue : loaded.issues)
            problems << issue.error.message;
        showProblem(tr("Some settings were not valid and were replaced by their defaults"),
                    problems.join(u'\n'));
    }
}

void GuiApplication::openWorkspace(const QString &location)
{
    const core::Clock *clock = core::SystemClock::instance();
    core::Result<std::unique_ptr<core::Store>> opened
            = core::openDefaultWorkspace(core::StoreServices{clock},
                                         core::resolveWorkspacePath(location,
                                                                    m_settings.workspaceLocation));
    if (!opened) {
        m_window->statusWidgets()->setWorkspace({}, opened.error().message);
        showProblem(tr("Cannot open the workspace"), opened.error().message);
        return;
    }
    // The views let go of the old workspace's models before the store they read goes.
    m_window->inboundView()->setModel(nullptr);
    m_window->deliveriesView()->setModels(nullptr, nullptr);
    m_inboundEvents.reset();
    m_deliveries.reset();
    m_attempts.reset();
    m_store = std::move(*opened);
    // Settings → Secrets: the secret backend, its master key, and the migration between backends.
    addSettingsPage(tr("Secrets"), [this](QWidget *parent) {
        return new ui::SecretBackendWidget(*m_store, m_masterKeySource, parent);
    });
    m_window->statusWidgets()->setWorkspace(m_store->location());
    attachReceiver(clock);
    m_tenants = std::make_unique<models::TenantTreeModel>(m_store.get(), clock);
    // Connections show their provider's display name ("GitHub", not the id "github"); a provider
    // the catalog does not know (its profile was removed) shows its id.
    const auto providerName = [catalog = m_catalog.get()](const QString &providerId) {
        return catalog ? catalog->displayName(providerId) : providerId;
    };
    m_tenants->setProviderDisplayName(providerName);
    m_tenants->setProviderIcon([providerName](const QString &providerId) {
        return ui::providerIcon(providerId, providerName(providerId));
    });
    m_health = std::make_unique<models::HealthModel>();
    m_health->setConnectionTitle([this](const core::ConnectionHealth &health) {
        const QModelIndex row = m_tenants->connectionIndex(health.connectionId);
        if (!row.isValid())
            return health.providerId;
        return tr("%1 — %2").arg(row.parent().data().toString(), row.data().toString());
    });
    m_window->healthView()->setModel(m_health.get());
    m_healthBadges = std::make_unique<models::HealthBadgeProxy>(m_health.get());
    m_healthBadges->setSourceModel(m_tenants.get());
    m_window->navigationPanel()->setModel(m_healthBadges.get());
    connect(m_tenants.get(), &models::TenantTreeModel::attentionCountChanged,
            m_window->statusWidgets(), &ui::StatusBarWidgets::setAttentionCount);
    m_mappings = std::make_unique<models::IdentityMappingModel>(m_store.get());
    m_window->connectionView()->page()->setIdentityMappings(m_mappings.get());
    m_registrations = std::make_unique<models::RegistrationListModel>(m_store.get(), clock);
    m_window->connectionView()->page()->setProviderDisplayName(providerName);
    m_window->connectionView()->page()->setRegistrations(m_registrations.get());
    // Providers whose registration checks take our app's own credential (HubSpot, Slack, GitHub
    // App webhooks) get "App credential…" on the connection page.
    m_window->connectionView()->page()->registrationsSection()->setAppCredentialAccess(
            {[this](qint64 connectionId) {
                 const QString providerId = m_tenants->connectionIndex(connectionId)
                                                    .data(models::TenantTreeModel::ProviderIdRole)
                                                    .toString();
                 const core::ProviderProfile *profile = m_catalog ? m_catalog->find(providerId)
                                                                  : nullptr;
                 return profile ? profile->registration.appCredentialHint : QString();
             },
             [this](qint64 connectionId, const QByteArray &value) -> QFuture<core::Result<void>> {
                 core::ConnectionSecrets *secrets = m_runtime ? m_runtime->connectionSecrets()
                                                              : nullptr;
                 if (!secrets) {
                     return QtFuture::makeReadyFuture(core::Result<void>(
                             core::fail(u"secrets.unavailable"_s,
                                        tr("The workspace's secrets are not open."))));
                 }
                 const core::SecretKey key{connectionId, core::SecretKind::AppCredential,
                                           core::SecretSlot::Primary};
                 return secrets->put(key, value)
                         .then(QtFuture::Launch::Sync,
                               [](const core::Result<core::SecretReference> &stored)
                                       -> core::Result<void> {
                                   if (!stored)
                                       return core::fail(stored.error());
                                   return {};
                               });
             }});
    m_window->connectionView()->page()->setWebhookUrl(
            [this](qint64 connectionId) { return webhookUrl(connectionId); });
    m_schedules = std::make_unique<core::ScheduleService>(*m_store);
    m_window->schedulesView()->setServices(m_schedules.get(), clock);
    connectNavigation();
    m_timelineSource = std::make_unique<models::StoreTimelineSource>(*m_store);
    m_window->timelineView()->setSource(m_timelineSource.get());
    m_inboundEvents = std::make_unique<models::InboundEventListModel>(*m_store);
    m_window->inboundView()->setModel(m_inboundEvents.get());
    // "Edit and re-deliver" re-signs with the event's provider scheme and its connection's
    // primary webhook signing secret.
    m_window->inboundView()->actions()->setSigningMaterialSource(
            [this](const core::InboundEvent &event) -> QFuture<core::Result<ui::SigningMaterial>> {
                ui::SigningMaterial material;
                const core::ProviderProfile *profile = m_catalog ? m_catalog->find(event.providerId)
                                                                 : nullptr;
                if (const core::SignatureScheme *scheme
                    = profile ? core::signatureSchemeForResigning(event.request,
                                                                  profile->signatureSchemes)
                              : nullptr)
                    material.scheme = *scheme;
                core::ConnectionSecrets *secrets = m_runtime ? m_runtime->connectionSecrets()
                                                             : nullptr;
                if (!secrets || !event.connectionId || !material.scheme)
                    return QtFuture::makeReadyFuture(core::Result<ui::SigningMaterial>(material));
                const core::SecretKey key{*event.connectionId,
                                          core::SecretKind::WebhookSigningSecret,
                                          core::SecretSlot::Primary};
                return secrets->get(key).then(QtFuture::Launch::Sync,
                                              [material](
                                                      const core::Result<QByteArray> &secret) mutable
                                              -> core::Result<ui::SigningMaterial> {
                                                  if (!secret)
                                                      return core::fail(secret.error());
                                                  material.secrets = {*secret};
                                                  return material;
                                              });
            });
    m_deliveries = std::make_unique<models::DeliveryListModel>(*m_store);
    m_attempts = std::make_unique<models::AttemptListModel>(*m_store);
    m_window->deliveriesView()->setModels(m_deliveries.get(), m_attempts.get());
    // First start: a demo tenant, so the window shows what a workspace holds. Never again once
    // the workspace was seeded (or had tenants of its own).
    core::whenFinished(m_store->seedDemoWorkspace(), this, [this](const core::Result<bool> &seeded) {
        if (seeded && *seeded)
            m_window->statusBar()->showMessage(
                    tr("Created the demo tenant “Acme Corp (demo)”: delete it whenever you like."),
                    10000);
    });
}

void GuiApplication::showProblem(const QString &title, const QString &details)
{
    // Window-modal and asynchronous: no nested event loop.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Wirebench"), title, QMessageBox::Close,
                                m_window.get());
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void GuiApplication::addTenant()
{
    if (!m_store)
        return;
    auto *dialog = new QInputDialog(m_window.get());
    dialog->setObjectName(u"addTenantDialog"_s);
    dialog->setWindowTitle(tr("Add tenant"));
    dialog->setLabelText(tr("Name of the tenant (your customer):"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        core::Tenant tenant;
        tenant.displayName = name.trimmed();
        core::whenFinished(m_store->addTenant(tenant), this,
                           [this](const core::Result<core::Tenant> &added) {
                               if (!added)
                                   showProblem(tr("Cannot add the tenant"), added.error().message);
                           });
    });
    dialog->open();
}

void GuiApplication::addConnection(qint64 tenantId)
{
    if (!m_store || !m_connectionActions)
        return;
    ui::OnboardingWizard::Services services;
    services.store = m_store.get();
    services.secrets = m_runtime ? m_runtime->connectionSecrets() : nullptr;
    services.catalog = m_catalog.get();
    services.network = m_connectionActions->network();
    services.clock = core::SystemClock::instance();
    services.webhookUrl = [this](qint64 connectionId) {
        return webhookUrl(connectionId);
    };
    auto *wizard = new ui::OnboardingWizard(services, tenantId, m_window.get());
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    ConnectionActions *actions = m_connectionActions.get();
    connect(wizard, &ui::OnboardingWizard::openUrlRequested, actions,
            &ConnectionActions::openInBrowser);
    connect(wizard, &ui::OnboardingWizard::authorized, actions, &ConnectionActions::watchAuthorized);
    // Cancelled with "Remove": what the wizard created goes as the navigation's Remove does it.
    connect(wizard, &ui::OnboardingWizard::discardRequested, actions,
            [actions](qint64 connectionId, qint64 tenantId) {
                if (tenantId != 0)
                    actions->removeTenant(tenantId);
                else
                    actions->remove(connectionId);
            });
    connect(wizard, &ui::OnboardingWizard::connectionAdded, this, [this](qint64 connectionId) {
        m_window->navigationPanel()->selectConnection(connectionId);
    });
    wizard->open();
}

void GuiApplication::connectNavigation()
{
    ui::NavigationPanel *navigation = m_window->navigationPanel();
    connect(navigation, &ui::NavigationPanel::currentChanged, m_mappings.get(),
            [this](qint64 tenantId, qint64 connectionId) {
                if (connectionId != 0)
                    m_mappings->setScope(tenantId, connectionId);
            });
    connect(navigation, &ui::NavigationPanel::disableRequested, this,
            &GuiApplication::setConnectionDisabled);

    ConnectionActions::Services actions;
    actions.store = m_store.get();
    actions.runtime = m_runtime.get();
    actions.catalog = m_catalog.get();
    actions.clock = core::SystemClock::instance();
    actions.tenants = m_tenants.get();
    actions.window = m_window.get();
    actions.browserCommand = [this] {
        return m_settings.browserCommand;
    };
    m_connectionActions = std::make_unique<ConnectionActions>(actions);
    ConnectionActions *oauth = m_connectionActions.get();
    connect(navigation, &ui::NavigationPanel::authorizeRequested, oauth,
            &ConnectionActions::authorize);
    connect(navigation, &ui::NavigationPanel::refreshRequested, oauth, &ConnectionActions::refresh);
    connect(navigation, &ui::NavigationPanel::removeConnectionRequested, oauth,
            &ConnectionActions::remove);
    connect(navigation, &ui::NavigationPanel::removeTenantRequested, oauth,
            &ConnectionActions::removeTenant);
    ui::ConnectionPage *page = m_window->connectionView()->page();
    connect(page, &ui::ConnectionPage::authorizeRequested, oauth, &ConnectionActions::authorize);
    connect(page, &ui::ConnectionPage::refreshRequested, oauth, &ConnectionActions::refresh);
    connect(oauth, &ConnectionActions::message, this,
            [this](const QString &text) { m_window->statusBar()->showMessage(text, 10000); });
    connect(oauth, &ConnectionActions::problem, this, &GuiApplication::showProblem);
}

void GuiApplication::setConnectionDisabled(qint64 connectionId, bool disable)
{
    const QModelIndex row = m_tenants->connectionIndex(connectionId);
    if (!row.isValid())
        return;
    const auto connection = row.data(models::TenantTreeModel::ConnectionRole)
                                    .value<core::Connection>();
    using S = core::ConnectionStatus;
    // Enabling cannot know whether the grant still works: an unexpired access token counts as
    // authorized (the next validity check corrects it), anything else must be authorized again.
    const qint64 now = core::SystemClock::instance()->nowMs();
    const S status = disable ? S::Disabled
                     : connection.tokenExpiresAtMs && *connection.tokenExpiresAtMs > now
                             ? S::Authorized
                             : S::Unauthorized;
    auto future = m_store->setConnectionStatus(connectionId, status, connection.tokenExpiresAtMs);
    core::whenFinished(future, this, [this, disable](const core::Result<core::Connection> &r) {
        if (!r)
            showProblem(disable ? tr("Cannot disable the connection")
                                : tr("Cannot enable the connection"),
                        r.error().message);
    });
}

void GuiApplication::showSettings()
{
    auto *dialog = new ui::SettingsDialog(m_settings, core::SettingsEnvironment::system(),
                                          m_window.get());
    for (const auto &[title, create] : std::as_const(m_settingsPages))
        dialog->addPage(create(dialog), title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const core::AppSettings changed = dialog->settings();
        if (const auto saved = m_settingsSource->save(changed); !saved) {
            showProblem(tr("Cannot save the settings"), saved.error().message);
            return;
        }
        applySettings(changed);
    });
    dialog->open();
}

void GuiApplication::applySettings(const core::AppSettings &settings)
{
    const bool receiverChanged = settings.receiverAddress != m_settings.receiverAddress
                                 || settings.receiverPort != m_settings.receiverPort;
    const bool workspaceChanged = settings.workspaceLocation != m_settings.workspaceLocation;
    m_settings = settings;
    if (receiverChanged) {
        m_receiver->close();
        startReceiver();
    } else {
        applyPublicUrl();
    }
    if (workspaceChanged && !qEnvironmentVariableIsEmpty("WIREBENCH_WORKSPACE")) {
        // The environment names the workspace of every start (resolveWorkspacePath).
        m_window->statusBar()->showMessage(
                tr("WIREBENCH_WORKSPACE names the workspace (%1); the Settings' workspace file "
                   "applies where it is not set.")
                        .arg(qEnvironmentVariable("WIREBENCH_WORKSPACE")),
                10000);
    } else if (workspaceChanged) {
        m_window->statusBar()
                ->showMessage(tr("The new workspace opens the next time Wirebench starts."), 10000);
    }
}

void GuiApplication::attachReceiver(const core::Clock *clock)
{
    // The same runtime as `wirebench-cli serve`: the secret backend, the dispatch engine and the
    // forwarding of inbound events. The receiver verifies with its connection secrets; without
    // them (a sealed workspace whose master key cannot be read) it still stores what arrives.
    m_catalog = std::make_unique<core::ProviderCatalog>(
            core::ProviderCatalog::load(core::ProviderCatalog::defaultUserFolder()));
    m_runtime = std::make_unique<core::WorkspaceRuntime>(
            core::WorkspaceRuntimeServices{m_store.get(), m_catalog.get(), clock,
                                           core::SystemRandomSource::instance()});
    connect(m_runtime.get(), &core::WorkspaceRuntime::started, this, [this, clock] {
        m_window->statusWidgets()->setDispatcherState(tr("Dispatcher running"));
        if (m_schedules) // "Run now" and the schedules' firings go through this scheduler
            m_schedules->setScheduler(m_runtime->scheduler());
        m_window->inboundView()->setDispatcher(m_runtime->dispatcher());
        m_queueDepth = std::make_unique<core::QueueDepthWatcher>(*m_store);
        connect(m_queueDepth.get(), &core::QueueDepthWatcher::countsChanged,
                m_window->statusWidgets(),
                [this](const core::DeliveryRepository::QueueCounts &counts) {
                    m_window->statusWidgets()->setQueueCounts(counts.pending, counts.inFlight);
                });
        m_queueDepth->watch(m_runtime->dispatcher());
        m_queueDepth->start();
        // Live timeline: every attempt the engine logs goes to the timeline as it is recorded
        // (the view coalesces them into one rebuild per TimelineView::liveCoalesceMs).
        if (m_timelineSource) {
            connect(m_runtime->dispatcher(), &core::Dispatcher::attemptRecorded,
                    m_timelineSource.get(), &models::StoreTimelineSource::addRecorded);
        }
        m_receiver->attachWorkspace(core::ReceiverServices{m_store.get(), m_catalog.get(), clock,
                                                           m_runtime->connectionSecrets()});
        connect(m_receiver->pipeline(), &core::InboundPipeline::forwardingPending,
                m_runtime->forwarder(), &core::InboundForwarder::pump);
        attachHealth();
    });
    connect(m_runtime.get(), &core::WorkspaceRuntime::startFailed, this,
            [this, clock](const core::Error &error) {
                m_window->statusWidgets()->setDispatcherState(tr("Dispatcher stopped"),
                                                              error.message);
                m_receiver->attachWorkspace(
                        core::ReceiverServices{m_store.get(), m_catalog.get(), clock, nullptr});
                if (core::MasterKeyCheck::isKeyProblem(error))
                    askForMasterKey(error);
                else
                    showProblem(tr("Signed webhooks cannot be verified, and queued deliveries "
                                   "wait"),
                                error.message);
            });
    startRuntime();
}

void GuiApplication::startRuntime()
{
    core::WorkspaceRuntimeOptions options;
    options.masterKey = m_masterKeySource;
    m_runtime->start(options);
}

void GuiApplication::askForMasterKey(const core::Error &problem)
{
    // A sealed workspace without a usable master key: ask for the key file instead of failing
    // every verification and delivery quietly. Window-modal and asynchronous.
    auto *dialog = new ui::MasterKeyDialog(*m_store, problem, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ui::MasterKeyDialog::keyFileAccepted, this, [this](const QString &path) {
        m_masterKeySource.keyFile = path; // also for Settings → Secrets
        m_window->statusWidgets()->setDispatcherState(tr("Starting the dispatcher…"));
        startRuntime();
    });
    dialog->open();
}

void GuiApplication::attachHealth()
{
    core::HealthMonitor *monitor = m_runtime->healthMonitor();
    if (!monitor || !m_health)
        return;
    // The navigation's badges (m_healthBadges) read m_health.
    for (const core::ConnectionHealth &health : monitor->current())
        m_health->setHealth(health);
    connect(monitor, &core::HealthMonitor::healthChanged, m_health.get(),
            &models::HealthModel::setHealth);
    connect(monitor, &core::HealthMonitor::healthRemoved, m_health.get(),
            &models::HealthModel::removeHealth);
    // The monitor records checks and actions in webhook_registrations, which has no change
    // signals: the connection page reads its registrations again.
    if (m_registrations) {
        connect(monitor, &core::HealthMonitor::roundFinished, m_registrations.get(),
                &models::RegistrationListModel::refresh);
    }
    ui::HealthView *view = m_window->healthView();
    connect(view, &ui::HealthView::checkNowRequested, this, &GuiApplication::checkHealthNow,
            Qt::UniqueConnection);
    connect(view, &ui::HealthView::connectionActivated, m_window->navigationPanel(),
            &ui::NavigationPanel::selectConnection, Qt::UniqueConnection);
    // After the navigation selected it (connected first), so the page shows that connection.
    connect(view, &ui::HealthView::connectionActivated, this, &GuiApplication::showRegistrationsFor,
            Qt::UniqueConnection);
}

void GuiApplication::showRegistrationsFor(qint64 connectionId)
{
    const core::ConnectionHealth *health = m_health ? m_health->healthOf(connectionId) : nullptr;
    if (!health)
        return;
    using A = core::HealthAction;
    const A action = health->action();
    const std::optional<qint64> registrationId
            = health->findings.isEmpty()
                      ? std::nullopt
                      : health->findings.first().registrationId; // the worst finding's
    if (!registrationId && action != A::Renew && action != A::Reregister && action != A::Reenable)
        return;
    ui::ConnectionView *view = m_window->connectionView();
    if (view->page()->connectionId() != connectionId)
        return; // the navigation could not select it (filtered out)
    m_window->tabs()->setCurrentWidget(view);
    ui::RegistrationsSection *section = view->page()->registrationsSection();
    if (registrationId)
        section->selectRegistration(*registrationId);
    section->table()->setFocus(Qt::OtherFocusReason);
}

void GuiApplication::checkHealthNow()
{
    core::HealthMonitor *monitor = m_runtime ? m_runtime->healthMonitor() : nullptr;
    if (!monitor)
        return;
    m_window->healthView()->setChecking(true);
    core::HealthRound round;
    round.checkAll = true;
    core::whenFinished(monitor->runRound(round), this,
                       [this](const core::Result<QList<core::ConnectionHealth>> &assessed) {
                           m_window->healthView()->setChecking(false);
                           if (!assessed)
                               showProblem(tr("Cannot check the webhook registrations"),
                                           assessed.error().message);
                       });
}

QUrl GuiApplication::webhookUrl(qint64 connectionId) const
{
    return m_receiver->isListening() ? m_receiver->registrationUrl(connectionId) : QUrl();
}

void GuiApplication::applyPublicUrl()
{
    m_receiver->setPublicBaseUrl(QUrl(m_settings.publicBaseUrl.trimmed()));
    m_window->statusWidgets()->setPublicUrl(m_receiver->publicBaseUrl());
    m_window->connectionView()->page()->updateWebhookUrl();
}

void GuiApplication::startReceiver()
{
    applyPublicUrl();
    m_window->statusWidgets()->setReceiverNote({});
    const QHostAddress address(m_settings.receiverAddress);
    const auto port = quint16(m_settings.receiverPort);
    core::Result<void> listening = m_receiver->listen(address, port);
    bool moved = false;
    if (!listening && port == core::Receiver::defaultPort) {
        // Another Wirebench (or wirebench-cli serve) holds the default port: take a free one so
        // the GUI still receives, and say which.
        listening = m_receiver->listen(address, 0);
        moved = bool(listening);
    }
    if (!listening) {
        m_window->statusWidgets()->setReceiverUrl({}, listening.error().message);
        return;
    }
    m_window->statusWidgets()->setReceiverUrl(m_receiver->baseUrl());
    m_window->connectionView()->page()->updateWebhookUrl();
    if (moved) {
        const QString text = tr("Port %1 is in use (another Wirebench or wirebench-cli serve?): "
                                "receiving on port %2 instead. Webhooks sent to port %1 reach "
                                "the other program.")
                                     .arg(port)
                                     .arg(m_receiver->baseUrl().port());
        m_window->statusWidgets()->setReceiverNote(text);
        m_window->statusBar()->showMessage(text, 30000);
    }
}

} // namespace wb::gui
