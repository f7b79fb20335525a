// SPDX-License-Identifier: GPL-3.0-or-later
// Page 3 of the onboarding wizard: the OAuth client of the app registered at the provider.
#include "onboardingpages_p.h"
#include "onboardingwizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace wb::ui {

ClientPage::ClientPage(QWidget *parent)
    : OnboardingPage(parent)
    , m_form(new QFormLayout)
    , m_intro(new QLabel(this))
    , m_clientId(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_scope(new QLineEdit(this))
{
    setObjectName(u"clientPage"_s);
    setTitle(tr("OAuth client"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::RichText);
    m_clientId->setObjectName(u"clientId"_s);
    m_secret->setObjectName(u"clientSecret"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Stored in the keychain, never in the workspace"));
    m_auth->setObjectName(u"clientAuth"_s);
    m_auth->addItem(tr("Client secret in the request body"),
                    int(core::ClientAuthMethod::ClientSecretPost));
    m_auth->addItem(tr("Client secret with HTTP Basic"),
                    int(core::ClientAuthMethod::ClientSecretBasic));
    m_auth->addItem(tr("Public client (PKCE only, no secret)"), int(core::ClientAuthMethod::None));
    m_scope->setObjectName(u"scope"_s);
    m_scope->setToolTip(tr("Separated by spaces. Filled in with the provider's default scopes."));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addStretch(1);
    m_form->addRow(tr("Client &id:"), m_clientId);
    m_form->addRow(QString(), problemLabel(u"client_id"_s));
    m_form->addRow(tr("&Authentication:"), m_auth);
    m_form->addRow(tr("Client &secret:"), m_secret);
    m_form->addRow(QString(), problemLabel(u"client_secret"_s));
    m_form->addRow(tr("S&copes:"), m_scope);

    for (QLineEdit *edit : {m_clientId, m_secret, m_scope})
        connect(edit, &QLineEdit::textChanged, this, &ClientPage::check);
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] {
        m_secret->setEnabled(m_auth->currentData().toInt() != int(core::ClientAuthMethod::None));
        check();
    });
}

QLabel *ClientPage::problemLabel(const QString &field)
{
    auto *label = new QLabel(this);
    label->setObjectName(u"problem:"_s + field);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #b3261e;"_s);
    m_problems.insert(field, label);
    return label;
}

void ClientPage::initializePage()
{
    const core::ProviderProfile *profile = owner()->provider();
    if (!profile || profile->id == m_providerId)
        return; // Back and Next again: keep what was entered
    m_providerId = profile->id;
    setSubTitle(tr("The app you registered at %1 for your product.").arg(profile->displayName));
    m_intro->setText(tr("Register it with the redirect URI <tt>http://127.0.0.1/callback</tt>: "
                        "Wirebench listens there, on a port of its own, only while you "
                        "authorize."));
    for (QWidget *row : std::as_const(m_placeholderRows))
        m_form->removeRow(row);
    m_placeholderRows.clear();
    for (auto it = m_placeholders.cbegin(); it != m_placeholders.cend(); ++it)
        m_problems.remove(u"placeholder:"_s + it.key());
    m_placeholders.clear();
    const QMap<QString, QString> placeholders = onboarding::editablePlaceholders(*profile);
    int row = 2; // after the client id and its problem
    for (auto it = placeholders.cbegin(); it != placeholders.cend(); ++it) {
        auto *edit = new QLineEdit(it.value(), this);
        edit->setObjectName(u"placeholder:"_s + it.key());
        edit->setPlaceholderText(it.value().isEmpty() ? tr("required") : it.value());
        connect(edit, &QLineEdit::textChanged, this, &ClientPage::check);
        QLabel *problem = problemLabel(u"placeholder:"_s + it.key());
        m_form->insertRow(row++, onboarding::placeholderLabel(it.key()) + u':', edit);
        m_form->insertRow(row++, QString(), problem);
        m_placeholders.insert(it.key(), edit);
        m_placeholderRows << edit << problem;
    }
    m_scope->setText(profile->oauth.defaultScopes.join(u' '));
    check();
}

onboarding::ClientInput ClientPage::input() const
{
    onboarding::ClientInput input;
    input.clientId = m_clientId->text();
    input.clientAuth = core::ClientAuthMethod(m_auth->currentData().toInt());
    input.hasSecret = !m_secret->text().isEmpty();
    for (auto it = m_placeholders.cbegin(); it != m_placeholders.cend(); ++it)
        input.placeholders.insert(it.key(), it.value()->text().trimmed());
    input.scope = m_scope->text();
    return input;
}

void ClientPage::check()
{
    const core::ProviderProfile *profile = owner() ? owner()->provider() : nullptr;
    if (!profile)
        return;
    const QList<onboarding::FieldProblem> problems = onboarding::clientProblems(*profile, input());
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        QString text;
        for (const onboarding::FieldProblem &problem : problems) {
            if (problem.field == it.key())
                text = problem.message;
        }
        it.value()->setText(text);
        m_form->setRowVisible(it.value(), !text.isEmpty()); // no empty gap when all is well
    }
    const bool valid = problems.isEmpty();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT completeChanged();
    }
}

bool ClientPage::isComplete() const
{
    return m_valid;
}

bool ClientPage::validatePage()
{
    OnboardingState &state = owner()->state();
    state.client = input();
    state.clientSecret = state.client.clientAuth == core::ClientAuthMethod::None
                                 ? QByteArray()
                                 : m_secret->text().toUtf8();
    return true;
}

} // namespace wb::ui
