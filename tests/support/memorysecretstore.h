// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretstore.h"

#include <QMap>

namespace wb::test {

// A secret backend that keeps values in a map, for tests that need a ConnectionSecrets without a
// keychain: it calls itself "keychain" (values never in the workspace), names keys
// "mem/<connection>/<kind>/<slot>", and its futures are ready at once. A missing value is
// `secrets.not_found`. Main thread.
class MemorySecretStore final : public core::SecretStore
{
public:
    QMap<QString, QByteArray> values; // by keyName()

    QString backendName() const override;
    QString keyName(const core::SecretKey &key) const override;
    QFuture<core::Result<void>> write(const core::SecretKey &key, const QByteArray &value) override;
    QFuture<core::Result<QByteArray>> read(const core::SecretKey &key) override;
    QFuture<core::Result<void>> remove(const core::SecretKey &key) override;
};

} // namespace wb::test
