// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timelinestyle.h"

#include <cmath>

using namespace Qt::StringLiterals;
using wb::models::AttemptDecision;
using wb::models::OutcomeClass;
using wb::models::SpanKind;
using wb::models::WaitCause;

namespace wb::ui {

QColor TimelineStyle::outcomeColor(OutcomeClass outcome)
{
    // Okabe & Ito, "Color Universal Design" (2008).
    switch (outcome) {
    case OutcomeClass::Success:
        return QColor(0x00, 0x9e, 0x73); // bluish green
    case OutcomeClass::RateLimited:
        return QColor(0xe6, 0x9f, 0x00); // orange
    case OutcomeClass::ServerError:
        return QColor(0xd5, 0x5e, 0x00); // vermillion
    case OutcomeClass::Network:
        return QColor(0x56, 0xb4, 0xe9); // sky blue
    case OutcomeClass::ClientError:
        return QColor(0xcc, 0x79, 0xa7); // reddish purple
    case OutcomeClass::DeadLetter:
        return QColor(0x1a, 0x1a, 0x1a); // near black
    }
    return Qt::gray;
}

QCPScatterStyle TimelineStyle::outcomeScatter(OutcomeClass outcome, double size)
{
    const QColor color = outcomeColor(outcome);
    const QPen outline(color.darker(130), 1.2);
    switch (outcome) {
    case OutcomeClass::Success:
        return QCPScatterStyle(QCPScatterStyle::ssCircle, outline, color, size * 0.8);
    case OutcomeClass::RateLimited:
        return QCPScatterStyle(QCPScatterStyle::ssTriangleInverted, outline, color, size);
    case OutcomeClass::ServerError:
        return QCPScatterStyle(QCPScatterStyle::ssSquare, outline, color, size * 0.85);
    case OutcomeClass::Network:
        return QCPScatterStyle(QCPScatterStyle::ssDiamond, outline, color, size);
    case OutcomeClass::ClientError:
        return QCPScatterStyle(QCPScatterStyle::ssTriangle, outline, color, size);
    case OutcomeClass::DeadLetter:
        return QCPScatterStyle(QCPScatterStyle::ssCrossSquare, QPen(color, 2), Qt::white,
                               size * 1.15);
    }
    return QCPScatterStyle(QCPScatterStyle::ssDisc, size);
}

QCPScatterStyle TimelineStyle::outcomePixmapScatter(OutcomeClass outcome, double size)
{
    const QCPScatterStyle vector = outcomeScatter(outcome, size);
    // Odd and big enough for the shape and its pen, so the centre falls on a pixel.
    const int side = int(std::ceil(vector.size() + 4)) | 1;
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QCPPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    vector.applyTo(&painter, QPen());
    vector.drawShape(&painter, QPointF(side / 2.0, side / 2.0));
    painter.end();
    return QCPScatterStyle(pixmap);
}

QCPScatterStyle TimelineStyle::whatIfScatter(OutcomeClass outcome, double size)
{
    QCPScatterStyle style = outcomeScatter(outcome, size);
    QColor color = outcomeColor(outcome);
    style.setPen(QPen(color.darker(110), 1.6, Qt::SolidLine));
    style.setBrush(Qt::white);
    return style;
}

QString TimelineStyle::outcomeName(OutcomeClass outcome)
{
    switch (outcome) {
    case OutcomeClass::Success:
        return tr("2xx");
    case OutcomeClass::RateLimited:
        return tr("429 / rate-limited");
    case OutcomeClass::ServerError:
        return tr("5xx");
    case OutcomeClass::Network:
        return tr("Network / timeout");
    case OutcomeClass::ClientError:
        return tr("Other 4xx");
    case OutcomeClass::DeadLetter:
        return tr("Dead-letter");
    }
    return {};
}

QPen TimelineStyle::spanPen(SpanKind kind)
{
    switch (kind) {
    case SpanKind::RetryAfter:
        return QPen(QColor(0xb3, 0x7a, 0x00), 1);
    case SpanKind::Backoff:
        return QPen(QColor(0xd5, 0x5e, 0x00), 1, Qt::DashLine);
    case SpanKind::RateLimitPause:
        return QPen(QColor(0x00, 0x72, 0xb2), 1, Qt::DotLine);
    case SpanKind::Queued:
        return QPen(QColor(0x88, 0x88, 0x88), 1.0);
    }
    return QPen(Qt::gray);
}

QBrush TimelineStyle::spanBrush(SpanKind kind)
{
    switch (kind) {
    case SpanKind::RetryAfter:
        return QBrush(QColor(0xe6, 0x9f, 0x00, 110));
    case SpanKind::Backoff:
        return QBrush(QColor(0xd5, 0x5e, 0x00, 150), Qt::BDiagPattern);
    case SpanKind::RateLimitPause:
        return QBrush(QColor(0x00, 0x72, 0xb2, 70));
    case SpanKind::Queued:
        return QBrush(QColor(0xbb, 0xbb, 0xbb, 90));
    }
    return Qt::NoBrush;
}

QString TimelineStyle::spanName(SpanKind kind)
{
    switch (kind) {
    case SpanKind::RetryAfter:
        return tr("Wait: Retry-After");
    case SpanKind::Backoff:
        return tr("Wait: backoff");
    case SpanKind::RateLimitPause:
        return tr("Wait: rate-limit pause");
    case SpanKind::Queued:
        return tr("Queued after the wait");
    }
    return {};
}

QString TimelineStyle::decisionName(AttemptDecision decision)
{
    switch (decision) {
    case AttemptDecision::Succeeded:
        return tr("succeeded");
    case AttemptDecision::Retry:
        return tr("retry");
    case AttemptDecision::RateLimited:
        return tr("rate-limited, retry");
    case AttemptDecision::Dead:
        return tr("dead-letter");
    case AttemptDecision::Failed:
        return tr("failed, not retried");
    case AttemptDecision::DestinationDisabled:
        return tr("destination disabled");
    case AttemptDecision::RefreshAndRetry:
        return tr("refresh the token, retry");
    }
    return {};
}

QString TimelineStyle::waitCauseName(WaitCause cause)
{
    switch (cause) {
    case WaitCause::None:
        return tr("none");
    case WaitCause::RetryAfter:
        return tr("Retry-After");
    case WaitCause::Backoff:
        return tr("backoff");
    case WaitCause::RateLimitPause:
        return tr("rate-limit pause");
    }
    return {};
}

// Level lines are one pixel wide: with QCustomPlot 2.1 on the raster engine a wider pen goes
// through the path stroker, which made replotting a day of levels 10 times slower (340 ms
// against 26 ms; bench_timeline).
QPen TimelineStyle::rateLimitPen()
{
    return QPen(QColor(0x00, 0x72, 0xb2), 1);
}

QPen TimelineStyle::bucketPen()
{
    return QPen(QColor(0x00, 0x9e, 0x73), 1, Qt::DashLine);
}

QPen TimelineStyle::queueDepthPen()
{
    return QPen(QColor(0x55, 0x55, 0x55), 1);
}

QBrush TimelineStyle::queueDepthBrush()
{
    return QBrush(QColor(0x55, 0x55, 0x55, 40));
}

QPen TimelineStyle::inboundPen()
{
    return QPen(QColor(0xcc, 0x79, 0xa7), 1);
}

} // namespace wb::ui
