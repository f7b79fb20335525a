// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {

using Field = core::SettingsIssue::Field;
using Severity = core::SettingsIssue::Severity;

const QString errorStyle = u"color: #c0392b;"_s;
const QString warningStyle = u"color: #b9770e;"_s;

} // namespace

SettingsDialog::SettingsDialog(const core::AppSettings &s, core::SettingsEnvironment environment,
                               QWidget *parent)
    : QDialog(parent)
    , m_environment(std::move(environment))
    , m_pages(new QTabWidget(this))
    , m_saveError(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    m_pages->setObjectName(u"settingsPages"_s);
    m_pages->addTab(createGeneralPage(), tr("General"));
    m_saveError->setObjectName(u"saveError"_s);
    m_saveError->setStyleSheet(errorStyle);
    m_saveError->setWordWrap(true);
    m_saveError->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_saveError);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_address->setText(s.receiverAddress);
    m_port->setValue(s.receiverPort);
    m_publicUrl->setText(s.publicBaseUrl);
    m_workspace->setText(s.workspaceLocation);
    if (m_retryPolicy->findText(s.defaultRetryPolicy) < 0)
        m_retryPolicy->addItem(s.defaultRetryPolicy); // shown, and reported as unknown
    m_retryPolicy->setCurrentText(s.defaultRetryPolicy);
    m_requestsPerSecond->setValue(s.requestsPerSecond);
    m_burst->setValue(s.burst);
    m_concurrency->setValue(s.concurrencyLimit);
    m_browser->setText(s.browserCommand);

    for (QLineEdit *edit : {m_address, m_publicUrl, m_workspace, m_browser})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    for (QSpinBox *spin : {m_port, m_burst, m_concurrency})
        connect(spin, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    connect(m_requestsPerSecond, &QDoubleSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    connect(m_retryPolicy, &QComboBox::currentTextChanged, this, &SettingsDialog::revalidate);
    revalidate();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

QLabel *SettingsDialog::addMessageLabel(Field field, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(core::settingsKey(field).replace(u'/', u'_') + u"_message"_s);
    label->setWordWrap(true);
    label->hide();
    m_messages.insert(int(field), label);
    return label;
}

QWidget *SettingsDialog::createGeneralPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);

    auto *receiver = new QGroupBox(tr("Receiver"), page);
    auto *receiverForm = new QFormLayout(receiver);
    m_address = new QLineEdit(receiver);
    m_address->setObjectName(u"receiverAddress"_s);
    m_address->setToolTip(tr("127.0.0.1 receives webhooks from this computer only (through a "
                             "tunnel); another address exposes the receiver to that network."));
    receiverForm->addRow(tr("&Address:"), m_address);
    receiverForm->addRow(QString(), addMessageLabel(Field::ReceiverAddress, receiver));
    m_port = new QSpinBox(receiver);
    m_port->setObjectName(u"receiverPort"_s);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    receiverForm->addRow(tr("&Port:"), m_port);
    receiverForm->addRow(QString(), addMessageLabel(Field::ReceiverPort, receiver));
    m_publicUrl = new QLineEdit(receiver);
    m_publicUrl->setObjectName(u"publicUrl"_s);
    m_publicUrl->setPlaceholderText(tr("Optional, such as https://abc.ngrok.app"));
    m_publicUrl->setToolTip(tr("Where providers reach this receiver through a tunnel or reverse "
                               "proxy. The webhook URLs to register start with it."));
    receiverForm->addRow(tr("P&ublic URL:"), m_publicUrl);
    receiverForm->addRow(QString(), addMessageLabel(Field::PublicBaseUrl, receiver));
    layout->addWidget(receiver);

    auto *workspace = new QGroupBox(tr("Workspace"), page);
    auto *workspaceForm = new QFormLayout(workspace);
    m_workspace = new QLineEdit(workspace);
    m_workspace->setObjectName(u"workspaceLocation"_s);
    m_workspace->setPlaceholderText(tr("Default: the workspace in your data folder"));
    auto *browse = new QPushButton(tr("Browse…"), workspace);
    browse->setObjectName(u"browseWorkspace"_s);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseWorkspace);
    auto *workspaceRow = new QHBoxLayout;
    workspaceRow->addWidget(m_workspace);
    workspaceRow->addWidget(browse);
    auto *fileLabel = new QLabel(tr("&File:"), workspace);
    fileLabel->setBuddy(m_workspace);
    workspaceForm->addRow(fileLabel, workspaceRow);
    workspaceForm->addRow(QString(), addMessageLabel(Field::WorkspaceLocation, workspace));
    auto *restartNote = new QLabel(tr("A new workspace opens the next time Wirebench starts."),
                                   workspace);
    restartNote->setEnabled(false);
    workspaceForm->addRow(QString(), restartNote);
    layout->addWidget(workspace);

    auto *delivery = new QGroupBox(tr("Outgoing deliveries (defaults per connection)"), page);
    auto *deliveryForm = new QFormLayout(delivery);
    m_retryPolicy = new QComboBox(delivery);
    m_retryPolicy->setObjectName(u"defaultRetryPolicy"_s);
    m_retryPolicy->addItems(m_environment.retryPolicyNames);
    deliveryForm->addRow(tr("&Retry policy:"), m_retryPolicy);
    deliveryForm->addRow(QString(), addMessageLabel(Field::DefaultRetryPolicy, delivery));
    m_requestsPerSecond = new QDoubleSpinBox(delivery);
    m_requestsPerSecond->setObjectName(u"requestsPerSecond"_s);
    m_requestsPerSecond->setRange(0.0, 100000.0);
    m_requestsPerSecond->setDecimals(2);
    m_requestsPerSecond->setSuffix(tr(" requests/s"));
    deliveryForm->addRow(tr("R&ate:"), m_requestsPerSecond);
    deliveryForm->addRow(QString(), addMessageLabel(Field::RequestsPerSecond, delivery));
    m_burst = new QSpinBox(delivery);
    m_burst->setObjectName(u"burst"_s);
    m_burst->setRange(0, 100000);
    m_burst->setSuffix(tr(" requests"));
    deliveryForm->addRow(tr("&Burst:"), m_burst);
    deliveryForm->addRow(QString(), addMessageLabel(Field::Burst, delivery));
    m_concurrency = new QSpinBox(delivery);
    m_concurrency->setObjectName(u"concurrencyLimit"_s);
    m_concurrency->setRange(0, 100000);
    m_concurrency->setSuffix(tr(" in flight"));
    deliveryForm->addRow(tr("&Concurrency limit:"), m_concurrency);
    deliveryForm->addRow(QString(), addMessageLabel(Field::ConcurrencyLimit, delivery));
    layout->addWidget(delivery);

    auto *oauth = new QGroupBox(tr("Authorization"), page);
    auto *oauthForm = new QFormLayout(oauth);
    m_browser = new QLineEdit(oauth);
    m_browser->setObjectName(u"browserCommand"_s);
    m_browser->setPlaceholderText(tr("Default: $WIREBENCH_BROWSER, else the desktop's browser"));
    m_browser->setToolTip(tr("A program and its arguments; the authorization URL is added as "
                             "the last argument."));
    oauthForm->addRow(tr("Browser &command:"), m_browser);
    oauthForm->addRow(QString(), addMessageLabel(Field::BrowserCommand, oauth));
    layout->addWidget(oauth);
    layout->addStretch(1);
    return page;
}

