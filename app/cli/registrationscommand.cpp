// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrationscommand.h"

#include "healthrecords.h"
#include "inputfile.h"
#include "output.h"

#include "core/health/registrationhttp.h"
#include "core/health/registrationrepository.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {
const QCommandLineOption &connectionOption()
{
    static const QCommandLineOption option(u"connection"_s,
                                           u"The connection (add: required; list: only its)."_s,
                                           u"id"_s);
    return option;
}
const QCommandLineOption &externalIdOption()
{
    static const QCommandLineOption option(u"external-id"_s,
                                           u"add, update: the provider's id of the registration "
                                           u"(GitHub hook id, Stripe we_..., Graph "
                                           u"subscription id)."_s,
                                           u"id"_s);
    return option;
}
const QCommandLineOption &scopeOption()
{
    static const QCommandLineOption option(u"scope"_s,
                                           u"add, update: where it lives at the provider (GitHub "
                                           u"repos/OWNER/REPO, orgs/ORG or app; "
                                           u"the HubSpot app id; the Zoom account id)."_s,
                                           u"scope"_s);
    return option;
}
const QCommandLineOption &targetUrlOption()
{
    static const QCommandLineOption option(u"target-url"_s,
                                           u"add, update: where the provider sends the events."_s,
                                           u"url"_s);
    return option;
}
const QCommandLineOption &eventsOption()
{
    static const QCommandLineOption option(u"events"_s,
                                           u"add, update: the event types, comma-separated."_s,
                                           u"list"_s);
    return option;
}
const QCommandLineOption &expiresOption()
{
    static const QCommandLineOption option(
            u"expires"_s,
            u"add, update: when the provider drops it unless renewed (RFC 3339; update: none "
            u"clears it)."_s,
            u"time"_s);
    return option;
}
const QCommandLineOption &renewLifetimeOption()
{
    static const QCommandLineOption
            option(u"renew-lifetime"_s,
                   u"add, update: minutes asked for on renewal (default, or 0 on update: the "
                   u"provider profile's)."_s,
                   u"minutes"_s);
    return option;
}
const QCommandLineOption &originOption()
{
    static const QCommandLineOption
            option(u"origin"_s,
                   u"add, update: onboarding, provider_api or manual (default manual)."_s,
                   u"origin"_s);
    return option;
}
const QCommandLineOption &bodyFileOption()
{
    static const QCommandLineOption option(u"body-file"_s,
                                           u"add, update: the creation request's body, sent again "
                                           u"to re-register ('-': stdin). May "
                                           u"hold {expires_at} and {signing_secret}."_s,
                                           u"file"_s);
    return option;
}
const QCommandLineOption &allowReregisterOption()
{
    static const QCommandLineOption option(
            u"allow-reregister"_s,
            u"add, update: let the health monitor create it again when the provider lost it."_s);
    return option;
}

QList<const QCommandLineOption *> addOnlyOptions()
{
    return {&externalIdOption(), &scopeOption(),    &targetUrlOption(),
            &eventsOption(),     &expiresOption(),  &renewLifetimeOption(),
            &originOption(),     &bodyFileOption(), &allowReregisterOption()};
}
} // namespace

QString RegistrationsCommand::name() const
{
    return u"registrations"_s;
}

QString RegistrationsCommand::summary() const
{
    return u"List, add, update and remove webhook registrations (what each connection registered "
           u"at its "
           u"provider)."_s;
}

void RegistrationsCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(
            u"action"_s,
            u"list | add | update ID | remove ID | allow-reregister ID | deny-reregister ID"_s,
            u"<action> [id]"_s);
    parser.addOption(connectionOption());
    for (const QCommandLineOption *option : addOnlyOptions())
        parser.addOption(*option);
    parser.addOption(jsonOption());
}

QStringList RegistrationsCommand::actions() const
{
    return {u"list"_s,           u"add"_s, u"update"_s, u"remove"_s, u"allow-reregister"_s,
            u"deny-reregister"_s};
}

int RegistrationsCommand::argumentCount(const QString &action) const
{
    return action == u"list" || action == u"add" ? 0 : 1;
}

