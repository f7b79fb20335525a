// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/providers/profileparser.h"

#include "core/providers/registrationparser_p.h"
#include "core/providers/schemeparser_p.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
using Need = ProfileReader::Need;
using Node = ProfileReader::Node;

class ParserText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::ProviderProfile)
};

void readOAuth(ProfileReader &reader, const Node &root, OAuthSettings &oauth)
{
    const auto node = reader.object(root, u"oauth", Need::Optional);
    if (!node)
        return;
    oauth.present = true;
    reader.allowOnly(*node, {u"authorize_url", u"token_url", u"revoke_url", u"revoke_request",
                             u"check_url", u"default_scopes", u"scope_separator", u"pkce",
                             u"extra_authorize_params", u"url_placeholders", u"token_response",
                             u"token_info", u"notes"});
    QSet<QString> used;
    oauth.authorizeUrl = reader.url(*node, u"authorize_url", Need::Required, &used);
    oauth.tokenUrl = reader.url(*node, u"token_url", Need::Required, &used);
    oauth.revokeUrl = reader.url(*node, u"revoke_url", Need::Optional, &used);
    oauth.revokeRequest = reader.choice(*node, u"revoke_request", names::revocationRequests,
                                        RevocationRequest::Rfc7009, Need::Optional);
    if (reader.ok() && oauth.revokeUrl.isEmpty() && reader.has(*node, u"revoke_request")) {
        reader.fail(u"profile.inconsistent"_s, ProfileReader::path(*node, u"revoke_request"),
                    ParserText::tr("revoke_request needs a revoke_url"));
    }
    oauth.checkUrl = reader.url(*node, u"check_url", Need::Optional, &used);
    oauth.defaultScopes = reader.stringList(*node, u"default_scopes", Need::Optional);
    if (reader.has(*node, u"scope_separator"))
        oauth.scopeSeparator = reader.string(*node, u"scope_separator", Need::Optional);
    oauth.pkce = reader.choice(*node, u"pkce", names::pkce, PkceSupport::Unknown, Need::Required);
    oauth.extraAuthorizeParameters = reader.stringMap(*node, u"extra_authorize_params");
    oauth.urlPlaceholders = reader.stringMap(*node, u"url_placeholders");
    if (const auto info = reader.object(*node, u"token_info", Need::Optional)) {
        reader.allowOnly(*info, {u"url", u"account_id", u"account_name"});
        QSet<QString> infoPlaceholders;
        oauth.tokenInfo.url = reader.url(*info, u"url", Need::Required, &infoPlaceholders);
        // The access token itself, filled in at run time (accountinfo.h).
        infoPlaceholders.remove(u"access_token"_s);
        used.unite(infoPlaceholders);
        oauth.tokenInfo.accountIdPointer = reader.jsonPointer(*info, u"account_id", Need::Required);
        oauth.tokenInfo.accountNamePointer = reader.jsonPointer(*info, u"account_name",
                                                                Need::Optional);
    }
    if (reader.ok()) {
        QStringList sorted(used.begin(), used.end());
        sorted.sort();
        for (const QString &name : std::as_const(sorted)) {
            if (!oauth.urlPlaceholders.contains(name)) {
                reader.fail(u"profile.undeclared_placeholder"_s,
                            ProfileReader::path(*node, u"url_placeholders"),
                            ParserText::tr("the URLs use {%1} but it is not declared here")
                                    .arg(name));
                break;
            }
        }
    }
    if (const auto quirks = reader.object(*node, u"token_response", Need::Optional)) {
        reader.allowOnly(*quirks,
                         {u"account_id", u"account_id_claim", u"account_name", u"instance_url"});
        oauth.tokenResponse.accountIdPointer = reader.jsonPointer(*quirks, u"account_id",
                                                                  Need::Optional);
        oauth.tokenResponse.accountIdClaim = reader.string(*quirks, u"account_id_claim",
                                                           Need::Optional);
        if (reader.ok() && !oauth.tokenResponse.accountIdPointer.isEmpty()
            && !oauth.tokenResponse.accountIdClaim.isEmpty()) {
            reader.fail(u"profile.inconsistent"_s,
                        ProfileReader::path(*quirks, u"account_id_claim"),
                        ParserText::tr("give either account_id (a pointer into the token "
                                       "response) or account_id_claim (an ID Token claim), not "
                                       "both"));
        }
        oauth.tokenResponse.accountNamePointer = reader.jsonPointer(*quirks, u"account_name",
                                                                    Need::Optional);
        oauth.tokenResponse.instanceUrlPointer = reader.jsonPointer(*quirks, u"instance_url",
                                                                    Need::Optional);
    }
    if (reader.ok() && !oauth.tokenInfo.url.isEmpty()
        && (!oauth.tokenResponse.accountIdPointer.isEmpty()
            || !oauth.tokenResponse.accountIdClaim.isEmpty())) {
        reader.fail(u"profile.inconsistent"_s, ProfileReader::path(*node, u"token_info"),
                    ParserText::tr("the account id comes either from the token response "
                                   "(token_response) or from the token info endpoint "
                                   "(token_info), not both"));
    }
}

