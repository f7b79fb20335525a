// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/timelinequery.h"

#include <QWidget>

class QComboBox;
class QToolButton;

namespace wb::ui {

// The time ranges the timeline offers; all but Custom end now.
enum class TimelineRangePreset { Last15Minutes, LastHour, LastDay, Custom };
// The preset's length in ms (0 for Custom).
qint64 timelineRangePresetMs(TimelineRangePreset preset);

// The controls above the timeline: scope, range, live, time zone, the "what would this policy do"
// overlay, fit and export. Holds no state of its own beyond its widgets; the view listens to its
// signals and sets what it shows.
class TimelineToolBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineToolBar)

public:
    explicit TimelineToolBar(QWidget *parent = nullptr);

    // Offers "All tenants" and then `choices` (tenants, their connections, a delivery) and
    // selects `current` (added when missing). Emits nothing.
    void setScopes(const QList<models::TimelineScope> &choices,
                   const models::TimelineScope &current);
    void setRangePreset(TimelineRangePreset preset);
    void setLive(bool live);
    void setTimeSpec(Qt::TimeSpec spec);
    // The overlay's presets (name, label) and whether it can be used now; `hint` says why not.
    void setWhatIfPresets(const QList<std::pair<QString, QString>> &presets);
    void setWhatIfAvailable(bool available, const QString &hint);
    void setWhatIfPreset(const QString &preset);

    QComboBox *scopeCombo() const { return m_scope; }
    QComboBox *rangeCombo() const { return m_range; }
    QComboBox *timeZoneCombo() const { return m_timeZone; }
    QComboBox *whatIfCombo() const { return m_whatIf; }
    QToolButton *liveButton() const { return m_live; }
    QToolButton *fitButton() const { return m_fit; }
    QToolButton *exportButton() const { return m_export; }

Q_SIGNALS:
    void scopeSelected(const wb::models::TimelineScope &scope);
    void rangePresetSelected(wb::ui::TimelineRangePreset preset);
    void liveToggled(bool live);
    void timeSpecSelected(Qt::TimeSpec spec);
    // Empty: the overlay is off.
    void whatIfSelected(const QString &preset);
    void fitRequested();
    // "png" or "pdf".
    void exportRequested(const QString &format);

private:
    QComboBox *m_scope = nullptr;
    QComboBox *m_range = nullptr;
    QToolButton *m_live = nullptr;
    QComboBox *m_timeZone = nullptr;
    QComboBox *m_whatIf = nullptr;
    QToolButton *m_fit = nullptr;
    QToolButton *m_export = nullptr;
    bool m_updating = false;
};

} // namespace wb::ui
