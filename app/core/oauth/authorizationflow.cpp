// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/authorizationflow.h"

#include "core/oauth/accountinfo.h"
#include "core/oauth/endpointrequest.h"
#include "core/oauth/tokenstore.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

QString randomState()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString page(const QString &heading, const QString &text)
{
    return u"<h1>%1</h1><p>%2</p>"_s.arg(heading.toHtmlEscaped(), text.toHtmlEscaped());
}

// Qt 6.4's reply handler hands the redirect's query values over as they were on the wire
// (QUrlQuery's default PrettyDecoded keeps %3A, %2F, %3D…); decode them as form data.
QString decoded(const QVariantMap &parameters, const QString &name)
{
    QByteArray value = parameters.value(name).toString().toUtf8();
    value.replace('+', ' ');
    return QUrl::fromPercentEncoding(value);
}

} // namespace

AuthorizationFlow::AuthorizationFlow(qint64 connectionId, OAuthClientConfig config,
                                     TokenStore &store, QNetworkAccessManager &network,
                                     const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_connectionId(connectionId)
    , m_config(std::move(config))
    , m_store(store)
    , m_network(network)
    , m_clock(clock)
    , m_replyHandler(
              new QOAuthHttpServerReplyHandler(QHostAddress(QHostAddress::LocalHost), 0, this))
    , m_flow(new QOAuth2AuthorizationCodeFlow(&network, this))
{
    // QOAuthHttpServerReplyHandler listens from construction; the port opens in start(), only
    // for as long as the flow waits for the redirect.
    m_replyHandler->close();
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(Error{u"oauth.timeout"_s,
                   tr("The authorization for %1 did not complete within %2 seconds.")
                           .arg(m_config.providerId,
                                QString::number(m_timeout.interval() / 1000.0, 'g', 4))});
    });
    // Connected before grant(), so that this runs before QOAuth2AuthorizationCodeFlow's own
    // handling of the redirect, which it then never sees (onCallback() disconnects it).
    connect(m_replyHandler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &AuthorizationFlow::onCallback);
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
        m_authorizationUrl = url;
        Q_EMIT authorizationUrlReady(url);
    });
}

AuthorizationFlow::~AuthorizationFlow()
{
    if (m_exchange) {
        m_exchange->disconnect(this);
        m_exchange->abort();
        m_exchange->deleteLater();
    }
    stopListening();
}

bool AuthorizationFlow::isListening() const
{
    return m_replyHandler->isListening();
}

Result<void> AuthorizationFlow::start(qint64 timeoutMs)
{
    if (m_state != State::Idle)
        return wb::core::fail(u"oauth.already_started"_s,
                              tr("This authorization flow has already been started."));
    if (Result<void> valid = m_config.validate(); !valid) {
        m_state = State::Failed;
        m_finishedEmitted = true;
        return valid;
    }
    // RFC 8252 §7.3: the literal loopback address and an ephemeral port, for this flow only.
    if (!m_replyHandler->listen(QHostAddress(QHostAddress::LocalHost), 0)
        || !m_replyHandler->isListening()) {
        m_state = State::Failed;
        m_finishedEmitted = true;
        return wb::core::fail(u"oauth.listen_failed"_s,
                              tr("Cannot listen for the authorization redirect on 127.0.0.1."));
    }

    m_replyHandler->setCallbackPath(QString::fromLatin1(callbackPath));
    m_redirectUri = QUrl(m_replyHandler->callback());
    m_pkce = generatePkce();
    m_stateParameter = randomState();

    m_flow->setAuthorizationUrl(m_config.authorizationUrl);
    m_flow->setAccessTokenUrl(m_config.tokenUrl);
    m_flow->setClientIdentifier(m_config.clientId);
    m_flow->setScope(m_config.scopes.join(m_config.scopeSeparator));
    m_flow->setState(m_stateParameter);
    m_flow->setReplyHandler(m_replyHandler);
    m_flow->setModifyParametersFunction([this](QAbstractOAuth::Stage stage,
                                               QMultiMap<QString, QVariant> *parameters) {
        if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
            if (m_config.usePkce) {
                parameters->insert(u"code_challenge"_s, QString::fromLatin1(m_pkce.challenge));
                parameters->insert(u"code_challenge_method"_s, u"S256"_s);
            }
            for (const auto &[name, value] : m_config.extraAuthorizeParameters)
                parameters->insert(name, value);
        }
    });

    m_state = State::WaitingForBrowser;
    m_timeout.start(int(std::clamp<qint64>(timeoutMs, 1, std::numeric_limits<int>::max())));
    m_flow->grant(); // emits authorizeWithBrowser
    return {};
}

