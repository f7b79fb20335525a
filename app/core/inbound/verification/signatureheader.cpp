// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/verification/signatureheader.h"

#include "core/inbound/verification/cryptoprimitives.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
class HeaderText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SignatureVerifier)
};

QList<QByteArrayView> splitTrimmed(QByteArrayView value, QByteArrayView separator)
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    while (true) {
        const qsizetype end = value.indexOf(separator, start);
        const QByteArrayView part = value.sliced(start, (end < 0 ? value.size() : end) - start)
                                            .trimmed();
        if (!part.isEmpty())
            parts << part;
        if (end < 0)
            break;
        start = end + separator.size();
    }
    return parts;
}

void addSignature(ParsedSignatureHeader &parsed, SignatureEncoding encoding, QByteArrayView text)
{
    if (auto bytes = decodeSignature(encoding, text))
        parsed.signatures << *bytes;
    else
        ++parsed.undecodable;
}
} // namespace

QByteArray encodeSignature(SignatureEncoding encoding, QByteArrayView signature)
{
    return encoding == SignatureEncoding::Hex ? signature.toByteArray().toHex()
                                              : signature.toByteArray().toBase64();
}

std::optional<QByteArray> decodeSignature(SignatureEncoding encoding, QByteArrayView text)
{
    return encoding == SignatureEncoding::Hex ? crypto::decodeHex(text)
                                              : crypto::decodeBase64(text);
}

ParsedSignatureHeader parseSignatureHeader(const SignatureScheme &scheme, QByteArrayView value)
{
    ParsedSignatureHeader parsed;
    const QByteArray prefix = scheme.prefix.toUtf8();
    const QByteArray separator = scheme.separator.toUtf8();
    const QByteArrayView trimmed = value.trimmed();
    switch (scheme.format) {
    case SignatureFormat::Single:
        if (!trimmed.startsWith(prefix)) {
            parsed.problem = HeaderText::tr("the value does not start with \"%1\"")
                                     .arg(scheme.prefix);
            return parsed;
        }
        addSignature(parsed, scheme.encoding, trimmed.sliced(prefix.size()));
        break;
    case SignatureFormat::List:
        for (const QByteArrayView entry : splitTrimmed(trimmed, separator)) {
            if (entry.startsWith(prefix))
                addSignature(parsed, scheme.encoding, entry.sliced(prefix.size()));
            else
                ++parsed.ignored;
        }
        break;
    case SignatureFormat::KeyValue: {
        const QByteArray signatureKey = scheme.signatureKey.toUtf8();
        const QByteArray timestampKey = scheme.timestampKey.toUtf8();
        for (const QByteArrayView pair : splitTrimmed(trimmed, separator)) {
            const qsizetype equals = pair.indexOf('=');
            if (equals < 0) {
                ++parsed.ignored;
                continue;
            }
            const QByteArrayView key = pair.first(equals).trimmed();
            const QByteArrayView text = pair.sliced(equals + 1).trimmed();
            if (key == signatureKey)
                addSignature(parsed, scheme.encoding, text);
            else if (!timestampKey.isEmpty() && key == timestampKey && !parsed.timestamp)
                parsed.timestamp = text.toByteArray();
            else
                ++parsed.ignored;
        }
        break;
    }
    }
    if (parsed.signatures.isEmpty() && parsed.problem.isEmpty()) {
        if (parsed.undecodable > 0) {
            parsed.problem = HeaderText::tr("%n signature(s) could not be decoded as %1", nullptr,
                                            parsed.undecodable)
                                     .arg(nameOf(scheme.encoding));
        } else if (scheme.format == SignatureFormat::KeyValue) {
            parsed.problem = HeaderText::tr("no \"%1=\" entry").arg(scheme.signatureKey);
        } else {
            parsed.problem = HeaderText::tr("no entry starting with \"%1\"").arg(scheme.prefix);
        }
    }
    return parsed;
}

QByteArray formatSignatureHeader(const SignatureScheme &scheme, const QList<QByteArray> &signatures,
                                 QByteArrayView timestamp)
{
    const QByteArray prefix = scheme.prefix.toUtf8();
    QList<QByteArray> entries;
    switch (scheme.format) {
    case SignatureFormat::Single:
        return signatures.isEmpty() ? QByteArray()
                                    : prefix + encodeSignature(scheme.encoding, signatures.front());
    case SignatureFormat::List:
        for (const QByteArray &signature : signatures)
            entries << prefix + encodeSignature(scheme.encoding, signature);
        break;
    case SignatureFormat::KeyValue:
        if (!scheme.timestampKey.isEmpty())
            entries << scheme.timestampKey.toUtf8() + '=' + timestamp.toByteArray();
        for (const QByteArray &signature : signatures)
            entries << scheme.signatureKey.toUtf8() + '='
                               + encodeSignature(scheme.encoding, signature);
        break;
    }
    return entries.join(scheme.separator.toUtf8());
}

} // namespace wb::core
