// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"
#include "core/oauth/refreshsettings.h"
#include "core/oauth/tokenresponse.h"
#include "core/oauth/tokenset.h"
#include "core/oauth/tokenstore.h"
#include "core/util/result.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace wb::core {

class Clock;

// One refresh of one connection's access token (RFC 6749 §6), as a job: start() schedules the work,
// finished() reports it once. Used by CredentialRefresher, which makes it single-flight per connection.
//
//  1. Takes the connection's refresh lease in the TokenStore, so that no other process spends the
//     same refresh token. While another holder has it, re-reads the store every
//     RefreshSettings::leaseRetryMs and is done as soon as the other holder stored a usable token.
//  2. Under the lease, re-reads the stored credential: another process may have refreshed it.
//  3. Spends the refresh token at the token endpoint.
//  4. Writes the new credential (a rotated refresh token included) to the store, and only then
//     reports it: nothing uses the new access token before the refresh token is durable.
//  5. On invalid_grant, re-reads the store once: if another process stored a newer refresh token
//     meanwhile, spends that one once; otherwise (or if that fails too) marks the connection
//     needs_reauthorization.
//  6. Releases the lease: in the same store write as the new credential (step 4) or the
//     needs_reauthorization mark (step 5), otherwise on its own.
// A network failure or provider outage (5xx, 429) ends with Kind::Transient and changes nothing.
//
// Thread: the thread that created it. Deleting the job abandons it (the lease then lapses).
class RefreshJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshJob)

public:
    struct Outcome
    {
        enum class Kind {
            Refreshed,            // a new access token was obtained and stored
            AlreadyFresh,         // the store already held a usable token (another process)
            Transient,            // try again later; nothing changed
            NeedsReauthorization, // the grant is dead; the store has been told
        };
        Kind kind = Kind::Transient;
        TokenSet tokens; // Refreshed, AlreadyFresh: the credential now in the store
        Error error;     // Transient, NeedsReauthorization
        std::optional<qint64> retryAfterMs; // Transient: the provider's Retry-After
        // Transient: a credential that arrived but could not be stored. The refresh token in it
        // is the only live one; the next job must store it instead of spending the old one.
        std::optional<TokenSet> unsaved;
    };

    // `rejectedAccessToken`: the access token an API refused (refresh on 401). Empty for a
    // refresh because the token is due. When it is set, the job is done without the network if
    // the store already holds another, unexpired token; when it is empty, if the stored token
    // has not expired.
    RefreshJob(qint64 connectionId, OAuthClientConfig config, TokenStore &store,
               QNetworkAccessManager &network, const Clock &clock, QString leaseHolder,
               RefreshSettings settings, QObject *parent = nullptr);
    ~RefreshJob() override;

    void setRejectedAccessToken(const QString &token) { m_rejectedAccessToken = token; }
    // Tokens a previous job received but could not store (Outcome::unsaved): stored first.
    void setUnsavedTokens(const TokenSet &tokens) { m_unsaved = tokens; }
    // A refresh even though the stored token looks usable (an API refused it without saying
    // which token it was).
    void setForced(bool forced) { m_forced = forced; }

    void start();

Q_SIGNALS:
    void finished(const wb::core::RefreshJob::Outcome &outcome);

private:
    void acquireLease();
    void onLease(const Result<RefreshLease> &lease);
    void pollWhileBusy();
    void readUnderLease();
    void onReadUnderLease(const Result<std::optional<TokenSet>> &tokens);
    void spend(const TokenSet &current);
    void onSpent(const EndpointReply &reply, const TokenSet &current);
    void onInvalidGrant(const Error &error, const TokenSet &spent);
    void store(const TokenSet &tokens, int attempt);
    void markNeedsReauthorization(const Error &reason);
    bool isSatisfiedBy(const TokenSet &tokens) const;
    void finish(Outcome outcome);

    qint64 m_connectionId;
    OAuthClientConfig m_config;
    TokenStore &m_store;
    QNetworkAccessManager &m_network;
    const Clock &m_clock;
    QString m_holder;
    RefreshSettings m_settings;
    QString m_rejectedAccessToken;
    std::optional<TokenSet> m_unsaved;
    bool m_forced = false;
    bool m_leaseHeld = false;
    bool m_rereadAfterInvalidGrant = false;
    bool m_finished = false;
    int m_busyPolls = 0;
    QPointer<QNetworkReply> m_reply;
};

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::RefreshJob::Outcome)
