// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivercommand.h"

#include "catalogloader.h"
#include "inputfile.h"
#include "output.h"
#include "records.h"
#include "workspacesession.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/dispatch/dispatcher.h"
#include "core/dispatch/retrypolicy.h"
#include "core/providers/providercatalog.h"
#include "core/runtime/workspaceruntime.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

const QString commandName = u"deliver"_s;

// While waiting, how often the delivery's state is read back (another process's engine may be
// the one delivering it).
constexpr int stateCheckMs = 1'000;

const QCommandLineOption &connectionOption()
{
    static const QCommandLineOption option(
            u"connection"_s,
            u"Deliver through this connection: its access token, signing secret, rate limits and "
            "retry policy apply."_s,
            u"id"_s);
    return option;
}

const QCommandLineOption &signOption()
{
    static const QCommandLineOption option(
            u"sign"_s,
            u"Sign each attempt: standard_webhooks (webhook-id/-timestamp/-signature with the "
            "connection's webhook secret; needs --connection) or none (default)."_s,
            u"scheme"_s);
    return option;
}

const QCommandLineOption &urlOption()
{
    static const QCommandLineOption option(u"url"_s, u"Where to deliver (http or https)."_s,
                                           u"url"_s);
    return option;
}

const QCommandLineOption &bodyOption()
{
    static const QCommandLineOption
            option(u"body"_s, u"File with the request body, sent byte for byte ('-': stdin)."_s,
                   u"file"_s);
    return option;
}

const QCommandLineOption &headerOption()
{
    static const QCommandLineOption option(u"header"_s,
                                           u"A request header field 'Name: value' (repeatable)."_s,
                                           u"field"_s);
    return option;
}

const QCommandLineOption &methodOption()
{
    static const QCommandLineOption option(u"method"_s, u"POST (default), PUT, PATCH or DELETE."_s,
                                           u"method"_s, u"POST"_s);
    return option;
}

const QCommandLineOption &policyOption()
{
    static const QCommandLineOption
            option(u"policy"_s,
                   u"A retry policy preset name, or a JSON policy file (default: default)."_s,
                   u"name|file"_s);
    return option;
}

const QCommandLineOption &maxAttemptsOption()
{
    static const QCommandLineOption
            option(u"max-attempts"_s,
                   u"Attempts in all, the first included (overrides the policy's)."_s, u"n"_s);
    return option;
}

core::Result<core::RawHeader> parseHeaderField(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    const QString name = colon < 0 ? QString() : text.left(colon).trimmed();
    if (colon <= 0 || name.isEmpty() || name.contains(u' ')) {
        return core::fail(u"cli.invalid_header"_s,
                          u"--header expects 'Name: value', got '%1'"_s.arg(text));
    }
    return core::RawHeader{name.toLatin1(), text.mid(colon + 1).trimmed().toLatin1()};
}

// The retry policy's JSON from --policy and --max-attempts, or empty without either (the
// connection's policy, else "default").
core::Result<QString> policyJson(const QCommandLineParser &parser)
{
    if (!parser.isSet(policyOption()) && !parser.isSet(maxAttemptsOption()))
        return QString();
    QJsonObject policy{{u"basedOn"_s, u"default"_s}};
    QString origin = u"--policy"_s;
    if (parser.isSet(policyOption())) {
        const QString value = parser.value(policyOption());
        if (value.endsWith(u".json") || QFile::exists(value)) {
            QFile file(value);
            if (!file.open(QIODevice::ReadOnly)) {
                return core::fail(u"cli.unreadable_file"_s,
                                  u"cannot read the retry policy %1: %2"_s.arg(value,
                                                                               file.errorString()));
            }
            origin = value;
            const auto parsed = core::RetryPolicy::fromJson(file.readAll(), origin);
            if (!parsed)
                return core::fail(parsed.error());
            policy = parsed->toJsonObject();
        } else {
            policy = QJsonObject{{u"basedOn"_s, value}};
        }
    }
    if (parser.isSet(maxAttemptsOption())) {
        bool ok = false;
        const int attempts = parser.value(maxAttemptsOption()).toInt(&ok);
        if (!ok || attempts < 1) {
            return core::fail(u"cli.invalid_option"_s,
                              u"--max-attempts must be a whole number of 1 or more, got '%1'"_s.arg(
                                      parser.value(maxAttemptsOption())));
        }
        policy.insert(u"maxAttempts"_s, attempts);
    }
    const QByteArray json = QJsonDocument(policy).toJson(QJsonDocument::Compact);
    if (const auto checked = core::RetryPolicy::fromJson(json, origin); !checked)
        return core::fail(checked.error());
    return QString::fromUtf8(json);
}

