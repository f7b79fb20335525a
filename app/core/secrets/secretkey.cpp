// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/secretkey.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

QString nameOf(SecretKind kind)
{
    switch (kind) {
    case SecretKind::OAuthClientSecret:
        return u"oauth_client_secret"_s;
    case SecretKind::AccessToken:
        return u"access_token"_s;
    case SecretKind::RefreshToken:
        return u"refresh_token"_s;
    case SecretKind::WebhookSigningSecret:
        return u"webhook_signing_secret"_s;
    case SecretKind::AppCredential:
        return u"app_credential"_s;
    }
    Q_UNREACHABLE();
    return {};
}

QString nameOf(SecretSlot slot)
{
    return slot == SecretSlot::Primary ? u"primary"_s : u"secondary"_s;
}

std::optional<SecretKind> secretKindFromName(const QString &name)
{
    for (SecretKind kind : allSecretKinds) {
        if (nameOf(kind) == name)
            return kind;
    }
    return std::nullopt;
}

std::optional<SecretSlot> secretSlotFromName(const QString &name)
{
    if (name == u"primary"_s)
        return SecretSlot::Primary;
    if (name == u"secondary"_s)
        return SecretSlot::Secondary;
    return std::nullopt;
}

QString displayName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::OAuthClientSecret:
        return QCoreApplication::translate("wb::core::SecretKey", "OAuth client secret");
    case SecretKind::AccessToken:
        return QCoreApplication::translate("wb::core::SecretKey", "access token");
    case SecretKind::RefreshToken:
        return QCoreApplication::translate("wb::core::SecretKey", "refresh token");
    case SecretKind::WebhookSigningSecret:
        return QCoreApplication::translate("wb::core::SecretKey", "webhook signing secret");
    case SecretKind::AppCredential:
        return QCoreApplication::translate("wb::core::SecretKey", "app credential");
    }
    Q_UNREACHABLE();
    return {};
}

QString describe(const SecretKey &key)
{
    return QCoreApplication::translate("wb::core::SecretKey", "%1 (%2) of connection %3")
            .arg(displayName(key.kind), nameOf(key.slot))
            .arg(key.connectionId);
}

Result<void> validateSecretKey(const SecretKey &key)
{
    if (key.connectionId < 1) {
        return fail(u"secrets.invalid_key"_s,
                    QCoreApplication::translate("wb::core::SecretKey",
                                                "A secret needs a connection id of 1 or more, "
                                                "got %1.")
                            .arg(key.connectionId));
    }
    if (key.slot == SecretSlot::Secondary && key.kind != SecretKind::WebhookSigningSecret) {
        return fail(
                u"secrets.invalid_key"_s,
                QCoreApplication::translate("wb::core::SecretKey",
                                            "Only webhook signing secrets have a secondary "
                                            "slot (for rotation); the %1 has only a primary one.")
                        .arg(displayName(key.kind)));
    }
    return {};
}

} // namespace wb::core
