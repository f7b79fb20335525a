// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timelinetoolbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>

using namespace Qt::StringLiterals;
using wb::models::TimelineScope;

namespace wb::ui {

qint64 timelineRangePresetMs(TimelineRangePreset preset)
{
    switch (preset) {
    case TimelineRangePreset::Last15Minutes:
        return 15 * 60 * 1000;
    case TimelineRangePreset::LastHour:
        return 60 * 60 * 1000;
    case TimelineRangePreset::LastDay:
        return 24 * 60 * 60 * 1000;
    case TimelineRangePreset::Custom:
        break;
    }
    return 0;
}

namespace {
constexpr int kindRole = Qt::UserRole + 1;
constexpr int idRole = Qt::UserRole + 2;
constexpr int labelRole = Qt::UserRole + 3;

QString scopeText(const TimelineScope &scope)
{
    const QString label = scope.label.isEmpty() ? scope.id : scope.label;
    switch (scope.kind) {
    case TimelineScope::Kind::Global:
        return TimelineToolBar::tr("All tenants");
    case TimelineScope::Kind::Tenant:
        return TimelineToolBar::tr("Tenant: %1").arg(label);
    case TimelineScope::Kind::Connection:
        return TimelineToolBar::tr("    Connection: %1").arg(label);
    case TimelineScope::Kind::Delivery:
        return TimelineToolBar::tr("Delivery: %1").arg(label);
    }
    return label;
}
} // namespace

TimelineToolBar::TimelineToolBar(QWidget *parent)
    : QWidget(parent)
    , m_scope(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_live(new QToolButton(this))
    , m_timeZone(new QComboBox(this))
    , m_whatIf(new QComboBox(this))
    , m_fit(new QToolButton(this))
    , m_export(new QToolButton(this))
{
    m_scope->setObjectName(u"timelineScope"_s);
    m_scope->setToolTip(
            tr("What to show: every tenant, one tenant, one connection or one delivery"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_range->setObjectName(u"timelineRange"_s);
    m_range->addItem(tr("Last 15 minutes"), int(TimelineRangePreset::Last15Minutes));
    m_range->addItem(tr("Last hour"), int(TimelineRangePreset::LastHour));
    m_range->addItem(tr("Last day"), int(TimelineRangePreset::LastDay));
    m_range->addItem(tr("Custom…"), int(TimelineRangePreset::Custom));
    m_range->setCurrentIndex(1);
    m_live->setObjectName(u"timelineLive"_s);
    m_live->setText(tr("Live"));
    m_live->setCheckable(true);
    m_live->setToolTip(tr("Follow new attempts as they are recorded"));
    m_timeZone->setObjectName(u"timelineTimeZone"_s);
    m_timeZone->addItem(tr("UTC"), int(Qt::UTC));
    m_timeZone->addItem(tr("Local time"), int(Qt::LocalTime));
    m_whatIf->setObjectName(u"timelineWhatIf"_s);
    m_whatIf->addItem(tr("Compare policy: off"), QString());
    m_whatIf->setEnabled(false);
    m_fit->setObjectName(u"timelineFit"_s);
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show the whole range (Home)"));
    m_export->setObjectName(u"timelineExport"_s);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    menu->addAction(tr("Export as PNG…"), this, [this] { Q_EMIT exportRequested(u"png"_s); });
    menu->addAction(tr("Export as PDF…"), this, [this] { Q_EMIT exportRequested(u"pdf"_s); });
    m_export->setMenu(menu);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_scope);
    layout->addWidget(m_range);
    layout->addWidget(m_live);
    layout->addWidget(m_timeZone);
    layout->addStretch(1);
    layout->addWidget(m_whatIf);
    layout->addWidget(m_fit);
    layout->addWidget(m_export);

    connect(m_scope, &QComboBox::activated, this, [this](int index) {
        TimelineScope scope;
        scope.kind = TimelineScope::Kind(m_scope->itemData(index, kindRole).toInt());
        scope.id = m_scope->itemData(index, idRole).toString();
        scope.label = m_scope->itemData(index, labelRole).toString();
        Q_EMIT scopeSelected(scope);
    });
    connect(m_range, &QComboBox::activated, this, [this](int index) {
        Q_EMIT rangePresetSelected(TimelineRangePreset(m_range->itemData(index).toInt()));
    });
    connect(m_live, &QToolButton::toggled, this, [this](bool live) {
        if (!m_updating)
            Q_EMIT liveToggled(live);
    });
    connect(m_timeZone, &QComboBox::activated, this, [this](int index) {
        Q_EMIT timeSpecSelected(Qt::TimeSpec(m_timeZone->itemData(index).toInt()));
    });
    connect(m_whatIf, &QComboBox::activated, this,
            [this](int index) { Q_EMIT whatIfSelected(m_whatIf->itemData(index).toString()); });
    connect(m_fit, &QToolButton::clicked, this, &TimelineToolBar::fitRequested);
}

void TimelineToolBar::setScopes(const QList<TimelineScope> &choices, const TimelineScope &current)
{
    const QSignalBlocker blocker(m_scope);
    m_scope->clear();
    QList<TimelineScope> all{TimelineScope::global()};
    all.append(choices);
    if (!all.contains(current))
        all.append(current);
    for (const TimelineScope &scope : all) {
        m_scope->addItem(scopeText(scope));
        const int index = m_scope->count() - 1;
        m_scope->setItemData(index, int(scope.kind), kindRole);
        m_scope->setItemData(index, scope.id, idRole);
        m_scope->setItemData(index, scope.label, labelRole);
        if (scope == current)
            m_scope->setCurrentIndex(index);
    }
}

void TimelineToolBar::setRangePreset(TimelineRangePreset preset)
{
    m_range->setCurrentIndex(m_range->findData(int(preset)));
}

void TimelineToolBar::setLive(bool live)
{
    m_updating = true;
    m_live->setChecked(live);
    m_updating = false;
}

void TimelineToolBar::setTimeSpec(Qt::TimeSpec spec)
{
    m_timeZone->setCurrentIndex(
            m_timeZone->findData(int(spec == Qt::UTC ? Qt::UTC : Qt::LocalTime)));
}

void TimelineToolBar::setWhatIfPresets(const QList<std::pair<QString, QString>> &presets)
{
    while (m_whatIf->count() > 1)
        m_whatIf->removeItem(1);
    for (const auto &[name, label] : presets)
        m_whatIf->addItem(tr("Compare with %1").arg(label), name);
    m_whatIf->setVisible(!presets.isEmpty());
}

void TimelineToolBar::setWhatIfAvailable(bool available, const QString &hint)
{
    m_whatIf->setEnabled(available);
    m_whatIf->setToolTip(available ? tr("Draw when another retry policy would have attempted the "
                                        "selected delivery, from the same outcomes")
                                   : hint);
}

void TimelineToolBar::setWhatIfPreset(const QString &preset)
{
    const int index = m_whatIf->findData(preset);
    m_whatIf->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace wb::ui
