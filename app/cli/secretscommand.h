// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordcommand.h"

#include <QByteArray>

#include <memory>

namespace wb::core {
class ConnectionSecrets;
class SecretStore;
} // namespace wb::core

namespace wb::cli {

// `wirebench-cli secrets set --connection ID --kind webhook|client [--slot primary|secondary]
//  [--from-file F] [--json]`: stores a connection's webhook signing secret or OAuth client secret
// in the workspace's secret backend (the keychain). The value is read from F, or from stdin when
// --from-file is not given, never from an argument (arguments land in shell history and in
// `ps`). One trailing line break ("\n" or "\r\n") is dropped, as `echo` and editors add one.
// The secondary slot (webhook secrets only) holds the new secret during a rotation.
// JSON: {"stored": {"connection_id", "kind", "slot", "backend", "bytes"}}; never the value.
// Exit 0 stored; 2 refused input (unknown connection, unreadable or empty file, value too long,
// secondary slot for a client secret); 3 keychain or workspace failure.
class SecretsCommand final : public RecordCommand
{
public:
    SecretsCommand();
    ~SecretsCommand() override;

    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;

protected:
    QStringList actions() const override;
    int argumentCount(const QString &action) const override;
    core::Result<void> checkArguments(const QString &action, const QStringList &arguments,
                                      const QCommandLineParser &parser) const override;
    void runAction(const QString &action, const QStringList &arguments,
                   const QCommandLineParser &parser) override;

private:
    std::unique_ptr<core::SecretStore> m_backend;
    std::unique_ptr<core::ConnectionSecrets> m_secrets;
};

} // namespace wb::cli
