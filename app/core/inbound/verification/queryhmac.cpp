// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/verification/queryhmac.h"

#include "core/inbound/rawrequest.h"
#include "core/inbound/verification/cryptoprimitives.h"

#include <algorithm>

namespace wb::core {

namespace {
// The application/x-www-form-urlencoded byte serializer (WHATWG URL §5.2), with Shopify's
// "+" → "%20".
QByteArray urlSearchParamsEncode(QByteArrayView bytes)
{
    QByteArray out;
    for (const char c : bytes) {
        const bool unreserved = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                                || (c >= 'a' && c <= 'z') || c == '*' || c == '-' || c == '.'
                                || c == '_';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += QByteArray::number(static_cast<unsigned char>(c), 16)
                           .toUpper()
                           .rightJustified(2, '0');
        }
    }
    return out;
}
} // namespace

QByteArray queryHmacMessage(QByteArrayView query)
{
    auto pairs = parseFormEncoded(query);
    pairs.removeIf(
            [](const auto &pair) { return pair.first == "hmac" || pair.first == "signature"; });
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<QByteArray> parts;
    for (const auto &[name, value] : pairs)
        parts << urlSearchParamsEncode(name) + '=' + urlSearchParamsEncode(value);
    return parts.join('&');
}

bool verifyQueryHmac(QByteArrayView query, QByteArrayView secret)
{
    QByteArray offered;
    for (const auto &[name, value] : parseFormEncoded(query)) {
        if (name == "hmac")
            offered = value;
    }
    const auto signature = crypto::decodeHex(offered);
    if (!signature)
        return false;
    const QByteArray message = queryHmacMessage(query);
    return crypto::constantTimeEquals(crypto::hmac(HashAlgorithm::Sha256, secret, {message}),
                                      *signature);
}

} // namespace wb::core
