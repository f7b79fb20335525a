// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretkey.h"

#include <QMetaType>
#include <QString>

namespace wb::core {

// Where a connection's secret lives; never the secret itself. The value is in the backend named
// here ("keychain": the OS keychain through QtKeychain; "sealed": ciphertext, issue 14) under
// `keyName`.
struct SecretReference
{
    SecretKey key;
    QString backend;
    QString keyName;
    qint64 createdAtMs = 0; // UTC ms, set by the store
    qint64 updatedAtMs = 0; // when the secret was last written

    bool operator==(const SecretReference &other) const = default;
};

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::SecretReference)
