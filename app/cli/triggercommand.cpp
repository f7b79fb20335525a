// SPDX-License-Identifier: GPL-3.0-or-later
#include "triggercommand.h"

#include "catalogloader.h"
#include "output.h"
#include "workspacesession.h"

#include "core/inbound/verification/signaturesigner.h"
#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretstore.h"
#include "core/secrets/secretstorefactory.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

const QString commandName = u"trigger"_s;
constexpr int sendTimeoutMs = 30'000;
constexpr qsizetype shownResponseBytes = 2'000;

const QCommandLineOption &connectionOption()
{
    static const QCommandLineOption option(u"connection"_s,
                                           u"The connection whose provider and secret to use."_s,
                                           u"id"_s);
    return option;
}

const QCommandLineOption &eventOption()
{
    static const QCommandLineOption
            option(u"event"_s, u"The sample event (see the error for the provider's list)."_s,
                   u"type"_s);
    return option;
}

const QCommandLineOption &toOption()
{
    static const QCommandLineOption option(
            u"to"_s,
            u"Where to send it (default: serve's receiver, http://127.0.0.1:8480/hooks/<id>)."_s,
            u"url"_s);
    return option;
}

const QCommandLineOption &accountOption()
{
    static const QCommandLineOption option(
            u"account"_s,
            u"The external account id to put in the event (default: the identity mapping's)."_s,
            u"id"_s);
    return option;
}

// A provider-style random id (Stripe evt_…, Slack Ev…): 24 letters and digits.
QByteArray randomEventId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray id;
    for (int i = 0; i < 24; ++i)
        id += alphabet[int(core::SystemRandomSource::instance()->uniform() * 62)];
    return id;
}

} // namespace

TriggerCommand::TriggerCommand() = default;
TriggerCommand::~TriggerCommand() = default;

QString TriggerCommand::name() const
{
    return commandName;
}

QString TriggerCommand::summary() const
{
    return u"Send a realistic, signed sample event of a connection's provider to the receiver."_s;
}

void TriggerCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions(
            {connectionOption(), eventOption(), toOption(), accountOption(), jsonOption()});
}

std::optional<int> TriggerCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    m_context = &context;
    m_json = parser.isSet(jsonOption());
    QTextStream *jsonOut = m_json ? &context.out : nullptr;
    const auto refuse = [&](const QString &code, const QString &message) {
        return reportError(context.err, jsonOut, commandName, {code, message}, ExitUsage);
    };
    if (!parser.positionalArguments().isEmpty())
        return refuse(u"cli.wrong_arguments"_s, u"takes no arguments (see --help)"_s);
    if (!parser.isSet(connectionOption()) || !parser.isSet(eventOption()))
        return refuse(u"cli.missing_option"_s, u"--connection ID and --event TYPE are required"_s);
    bool ok = false;
    m_connectionId = parser.value(connectionOption()).toLongLong(&ok);
    if (!ok || m_connectionId < 1) {
        return refuse(u"cli.invalid_id"_s, u"--connection must be a whole number of 1 or more, "
                                           "got '%1'"_s.arg(parser.value(connectionOption())));
    }
    m_event = parser.value(eventOption());
    m_account = parser.value(accountOption());
    m_target = parser.isSet(toOption()) ? parser.value(toOption())
                                        : u"http://127.0.0.1:8480/hooks/%1"_s.arg(m_connectionId);
    if (const auto url = parseHttpUrl(m_target, u"to"_s); !url)
        return refuse(url.error().code, url.error().message);

    auto session = WorkspaceSession::open(context);
    if (!session)
        return reportError(context.err, jsonOut, commandName, session.error(), ExitRuntime);
    m_session = std::move(*session);
    m_catalog = loadProviderCatalog(context.err, commandName);
    m_session->whenDone(m_session->store().connection(m_connectionId),
                        [this](const core::Result<core::Connection> &connection) {
                            if (!connection)
                                return fail(connection.error(), exitCodeFor(connection.error()));
                            onConnection(*connection);
                        });
    return std::nullopt;
}

void TriggerCommand::onConnection(const core::Connection &connection)
{
    m_tenantId = connection.tenantId;
    m_profile = m_catalog->find(connection.providerId);
    if (!m_profile) {
        return fail({u"provider.unknown"_s,
                     u"connection %1's provider \"%2\" has no profile"_s.arg(m_connectionId)
                             .arg(connection.providerId)},
                    ExitUsage);
    }
    const core::Result<core::SampleEvent> sample = core::SampleCatalog::load().find(m_profile->id,
                                                                                    m_event);
    if (!sample)
        return fail(sample.error(), ExitUsage);
    m_sample = *sample;
    if (!m_account.isEmpty())
        return onAccount(m_account.toUtf8());
    core::IdentityMappingFilter filter{m_profile->id, m_tenantId};
    m_session->whenDone(m_session->store().identityMappings(filter),
                        [this](const core::Result<QList<core::IdentityMapping>> &mappings) {
                            if (!mappings)
                                return fail(mappings.error(), ExitRuntime);
                            // The mapping tied to this connection first, else any of the tenant's.
                            QByteArray account;
                            for (const core::IdentityMapping &mapping : *mappings) {
                                if (account.isEmpty() || mapping.connectionId == m_connectionId)
                                    account = mapping.externalAccountId.toUtf8();
                            }
                            onAccount(account);
                        });
}

