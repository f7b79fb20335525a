// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/masterkey.h"
#include "core/secrets/masterkeysource.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QFuture>

#include <memory>

namespace wb::core {

class Store;

// Whether a master key is the one a sealed workspace's secrets are sealed with, before anything
// uses it: opening a sealed workspace with another key would fail every read (webhooks not
// verified, deliveries without credentials) instead of saying so once.
class MasterKeyCheck final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::MasterKeyCheck)

public:
    // Compares `key` with the key id the workspace recorded (sealed_master_key). A workspace that
    // recorded none yet (nothing sealed so far) accepts any key. Error `secrets.wrong_master_key`
    // naming both key ids and where `key` came from; the store's errors. A read job: the future
    // completes on a reader thread. `store` must outlive it.
    static QFuture<Result<void>> verify(Store &store, std::shared_ptr<const MasterKey> key);

    // Reads the key file at `path` (MasterKey::fromFile: permissions 0600 enforced) and verifies
    // it as above; the key loaded, with origin KeyFile and the path as its location. Errors:
    // fromFile's (`secrets.master_key_unreadable`, `secrets.master_key_permissions` with the chmod
    // to run, `secrets.invalid_master_key`, each naming the file), `secrets.master_key_missing`
    // for an empty path, `secrets.wrong_master_key`. Nothing is written.
    static QFuture<Result<LoadedMasterKey>> checkKeyFile(Store &store, const QString &path);

    // True for the errors a person fixes by giving the key (missing, unreadable, loose
    // permissions, malformed, or another key): the GUI then asks for the key file.
    static bool isKeyProblem(const Error &error);
};

} // namespace wb::core
