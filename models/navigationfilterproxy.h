// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace wb::models {

// Filters a TenantTreeModel for the navigation tree.
//
// - Text: every word of the filter text (split on spaces, case-insensitive) must occur in the row:
//   a tenant's display name or external reference; a connection's title, provider id, status
//   name ("needs_reauthorization") or its tenant's name or reference ("acme slack"). A tenant that matches keeps all its connections; a connection
//   that matches keeps its tenant (recursive filtering).
// - Attention only: shows only connections that need a person (NeedsAttentionRole), under their
//   tenants; tenants without such a connection are hidden.
// The order is the source model's. Thread: GUI thread. The source model is not owned.
class NavigationFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationFilterProxy)

public:
    explicit NavigationFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(u' '); }

    void setAttentionOnly(bool attentionOnly);
    bool attentionOnly() const { return m_attentionOnly; }

Q_SIGNALS:
    void attentionOnlyChanged(bool attentionOnly);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matchesText(const QModelIndex &source) const;

    QStringList m_words;
    bool m_attentionOnly = false;
};

} // namespace wb::models
