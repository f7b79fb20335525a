// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/deliveries/attemptlistmodel.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace wb::models {

QString waitText(qint64 ms)
{
    if (ms < 1000)
        return AttemptListModel::tr("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 120)
        return AttemptListModel::tr("%1 s").arg(s);
    if (s < 3600) {
        return s % 60 ? AttemptListModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60)
                      : AttemptListModel::tr("%1 min").arg(s / 60);
    }
    const qint64 minutes = (s % 3600) / 60;
    return minutes ? AttemptListModel::tr("%1 h %2 min").arg(s / 3600).arg(minutes)
                   : AttemptListModel::tr("%1 h").arg(s / 3600);
}

AttemptListModel::AttemptListModel(core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{}

void AttemptListModel::setDelivery(qint64 deliveryId)
{
    ++m_token;
    m_deliveryId = deliveryId;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    if (deliveryId <= 0)
        return;
    const quint64 token = m_token;
    QFuture<core::Result<QList<core::AttemptRecord>>> future = m_store.read(
            [deliveryId](core::SqlSession &session) {
                return core::DeliveryRepository::attempts(session, deliveryId);
            });
    core::whenFinished(future, this,
                       [this, token](const core::Result<QList<core::AttemptRecord>> &attempts) {
                           if (token != m_token)
                               return;
                           if (!attempts) {
                               Q_EMIT loadFailed(attempts.error());
                               return;
                           }
                           if (!attempts->isEmpty()) {
                               beginInsertRows({}, 0, int(attempts->size()) - 1);
                               m_rows = *attempts;
                               endInsertRows();
                           }
                           Q_EMIT loaded();
                       });
}

int AttemptListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttemptListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columnCountValue;
}

QVariant AttemptListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::AttemptRecord &a = m_rows.at(index.row());
    if (role == IdRole)
        return a.id;
    if (role == ValueRole) {
        switch (Column(index.column())) {
        case Number:
            return a.attemptNumber;
        case Started:
            return QDateTime::fromMSecsSinceEpoch(a.startedAtMs, Qt::UTC);
        case Duration:
            return a.endedAtMs - a.startedAtMs;
        case Status:
            return a.httpStatus ? QVariant(*a.httpStatus) : QVariant(a.errorKind);
        case Decision:
            return a.decision;
        case Wait:
            return a.waitMs;
        case NextAttempt:
            return a.nextAttemptAtMs
                           ? QVariant(QDateTime::fromMSecsSinceEpoch(*a.nextAttemptAtMs, Qt::UTC))
                           : QVariant();
        case Reason:
            return a.reason;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Status && !a.errorDetail.isEmpty())
        return a.errorDetail;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Number:
        return QString::number(a.attemptNumber);
    case Started:
        return QDateTime::fromMSecsSinceEpoch(a.startedAtMs, Qt::LocalTime)
                .toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    case Duration:
        return waitText(a.endedAtMs - a.startedAtMs);
    case Status:
        if (a.httpStatus)
            return QString::number(*a.httpStatus);
        return a.errorKind;
    case Decision:
        return a.decision;
    case Wait:
        return a.waitMs > 0 ? waitText(a.waitMs) : tr("—");
    case NextAttempt:
        return a.nextAttemptAtMs ? QDateTime::fromMSecsSinceEpoch(*a.nextAttemptAtMs, Qt::LocalTime)
                                           .toString(u"HH:mm:ss"_s)
                                 : tr("—");
    case Reason:
        return a.reason;
    }
    return {};
}

QVariant AttemptListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Number:
        return tr("#");
    case Started:
        return tr("Started");
    case Duration:
        return tr("Took");
    case Status:
        return tr("Status");
    case Decision:
        return tr("Decision");
    case Wait:
        return tr("Wait");
    case NextAttempt:
        return tr("Next attempt");
    case Reason:
        return tr("Reason");
    }
    return {};
}

} // namespace wb::models
