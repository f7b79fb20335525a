// SPDX-License-Identifier: GPL-3.0-or-later
// Random cron expressions for the oracle comparison (tst_cronoracle.cpp).
#pragma once

#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QStringList>

namespace wb::test {

using namespace Qt::StringLiterals;

// A random expression from a fixed-seed generator. Hours stay within 04–23 in zones with clock
// changes (the policy differences are covered by their own rows), and a day field starting with
// '*' other than a bare '*' comes only with a bare '*' in the other day field (difference 2).
class CronExpressionGenerator
{
public:
    explicit CronExpressionGenerator(quint32 seed)
        : m_random(seed)
    {}

    QString expression(bool daylightSavingZone)
    {
        const QString minute = field(0, 59, true, {});
        const QString hour = daylightSavingZone ? field(4, 23, false, {}) : field(0, 23, true, {});
        QString dayOfMonth = field(1, 31, true, {});
        const QString month = field(1, 12, true, monthNames());
        QString dayOfWeek = field(0, 7, true, dayNames());
        if (starPrefixed(dayOfMonth) && dayOfWeek != u"*")
            dayOfWeek = u"*"_s;
        if (starPrefixed(dayOfWeek) && dayOfMonth != u"*")
            dayOfMonth = u"*"_s;
        return QStringList{minute, hour, dayOfMonth, month, dayOfWeek}.join(u' ');
    }

    int bounded(int low, int high) { return int(m_random.bounded(low, high + 1)); }

private:
    static QStringList monthNames()
    {
        return {u"JAN"_s, u"feb"_s, u"Mar"_s, u"APR"_s, u"may"_s, u"JUN"_s,
                u"jul"_s, u"AUG"_s, u"sep"_s, u"OCT"_s, u"nov"_s, u"DEC"_s};
    }
    static QStringList dayNames()
    {
        return {u"SUN"_s, u"mon"_s, u"Tue"_s, u"WED"_s, u"thu"_s, u"FRI"_s, u"sat"_s};
    }
    static bool starPrefixed(const QString &field)
    {
        return field.startsWith(u'*') && field != u"*";
    }

    QString value(int v, int low, const QStringList &names)
    {
        if (!names.isEmpty() && v - low < names.size() && bounded(0, 2) == 0)
            return names.at(v - low);
        return QString::number(v);
    }

    struct Item
    {
        QString text;
        QSet<int> values;
    };

    static QSet<int> stepped(int first, int last, int step, bool weekday)
    {
        QSet<int> values;
        for (int v = first; v <= last; v += step)
            values.insert(weekday && v == 7 ? 0 : v);
        return values;
    }

    Item item(int low, int high, const QStringList &names)
    {
        const bool weekday = high == 7;
        const int a = bounded(low, high);
        const int b = bounded(a, high);
        const int step = bounded(2, qMax(2, qMin(15, high - low)));
        switch (bounded(0, 3)) {
        case 0:
            return {value(a, low, names), stepped(a, a, 1, weekday)};
        case 1:
            return {value(a, low, names) + u'-' + value(b, low, names), stepped(a, b, 1, weekday)};
        case 2:
            return {value(a, low, names) + u'-' + value(b, low, names) + u'/'
                            + QString::number(step),
                    stepped(a, b, step, weekday)};
        default:
            return {QString::number(a) + u'/' + QString::number(step),
                    stepped(a, high, step, weekday)};
        }
    }

    // cron-parser refuses a list whose items select the same value twice ("7-19,17-20":
    // "duplicate values found"); crontab(5) allows it. Generate disjoint items only.
    QString field(int low, int high, bool allowStar, const QStringList &names)
    {
        const int kind = bounded(0, 9);
        if (allowStar && kind <= 2)
            return u"*"_s;
        if (allowStar && kind == 3)
            return u"*/"_s + QString::number(bounded(2, qMin(15, high)));
        QStringList texts;
        QSet<int> taken;
        const int count = bounded(1, 3);
        for (int attempt = 0; texts.size() < count && attempt < 20; ++attempt) {
            const Item next = item(low, high, names);
            if (next.values.intersects(taken))
                continue;
            taken.unite(next.values);
            texts.append(next.text);
        }
        return texts.join(u',');
    }

    QRandomGenerator m_random;
};

} // namespace wb::test
