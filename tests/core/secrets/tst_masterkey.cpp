// SPDX-License-Identifier: GPL-3.0-or-later
// The master key of sealed workspaces: key file formats, the 0600 rule (checked on the open file),
// missing and unreadable files, WIREBENCH_MASTER_KEY_FILE, the keychain entry (real
// gnome-keyring), the order of the sources, and new key files. No message ever holds key bytes.
#include "secretstestutil.h"

#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/masterkeysource.h"
#include "support/futures.h"
#include "support/results.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

class TestMasterKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void keyFileFormats_data();
    void keyFileFormats();
    void notAKey_data();
    void notAKey();
    void permissions_data();
    void permissions();
    void missingOrUnreadableFile_data();
    void missingOrUnreadableFile();
    void keyIdIdentifiesTheKey();
    void environmentVariableNamesTheFile();
    void looseFileNamedByTheEnvironmentIsNotSkipped();
    void explicitFileWinsOverTheEnvironment();
    void keychainEntryIsTheLastSource();
    void missingEverywhereNamesEveryPlace();
    void newKeyFileIsPrivateAndNeverReplaced();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_raw;
};

void TestMasterKey::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_raw = wb::test::randomKeyBytes();
    qunsetenv(MasterKeySource::environmentVariable);
}

void TestMasterKey::cleanup()
{
    qunsetenv(MasterKeySource::environmentVariable);
}

void TestMasterKey::keyFileFormats_data()
{
    QTest::addColumn<QByteArray>("contents");
    const QByteArray raw = wb::test::randomKeyBytes();
    QTest::newRow("raw-32-bytes") << raw;
    QTest::newRow("hex") << raw.toHex();
    QTest::newRow("hex-upper-with-newline") << raw.toHex().toUpper() + '\n';
    QTest::newRow("base64-with-newline") << raw.toBase64() + '\n';
    QTest::newRow("base64url-unpadded-surrounded-by-spaces")
            << "  " + raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                       + " \r\n";
}

void TestMasterKey::keyFileFormats()
{
    QFETCH(QByteArray, contents);
    // Every format of the same bytes gives the same key (same id as the bytes themselves).
    const QByteArray raw
            = contents.size() == 32
                      ? contents
                      : (contents.trimmed().size() == 64
                                 ? QByteArray::fromHex(contents.trimmed())
                                 : QByteArray::fromBase64(contents.trimmed(),
                                                          contents.contains('_')
                                                                          || contents.contains('-')
                                                                  ? QByteArray::Base64UrlEncoding
                                                                  : QByteArray::Base64Encoding));
    QCOMPARE(raw.size(), 32);
    QVERIFY(wb::test::writeKeyFile(path(u"master.key"_s), contents));
    Result<std::shared_ptr<const MasterKey>> fromFile = MasterKey::fromFile(path(u"master.key"_s));
    QVERIFY2(fromFile, qPrintable(errorMessage(fromFile)));
    Result<std::shared_ptr<const MasterKey>> fromBytes = MasterKey::fromBytes(raw, u"bytes"_s);
    QVERIFY(fromBytes);
    QCOMPARE((*fromFile)->keyId(), (*fromBytes)->keyId());
    QCOMPARE((*fromFile)->rawKey().toByteArray(), raw);
    QCOMPARE((*fromFile)->origin(), u"the key file %1"_s.arg(path(u"master.key"_s)));
}

void TestMasterKey::notAKey_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("sizeText");
    QTest::newRow("empty") << QByteArray() << u"(0 bytes)"_s;
    QTest::newRow("31-raw-bytes") << QByteArray(31, '\x07') << u"(31 bytes)"_s;
    QTest::newRow("33-raw-bytes") << QByteArray(33, '\x07') << u"(33 bytes)"_s;
    QTest::newRow("hex-of-31-bytes") << QByteArray(31, '\x07').toHex() << u"(62 bytes)"_s;
    QTest::newRow("hex-with-a-non-hex-digit") << QByteArray(63, 'a') + 'g' << u"(64 bytes)"_s;
    QTest::newRow("a-password") << QByteArray("correct horse battery staple") << u"(28 bytes)"_s;
    QTest::newRow("too-large") << QByteArray(5000, 'a') << u"(more than 1024 bytes)"_s;
}

void TestMasterKey::notAKey()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, sizeText);
    QVERIFY(wb::test::writeKeyFile(path(u"bad.key"_s), contents));
    Result<std::shared_ptr<const MasterKey>> key = MasterKey::fromFile(path(u"bad.key"_s));
    QCOMPARE(errorCode(key), u"secrets.invalid_master_key"_s);
    QCOMPARE(errorMessage(key),
             u"The master key file %1 does not hold a master key %2: expected 32 random bytes, "
             "raw or as 64 hex digits or base64. Create one with: wirebench-cli secrets "
             "generate-key --out FILE"_s.arg(path(u"bad.key"_s), sizeText));
    if (contents.size() > 8)
        QVERIFY(!errorMessage(key).toUtf8().contains(contents.left(8)));
}

