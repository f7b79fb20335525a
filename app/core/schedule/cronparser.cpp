// SPDX-License-Identifier: GPL-3.0-or-later
// CronExpression::parse: the Vixie cron grammar (see cronexpression.h), with errors that point at
// the offending token.
#include "core/schedule/cronexpression.h"

#include <QCoreApplication>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

struct FieldSpec
{
    CronField field;
    int min;
    int max; // the highest value the text may hold (7 for day-of-week: Sunday again)
    std::array<QStringView, 12> names;
    int nameCount;
    int nameBase;
};

constexpr std::array<FieldSpec, 5> fieldSpecs{{
        {CronField::Minute, 0, 59, {}, 0, 0},
        {CronField::Hour, 0, 23, {}, 0, 0},
        {CronField::DayOfMonth, 1, 31, {}, 0, 0},
        {CronField::Month,
         1,
         12,
         {u"JAN", u"FEB", u"MAR", u"APR", u"MAY", u"JUN", u"JUL", u"AUG", u"SEP", u"OCT", u"NOV",
          u"DEC"},
         12,
         1},
        {CronField::DayOfWeek, 0, 7, {u"SUN", u"MON", u"TUE", u"WED", u"THU", u"FRI", u"SAT"}, 7, 0},
}};

struct Macro
{
    QStringView name;
    QStringView expansion;
};

// crontab(5), "Instead of the first five fields, one of eight special strings may appear".
constexpr std::array<Macro, 7> macros{{
        {u"@yearly", u"0 0 1 1 *"},
        {u"@annually", u"0 0 1 1 *"},
        {u"@monthly", u"0 0 1 * *"},
        {u"@weekly", u"0 0 * * 0"},
        {u"@daily", u"0 0 * * *"},
        {u"@midnight", u"0 0 * * *"},
        {u"@hourly", u"0 * * * *"},
}};

// Longest run of digits accepted before a number is simply "too large" (keeps toInt() safe).
constexpr qsizetype maxDigits = 9;

// A piece of the source text and where it starts (0-based, in UTF-16 code units).
struct Token
{
    QStringView text;
    qsizetype offset = 0;

    Token mid(qsizetype from, qsizetype length = -1) const
    {
        return {length < 0 ? text.mid(from) : text.mid(from, length), offset + from};
    }
};

bool isAllDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

bool isAllAsciiLetters(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')))
            return false;
    }
    return true;
}

quint64 rangeBits(int low, int high, int step)
{
    quint64 bits = 0;
    for (int value = low; value <= high; value += step)
        bits |= quint64(1) << value;
    return bits;
}

int lowestBit(quint64 bits)
{
    for (int bit = 0; bit < 64; ++bit) {
        if (bits & (quint64(1) << bit))
            return bit;
    }
    return -1;
}

int daysInMonthAnyYear(int month)
{
    return month == 2 ? 29 : QDate(2001, month, 1).daysInMonth();
}

} // namespace

class CronParser
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::CronExpression)

public:
    explicit CronParser(QStringView source)
        : m_source(source)
    {}

    tl::expected<CronExpression, CronSyntaxError> run();

private:
    tl::unexpected<CronSyntaxError> error(const QString &code, std::optional<CronField> field,
                                          Token where, QString reason) const;
    tl::expected<quint64, CronSyntaxError> parseField(const FieldSpec &spec, Token field);
    tl::expected<quint64, CronSyntaxError> parseItem(const FieldSpec &spec, Token item);
    tl::expected<int, CronSyntaxError> parseValue(const FieldSpec &spec, Token value);
    tl::expected<CronExpression, CronSyntaxError> parseMacro(const QList<Token> &tokens);
    std::optional<CronSyntaxError> checkDaysOccur(const CronExpression &expression,
                                                  Token dayOfMonthField) const;
    static std::optional<QString> unsupportedReason(QStringView token);

    QStringView m_source;
    QStringView m_trimmed;
    Token m_currentField;
};

