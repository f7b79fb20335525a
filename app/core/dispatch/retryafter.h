// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/httpdate.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace wb::core {

// How to read a Retry-After field.
struct RetryAfterOptions
{
    // Waits longer than this are cut to it (ms). A server asking for a week is either broken or
    // means "go away"; the retry policy's maximum age decides the latter.
    qint64 capMs = 24 * 3600 * 1000;
    // Accept "2.5" as 2,500 ms. RFC 9110 delay-seconds is digits only, so this is off unless a
    // provider profile documents fractional values (Shopify's REST Admin API sends "2.0" [R],
    // FACTS.md).
    bool allowFractionalSeconds = false;
};

// A Retry-After field as parsed (RFC 9110 §10.2.3: `Retry-After = HTTP-date / delay-seconds`).
// It is a lower bound on the wait before the next attempt; malformed values are ignored.
struct RetryAfter
{
    enum class Form {
        Absent,       // no Retry-After field
        DelaySeconds, // "120"
        HttpDate,     // any of the three HTTP-date forms
        Malformed,    // present but neither; ignored (the backoff applies)
    };

    Form form = Form::Absent;
    QByteArray raw;         // the field value as received (trimmed); empty when absent
    qint64 delayMs = 0;     // the wait asked for in ms, >= 0, after the cap (valid forms)
    qint64 requestedMs = 0; // the wait asked for before the cap (saturates at INT64_MAX)
    bool capped = false;    // requestedMs > cap: delayMs is the cap
    std::optional<HttpDateForm> dateForm; // which HTTP-date form (Form::HttpDate)
    bool measuredAgainstDate = false;     // an HTTP-date measured against the response's Date
    QString problem;                      // why a Malformed value was ignored, naming the value

    bool isValid() const { return form == Form::DelaySeconds || form == Form::HttpDate; }
    // "120 s", "Wed, 21 Oct 2015 07:28:00 GMT (120 s)", "999999 s capped at 24 h", "" when
    // absent; for the decision's reason and the attempt log.
    QString describe() const;
};

// Parses a Retry-After field value. `value` is null when the response has no such field.
// `dateField` is the response's Date field (null when absent): an HTTP-date is measured against
// it where it parses (so a skewed server clock does not matter), else against `receivedAtMs`,
// the local UTC ms when the response arrived. A date in the past asks for no wait (0 ms).
// delay-seconds must be all ASCII digits (RFC 9110 §10.2.3), so "-5", "1.5" and "120s" are
// malformed (unless options allow fractions).
RetryAfter parseRetryAfter(QByteArrayView value, QByteArrayView dateField, qint64 receivedAtMs,
                           const RetryAfterOptions &options = {});

// "500 ms", "2.5 s", "5 min", "2 min 30 s", "2 h", "27 h 35 min": a wait for people.
QString formatDuration(qint64 ms);

} // namespace wb::core
