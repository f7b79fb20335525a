// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wb::core {

// Decompresses a `Content-Encoding: gzip` body (RFC 9110 §8.4.1.3, RFC 1952; several members one
// after the other are one stream) with zlib, stopping as soon as the output would pass `maxBytes`
// (a small body that inflates without end, a "zip bomb", costs at most maxBytes of memory).
// Errors: `request.bad_gzip` (not gzip, truncated, or bytes after the last member; the message
// says which and where), `request.decoded_too_large` (names the limit).
// Pure and thread-safe.
Result<QByteArray> gunzip(QByteArrayView compressed, qint64 maxBytes);

} // namespace wb::core
