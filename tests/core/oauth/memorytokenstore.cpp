// SPDX-License-Identifier: GPL-3.0-or-later
#include "memorytokenstore.h"

#include "core/util/clock.h"

#include <QPromise>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace wb::test {

MemoryTokenStore::MemoryTokenStore(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{}

MemoryTokenStore::~MemoryTokenStore() = default;

template<typename T>
QFuture<Result<T>> MemoryTokenStore::later(Result<T> value)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    QTimer::singleShot(0, this, [promise, value = std::move(value)] {
        promise->addResult(value);
        promise->finish();
    });
    return future;
}

QFuture<Result<std::optional<TokenSet>>> MemoryTokenStore::readTokens(qint64 connectionId)
{
    m_events.append(u"read %1"_s.arg(connectionId));
    if (m_staleReads.contains(connectionId))
        return later<std::optional<TokenSet>>(m_staleReads.take(connectionId));
    return later<std::optional<TokenSet>>(tokens(connectionId));
}

QString MemoryTokenStore::releaseInWrite(qint64 connectionId, const QString &holder)
{
    if (holder.isEmpty() || m_leases.value(connectionId).holder != holder)
        return {};
    m_leases.remove(connectionId);
    return u" releasing "_s + holder;
}

QFuture<Result<void>> MemoryTokenStore::writeTokens(qint64 connectionId, const TokenSet &tokens,
                                                    const QString &releaseLeaseOf)
{
    if (m_failingWrites > 0) {
        --m_failingWrites;
        m_events.append(u"write-failed %1"_s.arg(connectionId));
        return later<void>(fail(u"store.write_failed"_s, u"simulated write failure"_s));
    }
    ++m_writeCount;
    m_tokens.insert(connectionId, tokens);
    m_reauthorization.remove(connectionId);
    m_events.append(u"write %1 %2"_s.arg(connectionId).arg(tokens.refreshToken)
                    + releaseInWrite(connectionId, releaseLeaseOf));
    return later<void>({});
}

QFuture<Result<void>> MemoryTokenStore::removeTokens(qint64 connectionId)
{
    m_tokens.remove(connectionId);
    m_events.append(u"remove %1"_s.arg(connectionId));
    return later<void>({});
}

QFuture<Result<RefreshLease>> MemoryTokenStore::acquireRefreshLease(qint64 connectionId,
                                                                    const QString &holder,
                                                                    qint64 durationMs)
{
    const qint64 now = m_clock.nowMs();
    Lease &lease = m_leases[connectionId];
    RefreshLease result;
    if (lease.holder.isEmpty() || lease.holder == holder || lease.expiresAtMs <= now) {
        lease = Lease{holder, now + durationMs};
        result.acquired = true;
    }
    result.holder = lease.holder;
    result.expiresAtMs = lease.expiresAtMs;
    m_events.append(u"lease %1 %2 %3"_s.arg(connectionId)
                            .arg(holder, result.acquired ? u"granted"_s : u"busy"_s));
    return later<RefreshLease>(result);
}

QFuture<Result<void>> MemoryTokenStore::releaseRefreshLease(qint64 connectionId,
                                                            const QString &holder)
{
    if (m_leases.value(connectionId).holder == holder)
        m_leases.remove(connectionId);
    m_events.append(u"release %1 %2"_s.arg(connectionId).arg(holder));
    return later<void>({});
}

QFuture<Result<void>> MemoryTokenStore::markNeedsReauthorization(qint64 connectionId,
                                                                 const Error &reason,
                                                                 const QString &releaseLeaseOf)
{
    m_reauthorization.insert(connectionId, reason);
    m_events.append(u"reauth %1"_s.arg(connectionId) + releaseInWrite(connectionId, releaseLeaseOf));
    return later<void>({});
}

QFuture<Result<void>> MemoryTokenStore::recordValidityCheck(qint64 connectionId,
                                                            const ValidityCheck &check)
{
    m_checks.insert(connectionId, check);
    m_events.append(u"check %1 %2"_s.arg(connectionId).arg(int(check.verdict)));
    return later<void>({});
}

std::optional<TokenSet> MemoryTokenStore::tokens(qint64 connectionId) const
{
    const auto it = m_tokens.constFind(connectionId);
    return it == m_tokens.constEnd() ? std::nullopt : std::optional(*it);
}

void MemoryTokenStore::setTokens(qint64 connectionId, const TokenSet &tokens)
{
    m_tokens.insert(connectionId, tokens);
}

bool MemoryTokenStore::needsReauthorization(qint64 connectionId) const
{
    return m_reauthorization.contains(connectionId);
}

std::optional<Error> MemoryTokenStore::reauthorizationReason(qint64 connectionId) const
{
    const auto it = m_reauthorization.constFind(connectionId);
    return it == m_reauthorization.constEnd() ? std::nullopt : std::optional(*it);
}

std::optional<ValidityCheck> MemoryTokenStore::lastCheck(qint64 connectionId) const
{
    const auto it = m_checks.constFind(connectionId);
    return it == m_checks.constEnd() ? std::nullopt : std::optional(*it);
}

QString MemoryTokenStore::leaseHolder(qint64 connectionId) const
{
    return m_leases.value(connectionId).holder;
}

void MemoryTokenStore::serveOnNextRead(qint64 connectionId, const TokenSet &stale)
{
    m_staleReads.insert(connectionId, stale);
}

} // namespace wb::test
