// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/identity/fieldreader.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
class FieldText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::IdentityField)
};

QString shown(const QByteArray &value)
{
    return u"\""_s + QString::fromUtf8(printablePrefix(value, 120)) + u"\""_s;
}

QString byteRange(qsizetype offset, qsizetype length)
{
    return FieldText::tr("bytes %1\u2013%2").arg(offset).arg(offset + length - 1);
}

std::optional<FieldValue> readJson(QByteArrayView body, const FieldLocation &location,
                                   QStringList &attempts)
{
    const QString where = describe(location);
    const auto token = rawjson::find(body, location.name);
    if (!token) {
        attempts << FieldText::tr("%1: the body is not usable JSON (%2).")
                            .arg(where, token.error().message);
        return std::nullopt;
    }
    if (!token->has_value()) {
        attempts << FieldText::tr("%1: not present.").arg(where);
        return std::nullopt;
    }
    const JsonToken &t = **token;
    const QByteArrayView literal = body.sliced(t.offset, t.length);
    FieldValue value;
    value.location = location;
    value.offset = t.offset;
    value.length = t.length;
    value.overriddenDuplicates = t.overriddenDuplicates;
    QString kind;
    switch (t.kind) {
    case JsonToken::Kind::String: {
        const auto decoded = rawjson::decodeString(literal);
        if (!decoded) {
            attempts << FieldText::tr("%1: a string with a broken escape.").arg(where);
            return std::nullopt;
        }
        value.kind = FieldValue::Kind::JsonString;
        value.value = *decoded;
        kind = FieldText::tr("string");
        break;
    }
    case JsonToken::Kind::Number:
        value.kind = FieldValue::Kind::JsonNumber;
        value.value = literal.toByteArray();
        kind = FieldText::tr("number");
        break;
    case JsonToken::Kind::True:
    case JsonToken::Kind::False:
        value.kind = FieldValue::Kind::JsonBoolean;
        value.value = literal.toByteArray();
        kind = FieldText::tr("boolean");
        break;
    case JsonToken::Kind::Null:
        attempts << FieldText::tr("%1: null.").arg(where);
        return std::nullopt;
    case JsonToken::Kind::Object:
    case JsonToken::Kind::Array:
        attempts << FieldText::tr("%1: an %2, not a single value.")
                            .arg(where,
                                 t.kind == JsonToken::Kind::Object ? u"object"_s : u"array"_s);
        return std::nullopt;
    }
    value.description = FieldText::tr("%1: %2 %3, %4.")
                                .arg(where, kind, shown(value.value),
                                     byteRange(value.offset, value.length));
    if (value.overriddenDuplicates > 0) {
        value.description += FieldText::tr(" The member name occurs %n more time(s) on the way; "
                                           "the last one wins, as in JavaScript's JSON.parse.",
                                           nullptr, value.overriddenDuplicates);
    }
    attempts << value.description;
    return value;
}

std::optional<FieldValue> readHeader(const RawRequest &request, const FieldLocation &location,
                                     QStringList &attempts)
{
    const QString where = describe(location);
    const QList<QByteArray> values = request.headerValues(location.name.toUtf8());
    if (values.isEmpty()) {
        attempts << FieldText::tr("%1: not present.").arg(where);
        return std::nullopt;
    }
    FieldValue value;
    value.location = location;
    value.kind = FieldValue::Kind::HeaderValue;
    value.value = values.front();
    value.otherHeaderValues = int(values.size() - 1);
    value.description = FieldText::tr("%1: %2.").arg(where, shown(value.value));
    if (value.otherHeaderValues > 0) {
        value.description += FieldText::tr(" The header occurs %n more time(s); the first one "
                                           "is used.",
                                           nullptr, value.otherHeaderValues);
    }
    attempts << value.description;
    return value;
}

std::optional<FieldValue> readForm(QByteArrayView body, const FieldLocation &location,
                                   QStringList &attempts)
{
    const QString where = describe(location);
    const QByteArray wanted = location.name.toUtf8();
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView part = body.sliced(start, end - start);
        const qsizetype equals = part.indexOf('=');
        const QByteArrayView name = equals < 0 ? part : part.first(equals);
        if (!part.isEmpty() && formDecode(name) == wanted) {
            FieldValue value;
            value.location = location;
            value.kind = FieldValue::Kind::FormValue;
            value.offset = equals < 0 ? start + part.size() : start + equals + 1;
            value.length = equals < 0 ? 0 : part.size() - equals - 1;
            value.value = formDecode(body.sliced(value.offset, value.length));
            if (value.value.isEmpty()) {
                attempts << FieldText::tr("%1: empty.").arg(where);
                return std::nullopt;
            }
            value.description = FieldText::tr("%1: %2, %3.")
                                        .arg(where, shown(value.value),
                                             byteRange(value.offset, value.length));
            attempts << value.description;
            return value;
        }
        start = end + 1;
    }
    attempts << FieldText::tr("%1: not present.").arg(where);
    return std::nullopt;
}

std::optional<FieldValue> readXml(QByteArrayView body, const FieldLocation &location,
                                  QStringList &attempts)
{
    const QString where = describe(location);
    QXmlStreamReader xml(body.toByteArray());
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == location.name) {
            const QString text = xml.readElementText(QXmlStreamReader::SkipChildElements);
            if (xml.hasError())
                break;
            FieldValue value;
            value.location = location;
            value.kind = FieldValue::Kind::XmlText;
            value.value = text.trimmed().toUtf8();
            value.description = FieldText::tr("%1: %2.").arg(where, shown(value.value));
            attempts << value.description;
            return value;
        }
    }
    if (xml.hasError() && xml.error() != QXmlStreamReader::PrematureEndOfDocumentError) {
        attempts << FieldText::tr("%1: the body is not usable XML (%2 at line %3).")
                            .arg(where, xml.errorString())
                            .arg(xml.lineNumber());
    } else {
        attempts << FieldText::tr("%1: not present.").arg(where);
    }
    return std::nullopt;
}
} // namespace

FieldLookup readField(const RawRequest &request, QByteArrayView body,
                      const QList<FieldLocation> &locations)
{
    FieldLookup lookup;
    if (locations.isEmpty()) {
        lookup.attempts << FieldText::tr("The profile names no field to read.");
        return lookup;
    }
    for (const FieldLocation &location : locations) {
        switch (location.source) {
        case FieldLocation::Source::JsonPointer:
            lookup.value = readJson(body, location, lookup.attempts);
            break;
        case FieldLocation::Source::Header:
            lookup.value = readHeader(request, location, lookup.attempts);
            break;
        case FieldLocation::Source::FormField:
            lookup.value = readForm(body, location, lookup.attempts);
            break;
        case FieldLocation::Source::XmlElement:
            lookup.value = readXml(body, location, lookup.attempts);
            break;
        }
        if (lookup.value)
            break;
    }
    return lookup;
}

} // namespace wb::core
