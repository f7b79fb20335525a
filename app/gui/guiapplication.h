// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/masterkeysource.h"
#include "core/settings/settingssource.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QWidget;

namespace wb::core {
class Clock;
class QueueDepthWatcher;
class ProviderCatalog;
class Receiver;
class ScheduleService;
class Store;
class WorkspaceRuntime;
} // namespace wb::core
namespace wb::models {
class AttemptListModel;
class DeliveryListModel;
class InboundEventListModel;
class DispatchPolicySimulator;
class HealthBadgeProxy;
class HealthModel;
class IdentityMappingModel;
class RegistrationListModel;
class StoreTimelineSource;
class TenantTreeModel;
} // namespace wb::models
namespace wb::ui {
class MainWindow;
}

namespace wb::gui {

class ConnectionActions;

// Wires the GUI together: opens the workspace, creates the core services the window shows
// (store, receiver, …) and the models over them, then the main window, and passes them in. Owns
// all of them. Thread: main thread.
class GuiApplication final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiApplication)

public:
    // `settings`: where the application settings live (QSettingsSource when null).
    explicit GuiApplication(std::unique_ptr<core::SettingsSource> settings = {});
    ~GuiApplication() override;

    // An extra page of the Settings dialog (the secret backend, …): `create` makes the page each
    // time the dialog opens; the dialog owns it.
    using SettingsPageFactory = std::function<QWidget *(QWidget *parent)>;
    void addSettingsPage(const QString &title, SettingsPageFactory create);

    // Opens the workspace (`workspaceLocation`, else $WIREBENCH_WORKSPACE, else the Settings'
    // workspace file, else the default file in the user's data folder, as wirebench-cli does:
    // resolveWorkspacePath in core/util/workspacelocation.h; seeded with a demo
    // tenant on first start), starts the services (the receiver on the Settings' address) and
    // shows the main window. Problems that do not prevent the window from opening (receiver port in
    // use, a workspace that cannot be opened) are shown in it rather than refused.
    void start(const QString &workspaceLocation = {});

    ui::MainWindow *mainWindow() const { return m_window.get(); }
    core::Store *store() const { return m_store.get(); }
    core::Receiver *receiver() const { return m_receiver.get(); }
    const core::AppSettings &settings() const { return m_settings; }

private:
    void openWorkspace(const QString &location);
    void startReceiver();
    // The Settings' public URL to the receiver and the status bar.
    void applyPublicUrl();
    // Where providers send a connection's webhooks (the receiver's registration URL, with the
    // public URL when set); empty while the receiver is not listening.
    QUrl webhookUrl(qint64 connectionId) const;
    void attachReceiver(const core::Clock *clock);
    void startRuntime();
    // A sealed workspace's master key could not be used: the MasterKeyDialog asks for the key
    // file, and the runtime starts again with it.
    void askForMasterKey(const core::Error &problem);
    void addTenant();
    // The onboarding wizard, for `tenantId` (0: none preselected).
    void addConnection(qint64 tenantId);
    void showSettings();
    void applySettings(const core::AppSettings &settings);
    void setConnectionDisabled(qint64 connectionId, bool disable);
    void connectNavigation();
    void attachHealth();
    void checkHealthNow();
    // A Health row was opened: when its worst finding is about a registration, or its action is
    // a registration remedy (renew, re-register, re-enable), the Connection tab comes forward
    // with the connection's registrations (that registration selected).
    void showRegistrationsFor(qint64 connectionId);
    void showProblem(const QString &title, const QString &details);

    std::unique_ptr<core::SettingsSource> m_settingsSource;
    core::AppSettings m_settings;
    QList<std::pair<QString, SettingsPageFactory>> m_settingsPages;
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    // The dispatch engine and inbound forwarding; before the receiver, which uses its secrets.
    std::unique_ptr<core::WorkspaceRuntime> m_runtime;
    core::MasterKeySource m_masterKeySource; // the default sources, or the key file the user chose
    std::unique_ptr<core::QueueDepthWatcher> m_queueDepth; // the status bar's queue counts
    std::unique_ptr<models::TenantTreeModel> m_tenants;
    std::unique_ptr<models::IdentityMappingModel> m_mappings;
    // The webhook registrations of the connection the connection page shows.
    std::unique_ptr<models::RegistrationListModel> m_registrations;
    // Registration health: the Health tab's rows and the navigation's badges (over m_tenants).
    std::unique_ptr<models::HealthModel> m_health;
    std::unique_ptr<models::HealthBadgeProxy> m_healthBadges;
    std::unique_ptr<core::ScheduleService> m_schedules;
    std::unique_ptr<models::StoreTimelineSource> m_timelineSource;
    std::unique_ptr<models::InboundEventListModel> m_inboundEvents;
    std::unique_ptr<models::DeliveryListModel> m_deliveries;
    std::unique_ptr<models::AttemptListModel> m_attempts;
    std::unique_ptr<core::Receiver> m_receiver;
    std::unique_ptr<models::DispatchPolicySimulator> m_policySimulator;
    std::unique_ptr<ConnectionActions> m_connectionActions; // uses the runtime and the models
    std::unique_ptr<ui::MainWindow> m_window;
};

// Sets the application's name, organisation, version and icon, and installs the translation for
// the user's locale (WIREBENCH_LANG overrides it, e.g. "de").
void initializeApplication();

} // namespace wb::gui
