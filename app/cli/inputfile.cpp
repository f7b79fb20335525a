// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputfile.h"

#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace wb::cli {

core::Result<QByteArray> readInputFile(const QString &path, const QString &what, qint64 maxBytes)
{
    QFile file;
    const bool fromStdin = path == u"-";
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly)
                                  : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        return core::fail(u"cli.unreadable_file"_s,
                          u"cannot read %1 from %2: %3"_s.arg(what, fromStdin ? u"stdin"_s : path,
                                                              file.errorString()));
    }
    // A pipe delivers its data in pieces: read() returns what has arrived, nothing at the end.
    QByteArray bytes;
    while (bytes.size() <= maxBytes) {
        const QByteArray piece = file.read(qMin<qint64>(64 * 1024, maxBytes + 1 - bytes.size()));
        if (piece.isEmpty())
            break;
        bytes += piece;
    }
    return bytes;
}

} // namespace wb::cli
