// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/navigationfilterproxy.h"

#include "models/tenanttreemodel.h"

using namespace Qt::StringLiterals;

namespace wb::models {

NavigationFilterProxy::NavigationFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void NavigationFilterProxy::setFilterText(const QString &text)
{
    QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = std::move(words);
    invalidateRowsFilter();
}

void NavigationFilterProxy::setAttentionOnly(bool attentionOnly)
{
    if (attentionOnly == m_attentionOnly)
        return;
    m_attentionOnly = attentionOnly;
    // Connections that match by text must now also need attention: automatic acceptance of a
    // matching tenant's children would show the healthy ones too.
    setAutoAcceptChildRows(!attentionOnly);
    invalidateRowsFilter();
    Q_EMIT attentionOnlyChanged(attentionOnly);
}

bool NavigationFilterProxy::matchesText(const QModelIndex &source) const
{
    if (m_words.isEmpty())
        return true;
    using Model = TenantTreeModel;
    const auto kind = source.data(Model::KindRole).value<Model::ItemKind>();
    QStringList haystack{source.data(Qt::DisplayRole).toString()};
    if (kind == Model::ItemKind::Tenant) {
        haystack << source.data(Model::TenantExternalReferenceRole).toString();
    } else {
        // Its tenant's name too, so that "acme slack" finds Acme's Slack connection.
        haystack << source.data(Model::ProviderIdRole).toString()
                 << source.data(Model::StatusRole).toString()
                 << source.parent().data(Qt::DisplayRole).toString()
                 << source.parent().data(Model::TenantExternalReferenceRole).toString();
    }
    const QString text = haystack.join(u'\n');
    return std::all_of(m_words.cbegin(), m_words.cend(), [&text](const QString &word) {
        return text.contains(word, Qt::CaseInsensitive);
    });
}

bool NavigationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex source = sourceModel()->index(sourceRow, 0, sourceParent);
    using Model = TenantTreeModel;
    const bool isConnection = source.data(Model::KindRole).value<Model::ItemKind>()
                              == Model::ItemKind::Connection;
    if (m_attentionOnly) {
        // Tenants are shown only through their matching connections (recursive filtering).
        if (!isConnection || !source.data(Model::NeedsAttentionRole).toBool())
            return false;
        return matchesText(source);
    }
    return matchesText(source);
}

} // namespace wb::models
