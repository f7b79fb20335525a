// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/roles.h"

#include "core/health/connectionhealth.h"

#include <QAbstractTableModel>
#include <QList>

#include <functional>

namespace wb::models {

// The health of every connection, worst first (failing, attention, unknown, healthy; then by
// connection id), for the Health view. Fed by core::HealthMonitor's signals (setHealth,
// removeHealth) or a whole list (setAll); rows move only when a status changes. No widget code.
//
// Thread: the GUI thread.
class HealthModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthModel)

public:
    enum Column { StatusColumn, ConnectionColumn, ActionColumn, ReasonColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role : int {
        ConnectionIdRole = FirstModelRole, // qint64
        StatusRole,                        // QString status name ("failing")
        ActionRole,                        // QString action name ("reregister")
        NeedsAttentionRole,                // bool: failing or attention
        HealthRole,                        // QVariant<wb::core::ConnectionHealth>
        FindingsTextRole,                  // QString: every finding with its action, for people
        CredentialCheckTextRole, // QString: the latest check of the access token, for people
                                 // ("" when never checked)
    };
    Q_ENUM(Role)

    explicit HealthModel(QObject *parent = nullptr);
    ~HealthModel() override;

    // How a connection is named in the Connection column ("Acme Corp — GitHub (main)"); by
    // default its provider id and label.
    void setConnectionTitle(std::function<QString(const core::ConnectionHealth &)> title);

    void setHealth(const core::ConnectionHealth &health);
    void removeHealth(qint64 connectionId);
    void setAll(const QList<core::ConnectionHealth> &all);

    int attentionCount() const;
    // The row of a connection, or -1.
    int rowOf(qint64 connectionId) const;
    // The health of a connection, nullptr when it has none; valid until the model next changes.
    const core::ConnectionHealth *healthOf(qint64 connectionId) const;

    // The words for an action shown to people ("Register again").
    static QString actionText(core::HealthAction action);
    static QString statusText(core::HealthStatus status);
    // "Access token checked 2026-11-30 10:42 UTC: accepted (HTTP 200)."; "" without a check.
    static QString credentialCheckText(const core::ConnectionHealth &health);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void attentionCountChanged(int count);
    // A connection's health was set or removed (setHealth, removeHealth, setAll), after the
    // model's own row signals.
    void healthChanged(qint64 connectionId);

private:
    int insertionRow(const core::ConnectionHealth &health) const;
    void notifyAttention();

    QList<core::ConnectionHealth> m_rows;
    std::function<QString(const core::ConnectionHealth &)> m_title;
    int m_lastAttention = 0;
};

} // namespace wb::models