void TriggerCommand::onAccount(const QByteArray &accountId)
{
    const QByteArray uuid = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    m_rendered = core::renderSample(m_sample,
                                    core::SampleValues{accountId,
                                                       core::SystemClock::instance()->nowMs(), uuid,
                                                       randomEventId()});
    if (m_profile->signatureSchemes.isEmpty())
        return send(m_rendered.headers, m_rendered.body);
    m_session->whenDone(
            core::openSecretStore(m_session->store()),
            [this](const core::Result<core::OpenedSecretStore> &opened) {
                if (!opened)
                    return fail(opened.error(), ExitRuntime);
                m_backend = opened->secrets;
                m_secrets = std::make_unique<core::ConnectionSecrets>(m_session->store(),
                                                                      *m_backend);
                m_session->whenDone(
                        m_secrets->get(core::SecretKey{m_connectionId,
                                                       core::SecretKind::WebhookSigningSecret,
                                                       core::SecretSlot::Primary}),
                        [this](const core::Result<QByteArray> &secret) {
                            if (!secret) {
                                const bool missing = secret.error().code == u"secrets.not_found";
                                return fail(missing ? core::Error{u"trigger.no_secret"_s,
                                                                  u"connection %1 has no webhook "
                                                                  "signing secret; set one with "
                                                                  "'wirebench-cli secrets set "
                                                                  "--connection %1 --kind webhook'"_s
                                                                          .arg(m_connectionId)}
                                                    : secret.error(),
                                            missing ? ExitUsage : ExitRuntime);
                            }
                            onSecret(*secret);
                        });
            });
}

void TriggerCommand::onSecret(const QByteArray &secret)
{
    core::SigningRequest signing;
    signing.url = m_target.toUtf8();
    signing.body = m_rendered.body;
    signing.contentType = m_rendered.contentType;
    signing.messageId = "msg_" + QUuid::createUuid().toByteArray(QUuid::Id128).left(24);
    signing.timestampMs = core::SystemClock::instance()->nowMs();
    const core::Result<QList<core::ReceivedHeader>> signature
            = core::signRequest(m_profile->signatureSchemes.first(), {secret}, signing);
    if (!signature)
        return fail(signature.error(), ExitUsage);
    send(m_rendered.headers + *signature, m_rendered.body);
}

void TriggerCommand::send(const QList<core::ReceivedHeader> &headers, const QByteArray &body)
{
    m_network = std::make_unique<QNetworkAccessManager>();
    QNetworkRequest request{QUrl(m_target)};
    request.setTransferTimeout(sendTimeoutMs);
    for (const core::ReceivedHeader &field : headers)
        request.setRawHeader(field.name, field.value);
    QNetworkReply *reply = m_network->post(request, body);
    QObject::connect(reply, &QNetworkReply::finished, m_session.get(), [this, reply, headers, body] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            const bool refused = reply->error() == QNetworkReply::ConnectionRefusedError;
            return fail({u"trigger.send_failed"_s,
                         u"sending to %1 failed: %2%3"_s
                                 .arg(m_target, reply->errorString(),
                                      refused ? u" (is 'wirebench-cli serve' "
                                                "running?)"_s
                                              : QString())},
                        ExitRuntime);
        }
        const int code = status.toInt();
        const QByteArray answer = reply->readAll();
        if (m_json) {
            QJsonArray sent;
            for (const core::ReceivedHeader &field : headers) {
                sent.append(QJsonObject{{u"name"_s, QString::fromLatin1(field.name)},
                                        {u"value"_s, QString::fromLatin1(field.value)}});
            }
            writeJson(m_context->out,
                      QJsonObject{{u"url"_s, m_target},
                                  {u"event"_s, m_sample.event},
                                  {u"status"_s, code},
                                  {u"response_body"_s, QString::fromUtf8(answer)},
                                  {u"account_id"_s, QString::fromUtf8(m_rendered.accountId)},
                                  {u"headers"_s, sent},
                                  {u"body_base64"_s, QString::fromLatin1(body.toBase64())}});
        } else {
            m_context->out << "Sent " << m_profile->id << " " << m_sample.event << " (account "
                           << m_rendered.accountId << ") to " << m_target << ": HTTP " << code
                           << "\n"
                           << QString::fromUtf8(answer.left(shownResponseBytes)) << "\n";
            m_context->out.flush();
        }
        m_session->finish(code >= 200 && code < 300 ? ExitOk : ExitNegative);
    });
}

void TriggerCommand::fail(const core::Error &error, int exitCode)
{
    reportError(m_context->err, m_json ? &m_context->out : nullptr, commandName, error, exitCode);
    m_session->finish(exitCode);
}

} // namespace wb::cli
