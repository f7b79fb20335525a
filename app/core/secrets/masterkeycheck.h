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

// A key file a person chooses for a sealed workspace (the GUI's MasterKeyDialog), checked before
// anything uses it. Opening the secrets checks the key the same way (openSecretStore, through
// SealedSecretRepository::checkKey).
class MasterKeyCheck final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::MasterKeyCheck)

public:
    // Reads the key file at `path` (MasterKey::fromFile: permissions 0600 enforced) and checks it
    // is the workspace's key (SealedSecretRepository::checkKey); the key loaded, with origin KeyFile and the path as its location. Errors:
    // fromFile's (`secrets.master_key_unreadable`, `secrets.master_key_permissions` with the chmod
    // to run, `secrets.invalid_master_key`, each naming the file), `secrets.master_key_missing`
    // for an empty path, `secrets.wrong_master_key`. Nothing is written.
    static QFuture<Result<LoadedMasterKey>> checkKeyFile(Store &store, const QString &path);

    // True for the errors a person fixes by giving the key (missing, unreadable, loose
    // permissions, malformed, or another key): the GUI then asks for the key file.
    static bool isKeyProblem(const Error &error);
};

} // namespace wb::core
