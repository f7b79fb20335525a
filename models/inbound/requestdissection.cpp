// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inbound/requestdissection.h"

#include "core/inbound/identity/rawjson.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wb::models::RequestDissection)
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The length of the valid UTF-8 sequence at `i`, 0 when the bytes there are not one (RFC 3629 §4:
// no overlong forms, no surrogates, nothing above U+10FFFF).
int utf8SequenceAt(const QByteArray &bytes, qsizetype i)
{
    const auto at = [&](qsizetype k) {
        return static_cast<unsigned char>(bytes.at(k));
    };
    const unsigned char lead = at(i);
    if (lead < 0x80)
        return 1;
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        const unsigned char c = at(i + k);
        const unsigned char min = k == 1 ? low : 0x80;
        const unsigned char max = k == 1 ? high : 0xBF;
        if (c < min || c > max)
            return 0;
    }
    return length;
}

QString escapedByte(unsigned char c)
{
    return u"\\x"_s + QString::number(c, 16).toUpper().rightJustified(2, u'0');
}

class JsonOutliner
{
public:
    JsonOutliner(RequestDissection &out, QByteArrayView body, qsizetype base)
        : m_out(out)
        , m_doc(body)
        , m_base(base)
    {}

    // `body` was validated by rawjson::find: the walk below trusts its syntax.
    int outline(int parent, const QString &name)
    {
        skipSpace();
        return value(parent, name);
    }

private:
    void skipSpace()
    {
        while (m_pos < m_doc.size() && isSpace(m_doc.at(m_pos)))
            ++m_pos;
    }

    int add(DissectedField::Kind kind, int parent, const QString &name, qsizetype start)
    {
        DissectedField field;
        field.kind = kind;
        field.name = name;
        field.offset = m_base + start;
        field.parent = parent;
        m_out.fields.append(field);
        const int index = int(m_out.fields.size() - 1);
        if (parent >= 0)
            m_out.fields[parent].children.append(index);
        return index;
    }

    bool full()
    {
        if (m_count < RequestDissection::maxJsonFields)
            return false;
        m_out.truncated = true;
        return true;
    }

    int value(int parent, const QString &name)
    {
        const qsizetype start = m_pos;
        ++m_count;
        int index = -1;
        switch (m_doc.at(m_pos)) {
        case '{':
            index = add(DissectedField::Kind::JsonObject, parent, name, start);
            object(index);
            break;
        case '[':
            index = add(DissectedField::Kind::JsonArray, parent, name, start);
            array(index);
            break;
        case '"': {
            index = add(DissectedField::Kind::JsonString, parent, name, start);
            string();
            const auto decoded = core::rawjson::decodeString(m_doc.sliced(start, m_pos - start));
            m_out.fields[index].value = decoded ? QString::fromUtf8(*decoded) : QString();
            break;
        }
        case 't':
            index = add(DissectedField::Kind::JsonTrue, parent, name, start);
            m_pos += 4;
            m_out.fields[index].value = u"true"_s;
            break;
        case 'f':
            index = add(DissectedField::Kind::JsonFalse, parent, name, start);
            m_pos += 5;
            m_out.fields[index].value = u"false"_s;
            break;
        case 'n':
            index = add(DissectedField::Kind::JsonNull, parent, name, start);
            m_pos += 4;
            m_out.fields[index].value = u"null"_s;
            break;
        default:
            index = add(DissectedField::Kind::JsonNumber, parent, name, start);
            while (m_pos < m_doc.size() && QByteArrayView("+-.eE0123456789").contains(peek()))
                ++m_pos;
            // Exactly the bytes: never through a double.
            m_out.fields[index].value = QString::fromLatin1(m_doc.sliced(start, m_pos - start));
            break;
        }
        m_out.fields[index].length = m_pos - start;
        return index;
    }

    char peek() const { return m_pos < m_doc.size() ? m_doc.at(m_pos) : '\0'; }

    void string()
    {
        ++m_pos;
        while (m_pos < m_doc.size() && m_doc.at(m_pos) != '"')
            m_pos += m_doc.at(m_pos) == '\\' ? 2 : 1;
        ++m_pos;
    }

