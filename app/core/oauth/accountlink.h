// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/identitymapping.h"
#include "core/util/result.h"

#include <QFuture>

namespace wb::core {

class Store;

// After a connection was authorized: records, in the identity mapping, that the provider's
// external account `accountId` (Slack team id, Salesforce organization id, Microsoft tenant id…)
// belongs to the connection's tenant, through this connection. In one write transaction:
//  - no mapping for (provider, account) yet → one is added;
//  - a mapping to the same tenant → it is pointed at this connection;
//  - a mapping to another tenant → error `store.identity_mapping_conflict`, naming that tenant,
//    and nothing changes (the same external account cannot belong to two tenants).
// Errors also: `store.unknown_connection`, `oauth.account_id_missing` (empty `accountId`).
QFuture<Result<IdentityMapping>> linkAuthorizedAccount(Store &store, qint64 connectionId,
                                                       const QString &accountId);

} // namespace wb::core
