// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/tokenstore.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <optional>

namespace wb::core {
class Clock;
}

namespace wb::test {

// A TokenStore in memory for the OAuth tests (the real one, on the workspace store and the
// keychain, has its own tests). Like the real one it answers asynchronously: every future finishes
// on a later turn of the event loop. Leases expire by the injected clock. Several refreshers may
// share one instance, standing in for several processes sharing a workspace.
//
// Test hooks: an event log of what happened in which order, a stale credential to serve on the
// next read (another process wrote meanwhile), and failing writes.
class MemoryTokenStore final : public QObject, public core::TokenStore
{
    Q_OBJECT

public:
    explicit MemoryTokenStore(const core::Clock &clock, QObject *parent = nullptr);
    ~MemoryTokenStore() override;

    QFuture<core::Result<std::optional<core::TokenSet>>> readTokens(qint64 connectionId) override;
    QFuture<core::Result<void>> writeTokens(qint64 connectionId, const core::TokenSet &tokens,
                                            const QString &releaseLeaseOf) override;
    QFuture<core::Result<void>> removeTokens(qint64 connectionId) override;
    QFuture<core::Result<core::RefreshLease>> acquireRefreshLease(qint64 connectionId,
                                                                  const QString &holder,
                                                                  qint64 durationMs) override;
    QFuture<core::Result<void>> releaseRefreshLease(qint64 connectionId,
                                                    const QString &holder) override;
    QFuture<core::Result<void>> markNeedsReauthorization(qint64 connectionId,
                                                         const core::Error &reason,
                                                         const QString &releaseLeaseOf) override;
    QFuture<core::Result<void>> recordValidityCheck(qint64 connectionId,
                                                    const core::ValidityCheck &check) override;

    // Direct access for assertions and set-up (synchronous).
    std::optional<core::TokenSet> tokens(qint64 connectionId) const;
    void setTokens(qint64 connectionId, const core::TokenSet &tokens);
    bool needsReauthorization(qint64 connectionId) const;
    std::optional<core::Error> reauthorizationReason(qint64 connectionId) const;
    std::optional<core::ValidityCheck> lastCheck(qint64 connectionId) const;
    QString leaseHolder(qint64 connectionId) const;
    int writeCount() const { return m_writeCount; }

    // "write <id> <refresh token>", "read <id>", "lease <id> <holder> granted|busy",
    // "release <id> <holder>", "remove <id>", "reauth <id>", "check <id> <verdict>"; a write or
    // reauth that releases the lease in the same write ends with " releasing <holder>".
    QStringList events() const { return m_events; }
    void logEvent(const QString &event) { m_events.append(event); }

    // The next read of `connectionId` returns `stale` instead of what is stored (once).
    void serveOnNextRead(qint64 connectionId, const core::TokenSet &stale);
    // The next `count` writes fail with store.write_failed.
    void failNextWrites(int count) { m_failingWrites = count; }

private:
    // " releasing <holder>" when `holder` held the lease (which is then released), else "".
    QString releaseInWrite(qint64 connectionId, const QString &holder);

    template<typename T>
    QFuture<core::Result<T>> later(core::Result<T> value);

    struct Lease
    {
        QString holder;
        qint64 expiresAtMs = 0;
    };

    const core::Clock &m_clock;
    QHash<qint64, core::TokenSet> m_tokens;
    QHash<qint64, core::TokenSet> m_staleReads;
    QHash<qint64, Lease> m_leases;
    QHash<qint64, core::Error> m_reauthorization;
    QHash<qint64, core::ValidityCheck> m_checks;
    QStringList m_events;
    int m_failingWrites = 0;
    int m_writeCount = 0;
};

} // namespace wb::test
