// SPDX-License-Identifier: GPL-3.0-or-later
// Every example payload of @octokit/webhooks-examples (all event types), signed by
// @octokit/webhooks-methods, POSTed with QNetworkAccessManager to the receiver's GitHub app URL
// (/hooks/p/github): verified, stored byte for byte, the tenant resolved from installation.id.
// Tampered copies (one byte changed, a wrong secret) are stored as failed and answered 401.
#include "core/inbound/events/inboundevent.h"
#include "receivertestbed.h"
#include "support/futures.h"
#include "support/nodepeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::ReceiverTestBed;

namespace {

struct Sent
{
    QString name;    // "issues-0", "issues-0/tampered", "issues-0/wrong-secret"
    QByteArray body; // the bytes sent
    QString installationId;
    int status = 0;
    qint64 eventId = 0;
};

} // namespace

class TestReceiverGithub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyExampleVerifiedStoredAndResolved();

private:
    ReceiverTestBed m_bed;
    QJsonArray m_examples;
};

void TestReceiverGithub::initTestCase()
{
    QVERIFY2(wb::test::NodePeer::available(), "run `npm ci` in tests/peers");
    wb::test::NodePeer peer;
    const QByteArray output = peer.run(u"github-examples.mjs"_s,
                                       {QString::fromLatin1(ReceiverTestBed::githubSecret)});
    QVERIFY2(!output.isEmpty(), qPrintable(peer.errorString()));
    m_examples = QJsonDocument::fromJson(output).object()[u"examples"_s].toArray();
    QSet<QString> events;
    for (const QJsonValue &example : std::as_const(m_examples))
        events.insert(example[u"event"_s].toString());
    // @octokit/webhooks-examples 7.6.1 (tests/peers/package-lock.json): 58 event types.
    QCOMPARE(events.size(), 58);

    m_bed.start();
    if (QTest::currentTestFailed())
        return;
    // Every installation in the examples belongs to Acme (12345678 is mapped already).
    QSet<QString> installations;
    for (const QJsonValue &example : std::as_const(m_examples)) {
        if (example[u"installation_id"_s].isString())
            installations.insert(example[u"installation_id"_s].toString());
    }
    QVERIFY(installations.size() >= 1);
    for (const QString &installation : std::as_const(installations)) {
        if (installation == u"12345678"_s)
            continue;
        IdentityMapping mapping;
        mapping.providerId = u"github"_s;
        mapping.externalAccountId = installation;
        mapping.tenantId = m_bed.acme;
        mapping.connectionId = m_bed.github;
        WB_AWAIT_OK(mapped, m_bed.store().addIdentityMapping(mapping));
    }
}

void TestReceiverGithub::everyExampleVerifiedStoredAndResolved()
{
    QNetworkAccessManager network;
    QList<Sent> sent;
    int finished = 0;
    const QUrl url(QString::fromLatin1(m_bed.url("/hooks/p/github")));
    auto post = [&](const QString &name, const QByteArray &event, const QByteArray &body,
                    const QByteArray &signature, const QString &installation) {
        QNetworkRequest request(url);
        request.setRawHeader("Content-Type", "application/json");
        request.setRawHeader("User-Agent", "GitHub-Hookshot/044aadd");
        request.setRawHeader("X-GitHub-Event", event);
        request.setRawHeader("X-GitHub-Delivery", name.toUtf8());
        request.setRawHeader("X-Hub-Signature-256", signature);
        const qsizetype index = sent.size();
        sent.append(Sent{name, body, installation, 0, 0});
        QNetworkReply *reply = network.post(request, body);
        connect(reply, &QNetworkReply::finished, this, [&, reply, index] {
            sent[index].status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            sent[index].eventId
                    = QJsonDocument::fromJson(reply->readAll()).object()[u"event_id"_s].toInteger();
            ++finished;
            reply->deleteLater();
        });
    };

    for (const QJsonValue &value : std::as_const(m_examples)) {
        const QJsonObject example = value.toObject();
        const QString name = u"%1-%2"_s.arg(example[u"event"_s].toString())
                                     .arg(example[u"index"_s].toInt());
        const QByteArray event = example[u"event"_s].toString().toUtf8();
        const QByteArray body = QByteArray::fromBase64(example[u"body_b64"_s].toString().toLatin1());
        const QByteArray signature = example[u"signature"_s].toString().toLatin1();
        const QString installation = example[u"installation_id"_s].toString();
        post(name, event, body, signature, installation);
        QByteArray tampered = body;
        tampered[body.size() / 2] = char(body.at(body.size() / 2) ^ 0x20);
        post(name + u"/tampered"_s, event, tampered, signature, installation);
        post(name + u"/wrong-secret"_s, event, body,
             wb::test::hmacSignature("It's a secret to everybody", body), installation);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, sent.size(), 120000);

    QHash<qint64, InboundEvent> stored;
    for (const InboundEvent &event : m_bed.events())
        stored.insert(event.id, event);

    QStringList problems;
    int matched = 0;
    for (const Sent &request : std::as_const(sent)) {
        const bool genuine = !request.name.contains(u'/');
        const InboundEvent event = stored.value(request.eventId);
        auto problem = [&](const QString &what) {
            problems << request.name + u": "_s + what;
        };
        if (request.status != (genuine ? 200 : 401)) {
            problem(u"answered %1"_s.arg(request.status));
            continue;
        }
        if (event.id == 0) {
            problem(u"acknowledged but not stored"_s);
            continue;
        }
        if (event.request.body != request.body)
            problem(u"stored body differs"_s);
        if (event.providerEventId != request.name)
            problem(u"provider event id %1"_s.arg(event.providerEventId));
        if (!genuine) {
            if (event.verdict != InboundVerdict::Failed
                || event.verificationReason != u"signature_mismatch"_s)
                problem(u"verdict %1 / %2"_s.arg(nameOf(event.verdict), event.verificationReason));
            if (!event.verificationExplanation.contains(u"X-Hub-Signature-256"_s))
                problem(u"explanation does not name the header"_s);
            continue;
        }
        if (event.verdict != InboundVerdict::Verified)
            problem(u"not verified: "_s + event.verificationExplanation);
        if (request.installationId.isEmpty()) {
            if (event.identityOutcome != u"field_missing"_s || event.tenantId)
                problem(u"identity %1 without installation"_s.arg(event.identityOutcome));
        } else {
            ++matched;
            if (event.tenantId != std::optional<qint64>(m_bed.acme)
                || event.identityValue != request.installationId
                || event.identityOutcome != u"matched"_s)
                problem(u"tenant not resolved from installation.id %1: %2"_s
                                .arg(request.installationId, event.resolutionExplanation));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(u'\n')));
    QVERIFY(matched >= 100);
    QCOMPARE(stored.size(), sent.size());
}

QTEST_GUILESS_MAIN(TestReceiverGithub)
#include "tst_receivergithub.moc"
