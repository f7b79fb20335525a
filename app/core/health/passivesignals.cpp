// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/passivesignals.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<PassiveSignals> PassiveSignalsReader::read(SqlSession &session, qint64 connectionId,
                                                  int sampleSize)
{
    PassiveSignals found;
    // inbound_events_connection (connection_id, received_at_ms) serves all three.
    Result<QSqlQuery> accepted = session.exec(
            u"SELECT received_at_ms FROM inbound_events WHERE connection_id = ? AND "
            "is_handshake = 0 AND verdict <> 'failed' ORDER BY received_at_ms DESC, id DESC "
            "LIMIT ?"_s,
            {connectionId, sampleSize});
    if (!accepted)
        return fail(accepted.error());
    while (accepted->next())
        found.acceptedAtMs << accepted->value(0).toLongLong();

    Result<QSqlQuery> verdicts = session.exec(
            u"SELECT verdict, verification_reason FROM inbound_events WHERE "
            "connection_id = ? AND is_handshake = 0 ORDER BY received_at_ms DESC, id DESC "
            "LIMIT ?"_s,
            {connectionId, sampleSize});
    if (!verdicts)
        return fail(verdicts.error());
    while (verdicts->next() && verdicts->value(0).toString() == u"failed"_s) {
        if (found.failedVerificationStreak == 0)
            found.lastFailureReason = verdicts->value(1).toString();
        ++found.failedVerificationStreak;
    }

    Result<QSqlQuery> handshakes = session.exec(
            u"SELECT response_status, handshake_kind FROM inbound_events WHERE "
            "connection_id = ? AND is_handshake = 1 ORDER BY received_at_ms DESC, id DESC "
            "LIMIT ?"_s,
            {connectionId, sampleSize});
    if (!handshakes)
        return fail(handshakes.error());
    bool newest = true;
    while (handshakes->next()) {
        const int status = handshakes->value(0).toInt();
        if (newest) {
            found.lastHandshakeStatus = status;
            found.lastHandshakeKind = handshakes->value(1).toString();
            newest = false;
        }
        if (status < 400)
            break;
        ++found.handshakeFailureStreak;
    }

    Result<QList<LifecycleNotice>> lifecycle = LifecycleNotices::read(session, connectionId);
    if (!lifecycle)
        return fail(lifecycle.error());
    found.lifecycle = *lifecycle;
    return found;
}

SilenceVerdict judgeSilence(const QList<qint64> &acceptedAtMs, qint64 nowMs,
                            const SilencePolicy &policy)
{
    SilenceVerdict verdict;
    if (acceptedAtMs.isEmpty())
        return verdict;
    verdict.silentForMs = std::max<qint64>(0, nowMs - acceptedAtMs.constFirst());
    if (acceptedAtMs.size() < std::max(2, policy.minimumEvents))
        return verdict;
    QList<qint64> gaps;
    gaps.reserve(acceptedAtMs.size() - 1);
    for (qsizetype i = 0; i + 1 < acceptedAtMs.size(); ++i)
        gaps << std::max<qint64>(0, acceptedAtMs.at(i) - acceptedAtMs.at(i + 1));
    std::sort(gaps.begin(), gaps.end());
    // Nearest rank: the smallest gap with at least `percentile` % of the gaps at or below it.
    const int percentile = std::clamp(policy.percentile, 1, 100);
    const qsizetype rank = qsizetype(std::ceil(percentile / 100.0 * double(gaps.size())));
    verdict.usualGapMs = gaps.at(std::clamp<qsizetype>(rank, 1, gaps.size()) - 1);
    verdict.thresholdMs = std::max(policy.minimumSilenceMs,
                                   qint64(std::llround(policy.factor * double(verdict.usualGapMs))));
    verdict.judged = true;
    verdict.silent = verdict.silentForMs > verdict.thresholdMs;
    return verdict;
}

} // namespace wb::core
