// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/healthinputsreader.h"

#include "core/health/registrationrepository.h"
#include "core/store/connectionrepository.h"

namespace wb::core {

Result<QList<HealthInputs>> readHealthInputs(SqlSession &session, std::optional<qint64> connectionId)
{
    QList<Connection> connections;
    if (connectionId) {
        Result<Connection> one = ConnectionRepository::get(session, *connectionId);
        if (!one)
            return fail(one.error());
        connections << *one;
    } else {
        Result<QList<Connection>> all = ConnectionRepository::list(session);
        if (!all)
            return fail(all.error());
        connections = *all;
        std::sort(connections.begin(), connections.end(),
                  [](const Connection &a, const Connection &b) { return a.id < b.id; });
    }
    QList<HealthInputs> result;
    result.reserve(connections.size());
    for (const Connection &connection : std::as_const(connections)) {
        HealthInputs inputs;
        inputs.connection = connection;
        Result<QList<Registration>> registrations = RegistrationRepository::list(session,
                                                                                 connection.id);
        if (!registrations)
            return fail(registrations.error());
        inputs.registrations = *registrations;
        Result<PassiveSignals> passive = PassiveSignalsReader::read(session, connection.id);
        if (!passive)
            return fail(passive.error());
        inputs.passive = *passive;
        inputs.credentials = CredentialFacts::fromConnection(connection);
        result << inputs;
    }
    return result;
}

} // namespace wb::core
