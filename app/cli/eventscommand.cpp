// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventscommand.h"

#include "output.h"
#include "records.h"
#include "tenantnames.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/inbound/forwarding/inboundforwarding.h"
#include "core/runtime/forwardingsink.h"
#include "core/store/sqlsession.h"
#include "core/store/store.h"
#include "core/util/clock.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

constexpr int defaultLimit = 50;
constexpr int maxLimit = 10'000;

QCommandLineOption idOption(const QString &name, const QString &what)
{
    return QCommandLineOption(name, u"list: only events of this %1."_s.arg(what), u"id"_s);
}

const QCommandLineOption &connectionOption()
{
    static const QCommandLineOption option = idOption(u"connection"_s, u"connection"_s);
    return option;
}

const QCommandLineOption &tenantOption()
{
    static const QCommandLineOption option = idOption(u"tenant"_s, u"tenant"_s);
    return option;
}

const QCommandLineOption &providerOption()
{
    static const QCommandLineOption option(u"provider"_s, u"list: only events of this provider."_s,
                                           u"name"_s);
    return option;
}

const QCommandLineOption &sinceOption()
{
    static const QCommandLineOption
            option(u"since"_s,
                   u"list: received at or after T (RFC 3339, or an age: 15m, 2h, 7d)."_s, u"t"_s);
    return option;
}

const QCommandLineOption &verdictOption()
{
    static const QCommandLineOption option(u"verdict"_s,
                                           u"list: only verified, failed or unsigned events."_s,
                                           u"v"_s);
    return option;
}

const QCommandLineOption &limitOption()
{
    static const QCommandLineOption option(u"limit"_s,
                                           u"list: at most this many, newest first (default %1)."_s
                                                   .arg(defaultLimit),
                                           u"n"_s, QString::number(defaultLimit));
    return option;
}

const QCommandLineOption &toOption()
{
    static const QCommandLineOption
            option(u"to"_s,
                   u"replay: send to this URL instead of the connection's forward target."_s,
                   u"url"_s);
    return option;
}

core::Error invalidOption(const QString &option, const QString &expected, const QString &value)
{
    return {u"cli.invalid_option"_s, u"--%1 %2, got '%3'"_s.arg(option, expected, value)};
}

std::optional<qint64> parseSince(const QString &text, qint64 nowMs)
{
    static const QRegularExpression age(u"^(\\d{1,9})([smhd])$"_s);
    if (const QRegularExpressionMatch match = age.match(text); match.hasMatch()) {
        static const QHash<QString, qint64> unitMs{{u"s"_s, 1'000},
                                                   {u"m"_s, 60'000},
                                                   {u"h"_s, 3'600'000},
                                                   {u"d"_s, 86'400'000}};
        return nowMs - match.captured(1).toLongLong() * unitMs.value(match.captured(2));
    }
    // RFC 3339 needs an offset or Z: a local time would mean something else on each machine.
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

QString bodyAsText(const QByteArray &body)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8(body);
    if (utf8.hasError())
        return u"(%1 bytes, not UTF-8; use --json for the exact bytes)"_s.arg(body.size());
    return text;
}

} // namespace

core::Result<core::InboundEventFilter> eventFilterFromOptions(const QCommandLineParser &parser,
                                                              qint64 nowMs)
{
    core::InboundEventFilter filter;
    filter.withBodies = false;
    for (const auto &[option, target] : {std::pair{&connectionOption(), &filter.connectionId},
                                         std::pair{&tenantOption(), &filter.tenantId}}) {
        if (!parser.isSet(*option))
            continue;
        const QString name = option->names().first();
        auto id = RecordCommand::parseId(parser.value(*option), u"--"_s + name);
        if (!id)
            return core::fail(id.error());
        *target = *id;
    }
    filter.providerId = parser.value(providerOption());
    if (parser.isSet(sinceOption())) {
        const auto since = parseSince(parser.value(sinceOption()), nowMs);
        if (!since) {
            return core::fail(invalidOption(u"since"_s,
                                            u"expects RFC 3339 with an offset "
                                            "(2026-11-29T10:00:00Z) or an age (15m, 2h, 7d)"_s,
                                            parser.value(sinceOption())));
        }
        filter.receivedFromMs = *since;
    }
    if (parser.isSet(verdictOption())) {
        filter.verdict = core::inboundVerdictFromName(parser.value(verdictOption()));
        if (!filter.verdict) {
            return core::fail(invalidOption(u"verdict"_s, u"must be verified, failed or unsigned"_s,
                                            parser.value(verdictOption())));
        }
    }
    bool ok = false;
    filter.limit = parser.value(limitOption()).toInt(&ok);
    if (!ok || filter.limit < 1 || filter.limit > maxLimit) {
        return core::fail(invalidOption(u"limit"_s,
                                        u"must be a whole number from 1 to %1"_s.arg(maxLimit),
                                        parser.value(limitOption())));
    }
    return filter;
}

QString EventsCommand::name() const
{
    return u"events"_s;
}

QString EventsCommand::summary() const
{
    return u"List and show received webhooks exactly as they arrived; replay one."_s;
}

void EventsCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s, u"list | show ID | replay ID"_s, u"<action> [id]"_s);
    parser.addOptions({connectionOption(), tenantOption(), providerOption(), sinceOption(),
                       verdictOption(), limitOption(), toOption(), jsonOption()});
}

