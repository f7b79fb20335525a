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

} // namespace wb::core
