// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/providers/registrationparser_p.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
using Need = ProfileReader::Need;
using Node = ProfileReader::Node;

class RegistrationText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::ProviderProfile)
};

// A path below the API base: starts with "/", uses only the placeholders in `allowed`.
QString readPath(ProfileReader &reader, const Node &node, QStringView key, Need need,
                 const QStringList &allowed)
{
    const QString text = reader.string(node, key, need);
    if (!reader.ok() || text.isEmpty())
        return text;
    if (!text.startsWith(u'/') || text.contains(u"://"_s) || text.contains(u' ')) {
        reader.fail(u"profile.bad_value"_s, ProfileReader::path(node, key),
                    RegistrationText::tr("\"%1\" must be a path below the API base, starting "
                                         "with \"/\"")
                            .arg(text));
        return text;
    }
    static const QRegularExpression placeholder(u"\\{([^}]*)\\}"_s);
    auto matches = placeholder.globalMatch(text);
    while (matches.hasNext()) {
        const QString name = matches.next().captured(1);
        if (!allowed.contains(name)) {
            reader.fail(u"profile.bad_value"_s, ProfileReader::path(node, key),
                        RegistrationText::tr("unknown placeholder {%1} (known: %2)")
                                .arg(name, QString(u"{"_s + allowed.join(u"}, {"_s) + u"}"_s)));
            break;
        }
    }
    return text;
}

void readCheck(ProfileReader &reader, const Node &node, RegistrationApi &api)
{
    reader.allowOnly(node, {u"path", u"query", u"missing_statuses", u"list_pointer",
                            u"list_id_pointer", u"next_page_pointer", u"error_pointer",
                            u"missing_errors", u"denied_errors", u"active_pointer",
                            u"active_values", u"expires_pointer", u"last_delivery_pointer",
                            u"last_delivery_message_pointer", u"target_url_pointer"});
    api.checkPath = readPath(reader, node, u"path", Need::Required, {u"id"_s, u"scope"_s});
    const QMap<QString, QString> query = reader.stringMap(node, u"query");
    for (auto it = query.cbegin(); it != query.cend(); ++it)
        api.checkQuery.append({it.key(), it.value()});
    api.listPointer = reader.jsonPointer(node, u"list_pointer", Need::Optional);
    api.listIdPointer = reader.jsonPointer(node, u"list_id_pointer", Need::Optional);
    api.nextPagePointer = reader.jsonPointer(node, u"next_page_pointer", Need::Optional);
    if (reader.ok() && api.listPointer.isEmpty() != api.listIdPointer.isEmpty()) {
        reader.fail(u"profile.inconsistent"_s, ProfileReader::path(node, u"list_id_pointer"),
                    RegistrationText::tr("\"list_pointer\" and \"list_id_pointer\" go together"));
    }
    api.errorPointer = reader.jsonPointer(node, u"error_pointer", Need::Optional);
    api.missingErrors = reader.stringList(node, u"missing_errors", Need::Optional);
    api.deniedErrors = reader.stringList(node, u"denied_errors", Need::Optional);
    if (reader.ok() && api.errorPointer.isEmpty()
        && !(api.missingErrors.isEmpty() && api.deniedErrors.isEmpty())) {
        reader.fail(u"profile.inconsistent"_s, ProfileReader::path(node, u"error_pointer"),
                    RegistrationText::tr("\"missing_errors\" and \"denied_errors\" need "
                                         "\"error_pointer\""));
    }
    if (reader.has(node, u"missing_statuses"))
        api.missingStatuses = reader.integerList(node, u"missing_statuses", 400, 499);
    api.activePointer = reader.jsonPointer(node, u"active_pointer", Need::Optional);
    api.activeValues = reader.stringList(node, u"active_values", Need::Optional);
    api.expiresPointer = reader.jsonPointer(node, u"expires_pointer", Need::Optional);
    api.lastDeliveryPointer = reader.jsonPointer(node, u"last_delivery_pointer", Need::Optional);
    api.lastDeliveryMessagePointer = reader.jsonPointer(node, u"last_delivery_message_pointer",
                                                        Need::Optional);
    api.targetUrlPointer = reader.jsonPointer(node, u"target_url_pointer", Need::Optional);
    if (reader.ok() && api.activePointer.isEmpty() != api.activeValues.isEmpty()) {
        reader.fail(u"profile.inconsistent"_s, ProfileReader::path(node, u"active_values"),
                    RegistrationText::tr("\"active_pointer\" and \"active_values\" go together"));
    }
}

