// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/registrationhttp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<QUrl> RegistrationHttp::url(const RegistrationApi &api, const QUrl &connectionBaseUrl,
                                   const QString &path, const Registration &registration)
{
    QString base = api.apiBase;
    if (connectionBaseUrl.isValid() && !connectionBaseUrl.host().isEmpty())
        base = connectionBaseUrl.toString(QUrl::FullyEncoded);
    if (base.contains(u'{')) {
        return fail(u"health.no_api_base"_s,
                    tr("The provider's API address %1 needs a value of this tenant: give the "
                       "connection's base URL.")
                            .arg(api.apiBase));
    }
    while (base.endsWith(u'/'))
        base.chop(1);
    QString filled = path;
    if (filled.contains(u"{scope}"_s)) {
        if (registration.scope.isEmpty()) {
            return fail(u"health.invalid_registration"_s,
                        tr("Registration %1 needs a scope (where it lives at the provider, e.g. "
                           "repos/octo/hello) for %2.")
                                .arg(registration.externalId, path));
        }
        filled.replace(u"{scope}"_s, registration.scope);
    }
    filled.replace(u"{id}"_s, QString::fromLatin1(QUrl::toPercentEncoding(registration.externalId)));
    const QUrl url(base + filled, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return fail(u"health.invalid_registration"_s,
                    tr("\"%1\" is not a valid URL.").arg(base + filled));
    }
    return url;
}

bool RegistrationHttp::sameTargetUrl(const QString &a, const QString &b)
{
    // RFC 3986 §6.2.2/§6.2.3: scheme and host are case-insensitive, an explicit default port is
    // the same as none; a trailing slash is taken as the same address (providers and people add
    // or drop it).
    const auto normalized = [](const QString &text) {
        QUrl url(text.trimmed());
        if (!url.isValid())
            return text.trimmed();
        url.setScheme(url.scheme().toLower());
        url.setHost(url.host().toLower());
        if ((url.scheme() == u"https"_s && url.port() == 443)
            || (url.scheme() == u"http"_s && url.port() == 80))
            url.setPort(-1);
        return url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments)
                .toString(QUrl::FullyEncoded);
    };
    return normalized(a) == normalized(b);
}

Result<QUrl> RegistrationHttp::checkUrl(const RegistrationApi &api, const QUrl &connectionBaseUrl,
                                        const Registration &registration)
{
    Result<QUrl> address = url(api, connectionBaseUrl, api.checkPath, registration);
    if (!address || api.checkQuery.isEmpty())
        return address;
    QUrlQuery query(*address);
    for (const auto &[name, value] : api.checkQuery) {
        if (value.contains(u"{scope}"_s) && registration.scope.isEmpty()) {
            return fail(u"health.invalid_registration"_s,
                        tr("Registration %1 needs a scope (where it lives at the provider, e.g. "
                           "the app id) for the query parameter %2.")
                                .arg(registration.externalId, name));
        }
        QString filled = value;
        filled.replace(u"{scope}"_s, registration.scope).replace(u"{id}"_s, registration.externalId);
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(filled)));
    }
    address->setQuery(query);
    return address;
}

QByteArray RegistrationHttp::credentialValue(const RegistrationApi &api,
                                             const QByteArray &authorization)
{
    if (authorization.isEmpty()
        || api.authHeader.compare(u"Authorization"_s, Qt::CaseInsensitive) == 0) {
        return authorization;
    }
    return bareToken(authorization);
}

QByteArray RegistrationHttp::bareToken(const QByteArray &authorization)
{
    const qsizetype space = authorization.indexOf(' ');
    return space < 0 ? authorization : authorization.mid(space + 1);
}

