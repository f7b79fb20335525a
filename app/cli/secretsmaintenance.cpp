// SPDX-License-Identifier: GPL-3.0-or-later
// `wirebench-cli secrets migrate | rotate-key | generate-key` (see secretscommand.h).
#include "output.h"
#include "secretscommand.h"
#include "secretsoptions.h"

#include "core/secrets/masterkeyrotation.h"
#include "core/secrets/masterkeysource.h"
#include "core/secrets/secretbackendstatus.h"
#include "core/secrets/secretmigration.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wb::cli {

using namespace secretsoptions;

namespace {} // namespace

// --- migrate ---------------------------------------------------------------------------------

void SecretsCommand::printMigrationReport(const core::SecretMigrationReport &report)
{
    for (const QString &warning : report.warnings)
        m_context->err << "wirebench-cli secrets migrate: warning: " << warning << "\n";
    m_context->err.flush();
    if (m_json) {
        writeJson(m_context->out,
                  QJsonObject{{u"from"_s, report.from},
                              {u"to"_s, report.to},
                              {u"moved"_s, report.moved},
                              {u"cleaned_up"_s, report.cleanedUp},
                              {u"dropped_references"_s,
                               QJsonArray::fromStringList(report.droppedReferences)},
                              {u"warnings"_s, QJsonArray::fromStringList(report.warnings)}});
        return;
    }
    QTextStream &out = m_context->out;
    if (report.moved == 0 && report.from == report.to)
        out << "nothing to move\n";
    else
        out << "moved " << report.moved << (report.moved == 1 ? " secret" : " secrets")
            << " from the " << report.from << " backend to the " << report.to << " backend\n";
    if (report.cleanedUp > 0)
        out << "deleted " << report.cleanedUp << " keychain copies of sealed secrets\n";
    for (const QString &dropped : report.droppedReferences)
        out << "dropped the reference to the " << dropped << " (its value was already gone)\n";
    out << "the workspace keeps its secrets in the " << report.to << " backend\n";
    out.flush();
}

std::optional<int> SecretsCommand::runMigrate(const QCommandLineParser &parser)
{
    const QString target = parser.value(toOption());
    if (target != u"sealed"_s && target != u"keychain"_s) {
        return failWith(core::Error{u"cli.invalid_option"_s,
                                    u"--to must be sealed or keychain, got '%1'"_s.arg(target)},
                        ExitUsage);
    }
    // A workspace that does not exist yet is created with the target backend.
    if (!openStore(QFileInfo::exists(m_context->workspacePath) ? QString() : target))
        return ExitRuntime;

    auto migrate = [this, target](std::shared_ptr<const core::MasterKey> key) {
        auto *migration = new core::SecretMigration(*m_store, std::move(key));
        m_work.reset(migration);
        core::whenFinished(migration->migrateTo(target), this,
                           [this](const core::Result<core::SecretMigrationReport> &report) {
                               if (!report) {
                                   exitWith(failWith(report.error(),
                                                     keyErrorExitCode(report.error())));
                                   return;
                               }
                               printMigrationReport(*report);
                               exitWith(ExitOk);
                           });
    };
    const bool needsKey = target == u"sealed"_s
                          || m_store->workspaceInfo().secretBackend == u"sealed"_s;
    if (!needsKey) {
        migrate(nullptr);
        return std::nullopt;
    }
    core::whenFinished(core::loadMasterKey(m_store->workspaceInfo().workspaceId,
                                           core::MasterKeySource{
                                                   parser.value(masterKeyFileOption())}),
                       this, [this, migrate](const core::Result<core::LoadedMasterKey> &key) {
                           if (!key) {
                               exitWith(failWith(key.error(), keyErrorExitCode(key.error())));
                               return;
                           }
                           migrate(key->key);
                       });
    return std::nullopt;
}

// --- rotate-key ------------------------------------------------------------------------------

