// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connections/connectionpage.h"

#include "core/store/connection.h"
#include "core/util/clock.h"
#include "models/identitymappingmodel.h"
#include "models/registrationlistmodel.h"
#include "models/tenanttreemodel.h"
#include "ui/connections/durationtext.h"
#include "ui/connections/registrationssection.h"

#include <QClipboard>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {

using Model = models::TenantTreeModel;

QString badgeStyle(const QColor &colour)
{
    return u"QLabel { background: %1; color: white; border-radius: 8px; padding: 0px 10px; "
           "font-weight: bold; }"_s.arg(colour.name());
}

QString statusTitle(core::ConnectionStatus status)
{
    using S = core::ConnectionStatus;
    switch (status) {
    case S::Unauthorized:
        return ConnectionPage::tr("Not authorized");
    case S::Authorized:
        return ConnectionPage::tr("Authorized");
    case S::Expiring:
        return ConnectionPage::tr("Expiring");
    case S::NeedsReauthorization:
        return ConnectionPage::tr("Needs re-authorization");
    case S::Revoked:
        return ConnectionPage::tr("Revoked");
    case S::Disabled:
        return ConnectionPage::tr("Disabled");
    }
    return {};
}

QString localTime(qint64 utcMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toLocalTime(),
                              QLocale::ShortFormat);
}

QLabel *valueLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ConnectionPage::ConnectionPage(const core::Clock *clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_tenant(new QLabel(this))
    , m_status(valueLabel(u"connectionStatus"_s, this))
    , m_explanation(valueLabel(u"connectionExplanation"_s, this))
    , m_expiry(valueLabel(u"tokenExpiry"_s, this))
    , m_lastRefresh(valueLabel(u"lastRefresh"_s, this))
    , m_lastCheck(valueLabel(u"lastCheck"_s, this))
    , m_scopes(valueLabel(u"grantedScopes"_s, this))
    , m_webhookUrl(valueLabel(u"webhookUrl"_s, this))
    , m_copyWebhookUrl(new QPushButton(tr("&Copy"), this))
    , m_mappings(new QTableView(this))
    , m_mappingsEmpty(new QLabel(this))
    , m_registrations(new RegistrationsSection(clock, this))
    , m_providerName([](const QString &providerId) { return providerId; })
    , m_refresh(new QPushButton(tr("Refresh &now"), this))
    , m_authorize(new QPushButton(tr("Re-&authorize in browser…"), this))
    , m_ticker(new QTimer(this))
{
    setObjectName(u"connectionPage"_s);
    m_title->setObjectName(u"connectionTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_tenant->setObjectName(u"connectionTenant"_s);
    m_status->setWordWrap(false);
    m_status->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setMinimumHeight(m_status->fontMetrics().height() + 6);
    m_refresh->setObjectName(u"refreshNow"_s);
    m_authorize->setObjectName(u"reauthorize"_s);

    auto *titleText = new QVBoxLayout;
    titleText->setSpacing(0);
    titleText->addWidget(m_title);
    titleText->addWidget(m_tenant);
    auto *header = new QHBoxLayout;
    header->addWidget(m_icon);
    header->addLayout(titleText, 1);
    header->addWidget(m_refresh);
    header->addWidget(m_authorize);

    m_copyWebhookUrl->setObjectName(u"copyWebhookUrl"_s);
    m_copyWebhookUrl->setToolTip(tr("Copy the webhook URL to register at the provider"));
    auto *webhook = new QHBoxLayout;
    webhook->addWidget(new QLabel(tr("Webhook URL:"), this));
    m_webhookUrl->setWordWrap(false); // one URL, copied whole
    webhook->addWidget(m_webhookUrl);
    webhook->addWidget(m_copyWebhookUrl);
    webhook->addStretch(1);

    auto *statusBox = new QGroupBox(tr("Authorization"), this);
    // Its rows keep their height; the tables below take the free space.
    statusBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *form = new QFormLayout(statusBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Status:"), m_status);
    form->addRow(QString(), m_explanation);
    form->addRow(tr("Access token:"), m_expiry);
    form->addRow(tr("Last refresh:"), m_lastRefresh);
    form->addRow(tr("Last validity check:"), m_lastCheck);
    form->addRow(tr("Scopes:"), m_scopes);

    auto *mappingsBox = new QGroupBox(tr("Identity mappings"), this);
    auto *mappingsLayout = new QVBoxLayout(mappingsBox);
    m_mappings->setObjectName(u"identityMappings"_s);
    m_mappings->verticalHeader()->hide();
    m_mappings->horizontalHeader()->setStretchLastSection(true);
    m_mappings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mappings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mappingsEmpty->setObjectName(u"identityMappingsEmpty"_s);
    m_mappingsEmpty->setWordWrap(true);
    m_mappingsEmpty->setText(
            tr("No identity mapping yet: events from this connection's external account cannot "
               "be routed to the tenant. Authorizing the connection creates one."));
    mappingsLayout->addWidget(m_mappingsEmpty);
    mappingsLayout->addWidget(m_mappings);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(webhook);
    layout->addWidget(statusBox);
    layout->addWidget(mappingsBox, 1);
    layout->addWidget(m_registrations, 1);

    connect(m_copyWebhookUrl, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_webhookUrl->text()); });
    connect(m_refresh, &QPushButton::clicked, this,
            [this] { Q_EMIT refreshRequested(m_connectionId); });
    connect(m_authorize, &QPushButton::clicked, this,
            [this] { Q_EMIT authorizeRequested(m_connectionId); });
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &ConnectionPage::updateCountdown);
    setGrantDetails({}, std::nullopt);
    updateFromModel();
}

