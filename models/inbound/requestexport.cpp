// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inbound/requestexport.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wb::models::RequestExport)
};

QString singleQuoted(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    text.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + text + u"'"_s;
}

// bash's ANSI-C quoting: printable ASCII as is, everything else as \xHH.
QString ansiCQuoted(const QByteArray &bytes)
{
    QString out = u"$'"_s;
    out.reserve(bytes.size() + 3);
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '\\' || byte == '\'') {
            out += u'\\';
            out += QChar(char16_t(byte));
        } else if (byte == '\n') {
            out += u"\\n"_s;
        } else if (byte >= 0x20 && byte < 0x7F) {
            out += QChar(char16_t(byte));
        } else {
            out += u"\\x"_s + QString::number(byte, 16).rightJustified(2, u'0');
        }
    }
    out += u'\'';
    return out;
}

bool leftToCurl(QByteArrayView name)
{
    for (const char *own : {"content-length", "host", "transfer-encoding", "connection"}) {
        if (name.compare(QByteArrayView(own), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool isSensitiveHeader(QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().toLower();
    if (lower == "authorization" || lower == "proxy-authorization" || lower == "cookie")
        return true;
    for (const char *part : {"signature", "token", "secret", "api-key", "apikey", "password"}) {
        if (lower.contains(part))
            return true;
    }
    return false;
}

QString curlCommand(const core::RawRequest &request, const QByteArray &url, bool withSecrets)
{
    QString command = u"curl -X %1 %2"_s.arg(QString::fromLatin1(request.method),
                                             singleQuoted(url.isEmpty() ? request.url : url));
    for (const core::ReceivedHeader &header : request.headers) {
        if (leftToCurl(header.name))
            continue;
        const QByteArray value = !withSecrets && isSensitiveHeader(header.name) ? "<redacted>"_ba
                                                                                : header.value;
        command += u" \\\n  -H "_s + singleQuoted(header.name + ": " + value);
    }
    if (!request.body.isEmpty())
        command += u" \\\n  --data-binary "_s + ansiCQuoted(request.body);
    return command;
}

QByteArray requestFileBytes(const core::RawRequest &request, const QByteArray &requestTarget)
{
    QByteArray target = requestTarget;
    if (target.isEmpty()) {
        const QUrl url = QUrl::fromEncoded(request.url);
        target = url.path(QUrl::FullyEncoded).toUtf8();
        if (target.isEmpty())
            target = "/";
        if (url.hasQuery())
            target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    }
    QByteArray out = request.method + ' ' + target + " HTTP/1.1\r\n";
    for (const core::ReceivedHeader &header : request.headers)
        out += header.name + ": " + header.value + "\r\n";
    out += "\r\n";
    out += request.body;
    return out;
}

core::Result<core::RawRequest> parseRequestFile(const QByteArray &bytes, const QString &fileName)
{
    qsizetype pos = 0;
    int lineNumber = 0;
    const auto nextLine = [&]() -> std::optional<QByteArray> {
        const qsizetype end = bytes.indexOf('\n', pos);
        if (end < 0)
            return std::nullopt;
        QByteArray line = bytes.mid(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = end + 1;
        ++lineNumber;
        return line;
    };
    const std::optional<QByteArray> requestLine = nextLine();
    const QList<QByteArray> parts = requestLine ? requestLine->split(' ') : QList<QByteArray>();
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty()
        || !parts.at(2).startsWith("HTTP/")) {
        return core::fail(u"request_file.no_request_line"_s,
                          Text::tr("%1 does not start with an HTTP request line such as "
                                   "\"POST /hooks/7 HTTP/1.1\".")
                                  .arg(fileName));
    }
    core::RawRequest request;
    request.method = parts.at(0);
    QByteArray host;
    while (true) {
        const std::optional<QByteArray> line = nextLine();
        if (!line) {
            return core::fail(u"request_file.no_body_separator"_s,
                              Text::tr("%1 has no empty line after its header fields.")
                                      .arg(fileName));
        }
        if (line->isEmpty())
            break;
        const qsizetype colon = line->indexOf(':');
        const QByteArray name = colon > 0 ? line->left(colon) : QByteArray();
        if (name.isEmpty() || name.contains(' ') || name.contains('\t')) {
            return core::fail(u"request_file.bad_header"_s,
                              Text::tr("%1, line %2: expected \"Name: value\".")
                                      .arg(fileName)
                                      .arg(lineNumber));
        }
        const QByteArray value = line->mid(colon + 1).trimmed();
        if (name.compare("host", Qt::CaseInsensitive) == 0 && host.isEmpty())
            host = value;
        request.headers.append({name, value});
    }
    request.body = bytes.mid(pos);
    request.url = "http://" + (host.isEmpty() ? "localhost"_ba : host) + parts.at(1);
    return request;
}

} // namespace wb::models
