// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 3: replaying dead-lettered, failed or cancelled deliveries. A replay gives the
// delivery a fresh retry budget (attempts and age count from the replay) while its attempt log
// keeps numbering on. Owned by app/core/dispatch (deliveryrepository.h).
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0003DeliveryReplays()
{
    Migration migration;
    migration.version = 3;
    migration.description = u"replays of outgoing deliveries"_s;
    migration.statements = {
            u"ALTER TABLE deliveries ADD COLUMN replay_count {{int64}} NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE deliveries ADD COLUMN attempts_before_replay {{int64}} NOT NULL "
            "DEFAULT 0"_s,
            u"ALTER TABLE deliveries ADD COLUMN replayed_at_ms {{ms}}"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