void AuthorizationFlow::cancel()
{
    switch (m_state) {
    case State::Idle:
    case State::WaitingForBrowser:
    case State::ExchangingCode:
        fail(Error{u"oauth.cancelled"_s, tr("The authorization was cancelled.")});
        break;
    case State::Storing:
        // The write cannot be taken back in flight; onStored() removes the tokens again.
        m_cancelledWhileStoring = true;
        stopListening();
        break;
    case State::Succeeded:
    case State::Failed:
        break;
    }
}

void AuthorizationFlow::onCallback(const QVariantMap &parameters)
{
    // This flow exchanges the code itself (see the header): QOAuth2AuthorizationCodeFlow must not
    // see any redirect. Disconnecting inside the emission keeps its slot from being called.
    disconnect(m_replyHandler, nullptr, m_flow, nullptr);
    if (m_state != State::WaitingForBrowser) {
        // A second redirect (browser reload) or one after the flow ended: nobody exchanges it.
        m_replyHandler->setCallbackText(
                page(tr("Authorization not in progress"),
                     tr("Wirebench is not waiting for this authorization any more. Start it "
                        "again from Wirebench.")));
        return;
    }

    const QString error = decoded(parameters, u"error"_s);
    const QString receivedState = decoded(parameters, u"state"_s);
    const QString issuer = decoded(parameters, u"iss"_s);
    const QString code = decoded(parameters, u"code"_s);
    if (receivedState != m_stateParameter) {
        refuseRedirect(Error{u"oauth.state_mismatch"_s,
                             tr("The browser came back with a state that does not belong to this "
                                "authorization; it was refused (RFC 6749 §10.12).")});
        return;
    }
    if (!issuer.isEmpty() && !m_config.issuer.isEmpty() && issuer != m_config.issuer) {
        refuseRedirect(Error{u"oauth.issuer_mismatch"_s,
                             tr("The redirect names the issuer '%1' instead of '%2'; it was "
                                "refused (RFC 9207).")
                                     .arg(issuer, m_config.issuer)});
        return;
    }
    if (!error.isEmpty()) {
        const QString description = decoded(parameters, u"error_description"_s);
        refuseRedirect(Error{u"oauth.authorization_denied"_s,
                             description.isEmpty()
                                     ? tr("%1 did not authorize Wirebench: %2.")
                                               .arg(m_config.providerId, error)
                                     : tr("%1 did not authorize Wirebench: %2 (%3).")
                                               .arg(m_config.providerId, error, description)});
        return;
    }
    if (code.isEmpty()) {
        refuseRedirect(Error{u"oauth.code_missing"_s,
                             tr("The redirect from %1 carries no authorization code.")
                                     .arg(m_config.providerId)});
        return;
    }
    if (m_config.accountIdSource == AccountIdSource::RedirectParameter) {
        Result<QString> accountId = accountIdFromRedirect(decoded(parameters,
                                                                  m_config.accountIdPath),
                                                          m_config);
        if (!accountId) {
            refuseRedirect(accountId.error());
            return;
        }
        m_redirectAccountId = *accountId;
    }

    m_replyHandler->setCallbackText(
            page(tr("Authorization received"),
                 tr("Wirebench received the authorization for %1 and is completing the "
                    "connection. You can close this tab and return to Wirebench.")
                         .arg(m_config.providerId)));
    m_state = State::ExchangingCode;
    m_timeout.stop();
    // The handler writes the page after this returns: close the listener afterwards.
    QMetaObject::invokeMethod(this, &AuthorizationFlow::stopListening, Qt::QueuedConnection);
    exchangeCode(code);
    Q_EMIT redirectAccepted();
}

void AuthorizationFlow::exchangeCode(const QString &code)
{
    // RFC 6749 §4.1.3 with RFC 7636 §4.5: the redirect URI exactly as sent in the authorization
    // request, and the PKCE verifier.
    QList<std::pair<QString, QString>> fields{{u"grant_type"_s, u"authorization_code"_s},
                                              {u"code"_s, code},
                                              {u"redirect_uri"_s, m_redirectUri.toString()}};
    if (m_config.usePkce)
        fields.append({u"code_verifier"_s, QString::fromLatin1(m_pkce.verifier)});
    const EndpointRequest request = buildEndpointRequest(m_config.tokenUrl, m_config, fields);
    m_exchange = m_network.post(request.request, request.body);
    connect(m_exchange, &QNetworkReply::finished, this, [this, reply = m_exchange] {
        const EndpointReply result = EndpointReply::fromNetworkReply(reply);
        reply->deleteLater();
        m_exchange = nullptr;
        onTokenReply(result);
    });
}

