// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inbound/editredeliverdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wb::ui {

EditRedeliverDialog::EditRedeliverDialog(const core::RawRequest &original,
                                         const SigningMaterial &material,
                                         std::function<qint64()> nowMs, QWidget *parent)
    : QDialog(parent)
    , m_original(original)
    , m_material(material)
    , m_nowMs(std::move(nowMs))
    , m_url(new QLineEdit(this))
    , m_headers(new QPlainTextEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_resign(new QRadioButton(tr("Re-sign with the connection's scheme and secret"), this))
    , m_unsigned(new QRadioButton(tr("Send unsigned"), this))
    , m_corrupt(new QRadioButton(tr("Send with a deliberately corrupted signature"), this))
    , m_problem(new QLabel(this))
    , m_changes(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"editRedeliverDialog"_s);
    setWindowTitle(tr("Edit and re-deliver"));
    setWindowModality(Qt::WindowModal);
    resize(760, 620);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_url->setObjectName(u"editRedeliverUrl"_s);
    m_url->setPlaceholderText(u"https://receiver.example/webhooks"_s);
    m_headers->setObjectName(u"editRedeliverHeaders"_s);
    m_headers->setFont(fixed);
    m_headers->setPlainText(models::headerLines(original.headers));
    m_body->setObjectName(u"editRedeliverBody"_s);
    m_body->setFont(fixed);
    m_body->setPlainText(QString::fromUtf8(original.body));
    m_originalBodyText = m_body->toPlainText();
    const bool canSign = material.scheme.has_value() && !material.secrets.isEmpty();
    m_resign->setEnabled(canSign);
    m_corrupt->setEnabled(canSign);
    if (!canSign) {
        m_resign->setToolTip(tr("No signature scheme or no signing secret for this request's "
                                "connection."));
    }
    (canSign ? m_resign : m_unsigned)->setChecked(true);
    m_problem->setObjectName(u"editRedeliverProblem"_s);
    m_problem->setStyleSheet(u"color: #b01e1e;"_s);
    m_problem->setWordWrap(true);
    m_changes->setObjectName(u"editRedeliverChanges"_s);
    m_changes->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Queue delivery"));

    auto *form = new QFormLayout;
    form->addRow(tr("Send to:"), m_url);
    form->addRow(tr("Header fields:"), m_headers);
    form->addRow(tr("Body:"), m_body);
    auto *signing = new QVBoxLayout;
    signing->addWidget(m_resign);
    signing->addWidget(m_unsigned);
    signing->addWidget(m_corrupt);
    form->addRow(tr("Signature:"), signing);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_changes);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QPlainTextEdit *editor : {m_headers, m_body})
        connect(editor, &QPlainTextEdit::textChanged, this, &EditRedeliverDialog::revalidate);
    connect(m_url, &QLineEdit::textChanged, this, &EditRedeliverDialog::revalidate);
    for (QRadioButton *choice : {m_resign, m_unsigned, m_corrupt})
        connect(choice, &QRadioButton::toggled, this, &EditRedeliverDialog::revalidate);
    revalidate();
}

QString EditRedeliverDialog::url() const
{
    return m_url->text().trimmed();
}

QString EditRedeliverDialog::problemText() const
{
    return m_problem->text();
}

QString EditRedeliverDialog::changesText() const
{
    return m_changes->text();
}

void EditRedeliverDialog::revalidate()
{
    const auto fail = [this](const QString &problem) {
        m_problem->setText(problem);
        m_changes->clear();
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    };
    const QUrl target(url());
    if (!target.isValid() || target.host().isEmpty()
        || (target.scheme() != u"http" && target.scheme() != u"https")) {
        fail(tr("Type the http or https URL to send to."));
        return;
    }
    const auto headers = models::parseHeaderLines(m_headers->toPlainText());
    if (!headers) {
        fail(headers.error().message);
        return;
    }
    core::RawRequest edited = m_original;
    edited.headers = *headers;
    // An untouched body keeps its exact bytes (the editor shows invalid UTF-8 and CR differently).
    const QString bodyText = m_body->toPlainText();
    edited.body = bodyText == m_originalBodyText ? m_original.body : bodyText.toUtf8();
    edited.url = url().toUtf8();
    const models::SignatureMode mode = m_resign->isChecked()    ? models::SignatureMode::Resign
                                       : m_corrupt->isChecked() ? models::SignatureMode::Corrupted
                                                                : models::SignatureMode::Unsigned;
    const core::SignatureScheme scheme = m_material.scheme.value_or(core::SignatureScheme{});
    // A scheme that signs the URL signs the one the request goes to.
    const auto prepared = models::prepareEditedRequest(
            m_original, edited, scheme, m_material.secrets, mode, m_nowMs(),
            QByteArray("msg_" + QUuid::createUuid().toByteArray(QUuid::Id128)).left(30));
    if (!prepared) {
        fail(prepared.error().message);
        return;
    }
    m_prepared = *prepared;
    m_problem->clear();
    m_changes->setText(m_prepared.changes.isEmpty()
                               ? tr("Unchanged: the request goes out as received.")
                               : tr("Changes: %1.").arg(m_prepared.changes.join(u"; "_s)));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
}

} // namespace wb::ui