QList<FieldLocation> readFieldLocations(ProfileReader &reader, const Node &webhook, QStringView key)
{
    QList<FieldLocation> result;
    const QList<Node> items = reader.objectOrList(webhook, key, Need::Optional);
    for (const Node &item : items) {
        reader.allowOnly(item, {u"json_pointer", u"header", u"form_field", u"xml_element"});
        if (!reader.ok())
            return {};
        if (item.object.size() != 1) {
            reader.fail(item.object.isEmpty() ? u"profile.missing_key"_s : u"profile.bad_value"_s,
                        item.path,
                        ParserText::tr("give exactly one of json_pointer, header, form_field, "
                                       "xml_element"));
            return {};
        }
        FieldLocation location;
        const QString sourceName = item.object.begin().key();
        location.source = *names::valueOf(names::fieldSources, sourceName);
        location.name = location.source == FieldLocation::Source::JsonPointer
                                ? reader.jsonPointer(item, sourceName, Need::Required)
                                : reader.string(item, sourceName, Need::Required);
        result << location;
    }
    return result;
}

void readWebhook(ProfileReader &reader, const Node &root, ProviderProfile &profile)
{
    const auto node = reader.object(root, u"webhook", Need::Required);
    if (!node)
        return;
    reader.allowOnly(*node, {u"signature", u"handshake", u"identity", u"event_id", u"event_type",
                             u"secret_chosen_by", u"notes"});
    const QString chosenBy = reader.string(*node, u"secret_chosen_by", Need::Optional);
    if (reader.ok() && !chosenBy.isEmpty() && chosenBy != u"provider"_s && chosenBy != u"you"_s) {
        reader.fail(u"profile.bad_value"_s, ProfileReader::path(*node, u"secret_chosen_by"),
                    ParserText::tr("'%1' is not one of: provider, you").arg(chosenBy));
    }
    profile.webhookSecretChosenByYou = chosenBy == u"you"_s;
    const QList<Node> schemes = reader.objectOrList(*node, u"signature", Need::Required);
    for (const Node &schemeNode : schemes) {
        if (!reader.ok())
            return;
        SignatureScheme scheme = readSignatureScheme(reader, schemeNode);
        if (scheme.family != SignatureFamily::None)
            profile.signatureSchemes << scheme;
    }
    if (reader.ok() && schemes.size() > 1) {
        for (qsizetype i = 0; i + 1 < profile.signatureSchemes.size(); ++i) {
            if (profile.signatureSchemes.at(i).whenHeader.isEmpty()
                && profile.signatureSchemes.at(i).signatureHeaders
                           == profile.signatureSchemes.at(i + 1).signatureHeaders) {
                reader.fail(u"profile.inconsistent"_s, schemes.at(i + 1).path,
                            ParserText::tr("never used: the scheme before it reads the same "
                                           "header without a \"when\" condition"));
            }
        }
    }
    if (const auto handshake = reader.object(*node, u"handshake", Need::Optional)) {
        reader.allowOnly(*handshake, {u"kind", u"requires_verified_signature", u"notes"});
        profile.handshake.kind = reader.choice(*handshake, u"kind", names::handshakes,
                                               HandshakeKind::None, Need::Required,
                                               u"profile.unknown_handshake"_s);
        profile.handshake.requiresVerifiedSignature = reader.boolean(*handshake,
                                                                     u"requires_verified_signature",
                                                                     false);
    }
    profile.identityFields = readFieldLocations(reader, *node, u"identity");
    profile.eventIdFields = readFieldLocations(reader, *node, u"event_id");
    profile.eventTypeFields = readFieldLocations(reader, *node, u"event_type");
}

