// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

namespace wb::core {
class ProviderCatalog;
struct ProviderProfile;
} // namespace wb::core

namespace wb::cli {

// `wirebench-cli providers list [--json]` and `providers show NAME [--json]`: the provider
// profiles of the catalog (built-in ones and the user's folder, see core::ProviderCatalog),
// without opening a workspace.
//   list: one row per provider (id, name, signature scheme, handshake, OAuth, origin). JSON: an
//         array of summary objects (providerSummaryJson).
//   show: everything Wirebench knows about one provider, with the sources of its facts. JSON: the
//         summary object plus "profile", the profile file's JSON as written (its format is
//         documented in resources/providers/README.md).
// Exit 0 done; 2 unknown provider or bad arguments (the message lists the known ids).
class ProvidersCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) override;

private:
    int list(CommandContext &context, const core::ProviderCatalog &catalog, bool json) const;
    int show(CommandContext &context, const core::ProviderProfile &profile, bool json) const;
};

} // namespace wb::cli
