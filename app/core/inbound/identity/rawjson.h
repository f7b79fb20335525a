// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

#include <optional>

namespace wb::core {

// One JSON value located in a document's raw bytes.
struct JsonToken
{
    enum class Kind { String, Number, True, False, Null, Object, Array };
    Kind kind = Kind::Null;
    qsizetype offset = 0; // byte offset of the value's first byte in the document
    qsizetype length = 0; // its bytes: a string with its quotes, a whole {…} or […]
    // How many earlier members with the same name, on the way to this value, were overridden.
    int overriddenDuplicates = 0;

    bool operator==(const JsonToken &other) const = default;
};

// Reads values out of raw JSON bytes without converting numbers (QJsonDocument stores numbers as
// doubles, so an id above 2^53 would change). Validates the whole document (RFC 8259).
//
// Duplicate member names (RFC 8259 §4 leaves the behaviour open): the LAST one wins, as in
// JavaScript's JSON.parse, Python's json and Go's encoding/json, which is what the application
// receiving the event most likely sees; the winner's overriddenDuplicates counts the others.
// Strings may hold any byte from 0x20 up (Latin-1 bytes are not rejected); nesting deeper than 256
// levels is refused. Pure and thread-safe.
namespace rawjson {

// The value at `pointer` (RFC 6901: "" is the whole document, "/a/0/b~1c" is member "b/c" of
// item 0 of member "a"), nullopt when absent. Errors: `json.invalid` (with the byte offset and what
// was expected), `json.too_deep`, `json.bad_pointer`.
Result<std::optional<JsonToken>> find(QByteArrayView document, QStringView pointer);

// The bytes of a string token (`literal` includes its quotes) with escapes resolved, as UTF-8
// (\uD83D\uDE00 pairs become one 4-byte character). nullopt for a malformed literal or a lone
// surrogate.
std::optional<QByteArray> decodeString(QByteArrayView literal);

} // namespace rawjson

} // namespace wb::core