void ConnectionPage::setConnection(const QModelIndex &connection)
{
    disconnect(m_dataChanged);
    disconnect(m_rowsRemoved);
    m_index = connection;
    if (const QAbstractItemModel *model = connection.model()) {
        m_dataChanged = connect(model, &QAbstractItemModel::dataChanged, this,
                                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                                    if (m_index.isValid() && m_index.parent() == topLeft.parent()
                                        && m_index.row() >= topLeft.row()
                                        && m_index.row() <= bottomRight.row())
                                        updateFromModel();
                                });
        // QPersistentModelIndex turns invalid once the row is removed.
        m_rowsRemoved = connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
            if (!m_index.isValid() && m_connectionId != 0) {
                updateFromModel();
                Q_EMIT connectionGone();
            }
        });
    }
    setGrantDetails({}, std::nullopt);
    const qint64 shown = m_connectionId;
    updateFromModel();
    // Picked again: read its registrations again (the monitor or the CLI may have changed them).
    if (m_registrationModel && m_connectionId != 0 && m_connectionId == shown)
        m_registrationModel->refresh();
}

void ConnectionPage::setIdentityMappings(QAbstractItemModel *mappings)
{
    m_mappings->setModel(mappings);
    if (mappings && mappings->columnCount() > 0) {
        // The note takes the free width; ids and dates keep theirs.
        QHeaderView *header = m_mappings->horizontalHeader();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(QHeaderView::ResizeToContents);
        header->setSectionResizeMode(models::IdentityMappingModel::NoteColumn, QHeaderView::Stretch);
    }
    const auto update = [this] {
        const bool empty = !m_mappings->model() || m_mappings->model()->rowCount() == 0;
        m_mappingsEmpty->setVisible(empty);
        m_mappings->setVisible(!empty);
    };
    if (mappings) {
        connect(mappings, &QAbstractItemModel::rowsInserted, this, update);
        connect(mappings, &QAbstractItemModel::rowsRemoved, this, update);
        connect(mappings, &QAbstractItemModel::modelReset, this, update);
    }
    update();
}

void ConnectionPage::setRegistrations(models::RegistrationListModel *registrations)
{
    m_registrationModel = registrations;
    m_registrations->setModel(registrations);
    if (registrations)
        registrations->setConnection(m_connectionId);
}

void ConnectionPage::setProviderDisplayName(std::function<QString(const QString &)> name)
{
    m_providerName = std::move(name);
    updateFromModel();
}

void ConnectionPage::setWebhookUrl(std::function<QUrl(qint64)> url)
{
    m_webhookUrlOf = std::move(url);
    updateWebhookUrl();
}

