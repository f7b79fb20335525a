// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretscommand.h"

#include "output.h"
#include "secretsoptions.h"
#include "workspacesession.h"

#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/masterkeyrotation.h"
#include "core/secrets/masterkeysource.h"
#include "core/secrets/secretbackendstatus.h"
#include "core/secrets/secretmigration.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/futures.h"
#include "core/util/workspacelocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wb::cli {

using namespace secretsoptions;

namespace {

core::MasterKeySource keySource(const QCommandLineParser &parser)
{
    core::MasterKeySource source;
    source.keyFile = parser.value(masterKeyFileOption());
    return source;
}

QJsonValue orNull(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

std::optional<core::SecretKind> kindFromOption(const QString &text)
{
    if (text == u"webhook")
        return core::SecretKind::WebhookSigningSecret;
    if (text == u"client")
        return core::SecretKind::OAuthClientSecret;
    if (text == u"app")
        return core::SecretKind::AppCredential;
    return std::nullopt;
}

// The key that `set` names, or why the options do not name one (checked before the workspace is
// opened, so a mistyped command touches nothing).
core::Result<core::SecretKey> keyFromOptions(const QCommandLineParser &parser)
{
    if (!parser.isSet(connectionOption()))
        return core::fail(u"cli.missing_option"_s, u"set needs --connection ID"_s);
    bool ok = false;
    const QString idText = parser.value(connectionOption());
    const qint64 connectionId = idText.toLongLong(&ok);
    if (!ok || connectionId < 1) {
        return core::fail(u"cli.invalid_id"_s,
                          u"--connection must be a whole number of 1 or more, got '%1'"_s.arg(
                                  idText));
    }
    if (!parser.isSet(kindOption()))
        return core::fail(u"cli.missing_option"_s, u"set needs --kind webhook|client|app"_s);
    const std::optional<core::SecretKind> kind = kindFromOption(parser.value(kindOption()));
    if (!kind) {
        return core::fail(u"cli.invalid_option"_s,
                          u"--kind must be webhook, client or app, got '%1'"_s.arg(
                                  parser.value(kindOption())));
    }
    const std::optional<core::SecretSlot> slot = core::secretSlotFromName(
            parser.value(slotOption()));
    if (!slot) {
        return core::fail(u"cli.invalid_option"_s,
                          u"--slot must be primary or secondary, got '%1'"_s.arg(
                                  parser.value(slotOption())));
    }
    const core::SecretKey key{connectionId, *kind, *slot};
    if (core::Result<void> valid = core::validateSecretKey(key); !valid)
        return core::fail(valid.error());
    return key;
}

// The secret from --from-file or stdin with one trailing "\n" or "\r\n" removed. An empty value
// is refused; an oversized one is returned (cut a few bytes past the limit) for the backend's own
// check (`secrets.invalid_value`).
core::Result<QByteArray> readSecretInput(const QString &path)
{
    QFile file;
    const QString source = path.isEmpty() ? u"stdin"_s : path;
    const bool opened = path.isEmpty() ? file.open(stdin, QIODevice::ReadOnly)
                                       : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        return core::fail(u"cli.unreadable_file"_s,
                          u"cannot read the secret from %1: %2"_s.arg(source, file.errorString()));
    }
    // A pipe delivers its data in pieces: read() returns what has arrived, nothing at the end.
    QByteArray value;
    const qsizetype limit = core::SecretStore::maxValueSize + 3;
    while (value.size() < limit) {
        const QByteArray piece = file.read(limit - value.size());
        if (piece.isEmpty())
            break;
        value += piece;
    }
    if (value.endsWith('\n'))
        value.chop(1);
    if (value.endsWith('\r'))
        value.chop(1);
    if (value.isEmpty()) {
        return core::fail(u"cli.empty_secret"_s,
                          u"the secret read from %1 is empty; nothing was stored"_s.arg(source));
    }
    return value;
}

} // namespace

SecretsCommand::SecretsCommand() = default;
SecretsCommand::~SecretsCommand() = default;

QString SecretsCommand::name() const
{
    return u"secrets"_s;
}

QString SecretsCommand::summary() const
{
    return u"The workspace's secrets: backend, set, migrate, rotate-key, generate-key."_s;
}

void SecretsCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s,
                                 u"backend | set | migrate | rotate-key | generate-key"_s,
                                 u"<action>"_s);
    for (const QCommandLineOption *option :
         {&jsonOption(), &masterKeyFileOption(), &toOption(), &newKeyFileOption(),
          &connectionOption(), &kindOption(), &slotOption(), &fromFileOption(), &outOption(),
          &keychainOption()}) {
        parser.addOption(*option);
    }
}

