// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/handshake/handshakeresponder.h"

#include "core/inbound/identity/rawjson.h"
#include "core/inbound/verification/cryptoprimitives.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
class HandshakeText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::HandshakeResponder)
};

using Outcome = HandshakeReply::Outcome;
using Reason = HandshakeReply::Reason;

// The string (decoded) or the literal text of a scalar at `pointer`; nullopt when absent, not
// JSON, or not a scalar.
std::optional<QByteArray> jsonValue(QByteArrayView body, QStringView pointer)
{
    const auto token = rawjson::find(body, pointer);
    if (!token || !token->has_value())
        return std::nullopt;
    const JsonToken &t = **token;
    const QByteArrayView literal = body.sliced(t.offset, t.length);
    switch (t.kind) {
    case JsonToken::Kind::String:
        return rawjson::decodeString(literal);
    case JsonToken::Kind::Number:
    case JsonToken::Kind::True:
    case JsonToken::Kind::False:
        return literal.toByteArray();
    default:
        return std::nullopt;
    }
}

HandshakeReply answer(HandshakeKind kind, QByteArray contentType, QByteArray body,
                      const QString &explanation)
{
    HandshakeReply reply;
    reply.outcome = Outcome::Answer;
    reply.reason = Reason::Answered;
    reply.kind = kind;
    reply.status = 200;
    if (!contentType.isEmpty())
        reply.headers.append(ReceivedHeader{"Content-Type", std::move(contentType)});
    reply.body = std::move(body);
    reply.explanation = explanation;
    return reply;
}

HandshakeReply reject(HandshakeKind kind, Reason reason, int status, const QString &explanation)
{
    HandshakeReply reply;
    reply.outcome = Outcome::Reject;
    reply.reason = reason;
    reply.kind = kind;
    reply.status = status;
    reply.explanation = explanation;
    return reply;
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString kindName(HandshakeKind kind)
{
    return nameOf(kind);
}

HandshakeReply notVerified(HandshakeKind kind)
{
    return reject(kind, Reason::SignatureNotVerified, 401,
                  HandshakeText::tr("A %1 handshake is answered only when its signature "
                                    "verifies; this one did not.")
                          .arg(kindName(kind)));
}

HandshakeReply slack(QByteArrayView body, bool verified, bool requiresVerified)
{
    const HandshakeKind kind = HandshakeKind::SlackUrlVerification;
    if (jsonValue(body, u"/type") != QByteArray("url_verification"))
        return {};
    if (requiresVerified && !verified)
        return notVerified(kind);
    const auto challenge = jsonValue(body, u"/challenge");
    if (!challenge || challenge->isEmpty()) {
        return reject(kind, Reason::MissingChallenge, 400,
                      HandshakeText::tr("A url_verification request without a challenge."));
    }
    return answer(kind, "text/plain", *challenge,
                  HandshakeText::tr("Slack url_verification: the challenge is echoed as text."));
}

HandshakeReply graph(const RawRequest &request)
{
    const auto token = request.queryParameter("validationToken");
    if (!token)
        return {};
    return answer(HandshakeKind::GraphValidationToken, "text/plain; charset=utf-8", *token,
                  HandshakeText::tr("Microsoft Graph validation: the URL-decoded validationToken "
                                    "is echoed as text (%n byte(s)).",
                                    nullptr, int(token->size())));
}

HandshakeReply zoom(QByteArrayView body, const HandshakeSecrets &secrets)
{
    const HandshakeKind kind = HandshakeKind::ZoomUrlValidation;
    if (jsonValue(body, u"/event") != QByteArray("endpoint.url_validation"))
        return {};
    const auto plainToken = jsonValue(body, u"/payload/plainToken");
    if (!plainToken || plainToken->isEmpty()) {
        return reject(kind, Reason::MissingChallenge, 400,
                      HandshakeText::tr("An endpoint.url_validation without payload.plainToken."));
    }
    if (secrets.signingSecret.isEmpty()) {
        return reject(kind, Reason::MissingSecret, 500,
                      HandshakeText::tr("Zoom URL validation needs the webhook secret token, and "
                                        "none is configured for this connection."));
    }
    const QByteArray encrypted
            = crypto::hmac(HashAlgorithm::Sha256, secrets.signingSecret, {*plainToken}).toHex();
    const QJsonObject reply{{u"plainToken"_s, QString::fromUtf8(*plainToken)},
                            {u"encryptedToken"_s, QString::fromLatin1(encrypted)}};
    return answer(kind, "application/json", compactJson(reply),
                  HandshakeText::tr("Zoom URL validation: plainToken answered with its HMAC-SHA256 "
                                    "under the secret token."));
}

HandshakeReply dropbox(const RawRequest &request)
{
    const auto challenge = request.queryParameter("challenge");
    if (!challenge || request.method != "GET")
        return {};
    HandshakeReply reply = answer(HandshakeKind::DropboxChallenge, "text/plain", *challenge,
                                  HandshakeText::tr("Dropbox challenge: echoed as text with "
                                                    "X-Content-Type-Options: nosniff."));
    reply.headers.append(ReceivedHeader{"X-Content-Type-Options", "nosniff"});
    return reply;
}

HandshakeReply asana(const RawRequest &request)
{
    const auto secret = request.header("X-Hook-Secret");
    if (!secret)
        return {};
    const QByteArray value = secret->trimmed();
    if (value.isEmpty()) {
        return reject(HandshakeKind::AsanaHookSecret, Reason::MissingChallenge, 400,
                      HandshakeText::tr("An Asana handshake with an empty X-Hook-Secret."));
    }
    HandshakeReply reply = answer(HandshakeKind::AsanaHookSecret, {}, {},
                                  HandshakeText::tr("Asana handshake: X-Hook-Secret echoed; the "
                                                    "secret is kept to verify later events."));
    reply.headers.append(ReceivedHeader{"X-Hook-Secret", value});
    reply.secretToRemember = value;
    return reply;
}

HandshakeReply xCrc(const RawRequest &request, const HandshakeSecrets &secrets)
{
    const HandshakeKind kind = HandshakeKind::XCrc;
    const auto token = request.queryParameter("crc_token");
    if (!token || request.method != "GET")
        return {};
    if (secrets.signingSecret.isEmpty()) {
        return reject(kind, Reason::MissingSecret, 500,
                      HandshakeText::tr("The X CRC check needs the consumer secret, and none is "
                                        "configured for this connection."));
    }
    const QByteArray mac = crypto::hmac(HashAlgorithm::Sha256, secrets.signingSecret, {*token});
    const QJsonObject reply{
            {u"response_token"_s, QString(u"sha256="_s + QString::fromLatin1(mac.toBase64()))}};
    return answer(kind, "application/json", compactJson(reply),
                  HandshakeText::tr("X CRC: crc_token answered with its HMAC-SHA256 under the "
                                    "consumer secret."));
}

HandshakeReply meta(const RawRequest &request, const HandshakeSecrets &secrets)
{
    const HandshakeKind kind = HandshakeKind::MetaHubChallenge;
    if (request.method != "GET" || request.queryParameter("hub.mode") != QByteArray("subscribe"))
        return {};
    const QByteArray token = request.queryParameter("hub.verify_token").value_or(QByteArray());
    if (secrets.verifyToken.isEmpty() || !crypto::constantTimeEquals(token, secrets.verifyToken)) {
        return reject(kind, Reason::VerifyTokenMismatch, 403,
                      secrets.verifyToken.isEmpty()
                              ? HandshakeText::tr("Meta subscription check refused: no verify "
                                                  "token is configured for this connection.")
                              : HandshakeText::tr("Meta subscription check refused: "
                                                  "hub.verify_token differs from the "
                                                  "connection's verify token."));
    }
    const auto challenge = request.queryParameter("hub.challenge");
    if (!challenge || challenge->isEmpty()) {
        return reject(kind, Reason::MissingChallenge, 400,
                      HandshakeText::tr("A Meta subscription check without hub.challenge."));
    }
    return answer(kind, "text/plain", *challenge,
                  HandshakeText::tr("Meta subscription check: verify token matches; "
                                    "hub.challenge echoed."));
}

HandshakeReply discord(QByteArrayView body, bool verified)
{
    const HandshakeKind kind = HandshakeKind::DiscordPing;
    if (jsonValue(body, u"/type") != QByteArray("1"))
        return {};
    if (!verified)
        return notVerified(kind);
    return answer(kind, "application/json", "{\"type\":1}",
                  HandshakeText::tr("Discord PING answered with PONG."));
}
} // namespace

