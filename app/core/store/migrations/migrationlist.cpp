// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/migrations/migrationsteps.h"

namespace wb::core {

const QList<Migration> &workspaceMigrations()
{
    // Append new migrations at the end; never reorder or edit landed ones.
    static const QList<Migration> migrations = {
            migrations::m0001Workspace(),
            migrations::m0002Deliveries(),
            migrations::m0003DeliveryReplays(),
            migrations::m0004DeliveryQueueIndex(),
            migrations::m0005InboundEvents(),
            migrations::m0006SealedSecrets(),
            migrations::m0007Schedules(),
            migrations::m0008OAuthCredentials(),
            migrations::m0009WebhookRegistrations(),
            migrations::m0010ScheduleCancellation(),
            migrations::m0011ConnectionVerifyToken(),
            migrations::m0012OAuthValidityChecks(),
            migrations::m0013AppCredentials(),
            migrations::m0014ConnectionRateBuckets(),
    };
    return migrations;
}

int latestSchemaVersion()
{
    return workspaceMigrations().constLast().version;
}

} // namespace wb::core