QString describeAttempt(const core::AttemptRecord &attempt)
{
    QString line = u"  #%1  %2  "_s.arg(attempt.attemptNumber).arg(rfc3339Utc(attempt.startedAtMs));
    line += attempt.httpStatus ? QString::number(*attempt.httpStatus) : attempt.errorKind;
    line += u"  %1"_s.arg(attempt.decision);
    if (!attempt.reason.isEmpty())
        line += u"  (%1)"_s.arg(attempt.reason);
    return line;
}

} // namespace

core::Result<core::NewDelivery> deliveryFromOptions(const QCommandLineParser &parser)
{
    if (!parser.isSet(urlOption()))
        return core::fail(u"cli.missing_option"_s, u"--url is required"_s);
    if (!parser.isSet(bodyOption()))
        return core::fail(u"cli.missing_option"_s, u"--body FILE is required ('-' for stdin)"_s);
    core::NewDelivery delivery;
    if (parser.isSet(connectionOption())) {
        bool ok = false;
        const qint64 id = parser.value(connectionOption()).toLongLong(&ok);
        if (!ok || id < 1) {
            return core::fail(u"cli.invalid_option"_s,
                              u"--connection expects a connection id, got '%1'"_s.arg(
                                      parser.value(connectionOption())));
        }
        delivery.connectionId = id;
    }
    if (parser.isSet(signOption())) {
        const auto signing = core::deliverySigningFromName(parser.value(signOption()));
        if (!signing) {
            return core::fail(u"cli.invalid_option"_s,
                              u"--sign expects standard_webhooks or none, got '%1'"_s.arg(
                                      parser.value(signOption())));
        }
        delivery.signing = *signing;
    }
    delivery.url = QUrl(parser.value(urlOption()), QUrl::StrictMode);
    delivery.method = parser.value(methodOption()).toUpper().toLatin1();
    for (const QString &field : parser.values(headerOption())) {
        auto header = parseHeaderField(field);
        if (!header)
            return core::fail(header.error());
        delivery.headers.append(header->first, header->second);
    }
    auto policy = policyJson(parser);
    if (!policy)
        return core::fail(policy.error());
    delivery.retryPolicy = *policy;
    auto body = readInputFile(parser.value(bodyOption()), u"the body"_s,
                              core::DeliveryRepository::kMaxBodyBytes);
    if (!body)
        return core::fail(body.error());
    delivery.body = *body;
    if (auto valid = core::DeliveryRepository::validate(delivery); !valid)
        return core::fail(valid.error());
    return delivery;
}

DeliverCommand::DeliverCommand() = default;
DeliverCommand::~DeliverCommand() = default;

QString DeliverCommand::name() const
{
    return u"deliver"_s;
}

QString DeliverCommand::summary() const
{
    return u"Deliver one request through the engine (retries, rate limits) and show its attempts."_s;
}

void DeliverCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption(urlOption());
    parser.addOption(connectionOption());
    parser.addOption(signOption());
    parser.addOption(bodyOption());
    parser.addOption(headerOption());
    parser.addOption(methodOption());
    parser.addOption(policyOption());
    parser.addOption(maxAttemptsOption());
    parser.addOption(jsonOption());
}

std::optional<int> DeliverCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    m_context = &context;
    m_json = parser.isSet(jsonOption());
    QTextStream *jsonOut = m_json ? &context.out : nullptr;
    if (!parser.positionalArguments().isEmpty()) {
        return reportError(context.err, jsonOut, commandName,
                           {u"cli.wrong_arguments"_s,
                            u"takes no arguments, got '%1' (see --help)"_s.arg(
                                    parser.positionalArguments().join(u' '))},
                           ExitUsage);
    }
    auto delivery = deliveryFromOptions(parser);
    if (!delivery)
        return reportError(context.err, jsonOut, commandName, delivery.error(), ExitUsage);

    // An ad hoc delivery needs no other record: `deliver` may start a workspace.
    auto session = WorkspaceSession::open(context, WorkspaceSession::Creation::MayCreate);
    if (!session)
        return reportError(context.err, jsonOut, commandName, session.error(), ExitRuntime);
    m_session = std::move(*session);
    m_catalog = loadProviderCatalog(context.err, commandName);
    m_runtime = std::make_unique<core::WorkspaceRuntime>(
            core::WorkspaceRuntimeServices{&m_session->store(), m_catalog.get(),
                                           core::SystemClock::instance(),
                                           core::SystemRandomSource::instance()});
    QObject::connect(m_runtime.get(), &core::WorkspaceRuntime::startFailed, m_session.get(),
                     [this](const core::Error &error) { fail(error, ExitRuntime); });
    QObject::connect(m_runtime.get(), &core::WorkspaceRuntime::started, m_session.get(),
                     [this, delivery = *delivery] { onStarted(delivery); });
    m_runtime->start({});
    return std::nullopt;
}

