// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/identity/rawjson.h"
#include "core/inbound/rawrequest.h"
#include "core/providers/providerprofile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wb::core {

// A value read from an event: the external account id (the identity field), the provider's event
// id or type.
struct FieldValue
{
    enum class Kind { JsonString, JsonNumber, JsonBoolean, HeaderValue, FormValue, XmlText };

    FieldLocation location;
    Kind kind = Kind::JsonString;
    // Exactly as written: a JSON string's characters (escapes resolved, UTF-8), a JSON number's
    // literal text (an id above 2^53 keeps every digit), a header's bytes, a form field's decoded
    // bytes, an XML element's text (UTF-8).
    QByteArray value;
    // Where it is in the body: byte offset and length of the JSON token (with quotes) or of the
    // raw form value; -1 for headers and XML.
    qsizetype offset = -1;
    qsizetype length = 0;
    int overriddenDuplicates = 0; // JSON: earlier members with the same name (the last one wins)
    int otherHeaderValues = 0;    // headers: further values of the same header (the first wins)
    QString description; // "JSON pointer /installation/id in the body: number 42, bytes 7–8"
};

struct FieldLookup
{
    std::optional<FieldValue> value;
    // One sentence per location tried, in order: what it gave, or why it gave nothing.
    QStringList attempts;

    bool found() const { return value.has_value(); }
    QString explanation() const { return attempts.join(u' '); }
};

// Reads the first of `locations` that yields a single value from the request: `body` is the raw
// (decompressed, when it was compressed) body. A JSON null, object or array gives nothing for that
// location (the attempt says so), as does a body that is not JSON / form / XML. Never decodes the
// body to a QString. Pure and thread-safe.
FieldLookup readField(const RawRequest &request, QByteArrayView body,
                      const QList<FieldLocation> &locations);

} // namespace wb::core
