// SPDX-License-Identifier: GPL-3.0-or-later
// Page 1 of the onboarding wizard: the tenant.
#include "core/store/store.h"
#include "core/util/futures.h"
#include "onboardingpages_p.h"
#include "onboardingwizard.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {
void styleProblem(QLabel *label)
{
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #b3261e;"_s);
    label->hide();
}
} // namespace

TenantChoicePage::TenantChoicePage(qint64 preselectedTenantId, QWidget *parent)
    : OnboardingPage(parent)
    , m_existing(new QRadioButton(tr("An &existing tenant:"), this))
    , m_new(new QRadioButton(tr("A &new tenant named:"), this))
    , m_tenants(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_locked(new QLabel(this))
    , m_preselected(preselectedTenantId)
{
    setObjectName(u"tenantPage"_s);
    setTitle(tr("Tenant"));
    setSubTitle(tr("Which of your customers is this connection for?"));
    m_existing->setObjectName(u"existingTenant"_s);
    m_new->setObjectName(u"newTenant"_s);
    m_tenants->setObjectName(u"tenantCombo"_s);
    m_name->setObjectName(u"tenantName"_s);
    m_name->setPlaceholderText(tr("e.g. Umbrella Corp"));
    m_problem->setObjectName(u"tenantProblem"_s);
    styleProblem(m_problem);
    m_locked->setWordWrap(true);
    m_locked->hide();
    m_existing->setChecked(true);
    m_tenants->setEnabled(false);
    m_tenants->setPlaceholderText(tr("Loading tenants…"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_existing);
    layout->addWidget(m_tenants);
    layout->addSpacing(8);
    layout->addWidget(m_new);
    layout->addWidget(m_name);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_locked);

    connect(m_existing, &QRadioButton::toggled, this, &TenantChoicePage::update);
    connect(m_tenants, &QComboBox::currentIndexChanged, this, &TenantChoicePage::update);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        if (!m_new->isChecked())
            m_new->setChecked(true);
        update();
    });
}

bool TenantChoicePage::isComplete() const
{
    if (!m_loaded) // the names a new tenant must not repeat are not known yet
        return false;
    if (m_existing->isChecked())
        return m_tenants->currentIndex() >= 0;
    return onboarding::tenantNameProblem(m_name->text(), m_names).isEmpty();
}

void TenantChoicePage::initializePage()
{
    if (m_requested)
        return;
    m_requested = true; // once: the list is read when the wizard shows the page first
    core::whenFinished(owner()->services().store->tenants(), this,
                       [this](const core::Result<QList<core::Tenant>> &tenants) {
                           if (!tenants) {
                               m_problem->setText(tenants.error().message);
                               m_problem->show();
                               return;
                           }
                           for (const core::Tenant &tenant : *tenants) {
                               m_tenants->addItem(tenant.displayName, tenant.id);
                               m_names << tenant.displayName;
                           }
                           m_tenants->setPlaceholderText(tr("No tenants yet"));
                           m_tenants->setEnabled(!tenants->isEmpty());
                           const int preselected = m_tenants->findData(m_preselected);
                           m_tenants->setCurrentIndex(preselected >= 0     ? preselected
                                                      : tenants->isEmpty() ? -1
                                                                           : 0);
                           if (tenants->isEmpty())
                               m_new->setChecked(true);
                           m_loaded = true;
                           update();
                       });
}

void TenantChoicePage::update()
{
    m_tenants->setEnabled(m_existing->isChecked() && m_tenants->count() > 0);
    const QString problem = m_new->isChecked() && !m_name->text().isEmpty()
                                    ? onboarding::tenantNameProblem(m_name->text(), m_names)
                                    : QString();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    Q_EMIT completeChanged();
}

bool TenantChoicePage::validatePage()
{
    OnboardingState &state = owner()->state();
    if (state.connectionId != 0)
        return true; // locked: created already
    state.newTenant = m_new->isChecked();
    if (state.newTenant) {
        state.tenantId = 0;
        state.tenantName = m_name->text().trimmed();
    } else {
        state.tenantId = m_tenants->currentData().toLongLong();
        state.tenantName = m_tenants->currentText();
    }
    return true;
}

void TenantChoicePage::lock()
{
    for (QWidget *widget : {static_cast<QWidget *>(m_existing), static_cast<QWidget *>(m_new),
                            static_cast<QWidget *>(m_tenants), static_cast<QWidget *>(m_name)})
        widget->setEnabled(false);
    m_locked->setText(tr("The connection was created for %1; to use another tenant, cancel "
                         "and remove it.")
                              .arg(owner()->state().tenantName));
    m_locked->show();
}

} // namespace wb::ui
