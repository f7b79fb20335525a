// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/memorysecretstore.h"

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace wb::test {

QString MemorySecretStore::backendName() const
{
    return u"keychain"_s;
}

QString MemorySecretStore::keyName(const SecretKey &key) const
{
    return u"mem/%1/%2/%3"_s.arg(key.connectionId).arg(nameOf(key.kind), nameOf(key.slot));
}

QFuture<Result<void>> MemorySecretStore::write(const SecretKey &key, const QByteArray &value)
{
    values.insert(keyName(key), value);
    return QtFuture::makeReadyFuture(Result<void>());
}

QFuture<Result<QByteArray>> MemorySecretStore::read(const SecretKey &key)
{
    const auto found = values.constFind(keyName(key));
    if (found == values.cend()) {
        return QtFuture::makeReadyFuture(
                Result<QByteArray>(fail(u"secrets.not_found"_s, u"not in memory"_s)));
    }
    return QtFuture::makeReadyFuture(Result<QByteArray>(*found));
}

QFuture<Result<void>> MemorySecretStore::remove(const SecretKey &key)
{
    values.remove(keyName(key));
    return QtFuture::makeReadyFuture(Result<void>());
}

} // namespace wb::test
