// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace wb::core {

// The values a job's placeholders stand for, for one tenant/connection of one run.
struct JobContext
{
    qint64 scheduleId = 0;
    QString scheduleName;
    qint64 runId = 0;
    qint64 scheduledAtMs = 0; // UTC ms
    int ordinal = 0;
    std::optional<qint64> tenantId;
    QString tenantName;
    QString tenantExternalReference;
    std::optional<qint64> connectionId;
    QString connectionLabel;
    QString providerId;
    QString connectionBaseUrl; // ConnectionSettings::baseUrl, without a trailing slash
};

// A scheduled job: an HTTP request template run for every tenant/connection of a run, sent through
// the dispatch engine with the connection's credentials (its Authorization, retry policy, token
// bucket and concurrency limit).
//
// Placeholders, written {{name}} in the URL, header values and body:
//   {{tenant.id}} {{tenant.name}} {{tenant.external_reference}}
//   {{connection.id}} {{connection.label}} {{connection.provider}} {{connection.base_url}}
//   {{schedule.id}} {{schedule.name}} {{run.id}} {{run.scheduled_at}} (RFC 3339 UTC) {{job.ordinal}}
// A value missing for the job (a tenant's job without a connection) is empty.
// Encoding: in the URL every value is percent-encoded (RFC 3986 section 2.1) except
// {{connection.base_url}}, which is a URL itself and goes in as written; in a body whose
// Content-Type is JSON (application/json or */*+json) values are escaped as the inside of a JSON
// string (RFC 8259 section 7: write "{{tenant.name}}" with the quotes); elsewhere values go in as
// they are (a header value with CR or LF is refused when the delivery is validated).
struct HttpJobTemplate
{
    QByteArray method = QByteArrayLiteral("POST"); // POST, PUT, PATCH or DELETE (the dispatcher's)
    QString url;                                   // "{{connection.base_url}}/sync?t={{tenant.id}}"
    HttpHeaders headers;
    QByteArray body;
    QString retryPolicy; // empty: the connection's; a preset name or a policy's JSON

    // The placeholders this build knows ("tenant.id", …).
    static QStringList placeholderNames();

    // Checks the template without a tenant: the method, every {{…}} is known and closed, and the
    // URL expands (with sample values) to an absolute http(s) URL. Errors, the code naming the
    // part and the message the part, the placeholder or the value:
    //  - `schedule.invalid_job_method`: not POST, PUT, PATCH or DELETE;
    //  - `schedule.invalid_job_url`: an unknown or unclosed placeholder, or no absolute http(s)
    //    URL after expansion;
    //  - `schedule.invalid_job_header`: an unknown or unclosed placeholder in a header value
    //    ("header <name>: …");
    //  - `schedule.invalid_job_body`: an unknown or unclosed placeholder in the body.
    Result<void> validate() const;

    // The delivery for one job; its idempotency key is "schedule-run-<run id>-job-<ordinal>"
    // (stable across restarts, so a job queued twice is refused by the engine). Errors: those of
    // validate().
    Result<NewDelivery> expand(const JobContext &context) const;

    bool operator==(const HttpJobTemplate &other) const = default;
};

// The idempotency key of a run's job: "schedule-run-7-job-12".
QString jobIdempotencyKey(qint64 runId, int ordinal);

} // namespace wb::core
