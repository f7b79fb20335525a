// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretsoptions.h"

#include "output.h"

using namespace Qt::StringLiterals;

namespace wb::cli::secretsoptions {

const QCommandLineOption &masterKeyFileOption()
{
    static const QCommandLineOption
            option(u"master-key-file"_s,
                   u"The workspace's master key file (permissions 0600); default: "
                   u"$WIREBENCH_MASTER_KEY_FILE, else the keychain."_s,
                   u"file"_s);
    return option;
}

const QCommandLineOption &toOption()
{
    static const QCommandLineOption option(u"to"_s, u"migrate: the target backend."_s,
                                           u"sealed|keychain"_s);
    return option;
}

const QCommandLineOption &newKeyFileOption()
{
    static const QCommandLineOption
            option(u"new-key-file"_s, u"rotate-key: the new master key file (permissions 0600)."_s,
                   u"file"_s);
    return option;
}

const QCommandLineOption &connectionOption()
{
    static const QCommandLineOption option(u"connection"_s, u"set: the connection id."_s, u"id"_s);
    return option;
}

const QCommandLineOption &kindOption()
{
    static const QCommandLineOption
            option(u"kind"_s,
                   u"set: webhook (signing secret), client (OAuth client secret) or app (the "
                   u"app's credential for registration checks: a GitHub App private key, a "
                   u"HubSpot developer API key, a Slack app configuration token)."_s,
                   u"webhook|client|app"_s);
    return option;
}

const QCommandLineOption &slotOption()
{
    static const QCommandLineOption
            option(u"slot"_s,
                   u"set: primary (default) or secondary (webhook secrets, for rotation)."_s,
                   u"primary|secondary"_s, u"primary"_s);
    return option;
}

const QCommandLineOption &fromFileOption()
{
    static const QCommandLineOption
            option(u"from-file"_s,
                   u"set: read the secret from this file (default: standard input)."_s, u"file"_s);
    return option;
}

const QCommandLineOption &outOption()
{
    static const QCommandLineOption
            option(u"out"_s, u"generate-key: the new key file to create (permissions 0600)."_s,
                   u"file"_s);
    return option;
}

const QCommandLineOption &keychainOption()
{
    static const QCommandLineOption
            option(u"keychain"_s,
                   u"generate-key: store the new key as the workspace's keychain entry."_s);
    return option;
}

} // namespace wb::cli::secretsoptions
