// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connections/registrationssection.h"

#include "core/util/futures.h"
#include "models/registrationlistmodel.h"
#include "ui/connections/appcredentialdialog.h"
#include "ui/connections/registrationdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

using Model = models::RegistrationListModel;

RegistrationsSection::RegistrationsSection(const core::Clock *clock, QWidget *parent)
    : QGroupBox(tr("Webhook registrations"), parent)
    , m_clock(clock)
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_details(new QLabel(this))
    , m_error(new QLabel(this))
    , m_add(new QPushButton(tr("A&dd…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("Re&move…"), this))
    , m_reregister(new QCheckBox(tr("Allow re-re&gistration"), this))
    , m_appCredential(new QPushButton(tr("A&pp credential…"), this))
    , m_notice(new QLabel(this))
    , m_ticker(new QTimer(this))
{
    setObjectName(u"registrationsSection"_s);
    m_table->setObjectName(u"registrations"_s);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_empty->setObjectName(u"registrationsEmpty"_s);
    m_empty->setWordWrap(true);
    m_details->setObjectName(u"registrationDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextFormat(Qt::PlainText);
    m_error->setObjectName(u"registrationsError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e"_s);
    m_error->hide();
    m_add->setObjectName(u"addRegistration"_s);
    m_edit->setObjectName(u"editRegistration"_s);
    m_edit->setToolTip(tr("Correct what was registered (id, scope, target URL, events, expiry, "
                          "body)."));
    m_remove->setObjectName(u"removeRegistration"_s);
    m_reregister->setObjectName(u"allowReregistration"_s);
    m_appCredential->setObjectName(u"appCredential"_s);
    m_appCredential->hide();
    m_notice->setObjectName(u"registrationsNotice"_s);
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_reregister->setToolTip(tr("Let the health monitor register the selected webhook again when "
                                "the provider lost it (it sends the stored registration body)."));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_reregister);
    buttons->addStretch(1);
    buttons->addWidget(m_appCredential);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_error);
    layout->addWidget(m_notice);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &RegistrationsSection::openAddDialog);
    connect(m_edit, &QPushButton::clicked, this, &RegistrationsSection::openEditDialog);
    connect(m_appCredential, &QPushButton::clicked, this,
            &RegistrationsSection::openAppCredentialDialog);
    connect(m_table, &QAbstractItemView::doubleClicked, this, &RegistrationsSection::openEditDialog);
    connect(m_remove, &QPushButton::clicked, this, &RegistrationsSection::askToRemove);
    // clicked, not toggled: updateState() sets the check state without storing anything.
    connect(m_reregister, &QCheckBox::clicked, this, &RegistrationsSection::toggleReregister);
    setProviderName({});
    m_ticker->setInterval(defaultRefreshIntervalMs);
    // A read merges by id (the selection stays) and recomputes the relative times.
    connect(m_ticker, &QTimer::timeout, this, [this] {
        if (m_model && m_model->connectionId() != 0)
            m_model->refresh();
    });
}

void RegistrationsSection::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    if (m_model)
        m_model->updateTimes();
    m_ticker->start();
}

void RegistrationsSection::hideEvent(QHideEvent *event)
{
    QGroupBox::hideEvent(event);
    m_ticker->stop();
}

void RegistrationsSection::setAppCredentialAccess(AppCredentialAccess access)
{
    m_appCredentialAccess = std::move(access);
    updateState();
}

AppCredentialDialog *RegistrationsSection::appCredentialDialog() const
{
    return m_appCredentialDialog;
}

