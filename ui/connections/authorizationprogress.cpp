// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorizationprogress.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

using Stage = core::ConnectionAuthorizer::Stage;

AuthorizationProgress::AuthorizationProgress(QWidget *parent)
    : QWidget(parent)
    , m_stage(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_urlHint(new QLabel(tr("If no browser window opened, open this address yourself:"), this))
    , m_url(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy address"), this))
    , m_openAgain(new QPushButton(tr("&Open browser again"), this))
{
    m_stage->setObjectName(u"stage"_s);
    m_stage->setWordWrap(true);
    m_busy->setRange(0, 0); // busy: no way to know how long the person takes in the browser
    m_busy->setTextVisible(false);
    m_urlHint->setWordWrap(true);
    m_url->setObjectName(u"authorizationUrl"_s);
    m_url->setReadOnly(true);
    m_url->setMinimumWidth(340);
    m_url->setPlaceholderText(tr("The address appears here once the local listener is ready."));
    m_copy->setObjectName(u"copyUrl"_s);
    m_openAgain->setObjectName(u"openAgain"_s);

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copy);
    urlRow->addWidget(m_openAgain);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stage);
    layout->addWidget(m_busy);
    layout->addWidget(m_urlHint);
    layout->addLayout(urlRow);

    connect(m_copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_url->text()); });
    connect(m_openAgain, &QPushButton::clicked, this,
            [this] { Q_EMIT openUrlRequested(QUrl(m_url->text(), QUrl::StrictMode)); });
    setBusy(false);
}

void AuthorizationProgress::follow(core::ConnectionAuthorizer *authorizer)
{
    if (m_authorizer)
        disconnect(m_authorizer, nullptr, this, nullptr);
    m_authorizer = authorizer;
    if (!authorizer)
        return;
    setBusy(true);
    connect(authorizer, &core::ConnectionAuthorizer::stageChanged, this,
            &AuthorizationProgress::onStage);
    connect(authorizer, &core::ConnectionAuthorizer::authorizationUrlReady, this,
            &AuthorizationProgress::onUrl);
    connect(authorizer, &core::ConnectionAuthorizer::finished, this, [this] { setBusy(false); });
    onStage(authorizer->stage());
}

void AuthorizationProgress::setText(const QString &text)
{
    m_stage->setText(text);
}

void AuthorizationProgress::setBusy(bool busy)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_busy), static_cast<QWidget *>(m_urlHint),
                            static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_copy),
                            static_cast<QWidget *>(m_openAgain)})
        widget->setVisible(busy);
    if (!busy)
        m_url->clear();
    // Usable once there is an address.
    m_copy->setEnabled(busy && !m_url->text().isEmpty());
    m_openAgain->setEnabled(busy && !m_url->text().isEmpty());
}

void AuthorizationProgress::onStage(Stage stage)
{
    switch (stage) {
    case Stage::Idle:
    case Stage::Preparing:
        setText(tr("Preparing the connection's OAuth client…"));
        break;
    case Stage::WaitingForBrowser:
        setText(tr("Waiting for you to sign in and allow access in the browser. Wirebench listens "
                   "on 127.0.0.1 for the provider's answer."));
        break;
    case Stage::ExchangingCode:
        setText(tr("The browser came back: fetching the tokens from the provider…"));
        break;
    case Stage::Recording:
        setText(tr("Storing the client and mapping the external account to the tenant…"));
        break;
    case Stage::Succeeded:
    case Stage::Failed:
        return; // the owner words the outcome
    }
    // The wrapped text may need another line: settle this widget's layout first (its change
    // would otherwise reach the window's layout only after the resize), then size the window.
    layout()->activate();
    window()->adjustSize();
}

void AuthorizationProgress::onUrl(const QUrl &url)
{
    m_url->setText(url.toString(QUrl::FullyEncoded));
    m_url->setCursorPosition(0);
    m_copy->setEnabled(true);
    m_openAgain->setEnabled(true);
    Q_EMIT openUrlRequested(url);
}

} // namespace wb::ui