void DeliverCommand::onStarted(const core::NewDelivery &delivery)
{
    core::Dispatcher *dispatcher = m_runtime->dispatcher();
    QObject::connect(dispatcher, &core::Dispatcher::deliveryFinished, m_session.get(),
                     [this](qint64 deliveryId) {
                         if (deliveryId == m_deliveryId)
                             checkState();
                     });
    m_stateTimer.setInterval(stateCheckMs);
    QObject::connect(&m_stateTimer, &QTimer::timeout, m_session.get(), [this] { checkState(); });
    m_session->whenDone(dispatcher->enqueue(delivery),
                        [this](const core::Result<core::Delivery> &enqueued) {
                            onEnqueued(enqueued);
                        });
}

void DeliverCommand::onEnqueued(const core::Result<core::Delivery> &delivery)
{
    if (!delivery)
        return fail(delivery.error(), exitCodeFor(delivery.error()));
    m_deliveryId = delivery->id;
    m_context->err << "wirebench-cli deliver: delivery " << m_deliveryId
                   << " queued; waiting for it to finish (interrupting leaves it queued for "
                      "'wirebench-cli serve')\n";
    m_context->err.flush();
    m_stateTimer.start();
}

void DeliverCommand::checkState()
{
    if (m_reporting)
        return;
    m_session->whenDone(m_runtime->dispatcher()->delivery(m_deliveryId),
                        [this](const core::Result<core::Delivery> &delivery) {
                            if (!delivery)
                                return fail(delivery.error(), ExitRuntime);
                            if (!core::isFinal(delivery->state) || m_reporting)
                                return;
                            m_reporting = true;
                            m_stateTimer.stop();
                            const core::Delivery finished = *delivery;
                            m_session->whenDone(m_runtime->dispatcher()->attempts(m_deliveryId),
                                                [this,
                                                 finished](const core::Result<
                                                           QList<core::AttemptRecord>> &attempts) {
                                                    if (!attempts)
                                                        return fail(attempts.error(), ExitRuntime);
                                                    report(finished, *attempts);
                                                });
                        });
}

void DeliverCommand::report(const core::Delivery &delivery,
                            const QList<core::AttemptRecord> &attempts)
{
    const int exitCode = delivery.state == core::DeliveryState::Succeeded ? ExitOk : ExitNegative;
    if (m_json) {
        QJsonObject object = deliveryJson(delivery, false);
        QJsonArray list;
        for (const core::AttemptRecord &attempt : attempts)
            list.append(attemptJson(attempt));
        object.insert(u"attempts"_s, list);
        writeJson(m_context->out, object);
    } else {
        m_context->out << "Delivery " << delivery.id << " to " << delivery.url.toString() << ": "
                       << core::nameOf(delivery.state) << " after " << attempts.size()
                       << (attempts.size() == 1 ? " attempt" : " attempts")
                       << (delivery.lastReason.isEmpty() ? QString()
                                                         : u" (%1)"_s.arg(delivery.lastReason))
                       << "\n";
        for (const core::AttemptRecord &attempt : attempts)
            m_context->out << describeAttempt(attempt) << "\n";
        m_context->out.flush();
    }
    finishWhenStopped(exitCode);
}

void DeliverCommand::finishWhenStopped(int exitCode)
{
    QObject::connect(m_runtime.get(), &core::WorkspaceRuntime::stopped, m_session.get(),
                     [this, exitCode] { m_session->finish(exitCode); });
    m_runtime->stop();
}

void DeliverCommand::fail(const core::Error &error, int exitCode)
{
    m_stateTimer.stop();
    reportError(m_context->err, m_json ? &m_context->out : nullptr, commandName, error, exitCode);
    m_session->finish(exitCode);
}

} // namespace wb::cli