void RegistrationsSection::openAppCredentialDialog()
{
    const qint64 connectionId = m_model ? m_model->connectionId() : 0;
    const QString hint = connectionId && m_appCredentialAccess.hint
                                 ? m_appCredentialAccess.hint(connectionId)
                                 : QString();
    if (hint.isEmpty() || !m_appCredentialAccess.store || m_appCredentialDialog)
        return;
    m_notice->hide();
    m_appCredentialDialog = new AppCredentialDialog(
            m_providerName, hint,
            [store = m_appCredentialAccess.store, connectionId](const QByteArray &value) {
                return store(connectionId, value);
            },
            this);
    m_appCredentialDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_appCredentialDialog, &AppCredentialDialog::stored, this, [this, connectionId] {
        m_noticeConnectionId = connectionId;
        m_notice->setText(tr("App credential stored: the next check of these registrations uses "
                             "it."));
        m_notice->show();
    });
    m_appCredentialDialog->open();
}

void RegistrationsSection::setRefreshIntervalMs(int intervalMs)
{
    m_ticker->setInterval(intervalMs);
}

void RegistrationsSection::setModel(models::RegistrationListModel *model)
{
    m_model = model;
    m_table->setModel(model);
    if (model) {
        QHeaderView *header = m_table->horizontalHeader();
        // The state takes the free width. The target URL and the events are in the details
        // below; the header's context menu shows them as columns too.
        header->setStretchLastSection(false);
        header->setSectionResizeMode(QHeaderView::ResizeToContents);
        header->setSectionResizeMode(Model::StateColumn, QHeaderView::Stretch);
        header->setContextMenuPolicy(Qt::ActionsContextMenu);
        qDeleteAll(header->actions());
        for (int column = 0; column < Model::ColumnCount; ++column) {
            auto *action = new QAction(model->headerData(column, Qt::Horizontal).toString(), header);
            action->setCheckable(true);
            action->setEnabled(column != Model::RegistrationColumn);
            const bool shown = column != Model::TargetUrlColumn && column != Model::EventsColumn;
            action->setChecked(shown);
            header->setSectionHidden(column, !shown);
            connect(action, &QAction::toggled, header,
                    [header, column](bool on) { header->setSectionHidden(column, !on); });
            header->addAction(action);
        }
        for (const auto signal :
             {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, &RegistrationsSection::updateState);
        connect(model, &QAbstractItemModel::modelReset, this, &RegistrationsSection::updateState);
        connect(model, &QAbstractItemModel::dataChanged, this, &RegistrationsSection::updateState);
        connect(model, &Model::loaded, this, &RegistrationsSection::updateState);
        // After a read the asked-for registration is either selected or not this connection's.
        connect(model, &Model::loaded, this, [this] {
            applyPendingSelection();
            m_pendingSelection = 0;
        });
        connect(model, &QAbstractItemModel::rowsInserted, this,
                &RegistrationsSection::applyPendingSelection);
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &RegistrationsSection::updateState);
    }
    updateState();
}

void RegistrationsSection::setProviderName(const QString &providerName)
{
    m_providerName = providerName.isEmpty() ? tr("the provider") : providerName;
    m_empty->setText(tr("No registrations recorded for this connection. Add the webhook you "
                        "registered at %1 so Wirebench can check it.")
                             .arg(m_providerName));
}

void RegistrationsSection::selectRegistration(qint64 registrationId)
{
    m_pendingSelection = registrationId;
    applyPendingSelection();
}

