// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/masterkeysource.h"

#include "core/secrets/keychainsecretstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// lupdate reads the context from the class, so German finds these strings at run time.
class SourceText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::MasterKeySource)
};

// A keychain store that outlives its own job callbacks: deleted later, on its thread.
std::shared_ptr<KeychainSecretStore> temporaryKeychain(const QUuid &workspaceId)
{
    return std::shared_ptr<KeychainSecretStore>(new KeychainSecretStore(workspaceId),
                                                [](KeychainSecretStore *store) {
                                                    store->deleteLater();
                                                });
}

Result<LoadedMasterKey> fromFile(const QString &path, MasterKeyOrigin origin, const QString &namedBy)
{
    Result<std::shared_ptr<const MasterKey>> key = MasterKey::fromFile(path, namedBy);
    if (!key)
        return fail(key.error());
    return LoadedMasterKey{*key, origin, path};
}

} // namespace

QString nameOf(MasterKeyOrigin origin)
{
    switch (origin) {
    case MasterKeyOrigin::KeyFile:
        return u"key_file"_s;
    case MasterKeyOrigin::Environment:
        return u"environment"_s;
    case MasterKeyOrigin::Keychain:
        return u"keychain"_s;
    }
    Q_UNREACHABLE();
    return {};
}

QFuture<Result<LoadedMasterKey>> loadMasterKey(const QUuid &workspaceId,
                                               const MasterKeySource &source)
{
    if (!source.keyFile.isEmpty()) {
        return QtFuture::makeReadyFuture(
                fromFile(source.keyFile, MasterKeyOrigin::KeyFile, QString()));
    }
    const QString environmentFile = qEnvironmentVariable(MasterKeySource::environmentVariable);
    if (source.useEnvironment && !environmentFile.isEmpty()) {
        return QtFuture::makeReadyFuture(
                fromFile(environmentFile, MasterKeyOrigin::Environment,
                         QString::fromLatin1(MasterKeySource::environmentVariable)));
    }
    const QString lookedAt = source.useEnvironment
                                     ? SourceText::tr("no key file was given and %1 is not set")
                                               .arg(QString::fromLatin1(
                                                       MasterKeySource::environmentVariable))
                                     : SourceText::tr("no key file was given");
    const QString howTo
            = SourceText::tr("Name a key file (permissions 0600) with %1 or --master-key-file; "
                             "create one with 'wirebench-cli secrets generate-key --out FILE'.")
                      .arg(QString::fromLatin1(MasterKeySource::environmentVariable));
    if (!source.useKeychain) {
        return QtFuture::makeReadyFuture(Result<LoadedMasterKey>(
                fail(u"secrets.master_key_missing"_s,
                     SourceText::tr("No master key for this workspace's sealed secrets: %1. %2")
                             .arg(lookedAt, howTo))));
    }

    std::shared_ptr<KeychainSecretStore> keychain = temporaryKeychain(workspaceId);
    const QString entry = keychain->masterKeyEntryName();
    // No context object: the keychain finishes its jobs on the main thread, and `keychain` (deleted
    // later, never inside its own slot) lives as long as this continuation.
    return keychain->readMasterKey().then([keychain, entry, lookedAt,
                                           howTo](const Result<QByteArray> &stored)
                                                  -> Result<LoadedMasterKey> {
        if (!stored) {
            QString why;
            if (stored.error().code == u"secrets.not_found"_s) {
                why = SourceText::tr("the keychain has no entry %1").arg(entry);
            } else if (stored.error().code == u"secrets.keychain_unavailable"_s) {
                const QString reason = KeychainSecretStore::unavailabilityReason();
                why = SourceText::tr("the keychain cannot be reached (%1)")
                              .arg(reason.isEmpty() ? stored.error().message : reason);
            } else {
                why = SourceText::tr("the keychain could not be asked (%1)")
                              .arg(stored.error().message);
            }
            return fail(u"secrets.master_key_missing"_s,
                        SourceText::tr("No master key for this workspace's sealed secrets: %1, and "
                                       "%2. %3")
                                .arg(lookedAt, why, howTo));
        }
        Result<std::shared_ptr<const MasterKey>> key
                = MasterKey::fromBytes(*stored, SourceText::tr("the keychain entry %1").arg(entry));
        if (!key)
            return fail(key.error());
        return LoadedMasterKey{*key, MasterKeyOrigin::Keychain, entry};
    });
}

QFuture<Result<void>> storeMasterKeyInKeychain(const QUuid &workspaceId, const MasterKey &key)
{
    std::shared_ptr<KeychainSecretStore> keychain = temporaryKeychain(workspaceId);
    // QtKeychain takes the key as a QByteArray (ordinary memory), as it does every secret.
    return keychain->writeMasterKey(key.rawKey().toByteArray())
            .then([keychain](const Result<void> &done) { return done; }); // keeps it alive
}

} // namespace wb::core
