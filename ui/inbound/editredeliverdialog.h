// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"
#include "core/providers/signaturescheme.h"
#include "models/inbound/editedrequest.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace wb::ui {

// What re-signing needs: the connection's provider scheme and its webhook signing secrets
// (primary, then secondary). `scheme` absent: the provider has no signature scheme (or the
// request was loaded from a file) and only "send unsigned" is offered.
struct SigningMaterial
{
    std::optional<core::SignatureScheme> scheme;
    QList<QByteArray> secrets;
};

// "Edit and re-deliver": the destination URL, the header fields ("Name: value" per line) and the
// body of a request, with the body checked as JSON while typing (when its Content-Type is JSON),
// and how to sign it: re-signed with the connection's scheme and secret, unsigned, or with a
// deliberately corrupted signature. The label below lists what changed before anything is sent.
// `nowMs` (UTC ms) comes from the caller's clock. Window-modal; open() it (no exec()).
class EditRedeliverDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditRedeliverDialog)

public:
    EditRedeliverDialog(const core::RawRequest &original, const SigningMaterial &material,
                        std::function<qint64()> nowMs, QWidget *parent = nullptr);

    QLineEdit *urlField() const { return m_url; }
    QPlainTextEdit *headersEditor() const { return m_headers; }
    QPlainTextEdit *bodyEditor() const { return m_body; }
    QRadioButton *resignChoice() const { return m_resign; }
    QRadioButton *unsignedChoice() const { return m_unsigned; }
    QRadioButton *corruptChoice() const { return m_corrupt; }
    QString problemText() const;
    QString changesText() const;
    // The request as it will be sent (valid after the dialog was accepted, or when
    // problemText() is empty).
    const models::EditedRequest &prepared() const { return m_prepared; }
    QString url() const;

private:
    void revalidate();

    core::RawRequest m_original;
    QString m_originalBodyText; // as the editor shows it
    SigningMaterial m_material;
    std::function<qint64()> m_nowMs;
    models::EditedRequest m_prepared;
    QLineEdit *m_url = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QRadioButton *m_resign = nullptr;
    QRadioButton *m_unsigned = nullptr;
    QRadioButton *m_corrupt = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_changes = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace wb::ui
