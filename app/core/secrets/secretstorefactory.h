// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/masterkeysource.h"
#include "core/secrets/secretstore.h"
#include "core/util/result.h"

#include <QFuture>

#include <memory>
#include <optional>

namespace wb::core {

class Store;

// The SecretStore that a workspace's record (WorkspaceInfo::secretBackend) asks for:
//  - "keychain": a KeychainSecretStore keyed by the workspace id (`masterKey` is not used);
//  - "sealed": a SealedSecretStore on `store` with `masterKey`; `secrets.master_key_missing` when
//    it is null (load it with loadMasterKey, or use openSecretStore).
// `secrets.backend_unavailable` for any other name. Call on the thread that owns `store` (a
// keychain store lives there). `store` must outlive the returned object's jobs.
Result<std::shared_ptr<SecretStore>> createSecretStore(
        Store &store, std::shared_ptr<const MasterKey> masterKey = {});

struct OpenedSecretStore
{
    std::shared_ptr<SecretStore> secrets;
    std::optional<LoadedMasterKey> masterKey; // set for a sealed workspace: where the key came from
};

// For a sealed workspace, loads its master key from `source` (masterkeysource.h) and creates the
// store; for a keychain workspace, creates it at once. Call on the main thread (the keychain needs
// its event loop); the future completes there. Errors: those of loadMasterKey and
// createSecretStore, and `secrets.wrong_master_key` when the key is not the one the workspace's
// secrets are sealed with (SealedSecretRepository::checkKey, one read). Nothing is written.
QFuture<Result<OpenedSecretStore>> openSecretStore(Store &store, const MasterKeySource &source = {});

} // namespace wb::core
