// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the tests of core/inbound (header-only, test code).

#include "core/inbound/rawrequest.h"
#include "core/providers/providercatalog.h"

#include <QList>
#include <QTest>

#include <utility>

namespace wb::test {

// The built-in profile with this id (fails the calling test through QVERIFY when missing).
inline core::ProviderProfile builtInProfile(const QString &id)
{
    static const core::ProviderCatalog catalog = core::ProviderCatalog::load(QString());
    const core::ProviderProfile *profile = catalog.find(id);
    if (!profile)
        qFatal("no built-in profile %s", qPrintable(id));
    return *profile;
}

inline core::RawRequest makeRequest(const QByteArray &method, const QByteArray &url,
                                    const QList<std::pair<QByteArray, QByteArray>> &headers,
                                    const QByteArray &body)
{
    core::RawRequest request;
    request.method = method;
    request.url = url;
    for (const auto &[name, value] : headers)
        request.headers.append(core::ReceivedHeader{name, value});
    request.body = body;
    return request;
}

} // namespace wb::test
