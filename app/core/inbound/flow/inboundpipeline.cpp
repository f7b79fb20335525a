// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/flow/inboundpipeline.h"

#include "core/inbound/events/inboundeventrepository.h"
#include "core/inbound/flow/routingtable.h"
#include "core/inbound/verification/cryptoprimitives.h"
#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/identitymappingrepository.h"
#include "core/store/store.h"
#include "core/util/buildinfo.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace wb::core {

Q_LOGGING_CATEGORY(lcPipeline, "wirebench.inbound.pipeline")

namespace {

// The path of an origin-form or absolute-form request-target (RFC 9112 §3.2), without the query.
QByteArray targetPath(const QByteArray &target)
{
    QByteArray path = target;
    if (!path.startsWith('/')) {
        const qsizetype scheme = path.indexOf("://");
        const qsizetype slash = scheme < 0 ? -1 : path.indexOf('/', scheme + 3);
        path = slash < 0 ? "/"_ba : path.mid(slash);
    }
    const qsizetype query = path.indexOf('?');
    return query < 0 ? path : path.left(query);
}

// http://<Host><request-target>, or the target itself in absolute form.
QByteArray requestUrl(const RequestHead &head)
{
    if (!head.target.startsWith('/'))
        return head.target;
    QByteArray host;
    for (const ReceivedHeader &header : head.headers) {
        if (QByteArrayView(header.name).compare("host", Qt::CaseInsensitive) == 0) {
            host = header.value;
            break;
        }
    }
    return "http://" + host + head.target;
}

bool isProviderId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

HttpResponse acceptedResponse(qint64 eventId, bool duplicate, InboundVerdict verdict)
{
    const QJsonObject object{{u"event_id"_s, eventId},
                             {u"duplicate"_s, duplicate},
                             {u"verdict"_s, nameOf(verdict)}};
    return HttpResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// An error answer for a request that was stored anyway (failed verification, undecodable body):
// names the inbound event that records it.
HttpResponse storedError(int status, const QString &code, const QString &message, qint64 eventId)
{
    const QJsonObject object{{u"error"_s, code}, {u"message"_s, message}, {u"event_id"_s, eventId}};
    return HttpResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// What the write job decided, for the answer and the signals.
struct Stored
{
    InboundInsertOutcome insert;
    ForwardingState forwarding = ForwardingState::None;
};

// The verify token the handshake checks, among the connections the URL serves: on a connection's
// URL that connection's; on a provider app's URL the connection whose token the request carries
// (compared in constant time), else the first one configured (the check then fails and says so).
QByteArray chooseVerifyToken(const RawRequest &request, const QList<const Connection *> &routed)
{
    const QByteArray offered = request.queryParameter("hub.verify_token").value_or(QByteArray());
    QByteArray chosen;
    for (const Connection *connection : routed) {
        const QByteArray token = connection->settings.handshakeVerifyToken.toLatin1();
        if (token.isEmpty())
            continue;
        if (!offered.isEmpty() && crypto::constantTimeEquals(offered, token))
            return token;
        if (chosen.isEmpty())
            chosen = token;
    }
    return chosen;
}

} // namespace

struct InboundPipeline::Context
{
    HttpExchange exchange;
    ReplyHandle reply;
    qint64 receivedAtMs = 0;
    InboundRoute route = InboundRoute::Connection;
    std::optional<qint64> routeConnectionId;
    qint64 routeTenantId = 0;
    QList<qint64> secretOwners; // the connection of each secret given to the verifier
    QString routeDescription;
    ExaminationInput input;
    Examination examination;
    std::optional<qint64> matchedConnectionId;
};

InboundPipeline::InboundPipeline(const Services &services, const ReceiverSettings &settings,
                                 QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_settings(settings)
{
    Q_ASSERT(services.store && services.catalog && services.routing && services.clock);
    m_backlogTimer.setInterval(2000);
    connect(&m_backlogTimer, &QTimer::timeout, this, &InboundPipeline::refreshForwardingBacklog);
    refreshForwardingBacklog();
}

InboundPipeline::~InboundPipeline() = default;

void InboundPipeline::refreshForwardingBacklog()
{
    whenFinished(m_services.store->read([](SqlSession &session) {
        return InboundEventRepository::countPendingForwarding(session);
    }),
                 this, [this](const Result<qint64> &count) {
                     if (!count)
                         return;
                     m_forwardingBacklog = *count;
                     if (m_forwardingBacklog > 0 && !m_backlogTimer.isActive())
                         m_backlogTimer.start();
                     else if (m_forwardingBacklog == 0)
                         m_backlogTimer.stop();
                 });
}

HttpResponse InboundPipeline::retryLater(const QString &code, const QString &message) const
{
    HttpResponse response = HttpResponse::error(503, code, message);
    // RFC 9110 §10.2.3: delay-seconds.
    response.headers.append(
            ReceivedHeader{"Retry-After"_ba, QByteArray::number(m_settings.retryAfterSeconds)});
    return response;
}

void InboundPipeline::handle(const HttpExchange &exchange, const ReplyHandle &reply)
{
    const QByteArray path = targetPath(exchange.head.target);
    if (path == "/health") {
        const QJsonObject health{{u"status"_s, u"ok"_s},
                                 {u"version"_s, buildinfo::version()},
                                 {u"events_in_processing"_s, m_inProcessing},
                                 {u"forwarding_backlog"_s, m_forwardingBacklog}};
        reply.send(HttpResponse::json(200, QJsonDocument(health).toJson(QJsonDocument::Compact)));
        return;
    }

    auto context = std::make_shared<Context>();
    context->exchange = exchange;
    context->reply = reply;
    context->receivedAtMs = m_services.clock->nowMs();

    // 1. Route.
    const QList<QByteArray> segments = path.split('/');
    const bool connectionRoute = segments.size() == 3 && segments[1] == "hooks";
    const bool providerRoute = segments.size() == 4 && segments[1] == "hooks" && segments[2] == "p";
    if (!connectionRoute && !providerRoute) {
        reply.send(HttpResponse::error(
                404, u"receiver.no_route"_s,
                u"No webhook URL here: use /hooks/<connection id> or /hooks/p/<provider id>."_s));
        return;
    }
    if (!m_services.routing->isReady()) {
        reply.send(retryLater(u"receiver.starting"_s,
                              u"The receiver is still loading its connections."_s));
        return;
    }

    // 2. Throttle.
    if (m_inProcessing >= m_settings.maxEventsInProcessing) {
        Q_EMIT requestThrottled(u"receiver.busy"_s);
        reply.send(retryLater(u"receiver.busy"_s,
                              u"Too many webhooks are being processed at once (%1)."_s.arg(
                                      m_settings.maxEventsInProcessing)));
        return;
    }
    if (m_forwardingBacklog >= m_settings.maxForwardingBacklog) {
        Q_EMIT requestThrottled(u"receiver.backlog_full"_s);
        reply.send(retryLater(u"receiver.backlog_full"_s,
                              u"%1 received events are waiting to be forwarded (the limit is %2)."_s
                                      .arg(m_forwardingBacklog)
                                      .arg(m_settings.maxForwardingBacklog)));
        return;
    }

    ExaminationInput &input = context->input;
    // The connections this URL serves.
    QList<const Connection *> routed;
    if (connectionRoute) {
        bool ok = false;
        const qint64 connectionId = segments[2].toLongLong(&ok);
        const Connection *connection = ok ? m_services.routing->connection(connectionId) : nullptr;
        if (!connection) {
            reply.send(HttpResponse::error(404, u"receiver.unknown_connection"_s,
                                           u"There is no connection %1 in this workspace."_s.arg(
                                                   QString::fromLatin1(segments[2].left(40)))));
            return;
        }
        context->route = InboundRoute::Connection;
        context->routeConnectionId = connection->id;
        context->routeTenantId = connection->tenantId;
        input.providerId = connection->providerId;
        if (const ProviderProfile *profile = m_services.catalog->find(connection->providerId))
            input.profile = *profile;
        for (const QByteArray &secret : m_services.routing->signingSecrets(connection->id)) {
            input.secrets << secret;
            context->secretOwners << connection->id;
        }
        routed << connection;
        context->routeDescription
                = tr("Received at %1, the URL of connection %2 (%3) of tenant %4.")
                          .arg(QString::fromLatin1(path))
                          .arg(connection->id)
                          .arg(connection->providerId)
                          .arg(connection->tenantId);
    } else {
        const QByteArray providerId = segments[3];
        const ProviderProfile *profile = isProviderId(providerId) ? m_services.catalog->find(
                                                 QString::fromLatin1(providerId))
                                                                  : nullptr;
        if (!profile) {
            reply.send(HttpResponse::error(404, u"receiver.unknown_provider"_s,
                                           u"There is no provider profile \"%1\"."_s.arg(
                                                   QString::fromLatin1(
                                                           printablePrefix(providerId, 64)))));
            return;
        }
        context->route = InboundRoute::Provider;
        input.providerId = profile->id;
        input.profile = *profile;
        // The provider app's secret is the same for all its installations: every connection to
        // the provider offers its slots, and the one that matches tells which connection it is.
        routed = m_services.routing->connectionsOf(profile->id);
        for (const Connection *connection : routed) {
            for (const QByteArray &secret : m_services.routing->signingSecrets(connection->id)) {
                input.secrets << secret;
                context->secretOwners << connection->id;
            }
        }
        context->routeDescription = tr("Received at %1, the URL of the %2 provider app.")
                                            .arg(QString::fromLatin1(path), profile->displayName);
    }

    input.request.method = exchange.head.method;
    input.request.url = requestUrl(exchange.head);
    input.request.headers = exchange.head.headers;
    input.request.body = exchange.body;
    input.encoding = exchange.head.contentEncoding;
    input.nowMs = context->receivedAtMs;
    input.maxDecodedBytes = m_settings.maxDecodedBodyBytes;
    if (!m_settings.publicBaseUrl.isEmpty() && exchange.head.target.startsWith('/')) {
        QByteArray base = m_settings.publicBaseUrl;
        while (base.endsWith('/'))
            base.chop(1);
        input.signedUrl = base + exchange.head.target;
    }
    if (!input.secrets.isEmpty())
        input.handshakeSecrets.signingSecret = input.secrets.constFirst();
    if (input.profile && input.profile->handshake.kind == HandshakeKind::MetaHubChallenge)
        input.handshakeSecrets.verifyToken = chooseVerifyToken(input.request, routed);

    // 3. Examine, on a worker for large bodies.
    ++m_inProcessing;
    if (exchange.body.size() <= m_settings.inlineExaminationBytes) {
        context->examination = examine(input);
        store(context);
        return;
    }
    whenFinished(QtConcurrent::run([input] { return examine(input); }), this,
                 [this, context](const Examination &examination) {
                     context->examination = examination;
                     store(context);
                 });
}

void InboundPipeline::store(const std::shared_ptr<Context> &context)
{
    const Examination &examination = context->examination;
    if (examination.verification.matchedSecretSlot >= 0
        && examination.verification.matchedSecretSlot < context->secretOwners.size()) {
        context->matchedConnectionId = context->secretOwners.at(
                examination.verification.matchedSecretSlot);
    }

    InboundEvent event;
    event.receivedAtMs = context->receivedAtMs;
    event.route = context->route;
    event.connectionId = context->routeConnectionId ? context->routeConnectionId
                                                    : context->matchedConnectionId;
    event.providerId = context->input.providerId;
    event.peerAddress = context->exchange.peer.toString();
    event.request = context->input.request;
    event.requestTarget = context->exchange.head.target;
    event.bodySize = event.request.body.size();
    event.verdict = examination.verdict;
    event.verificationReason = examination.reason;
    event.verificationExplanation = examination.explanation;
    event.providerEventId = examination.providerEventId;
    event.eventType = examination.eventType;
    const bool handshake = !examination.bodyError && examination.handshake.isHandshake();
    event.handshake = handshake;
    if (handshake) {
        event.handshakeKind = nameOf(examination.handshake.kind);
        event.responseStatus = examination.handshake.status;
        event.verificationExplanation += u"\n"_s + examination.handshake.explanation;
    } else if (examination.bodyError) {
        event.responseStatus = examination.bodyErrorStatus;
    } else {
        event.responseStatus = examination.verdict == InboundVerdict::Failed ? 401 : 200;
    }

    const QString dedupScope = context->routeConnectionId
                                       ? u"connection:%1"_s.arg(*context->routeConnectionId)
                                       : u"provider:%1"_s.arg(event.providerId);
    const IdentityQuery identity = examination.identity;
    const std::optional<qint64> routeConnection = context->routeConnectionId;
    const qint64 routeTenant = context->routeTenantId;
    const QString routeDescription = context->routeDescription;

    // 4. One write job: resolve, deduplicate, decide forwarding, insert.
    QFuture<Result<Stored>> written = m_services.store->write([event, identity, dedupScope,
                                                               routeConnection, routeTenant,
                                                               routeDescription](
                                                                      SqlSession &session) mutable
                                                              -> Result<Stored> {
        if (!event.handshake && !identity.providerId.isEmpty()) {
            Result<IdentityResolution> resolution = IdentityMappingRepository::resolve(session,
                                                                                       identity);
            if (!resolution)
                return fail(resolution.error());
            event.identityOutcome = nameOf(resolution->outcome);
            event.identityValue = identity.value.value_or(QString());
            event.resolutionExplanation = resolution->explanation;
            if (resolution->mapping)
                event.identityMappingId = resolution->mapping->id;
            if (resolution->tenant)
                event.tenantId = resolution->tenant->id;
            if (!event.connectionId && resolution->mapping)
                event.connectionId = resolution->mapping->connectionId;
        }
        if (routeConnection) {
            // The URL names the connection, so its tenant is the event's tenant; the
            // identity field only confirms it (or shows a mapping that disagrees).
            if (event.tenantId && *event.tenantId != routeTenant) {
                event.resolutionExplanation
                        += u" "_s
                           + tr("That mapping's tenant %1 is not the connection's tenant: "
                                "the URL decides.")
                                     .arg(*event.tenantId);
                event.identityMappingId.reset();
            }
            event.tenantId = routeTenant;
            event.identityOutcome = u"matched"_s;
            event.resolutionExplanation
                    = QString(routeDescription + u" "_s + event.resolutionExplanation).trimmed();
        } else {
            event.resolutionExplanation
                    = QString(routeDescription + u" "_s + event.resolutionExplanation).trimmed();
        }

        Stored stored;
        if (!event.handshake && event.verdict != InboundVerdict::Failed
            && event.responseStatus < 300 && event.tenantId && event.connectionId) {
            auto target = session.exec(u"SELECT forward_target_url FROM connections WHERE id = ?"_s,
                                       {*event.connectionId});
            if (!target)
                return fail(target.error());
            const QString url = target->next() ? target->value(0).toString() : QString();
            if (url.isEmpty()) {
                event.forwardingNote = tr("Connection %1 has no forward target.")
                                               .arg(*event.connectionId);
            } else {
                event.forwardingState = ForwardingState::Pending;
                event.forwardingNote = tr("To be forwarded to %1.").arg(url);
            }
        } else if (!event.handshake && event.verdict != InboundVerdict::Failed && !event.tenantId) {
            event.forwardingNote = tr("Not forwarded: no tenant matched.");
        }
        Result<InboundInsertOutcome> inserted = InboundEventRepository::insert(session, event,
                                                                               dedupScope);
        if (!inserted)
            return fail(inserted.error());
        stored.insert = *inserted;
        stored.forwarding = inserted->duplicate ? ForwardingState::None : event.forwardingState;
        return stored;
    });

    whenFinished(written, this, [this, context](const Result<Stored> &stored) {
        // 5. Answer only now: the row is durable (or the write failed and nothing is promised).
        if (!stored) {
            qCWarning(lcPipeline) << "could not store an inbound event:" << stored.error().code
                                  << stored.error().message;
            answer(context, retryLater(u"receiver.store_failed"_s,
                                       u"The event could not be stored; send it again."_s));
            return;
        }
        if (stored->forwarding == ForwardingState::Pending) {
            ++m_forwardingBacklog;
            if (!m_backlogTimer.isActive())
                m_backlogTimer.start();
        }
        Q_EMIT eventStored(stored->insert.eventId, stored->insert.duplicate);
        if (stored->forwarding == ForwardingState::Pending)
            Q_EMIT forwardingPending(stored->insert.eventId);
        const Examination &examination = context->examination;
        if (examination.bodyError) {
            answer(context, storedError(examination.bodyErrorStatus, examination.bodyError->code,
                                        examination.bodyError->message, stored->insert.eventId));
            return;
        }
        if (examination.handshake.isHandshake()) {
            HttpResponse response;
            response.status = examination.handshake.status;
            response.headers = examination.handshake.headers;
            response.body = examination.handshake.body;
            const QByteArray &secret = examination.handshake.secretToRemember;
            if (!secret.isEmpty() && context->routeConnectionId && m_services.secrets) {
                // Asana: the secret of every later event. Answer once it is remembered, so the
                // first event already verifies.
                const SecretKey key{*context->routeConnectionId, SecretKind::WebhookSigningSecret,
                                    SecretSlot::Primary};
                whenFinished(m_services.secrets->put(key, secret), this,
                             [this, context, response](const Result<SecretReference> &put) {
                                 if (!put) {
                                     qCWarning(lcPipeline) << "could not remember the hook secret:"
                                                           << put.error().message;
                                     answer(context, HttpResponse::error(
                                                             500, put.error().code,
                                                             u"The handshake's secret could not be "
                                                             "stored."_s));
                                     return;
                                 }
                                 answer(context, response);
                             });
                return;
            }
            answer(context, response);
            return;
        }
        if (examination.verdict == InboundVerdict::Failed) {
            answer(context,
                   storedError(401, u"signature."_s + examination.reason,
                               u"Signature verification failed (%1); inbound event %2 records "
                               "the details."_s.arg(examination.reason)
                                       .arg(stored->insert.eventId),
                               stored->insert.eventId));
            return;
        }
        answer(context, acceptedResponse(stored->insert.eventId, stored->insert.duplicate,
                                         examination.verdict));
    });
}

void InboundPipeline::answer(const std::shared_ptr<Context> &context, const HttpResponse &response)
{
    --m_inProcessing;
    context->reply.send(response);
}

} // namespace wb::core