    // Skips a value without adding fields (past maxJsonFields).
    void skipValue()
    {
        const char c = peek();
        if (c == '"') {
            string();
            return;
        }
        if (c != '{' && c != '[') {
            while (m_pos < m_doc.size() && !QByteArrayView(",}] \t\r\n").contains(peek()))
                ++m_pos;
            return;
        }
        int depth = 0;
        while (m_pos < m_doc.size()) {
            const char d = peek();
            if (d == '"') {
                string();
                continue;
            }
            ++m_pos;
            if (d == '{' || d == '[')
                ++depth;
            else if ((d == '}' || d == ']') && --depth == 0)
                return;
        }
    }

    void object(int index)
    {
        ++m_pos;
        QHash<QString, int> seen; // member name → its latest field
        int members = 0;
        skipSpace();
        while (peek() != '}') {
            skipSpace();
            const qsizetype keyStart = m_pos;
            string();
            const auto key = core::rawjson::decodeString(m_doc.sliced(keyStart, m_pos - keyStart));
            const QString name = key ? QString::fromUtf8(*key) : QString();
            skipSpace();
            ++m_pos; // :
            skipSpace();
            ++members;
            if (full()) {
                skipValue();
            } else {
                const int member = value(index, name);
                // The member's bytes start at its name, so a click on the name selects it.
                DissectedField &field = m_out.fields[member];
                field.length += field.offset - (m_base + keyStart);
                field.offset = m_base + keyStart;
                if (const auto earlier = seen.constFind(name); earlier != seen.constEnd())
                    m_out.fields[*earlier].overridden = true;
                seen.insert(name, member);
            }
            skipSpace();
            if (peek() == ',')
                ++m_pos;
            skipSpace();
        }
        ++m_pos;
        m_out.fields[index].value = members == 1 ? Text::tr("{1 member}")
                                                 : Text::tr("{%1 members}").arg(members);
    }

    void array(int index)
    {
        ++m_pos;
        int items = 0;
        skipSpace();
        while (peek() != ']') {
            skipSpace();
            if (full())
                skipValue();
            else
                value(index, u"[%1]"_s.arg(items));
            ++items;
            skipSpace();
            if (peek() == ',')
                ++m_pos;
            skipSpace();
        }
        ++m_pos;
        m_out.fields[index].value = items == 1 ? Text::tr("[1 item]")
                                               : Text::tr("[%1 items]").arg(items);
    }

    RequestDissection &m_out;
    QByteArrayView m_doc;
    qsizetype m_base = 0;
    qsizetype m_pos = 0;
    int m_count = 0;
};

QString sizeText(qsizetype bytes)
{
    return bytes == 1 ? Text::tr("1 byte") : Text::tr("%1 bytes").arg(bytes);
}

int addField(RequestDissection &out, DissectedField field)
{
    out.fields.append(std::move(field));
    const int index = int(out.fields.size() - 1);
    const int parent = out.fields.at(index).parent;
    if (parent >= 0)
        out.fields[parent].children.append(index);
    else
        out.topLevel.append(index);
    return index;
}

} // namespace

int RequestDissection::fieldAt(qsizetype offset) const
{
    const auto containing = [&](const QList<int> &candidates) {
        for (int index : candidates) {
            const DissectedField &field = fields.at(index);
            if (offset >= field.offset && offset < field.offset + field.length)
                return index;
        }
        return -1;
    };
    int found = containing(topLevel);
    while (found >= 0) {
        const int deeper = containing(fields.at(found).children);
        if (deeper < 0)
            break;
        found = deeper;
    }
    return found;
}

