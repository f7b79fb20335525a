// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionscommand.h"

#include "connectionremoval.h"
#include "output.h"
#include "records.h"
#include "tenantnames.h"

#include "core/store/connectionrepository.h"
#include "core/store/identitymappingrepository.h"
#include "core/store/secretreferencerepository.h"
#include "core/store/sqlsession.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

const QCommandLineOption &tenantOption()
{
    static const QCommandLineOption option(u"tenant"_s,
                                           u"list: only this tenant's; add: the tenant (required)."_s,
                                           u"id"_s);
    return option;
}

const QCommandLineOption &providerOption()
{
    static const QCommandLineOption
            option(u"provider"_s, u"add: the provider profile id, such as github (required)."_s,
                   u"name"_s);
    return option;
}

const QCommandLineOption &labelOption()
{
    static const QCommandLineOption
            option(u"label"_s, u"add: tells two connections of a tenant to one provider apart."_s,
                   u"label"_s);
    return option;
}

const QCommandLineOption &baseUrlOption()
{
    static const QCommandLineOption
            option(u"base-url"_s,
                   u"add: the provider API base for this tenant (default: the profile's)."_s,
                   u"url"_s);
    return option;
}

const QCommandLineOption &forwardOption()
{
    static const QCommandLineOption option(u"forward-to"_s,
                                           u"add: where verified inbound events are forwarded."_s,
                                           u"url"_s);
    return option;
}

const QCommandLineOption &verifyTokenOption()
{
    static const QCommandLineOption option(u"verify-token"_s,
                                           u"add: the verify token of the provider's subscription "
                                           "check (Meta's hub.verify_token), as entered at the "
                                           "provider."_s,
                                           u"token"_s);
    return option;
}

const QCommandLineOption &retryPolicyOption()
{
    static const QCommandLineOption option(u"retry-policy"_s,
                                           u"add: a retry policy name (default: the provider's)."_s,
                                           u"name"_s);
    return option;
}

// What `connections show` reads, in one snapshot.
struct ConnectionDetails
{
    core::Connection connection;
    QList<core::IdentityMapping> mappings;
    QList<core::SecretReference> secrets;
};

QString describeTime(const std::optional<qint64> &ms)
{
    return ms ? rfc3339Utc(*ms) : u"-"_s;
}

} // namespace

ConnectionsCommand::ConnectionsCommand() = default;

ConnectionsCommand::~ConnectionsCommand() = default;

QString ConnectionsCommand::name() const
{
    return u"connections"_s;
}

QString ConnectionsCommand::summary() const
{
    return u"List, add, show and remove connections (a tenant's link to a provider)."_s;
}

void ConnectionsCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s, u"list | add | show ID | remove ID"_s,
                                 u"<action> [id]"_s);
    parser.addOption(tenantOption());
    parser.addOption(providerOption());
    parser.addOption(labelOption());
    parser.addOption(baseUrlOption());
    parser.addOption(forwardOption());
    parser.addOption(retryPolicyOption());
    parser.addOption(verifyTokenOption());
    parser.addOption(jsonOption());
}

QStringList ConnectionsCommand::actions() const
{
    return {u"list"_s, u"add"_s, u"show"_s, u"remove"_s};
}

int ConnectionsCommand::argumentCount(const QString &action) const
{
    return action == u"list" || action == u"add" ? 0 : 1;
}

core::Result<void> ConnectionsCommand::checkArguments(const QString &action,
                                                      const QStringList &arguments,
                                                      const QCommandLineParser &parser) const
{
    const bool adding = action == u"add";
    for (const QCommandLineOption *option :
         {&providerOption(), &labelOption(), &baseUrlOption(), &forwardOption(),
          &retryPolicyOption(), &verifyTokenOption()}) {
        if (!adding && parser.isSet(*option)) {
            return core::fail(u"cli.option_not_allowed"_s,
                              u"--%1 applies to 'add' only"_s.arg(option->names().first()));
        }
    }
    if (parser.isSet(tenantOption())) {
        if (!adding && action != u"list") {
            return core::fail(u"cli.option_not_allowed"_s,
                              u"--tenant applies to 'list' and 'add' only"_s);
        }
        if (auto id = parseId(parser.value(tenantOption()), u"--tenant"_s); !id)
            return core::fail(id.error());
    }
    if (adding) {
        if (!parser.isSet(tenantOption()))
            return core::fail(u"cli.missing_option"_s, u"add needs --tenant ID"_s);
        if (!parser.isSet(providerOption()))
            return core::fail(u"cli.missing_option"_s, u"add needs --provider NAME"_s);
    }
    if (action == u"show" || action == u"remove") {
        if (auto id = parseId(arguments.first(), u"the connection id"_s); !id)
            return core::fail(id.error());
    }
    return {};
}

