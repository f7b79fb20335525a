// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.h"

#include <QCommandLineOption>

#include "command.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace wb::cli {

const QCommandLineOption &jsonOption()
{
    static const QCommandLineOption option(u"json"_s, u"Print JSON instead of text."_s);
    return option;
}

core::Result<QUrl> parseHttpUrl(const QString &text, const QString &option)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http" && url.scheme() != u"https")) {
        return core::fail(u"cli.invalid_option"_s,
                          u"--%1 expects an absolute http or https URL, got '%2'"_s.arg(option,
                                                                                        text));
    }
    return url;
}

QString rfc3339Utc(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
            .toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

QJsonValue optionalTime(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(rfc3339Utc(*ms)) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalId(const std::optional<qint64> &id)
{
    return id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null);
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

void writeTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    const auto writeRow = [&](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i) {
            if (i + 1 < cells.size())
                line += cells[i].leftJustified(widths[i] + 2);
            else
                line += cells[i];
        }
        out << line << "\n";
    };
    QStringList upper;
    for (const QString &header : headers)
        upper.append(header.toUpper());
    writeRow(upper);
    for (const QStringList &row : rows)
        writeRow(row);
    out.flush();
}

int exitCodeFor(const core::Error &error)
{
    static const QStringList refused = {u".invalid_"_s,
                                        u".duplicate_"_s,
                                        u".unknown_"_s,
                                        u"_conflict"_s,
                                        u"store.connection_mismatch"_s,
                                        u".not_replayable"_s,
                                        u".not_forwardable"_s,
                                        u".forwarding_in_progress"_s};
    // cli.*: the command line itself; cron.*: a cron expression as given (naming its field).
    if (error.code.startsWith(u"cli."_s) || error.code.startsWith(u"cron."_s))
        return ExitUsage;
    for (const QString &marker : refused) {
        if (error.code.contains(marker))
            return ExitUsage;
    }
    return ExitRuntime;
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
