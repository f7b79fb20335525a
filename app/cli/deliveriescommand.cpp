// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliveriescommand.h"

#include "output.h"
#include "records.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/store/sqlsession.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

constexpr int defaultLimit = 50;
constexpr int maxLimit = 10'000;

const QCommandLineOption &stateOption()
{
    static const QCommandLineOption option(
            u"state"_s,
            u"list: only deliveries in this state (pending, in_flight, succeeded, failed, dead, "
            u"cancelled)."_s,
            u"state"_s);
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

struct DeliveryDetails
{
    core::Delivery delivery;
    QList<core::AttemptRecord> attempts;
};

} // namespace

DeliveriesCommand::DeliveriesCommand() = default;
DeliveriesCommand::~DeliveriesCommand() = default;

QString DeliveriesCommand::name() const
{
    return u"deliveries"_s;
}

QString DeliveriesCommand::summary() const
{
    return u"List and show outgoing deliveries with their attempts; retry one that ended."_s;
}

void DeliveriesCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s, u"list | show ID | retry ID"_s, u"<action> [id]"_s);
    parser.addOption(stateOption());
    parser.addOption(limitOption());
    parser.addOption(jsonOption());
}

QStringList DeliveriesCommand::actions() const
{
    return {u"list"_s, u"show"_s, u"retry"_s};
}

int DeliveriesCommand::argumentCount(const QString &action) const
{
    return action == u"list" ? 0 : 1;
}

core::Result<void> DeliveriesCommand::checkArguments(const QString &action,
                                                     const QStringList &arguments,
                                                     const QCommandLineParser &parser) const
{
    if (action != u"list" && (parser.isSet(stateOption()) || parser.isSet(limitOption()))) {
        return core::fail(u"cli.option_not_allowed"_s,
                          u"--state and --limit apply to 'list' only"_s);
    }
    if (parser.isSet(stateOption()) && !core::deliveryStateFromName(parser.value(stateOption()))) {
        return core::fail(u"cli.invalid_option"_s,
                          u"--state must be pending, in_flight, succeeded, failed, dead or "
                          u"cancelled, got '%1'"_s.arg(parser.value(stateOption())));
    }
    bool ok = false;
    const int limit = parser.value(limitOption()).toInt(&ok);
    if (!ok || limit < 1 || limit > maxLimit) {
        return core::fail(u"cli.invalid_option"_s,
                          u"--limit must be a whole number from 1 to %1, got '%2'"_s.arg(maxLimit)
                                  .arg(parser.value(limitOption())));
    }
    if (action != u"list") {
        if (auto id = parseId(arguments.first(), u"the delivery id"_s); !id)
            return core::fail(id.error());
    }
    return {};
}

void DeliveriesCommand::runAction(const QString &action, const QStringList &arguments,
                                  const QCommandLineParser &parser)
{
    if (action == u"list")
        list(parser);
    else if (action == u"show")
        show(*parseId(arguments.first(), {}));
    else
        retry(*parseId(arguments.first(), {}));
}

void DeliveriesCommand::list(const QCommandLineParser &parser)
{
    const std::optional<core::DeliveryState> state = parser.isSet(stateOption())
                                                             ? core::deliveryStateFromName(
                                                                     parser.value(stateOption()))
                                                             : std::nullopt;
    const int limit = parser.value(limitOption()).toInt();
    auto deliveries = store().read([state, limit](core::SqlSession &session) {
        return core::DeliveryRepository::list(session, state, limit);
    });
    session().whenDone(deliveries, [this](const core::Result<QList<core::Delivery>> &read) {
        if (!read)
            return fail(read.error());
        if (json()) {
            QJsonArray array;
            for (const core::Delivery &delivery : *read)
                array.append(deliveryJson(delivery, false));
            writeJson(out(), array);
            return finish();
        }
        QList<QStringList> rows;
        for (const core::Delivery &d : *read) {
            rows.append({QString::number(d.id), core::nameOf(d.state),
                         QString::number(d.attemptCount), rfc3339Utc(d.createdAtMs),
                         QString::fromLatin1(d.method) + u' ' + d.url.toString(), d.lastReason});
        }
        if (rows.isEmpty())
            out() << "No deliveries.\n";
        else
            writeTable(out(),
                       {u"id"_s, u"state"_s, u"attempts"_s, u"created"_s, u"request"_s,
                        u"last reason"_s},
                       rows);
        finish();
    });
}

