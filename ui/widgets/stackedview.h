// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QStackedWidget;

namespace wb::ui {

class EmptyStateWidget;

// Base of the main tabs: an empty state, and the content pages a view adds; the view switches to
// its content once it has something to show.
class StackedView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StackedView)

public:
    EmptyStateWidget *emptyState() const { return m_empty; }
    bool isShowingEmptyState() const;

protected:
    // `objectName` names the empty state for tests; `iconPath` is a resource path.
    StackedView(const QString &objectName, const QString &iconPath, QWidget *parent);

    // Adds a content page (owned by the view) and returns its index.
    int addContentPage(QWidget *page);
    void showEmptyState();
    void showContentPage(int index);

private:
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_empty = nullptr;
};

} // namespace wb::ui
