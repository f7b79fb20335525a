// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/registration.h"
#include "core/health/registrationobservation.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace wb::core {

// Webhook registrations (table `webhook_registrations`) in portable SQL. Synchronous functions on
// a SqlSession: run them inside Store::write / Store::read jobs (never on the GUI thread). A
// failed operation changes nothing. Times are UTC milliseconds from the session's clock.
//
// Validation: the external id is 1–200 characters without control characters; the scope holds only
// letters, digits and . _ / - (at most 200); the target URL is empty or an absolute http(s) URL;
// events hold no commas or control characters; the renewal lifetime is 0–527040 minutes (a year).
class RegistrationRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::RegistrationRepository)

public:
    // Error `health.invalid_registration` naming the field and the value.
    static Result<void> validate(const Registration &registration);

    // Adds a registration, state unchecked. Errors: `health.invalid_registration`,
    // `store.unknown_connection`, `health.duplicate_registration` (the connection already has a
    // registration with that external id).
    static Result<Registration> add(SqlSession &session, const Registration &registration);
    // Error `health.unknown_registration`.
    static Result<Registration> get(SqlSession &session, qint64 registrationId);
    // All registrations, or one connection's, ordered by connection then id.
    static Result<QList<Registration>> list(SqlSession &session,
                                            std::optional<qint64> connectionId = {});
    // Error `health.unknown_registration`.
    static Result<void> remove(SqlSession &session, qint64 registrationId);
    // Replaces what we registered (`registration.id` names the record; its connection stays):
    // external id, scope, target URL, events, origin, expiry, renewal lifetime, re-registration
    // permission and creation body. When the external id, scope or target URL change, what the
    // last check found no longer applies: the state goes back to unchecked (the next round asks
    // the provider). What the monitor last did stays. Errors: those of validate(),
    // `health.unknown_registration`, `health.duplicate_registration` (another record of the
    // connection has that external id), the session's.
    static Result<Registration> update(SqlSession &session, const Registration &registration);
    // What an editor changed, applied to the record as it is now: each of update()'s fields
    // where `edited` differs from `original` (what the editor showed) is taken from `edited`,
    // every other one stays as in `current`. So a renewal or re-registration by the health
    // monitor while the editor was open is not undone. Pure.
    static Registration applyEdits(const Registration &original, const Registration &edited,
                                   Registration current);
    static Result<Registration> setReregisterAllowed(SqlSession &session, qint64 registrationId,
                                                     bool allowed);

    // Records a check made at `checkedAtMs`: state, detail, the provider's last delivery; the
    // expiry when the provider reported one; the target URL the provider reported only when the
    // record had none (ours is what we registered: a different one is a Disabled finding).
    static Result<Registration> recordCheck(SqlSession &session, qint64 registrationId,
                                            qint64 checkedAtMs,
                                            const RegistrationObservation &observation);
    // Records what the monitor did: a renewal (with the new expiry) or a re-registration (with the
    // new external id and expiry; state becomes unchecked until the next check), or its failure.
    static Result<Registration> recordAction(SqlSession &session, qint64 registrationId,
                                             RegistrationAction action, const QString &detail,
                                             qint64 atMs, std::optional<qint64> newExpiresAtMs = {},
                                             const QString &newExternalId = {});
};

} // namespace wb::core
