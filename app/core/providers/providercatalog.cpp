// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/providers/providercatalog.h"

#include "core/providers/profileparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
class CatalogText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::ProviderCatalog)
};

struct FolderContents
{
    QList<ProviderProfile> profiles;
    QList<ProviderCatalog::Issue> issues;
};

FolderContents readFolder(const QString &folder, ProviderProfile::Origin origin)
{
    FolderContents contents;
    const QDir dir(folder);
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            contents.issues << ProviderCatalog::Issue{
                    path,
                    Error{u"profile.unreadable"_s,
                          CatalogText::tr("%1: cannot be read: %2").arg(path, file.errorString())}};
            continue;
        }
        auto profile = parseProviderProfile(file.readAll(), path);
        if (!profile) {
            contents.issues << ProviderCatalog::Issue{path, profile.error()};
            continue;
        }
        profile->origin = origin;
        contents.profiles << std::move(*profile);
    }
    return contents;
}
} // namespace

QString ProviderCatalog::builtInFolder()
{
    return u":/providers"_s;
}

QString ProviderCatalog::defaultUserFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/providers"_s;
}

ProviderCatalog ProviderCatalog::load(const QString &userFolder, const QString &builtInFolder)
{
    ProviderCatalog catalog;
    FolderContents builtIn = readFolder(builtInFolder, ProviderProfile::Origin::BuiltIn);
    catalog.m_profiles = std::move(builtIn.profiles);
    catalog.m_issues = std::move(builtIn.issues);
    if (!userFolder.isEmpty()) {
        FolderContents user = readFolder(userFolder, ProviderProfile::Origin::User);
        for (ProviderProfile &profile : user.profiles) {
            const auto existing = std::find_if(catalog.m_profiles.begin(), catalog.m_profiles.end(),
                                               [&](const ProviderProfile &other) {
                                                   return other.id == profile.id;
                                               });
            if (existing != catalog.m_profiles.end()) {
                profile.overridesBuiltIn = true;
                *existing = std::move(profile);
            } else {
                catalog.m_profiles << std::move(profile);
            }
        }
        catalog.m_issues << user.issues;
    }
    std::sort(catalog.m_profiles.begin(), catalog.m_profiles.end(),
              [](const ProviderProfile &a, const ProviderProfile &b) { return a.id < b.id; });
    return catalog;
}

const ProviderProfile *ProviderCatalog::find(QStringView id) const
{
    for (const ProviderProfile &profile : m_profiles) {
        if (profile.id == id)
            return &profile;
    }
    return nullptr;
}

QString ProviderCatalog::displayName(const QString &id) const
{
    const ProviderProfile *profile = find(id);
    return profile && !profile->displayName.isEmpty() ? profile->displayName : id;
}

Result<ProviderProfile> ProviderCatalog::profile(QStringView id) const
{
    if (const ProviderProfile *found = find(id))
        return *found;
    QStringList known;
    for (const ProviderProfile &profile : m_profiles)
        known << profile.id;
    return fail(u"provider.unknown"_s,
                CatalogText::tr("Unknown provider \"%1\"; the known providers are: %2")
                        .arg(id.toString(), known.join(u", "_s)));
}

} // namespace wb::core