std::optional<int> SecretsCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    m_context = &context;
    m_json = parser.isSet(jsonOption());
    m_keyFileGiven = parser.isSet(masterKeyFileOption());
    const QStringList actions = parser.positionalArguments();
    m_action = actions.value(0);
    if (actions.size() == 1) {
        if (m_action == u"backend")
            return runBackend(parser);
        if (m_action == u"set")
            return runSet(parser);
        if (m_action == u"migrate")
            return runMigrate(parser);
        if (m_action == u"rotate-key")
            return runRotateKey(parser);
        if (m_action == u"generate-key")
            return runGenerateKey(parser);
    }
    m_action.clear();
    const QString available = u"backend, set, migrate, rotate-key, generate-key"_s;
    if (actions.isEmpty()) {
        return failWith(core::Error{u"cli.missing_action"_s,
                                    u"give an action (available: %1)"_s.arg(available)},
                        ExitUsage);
    }
    return failWith(core::Error{u"cli.unknown_action"_s,
                                u"unknown action '%1' (available: %2)"_s.arg(actions.join(u' '),
                                                                             available)},
                    ExitUsage);
}

bool SecretsCommand::openStore(const QString &createWithBackend)
{
    const QString path = m_context->workspacePath;
    if (createWithBackend.isEmpty() && !WorkspaceSession::workspaceExists(path)) {
        failWith(WorkspaceSession::noWorkspaceError(path), ExitRuntime);
        return false;
    }
    core::StoreOptions options;
    if (!createWithBackend.isEmpty())
        options.secretBackendForNewWorkspace = createWithBackend;
    // Creates the default workspace's folder when a fresh user has none yet.
    core::Result<std::unique_ptr<core::Store>> opened
            = core::openDefaultWorkspace(core::StoreServices{core::SystemClock::instance()}, path,
                                         options);
    if (!opened) {
        failWith(opened.error(), ExitRuntime);
        return false;
    }
    m_store = std::move(*opened);
    return true;
}

int SecretsCommand::failWith(const core::Error &error, int exitCode)
{
    const QString command = m_action.isEmpty() ? u"secrets"_s : u"secrets "_s + m_action;
    return reportError(m_context->err, m_json ? &m_context->out : nullptr, command, error, exitCode);
}

void SecretsCommand::exitWith(int code)
{
    m_context->out.flush();
    m_context->err.flush();
    // Queued: a continuation on a future that was already finished runs at once, maybe before
    // run() returned and the event loop started, when exit() would be lost.
    QMetaObject::invokeMethod(
            QCoreApplication::instance(), [code] { QCoreApplication::exit(code); },
            Qt::QueuedConnection);
}

int SecretsCommand::keyErrorExitCode(const core::Error &error) const
{
    const bool fileProblem = error.code == u"secrets.master_key_unreadable"_s
                             || error.code == u"secrets.master_key_permissions"_s
                             || error.code == u"secrets.invalid_master_key"_s;
    return fileProblem && m_keyFileGiven ? ExitUsage : ExitRuntime;
}

// --- backend ---------------------------------------------------------------------------------

