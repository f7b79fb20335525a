// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/registrationrepository.h"

#include "core/store/connectionrepository.h"
#include "core/store/textchecks.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

const QString columns = u"id, connection_id, external_id, scope, target_url, events, origin, "
                        "expires_at_ms, renew_lifetime_minutes, reregister_allowed, "
                        "registration_body, state, state_detail, last_delivery_status, "
                        "last_checked_at_ms, last_action, last_action_detail, last_action_at_ms, "
                        "created_at_ms, updated_at_ms"_s;

Registration fromRow(const QSqlQuery &query)
{
    Registration r;
    r.id = query.value(0).toLongLong();
    r.connectionId = query.value(1).toLongLong();
    r.externalId = query.value(2).toString();
    r.scope = query.value(3).toString();
    r.targetUrl = query.value(4).toString();
    const QString events = query.value(5).toString();
    r.events = events.isEmpty() ? QStringList() : events.split(u',');
    // The columns' CHECK constraints admit only known names.
    r.origin = registrationOriginFromName(query.value(6).toString())
                       .value_or(RegistrationOrigin::Manual);
    r.expiresAtMs = optionalInt64(query.value(7));
    r.renewLifetimeMinutes = query.value(8).toInt();
    r.reregisterAllowed = query.value(9).toLongLong() != 0;
    r.registrationBody = query.value(10).toByteArray();
    r.state = registrationStateFromName(query.value(11).toString())
                      .value_or(RegistrationState::Unchecked);
    r.stateDetail = query.value(12).toString();
    r.lastDeliveryStatus = query.value(13).toString();
    r.lastCheckedAtMs = optionalInt64(query.value(14));
    r.lastAction = registrationActionFromName(query.value(15).toString())
                           .value_or(RegistrationAction::None);
    r.lastActionDetail = query.value(16).toString();
    r.lastActionAtMs = optionalInt64(query.value(17));
    r.createdAtMs = query.value(18).toLongLong();
    r.updatedAtMs = query.value(19).toLongLong();
    return r;
}

Error invalid(const QString &message)
{
    return Error{u"health.invalid_registration"_s, message};
}

Error unknownRegistration(qint64 id)
{
    return Error{u"health.unknown_registration"_s,
                 RegistrationRepository::tr("There is no webhook registration %1.").arg(id)};
}

// `health.duplicate_registration` when another record of the connection than `exceptId` has the
// registration's external id.
Result<void> refuseDuplicate(SqlSession &session, const Registration &registration, qint64 exceptId)
{
    Result<QSqlQuery> duplicate = session.exec(
            u"SELECT id FROM webhook_registrations WHERE connection_id = ? AND external_id = ? "
            "AND id <> ?"_s,
            {registration.connectionId, registration.externalId.trimmed(), exceptId});
    if (!duplicate)
        return fail(duplicate.error());
    if (!duplicate->next())
        return {};
    return fail(u"health.duplicate_registration"_s,
                RegistrationRepository::tr("Connection %1 already has the registration \"%2\" "
                                           "(record %3).")
                        .arg(registration.connectionId)
                        .arg(registration.externalId.trimmed())
                        .arg(duplicate->value(0).toLongLong()));
}

QString clipped(const QString &text)
{
    return text.trimmed().left(2000);
}
} // namespace

Result<void> RegistrationRepository::validate(const Registration &registration)
{
    const QString &id = registration.externalId;
    if (id.trimmed().isEmpty() || id.size() > 200 || hasControlCharacters(id)) {
        return fail(invalid(tr("The registration id \"%1\" must be 1 to 200 characters without "
                               "control characters.")
                                    .arg(printable(id.left(60)))));
    }
    static const QRegularExpression scopePattern(u"^[A-Za-z0-9._/-]{0,200}$"_s);
    if (!scopePattern.match(registration.scope).hasMatch()) {
        return fail(invalid(tr("The scope \"%1\" may hold only letters, digits and . _ / - (at "
                               "most 200), e.g. repos/octo/hello.")
                                    .arg(printable(registration.scope.left(60)))));
    }
    if (!registration.targetUrl.isEmpty()) {
        const QUrl url(registration.targetUrl, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != u"http"_s && scheme != u"https"_s)) {
            return fail(invalid(tr("The target URL \"%1\" is not an absolute http or https URL.")
                                        .arg(printable(registration.targetUrl.left(100)))));
        }
    }
    for (const QString &event : registration.events) {
        if (event.isEmpty() || event.contains(u',') || hasControlCharacters(event)
            || event.size() > 200) {
            return fail(invalid(tr("The event type \"%1\" must be 1 to 200 characters without "
                                   "commas or control characters.")
                                        .arg(printable(event.left(60)))));
        }
    }
    if (registration.renewLifetimeMinutes < 0 || registration.renewLifetimeMinutes > 527040) {
        return fail(invalid(tr("The renewal lifetime must be 0 to 527040 minutes, got %1.")
                                    .arg(registration.renewLifetimeMinutes)));
    }
    return {};
}

