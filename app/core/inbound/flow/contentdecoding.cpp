// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/flow/contentdecoding.h"

#include <QCoreApplication>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// lupdate reads the context from the class, so German finds these strings at run time.
class DecodingText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::ContentDecoding)
};

} // namespace

Result<QByteArray> gunzip(QByteArrayView compressed, qint64 maxBytes)
{
    z_stream stream{};
    // 16 + MAX_WBITS: a gzip wrapper only (zlib manual, inflateInit2).
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return fail(u"request.bad_gzip"_s, DecodingText::tr("zlib could not be initialised."));
    QByteArray out;
    constexpr qsizetype step = 64 * 1024;
    qsizetype consumed = 0;
    int status = Z_OK;
    while (true) {
        const qsizetype inputLeft = compressed.size() - consumed;
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()))
                         + consumed;
        stream.avail_in = uInt(std::min<qsizetype>(inputLeft, 1 << 30));
        const qsizetype before = out.size();
        const qint64 room = maxBytes - before;
        // Ask for one byte more than allowed: getting it proves the limit is passed.
        const qsizetype chunk = qsizetype(std::min<qint64>(step, room + 1));
        out.resize(before + chunk);
        stream.next_out = reinterpret_cast<Bytef *>(out.data()) + before;
        stream.avail_out = uInt(chunk);
        const uInt availIn = stream.avail_in;
        status = inflate(&stream, Z_NO_FLUSH);
        consumed += availIn - stream.avail_in;
        out.resize(before + (chunk - qsizetype(stream.avail_out)));
        if (out.size() > maxBytes) {
            inflateEnd(&stream);
            return fail(
                    u"request.decoded_too_large"_s,
                    DecodingText::tr(
                            "The gzip body decompresses to more than the receiver's limit of %1 "
                            "bytes.")
                            .arg(maxBytes));
        }
        if (status == Z_STREAM_END) {
            if (consumed == compressed.size())
                break;
            // Another gzip member follows (RFC 1952 §2.2).
            if (inflateReset(&stream) != Z_OK)
                break;
            continue;
        }
        if (status == Z_OK || (status == Z_BUF_ERROR && stream.avail_out == 0))
            continue;
        const bool truncated = status == Z_BUF_ERROR && consumed == compressed.size();
        const QString reason = truncated ? DecodingText::tr(
                                       "it ends in the middle of the compressed data")
                                         : QString::fromLatin1(stream.msg ? stream.msg
                                                                          : "invalid data");
        inflateEnd(&stream);
        return fail(
                u"request.bad_gzip"_s,
                DecodingText::tr(
                        "The body says Content-Encoding: gzip but is not valid gzip (%1, after %2 "
                        "of %3 bytes).")
                        .arg(reason)
                        .arg(consumed)
                        .arg(compressed.size()));
    }
    inflateEnd(&stream);
    return out;
}

} // namespace wb::core
