// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstestutil.h"

#include "support/testworkspace.h"

#include "core/secrets/keychainsecretstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <sodium.h>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace wb::test {

QByteArray randomKeyBytes()
{
    if (sodium_init() < 0)
        qFatal("libsodium cannot start");
    QByteArray key(32, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    return key;
}

bool writeKeyFile(const QString &path, const QByteArray &contents, int mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (file.write(contents) != contents.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

QList<qint64> addConnections(Store &store, int count)
{
    QList<qint64> ids;
    Tenant tenant;
    tenant.displayName = u"Secrets tenant %1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
    QFuture<Result<Tenant>> added = store.addTenant(tenant);
    added.waitForFinished();
    if (!added.result())
        return ids;
    for (int i = 0; i < count; ++i) {
        Connection connection;
        connection.tenantId = added.result()->id;
        connection.providerId = u"github"_s;
        connection.label = u"connection %1"_s.arg(i);
        QFuture<Result<Connection>> connected = store.addConnection(connection);
        connected.waitForFinished();
        if (!connected.result())
            return ids;
        ids << connected.result()->id;
    }
    return ids;
}

QByteArray secretToolLookup(const QString &keyName)
{
    const QString tool = QStandardPaths::findExecutable(u"secret-tool"_s);
    if (tool.isEmpty())
        return "secret-tool missing (Debian package libsecret-tools)";
    QProcess process;
    process.start(tool, {u"lookup"_s, u"server"_s,
                         QString::fromLatin1(KeychainSecretStore::serviceName), u"user"_s, keyName});
    if (!process.waitForFinished(15'000))
        return "secret-tool timed out";
    // QtKeychain stores binary data base64-encoded (attribute type=base64).
    return QByteArray::fromBase64(process.readAllStandardOutput().trimmed());
}

Result<RawSealedRow> rawSealedRow(const QString &databasePath, const SecretKey &key)
{
    const QString name = u"wb-test-sealed-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<RawSealedRow> outcome = fail(u"test.no_row"_s, u"no sealed row"_s);
    {
        QSqlDatabase database = openRawConnection(databasePath, name, nullptr);
        if (database.isOpen()) {
            QSqlQuery query(database);
            query.prepare(u"SELECT key_id, nonce, ciphertext FROM sealed_secrets "
                          "WHERE connection_id = ? AND kind = ? AND slot = ?"_s);
            query.addBindValue(key.connectionId);
            query.addBindValue(nameOf(key.kind));
            query.addBindValue(nameOf(key.slot));
            if (query.exec() && query.next()) {
                outcome = RawSealedRow{query.value(0).toString(), query.value(1).toByteArray(),
                                       query.value(2).toByteArray()};
            }
        }
        database.close();
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

std::optional<QByteArray> openIndependently(const QByteArray &rawMasterKey,
                                            const QUuid &workspaceId, const SecretKey &key,
                                            const RawSealedRow &row)
{
    if (sodium_init() < 0 || rawMasterKey.size() != 32 || row.ciphertext.size() < 16)
        return std::nullopt;
    unsigned char subkey[32];
    crypto_kdf_derive_from_key(subkey, sizeof subkey, 1, "wbsealed",
                               reinterpret_cast<const unsigned char *>(rawMasterKey.constData()));
    const QByteArray ad = "wirebench-sealed-v1"_ba + '\0'
                          + workspaceId.toByteArray(QUuid::WithoutBraces) + '\0'
                          + QByteArray::number(key.connectionId) + '\0'
                          + nameOf(key.kind).toLatin1() + '\0' + nameOf(key.slot).toLatin1() + '\0'
                          + row.keyId.toLatin1();
    QByteArray plain(row.ciphertext.size() - 16, Qt::Uninitialized);
    unsigned long long length = 0;
    const int status = crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr,
            reinterpret_cast<const unsigned char *>(row.ciphertext.constData()),
            static_cast<unsigned long long>(row.ciphertext.size()),
            reinterpret_cast<const unsigned char *>(ad.constData()),
            static_cast<unsigned long long>(ad.size()),
            reinterpret_cast<const unsigned char *>(row.nonce.constData()), subkey);
    sodium_memzero(subkey, sizeof subkey);
    if (status != 0)
        return std::nullopt;
    plain.resize(qsizetype(length));
    return plain;
}

} // namespace wb::test