std::optional<int> SecretsCommand::runRotateKey(const QCommandLineParser &parser)
{
    if (!parser.isSet(newKeyFileOption()))
        return failWith(core::Error{u"cli.missing_option"_s,
                                    u"rotate-key needs --new-key-file FILE"_s},
                        ExitUsage);
    core::Result<std::shared_ptr<const core::MasterKey>> newKey
            = core::MasterKey::fromFile(parser.value(newKeyFileOption()), u"--new-key-file"_s);
    if (!newKey)
        return failWith(newKey.error(), ExitUsage);
    if (!openStore())
        return ExitRuntime;
    if (m_store->workspaceInfo().secretBackend != u"sealed"_s) {
        return failWith(core::Error{u"secrets.not_sealed"_s,
                                    u"this workspace keeps its secrets in the keychain, so there "
                                    u"is no master key to rotate"_s},
                        ExitUsage);
    }
    const QString newKeyFile = parser.value(newKeyFileOption());
    core::whenFinished(
            core::loadMasterKey(m_store->workspaceInfo().workspaceId,
                                core::MasterKeySource{parser.value(masterKeyFileOption())}),
            this,
            [this, newKey = *newKey, newKeyFile](const core::Result<core::LoadedMasterKey> &oldKey) {
                if (!oldKey) {
                    exitWith(failWith(oldKey.error(), keyErrorExitCode(oldKey.error())));
                    return;
                }
                const bool inKeychain = oldKey->origin == core::MasterKeyOrigin::Keychain;
                core::whenFinished(
                        core::rotateMasterKey(*m_store, oldKey->key, newKey), this,
                        [this, newKey, newKeyFile,
                         inKeychain](const core::Result<core::KeyRotationReport> &rotated) {
                            if (!rotated) {
                                const QString code = rotated.error().code;
                                const bool usageError = code == u"secrets.same_master_key"_s;
                                exitWith(failWith(rotated.error(),
                                                  usageError ? ExitUsage : ExitRuntime));
                                return;
                            }
                            const auto finish = [this, rotated = *rotated, newKeyFile,
                                                 inKeychain](bool keychainUpdated) {
                                if (m_json) {
                                    writeJson(m_context->out,
                                              QJsonObject{{u"resealed"_s, rotated.resealed},
                                                          {u"old_key_id"_s, rotated.oldKeyId},
                                                          {u"new_key_id"_s, rotated.newKeyId},
                                                          {u"keychain_updated"_s, keychainUpdated}});
                                } else {
                                    m_context->out << "re-sealed " << rotated.resealed
                                                   << " secrets under the master key "
                                                   << rotated.newKeyId << " (was "
                                                   << rotated.oldKeyId << ")\n";
                                    if (keychainUpdated) {
                                        m_context->out << "the keychain now holds the new master "
                                                          "key\n";
                                    } else if (!inKeychain) {
                                        m_context->out
                                                << "from now on use the key file " << newKeyFile
                                                << " (WIREBENCH_MASTER_KEY_FILE or "
                                                   "--master-key-file); the old key no longer "
                                                   "opens the secrets\n";
                                    }
                                    m_context->out.flush();
                                }
                                exitWith(ExitOk);
                            };
                            if (!inKeychain) {
                                finish(false);
                                return;
                            }
                            core::whenFinished(
                                    core::storeMasterKeyInKeychain(m_store->workspaceInfo()
                                                                           .workspaceId,
                                                                   *newKey),
                                    this,
                                    [this, finish, newKeyFile](const core::Result<void> &stored) {
                                        if (!stored) {
                                            core::Error error = stored.error();
                                            error.message
                                                    += u" The secrets are sealed under the key in "
                                                       u"%1 now: keep that file and use "
                                                       u"--master-key-file %1."_s.arg(newKeyFile);
                                            exitWith(failWith(error, ExitRuntime));
                                            return;
                                        }
                                        finish(true);
                                    });
                        });
            });
    return std::nullopt;
}

// --- generate-key ----------------------------------------------------------------------------

std::optional<int> SecretsCommand::runGenerateKey(const QCommandLineParser &parser)
{
    const bool toFile = parser.isSet(outOption());
    if (toFile == parser.isSet(keychainOption()))
        return failWith(core::Error{u"cli.missing_option"_s,
                                    u"generate-key needs exactly one of --out FILE and --keychain"_s},
                        ExitUsage);
    if (toFile) {
        const QString path = parser.value(outOption());
        const std::shared_ptr<const core::MasterKey> key = core::MasterKey::generate(u"a new key"_s);
        if (core::Result<void> written = key->writeNewKeyFile(path); !written)
            return failWith(written.error(), ExitUsage);
        if (m_json) {
            writeJson(m_context->out, QJsonObject{{u"key_id"_s, key->keyId()}, {u"file"_s, path}});
        } else {
            m_context->out << "wrote a new master key (id " << key->keyId() << ") to " << path
                           << " (permissions 0600)\n";
            m_context->out.flush();
        }
        return ExitOk;
    }

    if (!openStore())
        return ExitRuntime;
    const QUuid workspaceId = m_store->workspaceInfo().workspaceId;
    auto onExisting = [this, workspaceId](const core::Result<core::LoadedMasterKey> &existing) {
        if (existing) {
            exitWith(failWith(core::Error{u"secrets.master_key_exists"_s,
                                          u"the keychain already holds the master key "
                                          u"%1 for this workspace"_s.arg(existing->key->keyId())},
                              ExitRuntime));
            return;
        }
        if (existing.error().code != u"secrets.master_key_missing"_s) {
            exitWith(failWith(existing.error(), ExitRuntime));
            return;
        }
        const std::shared_ptr<const core::MasterKey> key = core::MasterKey::generate(u"a new key"_s);
        core::whenFinished(core::storeMasterKeyInKeychain(workspaceId, *key), this,
                           [this, key](const core::Result<void> &stored) {
                               if (!stored) {
                                   exitWith(failWith(stored.error(), ExitRuntime));
                                   return;
                               }
                               if (m_json) {
                                   writeJson(m_context->out, QJsonObject{{u"key_id"_s, key->keyId()},
                                                                         {u"keychain"_s, true}});
                               } else {
                                   m_context->out << "stored a new master key (id " << key->keyId()
                                                  << ") in the keychain for this workspace\n";
                                   m_context->out.flush();
                               }
                               exitWith(ExitOk);
                           });
    };
    core::whenFinished(
            core::readSecretBackendStatus(*m_store), this,
            [this, workspaceId, onExisting](const core::Result<core::SecretBackendStatus> &status) {
                if (!status) {
                    onExisting(core::Result<core::LoadedMasterKey>(core::fail(status.error())));
                    return;
                }
                if (status->sealingKeyId) {
                    onExisting(core::Result<core::LoadedMasterKey>(core::fail(
                            u"secrets.master_key_exists"_s,
                            u"this workspace's secrets are sealed with the master key %1; a new "
                            u"key would not open them (use 'secrets rotate-key' to change keys)"_s
                                    .arg(*status->sealingKeyId))));
                    return;
                }
                core::MasterKeySource keychainOnly;
                keychainOnly.useEnvironment = false;
                core::whenFinished(core::loadMasterKey(workspaceId, keychainOnly), this, onExisting);
            });
    return std::nullopt;
}

} // namespace wb::cli
