// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeproviderapi.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>

using namespace Qt::StringLiterals;

namespace wb::test {

namespace {
QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET"_ba;
    case QHttpServerRequest::Method::Post:
        return "POST"_ba;
    case QHttpServerRequest::Method::Patch:
        return "PATCH"_ba;
    case QHttpServerRequest::Method::Put:
        return "PUT"_ba;
    case QHttpServerRequest::Method::Delete:
        return "DELETE"_ba;
    default:
        break;
    }
    return "OTHER"_ba;
}
} // namespace

QByteArray FakeProviderApi::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FakeProviderApi::FakeProviderApi(QObject *parent)
    : QObject(parent)
{}

bool FakeProviderApi::listen()
{
    m_port = m_server.listen(QHostAddress::LocalHost);
    return m_port != 0;
}

QUrl FakeProviderApi::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

void FakeProviderApi::on(const QByteArray &method, const QByteArray &path, QList<Answer> answers)
{
    m_script.insert(method + ' ' + path, std::move(answers));
    if (m_routed.contains(path))
        return;
    m_routed << path;
    m_server.route(QString::fromUtf8(path), [this, path](const QHttpServerRequest &request) {
        return answer(request, path);
    });
}

QList<FakeProviderApi::Request> FakeProviderApi::requestsTo(const QByteArray &method,
                                                            const QByteArray &path) const
{
    QList<Request> result;
    for (const Request &request : m_requests) {
        if (request.method == method && request.path == path)
            result << request;
    }
    return result;
}

QHttpServerResponse FakeProviderApi::answer(const QHttpServerRequest &request,
                                            const QByteArray &path)
{
    Request seen;
    seen.method = methodName(request.method());
    seen.path = request.url().path().toUtf8();
    seen.query = request.url().query().toUtf8();
    seen.headers = request.headers();
    seen.body = request.body();
    m_requests << seen;
    QList<Answer> &answers = m_script[seen.method + ' ' + path];
    if (answers.isEmpty()) {
        return QHttpServerResponse("application/json"_ba, "{\"message\":\"Not Found\"}"_ba,
                                   QHttpServerResponse::StatusCode::NotFound);
    }
    const Answer next = answers.size() > 1 ? answers.takeFirst() : answers.constFirst();
    return QHttpServerResponse("application/json"_ba, next.body,
                               QHttpServerResponse::StatusCode(next.status));
}

} // namespace wb::test
