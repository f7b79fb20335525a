// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/masterkey.h"

#include <QFile>

#include <sodium.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr char keyIdMessage[] = "wirebench sealed-secrets key id v1";
constexpr char sealingContext[crypto_kdf_CONTEXTBYTES + 1] = "wbsealed";
constexpr quint64 sealingSubkeyId = 1;

static_assert(MasterKey::keySize == crypto_kdf_KEYBYTES);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);

// A guarded buffer that frees (and so wipes) itself unless released.
class GuardedBuffer final
{
    Q_DISABLE_COPY_MOVE(GuardedBuffer)

public:
    explicit GuardedBuffer(size_t size)
        : m_data(static_cast<unsigned char *>(sodium_malloc(size)))
        , m_size(size)
    {}
    ~GuardedBuffer()
    {
        if (m_data)
            sodium_free(m_data);
    }
    unsigned char *data() const { return m_data; }
    size_t size() const { return m_size; }
    unsigned char *release() { return std::exchange(m_data, nullptr); }

private:
    unsigned char *m_data = nullptr;
    size_t m_size = 0;
};

class FileDescriptor final
{
    Q_DISABLE_COPY_MOVE(FileDescriptor)

public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    int get() const { return m_fd; }

private:
    int m_fd = -1;
};

QString osError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString describeFile(const QString &path, const QString &origin)
{
    if (origin.isEmpty())
        return MasterKey::tr("The master key file %1").arg(path);
    return MasterKey::tr("The master key file %1 (named by %2)").arg(path, origin);
}

bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Decodes 64 hex digits or base64 of 32 bytes from text[0, length) into `key`.
bool decodeText(const unsigned char *text, size_t length, unsigned char *key)
{
    while (length > 0 && isSpace(text[0])) {
        ++text;
        --length;
    }
    while (length > 0 && isSpace(text[length - 1]))
        --length;
    const char *chars = reinterpret_cast<const char *>(text);
    size_t decoded = 0;
    const char *end = nullptr;
    if (length == 2 * MasterKey::keySize) {
        return sodium_hex2bin(key, MasterKey::keySize, chars, length, nullptr, &decoded, &end) == 0
               && decoded == MasterKey::keySize && end == chars + length;
    }
    for (int variant : {sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING,
                        sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING}) {
        if (sodium_base642bin(key, MasterKey::keySize, chars, length, nullptr, &decoded, &end,
                              variant)
                    == 0
            && decoded == MasterKey::keySize && end == chars + length) {
            return true;
        }
    }
    return false;
}

} // namespace

bool ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

MasterKey::MasterKey() = default;

MasterKey::~MasterKey()
{
    if (m_key)
        sodium_free(m_key);
    if (m_sealingKey)
        sodium_free(m_sealingKey);
}

QByteArrayView MasterKey::rawKey() const
{
    return QByteArrayView(m_key, keySize);
}

std::shared_ptr<const MasterKey> MasterKey::adopt(unsigned char *key, const QString &origin)
{
    std::shared_ptr<MasterKey> master(new MasterKey);
    master->m_key = key;
    master->m_origin = origin;
    master->m_sealingKey = static_cast<unsigned char *>(
            sodium_malloc(crypto_aead_xchacha20poly1305_ietf_KEYBYTES));
    Q_ASSERT(master->m_sealingKey); // sodium_malloc fails only when out of memory
    crypto_kdf_derive_from_key(master->m_sealingKey, crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
                               sealingSubkeyId, sealingContext, key);
    unsigned char id[crypto_generichash_BYTES_MIN];
    crypto_generichash(id, sizeof id, reinterpret_cast<const unsigned char *>(keyIdMessage),
                       sizeof keyIdMessage - 1, key, keySize);
    master->m_keyId = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(id), 8).toHex());
    sodium_memzero(id, sizeof id);
    sodium_mprotect_readonly(master->m_key);
    sodium_mprotect_readonly(master->m_sealingKey);
    return master;
}

