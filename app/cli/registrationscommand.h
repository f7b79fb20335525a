// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordcommand.h"

#include "core/health/registration.h"

#include <optional>

namespace wb::cli {

// `wirebench-cli registrations <action>`: what each connection registered at its provider (the
// records the health monitor checks).
//   list [--connection ID] [--json]      JSON: an array of registration objects (healthrecords.h).
//   add --connection ID --external-id ID [--scope S] [--target-url URL] [--events a,b]
//       [--expires RFC3339] [--renew-lifetime MINUTES] [--origin onboarding|provider_api|manual]
//       [--body-file FILE] [--allow-reregister] [--json]
//                                        prints the new record's id (JSON: the object).
//   update ID [--external-id ID] [--scope S] [--target-url URL] [--events a,b]
//       [--expires RFC3339|none] [--renew-lifetime MINUTES] [--origin …] [--body-file FILE]
//       [--allow-reregister] [--json]   changes only what is given (RegistrationRepository::
//                                        update); JSON: the registration object.
//   remove ID [--json]                   JSON: {"removed": {"registration_id": ID}}.
//   allow-reregister ID | deny-reregister ID [--json]
//                                        JSON: the registration object.
// Exit 0 done; 2 refused input (unknown connection or registration, duplicate, bad value); 3
// workspace failure.
class RegistrationsCommand final : public RecordCommand
{
public:
    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;

protected:
    QStringList actions() const override;
    int argumentCount(const QString &action) const override;
    core::Result<void> checkArguments(const QString &action, const QStringList &arguments,
                                      const QCommandLineParser &parser) const override;
    void runAction(const QString &action, const QStringList &arguments,
                   const QCommandLineParser &parser) override;

private:
    // What the add/update options give; unset: unchanged.
    struct Changes
    {
        std::optional<QString> externalId;
        std::optional<QString> scope;
        std::optional<QString> targetUrl;
        std::optional<QStringList> events;
        std::optional<std::optional<qint64>> expiresAtMs; // update: "none" clears it
        std::optional<int> renewLifetimeMinutes;
        std::optional<core::RegistrationOrigin> origin;
        std::optional<bool> reregisterAllowed;
        std::optional<QByteArray> body;

        void applyTo(core::Registration &registration) const;
    };
    static core::Result<Changes> changesFromOptions(const QCommandLineParser &parser, bool updating);
    static core::Result<core::Registration> fromOptions(const QCommandLineParser &parser);
    void list(const QCommandLineParser &parser);
    void add(const core::Registration &registration);
    void update(qint64 registrationId, const Changes &changes);
    void remove(qint64 registrationId);
    void setReregister(qint64 registrationId, bool allowed);
};

} // namespace wb::cli