std::optional<int> SecretsCommand::runBackend(const QCommandLineParser &parser)
{
    if (!openStore())
        return ExitRuntime;
    const core::MasterKeySource source = keySource(parser);
    core::whenFinished(
            core::readSecretBackendStatus(*m_store), this,
            [this, source](const core::Result<core::SecretBackendStatus> &status) {
                if (!status) {
                    exitWith(failWith(status.error(), ExitRuntime));
                    return;
                }
                QJsonObject report{{u"workspace"_s, m_store->location()},
                                   {u"backend"_s, status->backend},
                                   {u"references"_s,
                                    QJsonObject{{u"keychain"_s, status->keychainReferences},
                                                {u"sealed"_s, status->sealedReferences}}},
                                   {u"sealed_values"_s, status->sealedValues},
                                   {u"master_key"_s, QJsonValue(QJsonValue::Null)}};
                QTextStream &out = m_context->out;
                // Copied into the key's continuation: no reference to this handler's locals.
                const auto printCommon = [this, counts = *status] {
                    m_context->out << "workspace: " << m_store->location() << "\n"
                                   << "backend: " << counts.backend << "\n"
                                   << "secrets: " << counts.keychainReferences
                                   << " in the keychain, " << counts.sealedReferences
                                   << " sealed\n";
                };
                if (status->backend != u"sealed"_s) {
                    if (m_json) {
                        writeJson(out, report);
                    } else {
                        printCommon();
                        out.flush();
                    }
                    exitWith(ExitOk);
                    return;
                }
                const std::optional<QString> recorded = status->sealingKeyId;
                core::whenFinished(
                        core::loadMasterKey(m_store->workspaceInfo().workspaceId, source), this,
                        [this, report, recorded,
                         printCommon](const core::Result<core::LoadedMasterKey> &key) mutable {
                            QTextStream &out = m_context->out;
                            if (!key) {
                                report[u"master_key"_s]
                                        = QJsonObject{{u"available"_s, false},
                                                      {u"workspace_key_id"_s, orNull(recorded)},
                                                      {u"error"_s,
                                                       QJsonObject{{u"code"_s, key.error().code},
                                                                   {u"message"_s,
                                                                    key.error().message}}}};
                                if (m_json) {
                                    writeJson(out, report);
                                } else {
                                    printCommon();
                                    out << "master key: not available\n";
                                    out.flush();
                                }
                                m_context->err
                                        << "wirebench-cli secrets backend: " << key.error().message
                                        << "\n";
                                exitWith(ExitRuntime);
                                return;
                            }
                            const QString keyId = key->key->keyId();
                            const bool matches = !recorded || *recorded == keyId;
                            report[u"master_key"_s]
                                    = QJsonObject{{u"available"_s, true},
                                                  {u"source"_s, core::nameOf(key->origin)},
                                                  {u"location"_s, key->location},
                                                  {u"key_id"_s, keyId},
                                                  {u"workspace_key_id"_s, orNull(recorded)},
                                                  {u"matches"_s, matches}};
                            if (m_json) {
                                writeJson(out, report);
                            } else {
                                printCommon();
                                out << "master key: " << key->key->origin() << "\n"
                                    << "master key id: " << keyId << "\n"
                                    << "workspace key id: "
                                    << recorded.value_or(u"(none recorded yet)"_s) << "\n";
                                out.flush();
                            }
                            if (!matches) {
                                m_context->err
                                        << "wirebench-cli secrets backend: the master key from "
                                        << key->key->origin() << " (" << keyId
                                        << ") is not the workspace's key (" << *recorded << ")\n";
                                exitWith(ExitRuntime);
                                return;
                            }
                            exitWith(ExitOk);
                        });
            });
    return std::nullopt;
}

// --- set -------------------------------------------------------------------------------------

std::optional<int> SecretsCommand::runSet(const QCommandLineParser &parser)
{
    const core::Result<core::SecretKey> checked = keyFromOptions(parser);
    if (!checked)
        return failWith(checked.error(), ExitUsage);
    const core::SecretKey key = *checked;
    if (parser.isSet(fromFileOption()) && !QFile::exists(parser.value(fromFileOption()))) {
        return failWith(core::Error{u"cli.unreadable_file"_s,
                                    u"cannot read the secret from %1: no such file"_s.arg(
                                            parser.value(fromFileOption()))},
                        ExitUsage);
    }
    if (!parser.isSet(fromFileOption()) && ::isatty(STDIN_FILENO)) {
        m_context->err << "Reading the secret from standard input; end it with Ctrl-D.\n";
        m_context->err.flush();
    }
    core::Result<QByteArray> value = readSecretInput(parser.value(fromFileOption()));
    if (!value)
        return failWith(value.error(), ExitUsage);
    if (!openStore())
        return ExitRuntime;

    core::whenFinished(
            core::openSecretStore(*m_store, keySource(parser)), this,
            [this, key, value = *value](const core::Result<core::OpenedSecretStore> &opened) {
                if (!opened) {
                    exitWith(failWith(opened.error(), keyErrorExitCode(opened.error())));
                    return;
                }
                m_secrets = opened->secrets;
                auto *secrets = new core::ConnectionSecrets(*m_store, *m_secrets);
                m_work.reset(secrets);
                const qsizetype bytes = value.size();
                core::whenFinished(
                        secrets->put(key, value), this,
                        [this, bytes](const core::Result<core::SecretReference> &stored) {
                            if (!stored) {
                                exitWith(failWith(stored.error(), exitCodeFor(stored.error())));
                                return;
                            }
                            if (m_json) {
                                const QJsonObject what{{u"connection_id"_s,
                                                        stored->key.connectionId},
                                                       {u"kind"_s, core::nameOf(stored->key.kind)},
                                                       {u"slot"_s, core::nameOf(stored->key.slot)},
                                                       {u"backend"_s, stored->backend},
                                                       {u"bytes"_s, bytes},
                                                       {u"updated_at"_s,
                                                        rfc3339Utc(stored->updatedAtMs)}};
                                writeJson(m_context->out, QJsonObject{{u"stored"_s, what}});
                            } else {
                                const QString where = stored->backend == u"keychain"_s
                                                              ? u"keychain"_s
                                                              : u"workspace's sealed store"_s;
                                m_context->out << "Stored the " << core::describe(stored->key)
                                               << " (" << bytes << " bytes) in the " << where
                                               << ".\n";
                            }
                            exitWith(ExitOk);
                        });
            });
    return std::nullopt;
}

} // namespace wb::cli
