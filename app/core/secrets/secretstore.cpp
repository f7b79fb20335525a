// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/secretstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<void> validateSecretValue(const SecretKey &key, const QByteArray &value)
{
    if (value.isEmpty()) {
        return fail(u"secrets.invalid_value"_s,
                    QCoreApplication::translate("wb::core::SecretStore",
                                                "The %1 is empty; remove it instead of storing an "
                                                "empty value.")
                            .arg(describe(key)));
    }
    if (value.size() > SecretStore::maxValueSize) {
        return fail(u"secrets.invalid_value"_s,
                    QCoreApplication::translate("wb::core::SecretStore",
                                                "The %1 is %2 bytes long; at most %3 are stored.")
                            .arg(describe(key))
                            .arg(value.size())
                            .arg(SecretStore::maxValueSize));
    }
    return {};
}

namespace {

Error notTransactional(const SecretStore &store)
{
    return Error{QStringLiteral("secrets.not_transactional"),
                 QCoreApplication::translate("wb::core::SecretStore",
                                             "The %1 backend keeps its values outside the "
                                             "workspace database, so it cannot write them inside "
                                             "a database transaction.")
                         .arg(store.backendName())};
}

} // namespace

Result<void> SecretStore::writeInSession(SqlSession &, const SecretKey &, const QByteArray &)
{
    return fail(notTransactional(*this));
}

Result<QByteArray> SecretStore::readInSession(SqlSession &, const SecretKey &)
{
    return fail(notTransactional(*this));
}

Result<bool> SecretStore::removeInSession(SqlSession &, const SecretKey &)
{
    return fail(notTransactional(*this));
}

} // namespace wb::core
