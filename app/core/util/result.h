// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <tl/expected.hpp>

namespace wb::core {

// The error half of every fallible operation in the core. No exceptions are thrown anywhere in
// Wirebench: functions that can fail return Result<T>.
//
// `code` is stable, English, dotted snake_case ("store.newer_schema", "profile.missing_key"): CLI
// JSON, logs and tests match on it. `message` is for people: it names the file, key, header or
// value involved (never a secret) and is translated where it reaches the GUI.
struct Error
{
    QString code;
    QString message;

    bool operator==(const Error &other) const = default;
};

template<typename T>
using Result = tl::expected<T, Error>;

// Shorthand for `return fail(u"x.y"_s, tr("..."));` in functions returning Result<T>.
inline tl::unexpected<Error> fail(QString code, QString message)
{
    return tl::unexpected<Error>(Error{std::move(code), std::move(message)});
}

inline tl::unexpected<Error> fail(Error error)
{
    return tl::unexpected<Error>(std::move(error));
}

} // namespace wb::core
