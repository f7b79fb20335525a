// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;
class QPushButton;

namespace wb::ui {

// The placeholder a view shows when it has nothing to show yet: an icon, a title saying what is
// missing, a sentence saying how to get it, and optionally one button that does it.
class EmptyStateWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStateWidget)

public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    void setIcon(const QIcon &icon);
    void setTitle(const QString &title);
    // Rich text is allowed (links open through linkActivated).
    void setDescription(const QString &description);
    // Shows a button with this text; an empty text hides it.
    void setActionText(const QString &text);

    QString title() const;
    QString description() const;

Q_SIGNALS:
    void actionTriggered();
    void linkActivated(const QString &link);

private:
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QPushButton *m_action = nullptr;
};

} // namespace wb::ui
