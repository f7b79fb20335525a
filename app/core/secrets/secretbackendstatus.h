// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QFuture>
#include <QString>

#include <optional>

namespace wb::core {

class Store;

// What a workspace's secrets look like, for `wirebench-cli secrets backend` and the Settings
// dialog. Counts only; never a value.
struct SecretBackendStatus
{
    QString backend;                     // the workspace record: "keychain" or "sealed"
    qint64 keychainReferences = 0;       // secret references whose value is in the keychain
    qint64 sealedReferences = 0;         // … in the sealed store
    qint64 sealedValues = 0;             // rows in sealed_secrets
    std::optional<QString> sealingKeyId; // the master key id the workspace recorded, if any
};

// Reads the status in one snapshot (a read job). The future completes on a reader thread.
QFuture<Result<SecretBackendStatus>> readSecretBackendStatus(Store &store);

} // namespace wb::core
