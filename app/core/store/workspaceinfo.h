// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUuid>

#include <optional>

namespace wb::core {

// The workspace's own record (table `workspace`, one row), written when the workspace is created.
struct WorkspaceInfo
{
    QUuid workspaceId;      // random; keys the workspace's secrets in the keychain
    qint64 createdAtMs = 0; // UTC ms
    QString secretBackend;  // "keychain" (workstations) or "sealed" (headless/shared, issue 14)
    std::optional<qint64> demoSeededAtMs; // set once the demo tenant was seeded, never cleared

    bool operator==(const WorkspaceInfo &other) const = default;
};

} // namespace wb::core
