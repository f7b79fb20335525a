// SPDX-License-Identifier: GPL-3.0-or-later
#include "onboardingplan.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::ui::onboarding {

namespace {

QString signatureText(const core::SignatureScheme &scheme)
{
    using F = core::SignatureFamily;
    const QString header = scheme.signatureHeaders.value(0);
    const QString hash = scheme.algorithm == core::HashAlgorithm::Sha1 ? u"SHA-1"_s : u"SHA-256"_s;
    switch (scheme.family) {
    case F::Hmac:
        return Text::tr("HMAC-%1 of the body in %2, with a shared signing secret.").arg(hash, header);
    case F::Digest:
        return Text::tr("a %1 digest of the secret and the body in %2.").arg(hash, header);
    case F::Twilio:
        return Text::tr("Twilio's HMAC-SHA1 of the URL and parameters in %1, with the auth token.")
                .arg(header);
    case F::Ed25519:
        return Text::tr("Ed25519 in %1: you paste the provider's public key.").arg(header);
    case F::EcdsaP256:
        return Text::tr("ECDSA P-256 in %1: you paste the provider's public key.").arg(header);
    case F::None:
        break;
    }
    return {};
}

QString handshakeText(core::HandshakeKind kind)
{
    using H = core::HandshakeKind;
    switch (kind) {
    case H::None:
        return {};
    case H::SlackUrlVerification:
        return Text::tr("Slack checks the URL with a url_verification challenge; Wirebench answers "
                        "it.");
    case H::GraphValidationToken:
        return Text::tr("Microsoft Graph sends a validationToken when the subscription is "
                        "created; Wirebench echoes it.");
    case H::ZoomUrlValidation:
        return Text::tr("Zoom validates the URL (endpoint.url_validation), again every 72 hours; "
                        "Wirebench answers with the secret token.");
    case H::DropboxChallenge:
        return Text::tr("Dropbox sends a challenge (GET ?challenge=); Wirebench echoes it.");
    case H::AsanaHookSecret:
        return Text::tr("Asana sends X-Hook-Secret while the webhook is created; Wirebench "
                        "answers it and keeps the secret.");
    case H::XCrc:
        return Text::tr("X sends a CRC check (crc_token) at registration and regularly after; "
                        "Wirebench answers it.");
    case H::MetaHubChallenge:
        return Text::tr("Meta verifies the URL with hub.challenge and your verify token; "
                        "Wirebench answers it.");
    case H::DiscordPing:
        return Text::tr("Discord sends a signed PING first; Wirebench answers PONG.");
    }
    return {};
}

// As profileclientconfig.cpp refuses them: they would move the request to another host or path.
const QRegularExpression &unsafePlaceholderCharacters()
{
    static const QRegularExpression unsafe(u"[/?#@:\\s\\\\{}%]"_s);
    return unsafe;
}

} // namespace

ProviderNeeds providerNeeds(const core::ProviderProfile &profile)
{
    ProviderNeeds needs;
    needs.oauth = profile.oauth.present;
    if (needs.oauth) {
        const bool pkce = profile.oauth.pkce != core::PkceSupport::Unsupported;
        needs.authorization
                = pkce ? Text::tr("OAuth 2.0 in your browser (with PKCE): you enter the client id "
                                  "and secret of your app at the provider.")
                       : Text::tr("OAuth 2.0 in your browser: you enter the client id and secret "
                                  "of your app at the provider.");
    } else {
        needs.authorization = Text::tr("No OAuth: only the webhook and its signing secret.");
    }
    QStringList schemes;
    for (const core::SignatureScheme &scheme : profile.signatureSchemes)
        schemes << signatureText(scheme);
    if (schemes.isEmpty())
        needs.signature = Text::tr("Webhooks are not signed.");
    else
        needs.signature = Text::tr("Webhooks are signed: %1").arg(schemes.constFirst());
    if (!schemes.isEmpty() && profile.webhookSecretChosenByYou)
        needs.signature += u' ' + Text::tr("You choose the secret.");
    needs.handshake = handshakeText(profile.handshake.kind);
    return needs;
}

QString tenantNameProblem(const QString &name, const QStringList &existingNames)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Text::tr("Enter the tenant's name.");
    if (trimmed.size() > 200)
        return Text::tr("Use at most 200 characters.");
    for (const QString &existing : existingNames) {
        if (existing.compare(trimmed, Qt::CaseInsensitive) == 0)
            return Text::tr("A tenant named “%1” exists already: choose it above, or pick "
                            "another name.")
                    .arg(existing);
    }
    return {};
}

QMap<QString, QString> editablePlaceholders(const core::ProviderProfile &profile)
{
    QMap<QString, QString> placeholders = profile.oauth.urlPlaceholders;
    placeholders.remove(u"client_id"_s); // always the client id
    return placeholders;
}

QString placeholderLabel(const QString &name)
{
    if (name == u"shop"_s)
        return Text::tr("Shop (the name before .myshopify.com)");
    if (name == u"tenant"_s)
        return Text::tr("Directory (tenant id, domain, or common)");
    if (name == u"login_host"_s)
        return Text::tr("Login host");
    return name;
}

QList<FieldProblem> clientProblems(const core::ProviderProfile &profile, const ClientInput &input)
{
    QList<FieldProblem> problems;
    if (input.clientId.trimmed().isEmpty()) {
        problems << FieldProblem{u"client_id"_s, Text::tr("Enter the client id of your app at %1.")
                                                         .arg(profile.displayName)};
    } else if (input.clientId.trimmed() != input.clientId) {
        problems << FieldProblem{u"client_id"_s,
                                 Text::tr("The client id starts or ends with a space.")};
    }
    if (input.clientAuth != core::ClientAuthMethod::None && !input.hasSecret) {
        problems << FieldProblem{u"client_secret"_s,
                                 Text::tr("Enter the client secret, or choose “public client” "
                                          "if your app has none.")};
    }
    const QMap<QString, QString> placeholders = editablePlaceholders(profile);
    for (auto it = placeholders.cbegin(); it != placeholders.cend(); ++it) {
        const QString value = input.placeholders.value(it.key());
        const QString field = u"placeholder:"_s + it.key();
        if (value.isEmpty() && it.value().isEmpty()) {
            problems << FieldProblem{field, Text::tr("%1 is needed: the provider's addresses "
                                                     "contain it.")
                                                    .arg(placeholderLabel(it.key()))};
        } else if (value.contains(unsafePlaceholderCharacters())) {
            problems << FieldProblem{field, Text::tr("Only the name itself: no /, ?, #, @, :, %, "
                                                     "braces or spaces.")};
        }
    }
    return problems;
}

QByteArray clientJson(const QString &providerId, const ClientInput &input)
{
    QJsonObject placeholders;
    for (auto it = input.placeholders.cbegin(); it != input.placeholders.cend(); ++it) {
        if (!it.value().isEmpty())
            placeholders.insert(it.key(), it.value());
    }
    QJsonObject json{{u"profile"_s, providerId},
                     {u"client_id"_s, input.clientId},
                     {u"token_endpoint_auth_method"_s, core::nameOf(input.clientAuth)}};
    if (!placeholders.isEmpty())
        json.insert(u"placeholders"_s, placeholders);
    const QString scope = input.scope.simplified();
    if (!scope.isEmpty())
        json.insert(u"scope"_s, scope);
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QByteArray generateWebhookSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return bytes.toHex();
}

} // namespace wb::ui::onboarding