RequestDissection dissectRequest(const core::InboundEvent &event)
{
    RequestDissection out;
    const core::RawRequest &request = event.request;
    const QByteArray target = event.requestTarget.isEmpty() ? "/"_ba : event.requestTarget;

    DissectedField line;
    line.kind = DissectedField::Kind::RequestLine;
    line.name = Text::tr("Request line");
    out.bytes = request.method + ' ' + target + " HTTP/1.1";
    line.length = out.bytes.size();
    line.value = QString::fromLatin1(out.bytes);
    out.bytes += "\r\n";
    const int lineIndex = addField(out, line);
    addField(out, {DissectedField::Kind::Method,
                   Text::tr("Method"),
                   QString::fromLatin1(request.method),
                   0,
                   request.method.size(),
                   lineIndex,
                   {}});
    addField(out, {DissectedField::Kind::Target,
                   Text::tr("Request target"),
                   QString::fromLatin1(target),
                   request.method.size() + 1,
                   target.size(),
                   lineIndex,
                   {}});

    DissectedField headers;
    headers.kind = DissectedField::Kind::Headers;
    headers.name = Text::tr("Headers");
    headers.value = request.headers.size() == 1 ? Text::tr("1 field")
                                                : Text::tr("%1 fields").arg(request.headers.size());
    headers.offset = out.bytes.size();
    const int headersIndex = addField(out, headers);
    for (const core::ReceivedHeader &header : request.headers) {
        DissectedField field;
        field.kind = DissectedField::Kind::Header;
        field.name = QString::fromLatin1(header.name);
        field.value = visibleText(header.value, "iso-8859-1"_ba);
        field.offset = out.bytes.size();
        field.parent = headersIndex;
        out.bytes += header.name + ": " + header.value;
        field.length = out.bytes.size() - field.offset;
        out.bytes += "\r\n";
        addField(out, field);
    }
    out.fields[headersIndex].length = out.bytes.size() - out.fields.at(headersIndex).offset;
    out.bytes += "\r\n";

    out.bodyOffset = out.bytes.size();
    out.bytes += request.body;
    DissectedField body;
    body.kind = DissectedField::Kind::Body;
    body.name = Text::tr("Body");
    body.offset = out.bodyOffset;
    body.length = request.body.size();
    body.value = sizeText(request.body.size());
    const int bodyIndex = addField(out, body);

    const QByteArray &bytes = request.body;
    qsizetype first = 0;
    while (first < bytes.size() && isSpace(bytes.at(first)))
        ++first;
    const bool looksJson = first < bytes.size()
                           && (bytes.at(first) == '{' || bytes.at(first) == '[');
    if (const auto encoding = request.header("Content-Encoding");
        encoding && !encoding->trimmed().isEmpty() && encoding->trimmed().toLower() != "identity") {
        out.fields[bodyIndex].value = Text::tr("%1, %2-encoded")
                                              .arg(sizeText(bytes.size()),
                                                   QString::fromLatin1(encoding->trimmed()));
        return out;
    }
    if (!looksJson)
        return out;
    const auto valid = core::rawjson::find(bytes, u"");
    if (!valid) {
        out.bodyError = valid.error();
        return out;
    }
    JsonOutliner outliner(out, bytes, out.bodyOffset);
    const int root = outliner.outline(bodyIndex, Text::tr("JSON"));
    Q_UNUSED(root);
    return out;
}

QByteArray bodyCharset(const core::RawRequest &request)
{
    const auto type = request.header("Content-Type");
    if (!type)
        return "utf-8"_ba;
    for (QByteArray parameter : type->split(';').mid(1)) {
        parameter = parameter.trimmed();
        const qsizetype equals = parameter.indexOf('=');
        if (equals < 0 || parameter.left(equals).trimmed().toLower() != "charset")
            continue;
        QByteArray value = parameter.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.sliced(1, value.size() - 2);
        return value.toLower();
    }
    return "utf-8"_ba;
}

QString visibleText(const QByteArray &bytes, const QByteArray &charset)
{
    const bool latin1 = charset == "iso-8859-1" || charset == "latin1" || charset == "latin-1";
    const bool ascii = charset == "us-ascii" || charset == "ascii";
    QString text;
    text.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        const bool control = (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F;
        if (control || (ascii && c >= 0x80)) {
            text += escapedByte(c);
            ++i;
            continue;
        }
        if (latin1 || c < 0x80) {
            text += QChar(char16_t(c));
            ++i;
            continue;
        }
        const int length = utf8SequenceAt(bytes, i);
        if (length == 0) {
            text += escapedByte(c);
            ++i;
            continue;
        }
        text += QString::fromUtf8(bytes.constData() + i, length);
        i += length;
    }
    return text;
}

} // namespace wb::models
