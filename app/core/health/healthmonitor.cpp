// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/healthmonitor.h"

#include "core/health/healthinputsreader.h"
#include "core/health/lifecyclenotices.h"
#include "core/health/registrationclient.h"
#include "core/health/registrationhttp.h"
#include "core/health/registrationrepository.h"
#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace wb::core {

Q_LOGGING_CATEGORY(lcHealth, "wb.health", QtInfoMsg)

struct HealthMonitor::Round
{
    HealthRound request;
    QPromise<Result<QList<ConnectionHealth>>> promise;
    int pending = 0;
};

namespace {
using Next = std::function<void(const Registration &)>;

bool sameHealth(ConnectionHealth a, const ConnectionHealth &b)
{
    a.assessedAtMs = b.assessedAtMs;
    return a == b;
}
} // namespace

HealthMonitor::HealthMonitor(const HealthMonitorServices &services,
                             const HealthMonitorOptions &options, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_options(options)
{
    if (m_services.network && m_services.credentials && m_services.clock) {
        m_client = std::make_unique<RegistrationClient>(
                RegistrationClientServices{m_services.network, m_services.credentials,
                                           m_services.clock, m_services.secrets, m_services.store,
                                           m_services.catalog});
        m_client->setTimeoutMs(m_options.requestTimeoutMs);
    }
    m_timer.setSingleShot(true);
    m_timer.setInterval(int(std::min<qint64>(m_options.roundIntervalMs, 24 * 3'600'000)));
    connect(&m_timer, &QTimer::timeout, this, [this] { runRound(); });
}

HealthMonitor::~HealthMonitor()
{
    // Rounds still queued or running finish without a result (cancelled).
    m_client.reset();
}

void HealthMonitor::start()
{
    if (m_started)
        return;
    m_started = true;
    runRound();
}

void HealthMonitor::stop()
{
    m_started = false;
    m_timer.stop();
}

QList<ConnectionHealth> HealthMonitor::current() const
{
    QList<ConnectionHealth> result = m_current.values();
    std::sort(result.begin(), result.end(),
              [](const ConnectionHealth &a, const ConnectionHealth &b) {
                  return a.connectionId < b.connectionId;
              });
    return result;
}

std::optional<ConnectionHealth> HealthMonitor::healthOf(qint64 connectionId) const
{
    const auto it = m_current.constFind(connectionId);
    if (it == m_current.cend())
        return std::nullopt;
    return *it;
}

void HealthMonitor::noteRefreshFailure(qint64 connectionId, const QString &reason,
                                       std::optional<qint64> retryAtMs)
{
    LiveCredential &live = m_live[connectionId];
    if (live.refreshFailure == reason && live.refreshRetryAtMs == retryAtMs)
        return;
    live.refreshFailure = reason;
    live.refreshRetryAtMs = reason.isEmpty() ? std::nullopt : retryAtMs;
    runRound(HealthRound{connectionId, false, false});
}

void HealthMonitor::noteTokenRefused(qint64 connectionId, const QString &reason)
{
    LiveCredential &live = m_live[connectionId];
    if (live.tokenRefused == reason)
        return;
    live.tokenRefused = reason;
    runRound(HealthRound{connectionId, false, false});
}

void HealthMonitor::completeCredentials(HealthInputs &inputs) const
{
    CredentialFacts &facts = inputs.credentials;
    if (facts.requestedScopes.isEmpty() && !facts.clientProfile.isEmpty()) {
        if (const ProviderProfile *profile = m_services.catalog->find(facts.clientProfile))
            facts.requestedScopes = profile->oauth.defaultScopes;
    }
    const auto live = m_live.constFind(inputs.connection.id);
    if (live != m_live.cend()) {
        facts.refreshFailure = live->refreshFailure;
        facts.refreshRetryAtMs = live->refreshRetryAtMs;
        facts.tokenRefused = live->tokenRefused;
    }
}

QFuture<Result<QList<ConnectionHealth>>> HealthMonitor::runRound(const HealthRound &request)
{
    auto round = std::make_shared<Round>();
    round->request = request;
    round->promise.start();
    QFuture<Result<QList<ConnectionHealth>>> future = round->promise.future();
    m_queue << round;
    if (!m_running)
        startNext();
    return future;
}

void HealthMonitor::startNext()
{
    if (m_queue.isEmpty()) {
        m_running = false;
        if (m_started)
            m_timer.start();
        return;
    }
    m_running = true;
    m_timer.stop();
    std::shared_ptr<Round> round = m_queue.takeFirst();
    if (!m_services.store || !m_services.catalog || !m_services.clock) {
        round->promise.addResult(Result<QList<ConnectionHealth>>(
                fail(u"health.invalid_services"_s,
                     u"the health monitor needs a store, a provider catalog and a clock"_s)));
        round->promise.finish();
        QTimer::singleShot(0, this, &HealthMonitor::startNext);
        return;
    }
    round->pending = 1; // held until every registration has been started
    if (!m_client) {    // no active checks: assess at once
        done(round);
        return;
    }
    // Only the registrations: the events and credentials are read once, after the checks
    // (finishRound).
    const std::optional<qint64> connectionId = round->request.connectionId;
    whenFinished(m_services.store->read([connectionId](SqlSession &session) {
        return readRegistrationInputs(session, connectionId);
    }),
                 this, [this, round](const Result<QList<HealthInputs>> &inputs) {
                     if (!inputs)
                         return failRound(round, inputs.error());
                     for (const HealthInputs &one : *inputs) {
                         if (one.connection.status == ConnectionStatus::Disabled)
                             continue;
                         const ProviderProfile *profile = m_services.catalog->find(
                                 one.connection.providerId);
                         if (!profile || !profile->registration.present)
                             continue;
                         for (const Registration &registration : one.registrations)
                             careFor(round, *profile, one.connection, registration,
                                     one.passive.lifecycle);
                     }
                     done(round);
                 });
}

void HealthMonitor::failRound(const std::shared_ptr<Round> &round, const Error &error)
{
    round->promise.addResult(Result<QList<ConnectionHealth>>(fail(error)));
    round->promise.finish();
    startNext();
}

void HealthMonitor::done(const std::shared_ptr<Round> &round)
{
    if (--round->pending == 0)
        finishRound(round);
}

void HealthMonitor::careFor(const std::shared_ptr<Round> &round, const ProviderProfile &profile,
                            const Connection &connection, const Registration &registration,
                            const QList<LifecycleNotice> &lifecycle)
{
    ++round->pending;
    const RegistrationApi api = profile.registration;
    const qint64 now = m_services.clock->nowMs();
    const HealthRound request = round->request;
    const qint64 interval = m_options.checkIntervalMs;
    Store *store = m_services.store;

    // Graph lifecycle notifications (lifecyclenotices.h) still calling for action.
    const auto notice = [lifecycle, now](const Registration &r, const QString &event) {
        return LifecycleNotices::pending(lifecycle, r, event, now);
    };
    const auto gone = [now, notice](const Registration &r) {
        return r.state == RegistrationState::Missing || r.state == RegistrationState::Expired
               || (r.expiresAtMs && *r.expiresAtMs <= now)
               || notice(r, u"subscriptionRemoved"_s).has_value();
    };
    const auto backingOff = [request, interval, now](const Registration &r,
                                                     RegistrationAction failure) {
        return !request.checkAll && r.lastAction == failure && r.lastActionAtMs
               && now - *r.lastActionAtMs < interval;
    };
    const auto canReregister = [this, request, api, backingOff](const Registration &r) {
        // A GitHub App's webhook lives in the app's settings: nothing to register again.
        return request.act && r.reregisterAllowed && api.reregisterable
               && !api.isAppWebhook(r.scope)
               && (api.newSecretPointer.isEmpty() || m_services.secrets)
               && !backingOff(r, RegistrationAction::ReregisterFailed);
    };
    const auto dueRenewal = [request, api, now, backingOff, notice](const Registration &r) {
        const bool inLead = r.expiresAtMs && *r.expiresAtMs > now
                            && *r.expiresAtMs - now
                                       <= qint64(RegistrationHttp::renewalTerms(api, r).aheadMinutes)
                                                  * 60'000;
        // A renewal also reauthorizes (learn.microsoft.com/graph/change-notifications-lifecycle-
        // events, "Responding to reauthorizationRequired notifications").
        const bool reauthorize = notice(r, u"reauthorizationRequired"_s).has_value()
                                 && !(r.expiresAtMs && *r.expiresAtMs <= now);
        return request.act && api.renewable && (inLead || reauthorize)
               && r.state != RegistrationState::Missing
               && r.state != RegistrationState::AccessDenied
               && !backingOff(r, RegistrationAction::RenewFailed);
    };
    bool newNotice = false;
    for (const LifecycleNotice &seen : lifecycle) {
        newNotice = newNotice
                    || (seen.subscriptionId == registration.externalId
                        && (!registration.lastCheckedAtMs
                            || seen.receivedAtMs > *registration.lastCheckedAtMs));
    }
    const bool dueCheck = request.checkAll || !registration.lastCheckedAtMs
                          || now - *registration.lastCheckedAtMs >= interval || newNotice;

    auto end = [this, round](const Registration &) {
        done(round);
    };

    // Records `action` and hands the stored registration on (the old one when the write failed).
    auto recordAction = [this, store](const Registration &r, RegistrationAction action,
                                      const QString &detail, std::optional<qint64> expires,
                                      const QString &newId, const Next &next) {
        const qint64 at = m_services.clock->nowMs();
        emit registrationActed(r.id, nameOf(action), detail);
        qCInfo(lcHealth).noquote() << "registration" << r.id << nameOf(action) << detail;
        whenFinished(store->write([id = r.id, action, detail, at, expires,
                                   newId](SqlSession &session) {
            return RegistrationRepository::recordAction(session, id, action, detail, at, expires,
                                                        newId);
        }),
                     this, [r, next](const Result<Registration> &stored) {
                         if (!stored)
                             qCWarning(lcHealth) << "could not record the action on registration"
                                                 << r.id << stored.error().message;
                         next(stored ? *stored : r);
                     });
    };

    auto check = [this, store, connection, api](const Registration &r, const Next &next) {
        whenFinished(m_client->check(connection, api, r), this,
                     [this, store, r, next](const RegistrationObservation &seen) {
                         const qint64 at = m_services.clock->nowMs();
                         whenFinished(store->write([id = r.id, at, seen](SqlSession &session) {
                             return RegistrationRepository::recordCheck(session, id, at, seen);
                         }),
                                      this, [r, next](const Result<Registration> &stored) {
                                          if (!stored)
                                              qCWarning(lcHealth)
                                                      << "could not record the check of "
                                                         "registration"
                                                      << r.id << stored.error().message;
                                          next(stored ? *stored : r);
                                      });
                     });
    };

    auto renew = [this, connection, api, recordAction](const Registration &r, const Next &next) {
        whenFinished(m_client->renew(connection, api, r), this,
                     [r, next, recordAction](const Result<RenewalResult> &renewed) {
                         if (renewed) {
                             recordAction(r, RegistrationAction::Renewed,
                                          tr("Renewed until %1.")
                                                  .arg(RegistrationHttp::formatTime(
                                                          renewed->expiresAtMs)),
                                          renewed->expiresAtMs, QString(), next);
                         } else {
                             recordAction(r, RegistrationAction::RenewFailed,
                                          renewed.error().message, std::nullopt, QString(), next);
                         }
                     });
    };

    auto reregister = [this, connection, api, recordAction](const Registration &r,
                                                            const Next &next) {
        whenFinished(m_client->reregister(connection, api, r), this,
                     [this, r, next, recordAction,
                      connectionId = connection.id](const Result<ReregistrationResult> &created) {
                         if (!created) {
                             recordAction(r, RegistrationAction::ReregisterFailed,
                                          created.error().message, std::nullopt, QString(), next);
                             return;
                         }
                         const QString detail = tr("Registered again as %1 (was %2).")
                                                        .arg(created->externalId, r.externalId);
                         if (created->issuedSecret.isEmpty() || !m_services.secrets) {
                             recordAction(r, RegistrationAction::Reregistered, detail,
                                          created->expiresAtMs, created->externalId, next);
                             return;
                         }
                         // The provider issued a new signing secret: events from now on are signed
                         // with it.
                         const SecretKey key{connectionId, SecretKind::WebhookSigningSecret,
                                             SecretSlot::Primary};
                         whenFinished(m_services.secrets->put(key, created->issuedSecret), this,
                                      [r, next, recordAction, detail,
                                       created = *created](const Result<SecretReference> &put) {
                                          const QString note
                                                  = put ? tr("Its new signing secret is stored.")
                                                        : tr("Its new signing secret could not be "
                                                             "stored (%1): roll the secret at the "
                                                             "provider.")
                                                                    .arg(put.error().message);
                                          const QString full = detail + u' ' + note;
                                          recordAction(r, RegistrationAction::Reregistered, full,
                                                       created.expiresAtMs, created.externalId,
                                                       next);
                                      });
                     });
    };

    auto afterCheck = [gone, canReregister, dueRenewal, reregister, renew, check,
                       end](const Registration &r) {
        if (gone(r) && canReregister(r)) {
            reregister(r, [check, end](const Registration &created) {
                if (created.state == RegistrationState::Unchecked)
                    check(created, end);
                else
                    end(created);
            });
        } else if (dueRenewal(r)) {
            renew(r, end);
        } else {
            end(r);
        }
    };

    if (dueCheck)
        check(registration, afterCheck);
    else
        afterCheck(registration);
}

void HealthMonitor::finishRound(const std::shared_ptr<Round> &round)
{
    const std::optional<qint64> connectionId = round->request.connectionId;
    whenFinished(m_services.store->read([connectionId](SqlSession &session) {
        return readHealthInputs(session, connectionId);
    }),
                 this, [this, round, connectionId](const Result<QList<HealthInputs>> &inputs) {
                     if (!inputs)
                         return failRound(round, inputs.error());
                     const qint64 now = m_services.clock->nowMs();
                     QList<ConnectionHealth> assessed;
                     QSet<qint64> seen;
                     for (HealthInputs one : *inputs) {
                         completeCredentials(one);
                         const ProviderProfile *profile = m_services.catalog->find(
                                 one.connection.providerId);
                         const ConnectionHealth health
                                 = HealthAssessment::assess(one,
                                                            profile ? profile->registration
                                                                    : RegistrationApi{},
                                                            m_options.policy, now);
                         assessed << health;
                         seen.insert(health.connectionId);
                         const auto previous = m_current.constFind(health.connectionId);
                         const bool changed = previous == m_current.cend()
                                              || !sameHealth(*previous, health);
                         m_current.insert(health.connectionId, health);
                         if (changed)
                             emit healthChanged(health);
                     }
                     if (!connectionId) {
                         const QList<qint64> known = m_current.keys();
                         for (qint64 id : known) {
                             if (!seen.contains(id)) {
                                 m_current.remove(id);
                                 emit healthRemoved(id);
                             }
                         }
                     }
                     round->promise.addResult(Result<QList<ConnectionHealth>>(assessed));
                     round->promise.finish();
                     emit roundFinished();
                     startNext();
                 });
}

} // namespace wb::core
