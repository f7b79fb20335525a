// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"

#include <QByteArray>
#include <QNetworkRequest>

namespace wb::core {

// Everything one attempt's request carries besides the delivery itself.
struct AttemptCredentials
{
    QByteArray authorization; // "Bearer …", or empty
    QByteArray signingKey;    // Standard Webhooks key bytes (decoded secret), or empty
};

// The request for one attempt of `delivery`, made at `nowMs` (UTC ms):
// - the delivery's URL and header fields, Content-Type application/octet-stream when none given;
// - `Idempotency-Key: <key>`, the same on every attempt (draft-ietf-httpapi-idempotency-key-header);
// - for Standard Webhooks signing: `webhook-id: <key>`, `webhook-timestamp: <now, s>` and
//   `webhook-signature: v1,…` computed afresh for this attempt (a receiver's ±5 min tolerance
//   would reject a retry signed with the first attempt's timestamp);
// - `Authorization` when the credentials have one;
// - prepareDeliveryRequest(): no redirects, cookies or cache.
QNetworkRequest buildAttemptRequest(const Delivery &delivery, const AttemptCredentials &credentials,
                                    qint64 nowMs);

} // namespace wb::core
