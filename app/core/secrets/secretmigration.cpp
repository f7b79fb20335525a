// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/secretmigration.h"

#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/sealedsecretrepository.h"
#include "core/store/secretreferencerepository.h"
#include "core/store/store.h"
#include "core/store/workspacerepository.h"
#include "core/util/futures.h"

#include <QPromise>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

const QString keychainName = u"keychain"_s;
const QString sealedName = u"sealed"_s;

struct Snapshot
{
    WorkspaceInfo workspace;
    QList<SecretReference> references;
    QHash<QString, SealedValue> sealed; // by keychain-style key name
};

QString rowKey(const SecretKey &key)
{
    return u"%1/%2/%3"_s.arg(key.connectionId).arg(nameOf(key.kind), nameOf(key.slot));
}

Result<Snapshot> readSnapshot(SqlSession &session)
{
    Snapshot snapshot;
    Result<WorkspaceInfo> workspace = WorkspaceRepository::get(session);
    if (!workspace)
        return fail(workspace.error());
    snapshot.workspace = *workspace;
    Result<QSqlQuery> connections = session.exec(
            u"SELECT DISTINCT connection_id FROM secret_references ORDER BY connection_id"_s);
    if (!connections)
        return fail(connections.error());
    QList<qint64> ids;
    while (connections->next())
        ids << connections->value(0).toLongLong();
    for (qint64 id : std::as_const(ids)) {
        Result<QList<SecretReference>> references = SecretReferenceRepository::list(session, id);
        if (!references)
            return fail(references.error());
        snapshot.references << *references;
    }
    Result<QList<SealedRow>> rows = SealedSecretRepository::list(session);
    if (!rows)
        return fail(rows.error());
    for (const SealedRow &row : std::as_const(*rows))
        snapshot.sealed.insert(rowKey(row.key), row.value);
    return snapshot;
}

Error conflict(const SecretKey &key)
{
    return Error{u"secrets.migration_conflict"_s,
                 SecretMigration::tr("The %1 changed while the secrets were being moved; nothing "
                                     "was moved. Run the migration again (ideally with the "
                                     "workers stopped).")
                         .arg(describe(key))};
}

Error missingKey()
{
    return Error{u"secrets.master_key_missing"_s,
                 SecretMigration::tr("Moving secrets to or from the sealed backend needs the "
                                     "workspace's master key, and none was loaded.")};
}

} // namespace

QString nameOf(SecretMigrationProgress::Stage stage)
{
    switch (stage) {
    case SecretMigrationProgress::Stage::Reading:
        return u"reading"_s;
    case SecretMigrationProgress::Stage::Writing:
        return u"writing"_s;
    case SecretMigrationProgress::Stage::Committed:
        return u"committed"_s;
    case SecretMigrationProgress::Stage::CleaningUp:
        return u"cleaning_up"_s;
    }
    Q_UNREACHABLE();
    return {};
}

struct SecretMigration::State
{
    struct Item
    {
        SecretReference reference;         // as read in step 1
        std::optional<SealedValue> sealed; // its ciphertext, when it is sealed
        QByteArray value;
        bool dangling = false; // the backend has no value for it
    };

    QString target;
    QString source; // the workspace's backend in step 1
    QUuid workspaceId;
    QList<Item> items;          // to move
    QList<SecretKey> leftovers; // sealed secrets whose keychain copy may remain (to sealed)
    SecretMigrationReport report;
    QPromise<Result<SecretMigrationReport>> promise;

    void finish(Result<SecretMigrationReport> outcome)
    {
        // Plaintexts leave memory as soon as the outcome is known.
        for (Item &item : items)
            item.value.fill('\0');
        promise.addResult(std::move(outcome));
        promise.finish();
    }
};