void ConnectionsCommand::runAction(const QString &action, const QStringList &arguments,
                                   const QCommandLineParser &parser)
{
    if (action == u"list") {
        list(parser.isSet(tenantOption())
                     ? std::optional<qint64>(*parseId(parser.value(tenantOption()), {}))
                     : std::nullopt);
    } else if (action == u"add") {
        add(parser);
    } else if (action == u"show") {
        show(*parseId(arguments.first(), {}));
    } else {
        remove(*parseId(arguments.first(), {}));
    }
}

void ConnectionsCommand::list(std::optional<qint64> tenantId)
{
    struct Listing
    {
        QList<core::Connection> connections;
        TenantNames tenants;
    };
    auto listing = store().read([tenantId](core::SqlSession &session) -> core::Result<Listing> {
        auto connections = core::ConnectionRepository::list(session, tenantId);
        if (!connections)
            return core::fail(connections.error());
        auto tenants = readTenantNames(session);
        if (!tenants)
            return core::fail(tenants.error());
        return Listing{*connections, *tenants};
    });
    session().whenDone(listing, [this](const core::Result<Listing> &read) {
        if (!read)
            return fail(read.error());
        if (json()) {
            QJsonArray array;
            for (const core::Connection &connection : read->connections)
                array.append(connectionJson(connection));
            writeJson(out(), array);
            return finish();
        }
        QList<QStringList> rows;
        for (const core::Connection &connection : read->connections) {
            rows.append({QString::number(connection.id),
                         tenantName(read->tenants, connection.tenantId), connection.providerId,
                         connection.label, core::nameOf(connection.status),
                         describeTime(connection.tokenExpiresAtMs)});
        }
        if (rows.isEmpty())
            out() << "No connections.\n";
        else
            writeTable(out(),
                       {u"id"_s, u"tenant"_s, u"provider"_s, u"label"_s, u"status"_s,
                        u"token expires"_s},
                       rows);
        finish();
    });
}

void ConnectionsCommand::add(const QCommandLineParser &parser)
{
    core::Connection connection;
    connection.tenantId = *parseId(parser.value(tenantOption()), {});
    connection.providerId = parser.value(providerOption());
    connection.label = parser.value(labelOption());
    if (parser.isSet(baseUrlOption()))
        connection.settings.baseUrl = QUrl(parser.value(baseUrlOption()), QUrl::StrictMode);
    if (parser.isSet(forwardOption()))
        connection.settings.forwardTargetUrl = QUrl(parser.value(forwardOption()), QUrl::StrictMode);
    connection.settings.retryPolicy = parser.value(retryPolicyOption());
    connection.settings.handshakeVerifyToken = parser.value(verifyTokenOption());
    session().whenDone(store().addConnection(connection),
                       [this](const core::Result<core::Connection> &added) {
                           if (!added)
                               return fail(added.error());
                           if (json())
                               writeJson(out(), connectionJson(*added));
                           else
                               out() << "Added connection " << added->id << " ("
                                     << added->providerId << ") to tenant " << added->tenantId
                                     << ".\n";
                           finish();
                       });
}

