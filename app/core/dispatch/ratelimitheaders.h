// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/httpheaders.h"
#include "core/dispatch/ratelimitheaderspec.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace wb::core {

// What one response said about the caller's rate limit. Every member is optional: providers send
// different subsets, and a malformed value is left out (and named in `problems`).
struct RateLimitObservation
{
    std::optional<qint64> limit;     // requests allowed per window (the quota)
    std::optional<qint64> remaining; // requests left in the current window
    std::optional<qint64> resetAtMs; // local UTC ms when the quota returns (see parse below)
    std::optional<qint64> windowMs;  // the quota's window length, ms
    std::optional<bool> shouldRetry; // the provider's own retry advice (Stripe-Should-Retry)
    QString policy;                  // the IETF policy name, when one was given
    // Which fields the values came from: "X-RateLimit-*", "RateLimit (draft-11)",
    // "RateLimit-* (drafts 00-06)", or the provider field's name.
    QString source;
    // The rate-limit fields as received, for the attempt log (only fields the spec names or
    // the IETF ones; nothing else from the response).
    HttpHeaders fields;
    QStringList problems; // "X-RateLimit-Remaining \"lots\" is not a non-negative integer"

    bool hasQuotaInformation() const { return limit || remaining || resetAtMs || windowMs; }
    bool exhausted() const { return remaining && *remaining <= 0; }
    // "limit 5000, remaining 0, resets in 5 min" (relative to `nowMs`); empty when nothing known.
    QString describe(qint64 nowMs) const;
};

// Reads the rate-limit fields that `spec` names, and (if spec.ietfFields) the IETF ones, from a
// response received at `receivedAtMs` (local UTC ms).
//
// Reset instants are converted to the local clock: a delta is added to `receivedAtMs`; an
// absolute reset (epoch seconds, ISO 8601) is measured against the response's Date field where it
// parses (so the server's clock skew cancels out), else against `receivedAtMs`. A reset in the
// past becomes `receivedAtMs`. When several sources are present, the spec's own fields win, then
// IETF draft-11 `RateLimit`, then the drafts 00–06 fields; each value is taken from the first
// source that has it.
//
// IETF draft-ietf-httpapi-ratelimit-headers-11 (2026-05): `RateLimit: "default";r=50;t=30`
// (§4: r = available quota, t = seconds of the effective window) and
// `RateLimit-Policy: "default";q=100;w=10` (§3: q = quota, w = window seconds). Policy names may
// be sf-strings (the draft) or sf-tokens (some servers). With several service-limit items the most
// constrained one (lowest r, then latest t) is used; its policy supplies limit and window (the
// only policy is used when names do not match). Malformed structured fields are ignored (§7).
RateLimitObservation parseRateLimitHeaders(const HttpHeaders &headers,
                                           const RateLimitHeaderSpec &spec, qint64 receivedAtMs);

// A UTC instant for reasons and logs: "14:02:10Z" when it falls on the same UTC day as
// `referenceMs`, else "2025-03-02T14:02:10Z".
QString formatInstant(qint64 ms, qint64 referenceMs);

} // namespace wb::core
