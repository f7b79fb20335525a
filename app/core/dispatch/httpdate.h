// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace wb::core {

// The three forms of HTTP-date that RFC 9110 §5.6.7 requires recipients to accept.
enum class HttpDateForm {
    ImfFixdate, // "Sun, 06 Nov 1994 08:49:37 GMT" (the one senders must generate)
    Rfc850,     // "Sunday, 06-Nov-94 08:49:37 GMT" (obsolete, two-digit year)
    Asctime,    // "Sun Nov  6 08:49:37 1994" (obsolete, ANSI C asctime())
};

struct HttpDate
{
    qint64 msSinceEpoch = 0; // UTC milliseconds since 1970-01-01T00:00:00Z
    HttpDateForm form = HttpDateForm::ImfFixdate;
};

// Parses an HTTP-date in any of the three forms (RFC 9110 §5.6.7). The grammar is case-sensitive
// and exact (single spaces, two-digit fields, "GMT"); surrounding whitespace is allowed. The
// weekday must be a valid name for the form but is not checked against the date. A leap second
// (":60") is accepted as RFC 9110 allows. An RFC 850 two-digit year is placed in the century that
// puts it no more than 50 years after `referenceMs` (RFC 9110 §5.6.7: a date that appears to be
// more than 50 years in the future is in the past). std::nullopt for anything else.
std::optional<HttpDate> parseHttpDate(QByteArrayView text, qint64 referenceMs);

// Formats a UTC instant (ms since the epoch; the milliseconds are dropped) in the given form.
QByteArray formatHttpDate(qint64 msSinceEpoch, HttpDateForm form = HttpDateForm::ImfFixdate);

} // namespace wb::core
