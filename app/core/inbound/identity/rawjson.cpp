// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/identity/rawjson.h"

#include <QCoreApplication>
#include <QList>

using namespace Qt::StringLiterals;

namespace wb::core::rawjson {

namespace {
class JsonText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::RawJson)
};

constexpr int maxDepth = 256;

std::optional<uint> hex4(QByteArrayView text)
{
    if (text.size() < 4)
        return std::nullopt;
    uint value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = text.at(i);
        value <<= 4;
        if (c >= '0' && c <= '9')
            value |= uint(c - '0');
        else if (c >= 'a' && c <= 'f')
            value |= uint(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            value |= uint(c - 'A' + 10);
        else
            return std::nullopt;
    }
    return value;
}

void appendUtf8(QByteArray &out, uint cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xc0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += char(0xe0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    } else {
        out += char(0xf0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3f));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    }
}

class Parser
{
public:
    Parser(QByteArrayView document, QList<QByteArray> path)
        : m_doc(document)
        , m_path(std::move(path))
    {}

    Result<std::optional<JsonToken>> run()
    {
        skipSpace();
        parseValue(0, 0);
        skipSpace();
        if (!m_error && m_pos != m_doc.size())
            failAt(JsonText::tr("unexpected bytes after the end of the document"));
        if (m_error)
            return fail(*m_error);
        if (m_found)
            m_found->overriddenDuplicates = m_duplicates;
        return m_found;
    }

private:
    void failAt(const QString &problem)
    {
        if (!m_error)
            m_error = Error{u"json.invalid"_s,
                            JsonText::tr("Invalid JSON at byte %1: %2").arg(m_pos).arg(problem)};
    }

    void skipSpace()
    {
        while (m_pos < m_doc.size()) {
            const char c = m_doc.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    bool atEnd() const { return m_pos >= m_doc.size(); }
    char peek() const { return atEnd() ? '\0' : m_doc.at(m_pos); }

    // `level`: how many path tokens lead here (-1: off the path).
    void parseValue(int depth, int level)
    {
        if (m_error)
            return;
        if (depth > maxDepth) {
            m_error = Error{u"json.too_deep"_s,
                            JsonText::tr("JSON nested deeper than %1 levels at byte %2")
                                    .arg(maxDepth)
                                    .arg(m_pos)};
            return;
        }
        const bool target = level == m_path.size();
        const qsizetype start = m_pos;
        JsonToken::Kind kind = JsonToken::Kind::Null;
        switch (peek()) {
        case '{':
            kind = JsonToken::Kind::Object;
            parseObject(depth, target ? -1 : level);
            break;
        case '[':
            kind = JsonToken::Kind::Array;
            parseArray(depth, target ? -1 : level);
            break;
        case '"':
            kind = JsonToken::Kind::String;
            parseString();
            break;
        case 't':
            kind = JsonToken::Kind::True;
            parseLiteral("true");
            break;
        case 'f':
            kind = JsonToken::Kind::False;
            parseLiteral("false");
            break;
        case 'n':
            kind = JsonToken::Kind::Null;
            parseLiteral("null");
            break;
        default:
            kind = JsonToken::Kind::Number;
            parseNumber();
            break;
        }
        if (target && level >= 0 && !m_error)
            m_found = JsonToken{kind, start, m_pos - start, 0};
    }

    void parseObject(int depth, int level)
    {
        ++m_pos; // {
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return;
        }
        bool matchedBefore = false;
        while (!m_error) {
            skipSpace();
            if (peek() != '"') {
                failAt(JsonText::tr("expected a member name in double quotes"));
                return;
            }
            const qsizetype keyStart = m_pos;
            parseString();
            if (m_error)
                return;
            bool onPath = false;
            if (level >= 0) {
                const QByteArrayView literal = m_doc.sliced(keyStart, m_pos - keyStart);
                const QByteArray &wanted = m_path.at(level);
                if (literal.indexOf('\\') < 0) {
                    onPath = literal.sliced(1, literal.size() - 2) == wanted;
                } else {
                    const auto decoded = decodeString(literal);
                    onPath = decoded && *decoded == wanted;
                }
            }
            skipSpace();
            if (peek() != ':') {
                failAt(JsonText::tr("expected ':' after a member name"));
                return;
            }
            ++m_pos;
            skipSpace();
            if (onPath) {
                // A later member with the same name replaces everything found under an earlier
                // one (last one wins).
                if (matchedBefore)
                    ++m_duplicates;
                matchedBefore = true;
                m_found.reset();
            }
            parseValue(depth + 1, onPath ? level + 1 : -1);
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return;
            }
            failAt(JsonText::tr("expected ',' or '}' in an object"));
        }
    }

