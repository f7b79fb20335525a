// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerscommand.h"

#include "catalogloader.h"
#include "output.h"

#include "core/providers/providercatalog.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

QJsonArray describedLocations(const QList<core::FieldLocation> &locations)
{
    QJsonArray array;
    for (const core::FieldLocation &location : locations)
        array.append(core::describe(location));
    return array;
}

QJsonObject providerSummaryJson(const core::ProviderProfile &profile)
{
    QJsonArray schemes;
    for (const core::SignatureScheme &scheme : profile.signatureSchemes)
        schemes.append(core::describe(scheme));
    return {
            {u"id"_s, profile.id},
            {u"display_name"_s, profile.displayName},
            {u"signature_schemes"_s, schemes},
            {u"handshake"_s, core::nameOf(profile.handshake.kind)},
            {u"oauth"_s, profile.oauth.present},
            {u"identity_fields"_s, describedLocations(profile.identityFields)},
            {u"origin"_s,
             profile.origin == core::ProviderProfile::Origin::BuiltIn ? u"built_in"_s : u"user"_s},
            {u"path"_s, profile.originPath},
            {u"overrides_built_in"_s, profile.overridesBuiltIn},
    };
}

QString joined(const QList<core::FieldLocation> &locations)
{
    QStringList parts;
    for (const core::FieldLocation &location : locations)
        parts << core::describe(location);
    return parts.isEmpty() ? u"none"_s : parts.join(u"; "_s);
}

} // namespace

QString ProvidersCommand::name() const
{
    return u"providers"_s;
}

QString ProvidersCommand::summary() const
{
    return u"List the provider profiles, or show one (signatures, handshake, OAuth, limits)."_s;
}

void ProvidersCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s, u"list, or show NAME"_s, u"list|show NAME"_s);
    parser.addOption(jsonOption());
}

std::optional<int> ProvidersCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const bool json = parser.isSet(jsonOption());
    QTextStream *jsonOut = json ? &context.out : nullptr;
    const QStringList arguments = parser.positionalArguments();
    const QString action = arguments.value(0);
    const qsizetype expected = action == u"show" ? 2 : 1;
    if ((action != u"list" && action != u"show") || arguments.size() != expected) {
        return reportError(context.err, jsonOut, name(),
                           {u"cli.wrong_arguments"_s,
                            u"expects 'list' or 'show NAME', got '%1'"_s.arg(arguments.join(u' '))},
                           ExitUsage);
    }
    const std::unique_ptr<core::ProviderCatalog> catalog = loadProviderCatalog(context.err, name());
    if (action == u"list")
        return list(context, *catalog, json);
    const core::Result<core::ProviderProfile> profile = catalog->profile(arguments.at(1));
    if (!profile)
        return reportError(context.err, jsonOut, name() + u" show"_s, profile.error(), ExitUsage);
    return show(context, *profile, json);
}

int ProvidersCommand::list(CommandContext &context, const core::ProviderCatalog &catalog,
                           bool json) const
{
    if (json) {
        QJsonArray array;
        for (const core::ProviderProfile &profile : catalog.profiles())
            array.append(providerSummaryJson(profile));
        writeJson(context.out, array);
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const core::ProviderProfile &profile : catalog.profiles()) {
        const QString scheme = profile.signatureSchemes.isEmpty()
                                       ? u"unsigned"_s
                                       : core::nameOf(profile.signatureSchemes.first().family)
                                                 + (profile.signatureSchemes.size() > 1
                                                            ? u" (+%1)"_s.arg(
                                                                    profile.signatureSchemes.size()
                                                                    - 1)
                                                            : QString());
        rows.append({profile.id, profile.displayName, scheme, core::nameOf(profile.handshake.kind),
                     profile.oauth.present ? u"yes"_s : u"no"_s,
                     profile.origin == core::ProviderProfile::Origin::BuiltIn ? u"built-in"_s
                                                                              : u"user"_s});
    }
    writeTable(context.out,
               {u"ID"_s, u"NAME"_s, u"SIGNATURE"_s, u"HANDSHAKE"_s, u"OAUTH"_s, u"ORIGIN"_s}, rows);
    context.out.flush();
    return ExitOk;
}

int ProvidersCommand::show(CommandContext &context, const core::ProviderProfile &profile,
                           bool json) const
{
    if (json) {
        QJsonObject object = providerSummaryJson(profile);
        QFile file(profile.originPath);
        if (file.open(QIODevice::ReadOnly))
            object.insert(u"profile"_s, QJsonDocument::fromJson(file.readAll()).object());
        writeJson(context.out, object);
        return ExitOk;
    }
    QTextStream &out = context.out;
    out << profile.displayName << " (" << profile.id << ")\n";
    if (!profile.description.isEmpty())
        out << profile.description << "\n";
    out << "\nProfile:     " << profile.originPath
        << (profile.overridesBuiltIn ? u" (replaces the built-in one)"_s : QString()) << "\n";
    out << "Signature:   ";
    if (profile.signatureSchemes.isEmpty())
        out << "unsigned\n";
    for (qsizetype i = 0; i < profile.signatureSchemes.size(); ++i)
        out << (i ? u"             "_s : QString())
            << core::describe(profile.signatureSchemes.at(i)) << "\n";
    out << "Handshake:   " << core::nameOf(profile.handshake.kind)
        << (profile.handshake.requiresVerifiedSignature ? u" (signed requests only)"_s : QString())
        << "\n";
    out << "Identity:    " << joined(profile.identityFields) << "\n";
    out << "Event id:    " << joined(profile.eventIdFields) << "\n";
    out << "Event type:  " << joined(profile.eventTypeFields) << "\n";
    if (profile.oauth.present) {
        out << "OAuth:       authorize " << profile.oauth.authorizeUrl << "\n"
            << "             token     " << profile.oauth.tokenUrl << "\n";
        if (!profile.oauth.revokeUrl.isEmpty())
            out << "             revoke    " << profile.oauth.revokeUrl << "\n";
        out << "             PKCE " << core::nameOf(profile.oauth.pkce) << ", scopes "
            << (profile.oauth.defaultScopes.isEmpty()
                        ? u"none by default"_s
                        : profile.oauth.defaultScopes.join(profile.oauth.scopeSeparator))
            << "\n";
    } else {
        out << "OAuth:       none\n";
    }
    const core::RateLimitHeaders &limits = profile.rateLimits;
    QStringList limitFields;
    for (const QString &field : {limits.limitHeader, limits.remainingHeader, limits.resetHeader})
        if (!field.isEmpty())
            limitFields << field;
    out << "Rate limits: "
        << (limitFields.isEmpty() ? u"no limit headers"_s : limitFields.join(u", "_s))
        << (limits.resetUnit != core::RateLimitResetUnit::None
                    ? u" (reset in %1)"_s.arg(core::nameOf(limits.resetUnit))
                    : QString())
        << "\n";
    if (!limits.notes.isEmpty())
        out << "             " << limits.notes << "\n";
    if (!profile.retryPolicy.summary.isEmpty())
        out << "Its retries: " << profile.retryPolicy.summary << "\n";
    if (!profile.sources.isEmpty()) {
        out << "\nSources:\n";
        for (auto it = profile.sources.cbegin(); it != profile.sources.cend(); ++it)
            out << "  " << it.key() << ": " << it.value() << "\n";
    }
    out.flush();
    return ExitOk;
}

} // namespace wb::cli
