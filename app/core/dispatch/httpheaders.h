// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <initializer_list>
#include <utility>

namespace wb::core {

// One header field line as received: name as sent, value as sent.
using RawHeader = std::pair<QByteArray, QByteArray>;

// The header fields of one HTTP response, in the order received (QNetworkReply::rawHeaderPairs()
// gives exactly this). A value type; no thread affinity.
//
// Field names compare case-insensitively (RFC 9110 §5.1).
class HttpHeaders
{
public:
    HttpHeaders() = default;
    HttpHeaders(QList<RawHeader> fields)
        : m_fields(std::move(fields))
    {}
    HttpHeaders(std::initializer_list<RawHeader> fields)
        : m_fields(fields)
    {}

    const QList<RawHeader> &fields() const { return m_fields; }
    bool isEmpty() const { return m_fields.isEmpty(); }
    void append(QByteArray name, QByteArray value);

    bool contains(QByteArrayView name) const;
    // The field's value with surrounding whitespace (OWS, RFC 9110 §5.6.3) removed; several lines
    // of the same name are joined with ", " (RFC 9110 §5.3). A null QByteArray when absent, an
    // empty (non-null) one when present but empty.
    QByteArray value(QByteArrayView name) const;

    bool operator==(const HttpHeaders &other) const = default;

private:
    QList<RawHeader> m_fields;
};

} // namespace wb::core
