// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/delivery.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

struct StateName
{
    DeliveryState state;
    const char *name;
};
constexpr StateName kStateNames[] = {
        {DeliveryState::Pending, "pending"},     {DeliveryState::InFlight, "in_flight"},
        {DeliveryState::Succeeded, "succeeded"}, {DeliveryState::Failed, "failed"},
        {DeliveryState::Dead, "dead"},           {DeliveryState::Cancelled, "cancelled"},
};

} // namespace

QString nameOf(DeliveryState state)
{
    for (const StateName &entry : kStateNames) {
        if (entry.state == state)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<DeliveryState> deliveryStateFromName(const QString &name)
{
    for (const StateName &entry : kStateNames) {
        if (name == QLatin1StringView(entry.name))
            return entry.state;
    }
    return std::nullopt;
}

bool isFinal(DeliveryState state)
{
    return state != DeliveryState::Pending && state != DeliveryState::InFlight;
}

QString nameOf(DeliverySigning signing)
{
    return signing == DeliverySigning::StandardWebhooks ? u"standard_webhooks"_s : u"none"_s;
}

std::optional<DeliverySigning> deliverySigningFromName(const QString &name)
{
    if (name == u"none")
        return DeliverySigning::None;
    if (name == u"standard_webhooks")
        return DeliverySigning::StandardWebhooks;
    return std::nullopt;
}

QString headersToText(const HttpHeaders &headers)
{
    QStringList lines;
    for (const auto &[name, value] : headers.fields())
        lines.append(QString::fromLatin1(name) + u": "_s + QString::fromLatin1(value));
    return lines.join(u"\r\n"_s);
}

HttpHeaders headersFromText(const QString &text)
{
    HttpHeaders headers;
    if (text.isEmpty())
        return headers;
    for (const QString &line : text.split(u"\r\n"_s)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        headers.append(line.left(colon).toLatin1(), line.mid(colon + 1).trimmed().toLatin1());
    }
    return headers;
}

} // namespace wb::core