void ConnectionPage::updateWebhookUrl()
{
    const QUrl url = m_webhookUrlOf && m_connectionId ? m_webhookUrlOf(m_connectionId) : QUrl();
    m_copyWebhookUrl->setEnabled(!url.isEmpty());
    if (!url.isEmpty())
        m_webhookUrl->setText(url.toString());
    else if (m_connectionId)
        m_webhookUrl->setText(tr("none: the receiver is not listening (see the status bar)"));
    else
        m_webhookUrl->clear();
}

void ConnectionPage::setGrantDetails(const QStringList &scopes,
                                     std::optional<qint64> lastRefreshAtMs)
{
    m_scopes->setText(scopes.isEmpty() ? tr("not recorded") : scopes.join(u", "_s));
    m_lastRefresh->setText(
            lastRefreshAtMs ? tr("%1 (%2)").arg(localTime(*lastRefreshAtMs),
                                                relativeText(*lastRefreshAtMs, m_clock->nowMs()))
                            : tr("not recorded"));
}

void ConnectionPage::updateFromModel()
{
    if (!m_index.isValid()) {
        m_connectionId = 0;
        if (m_registrationModel)
            m_registrationModel->setConnection(0);
        m_expiresAtMs.reset();
        m_ticker->stop();
        m_title->clear();
        m_tenant->clear();
        m_icon->clear();
        m_status->clear();
        m_explanation->clear();
        m_expiry->clear();
        m_lastCheck->clear();
        m_refresh->setEnabled(false);
        m_authorize->setEnabled(false);
        updateWebhookUrl();
        return;
    }
    const auto connection = m_index.data(Model::ConnectionRole).value<core::Connection>();
    m_connectionId = connection.id;
    updateWebhookUrl();
    m_registrations->setProviderName(m_providerName(connection.providerId));
    if (m_registrationModel)
        m_registrationModel->setConnection(connection.id);
    m_title->setText(m_index.data(Qt::DisplayRole).toString());
    m_tenant->setText(tr("Tenant: %1").arg(m_index.parent().data(Qt::DisplayRole).toString()));
    const QIcon icon = m_index.data(Model::ProviderIconRole).value<QIcon>();
    m_icon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(40, 40));
    m_icon->setVisible(!icon.isNull());

    using S = core::ConnectionStatus;
    m_status->setText(statusTitle(connection.status));
    const auto colour = m_index.data(Model::StatusColorRole).value<QColor>();
    m_status->setStyleSheet(badgeStyle(colour.isValid() ? colour : QColor(0x9a, 0xa0, 0xa6)));
    m_explanation->setText(m_index.data(Model::StatusTextRole).toString());

    if (connection.lastCheckedAtMs) {
        m_lastCheck->setText(connection.lastCheckResult.isEmpty()
                                     ? localTime(*connection.lastCheckedAtMs)
                                     : tr("%1: %2").arg(localTime(*connection.lastCheckedAtMs),
                                                        connection.lastCheckResult));
    } else {
        m_lastCheck->setText(tr("never checked"));
    }
    m_expiresAtMs = connection.tokenExpiresAtMs;
    const bool disabled = connection.status == S::Disabled;
    m_refresh->setEnabled(connection.status == S::Authorized || connection.status == S::Expiring
                          || connection.status == S::NeedsReauthorization);
    m_authorize->setEnabled(!disabled);
    m_authorize->setText(connection.status == S::Unauthorized ? tr("&Authorize in browser…")
                                                              : tr("Re-&authorize in browser…"));
    updateCountdown();
    if (m_expiresAtMs)
        m_ticker->start();
    else
        m_ticker->stop();
}

void ConnectionPage::updateCountdown()
{
    if (!m_expiresAtMs) {
        m_expiry->setText(m_connectionId ? tr("no expiry known") : QString());
        return;
    }
    const qint64 now = m_clock->nowMs();
    const qint64 left = *m_expiresAtMs - now;
    m_expiry->setText(
            left > 0
                    ? tr("expires in %1 (at %2)").arg(countdownText(left), localTime(*m_expiresAtMs))
                    : tr("expired %1 ago (at %2)")
                              .arg(countdownText(-left), localTime(*m_expiresAtMs)));
}

} // namespace wb::ui
