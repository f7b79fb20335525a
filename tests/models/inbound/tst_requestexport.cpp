// SPDX-License-Identifier: GPL-3.0-or-later
// Copy as curl (secrets redacted unless asked; every body byte preserved, proved by running the
// command through bash and comparing what curl would send) and save/load of a request file.
#include "models/inbound/requestexport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;

namespace {

core::RawRequest slackRequest()
{
    core::RawRequest request;
    request.method = "POST"_ba;
    request.url = "http://127.0.0.1:8480/hooks/p/slack?x=1"_ba;
    request.headers = {{"Host"_ba, "127.0.0.1:8480"_ba},
                       {"Content-Type"_ba, "application/json"_ba},
                       {"Content-Length"_ba, "42"_ba},
                       {"X-Slack-Request-Timestamp"_ba, "1750000000"_ba},
                       {"X-Slack-Signature"_ba,
                        "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10"_ba},
                       {"Authorization"_ba, "Bearer xoxb-secret"_ba},
                       {"X-Quote"_ba, "it's"_ba}};
    request.body = QByteArray("{\"text\":\"it's \\\"q\\\" caf\xc3\xa9\"}\n\xff\x00"
                              "end",
                              33);
    return request;
}

} // namespace

class TestRequestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sensitiveHeaders_data();
    void sensitiveHeaders();
    void curlRedactsUnlessAsked();
    void curlBodyIsByteExactThroughBash();
    void requestFileRoundTrip();
    void badRequestFiles_data();
    void badRequestFiles();
};

void TestRequestExport::sensitiveHeaders_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("sensitive");
    QTest::newRow("authorization") << "authorization"_ba << true;
    QTest::newRow("github-signature") << "X-Hub-Signature-256"_ba << true;
    QTest::newRow("stripe-signature") << "Stripe-Signature"_ba << true;
    QTest::newRow("standard-webhooks-signature") << "webhook-signature"_ba << true;
    QTest::newRow("gitlab-token") << "X-Gitlab-Token"_ba << true;
    QTest::newRow("api-key") << "X-Api-Key"_ba << true;
    QTest::newRow("cookie") << "Cookie"_ba << true;
    QTest::newRow("content-type") << "Content-Type"_ba << false;
    QTest::newRow("github-event") << "X-GitHub-Event"_ba << false;
    QTest::newRow("slack-timestamp") << "X-Slack-Request-Timestamp"_ba << false;
}

void TestRequestExport::sensitiveHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, sensitive);
    QCOMPARE(models::isSensitiveHeader(name), sensitive);
}

void TestRequestExport::curlRedactsUnlessAsked()
{
    const core::RawRequest request = slackRequest();
    const QString redacted = models::curlCommand(request, {}, false);
    QVERIFY(redacted.startsWith(u"curl -X POST 'http://127.0.0.1:8480/hooks/p/slack?x=1'"_s));
    QVERIFY(redacted.contains(u"-H 'X-Slack-Signature: <redacted>'"_s));
    QVERIFY(redacted.contains(u"-H 'Authorization: <redacted>'"_s));
    QVERIFY(!redacted.contains(u"xoxb-secret"_s));
    QVERIFY(!redacted.contains(u"a2114d57"_s));
    QVERIFY(redacted.contains(u"-H 'X-Slack-Request-Timestamp: 1750000000'"_s));
    QVERIFY(redacted.contains(u"-H 'X-Quote: it'\\''s'"_s));
    // curl computes these itself.
    QVERIFY(!redacted.contains(u"Content-Length"_s));
    QVERIFY(!redacted.contains(u"'Host:"_s));

    const QString full = models::curlCommand(request, "https://example.test/in"_ba, true);
    QVERIFY(full.startsWith(u"curl -X POST 'https://example.test/in'"_s));
    QVERIFY(full.contains(u"-H 'Authorization: Bearer xoxb-secret'"_s));
    QVERIFY(full.contains(
            u"-H 'X-Slack-Signature: v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10'"_s));
}

void TestRequestExport::curlBodyIsByteExactThroughBash()
{
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    if (bash.isEmpty())
        QSKIP("bash is not installed");
    const core::RawRequest request = slackRequest();
    QString command = models::curlCommand(request, {}, false);
    // Replace curl by a function that writes its --data-binary argument as it received it.
    command = u"curl() { while [ $# -gt 0 ]; do if [ \"$1\" = --data-binary ]; then "
              "printf '%s' \"$2\"; fi; shift; done; }\n"_s
              + command;
    QProcess shell;
    shell.start(bash, {u"-c"_s, command});
    QVERIFY(shell.waitForFinished(10'000));
    QCOMPARE(shell.exitCode(), 0);
    // bash strings end at NUL: the bytes up to it are exact, and the NUL itself is in the
    // command as \x00 (curl --data-binary @file is the way to send NULs; the saved request file).
    const QByteArray sent = shell.readAllStandardOutput();
    QCOMPARE(sent, request.body.left(request.body.indexOf('\0')));
    QVERIFY(command.contains(u"\\xff\\x00end'"_s));
}

void TestRequestExport::requestFileRoundTrip()
{
    const core::RawRequest request = slackRequest();
    const QByteArray file = models::requestFileBytes(request, "/hooks/p/slack?x=1"_ba);
    QVERIFY(file.startsWith("POST /hooks/p/slack?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8480\r\n"));
    QVERIFY(file.endsWith(request.body));
    const auto loaded = models::parseRequestFile(file, u"saved.http"_s);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    QCOMPARE(loaded->method, request.method);
    QCOMPARE(loaded->url, request.url);
    QCOMPARE(loaded->headers, request.headers);
    QCOMPARE(loaded->body, request.body);
    // Without the stored target: rebuilt from the URL.
    QVERIFY(models::requestFileBytes(request, {}).startsWith("POST /hooks/p/slack?x=1 HTTP/1.1"));
    // A hand-written file with LF line ends and no Host.
    const auto typed = models::parseRequestFile("PUT /x HTTP/1.1\nX-A: 1\n\nbody\n"_ba, u"t"_s);
    QVERIFY(typed);
    QCOMPARE(typed->url, "http://localhost/x"_ba);
    QCOMPARE(typed->body, "body\n"_ba);
}

void TestRequestExport::badRequestFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("json-not-http")
            << "{\"a\":1}"_ba << u"request_file.no_request_line"_s << u"in.http"_s;
    QTest::newRow("no-version") << "POST /x\r\n\r\n"_ba << u"request_file.no_request_line"_s
                                << u"in.http"_s;
    QTest::newRow("header-without-colon") << "POST /x HTTP/1.1\r\nHost: a\r\nbroken line\r\n\r\n"_ba
                                          << u"request_file.bad_header"_s << u"line 3"_s;
    QTest::newRow("no-empty-line") << "POST /x HTTP/1.1\r\nHost: a\r\n"_ba
                                   << u"request_file.no_body_separator"_s << u"in.http"_s;
}

void TestRequestExport::badRequestFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    const auto loaded = models::parseRequestFile(bytes, u"in.http"_s);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, code);
    QVERIFY2(loaded.error().message.contains(mentions), qPrintable(loaded.error().message));
}

QTEST_GUILESS_MAIN(TestRequestExport)
#include "tst_requestexport.moc"
