// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/dispatcher.h"
#include "core/health/healthmonitor.h"
#include "core/secrets/masterkeysource.h"
#include "core/util/result.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace wb::core {

class Clock;
class ConnectionSecrets;
class InboundForwarder;
class ProviderCatalog;
class RandomSource;
class Scheduler;
class SecretStore;
class SecretsConnectionCredentials;
class WorkspaceOAuth;
class Store;

struct WorkspaceRuntimeServices
{
    Store *store = nullptr;                   // required; outlives the runtime
    const ProviderCatalog *catalog = nullptr; // required; outlives the runtime
    const Clock *clock = nullptr;             // required
    RandomSource *random = nullptr;           // required: the dispatcher's jitter
};

struct WorkspaceRuntimeOptions
{
    // Where a sealed workspace's master key comes from (key file, WIREBENCH_MASTER_KEY_FILE, the
    // keychain); unused for a keychain workspace.
    MasterKeySource masterKey;
    // Passed to Dispatcher::create; an empty headerSpecFor is filled from the provider catalog
    // (providerratelimits.h).
    DispatcherOptions dispatcher;
    // Registration health (core/health): checked in rounds while the runtime runs.
    bool monitorHealth = true;
    HealthMonitorOptions health;
};

// The background services of one open workspace, composed in one place for `wirebench-cli serve`,
// `wirebench-cli deliver` and the GUI: the secret backend and the connection secrets, the
// connection credentials (access tokens, signing secrets), the dispatch engine, on its own
// QNetworkAccessManager (the engine's admission control counts on having QNAM's six connections per
// host to itself), and the forwarding of inbound events to their connections' forward targets
// through that engine (forwardingsink.h), each event's forwarding state changing in the
// transaction that ends its delivery; the scheduler, which fires the schedules into the same
// engine; the OAuth lifecycle (core/oauth/workspaceoauth.h: connections authorized with a
// stored client are refreshed ahead of expiry and checked periodically, and their access tokens
// reach the dispatcher, with refresh on 401), on a QNetworkAccessManager of its own; and the
// health monitor (core/health), which checks the connections' webhook registrations, renews and
// re-registers them where allowed, and assesses every connection.
//
// start() opens the secret backend (asynchronously: a sealed workspace may read its master key
// from the keychain) and then starts the dispatcher; started() or startFailed() tells which. When
// the secrets cannot be opened the dispatcher is not started: a delivery to a connection would go
// out unsigned and without its access token, so queued deliveries wait instead.
//
// Thread: the main thread (the thread of the Store's owner); every method and signal there.
class WorkspaceRuntime final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceRuntime)

public:
    explicit WorkspaceRuntime(const WorkspaceRuntimeServices &services, QObject *parent = nullptr);
    ~WorkspaceRuntime() override;

    // Once (but see below). Emits started() or startFailed(error) from the event loop. Errors: those of
    // openSecretStore (secrets.master_key_missing, secrets.master_key_permissions, keychain.*,
    // …), secrets.wrong_master_key when a sealed workspace's key is not the one it recorded
    // (openSecretStore checks it), and those of Dispatcher::create (dispatch.invalid_options,
    // dispatch.bad_limits). MasterKeyCheck::isKeyProblem() tells the errors a key file fixes.
    // After a failure to open the secrets (nothing has started then), start() may be called
    // again, e.g. with the key file a person chose (options.masterKey.keyFile).
    void start(const WorkspaceRuntimeOptions &options);
    // Stops claiming deliveries; emits stopped() once the attempts running are recorded (at once
    // when nothing runs or start() has not succeeded yet; a start still opening the secrets is
    // abandoned then, without started() or startFailed()).
    void stop();

    // Null until started() (and after startFailed()). Owned by the runtime.
    Dispatcher *dispatcher() const { return m_dispatcher.get(); }
    ConnectionSecrets *connectionSecrets() const { return m_secrets.get(); }
    // Connect InboundPipeline::forwardingPending to its pump() (a receiver in this process).
    InboundForwarder *forwarder() const { return m_forwarder.get(); }
    // Null until started(). Owned by the runtime.
    WorkspaceOAuth *oauth() const { return m_oauth.get(); }
    // Fires the workspace's schedules through the dispatcher (null until started()).
    Scheduler *scheduler() const { return m_scheduler.get(); }
    // Registration health of the workspace's connections (null until started()). Runs rounds
    // on its own QNetworkAccessManager (the dispatcher's is left to deliveries).
    HealthMonitor *healthMonitor() const { return m_health.get(); }
    // The master key's origin for a sealed workspace once started; empty otherwise.
    const std::optional<LoadedMasterKey> &masterKey() const { return m_masterKey; }

Q_SIGNALS:
    void started();
    void startFailed(const wb::core::Error &error);
    void stopped();

private:
    void onSecretsOpened(const WorkspaceRuntimeOptions &options,
                         std::shared_ptr<SecretStore> backend);
    void startForwarding();
    void connectHealthToOAuth();

    WorkspaceRuntimeServices m_services;
    QNetworkAccessManager *m_network = nullptr;      // child
    QNetworkAccessManager *m_oauthNetwork = nullptr; // child
    std::shared_ptr<SecretStore> m_backend;
    std::optional<LoadedMasterKey> m_masterKey;
    // Destroyed in reverse order: the dispatcher before the credentials and secrets it uses.
    std::unique_ptr<ConnectionSecrets> m_secrets;
    std::unique_ptr<SecretsConnectionCredentials> m_credentials;
    std::unique_ptr<WorkspaceOAuth> m_oauth;
    std::unique_ptr<Dispatcher> m_dispatcher;
    std::unique_ptr<InboundForwarder> m_forwarder;
    std::unique_ptr<Scheduler> m_scheduler;           // uses the dispatcher: destroyed first
    QNetworkAccessManager *m_healthNetwork = nullptr; // child
    std::unique_ptr<HealthMonitor> m_health;          // uses the OAuth credentials and the secrets
    bool m_startRequested = false;
    bool m_stopRequested = false;
};

} // namespace wb::core
