// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordcommand.h"

#include "core/health/registration.h"

namespace wb::cli {

// `wirebench-cli registrations <action>`: what each connection registered at its provider (the
// records the health monitor checks).
//   list [--connection ID] [--json]      JSON: an array of registration objects (healthrecords.h).
//   add --connection ID --external-id ID [--scope S] [--target-url URL] [--events a,b]
//       [--expires RFC3339] [--renew-lifetime MINUTES] [--origin onboarding|provider_api|manual]
//       [--body-file FILE] [--allow-reregister] [--json]
//                                        prints the new record's id (JSON: the object).
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
    static core::Result<core::Registration> fromOptions(const QCommandLineParser &parser);
    void list(const QCommandLineParser &parser);
    void add(const core::Registration &registration);
    void remove(qint64 registrationId);
    void setReregister(qint64 registrationId, bool allowed);
};

} // namespace wb::cli
