// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/httpdate.h"

#include <QDate>
#include <QDateTime>

#include <array>

namespace wb::core {

namespace {

constexpr std::array<const char *, 7> kShortDays = {"Mon", "Tue", "Wed", "Thu",
                                                    "Fri", "Sat", "Sun"};
constexpr std::array<const char *, 7> kLongDays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
constexpr std::array<const char *, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr qint64 kJulianDayOfEpoch = 2440588; // QDate(1970, 1, 1).toJulianDay()

// A cursor over the text with exact-match helpers; every helper fails without consuming.
class Cursor
{
public:
    explicit Cursor(QByteArrayView text)
        : m_text(text)
    {}

    bool atEnd() const { return m_pos == m_text.size(); }

    bool literal(QByteArrayView expected)
    {
        if (m_text.sliced(m_pos).startsWith(expected)) {
            m_pos += expected.size();
            return true;
        }
        return false;
    }

    // Exactly `count` ASCII digits.
    bool digits(int count, int *value)
    {
        if (m_pos + count > m_text.size())
            return false;
        int result = 0;
        for (int i = 0; i < count; ++i) {
            const char c = m_text.at(m_pos + i);
            if (c < '0' || c > '9')
                return false;
            result = result * 10 + (c - '0');
        }
        m_pos += count;
        *value = result;
        return true;
    }

    template<std::size_t N>
    bool oneOf(const std::array<const char *, N> &names, int *index)
    {
        // Longest names first would matter only for prefixes; none of the name sets has one
        // name that is a prefix of another.
        for (std::size_t i = 0; i < N; ++i) {
            if (literal(QByteArrayView(names[i]))) {
                *index = int(i);
                return true;
            }
        }
        return false;
    }

private:
    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

bool timeOfDay(Cursor &c, int *h, int *m, int *s)
{
    return c.digits(2, h) && c.literal(":") && c.digits(2, m) && c.literal(":") && c.digits(2, s)
           && *h <= 23 && *m <= 59 && *s <= 60;
}

std::optional<qint64> toMs(int year, int month, int day, int h, int m, int s)
{
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    const qint64 days = date.toJulianDay() - kJulianDayOfEpoch;
    return ((days * 24 + h) * 60 + m) * 60'000 + qint64(s) * 1000;
}

std::optional<qint64> parseImfFixdate(QByteArrayView text)
{
    Cursor c(text);
    int weekday = 0, day = 0, month = 0, year = 0, h = 0, m = 0, s = 0;
    if (c.oneOf(kShortDays, &weekday) && c.literal(", ") && c.digits(2, &day) && c.literal(" ")
        && c.oneOf(kMonths, &month) && c.literal(" ") && c.digits(4, &year) && c.literal(" ")
        && timeOfDay(c, &h, &m, &s) && c.literal(" GMT") && c.atEnd())
        return toMs(year, month + 1, day, h, m, s);
    return std::nullopt;
}

std::optional<qint64> parseRfc850(QByteArrayView text, qint64 referenceMs)
{
    Cursor c(text);
    int weekday = 0, day = 0, month = 0, year2 = 0, h = 0, m = 0, s = 0;
    if (!(c.oneOf(kLongDays, &weekday) && c.literal(", ") && c.digits(2, &day) && c.literal("-")
          && c.oneOf(kMonths, &month) && c.literal("-") && c.digits(2, &year2) && c.literal(" ")
          && timeOfDay(c, &h, &m, &s) && c.literal(" GMT") && c.atEnd()))
        return std::nullopt;
    const int referenceYear = QDateTime::fromMSecsSinceEpoch(referenceMs, Qt::UTC).date().year();
    int year = referenceYear - referenceYear % 100 + year2;
    if (year > referenceYear + 50)
        year -= 100;
    else if (year + 100 <= referenceYear + 50)
        year += 100;
    return toMs(year, month + 1, day, h, m, s);
}

std::optional<qint64> parseAsctime(QByteArrayView text)
{
    Cursor c(text);
    int weekday = 0, day = 0, month = 0, year = 0, h = 0, m = 0, s = 0;
    if (!(c.oneOf(kShortDays, &weekday) && c.literal(" ") && c.oneOf(kMonths, &month)
          && c.literal(" ")))
        return std::nullopt;
    // date3 = month SP ( 2DIGIT / ( SP DIGIT ) )
    if (!(c.literal(" ") ? c.digits(1, &day) : c.digits(2, &day)))
        return std::nullopt;
    if (c.literal(" ") && timeOfDay(c, &h, &m, &s) && c.literal(" ") && c.digits(4, &year)
        && c.atEnd())
        return toMs(year, month + 1, day, h, m, s);
    return std::nullopt;
}

} // namespace

std::optional<HttpDate> parseHttpDate(QByteArrayView text, qint64 referenceMs)
{
    const QByteArrayView trimmed = text.trimmed();
    if (const auto ms = parseImfFixdate(trimmed))
        return HttpDate{*ms, HttpDateForm::ImfFixdate};
    if (const auto ms = parseRfc850(trimmed, referenceMs))
        return HttpDate{*ms, HttpDateForm::Rfc850};
    if (const auto ms = parseAsctime(trimmed))
        return HttpDate{*ms, HttpDateForm::Asctime};
    return std::nullopt;
}

QByteArray formatHttpDate(qint64 msSinceEpoch, HttpDateForm form)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC);
    const QDate d = t.date();
    const QTime time = t.time();
    const QByteArray hms = QByteArray::number(time.hour()).rightJustified(2, '0') + ':'
                           + QByteArray::number(time.minute()).rightJustified(2, '0') + ':'
                           + QByteArray::number(time.second()).rightJustified(2, '0');
    const QByteArray day2 = QByteArray::number(d.day()).rightJustified(2, '0');
    const QByteArray month = kMonths[std::size_t(d.month() - 1)];
    switch (form) {
    case HttpDateForm::ImfFixdate:
        return QByteArray(kShortDays[std::size_t(d.dayOfWeek() - 1)]) + ", " + day2 + ' ' + month
               + ' ' + QByteArray::number(d.year()) + ' ' + hms + " GMT";
    case HttpDateForm::Rfc850:
        return QByteArray(kLongDays[std::size_t(d.dayOfWeek() - 1)]) + ", " + day2 + '-' + month
               + '-' + QByteArray::number(d.year() % 100).rightJustified(2, '0') + ' ' + hms
               + " GMT";
    case HttpDateForm::Asctime:
        return QByteArray(kShortDays[std::size_t(d.dayOfWeek() - 1)]) + ' ' + month + ' '
               + QByteArray::number(d.day()).rightJustified(2, ' ') + ' ' + hms + ' '
               + QByteArray::number(d.year());
    }
    return {};
}

} // namespace wb::core