void RegistrationsSection::applyPendingSelection()
{
    const int row = m_model && m_pendingSelection ? m_model->rowOf(m_pendingSelection) : -1;
    if (row < 0)
        return;
    m_pendingSelection = 0;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

qint64 RegistrationsSection::selectedRegistrationId() const
{
    if (!m_model || !m_table->selectionModel())
        return 0;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(models::IdRole).toLongLong();
}

RegistrationDialog *RegistrationsSection::addDialog() const
{
    return m_dialog;
}

QMessageBox *RegistrationsSection::removeQuestion() const
{
    return m_question;
}

RegistrationDialog *RegistrationsSection::newDialog()
{
    if (!m_model || m_model->connectionId() == 0 || m_dialog)
        return nullptr;
    m_error->hide();
    m_dialog = new RegistrationDialog(m_model, m_clock, m_model->connectionId(), m_providerName,
                                      this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto select = [this](const core::Registration &saved) {
        selectRegistration(saved.id);
    };
    connect(m_dialog, &RegistrationDialog::registrationAdded, this, select);
    connect(m_dialog, &RegistrationDialog::registrationUpdated, this, select);
    return m_dialog;
}

void RegistrationsSection::openAddDialog()
{
    if (RegistrationDialog *dialog = newDialog())
        dialog->open();
}

void RegistrationsSection::openEditDialog()
{
    const qint64 id = selectedRegistrationId();
    const auto registration = m_model ? m_model->registrationAt(m_model->rowOf(id)) : std::nullopt;
    if (!registration)
        return;
    if (RegistrationDialog *dialog = newDialog()) {
        dialog->setRegistration(*registration);
        dialog->open();
    }
}

void RegistrationsSection::askToRemove()
{
    const qint64 id = selectedRegistrationId();
    const auto registration = m_model ? m_model->registrationAt(m_model->rowOf(id)) : std::nullopt;
    if (!registration || m_question)
        return;
    m_error->hide();
    m_question = new QMessageBox(QMessageBox::Question, tr("Remove webhook registration"),
                                 tr("Remove the registration “%1” from Wirebench?")
                                         .arg(registration->displayName()),
                                 QMessageBox::Yes | QMessageBox::Cancel, this);
    m_question->setObjectName(u"removeRegistrationQuestion"_s);
    m_question->setInformativeText(
            tr("Wirebench stops checking it. The webhook stays registered at %1: delete it there "
               "too if it is no longer wanted.")
                    .arg(m_providerName));
    m_question->button(QMessageBox::Yes)->setText(tr("Remove"));
    m_question->setDefaultButton(QMessageBox::Cancel);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_question, &QMessageBox::finished, this, [this, id](int result) {
        if (result != QMessageBox::Yes || !m_model)
            return;
        core::whenFinished(m_model->remove(id), this, [this](const core::Result<qint64> &removed) {
            if (!removed) {
                m_error->setText(
                        tr("Cannot remove the registration: %1").arg(removed.error().message));
                m_error->show();
            }
        });
    });
    m_question->open();
}

void RegistrationsSection::toggleReregister(bool allowed)
{
    const qint64 id = selectedRegistrationId();
    if (!m_model || id == 0)
        return;
    m_error->hide();
    m_reregister->setEnabled(false);
    core::whenFinished(m_model->setReregisterAllowed(id, allowed), this,
                       [this](const core::Result<core::Registration> &updated) {
                           if (!updated) {
                               m_error->setText(tr("Cannot change re-registration: %1")
                                                        .arg(updated.error().message));
                               m_error->show();
                           }
                           updateState();
                       });
}

void RegistrationsSection::updateState()
{
    const bool empty = !m_model || m_model->rowCount() == 0;
    m_empty->setVisible(empty && m_model && m_model->isLoaded() && m_model->connectionId() != 0);
    m_table->setVisible(!empty);
    const qint64 connectionId = m_model ? m_model->connectionId() : 0;
    m_add->setEnabled(connectionId != 0);
    const bool appCredential = connectionId != 0 && m_appCredentialAccess.hint
                               && m_appCredentialAccess.store
                               && !m_appCredentialAccess.hint(connectionId).isEmpty();
    m_appCredential->setVisible(appCredential);
    if (m_noticeConnectionId != connectionId)
        m_notice->hide();
    const qint64 id = selectedRegistrationId();
    const auto registration = id ? m_model->registrationAt(m_model->rowOf(id)) : std::nullopt;
    m_edit->setEnabled(registration.has_value());
    m_remove->setEnabled(registration.has_value());
    m_reregister->setEnabled(registration.has_value());
    m_reregister->setChecked(registration && registration->reregisterAllowed);
    const QModelIndex current = registration ? m_model->index(m_model->rowOf(id), 0)
                                             : QModelIndex();
    m_details->setText(current.data(Model::DetailsTextRole).toString());
    m_details->setVisible(current.isValid());
}

} // namespace wb::ui