tl::unexpected<CronSyntaxError> CronParser::error(const QString &code,
                                                  std::optional<CronField> field, Token where,
                                                  QString reason) const
{
    CronSyntaxError e;
    e.code = code;
    e.field = field;
    e.fieldText = field ? m_currentField.text.toString() : m_trimmed.toString();
    e.column = int(where.offset) + 1;
    e.length = int(qMax<qsizetype>(1, where.text.size()));
    e.reason = std::move(reason);
    return tl::unexpected<CronSyntaxError>(std::move(e));
}

// The Quartz/Jenkins extensions we recognise only to name them in the error.
std::optional<QString> CronParser::unsupportedReason(QStringView token)
{
    const QString upper = token.toString().toUpper();
    if (upper == u"L" || upper == u"LW" || (upper.endsWith(u'L') && isAllDigits(upper.chopped(1))))
        return tr("L (last day) is not supported");
    if (upper == u"W" || (upper.endsWith(u'W') && isAllDigits(upper.chopped(1))))
        return tr("W (nearest weekday) is not supported");
    if (upper == u"H" || upper.startsWith(u"H("))
        return tr("H (hashed value) is not supported");
    return std::nullopt;
}

tl::expected<CronExpression, CronSyntaxError> CronParser::run()
{
    QList<Token> tokens;
    for (qsizetype i = 0; i < m_source.size();) {
        if (m_source[i].isSpace()) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < m_source.size() && !m_source[end].isSpace())
            ++end;
        tokens.append({m_source.mid(i, end - i), i});
        i = end;
    }
    m_trimmed = m_source.trimmed();

    if (tokens.isEmpty())
        return error(u"cron.empty"_s, std::nullopt, {m_source, 0}, tr("the expression is empty"));
    if (tokens.first().text.startsWith(u'@'))
        return parseMacro(tokens);
    if (tokens.size() != 5) {
        QString reason = tr("expected 5 fields (minute hour day-of-month month day-of-week), "
                            "found %1")
                                 .arg(tokens.size());
        if (tokens.size() > 5) {
            reason += tr("; seconds and year fields are not supported");
            return error(u"cron.field_count"_s, std::nullopt, tokens.at(5), reason);
        }
        return error(u"cron.field_count"_s, std::nullopt, {{}, m_source.size()}, reason);
    }

    std::array<quint64, 5> bits{};
    for (int i = 0; i < 5; ++i) {
        m_currentField = tokens.at(i);
        auto parsed = parseField(fieldSpecs[std::size_t(i)], tokens.at(i));
        if (!parsed)
            return tl::unexpected(parsed.error());
        bits[std::size_t(i)] = *parsed;
    }

    CronExpression expression;
    expression.m_text = m_trimmed.toString();
    for (const Token &token : std::as_const(tokens))
        expression.m_fieldTexts.append(token.text.toString());
    expression.m_minutes = bits[0];
    expression.m_hours = quint32(bits[1]);
    expression.m_daysOfMonth = quint32(bits[2]);
    expression.m_months = quint16(bits[3]);
    // 7 is Sunday again: fold it onto 0.
    expression.m_daysOfWeek = quint8((bits[4] | (bits[4] >> 7)) & 0x7f);
    // Vixie cron's entry.c: `if (ch == '*') e->flags |= DOM_STAR;` (the field's first character).
    expression.m_dayOfMonthStar = tokens.at(2).text.startsWith(u'*');
    expression.m_dayOfWeekStar = tokens.at(4).text.startsWith(u'*');

    m_currentField = tokens.at(2);
    if (auto never = checkDaysOccur(expression, tokens.at(2)))
        return tl::unexpected(*never);
    return expression;
}

