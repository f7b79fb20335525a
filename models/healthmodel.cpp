// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/healthmodel.h"

#include "models/healthcolours.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {
bool before(const core::ConnectionHealth &a, const core::ConnectionHealth &b)
{
    if (a.status != b.status)
        return int(a.status) < int(b.status); // Failing first
    return a.connectionId < b.connectionId;
}
} // namespace

HealthModel::HealthModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

HealthModel::~HealthModel() = default;

void HealthModel::setConnectionTitle(std::function<QString(const core::ConnectionHealth &)> title)
{
    m_title = std::move(title);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ConnectionColumn), index(rowCount() - 1, ConnectionColumn),
                           {Qt::DisplayRole});
}

int HealthModel::rowOf(qint64 connectionId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).connectionId == connectionId)
            return row;
    }
    return -1;
}

const core::ConnectionHealth *HealthModel::healthOf(qint64 connectionId) const
{
    const int row = rowOf(connectionId);
    return row < 0 ? nullptr : &m_rows.at(row);
}

int HealthModel::insertionRow(const core::ConnectionHealth &health) const
{
    int row = 0;
    while (row < m_rows.size() && before(m_rows.at(row), health))
        ++row;
    return row;
}

void HealthModel::setHealth(const core::ConnectionHealth &health)
{
    const int existing = rowOf(health.connectionId);
    if (existing >= 0 && m_rows.at(existing).status == health.status) {
        m_rows[existing] = health;
        Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        notifyAttention();
        Q_EMIT healthChanged(health.connectionId);
        return;
    }
    if (existing >= 0) {
        beginRemoveRows({}, existing, existing);
        m_rows.removeAt(existing);
        endRemoveRows();
    }
    const int row = insertionRow(health);
    beginInsertRows({}, row, row);
    m_rows.insert(row, health);
    endInsertRows();
    notifyAttention();
    Q_EMIT healthChanged(health.connectionId);
}

void HealthModel::removeHealth(qint64 connectionId)
{
    const int row = rowOf(connectionId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    notifyAttention();
    Q_EMIT healthChanged(connectionId);
}

void HealthModel::setAll(const QList<core::ConnectionHealth> &all)
{
    QList<qint64> keep;
    for (const core::ConnectionHealth &health : all)
        keep << health.connectionId;
    for (int row = m_rows.size() - 1; row >= 0; --row) {
        if (!keep.contains(m_rows.at(row).connectionId))
            removeHealth(m_rows.at(row).connectionId);
    }
    for (const core::ConnectionHealth &health : all)
        setHealth(health);
}

int HealthModel::attentionCount() const
{
    int count = 0;
    for (const core::ConnectionHealth &health : m_rows)
        count += health.needsAttention() ? 1 : 0;
    return count;
}

void HealthModel::notifyAttention()
{
    const int count = attentionCount();
    if (count == m_lastAttention)
        return;
    m_lastAttention = count;
    Q_EMIT attentionCountChanged(count);
}

QString HealthModel::actionText(core::HealthAction action)
{
    using A = core::HealthAction;
    switch (action) {
    case A::None:
        return {};
    case A::Renew:
        return tr("Renew the registration");
    case A::Reregister:
        return tr("Register again");
    case A::Reenable:
        return tr("Switch on at the provider");
    case A::Reauthorize:
        return tr("Authorize again");
    case A::Refresh:
        return tr("Refresh the token");
    case A::RotateSecret:
        return tr("Rotate the signing secret");
    case A::CheckEndpoint:
        return tr("Check the receiver");
    case A::Investigate:
        return tr("Investigate");
    }
    return {};
}

QString HealthModel::statusText(core::HealthStatus status)
{
    using S = core::HealthStatus;
    switch (status) {
    case S::Failing:
        return tr("Failing");
    case S::Attention:
        return tr("Attention");
    case S::Unknown:
        return tr("Unknown");
    case S::Healthy:
        return tr("Healthy");
    }
    return {};
}

QString HealthModel::credentialCheckText(const core::ConnectionHealth &health)
{
    if (!health.credentialCheck)
        return {};
    const core::ValidityCheck &check = *health.credentialCheck;
    const QString when = QDateTime::fromMSecsSinceEpoch(check.checkedAtMs, Qt::UTC)
                                 .toString(u"yyyy-MM-dd HH:mm"_s);
    QString verdict;
    switch (check.verdict) {
    case core::ValidityCheck::Verdict::Valid:
        verdict = tr("accepted");
        break;
    case core::ValidityCheck::Verdict::Invalid:
        verdict = tr("refused");
        break;
    case core::ValidityCheck::Verdict::Unknown:
        verdict = tr("no verdict");
        break;
    }
    const QString status = check.httpStatus > 0 ? tr(" (HTTP %1)").arg(check.httpStatus)
                                                : QString();
    return check.message.isEmpty()
                   ? tr("Access token checked %1 UTC: %2%3.").arg(when, verdict, status)
                   : tr("Access token checked %1 UTC: %2%3. %4")
                             .arg(when, verdict, status, check.message);
}

int HealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HealthModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const core::ConnectionHealth &health = m_rows.at(index.row());
    switch (role) {
    case ConnectionIdRole:
    case IdRole:
        return health.connectionId;
    case StatusRole:
        return core::nameOf(health.status);
    case ActionRole:
        return core::nameOf(health.action());
    case NeedsAttentionRole:
        return health.needsAttention();
    case HealthRole:
        return QVariant::fromValue(health);
    case CredentialCheckTextRole:
        return credentialCheckText(health);
    case FindingsTextRole: {
        QStringList lines;
        for (const core::HealthFinding &finding : health.findings) {
            const QString action = actionText(finding.action);
            lines << (action.isEmpty() ? finding.reason : tr("%1 → %2").arg(finding.reason, action));
        }
        if (lines.isEmpty())
            lines << health.note;
        return lines.join(u'\n');
    }
    default:
        break;
    }
    switch (index.column()) {
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return statusText(health.status);
        if (role == Qt::DecorationRole)
            return healthColour(health.status);
        if (role == ValueRole)
            return int(health.status);
        break;
    case ConnectionColumn:
        if (role == Qt::DisplayRole) {
            if (m_title)
                return m_title(health);
            return health.label.isEmpty() || health.label == health.providerId
                           ? health.providerId
                           : u"%1 (%2)"_s.arg(health.providerId, health.label);
        }
        if (role == ValueRole)
            return health.connectionId;
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == ValueRole)
            return health.reason();
        if (role == Qt::ToolTipRole)
            return data(index, FindingsTextRole);
        break;
    case ActionColumn:
        if (role == Qt::DisplayRole)
            return actionText(health.action());
        if (role == ValueRole)
            return core::nameOf(health.action());
        break;
    default:
        break;
    }
    if (role == Qt::ToolTipRole)
        return data(index, FindingsTextRole);
    return {};
}

QVariant HealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case ConnectionColumn:
        return tr("Connection");
    case ReasonColumn:
        return tr("Reason");
    case ActionColumn:
        return tr("Action");
    default:
        return {};
    }
}

QHash<int, QByteArray> HealthModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ValueRole, sharedRoleName(ValueRole));
    names.insert(IdRole, sharedRoleName(IdRole));
    names.insert(ConnectionIdRole, "connectionId");
    names.insert(StatusRole, "status");
    names.insert(ActionRole, "action");
    names.insert(NeedsAttentionRole, "needsAttention");
    names.insert(HealthRole, "health");
    names.insert(FindingsTextRole, "findingsText");
    names.insert(CredentialCheckTextRole, "credentialCheckText");
    return names;
}

} // namespace wb::models
