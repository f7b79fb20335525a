// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/masterkeycheck.h"

#include "core/secrets/sealedsecretrepository.h"
#include "core/store/store.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QFuture<Result<LoadedMasterKey>> MasterKeyCheck::checkKeyFile(Store &store, const QString &path)
{
    if (path.trimmed().isEmpty()) {
        return QtFuture::makeReadyFuture(Result<LoadedMasterKey>(
                fail(u"secrets.master_key_missing"_s, tr("Choose the workspace's key file."))));
    }
    return store.read([path](SqlSession &session) -> Result<LoadedMasterKey> {
        auto key = MasterKey::fromFile(path);
        if (!key)
            return fail(key.error());
        if (auto same = SealedSecretRepository::checkKey(session, **key); !same)
            return fail(same.error());
        return LoadedMasterKey{*key, MasterKeyOrigin::KeyFile, path};
    });
}

bool MasterKeyCheck::isKeyProblem(const Error &error)
{
    static const QStringList codes{u"secrets.master_key_missing"_s,
                                   u"secrets.master_key_unreadable"_s,
                                   u"secrets.master_key_permissions"_s,
                                   u"secrets.invalid_master_key"_s, u"secrets.wrong_master_key"_s};
    return codes.contains(error.code);
}

} // namespace wb::core
