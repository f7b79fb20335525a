// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/lifecyclenotices.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

namespace wb::core {

// What a connection's received webhooks say about its registration, read from `inbound_events`
// (core/inbound/events): nothing is asked of the provider. Times are UTC ms.
struct PassiveSignals
{
    // When the newest events arrived, newest first (at most the sample size): events that were
    // not handshakes and did not fail verification.
    QList<qint64> acceptedAtMs;
    // The newest non-handshake events that failed verification, in a row (0 when the newest
    // passed), and the newest one's reason ("signature_mismatch", …).
    int failedVerificationStreak = 0;
    QString lastFailureReason;
    // The newest handshakes we answered with an error status (>= 400), in a row; and the newest
    // handshake's kind and status.
    int handshakeFailureStreak = 0;
    QString lastHandshakeKind;
    int lastHandshakeStatus = 0;
    // Microsoft Graph lifecycle notifications received for the connection, newest first
    // (LifecycleNotices::read).
    QList<LifecycleNotice> lifecycle;

    bool operator==(const PassiveSignals &other) const = default;
};

// Reads PassiveSignals. Synchronous SQL: run it in a Store::read job.
class PassiveSignalsReader final
{
public:
    static constexpr int defaultSampleSize = 200;
    // Errors: the session's (`store.query_failed`).
    static Result<PassiveSignals> read(SqlSession &session, qint64 connectionId,
                                       int sampleSize = defaultSampleSize);
};

// When silence means something is wrong. The usual gap between two events is the `percentile`
// (nearest rank) of the gaps between the sampled events; a connection is silent when nothing
// arrived for longer than `factor` × that gap and at least `minimumSilenceMs`.
struct SilencePolicy
{
    int minimumEvents = 10; // fewer sampled events: no judgement (too little history)
    int percentile = 90;
    double factor = 4.0;
    qint64 minimumSilenceMs = 30 * 60'000;
};

struct SilenceVerdict
{
    bool judged = false; // false: too little history to say
    bool silent = false;
    qint64 silentForMs = 0; // now − the newest event
    qint64 usualGapMs = 0;
    qint64 thresholdMs = 0; // silent beyond this

    bool operator==(const SilenceVerdict &other) const = default;
};

// Pure: `acceptedAtMs` newest first (as PassiveSignals holds them), `nowMs` UTC ms.
SilenceVerdict judgeSilence(const QList<qint64> &acceptedAtMs, qint64 nowMs,
                            const SilencePolicy &policy);

} // namespace wb::core