Result<Registration> RegistrationRepository::add(SqlSession &session,
                                                 const Registration &registration)
{
    if (Result<void> ok = validate(registration); !ok)
        return fail(ok.error());
    Result<QSqlQuery> connection = session.exec(u"SELECT id FROM connections WHERE id = ?"_s,
                                                {registration.connectionId});
    if (!connection)
        return fail(connection.error());
    if (!connection->next())
        return fail(ConnectionRepository::unknownConnection(registration.connectionId));
    if (Result<void> unique = refuseDuplicate(session, registration, 0); !unique)
        return fail(unique.error());
    const qint64 now = session.nowMs();
    // A null QByteArray binds as SQL NULL; the column holds '' for "no body".
    const QByteArray body = registration.registrationBody.isNull() ? QByteArray("")
                                                                   : registration.registrationBody;
    Result<QSqlQuery> inserted = session.execOneRow(
            u"INSERT INTO webhook_registrations (connection_id, external_id, scope, target_url, "
            "events, origin, expires_at_ms, renew_lifetime_minutes, reregister_allowed, "
            "registration_body, state, created_at_ms, updated_at_ms) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unchecked', ?, ?) RETURNING id"_s,
            {registration.connectionId, registration.externalId.trimmed(), registration.scope,
             registration.targetUrl, registration.events.join(u','), nameOf(registration.origin),
             toSqlValue(registration.expiresAtMs), registration.renewLifetimeMinutes,
             registration.reregisterAllowed ? 1 : 0, body, now, now});
    if (!inserted)
        return fail(inserted.error());
    return get(session, inserted->value(0).toLongLong());
}

