// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/masterkeydialog.h"

#include "core/secrets/masterkeycheck.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

MasterKeyDialog::MasterKeyDialog(core::Store &store, const core::Error &problem, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setObjectName(u"masterKeyDialog"_s);
    setWindowTitle(tr("Master key needed"));

    auto *intro = new QLabel(
            tr("<p><b>This workspace's secrets are sealed, and Wirebench has no usable master key "
               "for them.</b></p><p>Until it has one, signed webhooks are stored but not "
               "verified, and queued deliveries wait. Choose the workspace's key file (it must "
               "be readable by you only: permissions 0600).</p>"),
            this);
    intro->setWordWrap(true);
    auto *problemLabel = new QLabel(problem.message, this);
    problemLabel->setObjectName(u"problem"_s);
    problemLabel->setWordWrap(true);
    problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_path = new QLineEdit(this);
    m_path->setObjectName(u"keyFile"_s);
    m_path->setPlaceholderText(tr("/path/to/master.key"));
    m_choose = new QPushButton(tr("&Choose…"), this);
    m_choose->setObjectName(u"chooseKeyFile"_s);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_choose);
    auto *pathLabel = new QLabel(tr("&Key file:"), this);
    pathLabel->setBuddy(m_path);

    m_keychain = new QCheckBox(tr("Also keep the key in the OS &keychain, where Wirebench finds "
                                  "it next time"),
                               this);
    m_keychain->setObjectName(u"keepInKeychain"_s);

    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Use This Key"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Continue Without"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(problemLabel);
    layout->addSpacing(6);
    layout->addWidget(pathLabel);
    layout->addLayout(pathRow);
    layout->addWidget(m_keychain);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_choose, &QPushButton::clicked, this, &MasterKeyDialog::choose);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MasterKeyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MasterKeyDialog::reject);
    connect(m_path, &QLineEdit::textChanged, m_error, &QLabel::clear);
    // Room for the wrapped texts (an error naming a long path takes four lines): word-wrapped
    // labels do not make a window taller by themselves.
    m_error->setMinimumHeight(m_error->fontMetrics().lineSpacing() * 4);
    problemLabel->setMinimumHeight(problemLabel->fontMetrics().lineSpacing() * 3);
    intro->setMinimumHeight(intro->heightForWidth(600));
    setMinimumWidth(640);
    resize(640, 440);
}

QString MasterKeyDialog::errorText() const
{
    return m_error->text();
}

void MasterKeyDialog::setKeyFile(const QString &path)
{
    m_path->setText(path);
}

void MasterKeyDialog::choose()
{
    // Window-modal and asynchronous: no nested event loop.
    auto *files = new QFileDialog(this, tr("Choose the workspace's master key file"));
    files->setObjectName(u"keyFileChooser"_s);
    files->setAttribute(Qt::WA_DeleteOnClose);
    files->setFileMode(QFileDialog::ExistingFile);
    files->setOption(QFileDialog::DontUseNativeDialog);
    files->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    connect(files, &QFileDialog::fileSelected, this, &MasterKeyDialog::setKeyFile);
    files->open();
}

void MasterKeyDialog::accept()
{
    const QString path = m_path->text().trimmed();
    m_buttons->setEnabled(false);
    m_error->setText(tr("Checking the key file…"));
    core::whenFinished(core::MasterKeyCheck::checkKeyFile(m_store, path), this,
                       [this, path](const core::Result<core::LoadedMasterKey> &checked) {
                           if (!checked) {
                               m_buttons->setEnabled(true);
                               m_error->setText(checked.error().message);
                               m_path->setFocus(Qt::OtherFocusReason);
                               return;
                           }
                           if (!m_keychain->isChecked())
                               return finish(path);
                           core::whenFinished(
                                   core::storeMasterKeyInKeychain(m_store.workspaceInfo().workspaceId,
                                                                  *checked->key),
                                   this, [this, path](const core::Result<void> &stored) {
                                       if (!stored) {
                                           m_buttons->setEnabled(true);
                                           m_error->setText(
                                                   tr("The key file is right, but the keychain "
                                                      "refused a copy: %1")
                                                           .arg(stored.error().message));
                                           return;
                                       }
                                       finish(path);
                                   });
                       });
}

void MasterKeyDialog::finish(const QString &path)
{
    m_buttons->setEnabled(true);
    m_error->clear();
    m_accepted = path;
    Q_EMIT keyFileAccepted(path);
    QDialog::accept();
}

} // namespace wb::ui
