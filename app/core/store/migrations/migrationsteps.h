// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/migration.h"

// One function per migration, each in its own file (m<NNNN><name>.cpp), listed in order in
// migrationlist.cpp.
namespace wb::core::migrations {

Migration m0001Workspace();
Migration m0002Deliveries();         // app/core/dispatch: deliveries, delivery_attempts
Migration m0003DeliveryReplays();    // app/core/dispatch: deliveries.replay_count, …
Migration m0004DeliveryQueueIndex(); // app/core/dispatch: drops deliveries_state
Migration m0005InboundEvents();      // app/core/inbound: inbound_events
Migration m0006SealedSecrets();      // app/core/secrets: sealed_secrets, sealed_master_key
Migration m0007Schedules();        // app/core/schedule: schedules, schedule_runs, schedule_run_jobs
Migration m0008OAuthCredentials(); // app/core/oauth: oauth_credentials, oauth_refresh_leases
Migration m0009WebhookRegistrations();  // app/core/health: webhook_registrations
Migration m0010ScheduleCancellation();  // app/core/schedule: cancelling schedule runs
Migration m0011ConnectionVerifyToken(); // connections.handshake_verify_token
Migration m0012OAuthValidityChecks();   // app/core/oauth: oauth_validity_checks
Migration m0013AppCredentials();        // app/core/secrets: the app_credential kind of secret
Migration m0014ConnectionRateBuckets(); // app/core/dispatch: token buckets shared by workers

} // namespace wb::core::migrations
