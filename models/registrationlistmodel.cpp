// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/registrationlistmodel.h"

#include "core/health/registrationrepository.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/futures.h"
#include "models/healthcolours.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

// "35 s", "4 min", "5 h 10 min", "3 days": the coarsest units that matter.
QString durationText(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms / 1000);
    if (seconds < 60)
        return RegistrationListModel::tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return RegistrationListModel::tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return RegistrationListModel::tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return RegistrationListModel::tr("%1 days").arg(hours / 24);
}

QString localTime(qint64 utcMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toLocalTime(),
                              QLocale::ShortFormat);
}

QString originText(core::RegistrationOrigin origin)
{
    using O = core::RegistrationOrigin;
    switch (origin) {
    case O::Onboarding:
        return RegistrationListModel::tr("Recorded at onboarding");
    case O::ProviderApi:
        return RegistrationListModel::tr("Read from the provider's API");
    case O::Manual:
        return RegistrationListModel::tr("Entered by hand");
    }
    return {};
}

QString actionText(core::RegistrationAction action)
{
    using A = core::RegistrationAction;
    switch (action) {
    case A::None:
        return {};
    case A::Renewed:
        return RegistrationListModel::tr("renewed");
    case A::RenewFailed:
        return RegistrationListModel::tr("renewal failed");
    case A::Reregistered:
        return RegistrationListModel::tr("registered again");
    case A::ReregisterFailed:
        return RegistrationListModel::tr("registering again failed");
    }
    return {};
}

// The colour of a state, as the Health tab colours the same judgement; none while unchecked.
std::optional<core::HealthStatus> stateStatus(core::RegistrationState state)
{
    using S = core::RegistrationState;
    switch (state) {
    case S::Unchecked:
        return std::nullopt;
    case S::Active:
        return core::HealthStatus::Healthy;
    case S::CheckFailed:
        return core::HealthStatus::Attention;
    case S::Disabled:
    case S::Missing:
    case S::Expired:
    case S::AccessDenied:
        return core::HealthStatus::Failing;
    }
    return std::nullopt;
}

} // namespace

RegistrationListModel::RegistrationListModel(core::Store *store, const core::Clock *clock,
                                             QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_clock(clock)
{}

void RegistrationListModel::setConnection(qint64 connectionId)
{
    if (connectionId == m_connectionId && m_loaded)
        return;
    m_connectionId = connectionId;
    if (!m_rows.isEmpty()) {
        beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        endRemoveRows();
    }
    m_loaded = false;
    m_loadError.clear();
    refresh();
}

void RegistrationListModel::refresh()
{
    const quint64 generation = ++m_generation;
    if (m_connectionId == 0 || !m_store) {
        m_loaded = true;
        Q_EMIT loaded();
        return;
    }
    const qint64 connectionId = m_connectionId;
    core::whenFinished(m_store->read([connectionId](core::SqlSession &session) {
        return core::RegistrationRepository::list(session, connectionId);
    }),
                       this, [this, generation](const core::Result<QList<core::Registration>> &r) {
                           if (generation != m_generation)
                               return; // another connection, or a newer read, is on its way
                           if (r) {
                               m_loadError.clear();
                               merge(*r);
                           } else {
                               m_loadError = r.error().message;
                           }
                           m_loaded = true;
                           Q_EMIT loaded();
                       });
}

void RegistrationListModel::wroteThrough()
{
    // A read still on its way may have started before this write committed: its rows would
    // undo the write (an added row gone, old values back). Drop it; read again if it was the
    // first one.
    ++m_generation;
    if (!m_loaded)
        refresh();
}

QFuture<core::Result<core::Registration>> RegistrationListModel::add(
        const core::Registration &registration)
{
    if (!m_store)
        return QtFuture::makeReadyFuture(core::Result<core::Registration>(
                core::fail(u"store.closed"_s, tr("The workspace is closed."))));
    auto future = m_store->write([registration](core::SqlSession &session) {
        return core::RegistrationRepository::add(session, registration);
    });
    core::whenFinished(future, this, [this](const core::Result<core::Registration> &added) {
        wroteThrough();
        if (added && added->connectionId == m_connectionId)
            upsert(*added);
    });
    return future;
}

QFuture<core::Result<qint64>> RegistrationListModel::remove(qint64 registrationId)
{
    if (!m_store)
        return QtFuture::makeReadyFuture(core::Result<qint64>(
                core::fail(u"store.closed"_s, tr("The workspace is closed."))));
    auto future = m_store->write([registrationId](
                                         core::SqlSession &session) -> core::Result<qint64> {
        if (auto removed = core::RegistrationRepository::remove(session, registrationId); !removed)
            return core::fail(removed.error());
        return registrationId;
    });
    core::whenFinished(future, this, [this](const core::Result<qint64> &removed) {
        wroteThrough();
        if (removed && rowOf(*removed) >= 0)
            removeRow(rowOf(*removed));
    });
    return future;
}

QFuture<core::Result<core::Registration>> RegistrationListModel::setReregisterAllowed(
        qint64 registrationId, bool allowed)
{
    if (!m_store)
        return QtFuture::makeReadyFuture(core::Result<core::Registration>(
                core::fail(u"store.closed"_s, tr("The workspace is closed."))));
    auto future = m_store->write([registrationId, allowed](core::SqlSession &session) {
        return core::RegistrationRepository::setReregisterAllowed(session, registrationId, allowed);
    });
    core::whenFinished(future, this, [this](const core::Result<core::Registration> &updated) {
        wroteThrough();
        if (updated && updated->connectionId == m_connectionId)
            upsert(*updated);
    });
    return future;
}

QFuture<core::Result<core::Registration>> RegistrationListModel::update(
        const core::Registration &original, const core::Registration &edited)
{
    if (!m_store)
        return QtFuture::makeReadyFuture(core::Result<core::Registration>(
                core::fail(u"store.closed"_s, tr("The workspace is closed."))));
    auto future = m_store->write([original, edited](core::SqlSession &session)
                                         -> core::Result<core::Registration> {
        core::Result<core::Registration> current = core::RegistrationRepository::get(session,
                                                                                     original.id);
        if (!current)
            return current;
        return core::RegistrationRepository::update(
                session, core::RegistrationRepository::applyEdits(original, edited, *current));
    });
    core::whenFinished(future, this, [this](const core::Result<core::Registration> &updated) {
        wroteThrough();
        if (updated && updated->connectionId == m_connectionId)
            upsert(*updated);
    });
    return future;
}

void RegistrationListModel::merge(const QList<core::Registration> &registrations)
{
    QSet<qint64> present;
    for (const core::Registration &registration : registrations)
        present.insert(registration.id);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!present.contains(m_rows.at(row).id))
            removeRow(row);
    }
    for (const core::Registration &registration : registrations)
        upsert(registration);
    // Relative times ("in 2 days") move with the clock even when nothing stored changed.
    updateTimes();
}

