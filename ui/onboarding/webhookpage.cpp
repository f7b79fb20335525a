// SPDX-License-Identifier: GPL-3.0-or-later
// Page 6 of the onboarding wizard: the webhook URL to register and the signing secret.
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/futures.h"
#include "onboardingpages_p.h"
#include "onboardingwizard.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

WebhookPage::WebhookPage(QWidget *parent)
    : OnboardingPage(parent)
    , m_url(new QLineEdit(this))
    , m_copyUrl(new QPushButton(tr("Copy &URL"), this))
    , m_signature(new QLabel(this))
    , m_secret(new QLineEdit(this))
    , m_showSecret(new QCheckBox(tr("S&how"), this))
    , m_generate(new QPushButton(tr("&Generate"), this))
    , m_copySecret(new QPushButton(tr("Cop&y secret"), this))
    , m_status(new QLabel(this))
    , m_verifyLabel(new QLabel(this))
    , m_verifyToken(new QLineEdit(this))
    , m_generateToken(new QPushButton(tr("Ge&nerate"), this))
    , m_copyToken(new QPushButton(tr("Copy &token"), this))
    , m_verifyStatus(new QLabel(this))
{
    setObjectName(u"webhookPage"_s);
    setTitle(tr("Webhook"));
    m_url->setObjectName(u"webhookUrl"_s);
    m_url->setReadOnly(true);
    m_copyUrl->setObjectName(u"copyWebhookUrl"_s);
    m_signature->setObjectName(u"signatureText"_s);
    m_signature->setWordWrap(true);
    m_secret->setObjectName(u"webhookSecret"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_showSecret->setObjectName(u"showSecret"_s);
    m_generate->setObjectName(u"generateSecret"_s);
    m_copySecret->setObjectName(u"copySecret"_s);
    m_status->setObjectName(u"secretStatus"_s);
    m_status->setWordWrap(true);
    m_verifyLabel->setText(
            tr("Verify token (enter the same at the provider with the callback "
               "URL; Wirebench answers the provider's check only when it matches):"));
    m_verifyLabel->setWordWrap(true);
    m_verifyLabel->setBuddy(m_verifyToken);
    m_verifyToken->setObjectName(u"verifyToken"_s);
    m_verifyToken->setMaxLength(200);
    // Printable ASCII without spaces, as the store requires.
    m_verifyToken->setValidator(
            new QRegularExpressionValidator(QRegularExpression(u"[!-~]*"_s), m_verifyToken));
    m_generateToken->setObjectName(u"generateVerifyToken"_s);
    m_copyToken->setObjectName(u"copyVerifyToken"_s);
    m_verifyStatus->setObjectName(u"verifyTokenStatus"_s);
    m_verifyStatus->setWordWrap(true);

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copyUrl);
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_showSecret);
    secretRow->addWidget(m_generate);
    secretRow->addWidget(m_copySecret);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Register this URL at the provider as the webhook "
                                    "(notification) URL:"),
                                 this));
    layout->addLayout(urlRow);
    layout->addSpacing(12);
    layout->addWidget(m_signature);
    layout->addLayout(secretRow);
    layout->addWidget(m_status);
    auto *verifyRow = new QHBoxLayout;
    verifyRow->addWidget(m_verifyToken, 1);
    verifyRow->addWidget(m_generateToken);
    verifyRow->addWidget(m_copyToken);
    layout->addSpacing(12);
    layout->addWidget(m_verifyLabel);
    layout->addLayout(verifyRow);
    layout->addWidget(m_verifyStatus);
    layout->addStretch(1);

    connect(m_copyUrl, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_url->text()); });
    connect(m_copySecret, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_secret->text()); });
    connect(m_showSecret, &QCheckBox::toggled, this, [this](bool show) {
        m_secret->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_generate, &QPushButton::clicked, this, [this] {
        m_secret->setText(QString::fromLatin1(onboarding::generateWebhookSecret()));
        m_secret->setCursorPosition(0);
        m_showSecret->setChecked(true); // to be copied into the provider's form
    });
    connect(m_generateToken, &QPushButton::clicked, this, [this] {
        // 24 random bytes as hex: 48 characters the provider's form accepts.
        m_verifyToken->setText(QString::fromLatin1(onboarding::generateWebhookSecret().left(48)));
    });
    connect(m_copyToken, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_verifyToken->text()); });
    connect(m_verifyToken, &QLineEdit::textChanged, this, &WebhookPage::showVerifyTokenState);
    connect(m_secret, &QLineEdit::textChanged, this, &WebhookPage::showSecretState);
}

void WebhookPage::showSecretState()
{
    m_copySecret->setEnabled(!m_secret->text().isEmpty());
    m_status->setText(!m_secret->text().isEmpty() && m_secret->text().toUtf8() == m_storedSecret
                              ? tr("Stored in the keychain.")
                              : tr("Stored in the keychain when you press Next; leave it empty to "
                                   "add it later."));
}

void WebhookPage::showVerifyTokenState()
{
    m_copyToken->setEnabled(!m_verifyToken->text().isEmpty());
    m_verifyStatus->setText(!m_verifyToken->text().isEmpty()
                                            && m_verifyToken->text() == m_storedVerifyToken
                                    ? tr("Saved with the connection.")
                                    : tr("Saved with the connection when you press Next; leave "
                                         "it empty to add it later."));
}

