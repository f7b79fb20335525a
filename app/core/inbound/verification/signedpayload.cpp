// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/verification/signedpayload.h"

#include "core/inbound/rawrequest.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QString>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::core {

qsizetype SignedPayload::size() const
{
    qsizetype total = 0;
    for (const Part &part : parts)
        total += part.bytes.size();
    return total;
}

QList<QByteArrayView> SignedPayload::views() const
{
    QList<QByteArrayView> result;
    result.reserve(parts.size());
    for (const Part &part : parts)
        result << QByteArrayView(part.bytes);
    return result;
}

QByteArray SignedPayload::joined() const
{
    if (parts.size() == 1)
        return parts.front().bytes;
    QByteArray out;
    out.reserve(size());
    for (const Part &part : parts)
        out += part.bytes;
    return out;
}

QByteArray SignedPayload::printablePrefix(qsizetype maxBytes) const
{
    QByteArray shown;
    for (const Part &part : parts) {
        if (shown.size() >= maxBytes)
            break;
        shown += part.secret ? QByteArray("{secret}") : part.bytes.left(maxBytes - shown.size());
    }
    const bool cut = size() > shown.size() || shown.size() > maxBytes;
    QByteArray printable = wb::core::printablePrefix(shown, maxBytes);
    if (cut && !printable.endsWith("\xe2\x80\xa6"))
        printable += "\xe2\x80\xa6";
    return printable;
}

namespace {
QByteArray decodeSelected(const QByteArray &url, const QString &chars)
{
    if (chars.isEmpty())
        return url;
    QByteArray out;
    out.reserve(url.size());
    for (qsizetype i = 0; i < url.size(); ++i) {
        if (url.at(i) == '%' && i + 2 < url.size()) {
            const QByteArray decoded = QByteArray::fromHex(url.mid(i + 1, 2));
            if (decoded.size() == 1 && chars.contains(QChar::fromLatin1(decoded.at(0)))) {
                out += decoded;
                i += 2;
                continue;
            }
        }
        out += url.at(i);
    }
    return out;
}
} // namespace

SignedPayload buildSignedPayload(const SignatureScheme &scheme, const SignedPayloadInputs &inputs)
{
    SignedPayload payload;
    const QString &text = scheme.signedPayload;
    QString literal;
    const auto flushLiteral = [&] {
        if (!literal.isEmpty())
            payload.parts.append(SignedPayload::Part{literal.toUtf8(), false});
        literal.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'{') {
            literal += text.at(i);
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i);
        const QStringView name = QStringView(text).sliced(i + 1, close - i - 1);
        flushLiteral();
        if (name == u"body")
            payload.parts.append(SignedPayload::Part{inputs.body, false});
        else if (name == u"timestamp")
            payload.parts.append(SignedPayload::Part{inputs.timestamp, false});
        else if (name == u"id")
            payload.parts.append(SignedPayload::Part{inputs.id, false});
        else if (name == u"method")
            payload.parts.append(SignedPayload::Part{inputs.method, false});
        else if (name == u"url")
            payload.parts.append(
                    SignedPayload::Part{decodeSelected(inputs.url, scheme.urlDecodeChars), false});
        else if (name == u"secret")
            payload.parts.append(SignedPayload::Part{inputs.secret, true});
        i = close;
    }
    flushLiteral();
    return payload;
}

SignedPayload buildTwilioPayload(QByteArrayView url,
                                 const QList<std::pair<QByteArray, QByteArray>> &parameters)
{
    QMap<QString, QList<QByteArray>> byName; // QString keys sort by UTF-16 code units
    for (const auto &[name, value] : parameters) {
        QList<QByteArray> &values = byName[QString::fromUtf8(name)];
        if (!values.contains(value))
            values << value;
    }
    SignedPayload payload;
    payload.parts.append(SignedPayload::Part{url.toByteArray(), false});
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        QList<QString> values;
        for (const QByteArray &value : std::as_const(it.value()))
            values << QString::fromUtf8(value);
        std::sort(values.begin(), values.end());
        const QByteArray name = it.key().toUtf8();
        for (const QString &value : std::as_const(values)) {
            payload.parts.append(SignedPayload::Part{name, false});
            payload.parts.append(SignedPayload::Part{value.toUtf8(), false});
        }
    }
    return payload;
}

QList<QByteArray> twilioUrlCandidates(QByteArrayView url)
{
    // scheme://[userinfo@]host[:port]rest — split without normalising, as twilio-node's splitUrl.
    static const QRegularExpression prefix(u"^([a-z][a-z0-9+.-]*://)([^/?#]*)"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromUtf8(url);
    const auto match = prefix.match(text);
    if (!match.hasMatch())
        return {url.toByteArray()};
    const QString scheme = match.captured(1);
    const QString authority = match.captured(2);
    const QString rest = text.mid(match.capturedLength(0));
    const qsizetype userInfoEnd = authority.lastIndexOf(u'@');
    const QString userInfo = authority.left(userInfoEnd + 1);
    const QString hostAndPort = authority.mid(userInfoEnd + 1);
    const qsizetype portStart = hostAndPort.indexOf(u':', hostAndPort.lastIndexOf(u']') + 1);
    const QString host = portStart < 0 ? hostAndPort : hostAndPort.left(portStart);
    const QString withoutPort = scheme + userInfo + host + rest;
    QString withPort = text;
    if (portStart < 0) {
        const QString port = scheme.compare(u"https://"_s, Qt::CaseInsensitive) == 0 ? u":443"_s
                                                                                     : u":80"_s;
        withPort = scheme + userInfo + host + port + rest;
    }
    QList<QByteArray> candidates{withoutPort.toUtf8()};
    if (withPort != withoutPort)
        candidates << withPort.toUtf8();
    return candidates;
}

} // namespace wb::core