QStringList EventsCommand::actions() const
{
    return {u"list"_s, u"show"_s, u"replay"_s};
}

int EventsCommand::argumentCount(const QString &action) const
{
    return action == u"list" ? 0 : 1;
}

core::Result<void> EventsCommand::checkArguments(const QString &action,
                                                 const QStringList &arguments,
                                                 const QCommandLineParser &parser) const
{
    const QList<const QCommandLineOption *> listOptions{&connectionOption(), &tenantOption(),
                                                        &providerOption(),   &sinceOption(),
                                                        &verdictOption(),    &limitOption()};
    for (const QCommandLineOption *option : listOptions) {
        if (action != u"list" && parser.isSet(*option)) {
            return core::fail(u"cli.option_not_allowed"_s,
                              u"--%1 applies to 'list' only"_s.arg(option->names().first()));
        }
    }
    if (action != u"replay" && parser.isSet(toOption()))
        return core::fail(u"cli.option_not_allowed"_s, u"--to applies to 'replay' only"_s);
    if (action == u"list") {
        auto filter = eventFilterFromOptions(parser, core::SystemClock::instance()->nowMs());
        if (!filter)
            return core::fail(filter.error());
        return {};
    }
    if (auto id = parseId(arguments.first(), u"the event id"_s); !id)
        return core::fail(id.error());
    if (parser.isSet(toOption())) {
        if (auto url = parseHttpUrl(parser.value(toOption()), u"to"_s); !url)
            return core::fail(url.error());
    }
    return {};
}

void EventsCommand::runAction(const QString &action, const QStringList &arguments,
                              const QCommandLineParser &parser)
{
    if (action == u"list")
        list(*eventFilterFromOptions(parser, core::SystemClock::instance()->nowMs()));
    else if (action == u"show")
        show(*parseId(arguments.first(), {}));
    else
        replay(*parseId(arguments.first(), {}), parser.value(toOption()));
}

void EventsCommand::list(const core::InboundEventFilter &filter)
{
    struct Listing
    {
        QList<core::InboundEvent> events;
        TenantNames tenants;
    };
    auto events = store().read([filter](core::SqlSession &session) -> core::Result<Listing> {
        auto listed = core::InboundEventRepository::list(session, filter);
        if (!listed)
            return core::fail(listed.error());
        auto tenants = readTenantNames(session);
        if (!tenants)
            return core::fail(tenants.error());
        return Listing{*listed, *tenants};
    });
    session().whenDone(events, [this](const core::Result<Listing> &read) {
        if (!read)
            return fail(read.error());
        if (json()) {
            QJsonArray array;
            for (const core::InboundEvent &event : read->events)
                array.append(inboundEventJson(event, false));
            writeJson(out(), array);
            return finish();
        }
        QList<QStringList> rows;
        const auto id = [](std::optional<qint64> value) {
            return value ? QString::number(*value) : u"-"_s;
        };
        for (const core::InboundEvent &e : read->events) {
            rows.append({QString::number(e.id), rfc3339Utc(e.receivedAtMs), id(e.connectionId),
                         e.providerId,
                         e.handshake ? u"(handshake %1)"_s.arg(e.handshakeKind) : e.eventType,
                         core::nameOf(e.verdict), tenantName(read->tenants, e.tenantId),
                         core::nameOf(e.forwardingState), QString::number(e.bodySize)});
        }
        if (rows.isEmpty())
            out() << "No inbound events.\n";
        else
            writeTable(out(),
                       {u"id"_s, u"received"_s, u"connection"_s, u"provider"_s, u"event type"_s,
                        u"verdict"_s, u"tenant"_s, u"forwarding"_s, u"bytes"_s},
                       rows);
        finish();
    });
}

