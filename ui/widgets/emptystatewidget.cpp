// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/emptystatewidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wb::ui {

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_action(new QPushButton(this))
{
    m_icon->setAlignment(Qt::AlignCenter);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_description->setAlignment(Qt::AlignCenter);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_description->setObjectName(QStringLiteral("emptyStateDescription"));
    QPalette palette = m_description->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    m_description->setPalette(palette);
    m_action->hide();

    // The text column is at most 520 px wide and centred by stretches, not by an alignment flag:
    // an aligned word-wrapped label gets its one-line height and is cut off.
    auto *column = new QVBoxLayout;
    column->addWidget(m_icon);
    column->addSpacing(8);
    column->addWidget(m_title);
    column->addWidget(m_description);
    column->addSpacing(8);
    column->addWidget(m_action, 0, Qt::AlignHCenter);
    auto *content = new QWidget(this);
    content->setLayout(column);
    content->setMaximumWidth(520);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(content, 100);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);

    connect(m_action, &QPushButton::clicked, this, &EmptyStateWidget::actionTriggered);
    connect(m_description, &QLabel::linkActivated, this, &EmptyStateWidget::linkActivated);
}

void EmptyStateWidget::setIcon(const QIcon &icon)
{
    m_icon->setPixmap(icon.pixmap(QSize(72, 72), devicePixelRatioF()));
}

void EmptyStateWidget::setTitle(const QString &title)
{
    m_title->setText(title);
}

void EmptyStateWidget::setDescription(const QString &description)
{
    m_description->setText(description);
}

void EmptyStateWidget::setActionText(const QString &text)
{
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty());
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

QString EmptyStateWidget::description() const
{
    return m_description->text();
}

} // namespace wb::ui
