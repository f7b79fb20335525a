// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/textchecks.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
bool isControl(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || (u >= 0x7f && u <= 0x9f);
}
} // namespace

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), isControl);
}

QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else if (isControl(c))
            out += u"\\u{%1}"_s.arg(int(c.unicode()), 2, 16, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

} // namespace wb::core
