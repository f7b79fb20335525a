// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/retryafter.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();

bool allDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// Digits to a count of seconds in ms, saturating instead of overflowing.
qint64 secondsToMsSaturated(QByteArrayView digits)
{
    qint64 seconds = 0;
    for (const char c : digits) {
        if (seconds > (kMax / 1000 - 9) / 10)
            return kMax;
        seconds = seconds * 10 + (c - '0');
    }
    return seconds * 1000;
}

// "2.5" (digits, one dot, digits) to ms, rounding up to a whole ms.
std::optional<qint64> fractionalSecondsToMs(QByteArrayView text)
{
    const qsizetype dot = text.indexOf('.');
    if (dot <= 0 || dot == text.size() - 1)
        return std::nullopt;
    const QByteArrayView whole = text.first(dot);
    const QByteArrayView fraction = text.sliced(dot + 1);
    if (!allDigits(whole) || !allDigits(fraction))
        return std::nullopt;
    qint64 ms = secondsToMsSaturated(whole);
    if (ms == kMax)
        return kMax;
    qint64 fractionMs = 0;
    bool roundUp = false;
    for (qsizetype i = 0; i < fraction.size(); ++i) {
        const int digit = fraction.at(i) - '0';
        if (i < 3)
            fractionMs = fractionMs * 10 + digit;
        else if (digit != 0)
            roundUp = true;
    }
    for (qsizetype i = fraction.size(); i < 3; ++i)
        fractionMs *= 10;
    return ms + fractionMs + (roundUp ? 1 : 0);
}

void applyCap(RetryAfter &result, qint64 requestedMs, const RetryAfterOptions &options)
{
    result.requestedMs = qMax<qint64>(0, requestedMs);
    result.capped = result.requestedMs > options.capMs;
    result.delayMs = result.capped ? options.capMs : result.requestedMs;
}

} // namespace

RetryAfter parseRetryAfter(QByteArrayView value, QByteArrayView dateField, qint64 receivedAtMs,
                           const RetryAfterOptions &options)
{
    RetryAfter result;
    if (value.isNull())
        return result;
    const QByteArrayView trimmed = value.trimmed();
    result.raw = trimmed.toByteArray();

    if (allDigits(trimmed)) {
        result.form = RetryAfter::Form::DelaySeconds;
        applyCap(result, secondsToMsSaturated(trimmed), options);
        return result;
    }
    if (options.allowFractionalSeconds) {
        if (const auto ms = fractionalSecondsToMs(trimmed)) {
            result.form = RetryAfter::Form::DelaySeconds;
            applyCap(result, *ms, options);
            return result;
        }
    }
    if (const auto date = parseHttpDate(trimmed, receivedAtMs)) {
        result.form = RetryAfter::Form::HttpDate;
        result.dateForm = date->form;
        qint64 now = receivedAtMs;
        if (!dateField.isNull()) {
            if (const auto serverNow = parseHttpDate(dateField, receivedAtMs)) {
                now = serverNow->msSinceEpoch;
                result.measuredAgainstDate = true;
            }
        }
        applyCap(result, date->msSinceEpoch - now, options);
        return result;
    }

    result.form = RetryAfter::Form::Malformed;
    const QString shown = QString::fromLatin1(result.raw.left(80));
    if (trimmed.isEmpty())
        result.problem = u"Retry-After is empty"_s;
    else if (trimmed.startsWith('-'))
        result.problem = u"Retry-After \"%1\" is negative"_s.arg(shown);
    else if (trimmed.contains('.') && !options.allowFractionalSeconds)
        result.problem = u"Retry-After \"%1\" has a fraction (delay-seconds is whole seconds)"_s.arg(
                shown);
    else
        result.problem = u"Retry-After \"%1\" is neither delay-seconds nor an HTTP-date"_s.arg(
                shown);
    return result;
}

QString RetryAfter::describe() const
{
    switch (form) {
    case Form::Absent:
        return {};
    case Form::Malformed:
        return problem + u" (ignored)"_s;
    case Form::DelaySeconds:
    case Form::HttpDate:
        break;
    }
    QString text = form == Form::DelaySeconds
                           ? u"Retry-After %1 s"_s.arg(QString::fromLatin1(raw))
                           : u"Retry-After %1 (%2)"_s.arg(QString::fromLatin1(raw),
                                                          formatDuration(requestedMs));
    if (capped)
        text += u" capped at "_s + formatDuration(delayMs);
    return text;
}

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return u"-"_s + formatDuration(-ms);
    if (ms < 1000)
        return u"%1 ms"_s.arg(ms);
    if (ms < 60'000) {
        if (ms % 1000 == 0)
            return u"%1 s"_s.arg(ms / 1000);
        QString seconds = QString::number(double(ms) / 1000.0, 'f', 3);
        while (seconds.endsWith(u'0'))
            seconds.chop(1);
        return seconds + u" s"_s;
    }
    if (ms < 3'600'000) {
        const qint64 minutes = ms / 60'000;
        const qint64 seconds = (ms % 60'000) / 1000;
        return seconds ? u"%1 min %2 s"_s.arg(minutes).arg(seconds) : u"%1 min"_s.arg(minutes);
    }
    const qint64 hours = ms / 3'600'000;
    const qint64 minutes = (ms % 3'600'000) / 60'000;
    return minutes ? u"%1 h %2 min"_s.arg(hours).arg(minutes) : u"%1 h"_s.arg(hours);
}

} // namespace wb::core
