// SPDX-License-Identifier: GPL-3.0-or-later
#include "identitiescommand.h"

#include "output.h"
#include "records.h"
#include "tenantnames.h"

#include "core/store/identitymappingrepository.h"
#include "core/store/sqlsession.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

const QCommandLineOption &providerOption()
{
    static const QCommandLineOption
            option(u"provider"_s, u"The provider profile id, such as github (add: required)."_s,
                   u"name"_s);
    return option;
}

const QCommandLineOption &accountOption()
{
    static const QCommandLineOption option(
            u"account"_s,
            u"add: the external account id as the provider sends it (a Slack team_id, a GitHub "
            u"installation id, a Shopify shop domain)."_s,
            u"external_id"_s);
    return option;
}

const QCommandLineOption &tenantOption()
{
    static const QCommandLineOption option(u"tenant"_s,
                                           u"The tenant the account belongs to (add: required)."_s,
                                           u"id"_s);
    return option;
}

const QCommandLineOption &connectionOption()
{
    static const QCommandLineOption
            option(u"connection"_s, u"add: the tenant's connection to this provider (optional)."_s,
                   u"id"_s);
    return option;
}

const QCommandLineOption &noteOption()
{
    static const QCommandLineOption option(u"note"_s, u"add: a note for people."_s, u"text"_s);
    return option;
}

} // namespace

QString IdentitiesCommand::name() const
{
    return u"identities"_s;
}

QString IdentitiesCommand::summary() const
{
    return u"List, add and remove identity mappings (external account -> tenant)."_s;
}

void IdentitiesCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s, u"list | add | remove ID"_s, u"<action> [id]"_s);
    parser.addOption(providerOption());
    parser.addOption(accountOption());
    parser.addOption(tenantOption());
    parser.addOption(connectionOption());
    parser.addOption(noteOption());
    parser.addOption(jsonOption());
}

QStringList IdentitiesCommand::actions() const
{
    return {u"list"_s, u"add"_s, u"remove"_s};
}

int IdentitiesCommand::argumentCount(const QString &action) const
{
    return action == u"remove" ? 1 : 0;
}

core::Result<void> IdentitiesCommand::checkArguments(const QString &action,
                                                     const QStringList &arguments,
                                                     const QCommandLineParser &parser) const
{
    const bool adding = action == u"add";
    for (const QCommandLineOption *option : {&accountOption(), &connectionOption(), &noteOption()}) {
        if (!adding && parser.isSet(*option)) {
            return core::fail(u"cli.option_not_allowed"_s,
                              u"--%1 applies to 'add' only"_s.arg(option->names().first()));
        }
    }
    if (action == u"remove" && (parser.isSet(providerOption()) || parser.isSet(tenantOption()))) {
        return core::fail(u"cli.option_not_allowed"_s,
                          u"--provider and --tenant apply to 'list' and 'add' only"_s);
    }
    if (parser.isSet(tenantOption())) {
        if (auto id = parseId(parser.value(tenantOption()), u"--tenant"_s); !id)
            return core::fail(id.error());
    }
    if (parser.isSet(connectionOption())) {
        if (auto id = parseId(parser.value(connectionOption()), u"--connection"_s); !id)
            return core::fail(id.error());
    }
    if (adding) {
        for (const QCommandLineOption *option :
             {&providerOption(), &accountOption(), &tenantOption()}) {
            if (!parser.isSet(*option)) {
                return core::fail(u"cli.missing_option"_s,
                                  u"add needs --provider, --account and --tenant (--%1 is missing)"_s
                                          .arg(option->names().first()));
            }
        }
    }
    if (action == u"remove") {
        if (auto id = parseId(arguments.first(), u"the identity mapping id"_s); !id)
            return core::fail(id.error());
    }
    return {};
}

void IdentitiesCommand::runAction(const QString &action, const QStringList &arguments,
                                  const QCommandLineParser &parser)
{
    if (action == u"list")
        list(parser);
    else if (action == u"add")
        add(parser);
    else
        remove(*parseId(arguments.first(), {}));
}

void IdentitiesCommand::list(const QCommandLineParser &parser)
{
    core::IdentityMappingFilter filter;
    filter.providerId = parser.value(providerOption());
    if (parser.isSet(tenantOption()))
        filter.tenantId = *parseId(parser.value(tenantOption()), {});
    struct Listing
    {
        QList<core::IdentityMapping> mappings;
        TenantNames tenants;
    };
    auto listing = store().read([filter](core::SqlSession &session) -> core::Result<Listing> {
        auto mappings = core::IdentityMappingRepository::list(session, filter);
        if (!mappings)
            return core::fail(mappings.error());
        auto tenants = readTenantNames(session);
        if (!tenants)
            return core::fail(tenants.error());
        return Listing{*mappings, *tenants};
    });
    session().whenDone(listing, [this](const core::Result<Listing> &read) {
        if (!read)
            return fail(read.error());
        if (json()) {
            QJsonArray array;
            for (const core::IdentityMapping &mapping : read->mappings)
                array.append(identityMappingJson(mapping));
            writeJson(out(), array);
            return finish();
        }
        QList<QStringList> rows;
        for (const core::IdentityMapping &m : read->mappings) {
            rows.append({QString::number(m.id), m.providerId, m.externalAccountId,
                         tenantName(read->tenants, m.tenantId),
                         m.connectionId ? QString::number(*m.connectionId) : u"-"_s, m.note});
        }
        if (rows.isEmpty())
            out() << "No identity mappings.\n";
        else
            writeTable(out(),
                       {u"id"_s, u"provider"_s, u"account"_s, u"tenant"_s, u"connection"_s,
                        u"note"_s},
                       rows);
        finish();
    });
}

void IdentitiesCommand::add(const QCommandLineParser &parser)
{
    core::IdentityMapping mapping;
    mapping.providerId = parser.value(providerOption());
    mapping.externalAccountId = parser.value(accountOption());
    mapping.tenantId = *parseId(parser.value(tenantOption()), {});
    if (parser.isSet(connectionOption()))
        mapping.connectionId = *parseId(parser.value(connectionOption()), {});
    mapping.note = parser.value(noteOption());
    session().whenDone(store().addIdentityMapping(mapping),
                       [this](const core::Result<core::IdentityMapping> &added) {
                           if (!added)
                               return fail(added.error());
                           if (json())
                               writeJson(out(), identityMappingJson(*added));
                           else
                               out() << "Added identity mapping " << added->id << ": "
                                     << added->providerId << " account \""
                                     << added->externalAccountId << "\" -> tenant "
                                     << added->tenantId << ".\n";
                           finish();
                       });
}

void IdentitiesCommand::remove(qint64 mappingId)
{
    session().whenDone(store().removeIdentityMapping(mappingId),
                       [this, mappingId](const core::Result<void> &removed) {
                           if (!removed)
                               return fail(removed.error());
                           if (json())
                               writeJson(out(), QJsonObject{{u"removed"_s,
                                                             QJsonObject{{u"identity_mapping_id"_s,
                                                                          mappingId}}}});
                           else
                               out() << "Removed identity mapping " << mappingId << ".\n";
                           finish();
                       });
}

} // namespace wb::cli
