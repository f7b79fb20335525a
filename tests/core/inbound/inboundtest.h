// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the tests of core/inbound (header-only, test code).

#include "core/inbound/rawrequest.h"
#include "core/providers/providercatalog.h"

#include <QList>
#include <QMessageAuthenticationCode>
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

// The connection URL the tests' requests are sent to.
inline const QByteArray kInboundUrl = "http://127.0.0.1:8480/hooks/c1";

// Hex HMAC-SHA256 of `message` under `key`.
inline QByteArray hexHmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toHex();
}

// Slack's X-Slack-Signature: "v0=" + hex HMAC-SHA256 of "v0:<timestamp>:<body>"
// (api.slack.com/authentication/verifying-requests-from-slack).
inline QByteArray slackSignature(const QByteArray &secret, const QByteArray &timestamp,
                                 const QByteArray &body)
{
    return "v0=" + hexHmac(secret, "v0:" + timestamp + ':' + body);
}

// A Slack request to kInboundUrl signed with `secret` at `timestampSeconds` (UTC).
inline core::RawRequest slackRequest(const QByteArray &secret, qint64 timestampSeconds,
                                     const QByteArray &body)
{
    const QByteArray ts = QByteArray::number(timestampSeconds);
    return makeRequest("POST", kInboundUrl,
                       {{"X-Slack-Request-Timestamp", ts},
                        {"X-Slack-Signature", slackSignature(secret, ts, body)}},
                       body);
}

} // namespace wb::test
