// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connections/appcredentialdialog.h"

#include "core/util/futures.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {
constexpr qsizetype maxValueBytes = 64 * 1024; // core::SecretStore::maxValueSize
} // namespace

AppCredentialDialog::AppCredentialDialog(const QString &providerName, const QString &hint,
                                         Store store, QWidget *parent)
    : QDialog(parent)
    , m_store(std::move(store))
    , m_hint(new QLabel(this))
    , m_value(new QPlainTextEdit(this))
    , m_load(new QPushButton(tr("&Load from file…"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"appCredentialDialog"_s);
    setWindowTitle(tr("App credential"));
    m_hint->setObjectName(u"hint"_s);
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Wirebench checks this connection's webhook registrations at %1 with your "
                       "app's own credential, not the tenant's token. Paste %2.\n\nIt goes to the "
                       "workspace's secret store and replaces the one stored before; it is not "
                       "shown again.")
                            .arg(providerName, hint));
    m_value->setObjectName(u"value"_s);
    m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_value->setPlaceholderText(tr("the key or token, or load a .pem file"));
    m_value->setTabChangesFocus(true);
    m_load->setObjectName(u"loadFile"_s);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e"_s);
    m_error->hide();
    storeButton()->setText(tr("&Store"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_load);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addWidget(m_value, 1);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(560, 360);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AppCredentialDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AppCredentialDialog::reject);
    connect(m_value, &QPlainTextEdit::textChanged, m_error, &QWidget::hide);
    connect(m_load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load the app credential"), {},
                                                          tr("Keys (*.pem *.key *.txt);;All "
                                                             "files (*)"));
        if (!path.isEmpty())
            loadFile(path);
    });
}

QPushButton *AppCredentialDialog::storeButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString AppCredentialDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void AppCredentialDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

bool AppCredentialDialog::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray content = file.read(maxValueBytes + 1);
    if (content.size() > maxValueBytes) {
        showError(tr("%1 is larger than 64 KiB: not a key or token.").arg(path));
        return false;
    }
    m_value->setPlainText(QString::fromUtf8(content));
    return true;
}

void AppCredentialDialog::accept()
{
    // Pasted text often brings spaces or a line break at either end; no key or token has them.
    const QByteArray value = m_value->toPlainText().toUtf8().trimmed();
    if (value.isEmpty()) {
        showError(tr("Paste the credential, or load it from a file."));
        m_value->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (value.size() > maxValueBytes) {
        showError(tr("The credential is %1 bytes; at most 64 KiB are kept.").arg(value.size()));
        return;
    }
    if (!m_store)
        return;
    m_buttons->setEnabled(false);
    core::whenFinished(m_store(value), this, [this](const core::Result<void> &done) {
        m_buttons->setEnabled(true);
        if (!done) {
            showError(tr("The credential was not stored: %1").arg(done.error().message));
            return;
        }
        m_value->clear();
        Q_EMIT stored();
        QDialog::accept();
    });
}

} // namespace wb::ui
