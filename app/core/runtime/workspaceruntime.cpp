// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspaceruntime.h"

#include "forwardingsink.h"
#include "providerratelimits.h"

#include "core/dispatch/connectioncredentials.h"
#include "core/inbound/forwarding/inboundforwarder.h"
#include "core/oauth/credentialrefresher.h"
#include "core/oauth/validitychecker.h"
#include "core/oauth/workspaceoauth.h"
#include "core/schedule/scheduler.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretstore.h"
#include "core/secrets/secretstorefactory.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QLoggingCategory>

#include <QNetworkAccessManager>
#include <QTimer>

namespace wb::core {

Q_LOGGING_CATEGORY(lcRuntime, "wb.runtime", QtInfoMsg)

WorkspaceRuntime::WorkspaceRuntime(const WorkspaceRuntimeServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_network(new QNetworkAccessManager(this))
    , m_oauthNetwork(new QNetworkAccessManager(this))
{}

WorkspaceRuntime::~WorkspaceRuntime() = default;

void WorkspaceRuntime::start(const WorkspaceRuntimeOptions &options)
{
    if (m_startRequested)
        return;
    m_startRequested = true;
    if (!m_services.store || !m_services.catalog || !m_services.clock || !m_services.random) {
        const Error error{QStringLiteral("runtime.invalid_services"),
                          QStringLiteral("the workspace runtime needs a store, a provider "
                                         "catalog, a clock and a random source")};
        QTimer::singleShot(0, this, [this, error] { emit startFailed(error); });
        return;
    }
    whenFinished(openSecretStore(*m_services.store, options.masterKey), this,
                 [this, options](const Result<OpenedSecretStore> &opened) {
                     if (m_stopRequested) // stopped() was emitted already
                         return;
                     if (!opened) {
                         m_startRequested = false; // nothing started: start() may try again
                         emit startFailed(opened.error());
                         return;
                     }
                     // openSecretStore refused another workspace's key already.
                     m_masterKey = opened->masterKey;
                     onSecretsOpened(options, opened->secrets);
                 });
}

void WorkspaceRuntime::onSecretsOpened(const WorkspaceRuntimeOptions &options,
                                       std::shared_ptr<SecretStore> backend)
{
    m_backend = std::move(backend);
    m_secrets = std::make_unique<ConnectionSecrets>(*m_services.store, *m_backend);
    m_credentials = std::make_unique<SecretsConnectionCredentials>(*m_secrets);
    WorkspaceOAuth::Services oauthServices;
    oauthServices.store = m_services.store;
    oauthServices.secrets = m_secrets.get();
    oauthServices.catalog = m_services.catalog;
    oauthServices.network = m_oauthNetwork;
    oauthServices.clock = m_services.clock;
    oauthServices.random = m_services.random;
    oauthServices.fallbackCredentials = m_credentials.get();
    m_oauth = std::make_unique<WorkspaceOAuth>(oauthServices);
    connect(m_oauth.get(), &WorkspaceOAuth::connectionSkipped, this,
            [](qint64 connectionId, const Error &reason) {
                qCWarning(lcRuntime).noquote() << "OAuth: connection" << connectionId
                                               << "is not refreshed:" << reason.message;
            });
    DispatcherServices services;
    services.store = m_services.store;
    services.clock = m_services.clock;
    services.random = m_services.random;
    services.network = m_network;
    services.credentials = &m_oauth->credentials();
    services.tokenRefresher = &m_oauth->tokenRefresher();
    DispatcherOptions dispatcherOptions = options.dispatcher;
    if (!dispatcherOptions.headerSpecFor)
        dispatcherOptions.headerSpecFor = headerSpecsFrom(*m_services.catalog);
    // A forwarded event's state changes in the transaction that ends its delivery.
    if (!dispatcherOptions.onFinalState)
        dispatcherOptions.onFinalState = forwardingOutcomeRecorder();
    Result<std::unique_ptr<Dispatcher>> dispatcher = Dispatcher::create(services, dispatcherOptions);
    if (!dispatcher) {
        emit startFailed(dispatcher.error());
        return;
    }
    m_dispatcher = std::move(*dispatcher);
    Result<std::unique_ptr<Scheduler>> scheduler
            = Scheduler::create(SchedulerServices{m_services.store, m_services.clock,
                                                  m_dispatcher.get()},
                                {});
    if (!scheduler) { // nothing has started yet
        m_dispatcher.reset();
        emit startFailed(scheduler.error());
        return;
    }
    m_scheduler = std::move(*scheduler);
    if (options.monitorHealth) {
        m_healthNetwork = new QNetworkAccessManager(this);
        m_health = std::make_unique<HealthMonitor>(HealthMonitorServices{m_services.store,
                                                                         m_services.catalog,
                                                                         m_healthNetwork,
                                                                         &m_oauth->credentials(),
                                                                         m_secrets.get(),
                                                                         m_services.clock},
                                                   options.health);
    }
    connect(m_dispatcher.get(), &Dispatcher::stopped, this, &WorkspaceRuntime::stopped);
    m_dispatcher->start();
    startForwarding();
    m_scheduler->start();
    if (m_health) {
        connectHealthToOAuth();
        m_health->start();
    }
    // Refreshes start last: a failed start above leaves no refresh timer running.
    whenFinished(m_oauth->start(), this, [](const Result<QList<qint64>> &watched) {
        if (!watched)
            qCWarning(lcRuntime).noquote()
                    << "OAuth: connections not loaded:" << watched.error().message;
        else if (!watched->isEmpty())
            qCInfo(lcRuntime) << "OAuth: looking after connections" << *watched;
    });
    emit started();
}

void WorkspaceRuntime::connectHealthToOAuth()
{
    // What the OAuth layer sees but does not store: passing refresh failures and tokens the
    // check endpoint refused without a dead grant (a dead grant marks the connection).
    HealthMonitor *health = m_health.get();
    connect(&m_oauth->refresher(), &CredentialRefresher::refreshFailed, health,
            [health](qint64 connectionId, const Error &error, qint64 retryAtMs) {
                health->noteRefreshFailure(connectionId, error.message, retryAtMs);
            });
    connect(&m_oauth->refresher(), &CredentialRefresher::refreshed, health,
            [health](qint64 connectionId, qint64) {
                health->noteRefreshFailure(connectionId, {}, std::nullopt);
            });
    connect(&m_oauth->checker(), &ValidityChecker::checked, health,
            [health](qint64 connectionId, const ValidityCheck &check) {
                if (check.verdict == ValidityCheck::Verdict::Invalid)
                    health->noteTokenRefused(connectionId, check.message);
                else if (check.verdict == ValidityCheck::Verdict::Valid)
                    health->noteTokenRefused(connectionId, {});
            });
}

void WorkspaceRuntime::startForwarding()
{
    m_forwarder = std::make_unique<InboundForwarder>(m_services.store, forwardingDeliverySink());
    connect(m_forwarder.get(), &InboundForwarder::handedOver, m_dispatcher.get(), &Dispatcher::wake);
    connect(m_forwarder.get(), &InboundForwarder::handOverFailed, this, [](const Error &error) {
        qCWarning(lcRuntime) << "forwarding inbound events failed (they stay pending):"
                             << error.message;
    });
    // Events left pending by an earlier run (a crash between storing and handing over).
    m_forwarder->pump();
}

void WorkspaceRuntime::stop()
{
    m_stopRequested = true;
    if (m_health)
        m_health->stop();
    if (m_scheduler)
        m_scheduler->stop();
    if (m_dispatcher) {
        m_dispatcher->stop();
        return;
    }
    QTimer::singleShot(0, this, &WorkspaceRuntime::stopped);
}

} // namespace wb::core
