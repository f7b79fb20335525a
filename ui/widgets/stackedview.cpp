// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/stackedview.h"

#include "ui/widgets/emptystatewidget.h"

#include <QStackedWidget>
#include <QVBoxLayout>

namespace wb::ui {

StackedView::StackedView(const QString &objectName, const QString &iconPath, QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
{
    m_empty->setObjectName(objectName);
    m_empty->setIcon(QIcon(iconPath));
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

bool StackedView::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

int StackedView::addContentPage(QWidget *page)
{
    return m_stack->addWidget(page);
}

void StackedView::showEmptyState()
{
    m_stack->setCurrentWidget(m_empty);
}

void StackedView::showContentPage(int index)
{
    m_stack->setCurrentIndex(index);
}

} // namespace wb::ui