tl::expected<CronExpression, CronSyntaxError> CronParser::parseMacro(const QList<Token> &tokens)
{
    const Token &name = tokens.first();
    if (tokens.size() > 1) {
        return error(u"cron.field_count"_s, std::nullopt, tokens.at(1),
                     tr("%1 stands alone: remove the fields after it").arg(name.text));
    }
    if (name.text.compare(u"@reboot", Qt::CaseInsensitive) == 0) {
        return error(u"cron.unknown_macro"_s, std::nullopt, name,
                     tr("@reboot is not supported: a schedule has no start-up to run at"));
    }
    for (const Macro &macro : macros) {
        if (name.text.compare(macro.name, Qt::CaseInsensitive) != 0)
            continue;
        auto expanded = CronParser(macro.expansion).run();
        Q_ASSERT(expanded);
        expanded->m_text = name.text.toString();
        return expanded;
    }
    return error(u"cron.unknown_macro"_s, std::nullopt, name,
                 tr("unknown macro %1 (use @yearly, @annually, @monthly, @weekly, @daily, "
                    "@midnight or @hourly)")
                         .arg(name.text));
}

tl::expected<quint64, CronSyntaxError> CronParser::parseField(const FieldSpec &spec, Token field)
{
    quint64 bits = 0;
    qsizetype start = 0;
    while (true) {
        const qsizetype comma = field.text.indexOf(u',', start);
        const qsizetype end = comma < 0 ? field.text.size() : comma;
        Token item = field.mid(start, end - start);
        if (item.text.isEmpty()) {
            // Point at the comma that has nothing on one side.
            const qsizetype at = comma < 0 ? start - 1 : comma;
            return error(u"cron.empty_item"_s, spec.field, field.mid(at, 1),
                         tr("empty item in the list"));
        }
        auto itemBits = parseItem(spec, item);
        if (!itemBits)
            return tl::unexpected(itemBits.error());
        bits |= *itemBits;
        if (comma < 0)
            break;
        start = comma + 1;
    }
    return bits;
}

tl::expected<quint64, CronSyntaxError> CronParser::parseItem(const FieldSpec &spec, Token item)
{
    if (const qsizetype hash = item.text.indexOf(u'#'); hash >= 0) {
        return error(u"cron.unsupported"_s, spec.field, item.mid(hash, 1),
                     tr("# (nth weekday of the month) is not supported"));
    }
    if (const qsizetype question = item.text.indexOf(u'?'); question >= 0) {
        return error(u"cron.unsupported"_s, spec.field, item.mid(question, 1),
                     tr("? is not supported; write *"));
    }

    int step = 1;
    const qsizetype slash = item.text.indexOf(u'/');
    const Token base = slash < 0 ? item : item.mid(0, slash);
    if (slash >= 0) {
        const Token stepToken = item.mid(slash + 1);
        if (stepToken.text.isEmpty()) {
            return error(u"cron.invalid_step"_s, spec.field, item.mid(slash, 1),
                         tr("missing step after /"));
        }
        if (!isAllDigits(stepToken.text)) {
            return error(u"cron.invalid_step"_s, spec.field, stepToken,
                         tr("step %1 is not a number").arg(stepToken.text));
        }
        step = stepToken.text.size() > maxDigits ? -1 : stepToken.text.toInt();
        if (step < 1 || step > spec.max) {
            return error(u"cron.invalid_step"_s, spec.field, stepToken,
                         tr("step %1 is out of range 1–%2").arg(stepToken.text).arg(spec.max));
        }
        if (base.text.isEmpty()) {
            return error(u"cron.invalid_value"_s, spec.field, item.mid(slash, 1),
                         tr("missing value before /"));
        }
    }

    if (base.text == u"*")
        return rangeBits(spec.min, spec.max, step);

    const qsizetype dash = base.text.indexOf(u'-');
    if (dash == 0) {
        return error(u"cron.invalid_value"_s, spec.field, base,
                     tr("%1 is not a value (negative numbers do not exist here)").arg(base.text));
    }
    const Token lowToken = dash < 0 ? base : base.mid(0, dash);
    auto low = parseValue(spec, lowToken);
    if (!low)
        return tl::unexpected(low.error());
    int high = *low;
    if (dash > 0) {
        const Token highToken = base.mid(dash + 1);
        if (highToken.text.isEmpty()) {
            return error(u"cron.invalid_value"_s, spec.field, base.mid(dash, 1),
                         tr("the range %1 has no end").arg(base.text));
        }
        if (highToken.text.contains(u'-')) {
            return error(u"cron.invalid_value"_s, spec.field, base,
                         tr("%1 is not a range (write a-b)").arg(base.text));
        }
        auto parsedHigh = parseValue(spec, highToken);
        if (!parsedHigh)
            return tl::unexpected(parsedHigh.error());
        high = *parsedHigh;
        if (high < *low) {
            return error(u"cron.reversed_range"_s, spec.field, base,
                         tr("the range %1 runs backwards (ranges do not wrap around; write two "
                            "ranges in a list)")
                                 .arg(base.text));
        }
    } else if (slash >= 0) {
        // "a/n" is "a-<max>/n" (cronie, cron-parser).
        high = spec.max;
    }
    return rangeBits(*low, high, step);
}

