// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/masterkey.h"
#include "core/util/result.h"

#include <QFuture>
#include <QString>
#include <QUuid>

#include <memory>

namespace wb::core {

// Where a sealed workspace's master key may come from. Never from a command-line argument: the
// key itself is only ever read from a file (permissions 0600 enforced) or the OS keychain.
//
// Resolution order (the first source that is configured decides; a configured source that fails
// is reported, never skipped):
//  1. `keyFile`, when not empty (the CLI's --master-key-file, a GUI setting);
//  2. the file named by the environment variable WIREBENCH_MASTER_KEY_FILE, when set and not empty
//     and `useEnvironment`;
//  3. the workspace's entry in the OS keychain (KeychainSecretStore::masterKeyEntryName()), when
//     `useKeychain`.
struct MasterKeySource
{
    static constexpr char environmentVariable[] = "WIREBENCH_MASTER_KEY_FILE";

    QString keyFile;
    bool useEnvironment = true;
    bool useKeychain = true;
};

// The source a key was found in.
enum class MasterKeyOrigin {
    KeyFile,     // "key_file": MasterKeySource::keyFile
    Environment, // "environment": the file named by WIREBENCH_MASTER_KEY_FILE
    Keychain,    // "keychain": the workspace's keychain entry
};
QString nameOf(MasterKeyOrigin origin);

struct LoadedMasterKey
{
    std::shared_ptr<const MasterKey> key;
    MasterKeyOrigin origin = MasterKeyOrigin::KeyFile;
    QString location; // the key file's path, or the keychain entry's name
};

// Loads the master key of the workspace `workspaceId` from `source` (order above). Asynchronous
// only when the keychain is asked (QtKeychain over D-Bus): call it on a thread with an event loop
// (the main thread); the future completes there.
//
// Errors: those of MasterKey::fromFile (naming the file and, for a loose one, the chmod to run) and
// fromBytes; keychain errors other than "no entry"; `secrets.master_key_missing` when no source is
// configured or the keychain has no entry: the message names every place that was looked at and
// how to provide a key.
QFuture<Result<LoadedMasterKey>> loadMasterKey(const QUuid &workspaceId,
                                               const MasterKeySource &source);

// Stores `key` as the workspace's master key in the OS keychain (replacing an older one). Same
// thread rules as loadMasterKey.
QFuture<Result<void>> storeMasterKeyInKeychain(const QUuid &workspaceId, const MasterKey &key);

} // namespace wb::core
