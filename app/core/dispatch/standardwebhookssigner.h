// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wb::core {

// Signs an outgoing webhook with the Standard Webhooks scheme (standard-webhooks
// spec/standard-webhooks.md "Signature scheme"): HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.
// <body>" with the secret's bytes, base64, sent as `webhook-signature: v1,<base64>`. The secret is
// "whsec_" followed by base64 of the key bytes (the prefix is optional).
//
// A minimal signer for the dispatcher: the inbound verification module owns verification (and may
// later own this too). Pure functions, any thread.
namespace standardwebhooks {

// The key bytes of a "whsec_…" secret. Error "signing.bad_secret" when the part after the prefix is
// not base64 or decodes to fewer than 1 byte; the message never contains the secret.
Result<QByteArray> decodeSecret(QByteArrayView secret);

// "v1,<base64 HMAC-SHA256(key, id.timestamp.body)>"; timestamp in seconds since the epoch (UTC).
QByteArray sign(const QByteArray &key, QByteArrayView webhookId, qint64 timestampSeconds,
                QByteArrayView body);

} // namespace standardwebhooks
} // namespace wb::core
