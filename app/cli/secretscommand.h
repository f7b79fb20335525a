// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include "core/util/result.h"

#include <QObject>

#include <memory>

namespace wb::core {
class SecretStore;
class Store;
struct SecretMigrationReport;
} // namespace wb::core

namespace wb::cli {

// `wirebench-cli secrets <action>`: the workspace's secret backend (installer/wirebench-cli.1).
//   backend [--master-key-file F] [--json]
//       The backend the workspace uses, how many secrets each backend holds, and for a sealed
//       workspace where the master key comes from and whether it is the workspace's key.
//   set --connection ID --kind webhook|client [--slot primary|secondary] [--from-file F]
//       Stores a webhook signing secret or an OAuth client secret read from F or standard input
//       (never from an argument); one trailing newline is dropped.
//   migrate --to sealed|keychain [--master-key-file F] [--json]
//       Moves every secret to the other backend (core/secrets/secretmigration.h).
//   rotate-key --new-key-file F [--master-key-file F] [--json]
//       Re-seals every secret under the key in F, in one transaction.
//   generate-key (--out F | --keychain) [--json]
//       Creates a new master key: a new file with permissions 0600, or the workspace's keychain
//       entry.
// The master key of a sealed workspace: --master-key-file, else $WIREBENCH_MASTER_KEY_FILE, else
// the keychain (core/secrets/masterkeysource.h). Exit codes: 0 done; 2 bad arguments or an
// unreadable file named by an option; 3 the workspace, the keychain or the master key failed.
class SecretsCommand final : public QObject, public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretsCommand)

public:
    SecretsCommand();
    ~SecretsCommand() override;

    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) override;

private:
    std::optional<int> runBackend(const QCommandLineParser &parser);
    std::optional<int> runSet(const QCommandLineParser &parser);
    std::optional<int> runMigrate(const QCommandLineParser &parser);
    std::optional<int> runRotateKey(const QCommandLineParser &parser);
    std::optional<int> runGenerateKey(const QCommandLineParser &parser);

    // Opens the workspace (which must exist unless `createWithBackend` names the backend of a new
    // one). Reports the error and returns false when it cannot.
    bool openStore(const QString &createWithBackend = {});
    // Reports `error` (exit code by its kind) and ends the event loop with it.
    int failWith(const core::Error &error, int exitCode);
    void exitWith(int code);
    // The exit code for a master-key error: 2 when the key file was named on the command line.
    int keyErrorExitCode(const core::Error &error) const;
    void printMigrationReport(const core::SecretMigrationReport &report);

    CommandContext *m_context = nullptr;
    QString m_action;
    bool m_json = false;
    bool m_keyFileGiven = false;
    // Destroyed in reverse order: the operation, the backend, then the store.
    std::unique_ptr<core::Store> m_store;
    std::shared_ptr<core::SecretStore> m_secrets;
    std::unique_ptr<QObject> m_work; // the running operation (ConnectionSecrets, SecretMigration)
};

} // namespace wb::cli
