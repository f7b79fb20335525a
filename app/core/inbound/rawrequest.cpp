// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/rawrequest.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

std::optional<QByteArray> RawRequest::header(QByteArrayView name) const
{
    for (const ReceivedHeader &h : headers) {
        if (sameName(h.name, name))
            return h.value;
    }
    return std::nullopt;
}

QList<QByteArray> RawRequest::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const ReceivedHeader &h : headers) {
        if (sameName(h.name, name))
            values << h.value;
    }
    return values;
}

std::optional<std::pair<QByteArray, QByteArray>> RawRequest::firstHeader(
        const QList<QByteArray> &names) const
{
    for (const QByteArray &name : names) {
        if (const auto value = header(name))
            return std::pair{name, *value};
    }
    return std::nullopt;
}

QByteArray RawRequest::query() const
{
    const qsizetype question = url.indexOf('?');
    if (question < 0)
        return {};
    const qsizetype hash = url.indexOf('#', question);
    return url.mid(question + 1, hash < 0 ? -1 : hash - question - 1);
}

std::optional<QByteArray> RawRequest::queryParameter(QByteArrayView name) const
{
    const auto pairs = parseFormEncoded(query());
    for (const auto &[key, value] : pairs) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}

QByteArray formDecode(QByteArrayView component)
{
    QByteArray plus = component.toByteArray();
    plus.replace('+', ' ');
    return QByteArray::fromPercentEncoding(plus);
}

QList<std::pair<QByteArray, QByteArray>> parseFormEncoded(QByteArrayView encoded)
{
    QList<std::pair<QByteArray, QByteArray>> pairs;
    qsizetype start = 0;
    while (start <= encoded.size()) {
        qsizetype end = encoded.indexOf('&', start);
        if (end < 0)
            end = encoded.size();
        const QByteArrayView part = encoded.sliced(start, end - start);
        if (!part.isEmpty()) {
            const qsizetype equals = part.indexOf('=');
            if (equals < 0)
                pairs.append({formDecode(part), QByteArray()});
            else
                pairs.append({formDecode(part.first(equals)), formDecode(part.sliced(equals + 1))});
        }
        start = end + 1;
    }
    return pairs;
}

QByteArray printablePrefix(QByteArrayView bytes, qsizetype maxBytes)
{
    QByteArray out;
    const qsizetype n = qMin(bytes.size(), maxBytes);
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            out += char(c);
        } else if (c == '\\') {
            out += "\\\\";
        } else {
            out += "\\x";
            out += QByteArray::number(c, 16).rightJustified(2, '0');
        }
    }
    if (bytes.size() > maxBytes)
        out += "\xe2\x80\xa6"; // …
    return out;
}

} // namespace wb::core