    void parseArray(int depth, int level)
    {
        ++m_pos; // [
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return;
        }
        qsizetype wantedIndex = -1;
        if (level >= 0) {
            const QByteArray &token = m_path.at(level);
            bool ok = false;
            const qsizetype index = token.toLongLong(&ok);
            const bool canonical = !token.isEmpty() && (token == "0" || !token.startsWith('0'))
                                   && !token.startsWith('+') && !token.startsWith('-');
            if (ok && canonical)
                wantedIndex = index;
        }
        for (qsizetype index = 0; !m_error; ++index) {
            skipSpace();
            parseValue(depth + 1, index == wantedIndex ? level + 1 : -1);
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return;
            }
            failAt(JsonText::tr("expected ',' or ']' in an array"));
        }
    }

    void parseString()
    {
        ++m_pos; // "
        while (!atEnd()) {
            const auto c = static_cast<unsigned char>(m_doc.at(m_pos));
            if (c == '"') {
                ++m_pos;
                return;
            }
            if (c < 0x20) {
                failAt(JsonText::tr("control character 0x%1 inside a string")
                               .arg(uint(c), 2, 16, QChar(u'0')));
                return;
            }
            if (c == '\\') {
                ++m_pos;
                const char e = peek();
                if (e == 'u') {
                    if (!hex4(m_doc.sliced(qMin(m_pos + 1, m_doc.size())))) {
                        failAt(JsonText::tr("\\u must be followed by four hex digits"));
                        return;
                    }
                    m_pos += 5;
                    continue;
                }
                if (QByteArrayView("\"\\/bfnrt").indexOf(e) < 0 || atEnd()) {
                    failAt(JsonText::tr("unknown escape sequence"));
                    return;
                }
            }
            ++m_pos;
        }
        failAt(JsonText::tr("unterminated string"));
    }

    void parseLiteral(QByteArrayView literal)
    {
        if (m_doc.sliced(m_pos).startsWith(literal)) {
            m_pos += literal.size();
            return;
        }
        failAt(JsonText::tr("expected a value"));
    }

    void parseNumber()
    {
        const qsizetype start = m_pos;
        auto digits = [&] {
            const qsizetype from = m_pos;
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++m_pos;
            return m_pos - from;
        };
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0') {
            ++m_pos;
        } else if (digits() == 0) {
            m_pos = start;
            failAt(JsonText::tr("expected a value"));
            return;
        }
        if (peek() == '.') {
            ++m_pos;
            if (digits() == 0) {
                failAt(JsonText::tr("expected digits after the decimal point"));
                return;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (digits() == 0)
                failAt(JsonText::tr("expected digits in the exponent"));
        }
    }

    QByteArrayView m_doc;
    QList<QByteArray> m_path;
    qsizetype m_pos = 0;
    std::optional<JsonToken> m_found;
    int m_duplicates = 0;
    std::optional<Error> m_error;
};
} // namespace

Result<std::optional<JsonToken>> find(QByteArrayView document, QStringView pointer)
{
    QList<QByteArray> path;
    if (!pointer.isEmpty()) {
        if (!pointer.startsWith(u'/')) {
            return fail(u"json.bad_pointer"_s,
                        JsonText::tr("\"%1\" is not a JSON pointer: it must be empty or start "
                                     "with \"/\"")
                                .arg(pointer.toString()));
        }
        const auto tokens = pointer.sliced(1).split(u'/');
        for (QStringView token : tokens) {
            QString name = token.toString();
            name.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
            path << name.toUtf8();
        }
    }
    return Parser(document, std::move(path)).run();
}

std::optional<QByteArray> decodeString(QByteArrayView literal)
{
    if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"')
        return std::nullopt;
    const QByteArrayView inner = literal.sliced(1, literal.size() - 2);
    QByteArray out;
    out.reserve(inner.size());
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const char c = inner.at(i);
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= inner.size())
            return std::nullopt;
        switch (inner.at(i)) {
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case '/':
            out += '/';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            auto unit = hex4(inner.sliced(i + 1));
            if (!unit)
                return std::nullopt;
            i += 4;
            uint cp = *unit;
            if (cp >= 0xd800 && cp <= 0xdbff) {
                const bool pair = i + 6 < inner.size() + 0 && inner.at(i + 1) == '\\'
                                  && inner.at(i + 2) == 'u';
                const auto low = pair ? hex4(inner.sliced(i + 3)) : std::nullopt;
                if (!low || *low < 0xdc00 || *low > 0xdfff)
                    return std::nullopt;
                cp = 0x10000 + ((cp - 0xd800) << 10) + (*low - 0xdc00);
                i += 6;
            } else if (cp >= 0xdc00 && cp <= 0xdfff) {
                return std::nullopt;
            }
            appendUtf8(out, cp);
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return out;
}

} // namespace wb::core::rawjson