template<typename T>
void WebhookPage::storeThenNext(const QFuture<core::Result<T>> &future, QLabel *status,
                                const QString &busy, std::function<void()> stored)
{
    m_storing = true;
    Q_EMIT completeChanged();
    status->setText(busy);
    core::whenFinished(future, this,
                       [this, status, stored = std::move(stored)](const core::Result<T> &result) {
                           m_storing = false;
                           Q_EMIT completeChanged();
                           if (!result) {
                               status->setText(tr("Not stored: %1").arg(result.error().message));
                               return;
                           }
                           stored();
                           wizard()->next(); // validatePage() again: the next store, or on
                       });
}

void WebhookPage::initializePage()
{
    const core::ProviderProfile *profile = owner()->provider();
    const bool signedHooks = profile && !profile->signatureSchemes.isEmpty();
    const onboarding::ProviderNeeds needs = profile ? onboarding::providerNeeds(*profile)
                                                    : onboarding::ProviderNeeds();
    const bool chosenByYou = profile && profile->webhookSecretChosenByYou;
    setSubTitle(tr("Where %1 sends its events, and how Wirebench checks they are genuine.")
                        .arg(owner()->providerName()));
    QString text = needs.signature;
    if (signedHooks) {
        text += u' '
                + (chosenByYou ? tr("Enter a secret of your own or generate one, and enter the "
                                    "same at the provider.")
                               : tr("Paste the signing secret the provider shows for this "
                                    "webhook or app."));
    }
    if (!needs.handshake.isEmpty())
        text += u' ' + needs.handshake;
    m_signature->setText(text);
    for (QWidget *widget : {static_cast<QWidget *>(m_secret), static_cast<QWidget *>(m_showSecret),
                            static_cast<QWidget *>(m_copySecret), static_cast<QWidget *>(m_status)})
        widget->setVisible(signedHooks);
    m_generate->setVisible(signedHooks && chosenByYou);
    const bool verifyToken = profile
                             && profile->handshake.kind == core::HandshakeKind::MetaHubChallenge;
    for (QWidget *widget :
         {static_cast<QWidget *>(m_verifyLabel), static_cast<QWidget *>(m_verifyToken),
          static_cast<QWidget *>(m_generateToken), static_cast<QWidget *>(m_copyToken),
          static_cast<QWidget *>(m_verifyStatus)})
        widget->setVisible(verifyToken);
    showVerifyTokenState();
    showSecretState();
    if (m_ready)
        return;
    m_url->setPlaceholderText(tr("Creating the connection…"));
    owner()->ensureConnection([this](const core::Result<qint64> &connection) {
        if (!connection) {
            m_url->setPlaceholderText(QString());
            m_status->setText(connection.error().message);
            m_status->show();
            return;
        }
        showConnection(*connection);
    });
}

void WebhookPage::showConnection(qint64 connectionId)
{
    const auto &webhookUrl = owner()->services().webhookUrl;
    const QUrl url = webhookUrl ? webhookUrl(connectionId) : QUrl();
    m_url->setText(url.toString());
    if (url.isEmpty())
        m_url->setPlaceholderText(tr("The receiver is not listening: see the status bar."));
    m_copyUrl->setEnabled(!url.isEmpty());
    m_ready = true;
    Q_EMIT completeChanged();
}

bool WebhookPage::isComplete() const
{
    return m_ready && !m_storing;
}

bool WebhookPage::validatePage()
{
    // Each store is asynchronous: it calls next() again when it is done, and the other one then
    // finds nothing left to store.
    return storeVerifyToken() && storeSecret();
}

bool WebhookPage::storeVerifyToken()
{
    const QString token = m_verifyToken->text();
    if (!m_verifyToken->isVisibleTo(this) || token == m_storedVerifyToken)
        return true;
    core::Store *store = owner()->services().store;
    storeThenNext(store->setConnectionVerifyToken(owner()->state().connectionId, token),
                  m_verifyStatus, tr("Saving the verify token…"), [this, token] {
                      m_storedVerifyToken = token;
                      showVerifyTokenState();
                  });
    return false;
}

bool WebhookPage::storeSecret()
{
    const QByteArray secret = m_secret->text().trimmed().toUtf8();
    if (!m_secret->isVisibleTo(this) || secret.isEmpty() || secret == m_storedSecret)
        return true;
    core::ConnectionSecrets *secrets = owner()->services().secrets;
    if (!secrets) {
        m_status->setText(tr("The workspace's secrets are not open: the signing secret cannot "
                             "be stored now. Clear the field to go on without it."));
        return false;
    }
    // Stored asynchronously; the wizard moves on once the keychain answered.
    const core::SecretKey key{owner()->state().connectionId, core::SecretKind::WebhookSigningSecret,
                              core::SecretSlot::Primary};
    storeThenNext(secrets->put(key, secret), m_status,
                  tr("Storing the signing secret in the keychain…"), [this, secret] {
                      m_storedSecret = secret;
                      owner()->state().webhookSecretStored = true;
                      showSecretState();
                  });
    return false;
}

} // namespace wb::ui