core::Result<RegistrationsCommand::Changes> RegistrationsCommand::changesFromOptions(
        const QCommandLineParser &parser, bool updating)
{
    Changes changes;
    if (parser.isSet(externalIdOption()))
        changes.externalId = parser.value(externalIdOption());
    if (parser.isSet(scopeOption()))
        changes.scope = parser.value(scopeOption());
    if (parser.isSet(targetUrlOption()))
        changes.targetUrl = parser.value(targetUrlOption());
    if (parser.isSet(eventsOption())) {
        QStringList events;
        for (const QString &event : parser.value(eventsOption()).split(u',', Qt::SkipEmptyParts))
            events << event.trimmed();
        changes.events = events;
    }
    if (parser.isSet(expiresOption())) {
        const QString text = parser.value(expiresOption());
        if (updating && text == u"none") {
            changes.expiresAtMs = std::optional<qint64>();
        } else {
            const auto expires = core::RegistrationHttp::parseTime(text);
            if (!expires) {
                return core::fail(u"cli.invalid_option"_s,
                                  u"--expires expects an RFC 3339 time such as "
                                  "2026-12-01T10:00:00Z%1, got '%2'"_s
                                          .arg(updating ? u" (or none)"_s : QString(), text));
            }
            changes.expiresAtMs = expires;
        }
    }
    if (parser.isSet(renewLifetimeOption())) {
        bool ok = false;
        const int minutes = parser.value(renewLifetimeOption()).toInt(&ok);
        const int least = updating ? 0 : 1;
        if (!ok || minutes < least) {
            return core::fail(u"cli.invalid_option"_s,
                              u"--renew-lifetime expects whole minutes of %1 or more, got '%2'"_s
                                      .arg(least)
                                      .arg(parser.value(renewLifetimeOption())));
        }
        changes.renewLifetimeMinutes = minutes;
    }
    if (parser.isSet(originOption())) {
        const auto origin = core::registrationOriginFromName(parser.value(originOption()));
        if (!origin) {
            return core::fail(u"cli.invalid_option"_s,
                              u"--origin expects onboarding, provider_api or manual, got '%1'"_s.arg(
                                      parser.value(originOption())));
        }
        changes.origin = *origin;
    }
    if (parser.isSet(allowReregisterOption()))
        changes.reregisterAllowed = true;
    return changes;
}

void RegistrationsCommand::Changes::applyTo(core::Registration &r) const
{
    if (externalId)
        r.externalId = *externalId;
    if (scope)
        r.scope = *scope;
    if (targetUrl)
        r.targetUrl = *targetUrl;
    if (events)
        r.events = *events;
    if (expiresAtMs)
        r.expiresAtMs = *expiresAtMs;
    if (renewLifetimeMinutes)
        r.renewLifetimeMinutes = *renewLifetimeMinutes;
    if (origin)
        r.origin = *origin;
    if (reregisterAllowed)
        r.reregisterAllowed = *reregisterAllowed;
    if (body)
        r.registrationBody = *body;
}

core::Result<core::Registration> RegistrationsCommand::fromOptions(const QCommandLineParser &parser)
{
    core::Registration r;
    const auto connection = parseId(parser.value(connectionOption()), u"--connection"_s);
    if (!connection)
        return core::fail(connection.error());
    r.connectionId = *connection;
    const core::Result<Changes> changes = changesFromOptions(parser, false);
    if (!changes)
        return core::fail(changes.error());
    changes->applyTo(r);
    if (const auto valid = core::RegistrationRepository::validate(r); !valid)
        return core::fail(valid.error());
    return r;
}

core::Result<void> RegistrationsCommand::checkArguments(const QString &action,
                                                        const QStringList &arguments,
                                                        const QCommandLineParser &parser) const
{
    const bool adding = action == u"add";
    const bool updating = action == u"update";
    if (!adding && !updating) {
        for (const QCommandLineOption *option : addOnlyOptions()) {
            if (parser.isSet(*option)) {
                return core::fail(u"cli.option_not_allowed"_s,
                                  u"--%1 applies to 'add' and 'update' only"_s.arg(
                                          option->names().first()));
            }
        }
    }
    if (updating) {
        const QList<const QCommandLineOption *> options = addOnlyOptions();
        const bool anything = std::any_of(options.cbegin(), options.cend(),
                                          [&parser](const QCommandLineOption *option) {
                                              return parser.isSet(*option);
                                          });
        if (!anything) {
            return core::fail(u"cli.missing_option"_s,
                              u"update needs at least one of --external-id, --scope, "
                              "--target-url, --events, --expires, --renew-lifetime, --origin, "
                              "--body-file, --allow-reregister"_s);
        }
        if (auto changes = changesFromOptions(parser, true); !changes)
            return core::fail(changes.error());
    }
    if (action == u"list" && parser.isSet(connectionOption())) {
        if (auto id = parseId(parser.value(connectionOption()), u"--connection"_s); !id)
            return core::fail(id.error());
    }
    if (adding) {
        if (!parser.isSet(connectionOption()) || !parser.isSet(externalIdOption())) {
            return core::fail(u"cli.missing_option"_s,
                              u"add needs --connection and --external-id"_s);
        }
        if (auto registration = fromOptions(parser); !registration)
            return core::fail(registration.error());
    }
    if (argumentCount(action) == 1) {
        if (parser.isSet(connectionOption()))
            return core::fail(u"cli.option_not_allowed"_s,
                              u"--connection applies to 'list' and 'add' only"_s);
        if (auto id = parseId(arguments.first(), u"the registration id"_s); !id)
            return core::fail(id.error());
    }
    return {};
}