QString nameOf(HandshakeReply::Reason reason)
{
    switch (reason) {
    case Reason::NotHandshake:
        return u"not_handshake"_s;
    case Reason::Answered:
        return u"answered"_s;
    case Reason::SignatureNotVerified:
        return u"signature_not_verified"_s;
    case Reason::MissingChallenge:
        return u"missing_challenge"_s;
    case Reason::MissingSecret:
        return u"missing_secret"_s;
    case Reason::VerifyTokenMismatch:
        return u"verify_token_mismatch"_s;
    }
    return {};
}

HandshakeReply respondToHandshake(const RawRequest &request, QByteArrayView body,
                                  const HandshakeSpec &spec, const HandshakeSecrets &secrets,
                                  bool signatureVerified)
{
    HandshakeReply reply;
    switch (spec.kind) {
    case HandshakeKind::None:
        break;
    case HandshakeKind::SlackUrlVerification:
        reply = slack(body, signatureVerified, spec.requiresVerifiedSignature);
        break;
    case HandshakeKind::GraphValidationToken:
        reply = graph(request);
        break;
    case HandshakeKind::ZoomUrlValidation:
        reply = zoom(body, secrets);
        break;
    case HandshakeKind::DropboxChallenge:
        reply = dropbox(request);
        break;
    case HandshakeKind::AsanaHookSecret:
        reply = asana(request);
        break;
    case HandshakeKind::XCrc:
        reply = xCrc(request, secrets);
        break;
    case HandshakeKind::MetaHubChallenge:
        reply = meta(request, secrets);
        break;
    case HandshakeKind::DiscordPing:
        reply = discord(body, signatureVerified);
        break;
    }
    if (reply.outcome == Outcome::Answer && spec.requiresVerifiedSignature && !signatureVerified)
        return notVerified(spec.kind);
    if (!reply.isHandshake()) {
        reply = HandshakeReply{};
        reply.explanation = HandshakeText::tr("Not a %1 handshake.").arg(kindName(spec.kind));
    }
    return reply;
}

} // namespace wb::core
