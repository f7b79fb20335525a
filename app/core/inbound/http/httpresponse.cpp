// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/http/httpresponse.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wb::core {

HttpResponse HttpResponse::json(int status, const QByteArray &json)
{
    HttpResponse response;
    response.status = status;
    response.headers.append(ReceivedHeader{"Content-Type"_ba, "application/json"_ba});
    response.body = json;
    return response;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    const QJsonObject object{{u"error"_s, code}, {u"message"_s, message}};
    return json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray reasonPhrase(int status)
{
    // RFC 9110 §15.
    switch (status) {
    case 100:
        return "Continue"_ba;
    case 200:
        return "OK"_ba;
    case 202:
        return "Accepted"_ba;
    case 204:
        return "No Content"_ba;
    case 400:
        return "Bad Request"_ba;
    case 401:
        return "Unauthorized"_ba;
    case 403:
        return "Forbidden"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 408:
        return "Request Timeout"_ba;
    case 413:
        return "Content Too Large"_ba;
    case 414:
        return "URI Too Long"_ba;
    case 415:
        return "Unsupported Media Type"_ba;
    case 431:
        return "Request Header Fields Too Large"_ba;
    case 500:
        return "Internal Server Error"_ba;
    case 501:
        return "Not Implemented"_ba;
    case 503:
        return "Service Unavailable"_ba;
    case 505:
        return "HTTP Version Not Supported"_ba;
    default:
        return "Status"_ba;
    }
}

QByteArray serializeResponse(const HttpResponse &response, bool headRequest, bool close)
{
    QByteArray out;
    out.reserve(128 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
           + "\r\n";
    for (const ReceivedHeader &header : response.headers)
        out += header.name + ": " + header.value + "\r\n";
    // 1xx and 204 carry no Content-Length (RFC 9110 §8.6).
    if (response.status >= 200 && response.status != 204)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!headRequest && response.status != 204)
        out += response.body;
    return out;
}

} // namespace wb::core
