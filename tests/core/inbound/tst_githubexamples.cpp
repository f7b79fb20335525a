// SPDX-License-Identifier: GPL-3.0-or-later
// Every example payload of @octokit/webhooks-examples (all event types, api.github.com), signed by
// @octokit/webhooks-methods: verified through the GitHub profile, the tenant identity
// (installation.id) read exactly, the event type read from X-GitHub-Event; tampered copies (one
// byte changed, a wrong secret) rejected with the right reason. GitHub signs no timestamp, so the
// same payloads are also signed by the standardwebhooks SDK to check a stale timestamp.
#include "core/inbound/identity/fieldreader.h"
#include "core/inbound/verification/signatureverifier.h"

#include "inboundtest.h"
#include "support/nodepeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::builtInProfile;
using wb::test::makeRequest;

namespace {
const QByteArray kSecret = "It's a Secret to Everybody";
const QByteArray kStandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr qint64 kTimestamp = 1'718'000'000; // seconds
} // namespace

class TestGithubExamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void example_data();
    void example();

private:
    QJsonArray m_examples;
    ProviderProfile m_github;
    ProviderProfile m_standard;
};

void TestGithubExamples::initTestCase()
{
    QVERIFY2(wb::test::NodePeer::available(), "run `npm ci` in tests/peers");
    wb::test::NodePeer peer;
    const QByteArray output = peer.run(u"github-examples.mjs"_s,
                                       {QString::fromLatin1(kSecret),
                                        QString::fromLatin1(kStandardSecret),
                                        QString::number(kTimestamp)});
    QVERIFY2(!output.isEmpty(), qPrintable(peer.errorString()));
    m_examples = QJsonDocument::fromJson(output).object()[u"examples"_s].toArray();
    QSet<QString> events;
    int withInstallation = 0;
    for (const QJsonValue &example : std::as_const(m_examples)) {
        events.insert(example[u"event"_s].toString());
        withInstallation += example[u"installation_id"_s].isString() ? 1 : 0;
    }
    // @octokit/webhooks-examples 7.6.1 (tests/peers/package-lock.json): 58 event types.
    QCOMPARE(events.size(), 58);
    QVERIFY(m_examples.size() >= 300);
    QVERIFY(withInstallation >= 100);
    m_github = builtInProfile(u"github"_s);
    m_standard = builtInProfile(u"standard-webhooks"_s);
}

void TestGithubExamples::example_data()
{
    QTest::addColumn<QJsonObject>("example");
    for (const QJsonValue &example : std::as_const(m_examples)) {
        QTest::newRow(qPrintable(
                u"%1-%2"_s.arg(example[u"event"_s].toString()).arg(example[u"index"_s].toInt())))
                << example.toObject();
    }
}

void TestGithubExamples::example()
{
    QFETCH(QJsonObject, example);
    const QByteArray body = QByteArray::fromBase64(example[u"body_b64"_s].toString().toLatin1());
    const QByteArray event = example[u"event"_s].toString().toUtf8();
    const RawRequest request
            = makeRequest("POST", "http://127.0.0.1:8480/hooks/p/github",
                          {{"Content-Type", "application/json"},
                           {"User-Agent", "GitHub-Hookshot/044aadd"},
                           {"X-GitHub-Event", event},
                           {"X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"},
                           {"X-Hub-Signature-256", example[u"signature"_s].toString().toLatin1()}},
                          body);

    const VerificationResult verified = verifySignature(request, m_github, {kSecret}, 0);
    QVERIFY2(verified.verified(), qPrintable(verified.explanation));
    QCOMPARE(verified.signedLength, body.size());

    // Identity: installation.id exactly as written, or an explained absence.
    const FieldLookup identity = readField(request, request.body, m_github.identityFields);
    if (example[u"installation_id"_s].isString()) {
        QVERIFY2(identity.found(), qPrintable(identity.explanation()));
        QCOMPARE(identity.value->value, example[u"installation_id"_s].toString().toUtf8());
        QCOMPARE(identity.value->kind, FieldValue::Kind::JsonNumber);
        QCOMPARE(body.mid(identity.value->offset, identity.value->length), identity.value->value);
    } else {
        QVERIFY(!identity.found());
        QCOMPARE(identity.explanation(),
                 u"JSON pointer /installation/id in the body: not present."_s);
    }
    const FieldLookup type = readField(request, request.body, m_github.eventTypeFields);
    QCOMPARE(type.value->value, event);

    // One byte changed (in the middle of the payload).
    RawRequest changed = request;
    changed.body[body.size() / 2] = char(body.at(body.size() / 2) ^ 0x20);
    const VerificationResult tampered = verifySignature(changed, m_github, {kSecret}, 0);
    QCOMPARE(nameOf(tampered.reason), u"signature_mismatch"_s);
    QVERIFY(tampered.explanation.contains(u"X-Hub-Signature-256"_s));
    QVERIFY(tampered.explanation.contains(u"%1 byte(s) were signed"_s.arg(body.size())));

    // A wrong secret.
    const VerificationResult wrong = verifySignature(request, m_github,
                                                     {"It's a secret to everybody"}, 0);
    QCOMPARE(nameOf(wrong.reason), u"signature_mismatch"_s);
    QVERIFY(!wrong.explanation.contains(QString::fromLatin1(kSecret)));

    // The same bytes under Standard Webhooks: fresh, then 301 s stale.
    const QByteArray id = "msg_" + event + '_' + QByteArray::number(example[u"index"_s].toInt());
    const RawRequest standard
            = makeRequest("POST", "http://127.0.0.1:8480/hooks/c1",
                          {{"webhook-id", id},
                           {"webhook-timestamp", QByteArray::number(kTimestamp)},
                           {"webhook-signature",
                            example[u"standard_signature"_s].toString().toLatin1()}},
                          body);
    QVERIFY(verifySignature(standard, m_standard, {kStandardSecret}, kTimestamp * 1000).verified());
    const VerificationResult stale = verifySignature(standard, m_standard, {kStandardSecret},
                                                     (kTimestamp + 301) * 1000);
    QCOMPARE(nameOf(stale.reason), u"timestamp_out_of_tolerance"_s);
    QVERIFY(stale.signatureMatchedButStale);
    QCOMPARE(stale.skewSeconds, 301);
}

QTEST_GUILESS_MAIN(TestGithubExamples)
#include "tst_githubexamples.moc"
