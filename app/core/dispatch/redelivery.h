// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "core/util/result.h"

namespace wb::core {

// A person's "retry" of a delivery that ended (failed, dead-lettered, cancelled, or succeeded and
// wanted again): a new delivery with the same connection, URL, method, header fields, body,
// signing and retry policy. The original keeps its state and attempt log; the new one starts with
// a fresh attempt count, so the retry policy's limits apply to it anew.
//
// The idempotency key is left empty, so the queue generates a new one: the queue holds one
// delivery per key (deliveries.idempotency_key is UNIQUE). A receiver therefore sees a new
// Idempotency-Key / webhook-id. Standard Webhooks asks a resend to keep the webhook-id
// (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md,
// "webhook-id"); doing that needs a retry in place with a fresh attempt budget, which the schema
// does not carry yet.
//
// Error `dispatch.not_finished` when `original` is still pending or in flight (it will be
// attempted anyway; a second copy would only race it). Pure function, any thread.
Result<NewDelivery> redeliveryOf(const Delivery &original);

} // namespace wb::core