void EventsCommand::show(qint64 eventId)
{
    auto event = store().read([eventId](core::SqlSession &session) {
        return core::InboundEventRepository::get(session, eventId);
    });
    session().whenDone(event, [this](const core::Result<core::InboundEvent> &read) {
        if (!read)
            return fail(read.error());
        if (json()) {
            writeJson(out(), inboundEventJson(*read, true));
            return finish();
        }
        const core::InboundEvent &e = *read;
        out() << "Event " << e.id << " from " << e.providerId << ", received "
              << rfc3339Utc(e.receivedAtMs) << " from " << e.peerAddress << "\n"
              << "  verdict:    " << core::nameOf(e.verdict);
        // The reason adds to the verdict only when it says more ("failed (signature_mismatch)").
        if (!e.verificationReason.isEmpty() && e.verificationReason != core::nameOf(e.verdict))
            out() << " (" << e.verificationReason << ")";
        out() << "\n";
        if (!e.verificationExplanation.isEmpty())
            out() << "              " << e.verificationExplanation << "\n";
        out() << "  tenant:     " << (e.tenantId ? QString::number(*e.tenantId) : u"not resolved"_s)
              << " (" << e.identityOutcome
              << (e.identityValue.isEmpty() ? QString() : u" " + e.identityValue) << ")\n"
              << "  forwarding: " << core::nameOf(e.forwardingState)
              << (e.forwardingNote.isEmpty() ? QString() : u" — "_s + e.forwardingNote) << "\n\n";
        out() << e.request.method << " " << e.request.url << "\n";
        for (const core::ReceivedHeader &field : e.request.headers)
            out() << field.name << ": " << field.value << "\n";
        out() << "\n" << bodyAsText(e.request.body) << "\n";
        finish();
    });
}

void EventsCommand::replay(qint64 eventId, const QString &to)
{
    // One write job: the event's new forwarding state and its delivery commit together.
    const QString key = u"replay-%1-%2"_s.arg(eventId).arg(
            QUuid::createUuid().toString(QUuid::Id128).left(12));
    auto written = store().write([eventId, to,
                                  key](core::SqlSession &session) -> core::Result<core::Delivery> {
        if (!to.isEmpty()) {
            auto event = core::InboundEventRepository::get(session, eventId);
            if (!event)
                return core::fail(event.error());
            core::ForwardRequest request;
            request.eventId = eventId;
            request.targetUrl = QUrl(to);
            request.method = event->request.method;
            request.headers = core::forwardedHeaders(event->request.headers);
            request.body = event->request.body;
            request.idempotencyKey = key;
            return core::DeliveryRepository::add(session, core::forwardedDelivery(request),
                                                 QString());
        }
        auto pending = core::InboundForwardingRepository::requestRedelivery(session, eventId);
        if (!pending)
            return core::fail(pending.error());
        auto handed
                = core::InboundForwardingRepository::handOverPending(session, 1,
                                                                     core::forwardingDeliverySink(),
                                                                     eventId);
        if (!handed)
            return core::fail(handed.error());
        auto event = core::InboundEventRepository::get(session, eventId);
        if (!event)
            return core::fail(event.error());
        if (event->forwardingState != core::ForwardingState::Queued || !event->deliveryId) {
            return core::fail(u"inbound.not_forwardable"_s,
                              event->forwardingNote.isEmpty()
                                      ? u"event %1 was not handed over"_s.arg(eventId)
                                      : event->forwardingNote);
        }
        return core::DeliveryRepository::get(session, *event->deliveryId);
    });
    session().whenDone(written, [this](const core::Result<core::Delivery> &delivery) {
        if (!delivery)
            return fail(delivery.error());
        if (json()) {
            writeJson(out(), QJsonObject{{u"replayed"_s, deliveryJson(*delivery, false)}});
        } else {
            out() << "Queued as delivery " << delivery->id << " to " << delivery->url.toString()
                  << "; 'wirebench-cli serve' or the GUI sends it.\n";
        }
        finish();
    });
}

} // namespace wb::cli
