// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

namespace wb::core {

// One sample event of a provider, for `wirebench-cli trigger`: a request an engineer can send to
// the receiver (or their own handler) without the external system. Written by us from the
// provider's documented payload shape (the file names its source), never copied from a live
// system. A value.
//
// File format (resources/samples/<provider>/<event>.sample), like an HTTP message without the
// request line:
//   # description: one line for people
//   # source: where the shape comes from (a docs page)
//   Header-Name: value          (zero or more)
//   <blank line>
//   <body bytes, exactly; one trailing line break dropped>
// Placeholders in header values and the body, replaced by render():
//   {{account_id|DEFAULT}}  the external account the identity mapping knows (GitHub
//                           installation id, Slack team id, …), else DEFAULT
//   {{uuid}}                a random UUID (delivery ids)
//   {{event_id}}            a random 24-character id (provider event ids: evt_…, Ev…)
//   {{timestamp}}           now, UTC seconds; {{timestamp_ms}} milliseconds; {{iso_time}} RFC 3339
struct SampleEvent
{
    QString providerId;
    QString event; // the file's base name: "issues.opened", "payment_intent.succeeded"
    QString description;
    QString source;
    QList<ReceivedHeader> headers;
    QByteArray bodyTemplate;
    QString path;
};

// What render() fills the placeholders with.
struct SampleValues
{
    QByteArray accountId; // empty: each placeholder's default
    qint64 nowMs = 0;     // UTC ms, from the injected Clock
    QByteArray uuid;      // from the injected random source
    QByteArray eventId;
};

struct RenderedSample
{
    QList<ReceivedHeader> headers;
    QByteArray body;
    QByteArray contentType; // the Content-Type header's value, or empty
    QByteArray accountId;   // the value {{account_id}} became
};

// Fills in the placeholders. Pure; any thread.
RenderedSample renderSample(const SampleEvent &sample, const SampleValues &values);

// Parses one .sample file. Errors: `sample.invalid` naming the file and line.
Result<SampleEvent> parseSample(const QByteArray &text, const QString &providerId,
                                const QString &event, const QString &path);

// Every sample under `folder` (default the built-in ":/samples"): <folder>/<provider>/<event>.sample.
// Loads synchronously (a few dozen small files); immutable afterwards, any thread. A broken file
// is left out and reported in issues().
class SampleCatalog final
{
public:
    static SampleCatalog load(const QString &folder = QStringLiteral(":/samples"));

    // The samples of one provider, sorted by event name.
    QList<SampleEvent> samples(QStringView providerId) const;
    // Error `sample.unknown_event` naming the provider's events (or saying it has none).
    Result<SampleEvent> find(QStringView providerId, QStringView event) const;
    const QList<Error> &issues() const { return m_issues; }

private:
    QList<SampleEvent> m_samples;
    QList<Error> m_issues;
};

} // namespace wb::core