void DeliveriesCommand::show(qint64 deliveryId)
{
    auto details = store().read(
            [deliveryId](core::SqlSession &session) -> core::Result<DeliveryDetails> {
                auto delivery = core::DeliveryRepository::get(session, deliveryId);
                if (!delivery)
                    return core::fail(delivery.error());
                auto attempts = core::DeliveryRepository::attempts(session, deliveryId);
                if (!attempts)
                    return core::fail(attempts.error());
                return DeliveryDetails{*delivery, *attempts};
            });
    session().whenDone(details, [this](const core::Result<DeliveryDetails> &read) {
        if (!read)
            return fail(read.error());
        const core::Delivery &d = read->delivery;
        if (json()) {
            QJsonObject object = deliveryJson(d, true);
            QJsonArray attempts;
            for (const core::AttemptRecord &attempt : read->attempts)
                attempts.append(attemptJson(attempt));
            object.insert(u"attempts"_s, attempts);
            writeJson(out(), object);
            return finish();
        }
        out() << "Delivery " << d.id << ": " << core::nameOf(d.state) << "\n";
        out() << "  request:          " << QString::fromLatin1(d.method) << " " << d.url.toString()
              << "\n";
        out() << "  idempotency key:  " << d.idempotencyKey << "\n";
        out() << "  connection:       "
              << (d.connectionId ? QString::number(*d.connectionId) : u"-"_s) << "\n";
        out() << "  created:          " << rfc3339Utc(d.createdAtMs) << "\n";
        if (!core::isFinal(d.state))
            out() << "  next attempt:     " << rfc3339Utc(d.nextAttemptAtMs) << "\n";
        out() << "  header fields:" << (d.headers.isEmpty() ? " none\n" : "\n");
        for (const core::RawHeader &field : d.headers.fields())
            out() << "    " << QString::fromLatin1(field.first) << ": "
                  << QString::fromLatin1(field.second) << "\n";
        out() << "  body:             " << d.body.size() << " bytes\n";
        out() << "  attempts:\n";
        if (read->attempts.isEmpty())
            out() << "    none yet\n";
        for (const core::AttemptRecord &a : read->attempts) {
            out() << "    #" << a.attemptNumber << "  " << rfc3339Utc(a.startedAtMs) << "  "
                  << (a.httpStatus ? QString::number(*a.httpStatus) : a.errorKind) << "  "
                  << a.decision;
            if (a.waitMs > 0)
                out() << ", waited " << a.waitMs << " ms";
            if (!a.reason.isEmpty())
                out() << "  (" << a.reason << ")";
            out() << "\n";
        }
        finish();
    });
}

void DeliveriesCommand::retry(qint64 deliveryId)
{
    // Only the queue row changes: whichever engine runs (serve, the GUI) polls and sends it.
    auto written = store().write([deliveryId](core::SqlSession &session) {
        return core::DeliveryRepository::replay(session, deliveryId);
    });
    session().whenDone(written, [this](const core::Result<core::Delivery> &replayed) {
        if (!replayed)
            return fail(replayed.error());
        if (json()) {
            writeJson(out(), QJsonObject{{u"retried"_s, deliveryJson(*replayed, false)}});
        } else {
            out() << "Delivery " << replayed->id
                  << " is queued again with a fresh retry budget; "
                     "'wirebench-cli serve' or the GUI sends it.\n";
        }
        finish();
    });
}

} // namespace wb::cli
