// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/customrangedialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace wb::ui {

CustomRangeDialog::CustomRangeDialog(const models::TimelineRange &initial, Qt::TimeSpec spec,
                                     QWidget *parent)
    : QDialog(parent)
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"customRangeDialog"_s);
    setWindowTitle(tr("Custom time range"));
    const Qt::TimeSpec shown = spec == Qt::UTC ? Qt::UTC : Qt::LocalTime;
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setTimeSpec(shown);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
        edit->setCalendarPopup(true);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &CustomRangeDialog::validate);
    }
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(initial.fromMs, shown));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(initial.toMs, shown));
    m_problem->setObjectName(u"customRangeProblem"_s);
    m_problem->setStyleSheet(u"color: #b00020"_s);

    auto *form = new QFormLayout(this);
    const QString zone = shown == Qt::UTC ? tr("UTC") : tr("local time");
    form->addRow(tr("From (%1):").arg(zone), m_from);
    form->addRow(tr("To (%1):").arg(zone), m_to);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

models::TimelineRange CustomRangeDialog::range() const
{
    return {m_from->dateTime().toMSecsSinceEpoch(), m_to->dateTime().toMSecsSinceEpoch()};
}

void CustomRangeDialog::validate()
{
    const bool valid = range().isValid();
    m_problem->setText(valid ? QString() : tr("The start must be before the end."));
    m_problem->setVisible(!valid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

} // namespace wb::ui
