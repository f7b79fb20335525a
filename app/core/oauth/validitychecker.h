// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/tokenresponse.h"
#include "core/oauth/tokenstore.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QTimer>

#include <map>
#include <memory>

class QNetworkAccessManager;

namespace wb::core {

class Clock;
class CredentialRefresher;
struct AccessToken;

// Checks that connections' access tokens are still accepted, through the provider profile's
// check endpoint (OpenID Connect userinfo, Slack auth.test, GitHub /user…): a GET with
// `Authorization: Bearer <token>` (RFC 6750 §2.1).
//  - 2xx without an `error` field → Valid;
//  - 401 → one refresh on 401 through the CredentialRefresher and a second GET; refused again →
//    Invalid, and the connection is marked needs_reauthorization; a grant the refresh found dead
//    → Invalid;
//  - another 4xx, or an `error` field under 2xx (Slack) → Invalid, nothing marked;
//  - network failure, 5xx, 429, a refresh that failed transiently → Unknown.
// Each result is recorded in the TokenStore (for the models) and emitted.
//
// Thread: the thread that created it; asynchronous. The services must outlive it.
class ValidityChecker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValidityChecker)

public:
    ValidityChecker(CredentialRefresher &refresher, TokenStore &store,
                    QNetworkAccessManager &network, const Clock &clock, QObject *parent = nullptr);
    ~ValidityChecker() override;

    // Checks the connection every `intervalMs` (real time) from now on; 0 stops. The connection
    // must be watched by the CredentialRefresher, which holds its configuration.
    void watch(qint64 connectionId, qint64 intervalMs);
    void unwatch(qint64 connectionId);
    // Whether a periodic check is planned for the connection.
    bool isWatching(qint64 connectionId) const { return m_timers.count(connectionId) > 0; }

    // Checks now. A connection without a check endpoint, or not watched by the refresher, gives
    // Unknown with a message saying so (and nothing is recorded).
    QFuture<ValidityCheck> check(qint64 connectionId);

Q_SIGNALS:
    void checked(qint64 connectionId, const wb::core::ValidityCheck &check);

private:
    using Promise = QPromise<ValidityCheck>;
    void probe(qint64 connectionId, const AccessToken &token, bool afterRefresh,
               std::shared_ptr<Promise> promise);
    void onProbed(qint64 connectionId, const EndpointReply &reply, const QString &token,
                  bool afterRefresh, std::shared_ptr<Promise> promise);
    void conclude(qint64 connectionId, ValidityCheck check, bool markReauthorization,
                  std::shared_ptr<Promise> promise);

    CredentialRefresher &m_refresher;
    TokenStore &m_store;
    QNetworkAccessManager &m_network;
    const Clock &m_clock;
    std::map<qint64, std::unique_ptr<QTimer>> m_timers;
};

} // namespace wb::core