void readLifetime(ProfileReader &reader, const Node &node, RegistrationApi &api)
{
    reader.allowOnly(node, {u"resource", u"include_resource_data", u"minutes", u"ahead_minutes"});
    RegistrationApi::ResourceLifetime lifetime;
    lifetime.resourcePattern = reader.string(node, u"resource", Need::Required);
    if (reader.ok()) {
        const QRegularExpression pattern(lifetime.resourcePattern);
        if (!pattern.isValid()) {
            reader.fail(u"profile.bad_value"_s, ProfileReader::path(node, u"resource"),
                        RegistrationText::tr("not a regular expression: %1")
                                .arg(pattern.errorString()));
        }
    }
    if (reader.has(node, u"include_resource_data"))
        lifetime.includeResourceData = reader.boolean(node, u"include_resource_data", false);
    lifetime.minutes = reader.integer(node, u"minutes", Need::Required, 1, 366 * 24 * 60).value_or(0);
    lifetime.aheadMinutes = reader.integer(node, u"ahead_minutes", Need::Optional, 1, 366 * 24 * 60)
                                    .value_or(0);
    if (reader.ok() && lifetime.aheadMinutes >= lifetime.minutes && lifetime.aheadMinutes > 0) {
        reader.fail(u"profile.inconsistent"_s, ProfileReader::path(node, u"ahead_minutes"),
                    RegistrationText::tr("must be less than \"minutes\" (%1)").arg(lifetime.minutes));
    }
    api.renewLifetimes << lifetime;
}

void readRenew(ProfileReader &reader, const Node &node, RegistrationApi &api)
{
    reader.allowOnly(node, {u"method", u"path", u"body", u"lifetime_minutes", u"ahead_minutes",
                            u"resource_pointer", u"include_resource_data_pointer", u"lifetimes"});
    api.renewable = true;
    if (reader.has(node, u"method"))
        api.renewMethod = reader.string(node, u"method", Need::Required);
    api.renewPath = readPath(reader, node, u"path", Need::Required, {u"id"_s, u"scope"_s});
    api.renewBody = reader.string(node, u"body", Need::Required);
    api.renewLifetimeMinutes = reader.integer(node, u"lifetime_minutes", Need::Required, 1,
                                              366 * 24 * 60)
                                       .value_or(0);
    api.renewAheadMinutes = reader.integer(node, u"ahead_minutes", Need::Required, 1, 366 * 24 * 60)
                                    .value_or(0);
    api.renewResourcePointer = reader.jsonPointer(node, u"resource_pointer", Need::Optional);
    api.renewRichPointer = reader.jsonPointer(node, u"include_resource_data_pointer",
                                              Need::Optional);
    if (reader.has(node, u"lifetimes")) {
        for (const Node &item : reader.objectOrList(node, u"lifetimes", Need::Required)) {
            if (!reader.ok())
                break;
            readLifetime(reader, item, api);
        }
        if (reader.ok() && api.renewResourcePointer.isEmpty()) {
            reader.fail(u"profile.inconsistent"_s, ProfileReader::path(node, u"lifetimes"),
                        RegistrationText::tr("\"lifetimes\" need \"resource_pointer\""));
        }
    }
    if (reader.ok() && !api.renewBody.contains(u"{expires_at}"_s)) {
        reader.fail(u"profile.bad_value"_s, ProfileReader::path(node, u"body"),
                    RegistrationText::tr("the body must contain {expires_at}"));
    }
    if (reader.ok() && api.renewAheadMinutes >= api.renewLifetimeMinutes) {
        reader.fail(u"profile.inconsistent"_s, ProfileReader::path(node, u"ahead_minutes"),
                    RegistrationText::tr("must be less than \"lifetime_minutes\" (%1)")
                            .arg(api.renewLifetimeMinutes));
    }
}