QJsonValue RegistrationHttp::valueAt(const QJsonValue &document, const QString &pointer)
{
    if (pointer.isEmpty())
        return document;
    QJsonValue current = document;
    const QStringList tokens = pointer.mid(1).split(u'/');
    for (QString token : tokens) {
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            if (!object.contains(token))
                return QJsonValue(QJsonValue::Undefined);
            current = object.value(token);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            const QJsonArray array = current.toArray();
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            current = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

QString RegistrationHttp::text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::floor(number) == number && std::abs(number) < 9.0e15)
            return QString::number(qint64(number));
        return QString::number(number);
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

std::optional<qint64> RegistrationHttp::parseTime(const QString &text)
{
    // RFC 3339 §5.6; Graph writes seven fraction digits ("2016-03-16T18:23:45.9356913Z"), which
    // Qt's ISO parser does not take: keep at most three.
    static const QRegularExpression pattern(
            u"^(\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"_s);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    QString fraction = match.captured(2);
    if (fraction.size() > 4)
        fraction.truncate(4);
    QString zone = match.captured(3);
    if (zone.compare(u"z"_s, Qt::CaseInsensitive) == 0)
        zone = u"Z"_s;
    QString normalized = match.captured(1) + fraction + zone;
    normalized[10] = u'T';
    const QDateTime parsed = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toMSecsSinceEpoch();
}

QString RegistrationHttp::formatTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

RegistrationHttp::RenewalTerms RegistrationHttp::renewalTerms(const RegistrationApi &api,
                                                              const Registration &registration)
{
    RenewalTerms terms;
    terms.lifetimeMinutes = api.renewLifetimeMinutes;
    int entryAhead = 0;
    if (registration.renewLifetimeMinutes > 0) {
        terms.lifetimeMinutes = registration.renewLifetimeMinutes;
    } else if (!api.renewLifetimes.isEmpty() && !api.renewResourcePointer.isEmpty()) {
        const QJsonDocument body = QJsonDocument::fromJson(registration.registrationBody);
        const QJsonValue root = body.isObject() ? QJsonValue(body.object()) : QJsonValue();
        const QString resource = text(valueAt(root, api.renewResourcePointer));
        const QJsonValue rich = api.renewRichPointer.isEmpty()
                                        ? QJsonValue()
                                        : valueAt(root, api.renewRichPointer);
        for (const RegistrationApi::ResourceLifetime &entry : api.renewLifetimes) {
            if (resource.isEmpty())
                break;
            if (entry.includeResourceData && rich.toBool(false) != *entry.includeResourceData)
                continue;
            const QRegularExpression pattern(entry.resourcePattern,
                                             QRegularExpression::CaseInsensitiveOption);
            if (!pattern.match(resource).hasMatch())
                continue;
            terms.lifetimeMinutes = entry.minutes;
            terms.resource = resource;
            entryAhead = entry.aheadMinutes;
            break;
        }
    }
    terms.aheadMinutes = entryAhead > 0
                                 ? entryAhead
                                 : std::min(api.renewAheadMinutes, terms.lifetimeMinutes / 2);
    return terms;
}

QString RegistrationHttp::errorText(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QString found;
    if (document.isObject()) {
        const QJsonValue root = document.object();
        for (const QString &pointer : {u"/error/message"_s, u"/message"_s, u"/errors"_s}) {
            found = text(valueAt(root, pointer));
            if (!found.isEmpty())
                break;
        }
    }
    if (found.isEmpty())
        found = QString::fromUtf8(body.left(300)).simplified();
    return found.left(300);
}

RegistrationObservation RegistrationHttp::readCheckAnswer(const RegistrationApi &api, int status,
                                                          const QByteArray &body, qint64 nowMs,
                                                          const Registration &registration)
{
    RegistrationObservation seen;
    seen.httpStatus = status;
    if (api.missingStatuses.contains(status)) {
        seen.state = RegistrationState::Missing;
        seen.detail = tr("HTTP %1: the provider no longer has it").arg(status);
        return seen;
    }
    if (status == 401 || status == 403) {
        seen.state = RegistrationState::AccessDenied;
        seen.detail = tr("HTTP %1: %2").arg(status).arg(errorText(body));
        return seen;
    }
    if (status < 200 || status > 299) {
        seen.state = RegistrationState::CheckFailed;
        seen.detail = tr("The provider answered HTTP %1: %2.").arg(status).arg(errorText(body));
        return seen;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        seen.state = RegistrationState::CheckFailed;
        seen.detail = tr("The provider's answer is not a JSON object (HTTP %1).").arg(status);
        return seen;
    }
    QJsonValue root = document.object();
    if (!api.errorPointer.isEmpty()) {
        const QString error = text(valueAt(root, api.errorPointer));
        if (!error.isEmpty()) {
            seen.state = api.missingErrors.contains(error)  ? RegistrationState::Missing
                         : api.deniedErrors.contains(error) ? RegistrationState::AccessDenied
                                                            : RegistrationState::CheckFailed;
            seen.detail = tr("The provider answered the error \"%1\".").arg(error.left(200));
            return seen;
        }
    }
    if (!api.listPointer.isEmpty()) {
        const QJsonValue list = valueAt(root, api.listPointer);
        if (!list.isArray()) {
            seen.state = RegistrationState::CheckFailed;
            seen.detail = tr("The provider's answer has no list at %1.").arg(api.listPointer);
            return seen;
        }
        const QJsonArray items = list.toArray();
        const auto item = std::find_if(items.cbegin(), items.cend(), [&](const QJsonValue &entry) {
            return !registration.externalId.isEmpty()
                   && text(valueAt(entry, api.listIdPointer)) == registration.externalId;
        });
        if (item == items.cend() && !api.nextPagePointer.isEmpty()
            && !text(valueAt(root, api.nextPagePointer)).isEmpty()) {
            seen.state = RegistrationState::CheckFailed;
            seen.detail = tr("%1 is not among the first %n registration(s) the provider lists, and "
                             "it lists more on further pages.",
                             "", int(items.size()))
                                  .arg(registration.externalId);
            return seen;
        }
        if (item == items.cend()) {
            seen.state = RegistrationState::Missing;
            seen.detail = tr("The provider lists %n registration(s), none with the id %1.", "",
                             int(items.size()))
                                  .arg(registration.externalId);
            return seen;
        }
        root = *item;
    }
    if (!api.expiresPointer.isEmpty()) {
        const QString expires = text(valueAt(root, api.expiresPointer));
        seen.expiresAtMs = parseTime(expires);
    }
    if (!api.lastDeliveryPointer.isEmpty()) {
        const QString code = text(valueAt(root, api.lastDeliveryPointer));
        const QString message = api.lastDeliveryMessagePointer.isEmpty()
                                        ? QString()
                                        : text(valueAt(root, api.lastDeliveryMessagePointer));
        seen.lastDeliveryStatus = QString(code + u' ' + message).trimmed();
    }
    if (!api.targetUrlPointer.isEmpty())
        seen.targetUrl = text(valueAt(root, api.targetUrlPointer));

    if (!api.activePointer.isEmpty()) {
        const QJsonValue value = valueAt(root, api.activePointer);
        const QString shown = text(value);
        if (!api.activeValues.contains(shown)) {
            seen.state = RegistrationState::Disabled;
            seen.detail = value.isUndefined() ? tr("The answer has no %1.").arg(api.activePointer)
                                              : tr("%1 is %2").arg(api.activePointer.mid(1), shown);
            return seen;
        }
    }
    if (!api.targetUrlPointer.isEmpty()) {
        if (seen.targetUrl.isEmpty()) {
            seen.state = RegistrationState::Disabled;
            seen.detail = tr("The provider sends its events nowhere (no address at %1).")
                                  .arg(api.targetUrlPointer);
            return seen;
        }
        if (!registration.targetUrl.isEmpty()
            && !sameTargetUrl(seen.targetUrl, registration.targetUrl)) {
            seen.state = RegistrationState::Disabled;
            seen.detail = tr("The provider sends to %1, not to %2.")
                                  .arg(seen.targetUrl.left(300), registration.targetUrl);
            return seen;
        }
    }
    if (seen.expiresAtMs && *seen.expiresAtMs <= nowMs) {
        seen.state = RegistrationState::Expired;
        seen.detail = tr("It expired at %1.").arg(formatTime(*seen.expiresAtMs));
        return seen;
    }
    seen.state = RegistrationState::Active;
    seen.detail = seen.expiresAtMs ? tr("Active until %1.").arg(formatTime(*seen.expiresAtMs))
                                   : tr("Active.");
    return seen;
}

} // namespace wb::core
