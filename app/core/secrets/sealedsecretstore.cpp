// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/sealedsecretstore.h"

#include "core/secrets/sealedsecretrepository.h"
#include "core/store/connectionrepository.h"
#include "core/store/store.h"

using namespace Qt::StringLiterals;

namespace wb::core {

SealedSecretStore::SealedSecretStore(Store &store, std::shared_ptr<const MasterKey> masterKey)
    : m_store(store)
    , m_workspaceId(store.workspaceInfo().workspaceId)
    , m_masterKey(std::move(masterKey))
{
    Q_ASSERT(m_masterKey);
}

SealedSecretStore::~SealedSecretStore() = default;

QString SealedSecretStore::backendName() const
{
    return u"sealed"_s;
}

QString SealedSecretStore::keyName(const SecretKey &key) const
{
    return u"workspace/%1/connection/%2/%3/%4"_s.arg(m_workspaceId.toString(QUuid::WithoutBraces))
            .arg(key.connectionId)
            .arg(nameOf(key.kind), nameOf(key.slot));
}

namespace {

Result<void> sealedWrite(SqlSession &session, const QUuid &workspaceId, const MasterKey &masterKey,
                         const SecretKey &key, const QByteArray &value)
{
    if (Result<void> valid = validateSecretKey(key); !valid)
        return valid;
    if (Result<void> valid = validateSecretValue(key, value); !valid)
        return valid;
    if (Result<Connection> connection = ConnectionRepository::get(session, key.connectionId);
        !connection) {
        return fail(connection.error());
    }
    if (Result<void> required = SealedSecretRepository::requireKey(session, masterKey); !required)
        return required;
    Result<SealedValue> sealed = Sealing::seal(masterKey, workspaceId, key, value);
    if (!sealed)
        return fail(sealed.error());
    return SealedSecretRepository::put(session, key, *sealed);
}

Result<QByteArray> sealedRead(SqlSession &session, const QUuid &workspaceId,
                              const MasterKey &masterKey, const SecretKey &key)
{
    if (Result<void> valid = validateSecretKey(key); !valid)
        return fail(valid.error());
    Result<std::optional<SealedValue>> stored = SealedSecretRepository::find(session, key);
    if (!stored)
        return fail(stored.error());
    if (!*stored) {
        return fail(u"secrets.not_found"_s,
                    SealedSecretStore::tr("The workspace holds no sealed %1.").arg(describe(key)));
    }
    return Sealing::open(masterKey, workspaceId, key, **stored);
}

Result<bool> sealedRemove(SqlSession &session, const SecretKey &key)
{
    if (Result<void> valid = validateSecretKey(key); !valid)
        return fail(valid.error());
    return SealedSecretRepository::remove(session, key);
}

} // namespace

Result<void> SealedSecretStore::writeInSession(SqlSession &session, const SecretKey &key,
                                               const QByteArray &value)
{
    return sealedWrite(session, m_workspaceId, *m_masterKey, key, value);
}

Result<QByteArray> SealedSecretStore::readInSession(SqlSession &session, const SecretKey &key)
{
    return sealedRead(session, m_workspaceId, *m_masterKey, key);
}

Result<bool> SealedSecretStore::removeInSession(SqlSession &session, const SecretKey &key)
{
    return sealedRemove(session, key);
}

// The jobs hold the key and the workspace id themselves: they may run after this object is gone.
QFuture<Result<void>> SealedSecretStore::write(const SecretKey &key, const QByteArray &value)
{
    return m_store.write([workspaceId = m_workspaceId, masterKey = m_masterKey, key,
                          value](SqlSession &session) {
        return sealedWrite(session, workspaceId, *masterKey, key, value);
    });
}

QFuture<Result<QByteArray>> SealedSecretStore::read(const SecretKey &key)
{
    return m_store.read(
            [workspaceId = m_workspaceId, masterKey = m_masterKey, key](SqlSession &session) {
                return sealedRead(session, workspaceId, *masterKey, key);
            });
}

QFuture<Result<void>> SealedSecretStore::remove(const SecretKey &key)
{
    return m_store.write([key](SqlSession &session) -> Result<void> {
        Result<bool> removed = sealedRemove(session, key);
        return removed ? Result<void>() : Result<void>(fail(removed.error()));
    });
}

} // namespace wb::core