Result<std::shared_ptr<const MasterKey>> MasterKey::fromFile(const QString &path,
                                                             const QString &origin)
{
    ensureSodium();
    const QString file = describeFile(path, origin);
    const QByteArray encoded = QFile::encodeName(path);
    const FileDescriptor fd(::open(encoded.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        const int error = errno;
        return fail(u"secrets.master_key_unreadable"_s,
                    tr("%1 cannot be opened: %2.").arg(file, osError(error)));
    }
    struct stat status = {};
    if (::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode)) {
        return fail(u"secrets.master_key_unreadable"_s, tr("%1 is not a regular file.").arg(file));
    }
    const mode_t loose = status.st_mode & (S_IRWXG | S_IRWXO);
    if (loose != 0) {
        return fail(u"secrets.master_key_permissions"_s,
                    tr("%1 is accessible to its group or to others (permissions %2); a master key "
                       "must be readable by its owner only. Run: chmod 600 %3")
                            .arg(file, u"0%1"_s.arg(status.st_mode & 0777, 3, 8, QLatin1Char('0')),
                                 path));
    }

    GuardedBuffer contents(maxFileSize + 1);
    if (!contents.data()) {
        return fail(u"secrets.master_key_unreadable"_s,
                    tr("%1 cannot be read: out of guarded memory.").arg(file));
    }
    size_t length = 0;
    while (length < contents.size()) {
        const ssize_t got = ::read(fd.get(), contents.data() + length, contents.size() - length);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int error = errno;
            return fail(u"secrets.master_key_unreadable"_s,
                        tr("%1 cannot be read: %2.").arg(file, osError(error)));
        }
        if (got == 0)
            break;
        length += size_t(got);
    }

    GuardedBuffer key(keySize);
    if (!key.data()) {
        return fail(u"secrets.master_key_unreadable"_s,
                    tr("%1 cannot be read: out of guarded memory.").arg(file));
    }
    if (length == size_t(keySize)) {
        std::memcpy(key.data(), contents.data(), keySize);
    } else if (length > size_t(maxFileSize) || !decodeText(contents.data(), length, key.data())) {
        return fail(u"secrets.invalid_master_key"_s,
                    tr("%1 does not hold a master key (%2 bytes): expected 32 random bytes, raw or "
                       "as 64 hex digits or base64. Create one with: wirebench-cli secrets "
                       "generate-key --out FILE")
                            .arg(file)
                            .arg(length > size_t(maxFileSize) ? u"more than %1"_s.arg(maxFileSize)
                                                              : QString::number(length)));
    }
    const QString keyOrigin = origin.isEmpty()
                                      ? tr("the key file %1").arg(path)
                                      : tr("the key file %1 (named by %2)").arg(path, origin);
    return adopt(key.release(), keyOrigin);
}

Result<std::shared_ptr<const MasterKey>> MasterKey::fromBytes(QByteArrayView bytes,
                                                              const QString &origin)
{
    ensureSodium();
    if (bytes.size() != keySize) {
        return fail(u"secrets.invalid_master_key"_s,
                    tr("%1 does not hold a master key: %2 bytes instead of 32.")
                            .arg(origin)
                            .arg(bytes.size()));
    }
    auto *key = static_cast<unsigned char *>(sodium_malloc(keySize));
    Q_ASSERT(key);
    std::memcpy(key, bytes.data(), keySize);
    return adopt(key, origin);
}

std::shared_ptr<const MasterKey> MasterKey::generate(const QString &origin)
{
    ensureSodium();
    auto *key = static_cast<unsigned char *>(sodium_malloc(keySize));
    Q_ASSERT(key);
    randombytes_buf(key, keySize);
    return adopt(key, origin);
}

Result<void> MasterKey::writeNewKeyFile(const QString &path) const
{
    const QByteArray encoded = QFile::encodeName(path);
    const FileDescriptor fd(
            ::open(encoded.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0600));
    if (fd.get() < 0) {
        const int error = errno;
        if (error == EEXIST) {
            return fail(u"secrets.key_file_exists"_s,
                        tr("The key file %1 exists already; a new key never replaces a file. "
                           "Choose another path.")
                                .arg(path));
        }
        return fail(u"secrets.key_file_write_failed"_s,
                    tr("The key file %1 cannot be created: %2.").arg(path, osError(error)));
    }
    GuardedBuffer text(2 * keySize + 2);
    sodium_bin2hex(reinterpret_cast<char *>(text.data()), 2 * keySize + 1, m_key, keySize);
    text.data()[2 * keySize] = '\n';
    size_t written = 0;
    const size_t total = 2 * keySize + 1;
    while (written < total) {
        const ssize_t put = ::write(fd.get(), text.data() + written, total - written);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0) {
            const int error = errno;
            ::unlink(encoded.constData());
            return fail(u"secrets.key_file_write_failed"_s,
                        tr("The key file %1 cannot be written: %2.").arg(path, osError(error)));
        }
        written += size_t(put);
    }
    if (::fchmod(fd.get(), 0600) != 0 || ::fsync(fd.get()) != 0) {
        const int error = errno;
        ::unlink(encoded.constData());
        return fail(u"secrets.key_file_write_failed"_s,
                    tr("The key file %1 cannot be written: %2.").arg(path, osError(error)));
    }
    return {};
}

} // namespace wb::core
