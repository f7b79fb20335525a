// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inbound/editedrequest.h"

#include "core/inbound/identity/rawjson.h"
#include "core/inbound/verification/signaturesigner.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wb::models::EditedRequest)
};

bool isJsonType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    return type == "application/json" || type.endsWith("+json");
}

QSet<QByteArray> signingHeaderNames(const core::SignatureScheme &scheme)
{
    QSet<QByteArray> names;
    for (const QStringList *list : {&scheme.signatureHeaders, &scheme.idHeaders})
        for (const QString &name : *list)
            names.insert(name.toLatin1().toLower());
    if (scheme.timestampSource == core::TimestampSource::Header) {
        for (const QString &name : scheme.timestampHeaders)
            names.insert(name.toLatin1().toLower());
    }
    return names;
}

// The last character of the signature changed to another one of the same alphabet.
QByteArray corrupted(QByteArray value)
{
    for (qsizetype i = value.size() - 1; i >= 0; --i) {
        const char c = value.at(i);
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            value[i] = c == '0' ? '1' : c == 'a' ? 'b' : c == 'A' ? 'B' : char(c - 1);
            return value;
        }
    }
    return value + "0";
}

} // namespace

core::Result<QList<core::ReceivedHeader>> parseHeaderLines(const QString &text)
{
    QList<core::ReceivedHeader> headers;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        const QString name = colon > 0 ? line.left(colon) : QString();
        if (name.isEmpty() || name.contains(u' ') || name.contains(u'\t')) {
            return core::fail(u"edit.bad_header"_s,
                              Text::tr("Header line %1: expected \"Name: value\", got \"%2\".")
                                      .arg(i + 1)
                                      .arg(line.left(80)));
        }
        headers.append({name.toLatin1(), line.mid(colon + 1).trimmed().toLatin1()});
    }
    return headers;
}

QString headerLines(const QList<core::ReceivedHeader> &headers)
{
    QString text;
    for (const core::ReceivedHeader &header : headers)
        text += QString::fromLatin1(header.name + ": " + header.value) + u'\n';
    return text;
}

core::Result<EditedRequest> prepareEditedRequest(const core::RawRequest &original,
                                                 const core::RawRequest &edited,
                                                 const core::SignatureScheme &scheme,
                                                 const QList<QByteArray> &secrets,
                                                 SignatureMode mode, qint64 nowMs,
                                                 const QByteArray &newMessageId)
{
    const QByteArray contentType = edited.header("Content-Type").value_or(QByteArray());
    if (isJsonType(contentType)) {
        const auto valid = core::rawjson::find(edited.body, u"");
        if (!valid)
            return core::fail(valid.error());
    }
    EditedRequest out;
    out.request = edited;
    const QSet<QByteArray> signing = signingHeaderNames(scheme);

    // What the person changed (signature headers are the signing's business, listed below).
    QSet<QByteArray> originalNames;
    for (const core::ReceivedHeader &header : original.headers) {
        const QByteArray lower = header.name.toLower();
        originalNames.insert(lower);
        if (signing.contains(lower))
            continue;
        const auto now = edited.header(header.name);
        if (!now)
            out.changes << Text::tr("removed header %1").arg(QString::fromLatin1(header.name));
        else if (*now != header.value)
            out.changes << Text::tr("changed header %1").arg(QString::fromLatin1(header.name));
    }
    for (const core::ReceivedHeader &header : edited.headers) {
        const QByteArray lower = header.name.toLower();
        if (!originalNames.contains(lower) && !signing.contains(lower))
            out.changes << Text::tr("added header %1").arg(QString::fromLatin1(header.name));
    }
    if (edited.body != original.body) {
        out.changes << Text::tr("body changed (%1 → %2 bytes)")
                               .arg(original.body.size())
                               .arg(edited.body.size());
    }

    QStringList removed;
    out.request.headers.clear();
    for (const core::ReceivedHeader &header : edited.headers) {
        if (signing.contains(header.name.toLower()))
            removed << QString::fromLatin1(header.name);
        else
            out.request.headers.append(header);
    }
    if (mode == SignatureMode::Unsigned) {
        out.changes << (removed.isEmpty()
                                ? Text::tr("sent unsigned")
                                : Text::tr("sent unsigned (removed %1)").arg(removed.join(u", "_s)));
        return out;
    }

    core::SigningRequest signing_;
    signing_.method = edited.method;
    signing_.url = edited.url;
    signing_.body = edited.body;
    signing_.contentType = contentType;
    signing_.timestampMs = nowMs;
    signing_.messageId = newMessageId;
    for (const QString &idHeader : scheme.idHeaders) {
        if (const auto id = original.header(idHeader.toLatin1())) {
            signing_.messageId = *id;
            break;
        }
    }
    const auto signatureHeaders = core::signRequest(scheme, secrets, signing_);
    if (!signatureHeaders)
        return core::fail(signatureHeaders.error());
    QStringList made;
    for (core::ReceivedHeader header : *signatureHeaders) {
        const bool isSignature = scheme.signatureHeaders.contains(QString::fromLatin1(header.name),
                                                                  Qt::CaseInsensitive);
        if (mode == SignatureMode::Corrupted && isSignature)
            header.value = corrupted(header.value);
        made << QString::fromLatin1(header.name);
        out.request.headers.append(header);
    }
    out.changes << (mode == SignatureMode::Corrupted
                            ? Text::tr("signature deliberately corrupted (%1)")
                                      .arg(made.join(u", "_s))
                            : Text::tr("re-signed with the connection's secret (%1)")
                                      .arg(made.join(u", "_s)));
    return out;
}

} // namespace wb::models
