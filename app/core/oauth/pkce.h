// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace wb::core {

// Proof Key for Code Exchange (RFC 7636) with the S256 method.
struct PkcePair
{
    // 43–128 characters from the unreserved set [A-Z a-z 0-9 - . _ ~] (RFC 7636 §4.1).
    QByteArray verifier;
    // BASE64URL(SHA256(ASCII(verifier))) without padding (RFC 7636 §4.2).
    QByteArray challenge;
};

// A fresh verifier of `length` characters (clamped to 43–128) drawn uniformly from the unreserved
// set with QRandomGenerator::system() (a cryptographically secure source, RFC 7636 §7.1), and its
// S256 challenge. The default length carries about 381 bits of entropy.
PkcePair generatePkce(int length = 64);

// The S256 challenge of `verifier` (RFC 7636 §4.2; Appendix B has a worked example).
QByteArray pkceS256Challenge(QByteArrayView verifier);

// True when `verifier` has 43–128 characters, all from the unreserved set (RFC 7636 §4.1).
bool isValidPkceVerifier(QByteArrayView verifier);

} // namespace wb::core
