// SPDX-License-Identifier: GPL-3.0-or-later
// Edit and re-deliver: an edited request re-signed with the connection's scheme and secret is
// accepted by the provider's official SDK verifier (npm, tests/peers/webhook-sdks.mjs); the
// deliberately corrupted one is refused; the unsigned one carries no signature; the label says
// what changed; invalid JSON is refused before anything is signed.
#include "core/inbound/peerbatch.h"
#include "core/providers/providercatalog.h"
#include "models/inbound/editedrequest.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using models::SignatureMode;

namespace {

const QByteArray whsec = "whsec_" + QByteArray("our-standard-webhooks-key-32byte").toBase64();

core::SignatureScheme schemeOf(const QString &provider)
{
    static const core::ProviderCatalog catalog = core::ProviderCatalog::load(QString());
    const core::ProviderProfile *profile = catalog.find(provider);
    if (!profile || profile->signatureSchemes.isEmpty())
        qFatal("no built-in profile with a scheme: %s", qPrintable(provider));
    return profile->signatureSchemes.first();
}

QByteArray secretOf(const QString &provider)
{
    if (provider == u"github"_s)
        return "octo-secret"_ba;
    if (provider == u"stripe"_s)
        return "whsec_ours"_ba;
    return whsec;
}

// The request as received from the provider (its signature made with the same secret).
core::RawRequest original(const QString &provider)
{
    core::RawRequest request;
    request.method = "POST"_ba;
    request.url = "https://hooks.example.com/in/c1"_ba;
    request.headers = {{"Content-Type"_ba, "application/json"_ba},
                       {"User-Agent"_ba, "Provider-Hookshot"_ba}};
    if (provider == u"github"_s)
        request.headers.append({"X-Hub-Signature-256"_ba, "sha256=00"_ba});
    else if (provider == u"stripe"_s)
        request.headers.append({"Stripe-Signature"_ba, "t=1,v1=00"_ba});
    else
        request.headers << core::ReceivedHeader{"webhook-id"_ba, "msg_original_7"_ba}
                        << core::ReceivedHeader{"webhook-timestamp"_ba, "1"_ba}
                        << core::ReceivedHeader{"webhook-signature"_ba, "v1,AAAA"_ba};
    request.body = R"({"id":"evt_9","amount":18446744073709551617})"_ba;
    return request;
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QJsonObject verifyJob(const QString &provider, const core::RawRequest &request, qint64 nowMs)
{
    const auto header = [&](const char *name) {
        return QString::fromLatin1(request.header(name).value_or(QByteArray()));
    };
    if (provider == u"github"_s) {
        return {{u"op"_s, u"octokit.verify"_s},
                {u"secret"_s, u"octo-secret"_s},
                {u"signature"_s, header("X-Hub-Signature-256")},
                {u"body_b64"_s, b64(request.body)}};
    }
    if (provider == u"stripe"_s) {
        return {{u"op"_s, u"stripe.verify"_s},
                {u"secret"_s, u"whsec_ours"_s},
                {u"header"_s, header("Stripe-Signature")},
                {u"tolerance"_s, 300},
                {u"now_ms"_s, nowMs},
                {u"body_b64"_s, b64(request.body)}};
    }
    return {{u"op"_s, u"standardwebhooks.verify"_s},
            {u"secret"_s, QString::fromLatin1(whsec)},
            {u"headers"_s, QJsonObject{{u"webhook-id"_s, header("webhook-id")},
                                       {u"webhook-timestamp"_s, header("webhook-timestamp")},
                                       {u"webhook-signature"_s, header("webhook-signature")}}},
            {u"body_b64"_s, b64(request.body)}};
}

} // namespace

class TestEditedRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void officialVerifiers_data();
    void officialVerifiers();
    void unsignedRemovesTheSchemeHeaders();
    void changesAreListed();
    void invalidJsonIsRefused();
    void headerLines_data();
    void headerLines();

private:
    struct Case
    {
        QString provider;
        SignatureMode mode;
        models::EditedRequest edited;
        int job = -1;
    };
    test::PeerBatch m_peer;
    QList<Case> m_cases;
    qint64 m_now = 0;
};

void TestEditedRequest::initTestCase()
{
    // The SDKs verify against the real clock: sign at the real time.
    m_now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &provider : {u"github"_s, u"stripe"_s, u"standard-webhooks"_s}) {
        for (SignatureMode mode : {SignatureMode::Resign, SignatureMode::Corrupted}) {
            core::RawRequest edited = original(provider);
            // The edit: another amount (exact digits above 2^64) and a header added.
            edited.body = R"({"id":"evt_9","amount":18446744073709551618,"note":"edited"})"_ba;
            edited.headers.append({"X-Replayed-By"_ba, "wirebench"_ba});
            const auto prepared = models::prepareEditedRequest(original(provider), edited,
                                                               schemeOf(provider),
                                                               {secretOf(provider)}, mode, m_now,
                                                               "msg_new_1"_ba);
            QVERIFY2(prepared, qPrintable(prepared ? QString() : prepared.error().message));
            Case c{provider, mode, *prepared};
            c.job = m_peer.add(verifyJob(provider, prepared->request, m_now));
            m_cases.append(c);
        }
    }
    QVERIFY2(m_peer.run(), qPrintable(m_peer.errorString()));
}