Result<Registration> RegistrationRepository::get(SqlSession &session, qint64 registrationId)
{
    Result<QSqlQuery> query
            = session.exec(u"SELECT %1 FROM webhook_registrations WHERE id = ?"_s.arg(columns),
                           {registrationId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(unknownRegistration(registrationId));
    return fromRow(*query);
}

Result<QList<Registration>> RegistrationRepository::list(SqlSession &session,
                                                         std::optional<qint64> connectionId)
{
    Result<QSqlQuery> query = connectionId
                                      ? session.exec(u"SELECT %1 FROM webhook_registrations WHERE "
                                                     "connection_id = ? ORDER BY id"_s.arg(columns),
                                                     {*connectionId})
                                      : session.exec(
                                              u"SELECT %1 FROM webhook_registrations ORDER BY "
                                              "connection_id, id"_s.arg(columns));
    if (!query)
        return fail(query.error());
    QList<Registration> result;
    while (query->next())
        result << fromRow(*query);
    return result;
}

Result<void> RegistrationRepository::remove(SqlSession &session, qint64 registrationId)
{
    if (Result<Registration> existing = get(session, registrationId); !existing)
        return fail(existing.error());
    return session.execute(u"DELETE FROM webhook_registrations WHERE id = ?"_s, {registrationId});
}

Result<Registration> RegistrationRepository::update(SqlSession &session,
                                                    const Registration &registration)
{
    Result<Registration> existing = get(session, registration.id);
    if (!existing)
        return existing;
    Registration changed = registration;
    changed.connectionId = existing->connectionId;
    changed.externalId = changed.externalId.trimmed();
    if (Result<void> ok = validate(changed); !ok)
        return fail(ok.error());
    if (Result<void> unique = refuseDuplicate(session, changed, changed.id); !unique)
        return fail(unique.error());
    const bool elsewhere = changed.externalId != existing->externalId
                           || changed.scope != existing->scope
                           || changed.targetUrl != existing->targetUrl;
    const QByteArray body = changed.registrationBody.isNull() ? QByteArray("")
                                                              : changed.registrationBody;
    Result<void> updated = session.execute(
            u"UPDATE webhook_registrations SET external_id = ?, scope = ?, target_url = ?, "
            "events = ?, origin = ?, expires_at_ms = ?, renew_lifetime_minutes = ?, "
            "reregister_allowed = ?, registration_body = ?, updated_at_ms = ? WHERE id = ?"_s,
            {changed.externalId, changed.scope, changed.targetUrl, changed.events.join(u','),
             nameOf(changed.origin), toSqlValue(changed.expiresAtMs), changed.renewLifetimeMinutes,
             changed.reregisterAllowed ? 1 : 0, body, session.nowMs(), changed.id});
    if (!updated)
        return fail(updated.error());
    if (elsewhere) {
        Result<void> reset = session.execute(
                u"UPDATE webhook_registrations SET state = 'unchecked', state_detail = '', "
                "last_delivery_status = '', last_checked_at_ms = NULL WHERE id = ?"_s,
                {changed.id});
        if (!reset)
            return fail(reset.error());
    }
    return get(session, changed.id);
}

Registration RegistrationRepository::applyEdits(const Registration &original,
                                                const Registration &edited, Registration current)
{
    const auto take = [&](auto member) {
        if (edited.*member != original.*member)
            current.*member = edited.*member;
    };
    take(&Registration::externalId);
    take(&Registration::scope);
    take(&Registration::targetUrl);
    take(&Registration::events);
    take(&Registration::origin);
    take(&Registration::expiresAtMs);
    take(&Registration::renewLifetimeMinutes);
    take(&Registration::reregisterAllowed);
    take(&Registration::registrationBody);
    return current;
}

Result<Registration> RegistrationRepository::setReregisterAllowed(SqlSession &session,
                                                                  qint64 registrationId,
                                                                  bool allowed)
{
    if (Result<Registration> existing = get(session, registrationId); !existing)
        return existing;
    Result<void> updated = session.execute(u"UPDATE webhook_registrations SET "
                                           "reregister_allowed = ?, updated_at_ms = ? WHERE id = ?"_s,
                                           {allowed ? 1 : 0, session.nowMs(), registrationId});
    if (!updated)
        return fail(updated.error());
    return get(session, registrationId);
}

Result<Registration> RegistrationRepository::recordCheck(SqlSession &session, qint64 registrationId,
                                                         qint64 checkedAtMs,
                                                         const RegistrationObservation &observation)
{
    Result<Registration> existing = get(session, registrationId);
    if (!existing)
        return existing;
    const std::optional<qint64> expires = observation.expiresAtMs ? observation.expiresAtMs
                                                                  : existing->expiresAtMs;
    // Our own record of where we registered stays: a provider that sends elsewhere is the
    // finding (Disabled), not a new truth. Only an unknown target is learnt from the provider.
    const QString target = existing->targetUrl.isEmpty() ? observation.targetUrl.left(2000)
                                                         : existing->targetUrl;
    Result<void> updated = session.execute(
            u"UPDATE webhook_registrations SET state = ?, state_detail = ?, "
            "last_delivery_status = ?, last_checked_at_ms = ?, expires_at_ms = ?, target_url = ?, "
            "updated_at_ms = ? WHERE id = ?"_s,
            {nameOf(observation.state), clipped(observation.detail),
             clipped(observation.lastDeliveryStatus), checkedAtMs, toSqlValue(expires), target,
             session.nowMs(), registrationId});
    if (!updated)
        return fail(updated.error());
    return get(session, registrationId);
}

Result<Registration> RegistrationRepository::recordAction(SqlSession &session,
                                                          qint64 registrationId,
                                                          RegistrationAction action,
                                                          const QString &detail, qint64 atMs,
                                                          std::optional<qint64> newExpiresAtMs,
                                                          const QString &newExternalId)
{
    Result<Registration> existing = get(session, registrationId);
    if (!existing)
        return existing;
    Registration next = *existing;
    if (newExpiresAtMs)
        next.expiresAtMs = newExpiresAtMs;
    if (!newExternalId.isEmpty()) {
        next.externalId = newExternalId;
        if (Result<void> ok = validate(next); !ok)
            return fail(ok.error());
        next.state = RegistrationState::Unchecked;
        next.stateDetail.clear();
        next.lastDeliveryStatus.clear();
    } else if (action == RegistrationAction::Renewed) {
        // A renewal the provider accepted: it has the registration, with the new expiry.
        next.state = RegistrationState::Active;
    }
    Result<void> updated = session.execute(
            u"UPDATE webhook_registrations SET external_id = ?, expires_at_ms = ?, state = ?, "
            "state_detail = ?, last_delivery_status = ?, last_action = ?, last_action_detail = ?, "
            "last_action_at_ms = ?, updated_at_ms = ? WHERE id = ?"_s,
            {next.externalId, toSqlValue(next.expiresAtMs), nameOf(next.state), next.stateDetail,
             next.lastDeliveryStatus, nameOf(action), clipped(detail), atMs, session.nowMs(),
             registrationId});
    if (!updated)
        return fail(updated.error());
    return get(session, registrationId);
}

} // namespace wb::core