void TestMasterKey::permissions_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("modeText"); // empty: accepted
    QTest::newRow("0600-owner-read-write") << 0600 << QString();
    QTest::newRow("0400-owner-read-only") << 0400 << QString();
    QTest::newRow("0644-world-readable") << 0644 << u"0644"_s;
    QTest::newRow("0640-group-readable") << 0640 << u"0640"_s;
    QTest::newRow("0604-others-readable") << 0604 << u"0604"_s;
    QTest::newRow("0620-group-writable") << 0620 << u"0620"_s;
    QTest::newRow("0666-everyone") << 0666 << u"0666"_s;
}

void TestMasterKey::permissions()
{
    QFETCH(int, mode);
    QFETCH(QString, modeText);
    const QString file = path(u"perm.key"_s);
    QVERIFY(wb::test::writeKeyFile(file, m_raw.toHex(), mode));
    Result<std::shared_ptr<const MasterKey>> key = MasterKey::fromFile(file);
    if (modeText.isEmpty()) {
        QVERIFY2(key, qPrintable(errorMessage(key)));
        return;
    }
    QCOMPARE(errorCode(key), u"secrets.master_key_permissions"_s);
    QCOMPARE(errorMessage(key),
             u"The master key file %1 is accessible to its group or to others (permissions %2); "
             "a master key must be readable by its owner only. Run: chmod 600 %1"_s.arg(file,
                                                                                        modeText));
    // Following the advice works.
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0600) == 0);
    QVERIFY(MasterKey::fromFile(file));
}

void TestMasterKey::missingOrUnreadableFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << u"nowhere.key"_s
                             << u"The master key file %1 cannot be opened: No such file or "
                                "directory."_s;
    QTest::newRow("a-directory") << u"folder"_s
                                 << u"The master key file %1 is not a regular file."_s;
}

void TestMasterKey::missingOrUnreadableFile()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QVERIFY(QDir(m_dir->path()).mkdir(u"folder"_s));
    ::chmod(QFile::encodeName(path(u"folder"_s)).constData(), 0700);
    Result<std::shared_ptr<const MasterKey>> key = MasterKey::fromFile(path(name));
    QCOMPARE(errorCode(key), u"secrets.master_key_unreadable"_s);
    QCOMPARE(errorMessage(key), expected.arg(path(name)));
}

void TestMasterKey::keyIdIdentifiesTheKey()
{
    const auto a = MasterKey::fromBytes(m_raw, u"a"_s);
    const auto again = MasterKey::fromBytes(m_raw, u"again"_s);
    const auto b = MasterKey::fromBytes(wb::test::randomKeyBytes(), u"b"_s);
    QVERIFY(a && again && b);
    QCOMPARE((*a)->keyId().size(), 16);
    QCOMPARE((*a)->keyId(), (*again)->keyId());
    QVERIFY((*a)->keyId() != (*b)->keyId());
    // The id reveals nothing of the key: it is not a prefix of its hex form.
    QVERIFY(!m_raw.toHex().startsWith((*a)->keyId().toLatin1()));
}

void TestMasterKey::environmentVariableNamesTheFile()
{
    QVERIFY(wb::test::writeKeyFile(path(u"env.key"_s), m_raw));
    qputenv(MasterKeySource::environmentVariable, QFile::encodeName(path(u"env.key"_s)));
    WB_AWAIT_OK(loaded, loadMasterKey(QUuid::createUuid(), MasterKeySource{}));
    QCOMPARE(loaded->origin, MasterKeyOrigin::Environment);
    QCOMPARE(loaded->location, path(u"env.key"_s));
    QCOMPARE(loaded->key->rawKey().toByteArray(), m_raw);
    QCOMPARE(loaded->key->origin(),
             u"the key file %1 (named by WIREBENCH_MASTER_KEY_FILE)"_s.arg(path(u"env.key"_s)));
}

void TestMasterKey::looseFileNamedByTheEnvironmentIsNotSkipped()
{
    const QUuid workspace = QUuid::createUuid();
    // Even with a key in the keychain, a configured but unusable file is reported.
    WB_AWAIT_OK(stored, storeMasterKeyInKeychain(workspace, **MasterKey::fromBytes(m_raw, u"k"_s)));
    QVERIFY(wb::test::writeKeyFile(path(u"loose.key"_s), m_raw, 0644));
    qputenv(MasterKeySource::environmentVariable, QFile::encodeName(path(u"loose.key"_s)));
    WB_AWAIT(loaded, loadMasterKey(workspace, MasterKeySource{}));
    QCOMPARE(errorCode(loaded), u"secrets.master_key_permissions"_s);
    QVERIFY2(errorMessage(loaded).startsWith(
                     u"The master key file %1 (named by WIREBENCH_MASTER_KEY_FILE) is accessible"_s
                             .arg(path(u"loose.key"_s))),
             qPrintable(errorMessage(loaded)));
    QVERIFY(errorMessage(loaded).endsWith(u"Run: chmod 600 %1"_s.arg(path(u"loose.key"_s))));
    KeychainSecretStore keychain(workspace);
    WB_AWAIT_OK(removed, keychain.removeMasterKey());
}

