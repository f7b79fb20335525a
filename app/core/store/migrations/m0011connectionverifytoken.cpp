// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 11: a connection's handshake verify token (Meta's hub.verify_token), which the
// engineer chooses when registering the callback URL and Meta sends back in the subscription
// check. It is not a signing secret (Meta signs with the app secret) and it travels in a URL
// query, so it is a setting, not a keychain secret.
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0011ConnectionVerifyToken()
{
    Migration migration;
    migration.version = 11;
    migration.description = u"a connection's handshake verify token"_s;
    migration.statements = {
            u"ALTER TABLE connections ADD COLUMN handshake_verify_token TEXT NOT NULL DEFAULT ''"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
