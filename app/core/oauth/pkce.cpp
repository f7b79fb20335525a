// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

namespace wb::core {

namespace {
constexpr char unreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
constexpr quint32 unreservedCount = sizeof(unreserved) - 1; // 66
constexpr int minimumLength = 43;
constexpr int maximumLength = 128;
} // namespace

PkcePair generatePkce(int length)
{
    length = std::clamp(length, minimumLength, maximumLength);
    QByteArray verifier(length, Qt::Uninitialized);
    QRandomGenerator *random = QRandomGenerator::system();
    for (char &c : verifier)
        c = unreserved[random->bounded(unreservedCount)]; // bounded() is unbiased
    QByteArray challenge = pkceS256Challenge(verifier);
    return {std::move(verifier), std::move(challenge)};
}

QByteArray pkceS256Challenge(QByteArrayView verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool isValidPkceVerifier(QByteArrayView verifier)
{
    if (verifier.size() < minimumLength || verifier.size() > maximumLength)
        return false;
    return std::all_of(verifier.begin(), verifier.end(), [](char c) {
        return std::find(std::begin(unreserved), std::end(unreserved) - 1, c)
               != std::end(unreserved) - 1;
    });
}

} // namespace wb::core
