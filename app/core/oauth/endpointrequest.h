// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QUrl>

#include <utility>

namespace wb::core {

// How long an OAuth endpoint may take to answer before the request counts as a network failure.
inline constexpr int endpointTimeoutMs = 30'000;

// A form POST to an OAuth endpoint (token, revocation; RFC 6749 §3.2, RFC 7009 §2.1).
struct EndpointRequest
{
    QNetworkRequest request;
    QByteArray body;
};

// application/x-www-form-urlencoded (RFC 6749 Appendix B): every byte outside the unreserved set
// percent-encoded, so '+' in a token stays '+' (QUrlQuery leaves it bare, which servers read as a
// space).
QByteArray formEncode(const QList<std::pair<QString, QString>> &fields);

// The `Authorization: Basic …` value for client_secret_basic: id and secret each form-encoded,
// joined by ':', then base64 (RFC 6749 §2.3.1).
QByteArray basicClientAuthorization(const QString &clientId, const QString &clientSecret);

// Adds what every request to an OAuth endpoint of `config` carries: `Accept: application/json`
// (GitHub answers form data otherwise) and, for client_secret_basic, the Authorization header.
void addClientAuthentication(QNetworkRequest &request, const OAuthClientConfig &config);

// A POST of `fields` to `url` with the client authentication of `config`: client_id in the body for
// public clients and client_secret_post, client_secret too for the latter, the Authorization header
// for client_secret_basic.
EndpointRequest buildEndpointRequest(const QUrl &url, const OAuthClientConfig &config,
                                     QList<std::pair<QString, QString>> fields);

} // namespace wb::core