void TestEditedRequest::officialVerifiers_data()
{
    QTest::addColumn<int>("index");
    for (qsizetype i = 0; i < m_cases.size(); ++i) {
        const Case &c = m_cases.at(i);
        const QString mode = c.mode == SignatureMode::Resign ? u"resigned-accepted"_s
                                                             : u"corrupted-refused"_s;
        QTest::newRow(qPrintable(c.provider + u'-' + mode)) << int(i);
    }
}

void TestEditedRequest::officialVerifiers()
{
    QFETCH(int, index);
    const Case &c = m_cases.at(index);
    const QJsonObject result = m_peer.result(c.job).toObject();
    const bool expectValid = c.mode == SignatureMode::Resign;
    QVERIFY2(result[u"valid"_s].toBool() == expectValid,
             QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    // The old signature headers were replaced, not added to.
    int signatures = 0;
    for (const core::ReceivedHeader &header : c.edited.request.headers) {
        const QString name = QString::fromLatin1(header.name);
        if (schemeOf(c.provider).signatureHeaders.contains(name, Qt::CaseInsensitive))
            ++signatures;
    }
    QCOMPARE(signatures, 1);
    if (c.provider == u"standard-webhooks"_s) // the message id is kept
        QCOMPARE(c.edited.request.header("webhook-id").value_or(QByteArray()), "msg_original_7"_ba);
    QVERIFY(c.edited.changes.last().startsWith(expectValid ? u"re-signed"_s
                                                           : u"signature deliberately"_s));
}

void TestEditedRequest::unsignedRemovesTheSchemeHeaders()
{
    const core::RawRequest request = original(u"standard-webhooks"_s);
    const auto prepared = models::prepareEditedRequest(request, request,
                                                       schemeOf(u"standard-webhooks"_s), {},
                                                       SignatureMode::Unsigned, m_now, {});
    QVERIFY(prepared);
    QCOMPARE(prepared->request.headers,
             (QList<core::ReceivedHeader>{{"Content-Type"_ba, "application/json"_ba},
                                          {"User-Agent"_ba, "Provider-Hookshot"_ba}}));
    QCOMPARE(prepared->changes,
             QStringList{u"sent unsigned (removed webhook-id, webhook-timestamp, "
                         "webhook-signature)"_s});
    QCOMPARE(prepared->request.body, request.body);
}

void TestEditedRequest::changesAreListed()
{
    const core::RawRequest request = original(u"github"_s);
    core::RawRequest edited = request;
    edited.headers.removeAt(1); // User-Agent
    edited.headers[0].value = "application/json; charset=utf-8";
    edited.headers.append({"X-New"_ba, "1"_ba});
    edited.body += ' ';
    const auto prepared = models::prepareEditedRequest(request, edited, schemeOf(u"github"_s),
                                                       {"octo-secret"_ba}, SignatureMode::Resign,
                                                       m_now, {});
    QVERIFY(prepared);
    QCOMPARE(prepared->changes,
             (QStringList{u"changed header Content-Type"_s, u"removed header User-Agent"_s,
                          u"added header X-New"_s, u"body changed (44 → 45 bytes)"_s,
                          u"re-signed with the connection's secret (X-Hub-Signature-256)"_s}));
    // Without a secret the scheme cannot sign: a clear error, nothing half-made.
    const auto noSecret = models::prepareEditedRequest(request, edited, schemeOf(u"github"_s), {},
                                                       SignatureMode::Resign, m_now, {});
    QVERIFY(!noSecret);
    QCOMPARE(noSecret.error().code, u"signing.no_secret"_s);
}

void TestEditedRequest::invalidJsonIsRefused()
{
    const core::RawRequest request = original(u"github"_s);
    core::RawRequest edited = request;
    edited.body = R"({"id":"evt_9",})"_ba;
    const auto prepared = models::prepareEditedRequest(request, edited, schemeOf(u"github"_s),
                                                       {"octo-secret"_ba}, SignatureMode::Resign,
                                                       m_now, {});
    QVERIFY(!prepared);
    QCOMPARE(prepared.error().code, u"json.invalid"_s);
    QVERIFY2(prepared.error().message.contains(u"byte 14"_s), qPrintable(prepared.error().message));
    // Not JSON by its Content-Type: sent as typed.
    edited.headers[0].value = "text/plain";
    QVERIFY(models::prepareEditedRequest(request, edited, schemeOf(u"github"_s), {"octo-secret"_ba},
                                         SignatureMode::Resign, m_now, {}));
}

void TestEditedRequest::headerLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("error");
    QTest::newRow("crlf-and-blank-lines") << u"A: 1\r\n\r\nB:2\r\n"_s << 2 << QString();
    QTest::newRow("value-with-colon") << u"Date: Mon, 01 Jan 2026 10:00:00 GMT"_s << 1 << QString();
    QTest::newRow("no-colon") << u"A: 1\nbroken"_s << 0 << u"Header line 2"_s;
    QTest::newRow("space-in-name") << u"Bad Name: x"_s << 0 << u"Header line 1"_s;
}

void TestEditedRequest::headerLines()
{
    QFETCH(QString, text);
    QFETCH(int, count);
    QFETCH(QString, error);
    const auto headers = models::parseHeaderLines(text);
    if (!error.isEmpty()) {
        QVERIFY(!headers);
        QCOMPARE(headers.error().code, u"edit.bad_header"_s);
        QVERIFY(headers.error().message.startsWith(error));
        return;
    }
    QVERIFY(headers);
    QCOMPARE(headers->size(), count);
    QCOMPARE(models::parseHeaderLines(models::headerLines(*headers)).value(), *headers);
}

QTEST_GUILESS_MAIN(TestEditedRequest)
#include "tst_editedrequest.moc"
