// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/structuredfield.h"

using namespace Qt::StringLiterals;

namespace wb::core::sf {

namespace {

bool isLcAlpha(char c)
{
    return c >= 'a' && c <= 'z';
}
bool isAlpha(char c)
{
    return isLcAlpha(c) || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
// tchar (RFC 9110 §5.6.2)
bool isTchar(char c)
{
    return isAlpha(c) || isDigit(c) || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

class Parser
{
public:
    explicit Parser(QByteArrayView text)
        : m_text(text)
    {}

    Result<QList<Item>> list()
    {
        QList<Item> members;
        skipSpaces();
        if (atEnd())
            return members;
        while (true) {
            auto member = peek() == '(' ? innerList() : item();
            if (!member)
                return fail(member.error());
            members.append(std::move(*member));
            skipOws();
            if (atEnd())
                return members;
            if (peek() != ',')
                return error("expected ',' between list members");
            ++m_pos;
            skipOws();
            if (atEnd())
                return error("trailing ',' at the end of the list");
        }
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    void skipSpaces()
    {
        while (!atEnd() && peek() == ' ')
            ++m_pos;
    }
    void skipOws()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_pos;
    }
    tl::unexpected<Error> error(const char *what) const
    {
        return fail(u"sf.malformed"_s,
                    u"structured field: %1 at position %2"_s.arg(QLatin1StringView(what)).arg(m_pos));
    }

    Result<Item> innerList()
    {
        Item result;
        result.isInnerList = true;
        ++m_pos; // '('
        while (true) {
            skipSpaces();
            if (atEnd())
                return error("unterminated inner list");
            if (peek() == ')') {
                ++m_pos;
                auto params = parameters();
                if (!params)
                    return fail(params.error());
                result.parameters = std::move(*params);
                return result;
            }
            auto member = item();
            if (!member)
                return fail(member.error());
            result.innerList.append(std::move(*member));
            if (!atEnd() && peek() != ' ' && peek() != ')')
                return error("expected ' ' or ')' in inner list");
        }
    }

    Result<Item> item()
    {
        Item result;
        auto value = bareItem();
        if (!value)
            return fail(value.error());
        result.value = std::move(*value);
        auto params = parameters();
        if (!params)
            return fail(params.error());
        result.parameters = std::move(*params);
        return result;
    }

    Result<QList<Parameter>> parameters()
    {
        QList<Parameter> params;
        while (!atEnd() && peek() == ';') {
            ++m_pos;
            skipSpaces();
            auto name = key();
            if (!name)
                return fail(name.error());
            Parameter param;
            param.key = std::move(*name);
            param.value.type = BareItem::Type::Boolean;
            param.value.integer = 1;
            if (!atEnd() && peek() == '=') {
                ++m_pos;
                auto value = bareItem();
                if (!value)
                    return fail(value.error());
                param.value = std::move(*value);
            }
            params.append(std::move(param));
        }
        return params;
    }

    Result<QByteArray> key()
    {
        if (atEnd() || !(isLcAlpha(peek()) || peek() == '*'))
            return error("expected a key");
        const qsizetype start = m_pos;
        while (!atEnd()
               && (isLcAlpha(peek()) || isDigit(peek()) || QByteArrayView("_-.*").contains(peek())))
            ++m_pos;
        return m_text.sliced(start, m_pos - start).toByteArray();
    }

    Result<BareItem> bareItem()
    {
        const char c = peek();
        if (c == '-' || isDigit(c))
            return number();
        if (c == '"')
            return string();
        if (c == ':')
            return byteSequence();
        if (c == '?')
            return boolean();
        if (isAlpha(c) || c == '*')
            return token();
        return error("expected an item");
    }

    Result<BareItem> number()
    {
        BareItem result;
        bool negative = false;
        if (peek() == '-') {
            negative = true;
            ++m_pos;
        }
        if (!isDigit(peek()))
            return error("expected a digit");
        const qsizetype start = m_pos;
        qsizetype dot = -1;
        while (!atEnd() && (isDigit(peek()) || (peek() == '.' && dot < 0))) {
            if (peek() == '.') {
                if (m_pos - start > 12)
                    return error("decimal has more than 12 integer digits");
                dot = m_pos;
            }
            ++m_pos;
            if (dot < 0 && m_pos - start > 15)
                return error("integer has more than 15 digits");
        }
        const QByteArrayView digits = m_text.sliced(start, m_pos - start);
        if (dot < 0) {
            result.type = BareItem::Type::Integer;
            result.integer = digits.toLongLong() * (negative ? -1 : 1);
            return result;
        }
        const qsizetype fractionDigits = m_pos - dot - 1;
        if (fractionDigits < 1 || fractionDigits > 3)
            return error("decimal needs 1 to 3 fraction digits");
        result.type = BareItem::Type::Decimal;
        result.decimal = digits.toByteArray().toDouble() * (negative ? -1 : 1);
        return result;
    }

    Result<BareItem> string()
    {
        BareItem result;
        result.type = BareItem::Type::String;
        ++m_pos; // '"'
        while (!atEnd()) {
            const char c = peek();
            ++m_pos;
            if (c == '\\') {
                if (atEnd() || (peek() != '"' && peek() != '\\'))
                    return error("bad escape in string");
                result.bytes += peek();
                ++m_pos;
            } else if (c == '"') {
                return result;
            } else if (c < 0x20 || c > 0x7e) {
                return error("non-printable character in string");
            } else {
                result.bytes += c;
            }
        }
        return error("unterminated string");
    }

    Result<BareItem> token()
    {
        BareItem result;
        result.type = BareItem::Type::Token;
        const qsizetype start = m_pos;
        ++m_pos;
        while (!atEnd() && (isTchar(peek()) || peek() == ':' || peek() == '/'))
            ++m_pos;
        result.bytes = m_text.sliced(start, m_pos - start).toByteArray();
        return result;
    }

    Result<BareItem> byteSequence()
    {
        BareItem result;
        result.type = BareItem::Type::ByteSequence;
        ++m_pos; // ':'
        const qsizetype start = m_pos;
        while (!atEnd() && peek() != ':') {
            const char c = peek();
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '='))
                return error("bad character in byte sequence");
            ++m_pos;
        }
        if (atEnd())
            return error("unterminated byte sequence");
        const QByteArray encoded = m_text.sliced(start, m_pos - start).toByteArray();
        ++m_pos; // ':'
        auto decoded = QByteArray::fromBase64Encoding(encoded,
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return error("bad base64 in byte sequence");
        result.bytes = std::move(decoded.decoded);
        return result;
    }

    Result<BareItem> boolean()
    {
        BareItem result;
        result.type = BareItem::Type::Boolean;
        ++m_pos; // '?'
        if (peek() == '1' || peek() == '0') {
            result.integer = peek() == '1' ? 1 : 0;
            ++m_pos;
            return result;
        }
        return error("expected ?0 or ?1");
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

} // namespace

const BareItem *Item::parameter(QByteArrayView name) const
{
    for (auto it = parameters.crbegin(); it != parameters.crend(); ++it) {
        if (it->key == name)
            return &it->value;
    }
    return nullptr;
}

Result<QList<Item>> parseList(QByteArrayView fieldValue)
{
    // Trailing spaces are discarded before parsing (RFC 8941 §4.2 step 2).
    qsizetype end = fieldValue.size();
    while (end > 0 && fieldValue.at(end - 1) == ' ')
        --end;
    return Parser(fieldValue.first(end)).list();
}

} // namespace wb::core::sf
