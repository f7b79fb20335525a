// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretscommand.h"

#include "output.h"

#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretkey.h"
#include "core/secrets/secretstore.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

const QCommandLineOption &connectionOption()
{
    static const QCommandLineOption option(u"connection"_s, u"The connection (required)."_s,
                                           u"id"_s);
    return option;
}

const QCommandLineOption &kindOption()
{
    static const QCommandLineOption option(
            u"kind"_s,
            u"webhook: the webhook signing secret; client: the OAuth client secret (required)."_s,
            u"kind"_s);
    return option;
}

const QCommandLineOption &slotOption()
{
    static const QCommandLineOption
            option(u"slot"_s,
                   u"primary (default) or secondary: the new webhook secret during a rotation."_s,
                   u"slot"_s, u"primary"_s);
    return option;
}

const QCommandLineOption &fromFileOption()
{
    static const QCommandLineOption option(u"from-file"_s,
                                           u"Read the secret from this file (default: from stdin)."_s,
                                           u"path"_s);
    return option;
}

std::optional<core::SecretKind> kindFromOption(const QString &text)
{
    if (text == u"webhook")
        return core::SecretKind::WebhookSigningSecret;
    if (text == u"client")
        return core::SecretKind::OAuthClientSecret;
    return std::nullopt;
}

// The value with one trailing "\n" or "\r\n" removed.
QByteArray withoutTrailingLineBreak(QByteArray value)
{
    if (value.endsWith('\n'))
        value.chop(1);
    if (value.endsWith('\r'))
        value.chop(1);
    return value;
}

core::Result<QByteArray> readValue(const QCommandLineParser &parser)
{
    QFile file;
    QString source;
    if (parser.isSet(fromFileOption())) {
        source = parser.value(fromFileOption());
        file.setFileName(source);
        if (!file.open(QIODevice::ReadOnly)) {
            return core::fail(u"cli.unreadable_file"_s,
                              u"cannot read the secret from %1: %2"_s.arg(source,
                                                                          file.errorString()));
        }
    } else {
        source = u"stdin"_s;
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            return core::fail(u"cli.unreadable_file"_s,
                              u"cannot read the secret from stdin: %1"_s.arg(file.errorString()));
        }
    }
    // Read until the end, but at most a few bytes more than a backend keeps, so an oversized
    // value is refused (by the backend's check) rather than cut. A pipe delivers its data in
    // pieces: read() returns what has arrived, 0 at the end.
    QByteArray raw;
    const qsizetype limit = core::SecretStore::maxValueSize + 3;
    while (raw.size() < limit) {
        const QByteArray piece = file.read(limit - raw.size());
        if (piece.isEmpty())
            break;
        raw += piece;
    }
    const QByteArray value = withoutTrailingLineBreak(raw);
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
    return u"Store a connection's webhook signing secret or OAuth client secret."_s;
}

void SecretsCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s, u"set"_s, u"set"_s);
    parser.addOption(connectionOption());
    parser.addOption(kindOption());
    parser.addOption(slotOption());
    parser.addOption(fromFileOption());
    parser.addOption(jsonOption());
}

QStringList SecretsCommand::actions() const
{
    return {u"set"_s};
}

int SecretsCommand::argumentCount(const QString &) const
{
    return 0;
}

core::Result<void> SecretsCommand::checkArguments(const QString &, const QStringList &,
                                                  const QCommandLineParser &parser) const
{
    if (!parser.isSet(connectionOption()))
        return core::fail(u"cli.missing_option"_s, u"set needs --connection ID"_s);
    if (auto id = parseId(parser.value(connectionOption()), u"--connection"_s); !id)
        return core::fail(id.error());
    if (!parser.isSet(kindOption()))
        return core::fail(u"cli.missing_option"_s, u"set needs --kind webhook|client"_s);
    if (!kindFromOption(parser.value(kindOption()))) {
        return core::fail(u"cli.invalid_option"_s,
                          u"--kind must be webhook or client, got '%1'"_s.arg(
                                  parser.value(kindOption())));
    }
    const auto slot = core::secretSlotFromName(parser.value(slotOption()));
    if (!slot) {
        return core::fail(u"cli.invalid_option"_s,
                          u"--slot must be primary or secondary, got '%1'"_s.arg(
                                  parser.value(slotOption())));
    }
    const core::SecretKey key{*parseId(parser.value(connectionOption()), {}),
                              *kindFromOption(parser.value(kindOption())), *slot};
    if (auto valid = core::validateSecretKey(key); !valid)
        return core::fail(valid.error());
    if (parser.isSet(fromFileOption()) && !QFile::exists(parser.value(fromFileOption()))) {
        return core::fail(u"cli.unreadable_file"_s,
                          u"cannot read the secret from %1: no such file"_s.arg(
                                  parser.value(fromFileOption())));
    }
    return {};
}

void SecretsCommand::runAction(const QString &, const QStringList &,
                               const QCommandLineParser &parser)
{
    const core::SecretKey key{*parseId(parser.value(connectionOption()), {}),
                              *kindFromOption(parser.value(kindOption())),
                              *core::secretSlotFromName(parser.value(slotOption()))};
    auto value = readValue(parser);
    if (!value)
        return fail(value.error());
    auto backend = core::createSecretStore(store().workspaceInfo());
    if (!backend)
        return fail(backend.error());
    m_backend = std::move(*backend);
    m_secrets = std::make_unique<core::ConnectionSecrets>(store(), *m_backend);
    const qsizetype bytes = value->size();
    session().whenDone(m_secrets->put(key, *value), [this,
                                                     bytes](const core::Result<core::SecretReference>
                                                                    &stored) {
        if (!stored)
            return fail(stored.error());
        if (json()) {
            writeJson(out(), QJsonObject{{u"stored"_s,
                                          QJsonObject{{u"connection_id"_s, stored->key.connectionId},
                                                      {u"kind"_s, core::nameOf(stored->key.kind)},
                                                      {u"slot"_s, core::nameOf(stored->key.slot)},
                                                      {u"backend"_s, stored->backend},
                                                      {u"bytes"_s, bytes}}}});
        } else {
            out() << "Stored the " << core::describe(stored->key) << " (" << bytes
                  << " bytes) in the " << stored->backend << ".\n";
        }
        finish();
    });
}

} // namespace wb::cli
