// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

// A parser for Structured Field Values for HTTP Lists (RFC 8941 §4.2.1), the syntax of the IETF
// RateLimit and RateLimit-Policy fields. Only parsing; no serialisation. Pure functions.
namespace wb::core::sf {

struct BareItem
{
    enum class Type { Integer, Decimal, String, Token, ByteSequence, Boolean };
    Type type = Type::Integer;
    qint64 integer = 0; // Integer (and Boolean as 0/1)
    double decimal = 0; // Decimal
    QByteArray bytes;   // String (unescaped), Token, ByteSequence (decoded)

    bool isNumber() const { return type == Type::Integer || type == Type::Decimal; }
    double number() const { return type == Type::Integer ? double(integer) : decimal; }
};

struct Parameter
{
    QByteArray key;
    BareItem value; // Boolean true when the parameter has no "=value" (RFC 8941 §3.1.2)
};

struct Item
{
    BareItem value;
    QList<Parameter> parameters;
    bool isInnerList = false;
    QList<Item> innerList; // members of an Inner List (then `value` is unused)

    // The last parameter with `key` (RFC 8941 §4.2.3.2: later ones override), or null.
    const BareItem *parameter(QByteArrayView key) const;
};

// Parses a List field value. An empty value is an empty list. Any syntax error fails the whole
// field, as RFC 8941 §4.2 requires ("sf.malformed", naming the position).
Result<QList<Item>> parseList(QByteArrayView fieldValue);

} // namespace wb::core::sf
