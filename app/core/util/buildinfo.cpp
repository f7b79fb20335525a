// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/buildinfo.h"

#include <openssl/crypto.h>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace wb::core::buildinfo {

QString version()
{
    return QStringLiteral(WB_VERSION);
}

QString qtVersion()
{
    return QString::fromLatin1(qVersion());
}

QString keychainVersion()
{
    // QtKeychain's header carries no usable version macro (0.13 still says 0x000100), so the
    // version comes from its CMake package at configure time.
    return QStringLiteral(WB_QTKEYCHAIN_VERSION);
}

QString opensslVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

QString sodiumVersion()
{
    return QString::fromLatin1(sodium_version_string());
}

} // namespace wb::core::buildinfo
