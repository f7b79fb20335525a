// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/masterkey.h"
#include "core/util/result.h"

#include <QFuture>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace wb::core {

class KeychainSecretStore;
class Store;

struct SecretMigrationProgress
{
    enum class Stage {
        Reading,    // a value was read from the source backend (done of total)
        Writing,    // a value was written to the keychain and read back (to keychain only)
        Committed,  // the transaction that moved the references and switched the backend committed
        CleaningUp, // a leftover keychain copy was deleted (to sealed only)
    };
    Stage stage = Stage::Reading;
    int done = 0;
    int total = 0;
};
// "reading", "writing", "committed", "cleaning_up".
QString nameOf(SecretMigrationProgress::Stage stage);

struct SecretMigrationReport
{
    QString from;                  // the workspace's backend before
    QString to;                    // and after
    int moved = 0;                 // secrets moved across
    int cleanedUp = 0;             // keychain copies deleted after a move to sealed
    QStringList droppedReferences; // describe(key) of references whose value was already gone
    QStringList warnings;          // cleanup steps that failed (a re-run finishes them)
};

// Moves every secret of a workspace between the keychain and the sealed backend, and switches the
// workspace's recorded backend (WorkspaceInfo::secretBackend).
//
// How, and why nothing is lost or exposed:
//  1. Every value to move is read from its current backend into memory: keychain values through
//     QtKeychain, sealed ones opened with the master key. A value that cannot be read (keychain
//     unavailable, wrong master key, tampered ciphertext) stops the migration before anything
//     changed; the error names the secret.
//  2. To keychain only: each value is written to the keychain and read back. The database still
//     refers to the sealed copies, so an interruption here changes nothing (a re-run overwrites
//     the keychain copies).
//  3. One write transaction moves everything: to sealed, it seals each value and stores the
//     ciphertext; to keychain, it deletes the ciphertexts and the recorded key id; either way it
//     repoints every secret reference and switches the workspace's backend. Before that it checks
//     that no secret changed since step 1 (`secrets.migration_conflict` otherwise: run again).
//     So the switch commits with the last secret's write, and the workspace is never half moved.
//  4. To sealed only: the keychain copies are deleted. A failure here is only a warning (the copy
//     sits in the encrypted keychain); re-running the migration on the sealed workspace deletes
//     the leftovers (which is also how an interrupted run is finished).
// A value is never written to disk in plain text: it is in memory, the keychain or sealed.
// References whose value is already missing from the backend are dropped (reported), since
// there is nothing to move. Migrating to the backend the workspace already uses moves whatever
// was left behind and cleans up.
//
// Other processes holding the workspace open keep their old backend: their writes then fail with
// `secrets.backend_mismatch` until they restart. Stop workers before migrating.
//
// Thread: the thread that owns `store` (the keychain's jobs need its event loop). Futures and
// progress callbacks run there. `store` must outlive this object.
class SecretMigration final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretMigration)

public:
    using ProgressCallback = std::function<void(const SecretMigrationProgress &)>;

    // `masterKey`: the workspace's master key, needed to seal (to sealed) or to open sealed
    // values (to keychain); without one, such a migration fails with
    // `secrets.master_key_missing`. May be null for a keychain workspace staying on the keychain.
    SecretMigration(Store &store, std::shared_ptr<const MasterKey> masterKey,
                    QObject *parent = nullptr);
    ~SecretMigration() override;

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }

    // `target`: "keychain" or "sealed" (`secrets.invalid_backend` otherwise). One migration at a
    // time per object.
    QFuture<Result<SecretMigrationReport>> migrateTo(const QString &target);

private:
    struct State;
    void readNext(const std::shared_ptr<State> &state, qsizetype index);
    void writeNext(const std::shared_ptr<State> &state, qsizetype index);
    void commit(const std::shared_ptr<State> &state);
    void cleanUpNext(const std::shared_ptr<State> &state, qsizetype index);
    void report(const SecretMigrationProgress::Stage stage, int done, int total) const;

    Store &m_store;
    std::shared_ptr<const MasterKey> m_masterKey;
    KeychainSecretStore *m_keychain = nullptr; // child
    ProgressCallback m_progress;
};

} // namespace wb::core