SecretMigration::SecretMigration(Store &store, std::shared_ptr<const MasterKey> masterKey,
                                 QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_masterKey(std::move(masterKey))
    , m_keychain(new KeychainSecretStore(store.workspaceInfo().workspaceId, this))
{}

SecretMigration::~SecretMigration() = default;

void SecretMigration::report(const SecretMigrationProgress::Stage stage, int done, int total) const
{
    if (m_progress)
        m_progress(SecretMigrationProgress{stage, done, total});
}

QFuture<Result<SecretMigrationReport>> SecretMigration::migrateTo(const QString &target)
{
    auto state = std::make_shared<State>();
    state->promise.start();
    QFuture<Result<SecretMigrationReport>> future = state->promise.future();
    state->target = target;
    if (target != keychainName && target != sealedName) {
        state->finish(fail(u"secrets.invalid_backend"_s,
                           tr("Unknown secret backend \"%1\"; expected \"keychain\" or "
                              "\"sealed\".")
                                   .arg(target)));
        return future;
    }
    if (!m_masterKey && target == sealedName) {
        state->finish(fail(missingKey()));
        return future;
    }

    whenFinished(m_store.read([](SqlSession &session) { return readSnapshot(session); }), this,
                 [this, state](const Result<Snapshot> &snapshot) {
                     if (!snapshot) {
                         state->finish(fail(snapshot.error()));
                         return;
                     }
                     state->source = snapshot->workspace.secretBackend;
                     state->workspaceId = snapshot->workspace.workspaceId;
                     state->report.from = state->source;
                     state->report.to = state->target;
                     for (const SecretReference &reference : snapshot->references) {
                         if (reference.backend == state->target) {
                             if (state->target == sealedName)
                                 state->leftovers << reference.key;
                             continue;
                         }
                         State::Item item;
                         item.reference = reference;
                         const auto sealed = snapshot->sealed.constFind(rowKey(reference.key));
                         if (sealed != snapshot->sealed.cend())
                             item.sealed = *sealed;
                         state->items << item;
                     }
                     readNext(state, 0);
                 });
    return future;
}

void SecretMigration::readNext(const std::shared_ptr<State> &state, qsizetype index)
{
    const int total = int(state->items.size());
    for (; index < state->items.size(); ++index) {
        State::Item &item = state->items[index];
        if (item.reference.backend == sealedName) {
            if (!item.sealed) {
                item.dangling = true;
            } else if (!m_masterKey) {
                state->finish(fail(missingKey()));
                return;
            } else {
                Result<QByteArray> opened = Sealing::open(*m_masterKey, state->workspaceId,
                                                          item.reference.key, *item.sealed);
                if (!opened) {
                    Error error = opened.error();
                    error.message += u' ' + tr("Nothing was moved.");
                    state->finish(fail(error));
                    return;
                }
                item.value = *opened;
            }
            report(SecretMigrationProgress::Stage::Reading, int(index) + 1, total);
            continue;
        }
        if (item.reference.backend != keychainName) {
            state->finish(fail(u"secrets.backend_unavailable"_s,
                               tr("The %1 is kept in the unknown backend \"%2\"; nothing was "
                                  "moved.")
                                       .arg(describe(item.reference.key), item.reference.backend)));
            return;
        }
        // The keychain answers asynchronously: continue from its answer.
        whenFinished(m_keychain->read(item.reference.key), this,
                     [this, state, index, total](const Result<QByteArray> &value) {
                         State::Item &item = state->items[index];
                         if (value) {
                             item.value = *value;
                         } else if (value.error().code == u"secrets.not_found"_s) {
                             item.dangling = true;
                         } else {
                             Error error = value.error();
                             error.message += u' ' + tr("Nothing was moved.");
                             state->finish(fail(error));
                             return;
                         }
                         report(SecretMigrationProgress::Stage::Reading, int(index) + 1, total);
                         readNext(state, index + 1);
                     });
        return;
    }
    writeNext(state, 0);
}

void SecretMigration::writeNext(const std::shared_ptr<State> &state, qsizetype index)
{
    if (state->target != keychainName) {
        commit(state);
        return;
    }
    while (index < state->items.size() && state->items.at(index).dangling)
        ++index;
    if (index >= state->items.size()) {
        commit(state);
        return;
    }
    const SecretKey key = state->items.at(index).reference.key;
    auto checked = [this, state, index](const Result<QByteArray> &readBack) {
        const State::Item &item = state->items.at(index);
        if (!readBack || *readBack != item.value) {
            Error error = readBack ? Error{u"secrets.backend_error"_s,
                                           tr("The keychain returned another value for "
                                              "the %1 than was written.")
                                                   .arg(describe(item.reference.key))}
                                   : readBack.error();
            error.message += u' '
                             + tr("Nothing was moved; the workspace still uses "
                                  "its sealed secrets.");
            state->finish(fail(error));
            return;
        }
        report(SecretMigrationProgress::Stage::Writing, int(index) + 1, int(state->items.size()));
        writeNext(state, index + 1);
    };
    // Each value is read back before the next one is written: the keychain must hold it.
    whenFinished(m_keychain->write(key, state->items.at(index).value), this,
                 [this, key, checked](const Result<void> &written) {
                     if (!written) {
                         checked(Result<QByteArray>(fail(written.error())));
                         return;
                     }
                     whenFinished(m_keychain->read(key), this, checked);
                 });
}

void SecretMigration::commit(const std::shared_ptr<State> &state)
{
    struct Move
    {
        SecretReference before;
        std::optional<SealedValue> sealed;
        QByteArray value;
        bool dangling = false;
        QString newKeyName;
    };
    QList<Move> moves;
    for (const State::Item &item : std::as_const(state->items)) {
        moves << Move{item.reference, item.sealed, item.value, item.dangling,
                      m_keychain->keyName(item.reference.key)};
    }
    // Both backends name a secret "workspace/<uuid>/connection/<id>/<kind>/<slot>".
    whenFinished(m_store.write([moves, masterKey = m_masterKey, workspaceId = state->workspaceId,
                                source = state->source, target = state->target](
                                       SqlSession &session) -> Result<SecretMigrationReport> {
        SecretMigrationReport outcome;
        if (Result<void> unchanged = requireWorkspaceBackend(session, source); !unchanged)
            return fail(unchanged.error());
        if (target == sealedName) {
            if (Result<void> key = SealedSecretRepository::requireKey(session, *masterKey); !key) {
                return fail(key.error());
            }
        }
        for (const Move &move : moves) {
            const SecretKey &key = move.before.key;
            Result<std::optional<SecretReference>> now = SecretReferenceRepository::find(session,
                                                                                         key);
            if (!now)
                return fail(now.error());
            if (!*now || (*now)->backend != move.before.backend
                || (*now)->updatedAtMs != move.before.updatedAtMs) {
                return fail(conflict(key));
            }
            Result<std::optional<SealedValue>> sealedNow = SealedSecretRepository::find(session,
                                                                                        key);
            if (!sealedNow)
                return fail(sealedNow.error());
            if (move.sealed && (!*sealedNow || (*sealedNow)->nonce != move.sealed->nonce))
                return fail(conflict(key));
            if (move.dangling) {
                if (Result<bool> dropped = SecretReferenceRepository::remove(session, key);
                    !dropped) {
                    return fail(dropped.error());
                }
                outcome.droppedReferences << describe(key);
                continue;
            }
            if (target == sealedName) {
                Result<SealedValue> sealed = Sealing::seal(*masterKey, workspaceId, key, move.value);
                if (!sealed)
                    return fail(sealed.error());
                if (Result<void> put = SealedSecretRepository::put(session, key, *sealed); !put) {
                    return fail(put.error());
                }
            } else if (Result<bool> removed = SealedSecretRepository::remove(session, key);
                       !removed) {
                return fail(removed.error());
            }
            SecretReference after = move.before;
            after.backend = target;
            after.keyName = move.newKeyName;
            if (Result<SecretReference> repointed = SecretReferenceRepository::put(session, after);
                !repointed) {
                return fail(repointed.error());
            }
            ++outcome.moved;
        }
        if (target == keychainName) {
            Result<qint64> remaining = SealedSecretRepository::count(session);
            if (!remaining)
                return fail(remaining.error());
            if (*remaining == 0) {
                if (Result<void> cleared = SealedSecretRepository::clearKeyId(session); !cleared) {
                    return fail(cleared.error());
                }
            }
        }
        Result<WorkspaceInfo> switched = WorkspaceRepository::setSecretBackend(session, target);
        if (!switched)
            return fail(switched.error());
        return outcome;
    }),
                 this, [this, state](const Result<SecretMigrationReport> &committed) {
                     if (!committed) {
                         Error error = committed.error();
                         if (state->target == keychainName
                             && error.code != u"secrets.migration_conflict"_s)
                             error.message += u' ' + tr("Nothing was moved.");
                         state->finish(fail(error));
                         return;
                     }
                     state->report.moved = committed->moved;
                     state->report.droppedReferences = committed->droppedReferences;
                     report(SecretMigrationProgress::Stage::Committed, committed->moved,
                            int(state->items.size()));
                     if (state->target == sealedName) {
                         for (const State::Item &item : std::as_const(state->items)) {
                             if (!item.dangling)
                                 state->leftovers << item.reference.key;
                         }
                     }
                     cleanUpNext(state, 0);
                 });
}

void SecretMigration::cleanUpNext(const std::shared_ptr<State> &state, qsizetype index)
{
    if (state->target != sealedName || index >= state->leftovers.size()) {
        state->finish(state->report);
        return;
    }
    const SecretKey key = state->leftovers.at(index);
    // Deleting an entry that is not there succeeds; only real deletions are counted.
    auto cleanedUp = [this, state, index, key](const Result<bool> &removed) {
        if (!removed) {
            state->report.warnings
                    << tr("The keychain copy of the %1 could not be deleted (%2); run the "
                          "migration again to finish cleaning up.")
                               .arg(describe(key), removed.error().message);
        } else if (*removed) {
            ++state->report.cleanedUp;
        }
        report(SecretMigrationProgress::Stage::CleaningUp, int(index) + 1,
               int(state->leftovers.size()));
        cleanUpNext(state, index + 1);
    };
    whenFinished(m_keychain->read(key), this,
                 [this, key, cleanedUp](const Result<QByteArray> &present) {
                     if (!present && present.error().code == u"secrets.not_found"_s) {
                         cleanedUp(Result<bool>(false));
                         return;
                     }
                     whenFinished(m_keychain->remove(key), this,
                                  [cleanedUp](const Result<void> &removed) {
                                      cleanedUp(removed ? Result<bool>(true)
                                                        : Result<bool>(fail(removed.error())));
                                  });
                 });
}

} // namespace wb::core
