// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/tenant.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace wb::core {

// (provider, external account id) → tenant. The external account id is what the provider puts in
// its events: a Slack team_id, a GitHub installation.id, a Shopify shop domain, a HubSpot portalId
// (see resources/providers/*.json for where each provider carries it). Unique per provider.
struct IdentityMapping
{
    qint64 id = 0;                      // assigned by the store
    QString providerId;                 // a provider profile id such as "github"
    QString externalAccountId;          // compared exactly; surrounding whitespace is refused
    qint64 tenantId = 0;                // required, an existing tenant
    std::optional<qint64> connectionId; // optional: the tenant's connection to this provider
    QString note;
    qint64 createdAtMs = 0; // UTC ms, set by the store
    qint64 updatedAtMs = 0;

    bool operator==(const IdentityMapping &other) const = default;
};

// Filters for listing identity mappings; an empty field matches everything.
struct IdentityMappingFilter
{
    QString providerId;
    std::optional<qint64> tenantId;
};

// A lookup: which provider, the value read from the event (std::nullopt when the field was not
// there), and where it was read, in words supplied by the caller ("JSON pointer /installation/id of
// the body", "header X-Shopify-Shop-Domain").
struct IdentityQuery
{
    QString providerId;
    std::optional<QString> value;
    QString source;
};

// The answer, with its reasons.
struct IdentityResolution
{
    enum class Outcome {
        Matched,      // a mapping matched: tenant and mapping are set
        NoMapping,    // the value was read but no mapping holds it
        FieldMissing, // the event did not carry the field
        EmptyValue,   // the field was there but empty
    };

    Outcome outcome = Outcome::NoMapping;
    std::optional<Tenant> tenant;
    std::optional<IdentityMapping> mapping;
    int providerMappingCount = 0; // how many mappings the provider has in this workspace
    // One or two sentences for people: which field was read, which value, which mapping matched
    // or why none did. Never contains a secret (identity values are not secrets).
    QString explanation;
};

QString nameOf(IdentityResolution::Outcome outcome);

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::IdentityMapping)