void ConnectionsCommand::show(qint64 connectionId)
{
    auto details = store().read(
            [connectionId](core::SqlSession &session) -> core::Result<ConnectionDetails> {
                auto connection = core::ConnectionRepository::get(session, connectionId);
                if (!connection)
                    return core::fail(connection.error());
                core::IdentityMappingFilter filter;
                filter.providerId = connection->providerId;
                filter.tenantId = connection->tenantId;
                auto mappings = core::IdentityMappingRepository::list(session, filter);
                if (!mappings)
                    return core::fail(mappings.error());
                // The tenant's mappings for this provider that name this connection or none.
                QList<core::IdentityMapping> own;
                for (const core::IdentityMapping &mapping : *mappings) {
                    if (!mapping.connectionId || *mapping.connectionId == connectionId)
                        own.append(mapping);
                }
                auto secrets = core::SecretReferenceRepository::list(session, connectionId);
                if (!secrets)
                    return core::fail(secrets.error());
                return ConnectionDetails{*connection, own, *secrets};
            });
    session().whenDone(details, [this](const core::Result<ConnectionDetails> &read) {
        if (!read)
            return fail(read.error());
        const core::Connection &c = read->connection;
        if (json()) {
            QJsonObject object = connectionJson(c);
            QJsonArray mappings;
            for (const core::IdentityMapping &mapping : read->mappings)
                mappings.append(identityMappingJson(mapping));
            QJsonArray secrets;
            for (const core::SecretReference &secret : read->secrets) {
                secrets.append(QJsonObject{{u"kind"_s, core::nameOf(secret.key.kind)},
                                           {u"slot"_s, core::nameOf(secret.key.slot)},
                                           {u"backend"_s, secret.backend},
                                           {u"updated_at"_s, rfc3339Utc(secret.updatedAtMs)}});
            }
            object.insert(u"identity_mappings"_s, mappings);
            object.insert(u"secrets"_s, secrets);
            writeJson(out(), object);
            return finish();
        }
        out() << "Connection " << c.id << ": " << c.providerId
              << (c.label.isEmpty() ? QString() : u" \"%1\""_s.arg(c.label)) << " of tenant "
              << c.tenantId << "\n";
        out() << "  status:             " << core::nameOf(c.status) << "\n";
        out() << "  token expires:      " << describeTime(c.tokenExpiresAtMs) << "\n";
        out() << "  last check:         " << describeTime(c.lastCheckedAtMs)
              << (c.lastCheckResult.isEmpty() ? QString() : u" (%1)"_s.arg(c.lastCheckResult))
              << "\n";
        out() << "  base URL:           "
              << (c.settings.baseUrl.isEmpty() ? u"(provider default)"_s
                                               : c.settings.baseUrl.toString())
              << "\n";
        out() << "  forward to:         "
              << (c.settings.forwardTargetUrl.isEmpty() ? u"(not forwarded)"_s
                                                        : c.settings.forwardTargetUrl.toString())
              << "\n";
        out() << "  retry policy:       "
              << (c.settings.retryPolicy.isEmpty() ? u"(provider default)"_s
                                                   : c.settings.retryPolicy)
              << "\n";
        if (!c.settings.handshakeVerifyToken.isEmpty())
            out() << "  verify token:       " << c.settings.handshakeVerifyToken << "\n";
        out() << "  identity mappings:  ";
        if (read->mappings.isEmpty())
            out() << "none\n";
        else {
            QStringList accounts;
            for (const core::IdentityMapping &mapping : read->mappings)
                accounts.append(u"%1 (mapping %2)"_s.arg(mapping.externalAccountId).arg(mapping.id));
            out() << accounts.join(u", "_s) << "\n";
        }
        out() << "  secrets stored:     ";
        if (read->secrets.isEmpty())
            out() << "none\n";
        else {
            QStringList names;
            for (const core::SecretReference &secret : read->secrets)
                names.append(u"%1 (%2, %3)"_s.arg(core::nameOf(secret.key.kind),
                                                  core::nameOf(secret.key.slot), secret.backend));
            out() << names.join(u", "_s) << "\n";
        }
        finish();
    });
}

void ConnectionsCommand::remove(qint64 connectionId)
{
    m_removal = std::make_unique<ConnectionRemoval>(session(), err(), name());
    m_removal->start(connectionId, [this, connectionId](
                                           const core::Result<core::ConnectionRemovalReport> &done) {
        if (!done)
            return fail(done.error());
        if (json()) {
            writeJson(out(),
                      QJsonObject{{u"removed"_s, QJsonObject{{u"connection_id"_s, connectionId}}},
                                  {u"revocation"_s, removalJson(*done)}});
        } else {
            out() << "Removed connection " << connectionId << " (" << done->providerId << ").";
            if (!done->revocationFailure)
                out() << " " << describeRevocation(*done);
            out() << "\n";
        }
        for (const QString &warning : done->secretWarnings)
            err() << "wirebench-cli connections remove: warning: " << warning << "\n";
        if (done->revocationFailure) {
            err() << "wirebench-cli connections remove: warning: " << describeRevocation(*done)
                  << "\n";
        }
        err().flush();
        finish(done->revocationFailure ? ExitNegative : ExitOk);
    });
}

} // namespace wb::cli
