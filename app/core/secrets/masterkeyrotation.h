// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/masterkey.h"
#include "core/util/result.h"

#include <QFuture>

#include <functional>
#include <memory>

namespace wb::core {

class Store;

struct KeyRotationReport
{
    int resealed = 0;
    QString oldKeyId;
    QString newKeyId;
};

// Called on the store's writer thread, inside the rotation's transaction, after each secret was
// re-sealed (done of total; done = 0 before the first). Must not block for long: it holds the
// workspace's write lock.
using KeyRotationProgress = std::function<void(int done, int total)>;

// Re-seals every sealed secret of the workspace under `newKey`, in one write job (one
// transaction): each value is opened with `oldKey` and sealed again with a new nonce under
// `newKey`, and the workspace's recorded key id becomes newKey's. Either all of it commits or none
// of it does, so after a crash (kill -9 included) every secret is readable under exactly one of
// the two keys: the old one before the commit, the new one after.
//
// Errors (nothing changed): `secrets.not_sealed` (the workspace uses the keychain),
// `secrets.same_master_key`, `secrets.wrong_master_key` (oldKey is not the workspace's key, or a
// secret was sealed under another key), `secrets.tampered` (a secret fails authentication: the
// message names it; store it again or remove it, then rotate), `store.*`.
//
// Other processes still holding the old key get `secrets.wrong_master_key` from then on: restart
// them with the new key. Thread: any; the future completes on the writer thread.
QFuture<Result<KeyRotationReport>> rotateMasterKey(Store &store,
                                                   std::shared_ptr<const MasterKey> oldKey,
                                                   std::shared_ptr<const MasterKey> newKey,
                                                   KeyRotationProgress progress = {});

} // namespace wb::core