void TestMasterKey::explicitFileWinsOverTheEnvironment()
{
    const QByteArray other = wb::test::randomKeyBytes();
    QVERIFY(wb::test::writeKeyFile(path(u"explicit.key"_s), m_raw));
    QVERIFY(wb::test::writeKeyFile(path(u"env.key"_s), other));
    qputenv(MasterKeySource::environmentVariable, QFile::encodeName(path(u"env.key"_s)));
    MasterKeySource source;
    source.keyFile = path(u"explicit.key"_s);
    WB_AWAIT_OK(loaded, loadMasterKey(QUuid::createUuid(), source));
    QCOMPARE(loaded->origin, MasterKeyOrigin::KeyFile);
    QCOMPARE(loaded->key->rawKey().toByteArray(), m_raw);
}

void TestMasterKey::keychainEntryIsTheLastSource()
{
    const QUuid workspace = QUuid::createUuid();
    WB_AWAIT_OK(stored, storeMasterKeyInKeychain(workspace, **MasterKey::fromBytes(m_raw, u"k"_s)));
    KeychainSecretStore keychain(workspace);
    QCOMPARE(wb::test::secretToolLookup(keychain.masterKeyEntryName()), m_raw);
    WB_AWAIT_OK(loaded, loadMasterKey(workspace, MasterKeySource{}));
    QCOMPARE(loaded->origin, MasterKeyOrigin::Keychain);
    QCOMPARE(loaded->location,
             u"workspace/%1/sealed-master-key"_s.arg(workspace.toString(QUuid::WithoutBraces)));
    QCOMPARE(loaded->key->rawKey().toByteArray(), m_raw);
    // Another workspace's entry is not this one's.
    WB_AWAIT(otherWorkspace, loadMasterKey(QUuid::createUuid(), MasterKeySource{}));
    QCOMPARE(errorCode(otherWorkspace), u"secrets.master_key_missing"_s);
    WB_AWAIT_OK(removed, keychain.removeMasterKey());
    QCOMPARE(wb::test::secretToolLookup(keychain.masterKeyEntryName()), QByteArray());
}

void TestMasterKey::missingEverywhereNamesEveryPlace()
{
    const QUuid workspace = QUuid::createUuid();
    WB_AWAIT(loaded, loadMasterKey(workspace, MasterKeySource{}));
    QCOMPARE(errorCode(loaded), u"secrets.master_key_missing"_s);
    QCOMPARE(errorMessage(loaded),
             u"No master key for this workspace's sealed secrets: no key file was given and "
             "WIREBENCH_MASTER_KEY_FILE is not set, and the keychain has no entry "
             "workspace/%1/sealed-master-key. Name a key file (permissions 0600) with "
             "WIREBENCH_MASTER_KEY_FILE or --master-key-file; create one with 'wirebench-cli "
             "secrets generate-key --out FILE'."_s.arg(workspace.toString(QUuid::WithoutBraces)));
    MasterKeySource noKeychain;
    noKeychain.useKeychain = false;
    WB_AWAIT(withoutKeychain, loadMasterKey(workspace, noKeychain));
    QCOMPARE(errorCode(withoutKeychain), u"secrets.master_key_missing"_s);
    QVERIFY2(errorMessage(withoutKeychain)
                     .startsWith(u"No master key for this workspace's sealed secrets: no key file "
                                 "was given and WIREBENCH_MASTER_KEY_FILE is not set."_s),
             qPrintable(errorMessage(withoutKeychain)));
}

void TestMasterKey::newKeyFileIsPrivateAndNeverReplaced()
{
    const std::shared_ptr<const MasterKey> key = MasterKey::generate(u"new"_s);
    const QString file = path(u"new.key"_s);
    QVERIFY(key->writeNewKeyFile(file));
    struct stat status = {};
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &status), 0);
    QCOMPARE(int(status.st_mode & 0777), 0600);
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray text = written.readAll();
    QCOMPARE(text.size(), 65);
    QCOMPARE(QByteArray::fromHex(text.trimmed()), key->rawKey().toByteArray());
    Result<std::shared_ptr<const MasterKey>> reread = MasterKey::fromFile(file);
    QVERIFY(reread);
    QCOMPARE((*reread)->keyId(), key->keyId());

    const Result<void> again = MasterKey::generate(u"other"_s)->writeNewKeyFile(file);
    QCOMPARE(errorCode(again), u"secrets.key_file_exists"_s);
    QVERIFY(written.seek(0));
    QCOMPARE(written.readAll(), text); // untouched
}

QTEST_GUILESS_MAIN(TestMasterKey)
#include "tst_masterkey.moc"