void RegistrationsCommand::runAction(const QString &action, const QStringList &arguments,
                                     const QCommandLineParser &parser)
{
    if (action == u"list")
        return list(parser);
    std::optional<QByteArray> body;
    if (parser.isSet(bodyFileOption())) {
        const core::Result<QByteArray> read = readInputFile(parser.value(bodyFileOption()),
                                                            u"the registration body"_s, 64 * 1024);
        if (!read)
            return fail(read.error(), ExitUsage);
        if (read->size() > 64 * 1024) {
            return fail({u"cli.input_too_large"_s, u"the registration body is larger than 64 KiB"_s},
                        ExitUsage);
        }
        body = *read;
    }
    if (action == u"add") {
        core::Result<core::Registration> registration = fromOptions(parser);
        if (body)
            registration->registrationBody = *body;
        return add(*registration);
    }
    const qint64 id = *parseId(arguments.first(), {});
    if (action == u"update") {
        Changes changes = *changesFromOptions(parser, true);
        changes.body = body;
        return update(id, changes);
    }
    if (action == u"remove")
        return remove(id);
    setReregister(id, action == u"allow-reregister");
}

void RegistrationsCommand::list(const QCommandLineParser &parser)
{
    std::optional<qint64> connectionId;
    if (parser.isSet(connectionOption()))
        connectionId = *parseId(parser.value(connectionOption()), {});
    session().whenDone(store().read([connectionId](core::SqlSession &session) {
        return core::RegistrationRepository::list(session, connectionId);
    }),
                       [this](const core::Result<QList<core::Registration>> &registrations) {
                           if (!registrations)
                               return fail(registrations.error());
                           if (json()) {
                               QJsonArray array;
                               for (const core::Registration &r : *registrations)
                                   array.append(registrationJson(r));
                               writeJson(out(), array);
                               return finish();
                           }
                           QList<QStringList> rows;
                           for (const core::Registration &r : *registrations) {
                               rows.append({QString::number(r.id), QString::number(r.connectionId),
                                            r.displayName(), core::nameOf(r.state),
                                            r.expiresAtMs ? rfc3339Utc(*r.expiresAtMs) : u"-"_s,
                                            r.reregisterAllowed ? u"yes"_s : u"no"_s,
                                            r.lastCheckedAtMs ? rfc3339Utc(*r.lastCheckedAtMs)
                                                              : u"never"_s});
                           }
                           if (rows.isEmpty())
                               out() << "No webhook registrations.\n";
                           else
                               writeTable(out(),
                                          {u"id"_s, u"connection"_s, u"registration"_s, u"state"_s,
                                           u"expires"_s, u"reregister"_s, u"checked"_s},
                                          rows);
                           finish();
                       });
}

void RegistrationsCommand::add(const core::Registration &registration)
{
    session().whenDone(store().write([registration](core::SqlSession &session) {
        return core::RegistrationRepository::add(session, registration);
    }),
                       [this](const core::Result<core::Registration> &added) {
                           if (!added)
                               return fail(added.error());
                           if (json())
                               writeJson(out(), registrationJson(*added));
                           else
                               out() << "Added registration " << added->id << " ("
                                     << added->displayName() << ") of connection "
                                     << added->connectionId << ".\n";
                           finish();
                       });
}

void RegistrationsCommand::update(qint64 registrationId, const Changes &changes)
{
    session().whenDone(store().write([registrationId, changes](core::SqlSession &session)
                                             -> core::Result<core::Registration> {
        core::Result<core::Registration> existing
                = core::RegistrationRepository::get(session, registrationId);
        if (!existing)
            return existing;
        core::Registration changed = *existing;
        changes.applyTo(changed);
        return core::RegistrationRepository::update(session, changed);
    }),
                       [this](const core::Result<core::Registration> &updated) {
                           if (!updated)
                               return fail(updated.error());
                           if (json())
                               writeJson(out(), registrationJson(*updated));
                           else
                               out() << "Updated registration " << updated->id << " ("
                                     << updated->displayName() << ", "
                                     << core::nameOf(updated->state) << ").\n";
                           finish();
                       });
}

void RegistrationsCommand::remove(qint64 registrationId)
{
    session().whenDone(store().write([registrationId](
                                             core::SqlSession &session) -> core::Result<bool> {
        if (auto removed = core::RegistrationRepository::remove(session, registrationId); !removed)
            return core::fail(removed.error());
        return true;
    }),
                       [this, registrationId](const core::Result<bool> &removed) {
                           if (!removed)
                               return fail(removed.error());
                           if (json())
                               writeJson(out(), QJsonObject{{u"removed"_s,
                                                             QJsonObject{{u"registration_id"_s,
                                                                          registrationId}}}});
                           else
                               out() << "Removed registration " << registrationId << ".\n";
                           finish();
                       });
}

void RegistrationsCommand::setReregister(qint64 registrationId, bool allowed)
{
    session().whenDone(store().write([registrationId, allowed](core::SqlSession &session) {
        return core::RegistrationRepository::setReregisterAllowed(session, registrationId, allowed);
    }),
                       [this, allowed](const core::Result<core::Registration> &updated) {
                           if (!updated)
                               return fail(updated.error());
                           if (json())
                               writeJson(out(), registrationJson(*updated));
                           else
                               out() << "Registration " << updated->id
                                     << (allowed ? " may be re-registered by the health monitor.\n"
                                                 : " will not be re-registered automatically.\n");
                           finish();
                       });
}

} // namespace wb::cli
