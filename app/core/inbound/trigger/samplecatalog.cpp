// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplecatalog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

QByteArray replacePlaceholders(const QByteArray &text, const SampleValues &values,
                               QByteArray *accountIdUsed)
{
    static const QRegularExpression placeholder(u"\\{\\{([a-z_]+)(?:\\|([^}]*))?\\}\\}"_s);
    const QString source = QString::fromUtf8(text);
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(source);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(source).mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        const QString name = match.captured(1);
        QString value;
        if (name == u"account_id") {
            value = values.accountId.isEmpty() ? match.captured(2)
                                               : QString::fromUtf8(values.accountId);
            if (accountIdUsed)
                *accountIdUsed = value.toUtf8();
        } else if (name == u"uuid") {
            value = QString::fromLatin1(values.uuid);
        } else if (name == u"event_id") {
            value = QString::fromLatin1(values.eventId);
        } else if (name == u"timestamp") {
            value = QString::number(values.nowMs / 1000);
        } else if (name == u"timestamp_ms") {
            value = QString::number(values.nowMs);
        } else if (name == u"iso_time") {
            value = QDateTime::fromMSecsSinceEpoch(values.nowMs, Qt::UTC).toString(Qt::ISODate);
        } else {
            value = match.captured(0); // unknown: left as written (parseSample refuses them)
        }
        result += value;
    }
    result += QStringView(source).mid(last);
    return result.toUtf8();
}

} // namespace

RenderedSample renderSample(const SampleEvent &sample, const SampleValues &values)
{
    RenderedSample rendered;
    for (const ReceivedHeader &field : sample.headers) {
        const QByteArray value = replacePlaceholders(field.value, values, &rendered.accountId);
        rendered.headers.append({field.name, value});
        if (field.name.compare("Content-Type", Qt::CaseInsensitive) == 0)
            rendered.contentType = value;
    }
    rendered.body = replacePlaceholders(sample.bodyTemplate, values, &rendered.accountId);
    return rendered;
}

Result<SampleEvent> parseSample(const QByteArray &text, const QString &providerId,
                                const QString &event, const QString &path)
{
    static const QRegularExpression known(
            u"\\{\\{(?!(?:account_id(?:\\|[^}]*)?|uuid|event_id|timestamp|timestamp_ms|iso_time)"
            "\\}\\})[^}]*\\}\\}"_s);
    const auto invalid = [&path](int line, const QString &what) {
        return fail(u"sample.invalid"_s, u"%1, line %2: %3"_s.arg(path).arg(line).arg(what));
    };
    SampleEvent sample;
    sample.providerId = providerId;
    sample.event = event;
    sample.path = path;
    qsizetype position = 0;
    int line = 0;
    bool blankSeen = false;
    while (position < text.size()) {
        qsizetype end = text.indexOf('\n', position);
        if (end < 0)
            end = text.size();
        QByteArray current = text.mid(position, end - position);
        position = end + 1;
        ++line;
        if (current.endsWith('\r'))
            current.chop(1);
        if (current.isEmpty()) {
            blankSeen = true;
            break;
        }
        if (current.startsWith('#')) {
            const QString comment = QString::fromUtf8(current.mid(1)).trimmed();
            if (comment.startsWith(u"description:"))
                sample.description = comment.mid(12).trimmed();
            else if (comment.startsWith(u"source:"))
                sample.source = comment.mid(7).trimmed();
            continue;
        }
        const qsizetype colon = current.indexOf(':');
        if (colon <= 0 || current.left(colon).contains(' '))
            return invalid(line, u"expected 'Name: value', a '#' comment or a blank line"_s);
        sample.headers.append({current.left(colon), current.mid(colon + 1).trimmed()});
    }
    if (!blankSeen)
        return invalid(line, u"no blank line before the body"_s);
    sample.bodyTemplate = position < text.size() ? text.mid(position) : QByteArray();
    if (sample.bodyTemplate.endsWith('\n'))
        sample.bodyTemplate.chop(1);
    if (sample.bodyTemplate.endsWith('\r'))
        sample.bodyTemplate.chop(1);
    if (sample.description.isEmpty() || sample.source.isEmpty())
        return invalid(1, u"a sample needs '# description:' and '# source:' lines"_s);
    QByteArray all = sample.bodyTemplate;
    for (const ReceivedHeader &field : std::as_const(sample.headers))
        all += field.value;
    if (const QRegularExpressionMatch match = known.match(QString::fromUtf8(all));
        match.hasMatch()) {
        return invalid(line, u"unknown placeholder %1"_s.arg(match.captured(0)));
    }
    return sample;
}

SampleCatalog SampleCatalog::load(const QString &folder)
{
    SampleCatalog catalog;
    const QDir root(folder);
    for (const QString &provider : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(root.filePath(provider));
        for (const QString &file : dir.entryList({u"*.sample"_s}, QDir::Files, QDir::Name)) {
            QFile input(dir.filePath(file));
            if (!input.open(QIODevice::ReadOnly)) {
                catalog.m_issues.append({u"sample.unreadable"_s,
                                         u"%1: %2"_s.arg(input.fileName(), input.errorString())});
                continue;
            }
            Result<SampleEvent> sample = parseSample(input.readAll(), provider, file.chopped(7),
                                                     input.fileName());
            if (sample)
                catalog.m_samples.append(*sample);
            else
                catalog.m_issues.append(sample.error());
        }
    }
    return catalog;
}

QList<SampleEvent> SampleCatalog::samples(QStringView providerId) const
{
    QList<SampleEvent> result;
    for (const SampleEvent &sample : m_samples) {
        if (sample.providerId == providerId)
            result.append(sample);
    }
    return result;
}

Result<SampleEvent> SampleCatalog::find(QStringView providerId, QStringView event) const
{
    QStringList names;
    for (const SampleEvent &sample : samples(providerId)) {
        if (sample.event == event)
            return sample;
        names << sample.event;
    }
    if (names.isEmpty()) {
        return fail(u"sample.unknown_event"_s,
                    u"there are no sample events for the provider \"%1\" yet"_s.arg(providerId));
    }
    return fail(u"sample.unknown_event"_s,
                u"no sample event \"%1\" for %2 (known: %3)"_s.arg(event, providerId,
                                                                   names.join(u", "_s)));
}

} // namespace wb::core
