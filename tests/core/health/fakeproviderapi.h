// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHttpServer>
#include <QList>
#include <QObject>
#include <QUrl>

namespace wb::test {

// A local stand-in for a provider's REST API (GitHub hooks, Stripe webhook endpoints, Graph
// subscriptions, Shopify webhooks) on 127.0.0.1: it plays the answers a test scripts for
// (method, path), in order (the last one repeats), and records every request it got. Paths
// without a script answer 404 with a GitHub-style {"message": "Not Found"}. Main thread only.
class FakeProviderApi final : public QObject
{
    Q_OBJECT

public:
    struct Answer
    {
        int status = 200;
        QByteArray body; // JSON
    };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray query;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QByteArray header(const QByteArray &name) const;
    };

    explicit FakeProviderApi(QObject *parent = nullptr);

    bool listen();
    QUrl baseUrl() const; // http://127.0.0.1:<port>

    // Scripts the answers to `method` `path` (e.g. "GET", "/repos/octo/hello/hooks/1").
    void on(const QByteArray &method, const QByteArray &path, QList<Answer> answers);
    const QList<Request> &requests() const { return m_requests; }
    QList<Request> requestsTo(const QByteArray &method, const QByteArray &path) const;

private:
    QHttpServerResponse answer(const QHttpServerRequest &request, const QByteArray &path);

    QHttpServer m_server;
    quint16 m_port = 0;
    QHash<QByteArray, QList<Answer>> m_script; // "METHOD path"
    QList<QByteArray> m_routed;
    QList<Request> m_requests;
};

} // namespace wb::test
