// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/providerprofile.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

namespace wb::core {

// All provider profiles: the built-in ones (resources/providers/*.json, embedded as the Qt
// resource ":/providers/") and the user's own folder, whose files add providers or replace a
// built-in one with the same id (the whole profile is replaced, not merged).
//
// A value: load() reads everything once, synchronously (a few dozen small files; call it at start
// up or from a worker), and the result is immutable and safe to share between threads.
// A broken file never stops the others from loading: it is left out and reported in issues();
// a broken user file that would override a built-in one leaves the built-in one in place.
class ProviderCatalog final
{
public:
    struct Issue
    {
        QString file;
        Error error; // as returned by parseProviderProfile()
    };

    // The resource folder of the built-in profiles.
    static QString builtInFolder();
    // <QStandardPaths::AppDataLocation>/providers (the user's folder).
    static QString defaultUserFolder();

    // Loads the built-in profiles, then every *.json in `userFolder` (which may be missing or
    // empty: then only the built-in ones). `builtInFolder` is injectable for tests.
    static ProviderCatalog load(const QString &userFolder,
                                const QString &builtInFolder = ProviderCatalog::builtInFolder());

    // Sorted by id.
    const QList<ProviderProfile> &profiles() const { return m_profiles; }
    const QList<Issue> &issues() const { return m_issues; }
    // The profile with this id, or nullptr. The pointer stays valid while the catalog lives.
    const ProviderProfile *find(QStringView id) const;
    // How the provider is shown ("GitHub" for "github"); the id itself when no profile has it (a
    // connection whose profile file was removed).
    QString displayName(const QString &id) const;
    // The profile with this id, or `provider.unknown` naming the id and the known ones.
    Result<ProviderProfile> profile(QStringView id) const;

private:
    QList<ProviderProfile> m_profiles;
    QList<Issue> m_issues;
};

} // namespace wb::core
