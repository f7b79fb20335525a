// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/secretstorefactory.h"

#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/sealedsecretrepository.h"
#include "core/secrets/sealedsecretstore.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QCoreApplication>
#include <QPromise>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// lupdate reads the context from the class, so German finds these strings at run time.
class FactoryText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SecretStoreFactory)
};

} // namespace

Result<std::shared_ptr<SecretStore>> createSecretStore(Store &store,
                                                       std::shared_ptr<const MasterKey> masterKey)
{
    const WorkspaceInfo &workspace = store.workspaceInfo();
    if (workspace.secretBackend == u"keychain"_s)
        return std::shared_ptr<SecretStore>(new KeychainSecretStore(workspace.workspaceId));
    if (workspace.secretBackend == u"sealed"_s) {
        if (!masterKey) {
            return fail(u"secrets.master_key_missing"_s,
                        FactoryText::tr(
                                "This workspace keeps its secrets sealed, and no master key was "
                                "loaded for it."));
        }
        return std::shared_ptr<SecretStore>(new SealedSecretStore(store, std::move(masterKey)));
    }
    return fail(
            u"secrets.backend_unavailable"_s,
            FactoryText::tr(
                    "This workspace keeps its secrets in the \"%1\" backend, which this version of "
                    "Wirebench does not provide.")
                    .arg(workspace.secretBackend));
}

QFuture<Result<OpenedSecretStore>> openSecretStore(Store &store, const MasterKeySource &source)
{
    if (store.workspaceInfo().secretBackend != u"sealed"_s) {
        Result<std::shared_ptr<SecretStore>> created = createSecretStore(store);
        if (!created)
            return QtFuture::makeReadyFuture(Result<OpenedSecretStore>(fail(created.error())));
        return QtFuture::makeReadyFuture(
                Result<OpenedSecretStore>(OpenedSecretStore{*created, std::nullopt}));
    }
    auto promise = std::make_shared<QPromise<Result<OpenedSecretStore>>>();
    promise->start();
    QFuture<Result<OpenedSecretStore>> opened = promise->future();
    // If the store goes first, the promise is dropped and `opened` ends cancelled.
    const auto finish = [promise](Result<OpenedSecretStore> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    whenFinished(loadMasterKey(store.workspaceInfo().workspaceId, source), &store,
                 [&store, finish](const Result<LoadedMasterKey> &loaded) {
                     if (!loaded)
                         return finish(fail(loaded.error()));
                     // Another workspace's key would fail every read later, one webhook or
                     // delivery at a time: refuse it here, once, for every front end.
                     whenFinished(store.read([key = loaded->key](SqlSession &session) {
                         return SealedSecretRepository::checkKey(session, *key);
                     }),
                                  &store,
                                  [&store, finish, loaded = *loaded](const Result<void> &same) {
                                      if (!same)
                                          return finish(fail(same.error()));
                                      Result<std::shared_ptr<SecretStore>> created
                                              = createSecretStore(store, loaded.key);
                                      if (!created)
                                          return finish(fail(created.error()));
                                      finish(OpenedSecretStore{*created, loaded});
                                  });
                 });
    return opened;
}

} // namespace wb::core