void readRateLimits(ProfileReader &reader, const Node &root, RateLimitHeaders &limits)
{
    const auto node = reader.object(root, u"rate_limits", Need::Optional);
    if (!node)
        return;
    reader.allowOnly(*node, {u"limit_header", u"remaining_header", u"reset_header", u"reset_unit",
                             u"retry_after_header", u"notes"});
    limits.limitHeader = reader.string(*node, u"limit_header", Need::Optional);
    limits.remainingHeader = reader.string(*node, u"remaining_header", Need::Optional);
    limits.resetHeader = reader.string(*node, u"reset_header", Need::Optional);
    limits.resetUnit = reader.choice(*node, u"reset_unit", names::resetUnits,
                                     RateLimitResetUnit::None, Need::Optional);
    if (reader.has(*node, u"retry_after_header"))
        limits.retryAfterHeader = reader.string(*node, u"retry_after_header", Need::Optional);
    limits.notes = reader.string(*node, u"notes", Need::Optional);
    if (reader.ok()
        && limits.resetHeader.isEmpty() != (limits.resetUnit == RateLimitResetUnit::None)) {
        reader.fail(u"profile.inconsistent"_s, ProfileReader::path(*node, u"reset_unit"),
                    ParserText::tr("\"reset_header\" and \"reset_unit\" go together"));
    }
}

void readRetryPolicy(ProfileReader &reader, const Node &root, ProviderRetryPolicy &policy)
{
    const auto node = reader.object(root, u"provider_retry_policy", Need::Optional);
    if (!node)
        return;
    reader.allowOnly(*node,
                     {u"response_timeout_ms", u"schedule_seconds", u"summary", u"disable_rule"});
    if (const auto timeout = reader.integer(*node, u"response_timeout_ms", Need::Optional, 1,
                                            600'000)) {
        policy.responseTimeoutMs = *timeout;
    }
    policy.scheduleSeconds = reader.integerList(*node, u"schedule_seconds", 0, 30 * 24 * 3600);
    policy.summary = reader.string(*node, u"summary", Need::Required);
    policy.disableRule = reader.string(*node, u"disable_rule", Need::Optional);
}
} // namespace

Result<ProviderProfile> parseProviderProfile(const QByteArray &json, const QString &fileName)
{
    ProfileReader reader(fileName);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        reader.fail(u"profile.invalid_json"_s, {},
                    ParserText::tr("not valid JSON at byte %1: %2")
                            .arg(parseError.offset)
                            .arg(parseError.errorString()));
        return fail(reader.error());
    }
    if (!document.isObject()) {
        reader.fail(u"profile.invalid_json"_s, {},
                    ParserText::tr("the top level must be a JSON object"));
        return fail(reader.error());
    }
    const Node root{document.object(), {}};
    ProviderProfile profile;
    if (const auto format = reader.integer(root, u"format", Need::Required, 0, 1'000'000);
        format && *format != 1) {
        reader.fail(u"profile.unsupported_format"_s, u"format"_s,
                    ParserText::tr("format %1 is not supported by this version of Wirebench "
                                   "(it reads format 1)")
                            .arg(*format));
    }
    reader.allowOnly(root, {u"format", u"id", u"display_name", u"description", u"oauth", u"webhook",
                            u"rate_limits", u"provider_retry_policy", u"registration", u"sources"});
    profile.id = reader.string(root, u"id", Need::Required);
    static const QRegularExpression idPattern(u"^[a-z0-9][a-z0-9-]*$"_s);
    if (reader.ok() && !idPattern.match(profile.id).hasMatch()) {
        reader.fail(u"profile.bad_value"_s, u"id"_s,
                    ParserText::tr("\"%1\" may hold only lower-case letters, digits and \"-\"")
                            .arg(profile.id));
    }
    const QString baseName = QFileInfo(fileName).completeBaseName();
    if (reader.ok() && profile.id != baseName) {
        reader.fail(u"profile.id_mismatch"_s, u"id"_s,
                    ParserText::tr("\"%1\" differs from the file name \"%2\"")
                            .arg(profile.id, baseName));
    }
    profile.displayName = reader.string(root, u"display_name", Need::Required);
    profile.description = reader.string(root, u"description", Need::Optional);
    readOAuth(reader, root, profile.oauth);
    readWebhook(reader, root, profile);
    readRateLimits(reader, root, profile.rateLimits);
    readRetryPolicy(reader, root, profile.retryPolicy);
    readRegistrationApi(reader, root, profile.registration);
    profile.sources = reader.stringMap(root, u"sources");
    if (!reader.ok())
        return fail(reader.error());
    profile.originPath = fileName;
    return profile;
}

Result<SignatureScheme> parseSignatureScheme(const QJsonObject &object, const QString &context)
{
    ProfileReader reader(context);
    SignatureScheme scheme = readSignatureScheme(reader, Node{object, u"signature"_s});
    if (!reader.ok())
        return fail(reader.error());
    return scheme;
}

} // namespace wb::core
