// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/postgres/postgresconnection.h"
#include "core/util/result.h"

#include <QString>

#include <optional>

namespace wb::core {

// The password of a PostgreSQL workspace kept in the OS keychain through QtKeychain (Secret
// Service over D-Bus on Linux, Keychain on macOS, Credential Manager on Windows), for users who
// keep it out of the URL (process lists) and out of the password file. Entries live under the
// service "wirebench" with the key "database/" + PostgresLocation::display(), e.g.
// "database/postgresql://alice@db.example.com:5432/wirebench": one per user, host, port and
// database, so a password is never offered to another server. Never falls back to plain text.
//
// Where a workspace's password comes from, in order (openWorkspace): the URL; libpq's password
// file ($PGPASSFILE, default ~/.pgpass); this entry, asked only when the server refused a login
// without a password.
//
// Every function blocks the calling thread with a local event loop until the keychain answers, at
// most `timeoutMs` (QtKeychain's jobs are asynchronous). Meant for the command line and for
// opening a workspace, which block anyway; the calling thread needs a QCoreApplication.
// Errors: `store.keychain_failed` with QtKeychain's reason (no Secret Service on the session bus,
// the keyring locked, the timeout).
class WorkspacePassword final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::WorkspacePassword)

public:
    static constexpr int kDefaultTimeoutMs = 15'000;

    // "database/postgresql://user@host:port/database".
    static QString entryName(const PostgresLocation &location);
    // The stored password, or std::nullopt when there is no entry for this location.
    static Result<std::optional<QString>> read(const PostgresLocation &location,
                                               int timeoutMs = kDefaultTimeoutMs);
    // Stores `password` (non-empty, else `store.bad_password`) for `location`, replacing an older
    // one.
    static Result<void> write(const PostgresLocation &location, const QString &password,
                              int timeoutMs = kDefaultTimeoutMs);
    // Removes the entry. Returns false when there was none.
    static Result<bool> remove(const PostgresLocation &location, int timeoutMs = kDefaultTimeoutMs);
};

} // namespace wb::core
