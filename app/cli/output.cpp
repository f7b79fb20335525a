// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace wb::cli {

QString rfc3339Utc(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
            .toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

void writeJson(QTextStream &out, const QJsonObject &document)
{
    out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)) << "\n";
    out.flush();
}

void writeJson(QTextStream &out, const QJsonArray &document)
{
    out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)) << "\n";
    out.flush();
}

int reportError(QTextStream &err, QTextStream *jsonOut, const QString &command,
                const core::Error &error, int exitCode)
{
    err << "wirebench-cli " << command << ": " << error.message << "\n";
    err.flush();
    if (jsonOut) {
        writeJson(*jsonOut, QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, error.code},
                                                                 {u"message"_s, error.message}}}});
    }
    return exitCode;
}

} // namespace wb::cli