void RegistrationListModel::updateTimes()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ExpiresColumn), index(int(m_rows.size()) - 1, LastActionColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, DetailsTextRole});
}

void RegistrationListModel::upsert(const core::Registration &registration)
{
    const int existing = rowOf(registration.id);
    if (existing >= 0) {
        if (m_rows.at(existing) == registration)
            return;
        m_rows[existing] = registration;
        Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        return;
    }
    const auto position = std::lower_bound(m_rows.cbegin(), m_rows.cend(), registration.id,
                                           [](const core::Registration &r, qint64 id) {
                                               return r.id < id;
                                           })
                          - m_rows.cbegin();
    beginInsertRows({}, int(position), int(position));
    m_rows.insert(position, registration);
    endInsertRows();
}

void RegistrationListModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int RegistrationListModel::rowOf(qint64 registrationId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == registrationId)
            return row;
    }
    return -1;
}

std::optional<core::Registration> RegistrationListModel::registrationAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

int RegistrationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegistrationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RegistrationListModel::stateText(core::RegistrationState state)
{
    using S = core::RegistrationState;
    switch (state) {
    case S::Unchecked:
        return tr("not checked yet");
    case S::Active:
        return tr("active");
    case S::Disabled:
        return tr("disabled at the provider");
    case S::Missing:
        return tr("missing at the provider");
    case S::Expired:
        return tr("expired");
    case S::AccessDenied:
        return tr("access denied");
    case S::CheckFailed:
        return tr("check failed");
    }
    return {};
}

QString RegistrationListModel::relativeTime(qint64 atMs) const
{
    const qint64 now = m_clock->nowMs();
    return atMs >= now ? tr("in %1").arg(durationText(atMs - now))
                       : tr("%1 ago").arg(durationText(now - atMs));
}

QString RegistrationListModel::displayText(const core::Registration &r, int column) const
{
    switch (column) {
    case RegistrationColumn:
        return r.displayName();
    case TargetUrlColumn:
        return r.targetUrl;
    case EventsColumn:
        return r.events.join(u", "_s);
    case ExpiresColumn: {
        if (!r.expiresAtMs)
            return tr("no expiry");
        const qint64 now = m_clock->nowMs();
        return *r.expiresAtMs > now
                       ? tr("%1 (in %2)")
                                 .arg(localTime(*r.expiresAtMs), durationText(*r.expiresAtMs - now))
                       : tr("%1 (expired %2 ago)")
                                 .arg(localTime(*r.expiresAtMs), durationText(now - *r.expiresAtMs));
    }
    case StateColumn:
        return r.stateDetail.isEmpty() ? stateText(r.state)
                                       : tr("%1: %2").arg(stateText(r.state), r.stateDetail);
    case LastActionColumn: {
        if (r.lastAction == core::RegistrationAction::None)
            return tr("none");
        QString text = actionText(r.lastAction);
        if (r.lastActionAtMs)
            text = tr("%1 %2").arg(text, relativeTime(*r.lastActionAtMs));
        return r.lastActionDetail.isEmpty() ? text : tr("%1: %2").arg(text, r.lastActionDetail);
    }
    case ReregisterColumn:
        return r.reregisterAllowed ? tr("allowed") : tr("not allowed");
    default:
        return {};
    }
}

