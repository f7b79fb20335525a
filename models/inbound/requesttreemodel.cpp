// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inbound/requesttreemodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace wb::models {

RequestTreeModel::RequestTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void RequestTreeModel::setDissection(RequestDissection dissection)
{
    beginResetModel();
    m_dissection = std::move(dissection);
    m_rowInParent = QList<int>(m_dissection.fields.size(), 0);
    for (qsizetype i = 0; i < m_dissection.topLevel.size(); ++i)
        m_rowInParent[m_dissection.topLevel.at(i)] = int(i);
    for (const DissectedField &field : std::as_const(m_dissection.fields)) {
        for (qsizetype i = 0; i < field.children.size(); ++i)
            m_rowInParent[field.children.at(i)] = int(i);
    }
    endResetModel();
}

const QList<int> &RequestTreeModel::childrenOf(int field) const
{
    return field < 0 ? m_dissection.topLevel : m_dissection.fields.at(field).children;
}

int RequestTreeModel::rowInParent(int field) const
{
    return m_rowInParent.at(field);
}

int RequestTreeModel::fieldOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : -1;
}

QModelIndex RequestTreeModel::indexOfField(int field) const
{
    if (field < 0 || field >= m_dissection.fields.size())
        return {};
    return createIndex(rowInParent(field), 0, quintptr(field));
}

QModelIndex RequestTreeModel::indexAtOffset(qsizetype offset) const
{
    return indexOfField(m_dissection.fieldAt(offset));
}

QModelIndex RequestTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column > ValueColumn || row < 0)
        return {};
    const QList<int> &children = childrenOf(fieldOf(parent));
    if (row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children.at(row)));
}

QModelIndex RequestTreeModel::parent(const QModelIndex &child) const
{
    const int field = fieldOf(child);
    if (field < 0)
        return {};
    return indexOfField(m_dissection.fields.at(field).parent);
}

int RequestTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(fieldOf(parent)).size());
}

int RequestTreeModel::columnCount(const QModelIndex &) const
{
    return ValueColumn + 1;
}

QVariant RequestTreeModel::data(const QModelIndex &index, int role) const
{
    const int fieldIndex = fieldOf(index);
    if (fieldIndex < 0)
        return {};
    const DissectedField &field = m_dissection.fields.at(fieldIndex);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == FieldColumn)
            return field.name;
        // Long strings stay whole in the value role; the tree shows their start.
        return field.value.size() > 500 ? field.value.left(500) + u'…' : field.value;
    case Qt::ToolTipRole:
        if (field.overridden)
            return tr("A later member with the same name overrides this one in most JSON "
                      "parsers (the last one wins).");
        return {};
    case Qt::FontRole:
        if (field.overridden) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ValueColumn) {
            switch (field.kind) {
            case DissectedField::Kind::JsonString:
                return QBrush(QColor(0x1a, 0x7f, 0x37));
            case DissectedField::Kind::JsonNumber:
                return QBrush(QColor(0x0b, 0x5c, 0xad));
            case DissectedField::Kind::JsonTrue:
            case DissectedField::Kind::JsonFalse:
            case DissectedField::Kind::JsonNull:
                return QBrush(QColor(0x8a, 0x3f, 0xa0));
            default:
                break;
            }
        }
        return {};
    case ValueRole:
        return field.value;
    case ByteOffsetRole:
        return qlonglong(field.offset);
    case ByteLengthRole:
        return qlonglong(field.length);
    case OverriddenRole:
        return field.overridden;
    case KindRole:
        return int(field.kind);
    default:
        return {};
    }
}

QVariant RequestTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == FieldColumn ? tr("Field") : tr("Value");
}

} // namespace wb::models