void AuthorizationFlow::refuseRedirect(Error error)
{
    // Runs inside the reply handler's signal emission: answer the browser before anything closes.
    m_replyHandler->setCallbackText(
            page(tr("Authorization failed"),
                 error.message + u' '
                         + tr("Return to Wirebench and start the authorization again.")));
    m_state = State::Failed;
    m_timeout.stop();
    QMetaObject::invokeMethod(this, &AuthorizationFlow::stopListening, Qt::QueuedConnection);
    emitFinished(wb::core::fail(std::move(error)));
}

void AuthorizationFlow::onTokenReply(const EndpointReply &reply)
{
    if (m_state != State::ExchangingCode)
        return; // cancelled or timed out meanwhile
    Result<TokenSet> tokens = parseTokenResponse(reply, m_config, m_clock.nowMs(),
                                                 /*requireAccountId=*/true);
    if (!tokens) {
        fail(tokens.error());
        return;
    }
    switch (m_config.accountIdSource) {
    case AccountIdSource::RedirectParameter:
        tokens->accountId = m_redirectAccountId;
        break;
    case AccountIdSource::TokenInfo:
        readTokenInfo(*tokens);
        return;
    case AccountIdSource::None:
    case AccountIdSource::TokenResponse:
    case AccountIdSource::IdTokenClaim:
        break;
    }
    storeTokens(*tokens);
}

void AuthorizationFlow::readTokenInfo(const TokenSet &tokens)
{
    m_exchange = m_network.get(tokenInfoRequest(m_config, tokens.accessToken));
    connect(m_exchange, &QNetworkReply::finished, this, [this, reply = m_exchange, tokens] {
        const EndpointReply result = EndpointReply::fromNetworkReply(reply);
        reply->deleteLater();
        m_exchange = nullptr;
        if (m_state != State::ExchangingCode)
            return;
        const Result<TokenInfo> info = parseTokenInfo(result, m_config, tokens.accessToken);
        if (!info) {
            fail(info.error());
            return;
        }
        TokenSet withAccount = tokens;
        withAccount.accountId = info->accountId;
        for (auto it = info->kept.begin(); it != info->kept.end(); ++it) {
            if (!withAccount.extra.contains(it.key()))
                withAccount.extra.insert(it.key(), it.value());
        }
        storeTokens(withAccount);
    });
}

void AuthorizationFlow::storeTokens(const TokenSet &tokens)
{
    AuthorizationOutcome outcome;
    outcome.connectionId = m_connectionId;
    outcome.accountId = tokens.accountId;
    outcome.expiresAtMs = tokens.expiresAtMs;
    outcome.scope = tokens.scope;
    outcome.hasRefreshToken = !tokens.refreshToken.isEmpty();
    outcome.extra = tokens.extra;

    m_state = State::Storing;
    whenFinished(m_store.writeTokens(m_connectionId, tokens, QString()), this,
                 [this, outcome](const Result<void> &stored) { onStored(stored, outcome); });
}

void AuthorizationFlow::onStored(const Result<void> &stored, const AuthorizationOutcome &outcome)
{
    if (m_cancelledWhileStoring) {
        m_state = State::Failed;
        whenFinished(m_store.removeTokens(m_connectionId), this, [this](const Result<void> &) {
            emitFinished(
                    wb::core::fail(u"oauth.cancelled"_s, tr("The authorization was cancelled.")));
        });
        return;
    }
    if (!stored) {
        m_state = State::Failed;
        emitFinished(wb::core::fail(stored.error()));
        return;
    }
    m_state = State::Succeeded;
    emitFinished(outcome);
}

void AuthorizationFlow::fail(Error error)
{
    if (m_state == State::Succeeded || m_state == State::Failed)
        return;
    m_state = State::Failed;
    m_timeout.stop();
    disconnect(m_replyHandler, nullptr, m_flow, nullptr);
    stopListening();
    if (m_exchange) {
        m_exchange->disconnect(this);
        m_exchange->abort();
        m_exchange->deleteLater();
        m_exchange = nullptr;
    }
    emitFinished(wb::core::fail(std::move(error)));
}

void AuthorizationFlow::stopListening()
{
    if (m_replyHandler->isListening())
        m_replyHandler->close();
}

void AuthorizationFlow::emitFinished(Result<AuthorizationOutcome> result)
{
    if (m_finishedEmitted)
        return;
    m_finishedEmitted = true;
    // Always from the event loop: receivers may delete the flow, which must not happen inside the
    // reply handler's or the timer's own call stack.
    QMetaObject::invokeMethod(
            this, [this, result = std::move(result)] { Q_EMIT finished(result); },
            Qt::QueuedConnection);
}

} // namespace wb::core
