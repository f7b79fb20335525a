// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/attempttooltip.h"

#include "ui/timeline/timelinestyle.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {
QString row(const QString &label, const QString &value)
{
    return u"<tr><td>%1</td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString table(const QString &title, const QString &rows)
{
    return u"<b>%1</b><table cellspacing=\"0\" cellpadding=\"1\">%2</table>"_s
            .arg(title.toHtmlEscaped(), rows);
}
} // namespace

QString AttemptTooltip::formatDuration(qint64 ms)
{
    const QLocale locale;
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60'000) {
        const double secondsValue = double(ms) / 1000;
        return tr("%1 s").arg(locale.toString(secondsValue, 'f', ms % 1000 == 0 ? 0 : 1));
    }
    const qint64 totalSeconds = (ms + 500) / 1000;
    if (totalSeconds < 3600) {
        const qint64 seconds = totalSeconds % 60;
        return seconds == 0 ? tr("%1 min").arg(totalSeconds / 60)
                            : tr("%1 min %2 s").arg(totalSeconds / 60).arg(seconds);
    }
    const qint64 minutes = (totalSeconds % 3600) / 60;
    return minutes == 0 ? tr("%1 h").arg(totalSeconds / 3600)
                        : tr("%1 h %2 min").arg(totalSeconds / 3600).arg(minutes);
}

QString AttemptTooltip::formatTime(qint64 ms, Qt::TimeSpec spec)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, spec == Qt::UTC ? Qt::UTC
                                                                              : Qt::LocalTime);
    const QString zone = spec == Qt::UTC ? u"UTC"_s : time.timeZoneAbbreviation();
    return time.toString(u"HH:mm:ss.zzz"_s) + u' ' + zone;
}

QString AttemptTooltip::statusText(int httpStatus, const QString &transportError)
{
    if (httpStatus > 0)
        return QString::number(httpStatus);
    return transportError.isEmpty() ? tr("No response")
                                    : tr("No response (%1)").arg(transportError);
}

QString AttemptTooltip::forMarker(const models::TimelineMarker &marker,
                                  const models::AttemptSample &sample, Qt::TimeSpec spec)
{
    QString rows;
    if (marker.count > 1) {
        rows += row(tr("Attempts here"),
                    tr("%1 (%2) from %3 to %4; the first one:")
                            .arg(marker.count)
                            .arg(TimelineStyle::outcomeName(marker.outcome),
                                 formatTime(marker.atMs, spec), formatTime(marker.lastMs, spec)));
    }
    rows += row(tr("Delivery"),
                tr("%1, attempt %2").arg(sample.deliveryId).arg(sample.attemptNumber));
    rows += row(tr("Sent"), formatTime(sample.startedMs, spec));
    rows += row(tr("Took"), formatDuration(sample.finishedMs - sample.startedMs));
    rows += row(tr("Status"), statusText(sample.httpStatus, sample.transportError));
    rows += row(tr("Decision"), TimelineStyle::decisionName(sample.decision));
    if (!sample.reason.isEmpty())
        rows += row(tr("Reason"), sample.reason);
    if (models::isRetryDecision(sample.decision)) {
        rows += row(tr("Wait"), tr("%1 (%2)").arg(formatDuration(sample.waitMs),
                                                  TimelineStyle::waitCauseName(sample.waitCause)));
    }
    if (!sample.retryAfter.isEmpty())
        rows += row(tr("Retry-After"), QString::fromLatin1(sample.retryAfter));
    if (sample.rateLimitRemaining >= 0) {
        rows += row(tr("Rate limit"), sample.rateLimitLimit > 0
                                              ? tr("%1 of %2 remaining")
                                                        .arg(sample.rateLimitRemaining)
                                                        .arg(sample.rateLimitLimit)
                                              : tr("%1 remaining").arg(sample.rateLimitRemaining));
    }
    if (sample.bucketLevel >= 0)
        rows += row(tr("Token bucket"), tr("%1 tokens").arg(sample.bucketLevel));
    if (sample.queueDepth >= 0)
        rows += row(tr("Queue depth"), QString::number(sample.queueDepth));
    const QString title = sample.connectionLabel.isEmpty() ? sample.connectionId
                                                           : sample.connectionLabel;
    return table(title, rows);
}

QString AttemptTooltip::forSpan(const models::TimelineSpan &span,
                                const models::AttemptSample &sample, Qt::TimeSpec spec)
{
    QString rows;
    rows += row(tr("Length"), formatDuration(span.durationMs()));
    rows += row(tr("From"), formatTime(span.fromMs, spec));
    rows += row(span.open ? tr("Due") : tr("To"), formatTime(span.toMs, spec));
    if (span.count > 1) {
        rows += row(tr("Merged"),
                    tr("%1 waits at this zoom level; zoom in to separate them").arg(span.count));
    }
    rows += row(tr("After"), tr("attempt %1 of delivery %2 (%3)")
                                     .arg(sample.attemptNumber)
                                     .arg(sample.deliveryId,
                                          statusText(sample.httpStatus, sample.transportError)));
    if (!sample.reason.isEmpty())
        rows += row(tr("Reason"), sample.reason);
    if (span.open)
        rows += row(tr("Parked"), tr("no next attempt yet"));
    return table(TimelineStyle::spanName(span.kind), rows);
}

QString AttemptTooltip::forWhatIf(const models::WhatIfAttempt &attempt, const QString &presetLabel,
                                  Qt::TimeSpec spec)
{
    QString rows;
    rows += row(tr("Attempt"), QString::number(attempt.number));
    rows += row(tr("Would send"), formatTime(attempt.startedMs, spec));
    rows += row(tr("Assumed status"), statusText(attempt.httpStatus, attempt.transportError));
    rows += row(tr("Decision"), TimelineStyle::decisionName(attempt.decision));
    if (!attempt.reason.isEmpty())
        rows += row(tr("Reason"), attempt.reason);
    if (models::isRetryDecision(attempt.decision))
        rows += row(tr("Wait"), formatDuration(attempt.waitMs));
    return table(tr("Simulated: %1").arg(presetLabel), rows);
}

} // namespace wb::ui
