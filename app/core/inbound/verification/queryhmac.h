// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace wb::core {

// Shopify's query-string HMAC (the OAuth install and callback redirects): the message is the
// query's parameters without "hmac" and "signature", sorted by name, each written name=value with
// names and values re-encoded as URLSearchParams does (spaces as %20), joined by '&'; the HMAC is
// hex HMAC-SHA256 under the app's client secret (Shopify/shopify-app-js
// lib/utils/hmac-validator.ts stringifyQueryForAdmin, processed-query.ts). Shopify's library also
// refuses a "timestamp" more than 90 s away; that check is the caller's (it owns the clock).
// Pure and thread-safe.
QByteArray queryHmacMessage(QByteArrayView query);
// Compares in constant time. False when the query has no hmac parameter.
bool verifyQueryHmac(QByteArrayView query, QByteArrayView secret);

} // namespace wb::core
