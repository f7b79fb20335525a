// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/timelinequery.h"

#include <QDialog>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace wb::ui {

// Asks for a custom time range (shown and entered in UTC or local time, as the timeline shows
// them). OK stays disabled until the start is before the end.
class CustomRangeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomRangeDialog)

public:
    CustomRangeDialog(const models::TimelineRange &initial, Qt::TimeSpec spec,
                      QWidget *parent = nullptr);

    // UTC ms.
    models::TimelineRange range() const;
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }

private:
    void validate();

    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace wb::ui