QString RegistrationListModel::detailsText(const core::Registration &r) const
{
    QStringList lines;
    lines << tr("Target URL: %1").arg(r.targetUrl.isEmpty() ? tr("not recorded") : r.targetUrl);
    lines << tr("Events: %1").arg(r.events.isEmpty() ? tr("none recorded") : r.events.join(u", "_s));
    const QString state = displayText(r, StateColumn);
    lines << (r.lastCheckedAtMs ? tr("State: %1 (checked %2, %3).")
                                          .arg(state, localTime(*r.lastCheckedAtMs),
                                               relativeTime(*r.lastCheckedAtMs))
                                : tr("State: %1.").arg(state));
    if (!r.lastDeliveryStatus.isEmpty())
        lines << tr("The provider's last delivery: %1.").arg(r.lastDeliveryStatus);
    if (r.lastAction != core::RegistrationAction::None)
        lines << tr("Last action: %1.").arg(displayText(r, LastActionColumn));
    lines << (r.renewLifetimeMinutes > 0
                      ? tr("Renewal asks for %1 minutes.").arg(r.renewLifetimeMinutes)
                      : tr("Renewal asks for the provider profile's lifetime."));
    if (r.registrationBody.isEmpty())
        lines << tr("No registration body stored: it cannot be registered again automatically.");
    else
        lines << tr("Registration body: %n byte(s) stored, sent again to register it anew.",
                    nullptr, int(r.registrationBody.size()));
    lines << tr("%1 on %2.").arg(originText(r.origin), localTime(r.createdAtMs));
    return lines.join(u'\n');
}

QVariant RegistrationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::Registration &r = m_rows.at(index.row());
    const auto expires = r.expiresAtMs ? QDateTime::fromMSecsSinceEpoch(*r.expiresAtMs, Qt::UTC)
                                       : QDateTime();
    switch (role) {
    case IdRole:
        return r.id;
    case RegistrationRole:
        return QVariant::fromValue(r);
    case StateNameRole:
        return core::nameOf(r.state);
    case ExpiresAtRole:
        return expires;
    case ReregisterAllowedRole:
        return r.reregisterAllowed;
    case DetailsTextRole:
        return detailsText(r);
    case Qt::DisplayRole:
        return displayText(r, index.column());
    case Qt::ToolTipRole: {
        const QString text = displayText(r, index.column());
        if (index.column() == StateColumn && r.lastCheckedAtMs)
            return tr("%1\nLast checked %2 (%3).")
                    .arg(text, localTime(*r.lastCheckedAtMs), relativeTime(*r.lastCheckedAtMs));
        if (index.column() == StateColumn)
            return tr("%1\nNever checked.").arg(text);
        return text;
    }
    case Qt::ForegroundRole:
        if (index.column() == StateColumn) {
            if (const auto status = stateStatus(r.state))
                return QBrush(healthColour(*status));
        }
        if (index.column() == ExpiresColumn && r.expiresAtMs && *r.expiresAtMs <= m_clock->nowMs())
            return QBrush(healthColour(core::HealthStatus::Failing));
        return {};
    case Qt::CheckStateRole:
        if (index.column() == ReregisterColumn)
            return r.reregisterAllowed ? Qt::Checked : Qt::Unchecked;
        return {};
    case ValueRole:
        switch (index.column()) {
        case RegistrationColumn:
            return r.displayName();
        case TargetUrlColumn:
            return r.targetUrl;
        case EventsColumn:
            return r.events;
        case ExpiresColumn:
            return expires;
        case StateColumn:
            return core::nameOf(r.state);
        case LastActionColumn:
            return core::nameOf(r.lastAction);
        case ReregisterColumn:
            return r.reregisterAllowed;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant RegistrationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RegistrationColumn:
        return tr("Registration");
    case TargetUrlColumn:
        return tr("Target URL");
    case EventsColumn:
        return tr("Events");
    case ExpiresColumn:
        return tr("Expires");
    case StateColumn:
        return tr("State");
    case LastActionColumn:
        return tr("Last action");
    case ReregisterColumn:
        return tr("Re-register");
    default:
        return {};
    }
}

QHash<int, QByteArray> RegistrationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ValueRole, sharedRoleName(ValueRole));
    names.insert(IdRole, sharedRoleName(IdRole));
    names.insert(RegistrationRole, "registration");
    names.insert(StateNameRole, "stateName");
    names.insert(ExpiresAtRole, "expiresAt");
    names.insert(ReregisterAllowedRole, "reregisterAllowed");
    names.insert(DetailsTextRole, "detailsText");
    return names;
}

} // namespace wb::models
