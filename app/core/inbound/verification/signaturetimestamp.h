// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/signaturescheme.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace wb::core {

// A signature timestamp as written by the provider, in UTC milliseconds since the epoch. Seconds
// and milliseconds must be plain decimal digits (no sign, no fraction, at most 16 digits); ISO 8601
// needs a time zone (Box: "2020-01-01T00:00:00-08:00"). nullopt when malformed.
std::optional<qint64> parseSignatureTimestamp(QByteArrayView text, TimestampUnit unit);

// The text a signer writes for `ms` (UTC): "1614265330", "1614265330000" or
// "2021-02-25T15:02:10Z".
QByteArray formatSignatureTimestamp(qint64 ms, TimestampUnit unit);

// Whether a timestamp is within ±toleranceSeconds of now. Second-based timestamps compare whole
// seconds (now rounded down), as the providers' SDKs do (Slack's |now − ts| > 300, Standard
// Webhooks' now − ts > tolerance or ts > now + tolerance); others compare milliseconds.
bool withinTolerance(qint64 timestampMs, qint64 nowMs, int toleranceSeconds, TimestampUnit unit);

} // namespace wb::core
