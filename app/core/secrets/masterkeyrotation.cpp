// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/masterkeyrotation.h"

#include "core/secrets/connectionsecrets.h"
#include "core/secrets/sealedsecretrepository.h"
#include "core/store/store.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// lupdate reads the context from the class, so German finds these strings at run time.
class RotationText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::MasterKeyRotation)
};

Result<KeyRotationReport> rotate(SqlSession &session, const QUuid &workspaceId,
                                 const MasterKey &oldKey, const MasterKey &newKey,
                                 const KeyRotationProgress &progress)
{
    if (Result<void> sealed = requireWorkspaceBackend(session, u"sealed"_s); !sealed) {
        return fail(
                u"secrets.not_sealed"_s,
                RotationText::tr(
                        "This workspace keeps its secrets in the keychain, so there is no master "
                        "key to rotate."));
    }
    if (oldKey.keyId() == newKey.keyId()) {
        return fail(u"secrets.same_master_key"_s,
                    RotationText::tr(
                            "The new master key (from %1) is the key in use (%2); rotate to a new "
                            "key.")
                            .arg(newKey.origin(), oldKey.keyId()));
    }
    if (Result<void> current = SealedSecretRepository::requireKey(session, oldKey); !current)
        return fail(current.error());
    Result<QList<SealedRow>> rows = SealedSecretRepository::list(session);
    if (!rows)
        return fail(rows.error());
    const int total = int(rows->size());
    if (progress)
        progress(0, total);
    KeyRotationReport report;
    report.oldKeyId = oldKey.keyId();
    report.newKeyId = newKey.keyId();
    for (const SealedRow &row : std::as_const(*rows)) {
        Result<QByteArray> value = Sealing::open(oldKey, workspaceId, row.key, row.value);
        if (!value) {
            Error error = value.error();
            error.message += u' '
                             + RotationText::tr(
                                     "No secret was re-sealed; the old key stays in use.");
            return fail(error);
        }
        Result<SealedValue> resealed = Sealing::seal(newKey, workspaceId, row.key, *value);
        value->fill('\0');
        if (!resealed)
            return fail(resealed.error());
        if (Result<void> put = SealedSecretRepository::put(session, row.key, *resealed); !put)
            return fail(put.error());
        ++report.resealed;
        if (progress)
            progress(report.resealed, total);
    }
    if (Result<void> recorded = SealedSecretRepository::recordKeyId(session, newKey.keyId());
        !recorded) {
        return fail(recorded.error());
    }
    return report;
}

} // namespace

QFuture<Result<KeyRotationReport>> rotateMasterKey(Store &store,
                                                   std::shared_ptr<const MasterKey> oldKey,
                                                   std::shared_ptr<const MasterKey> newKey,
                                                   KeyRotationProgress progress)
{
    Q_ASSERT(oldKey && newKey);
    return store.write([workspaceId = store.workspaceInfo().workspaceId, oldKey, newKey,
                        progress](SqlSession &session) {
        return rotate(session, workspaceId, *oldKey, *newKey, progress);
    });
}

} // namespace wb::core
