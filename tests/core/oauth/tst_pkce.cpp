// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/pkce.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

class TestPkce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void challengeMatchesRfc7636AppendixB();
    void generatedVerifier_data();
    void generatedVerifier();
    void verifiersDiffer();
    void validity_data();
    void validity();
};

void TestPkce::challengeMatchesRfc7636AppendixB()
{
    // RFC 7636 Appendix B: the worked S256 example.
    const QByteArray verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    QCOMPARE(pkceS256Challenge(verifier), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_ba);
    QVERIFY(isValidPkceVerifier(verifier));
}

void TestPkce::generatedVerifier_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    QTest::newRow("default-64") << 64 << 64;
    QTest::newRow("minimum-43") << 43 << 43;
    QTest::newRow("maximum-128") << 128 << 128;
    QTest::newRow("too-short-clamped-to-43") << 10 << 43;
    QTest::newRow("too-long-clamped-to-128") << 500 << 128;
}

void TestPkce::generatedVerifier()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    const PkcePair pair = generatePkce(requested);
    QCOMPARE(pair.verifier.size(), expected);
    QVERIFY2(isValidPkceVerifier(pair.verifier), pair.verifier.constData());
    QCOMPARE(pair.challenge, pkceS256Challenge(pair.verifier));
    // SHA-256 in base64url without padding: 43 characters.
    QCOMPARE(pair.challenge.size(), 43);
    QVERIFY(!pair.challenge.contains('='));
    QVERIFY(!pair.challenge.contains('+'));
    QVERIFY(!pair.challenge.contains('/'));
}

void TestPkce::verifiersDiffer()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 100; ++i)
        seen.insert(generatePkce().verifier);
    QCOMPARE(seen.size(), 100);
}

void TestPkce::validity_data()
{
    QTest::addColumn<QByteArray>("verifier");
    QTest::addColumn<bool>("valid");
    QTest::newRow("43-unreserved") << QByteArray(43, 'a') << true;
    QTest::newRow("all-unreserved-kinds") << "AZaz09-._~"_ba.repeated(5) << true;
    QTest::newRow("42-too-short") << QByteArray(42, 'a') << false;
    QTest::newRow("129-too-long") << QByteArray(129, 'a') << false;
    QTest::newRow("plus-is-reserved") << (QByteArray(42, 'a') + '+') << false;
    QTest::newRow("slash-is-reserved") << (QByteArray(42, 'a') + '/') << false;
    QTest::newRow("padding-is-reserved") << (QByteArray(42, 'a') + '=') << false;
    QTest::newRow("space") << (QByteArray(42, 'a') + ' ') << false;
    QTest::newRow("non-ascii") << (QByteArray(42, 'a') + "\xc3\xa9"_ba) << false;
}

void TestPkce::validity()
{
    QFETCH(QByteArray, verifier);
    QFETCH(bool, valid);
    QCOMPARE(isValidPkceVerifier(verifier), valid);
}

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