core::AppSettings SettingsDialog::settings() const
{
    core::AppSettings s;
    s.receiverAddress = m_address->text().trimmed();
    s.receiverPort = m_port->value();
    s.publicBaseUrl = m_publicUrl->text().trimmed();
    s.workspaceLocation = m_workspace->text().trimmed();
    s.defaultRetryPolicy = m_retryPolicy->currentText();
    s.requestsPerSecond = m_requestsPerSecond->value();
    s.burst = m_burst->value();
    s.concurrencyLimit = m_concurrency->value();
    s.browserCommand = m_browser->text().trimmed();
    return s;
}

QLabel *SettingsDialog::messageLabel(Field field) const
{
    return m_messages.value(int(field));
}

void SettingsDialog::addPage(QWidget *page, const QString &title)
{
    m_pages->addTab(page, title);
}

void SettingsDialog::showSaveError(const QString &message)
{
    m_saveError->setText(message);
    m_saveError->setVisible(!message.isEmpty());
}

void SettingsDialog::browseWorkspace()
{
    // Asynchronous (open()), never a nested event loop.
    auto *dialog = new QFileDialog(this, tr("Workspace file"), m_workspace->text(),
                                   tr("Wirebench workspaces (*.sqlite);;All files (*)"));
    dialog->setObjectName(u"workspaceFileDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontConfirmOverwrite);
    dialog->setDefaultSuffix(u"sqlite"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, m_workspace, &QLineEdit::setText);
    dialog->open();
}

void SettingsDialog::revalidate()
{
    m_issues = core::validateSettings(settings(), m_environment);
    for (QLabel *label : std::as_const(m_messages)) {
        label->clear();
        label->hide();
    }
    QSet<int> shown; // the first problem of a field is the one shown
    for (const core::SettingsIssue &issue : std::as_const(m_issues)) {
        QLabel *label = m_messages.value(int(issue.field));
        if (!label || shown.contains(int(issue.field)))
            continue;
        shown.insert(int(issue.field));
        label->setText(issue.error.message);
        label->setStyleSheet(issue.severity == Severity::Error ? errorStyle : warningStyle);
        label->show();
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!core::hasErrors(m_issues));
    showSaveError({});
}

} // namespace wb::ui