tl::expected<int, CronSyntaxError> CronParser::parseValue(const FieldSpec &spec, Token value)
{
    if (isAllDigits(value.text)) {
        const int number = value.text.size() > maxDigits ? -1 : value.text.toInt();
        if (number < spec.min || number > spec.max) {
            return error(u"cron.out_of_range"_s, spec.field, value,
                         tr("%1 is out of range %2–%3").arg(value.text).arg(spec.min).arg(spec.max));
        }
        return number;
    }
    if (auto reason = unsupportedReason(value.text))
        return error(u"cron.unsupported"_s, spec.field, value, *reason);
    if (isAllAsciiLetters(value.text) && spec.nameCount > 0) {
        for (int i = 0; i < spec.nameCount; ++i) {
            if (value.text.compare(spec.names[std::size_t(i)], Qt::CaseInsensitive) == 0)
                return spec.nameBase + i;
        }
        const QString reason = spec.field == CronField::Month
                                       ? tr("%1 is not a month name (JAN–DEC)")
                                       : tr("%1 is not a day name (SUN–SAT)");
        return error(u"cron.unknown_name"_s, spec.field, value, reason.arg(value.text));
    }
    const QString reason = spec.nameCount > 0
                                   ? tr("%1 is not a number or a name (%2 takes %3–%4 or %5–%6)")
                                             .arg(value.text, cronFieldName(spec.field))
                                             .arg(spec.min)
                                             .arg(spec.max)
                                             .arg(spec.names[0],
                                                  spec.names[std::size_t(spec.nameCount - 1)])
                                   : tr("%1 is not a number (%2 takes %3–%4)")
                                             .arg(value.text, cronFieldName(spec.field))
                                             .arg(spec.min)
                                             .arg(spec.max);
    return error(u"cron.invalid_value"_s, spec.field, value, reason);
}

std::optional<CronSyntaxError> CronParser::checkDaysOccur(const CronExpression &expression,
                                                          Token dayOfMonthField) const
{
    // Only when day-of-week cannot rescue it: with both fields restricted, days match by either.
    if (expression.m_dayOfMonthStar || !expression.m_dayOfWeekStar)
        return std::nullopt;
    const int firstDay = lowestBit(expression.m_daysOfMonth);
    QStringList months;
    for (int month = 1; month <= 12; ++month) {
        if (!(expression.m_months & (1u << month)))
            continue;
        if (firstDay <= daysInMonthAnyYear(month))
            return std::nullopt;
        months.append(fieldSpecs[3].names[std::size_t(month - 1)].toString());
    }
    return error(u"cron.never_fires"_s, CronField::DayOfMonth, dayOfMonthField,
                 tr("%1 never occurs in %2").arg(dayOfMonthField.text, months.join(u", ")))
            .value();
}

tl::expected<CronExpression, CronSyntaxError> CronExpression::parse(QStringView text)
{
    return CronParser(text).run();
}

} // namespace wb::core
