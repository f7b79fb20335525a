// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/sqldialect.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<QString> SqlDialect::expand(const QString &sql) const
{
    static const QRegularExpression token(u"\\{\\{([a-z0-9_]*)\\}\\}"_s);
    QString out;
    out.reserve(sql.size());
    qsizetype last = 0;
    for (const QRegularExpressionMatch &match : token.globalMatch(sql)) {
        const QString replacement = typeFor(match.captured(1));
        if (replacement.isNull()) {
            const QString around = sql.mid(qMax<qsizetype>(0, match.capturedStart() - 30), 60)
                                           .simplified();
            return fail(u"store.dialect_unknown_token"_s,
                        QCoreApplication::translate("wb::core::SqlDialect",
                                                    "The %1 SQL dialect has no type for the token "
                                                    "%2 (near \"%3\").")
                                .arg(name(), match.captured(0), around));
        }
        out += QStringView(sql).mid(last, match.capturedStart() - last);
        out += replacement;
        last = match.capturedEnd();
    }
    out += QStringView(sql).mid(last);
    return out;
}

} // namespace wb::core
