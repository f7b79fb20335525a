// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/jobtemplate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

enum class Encoding { UrlComponent, Raw, JsonString };

QHash<QString, QString> valuesOf(const JobContext &c)
{
    const auto id = [](const std::optional<qint64> &value) {
        return value ? QString::number(*value) : QString();
    };
    return {
            {u"tenant.id"_s, id(c.tenantId)},
            {u"tenant.name"_s, c.tenantName},
            {u"tenant.external_reference"_s, c.tenantExternalReference},
            {u"connection.id"_s, id(c.connectionId)},
            {u"connection.label"_s, c.connectionLabel},
            {u"connection.provider"_s, c.providerId},
            {u"connection.base_url"_s, c.connectionBaseUrl},
            {u"schedule.id"_s, QString::number(c.scheduleId)},
            {u"schedule.name"_s, c.scheduleName},
            {u"run.id"_s, QString::number(c.runId)},
            {u"run.scheduled_at"_s,
             QDateTime::fromMSecsSinceEpoch(c.scheduledAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {u"job.ordinal"_s, QString::number(c.ordinal)},
    };
}

JobContext sampleContext()
{
    JobContext c;
    c.scheduleId = 1;
    c.scheduleName = u"sample"_s;
    c.runId = 1;
    c.tenantId = 1;
    c.tenantName = u"Sample tenant"_s;
    c.connectionId = 1;
    c.providerId = u"generic"_s;
    c.connectionBaseUrl = u"https://api.example.com"_s;
    return c;
}

QString jsonStringInside(const QString &value)
{
    // QJsonDocument writes a one-element array as ["…"]: take what is between the quotes.
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(2, json.size() - 4));
}

// Replaces every {{name}} in `text`. Error `code` naming `part` for an unknown or unclosed
// placeholder.
Result<QString> substitute(const QString &text, const QHash<QString, QString> &values,
                           Encoding encoding, const QString &code, const QString &part)
{
    QString result;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text.indexOf(u"{{"_s, from);
        if (open < 0) {
            result += text.mid(from);
            return result;
        }
        result += text.mid(from, open - from);
        const qsizetype close = text.indexOf(u"}}"_s, open + 2);
        if (close < 0) {
            return fail(code,
                        u"%1: placeholder at position %2 is not closed with }}"_s.arg(part).arg(
                                open + 1));
        }
        const QString name = text.mid(open + 2, close - open - 2).trimmed();
        const auto value = values.constFind(name);
        if (value == values.cend()) {
            return fail(code, u"%1: unknown placeholder {{%2}} (known: %3)"_s
                                      .arg(part, name,
                                           HttpJobTemplate::placeholderNames().join(u", "_s)));
        }
        switch (encoding) {
        case Encoding::UrlComponent:
            result += name == u"connection.base_url"
                              ? *value
                              : QString::fromLatin1(QUrl::toPercentEncoding(*value));
            break;
        case Encoding::JsonString:
            result += jsonStringInside(*value);
            break;
        case Encoding::Raw:
            result += *value;
            break;
        }
        from = close + 2;
    }
}

bool isJson(const HttpHeaders &headers)
{
    const QByteArray type = headers.value("Content-Type").toLower();
    const qsizetype semicolon = type.indexOf(';');
    // Qt 6.4's QByteArray::left(-1) is empty, not the whole array.
    const QByteArray mediaType = (semicolon < 0 ? type : type.left(semicolon)).trimmed();
    return mediaType == "application/json" || mediaType.endsWith("+json");
}

} // namespace

QString jobIdempotencyKey(qint64 runId, int ordinal)
{
    return u"schedule-run-%1-job-%2"_s.arg(runId).arg(ordinal);
}

QStringList HttpJobTemplate::placeholderNames()
{
    QStringList names = valuesOf({}).keys();
    names.sort();
    return names;
}

Result<void> HttpJobTemplate::validate() const
{
    auto expanded = expand(sampleContext());
    if (!expanded)
        return fail(expanded.error());
    return {};
}

Result<NewDelivery> HttpJobTemplate::expand(const JobContext &context) const
{
    static const QList<QByteArray> methods = {"POST", "PUT", "PATCH", "DELETE"};
    if (!methods.contains(method)) {
        return fail(u"schedule.invalid_job_method"_s,
                    u"method: '%1' is not one of POST, PUT, PATCH, DELETE"_s.arg(
                            QString::fromLatin1(method)));
    }
    const QHash<QString, QString> values = valuesOf(context);

    auto urlText = substitute(url.trimmed(), values, Encoding::UrlComponent,
                              u"schedule.invalid_job_url"_s, u"url"_s);
    if (!urlText)
        return fail(urlText.error());
    const QUrl target(*urlText, QUrl::StrictMode);
    if (!target.isValid() || (target.scheme() != u"http" && target.scheme() != u"https")
        || target.host().isEmpty()) {
        return fail(u"schedule.invalid_job_url"_s,
                    u"url: '%1' does not expand to an absolute http(s) URL (got '%2')"_s
                            .arg(url, *urlText));
    }

    NewDelivery delivery;
    delivery.connectionId = context.connectionId;
    delivery.url = target;
    delivery.method = method;
    delivery.retryPolicy = retryPolicy;
    delivery.idempotencyKey = jobIdempotencyKey(context.runId, context.ordinal);
    for (const RawHeader &field : headers.fields()) {
        auto value = substitute(QString::fromLatin1(field.second), values, Encoding::Raw,
                                u"schedule.invalid_job_header"_s,
                                u"header %1"_s.arg(QString::fromLatin1(field.first)));
        if (!value)
            return fail(value.error());
        delivery.headers.append(field.first, value->toUtf8());
    }
    if (!body.contains("{{")) {
        delivery.body = body; // byte for byte (it need not be UTF-8)
        return delivery;
    }
    auto bodyText = substitute(QString::fromUtf8(body), values,
                               isJson(headers) ? Encoding::JsonString : Encoding::Raw,
                               u"schedule.invalid_job_body"_s, u"body"_s);
    if (!bodyText)
        return fail(bodyText.error());
    delivery.body = bodyText->toUtf8();
    return delivery;
}

} // namespace wb::core
