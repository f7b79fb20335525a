// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/healthassessment.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QList>

#include <optional>

namespace wb::core {

// Reads every connection (or one), ordered by connection id, with its registrations and, for a
// connection with registrations, its Graph lifecycle notices (`passive.lifecycle`); the rest of
// `passive` and `credentials` are left empty. What a monitor round needs before it asks the
// providers and acts (two queries, and one per connection with registrations). Synchronous SQL: run it in a Store::read job. Errors: the session's;
// `store.unknown_connection` for an unknown `connectionId`.
Result<QList<HealthInputs>> readRegistrationInputs(SqlSession &session,
                                                   std::optional<qint64> connectionId = {});

// Reads the HealthInputs of every connection (or one), ordered by connection id, in one snapshot:
// the connection, its registrations, its passive signals and its credential facts (the connection
// record, and the OAuth layer's oauth_credentials and oauth_clients rows). Synchronous
// SQL: run it in a Store::read job. Errors: as readRegistrationInputs.
Result<QList<HealthInputs>> readHealthInputs(SqlSession &session,
                                             std::optional<qint64> connectionId = {});

} // namespace wb::core
