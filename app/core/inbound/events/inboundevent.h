// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace wb::core {

// The verdict stored with an inbound event: "verified", "failed" (stored, answered 401, never
// dropped), "unsigned" (the provider profile declares no signature scheme).
enum class InboundVerdict { Verified, Failed, Unsigned };

// Whether a verified, matched event has been handed to the dispatch engine for its connection's
// forward target:
//  - "none": nothing to forward (failed verification, handshake, unmatched tenant, no target);
//  - "pending": to be forwarded; waiting for the dispatch engine to take it (the durable backlog
//    the receiver's throttling counts);
//  - "queued": the dispatch engine created its delivery (same transaction as the state change);
//  - "forwarded" / "failed": the delivery's final outcome, mirrored for the inspector.
enum class ForwardingState { None, Pending, Queued, Forwarded, Failed };

// Which URL the request came to: /hooks/<connection id> or /hooks/p/<provider id>.
enum class InboundRoute { Connection, Provider };

QString nameOf(InboundVerdict verdict);
QString nameOf(ForwardingState state);
QString nameOf(InboundRoute route);
std::optional<InboundVerdict> inboundVerdictFromName(const QString &name);
std::optional<ForwardingState> forwardingStateFromName(const QString &name);

// One received webhook request (table inbound_events): the exact bytes received, the verdict on
// its signature, the tenant it was resolved to and why, and whether it is to be forwarded.
// Times are UTC milliseconds since the epoch.
struct InboundEvent
{
    qint64 id = 0; // assigned by the store
    qint64 receivedAtMs = 0;
    InboundRoute route = InboundRoute::Connection;
    std::optional<qint64> connectionId; // the URL's connection, or the one the tenant resolved to
    QString providerId;
    QString peerAddress;

    // The request as received: method, URL (http://<Host><request-target>, query exactly as
    // sent), header fields in order with the names' case, the de-chunked body (still compressed
    // when it came with Content-Encoding: gzip).
    RawRequest request;
    QByteArray requestTarget;
    qint64 bodySize = 0; // request.body's size (also set when a list leaves the body out)

    bool handshake = false; // a provider's handshake (recorded, not an event to forward)
    QString handshakeKind;  // nameOf(HandshakeKind), "" for events

    InboundVerdict verdict = InboundVerdict::Failed;
    QString verificationReason; // a stable code: nameOf(VerificationReason) or "body_not_decoded"…
    QString verificationExplanation;

    std::optional<qint64> tenantId;
    std::optional<qint64> identityMappingId;
    QString identityOutcome = QStringLiteral("not_resolved"); // matched, no_mapping, field_missing,
                                                              // empty_value, not_resolved
    QString identityValue;
    QString resolutionExplanation;

    QString providerEventId; // for deduplication ("" when the provider sends none)
    QString eventType;

    int responseStatus = 0; // what the receiver answered (or answers once durable)
    ForwardingState forwardingState = ForwardingState::None;
    QString forwardingNote;
    std::optional<qint64> forwardingUpdatedAtMs; // UTC ms of the last forwarding state change
    int forwardCount = 0;             // hand-overs to the dispatch engine, re-deliveries included
    std::optional<qint64> deliveryId; // the dispatch engine's latest delivery of this event

    int duplicateCount = 0; // later copies answered 2xx without a new row
    std::optional<qint64> lastDuplicateAtMs;

    bool operator==(const InboundEvent &other) const = default;
};

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::InboundEvent)
