// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthrecords.h"

#include "output.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wb::cli {

QJsonObject registrationJson(const core::Registration &r)
{
    return QJsonObject{
            {u"id"_s, r.id},
            {u"connection_id"_s, r.connectionId},
            {u"external_id"_s, r.externalId},
            {u"scope"_s, r.scope},
            {u"target_url"_s, r.targetUrl},
            {u"events"_s, QJsonArray::fromStringList(r.events)},
            {u"origin"_s, core::nameOf(r.origin)},
            {u"expires_at"_s, optionalTime(r.expiresAtMs)},
            {u"renew_lifetime_minutes"_s, r.renewLifetimeMinutes},
            {u"reregister_allowed"_s, r.reregisterAllowed},
            {u"has_registration_body"_s, !r.registrationBody.isEmpty()},
            {u"state"_s, core::nameOf(r.state)},
            {u"state_detail"_s, r.stateDetail},
            {u"last_delivery_status"_s, r.lastDeliveryStatus},
            {u"last_checked_at"_s, optionalTime(r.lastCheckedAtMs)},
            {u"last_action"_s, core::nameOf(r.lastAction)},
            {u"last_action_detail"_s, r.lastActionDetail},
            {u"last_action_at"_s, optionalTime(r.lastActionAtMs)},
            {u"created_at"_s, rfc3339Utc(r.createdAtMs)},
            {u"updated_at"_s, rfc3339Utc(r.updatedAtMs)},
    };
}

QJsonObject connectionHealthJson(const core::ConnectionHealth &health)
{
    QJsonArray findings;
    for (const core::HealthFinding &finding : health.findings) {
        findings.append(QJsonObject{{u"code"_s, finding.code},
                                    {u"severity"_s, core::nameOf(finding.severity)},
                                    {u"action"_s, core::nameOf(finding.action)},
                                    {u"reason"_s, finding.reason},
                                    {u"registration_id"_s, optionalId(finding.registrationId)}});
    }
    QJsonValue credentialCheck = QJsonValue::Null;
    if (const auto &check = health.credentialCheck) {
        credentialCheck = QJsonObject{{u"verdict"_s, core::nameOf(check->verdict)},
                                      {u"checked_at"_s, rfc3339Utc(check->checkedAtMs)},
                                      {u"http_status"_s, check->httpStatus},
                                      {u"message"_s, check->message}};
    }
    return QJsonObject{{u"connection_id"_s, health.connectionId},
                       {u"tenant_id"_s, health.tenantId},
                       {u"provider_id"_s, health.providerId},
                       {u"label"_s, health.label},
                       {u"status"_s, core::nameOf(health.status)},
                       {u"action"_s, core::nameOf(health.action())},
                       {u"reason"_s, health.reason()},
                       {u"assessed_at"_s, rfc3339Utc(health.assessedAtMs)},
                       {u"findings"_s, findings},
                       {u"credential_check"_s, credentialCheck}};
}

QJsonObject healthReportJson(const QList<core::ConnectionHealth> &assessed)
{
    QJsonArray connections;
    QJsonObject summary{{u"healthy"_s, 0},
                        {u"attention"_s, 0},
                        {u"failing"_s, 0},
                        {u"unknown"_s, 0}};
    for (const core::ConnectionHealth &health : assessed) {
        connections.append(connectionHealthJson(health));
        const QString key = core::nameOf(health.status);
        summary.insert(key, summary.value(key).toInt() + 1);
    }
    return QJsonObject{{u"connections"_s, connections}, {u"summary"_s, summary}};
}

} // namespace wb::cli
