// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace wb::test {

// The forms in which a secret could show up in bytes: as is, base64, base64url without padding,
// hex in both cases, and UTF-16 (a QString written raw).
QList<QByteArray> secretEncodings(const QByteArray &secret);

// A secret found in bytes, and the form it was found in.
struct FoundSecret
{
    QByteArray secret;
    QByteArray form;
};

// The first of `secrets` found in `bytes` in any of secretEncodings()' forms.
std::optional<FoundSecret> findSecret(const QByteArray &bytes, const QList<QByteArray> &secrets);

// The whole file, or empty when it cannot be read (a WAL that is not there).
QByteArray fileBytes(const QString &path);

} // namespace wb::test