void readReregister(ProfileReader &reader, const Node &node, RegistrationApi &api)
{
    reader.allowOnly(node, {u"method", u"path", u"content_type", u"new_id_pointer",
                            u"new_secret_pointer"});
    api.reregisterable = true;
    if (reader.has(node, u"method"))
        api.reregisterMethod = reader.string(node, u"method", Need::Required);
    api.reregisterPath = readPath(reader, node, u"path", Need::Required, {u"scope"_s});
    if (reader.has(node, u"content_type"))
        api.reregisterContentType = reader.string(node, u"content_type", Need::Required);
    if (reader.has(node, u"new_id_pointer"))
        api.newIdPointer = reader.jsonPointer(node, u"new_id_pointer", Need::Required);
    api.newSecretPointer = reader.jsonPointer(node, u"new_secret_pointer", Need::Optional);
}

void readAuth(ProfileReader &reader, const Node &node, RegistrationApi &api)
{
    reader.allowOnly(node, {u"credential", u"query_parameter"});
    const QString credential = reader.string(node, u"credential", Need::Required);
    if (credential == u"access_token") {
        api.credential = RegistrationApi::Credential::AccessToken;
    } else if (credential == u"app_credential") {
        api.credential = RegistrationApi::Credential::AppCredential;
    } else if (credential == u"client_credentials") {
        api.credential = RegistrationApi::Credential::ClientCredentials;
    } else if (reader.ok()) {
        reader.fail(u"profile.bad_value"_s, ProfileReader::path(node, u"credential"),
                    RegistrationText::tr("must be access_token, app_credential or "
                                         "client_credentials, not \"%1\"")
                            .arg(credential));
    }
    api.credentialQueryParameter = reader.string(node, u"query_parameter", Need::Optional);
}
} // namespace

void readRegistrationApi(ProfileReader &reader, const Node &root, RegistrationApi &api)
{
    const auto node = reader.object(root, u"registration", Need::Optional);
    if (!node)
        return;
    reader.allowOnly(*node, {u"api_base", u"auth", u"auth_header", u"headers", u"app_webhook_scope",
                             u"app_credential_hint", u"check", u"renew", u"reregister", u"notes"});
    api.present = true;
    api.apiBase = reader.url(*node, u"api_base", Need::Required, nullptr);
    if (reader.has(*node, u"auth_header"))
        api.authHeader = reader.string(*node, u"auth_header", Need::Required);
    api.headers = reader.stringMap(*node, u"headers");
    if (const auto auth = reader.object(*node, u"auth", Need::Optional))
        readAuth(reader, *auth, api);
    api.appWebhookScope = reader.string(*node, u"app_webhook_scope", Need::Optional);
    api.appCredentialHint = reader.string(*node, u"app_credential_hint", Need::Optional);
    const bool needsAppCredential = api.credential == RegistrationApi::Credential::AppCredential
                                    || !api.appWebhookScope.isEmpty();
    if (reader.ok() && needsAppCredential && api.appCredentialHint.isEmpty()) {
        reader.fail(u"profile.missing_key"_s, ProfileReader::path(*node, u"app_credential_hint"),
                    RegistrationText::tr("an app credential is used: say what it is and where "
                                         "to get it"));
    }
    api.notes = reader.string(*node, u"notes", Need::Optional);
    if (const auto check = reader.object(*node, u"check", Need::Required))
        readCheck(reader, *check, api);
    if (const auto renew = reader.object(*node, u"renew", Need::Optional))
        readRenew(reader, *renew, api);
    if (const auto reregister = reader.object(*node, u"reregister", Need::Optional))
        readReregister(reader, *reregister, api);
}

} // namespace wb::core
